// The command line, end to end: each test spawns `node bin/recordlint.js`
// (the built code; rebuilt first when src/ is newer) in its own temporary
// folder. Diagnostics come from the engine itself (broken front matter, an
// unknown rule in a disable comment) so these tests do not depend on rules
// that are still being written; tests over fixtures/notes check only what
// stays true as rules land (the JSON shape, exit codes matching the counts).
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeResult } from '../src/linter.js';
import { decodeNote } from '../src/files.js';
import { errorsOnly, fatalResult, lintText, outputFixes, Recordlint } from '../src/index.js';
import { RuleRegistry } from '../src/registry.js';
import { defineRule } from '../src/rule.js';
import { useColor } from '../src/cli.js';
import { builtinRules } from '../src/registry.js';
import { guidance } from '../src/guidance.js';
import { presets } from '../src/presets.js';
import { presetsEnabling } from '../src/config.js';
import { cli as spawnCli, ensureBuilt, repo, type CliOptions, type Run } from './helpers/spawn-cli.js';
import { fixtureNoteNames, tempRoot } from './helpers/folders.js';

const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
// Every test folder is inside root, so unless a test writes its own config this
// one applies: no rules, only the engine's own diagnostics. Tests stay true
// whatever the rules being written report.
const { root, folder } = tempRoot('recordlint-cli-', '{ "extends": [] }\n');

const brokenFrontMatter = '---\nchild: [unclosed\n---\n\nHome visit to see Child A.\n';
const unknownDirective = 'Spoke to Mum on the phone.\n\n<!-- recordlint-disable no-emial-paste -->\n\nShe agreed to the plan.\n';
const clean = 'Home visit. Child A showed me her drawings.\n';

/** The built command, run in root unless told otherwise. */
const cli = (args: string[], options: Partial<CliOptions> = {}): Promise<Run> => spawnCli(args, { cwd: root, ...options });

interface JsonResult {
  filePath: string;
  messages: Array<Record<string, unknown>>;
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

function parseJson(run: Run): JsonResult[] {
  return JSON.parse(run.stdout) as JsonResult[];
}

/** Every failure is one line on stderr (plus "Run recordlint --help" for usage), never a stack trace. */
function expectCleanFailure(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^recordlint: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines.slice(1).every((l) => l === 'Run recordlint --help for usage.')).toBe(true);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(() => ensureBuilt(), 120_000);

describe.concurrent('recordlint (spawned)', () => {
  describe('help, version and usage errors', () => {
    it('--version prints the version', async () => {
      const run = await cli(['--version']);
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
      expect((await cli(['-v'])).stdout).toBe(`${version}\n`);
    });

    it('--help prints usage and examples on stdout', async () => {
      const run = await cli(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: recordlint /);
      expect(run.stdout).toContain('Examples:');
      expect(run.stdout).toContain('recordlint "notes/**/*.md"');
      expect(run.stdout).toContain('--max-warnings <n>');
      expect(run.stderr).toBe('');
    });

    it('an unknown option: one line, a pointer to --help, exit 2', async () => {
      const run = await cli(['--fomat', 'json', 'x.md']);
      expectCleanFailure(run, /unknown option '--fomat'.*Did you mean --format\?/);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(2);
      expect(run.stdout).toBe('');
    });

    it('no notes given is a usage error', async () => {
      expectCleanFailure(await cli([]), /no notes given/);
    });

    it('--max-warnings must be a whole number; -1 means no limit', async () => {
      expectCleanFailure(await cli(['--max-warnings', 'lots', 'x.md']), /--max-warnings.*expected a whole number/);
      expectCleanFailure(await cli(['--max-warnings', '-2', 'x.md']), /--max-warnings/);
      const dir = folder({ 'a.md': clean });
      expect((await cli(['--max-warnings', '-1', 'a.md'], { cwd: dir })).code).toBe(0);
    });

    it('an unknown format: exit 2, the names, a suggestion, and no report file', async () => {
      const dir = folder({ 'a.md': clean });
      const run = await cli(['-f', 'jsno', '-o', 'report.txt', 'a.md'], { cwd: dir });
      expectCleanFailure(run, /unknown format "jsno" \(did you mean "json"\?\): use one of stylish, json/);
      expect(existsSync(path.join(dir, 'report.txt'))).toBe(false);
    });

    it('flags that do not go together', async () => {
      expectCleanFailure(await cli(['--stdin', 'a.md']), /--stdin lints standard input only/);
      expectCleanFailure(await cli(['a.md', '--stdin-filename', 'x.md']), /--stdin-filename .* add --stdin/);
      expectCleanFailure(await cli(['--stdin', '--fix']), /--fix cannot write to standard input/);
      expectCleanFailure(await cli(['--fix', '--fix-dry-run', 'a.md']), /--fix or --fix-dry-run/);
      expectCleanFailure(await cli(['--list-rules', '--explain', 'x']), /cannot be used together/);
      expectCleanFailure(await cli(['--print-config', 'a.md', 'b.md']), /--print-config takes no notes/);
      expectCleanFailure(await cli(['--ignore-path', 'nope', 'a.md']), /--ignore-path: cannot find "nope"/);
    });
  });

  describe('exit codes and the stylish report', () => {
    it('0 and no output when there are no problems (also for an empty file)', async () => {
      const dir = folder({ 'a.md': clean, 'empty.md': '' });
      expect(await cli(['a.md', 'empty.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('1 for an error, with path:line:col, the line, the caret, the label and the summary', async () => {
      const dir = folder({ 'visit.md': brokenFrontMatter });
      const run = await cli(['visit.md'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(/^visit\.md:3:1  error  The front matter could not be read: .*  recordlint$/);
      expect(lines[1]).toBe('  3 | ---');
      expect(lines[2]).toBe('    | ^');
      expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
      expect(run.stdout).not.toMatch(/\u001b\[/);
    });

    it('reports an unknown rule in a disable comment with the nearest id', async () => {
      const dir = folder({ 'call.md': unknownDirective });
      const run = await cli(['call.md'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^call\.md:3:1  error  Unknown rule "no-emial-paste" .*Did you mean "no-email-paste"\?  recordlint$/m);
    });

    it('2 wins over 1: a file problem and an error in the same run', async () => {
      const dir = folder({ 'a.md': brokenFrontMatter });
      const run = await cli(['a.md', 'missing.md'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('a.md:3:1  error');
      expect(run.stdout).toContain('missing.md:1:1  error  File not found.  recordlint');
    });

    it('--max-warnings and --quiet against real rules: exit codes follow the counts', async () => {
      // Stays true whatever no-email-paste reports as it is written: only its warnings count here.
      const dir = folder({ 'only-email.json': JSON.stringify({ extends: [], rules: { 'no-email-paste': 'warn' } }) });
      const note = path.join(repo, 'fixtures/notes/11-pasted-email-bad.md');
      const json = await cli(['-c', 'only-email.json', '-f', 'json', note], { cwd: dir });
      const [result] = parseJson(json);
      expect(result.errorCount).toBe(0);
      const warnings = result.warningCount;
      expect(json.code).toBe(0);
      const strict = await cli(['-c', 'only-email.json', '--max-warnings', '0', note], { cwd: dir });
      expect(strict.code).toBe(warnings > 0 ? 1 : 0);
      if (warnings > 0) expect(strict.stderr).toContain(`too many warnings (${warnings}; --max-warnings is 0)`);
      expect((await cli(['-c', 'only-email.json', '--max-warnings', String(warnings), note], { cwd: dir })).code).toBe(0);
      const quiet = await cli(['-c', 'only-email.json', '--quiet', note], { cwd: dir });
      expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    });
  });

  describe('JSON output', () => {
    it("is ESLint's results shape with recordlint's fields, without the note's text", async () => {
      const dir = folder({ 'a.md': brokenFrontMatter, 'b.md': clean });
      const run = await cli(['-f', 'json', '.'], { cwd: dir });
      expect(run.code).toBe(1);
      const results = parseJson(run);
      expect(results.map((r) => path.basename(r.filePath))).toEqual(['a.md', 'b.md']);
      expect(results[0]).toEqual({
        filePath: path.join(dir, 'a.md'),
        messages: [
          {
            ruleId: null,
            severity: 2,
            message: expect.stringMatching(/^The front matter could not be read/),
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 1,
            messageId: 'frontMatter',
          },
        ],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      });
      expect(run.stdout).not.toContain('Home visit to see Child A');
      expect(run.stdout).not.toContain('"source"');
      expect(run.stdout).not.toContain('"range"');
    });

    it('is [] for zero notes', async () => {
      const dir = folder();
      const run = await cli(['-f', 'json', '--no-error-on-unmatched-pattern', 'nothing/**/*.md'], { cwd: dir });
      expect(run).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    });

    it('runs every fixture note through the CLI in the documented shape', async () => {
      const run = await cli(['-f', 'json', path.join(repo, 'fixtures/notes')]);
      const results = parseJson(run);
      expect(results).toHaveLength(fixtureNoteNames.length);
      const known = new Set(Object.keys(builtinRules));
      let errors = 0;
      let warnings = 0;
      for (const result of results) {
        expect(Object.keys(result)).toEqual(['filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
        expect(result.errorCount + result.warningCount).toBe(result.messages.length);
        errors += result.errorCount;
        warnings += result.warningCount;
        for (const m of result.messages) {
          expect(m.ruleId === null || known.has(m.ruleId as string)).toBe(true);
          expect([1, 2]).toContain(m.severity);
          for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(m[key]).toBeGreaterThanOrEqual(1);
          expect(typeof m.message).toBe('string');
          if (m.ruleId) {
            expect(typeof m.messageId).toBe('string');
            expect(typeof m.actual).toBe('string');
            expect(Array.isArray(m.expected)).toBe(true);
            expect(m.url).toMatch(/^https:\/\//);
          }
        }
      }
      expect(run.code).toBe(errors > 0 ? 1 : 0);
      expect(warnings).toBeGreaterThanOrEqual(0);
    });
  });

  describe('stdin', () => {
    it('lints what is piped in, as <text>, with - or --stdin', async () => {
      const run = await cli(['--stdin', '-f', 'json'], { input: brokenFrontMatter });
      expect(run.code).toBe(1);
      expect(parseJson(run)[0]).toMatchObject({ filePath: '<text>', errorCount: 1 });
      const dash = await cli(['-'], { input: unknownDirective });
      expect(dash.code).toBe(1);
      expect(dash.stdout).toMatch(/^<text>:3:1  error  Unknown rule/);
    });

    it('empty stdin is an empty note: no problems, exit 0', async () => {
      const run = await cli(['--stdin', '-f', 'json'], { input: '' });
      expect(run.code).toBe(0);
      expect(parseJson(run)).toEqual([expect.objectContaining({ filePath: '<text>', messages: [] })]);
    });

    it('--stdin-filename names the note, picks text or Markdown, and picks the config', async () => {
      const dir = folder({ 'strict/.recordlintrc.json': '{ "rules": { "no-emial-paste": "off" } }' });
      const named = await cli(['--stdin', '--stdin-filename', 'visits/a.md', '-f', 'json'], { cwd: dir, input: brokenFrontMatter });
      expect(parseJson(named)[0].filePath).toBe(path.join(dir, 'visits/a.md'));
      // Plain text has no front matter, so nothing is broken.
      const text = await cli(['--stdin', '--stdin-filename', 'visits/a.txt'], { cwd: dir, input: brokenFrontMatter });
      expect(text).toEqual({ code: 0, stdout: '', stderr: '' });
      // A config beside the named file applies (here, a broken one).
      expectCleanFailure(await cli(['--stdin', '--stdin-filename', 'strict/a.md'], { cwd: dir, input: clean }), /strict\/\.recordlintrc\.json: rules\.no-emial-paste: unknown rule/);
    });

    it('binary or non-UTF-8 stdin: a clear error, exit 2', async () => {
      const run = await cli(['--stdin', '-f', 'json'], { input: Buffer.from([0x61, 0x00, 0x62]) });
      expect(run.code).toBe(2);
      expect(parseJson(run)[0].messages[0]).toMatchObject({ fatal: true, messageId: 'binary' });
      expect(run.stderr).toBe('recordlint: <text>: This is binary data, not a note (it contains NUL bytes): not linted.\n');
      const latin1 = await cli(['--stdin'], { input: Buffer.from('caf\xe9\n', 'latin1') });
      expect(latin1.code).toBe(2);
      expect(latin1.stdout).toContain('<text>:1:1  error  This note is not valid UTF-8 (the first bad byte is on line 1)');
    });

    it('an ignored --stdin-filename gives no result', async () => {
      const dir = folder({ '.recordlintignore': 'drafts/\n' });
      const run = await cli(['--stdin', '--stdin-filename', 'drafts/a.md', '-f', 'json'], { cwd: dir, input: brokenFrontMatter });
      expect(run).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    });
  });

  describe('config', () => {
    it.each([
      ['an unknown key', { '.recordlintrc.json': '{ "rulez": {} }' }, /^recordlint: \.recordlintrc\.json: rulez: unknown key .*did you mean "rules"\?/],
      ['an unknown rule', { '.recordlintrc.json': '{ "rules": { "no-emial-paste": "off" } }' }, /rules\.no-emial-paste: unknown rule \(did you mean "no-email-paste"\?\)/],
      ['a bad severity', { '.recordlintrc.yaml': 'rules:\n  no-email-paste: loud\n' }, /\.recordlintrc\.yaml: rules\.no-email-paste: expected "off", "warn" or "error"/],
      ['bad JSON', { '.recordlintrc.json': '{ "rules": { } ' }, /\.recordlintrc\.json: invalid JSON: .*\(line 1, column 16\)/],
      ['bad YAML', { '.recordlintrc.yml': 'rules: [\n' }, /\.recordlintrc\.yml: invalid YAML: /],
      ['a broken module', { 'recordlint.config.mjs': 'export default { rules: ;\n' }, /recordlint\.config\.mjs: cannot load the config module: SyntaxError|Unexpected token/],
      ['an extends loop', { '.recordlintrc.json': '{ "extends": "./.recordlintrc.json" }' }, /extends itself in a loop/],
    ])('%s: exit 2, one line naming the file and the key, no report', async (_, files, pattern) => {
      const dir = folder({ ...files, 'a.md': clean });
      const run = await cli(['-o', 'report.json', '-f', 'json', 'a.md'], { cwd: dir });
      expectCleanFailure(run, pattern);
      expect(run.stdout).toBe('');
      expect(existsSync(path.join(dir, 'report.json'))).toBe(false);
    });

    it('--no-config passes over a broken config; --config uses the one named', async () => {
      const dir = folder({ '.recordlintrc.json': '{ broken', 'good.json': '{ "extends": [], "rules": { "no-email-paste": "warn" } }', 'a.md': clean });
      // --no-config runs the recommended preset, whatever it reports: not a config error.
      const noConfig = await cli(['--no-config', '-f', 'json', 'a.md'], { cwd: dir });
      expect(noConfig.code).not.toBe(2);
      expect(noConfig.stderr).toBe('');
      expect(parseJson(noConfig)[0].filePath).toBe(path.join(dir, 'a.md'));
      expect((await cli(['--config', 'good.json', 'a.md'], { cwd: dir })).code).toBe(0);
      expectCleanFailure(await cli(['--config', 'missing.json', 'a.md'], { cwd: dir }), /missing\.json: config file not found/);
      expectCleanFailure(await cli(['a.md'], { cwd: dir }), /\.recordlintrc\.json: invalid JSON/);
    });

    it('--rule checks the id and the severity', async () => {
      const dir = folder({ 'a.md': clean });
      expect((await cli(['--rule', 'no-email-paste:off', 'a.md'], { cwd: dir })).code).toBe(0);
      expectCleanFailure(await cli(['--rule', 'no-emailpaste:off', 'a.md'], { cwd: dir }), /--rule no-emailpaste: unknown rule \(did you mean "no-email-paste"\?\)/);
      expectCleanFailure(await cli(['--rule', 'no-email-paste:loud', 'a.md'], { cwd: dir }), /--rule no-email-paste: expected/);
    });

    it('--print-config prints the resolved config as JSON, with --rule applied', async () => {
      const dir = folder({ 'team/.recordlintrc.json': '{ "rules": { "no-email-paste": 1 }, "ignorePatterns": ["drafts/"] }' });
      const run = await cli(['--print-config', 'team/notes/visit.md', '--rule', 'no-email-paste:off'], { cwd: dir });
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(printed).toMatchObject({ extends: [], rules: { 'no-email-paste': 'off' }, ignorePatterns: ['drafts/'] });
      expect(printed['//']).toContain(path.join(dir, 'team/.recordlintrc.json'));
      const defaults = JSON.parse((await cli(['--print-config', 'x.md', '--no-config'], { cwd: folder() })).stdout) as { rules: Record<string, unknown> };
      const recommended = presets['recordlint:recommended'].rules;
      expect(Object.keys(defaults.rules).sort()).toEqual(Object.keys(recommended).sort());
      for (const [id, setting] of Object.entries(recommended)) {
        const severity = Array.isArray(setting) ? setting[0] : setting;
        const printed = defaults.rules[id];
        expect(Array.isArray(printed) ? printed[0] : printed).toBe({ 0: 'off', 1: 'warn', 2: 'error' }[severity as number] ?? severity);
      }
    });

    it('accepts the example config at the top of the repository', async () => {
      const dir = folder({ 'a.md': clean });
      const run = await cli(['--config', path.join(repo, '.recordlintrc.example.json'), '-f', 'json', 'a.md'], { cwd: dir });
      expect(run.code).not.toBe(2);
      expect(run.stderr).toBe('');
      expect(parseJson(run)).toHaveLength(1);
    });
  });

  describe('finding notes', () => {
    const tree = () =>
      folder({
        'notes/a.md': clean,
        'notes/b.markdown': clean,
        'notes/c.txt': clean,
        'notes/d.json': '{}',
        'notes/sub/e.md': clean,
        'notes/node_modules/pkg/f.md': clean,
        'notes/.hidden/g.md': clean,
        'notes/folder.md/h.md': clean,
        'notes/drafts/i.md': clean,
        'top.md': clean,
      });
    const names = (run: Run, dir: string) => parseJson(run).map((r) => path.relative(dir, r.filePath));

    it('a directory: notes at any depth, not node_modules or dot-folders, and a folder named like a note is searched', async () => {
      const dir = tree();
      const run = await cli(['-f', 'json', 'notes'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(names(run, dir)).toEqual(['notes/a.md', 'notes/b.markdown', 'notes/c.txt', 'notes/drafts/i.md', 'notes/folder.md/h.md', 'notes/sub/e.md']);
    });

    it('globs are expanded by recordlint (quoted, so no shell does it)', async () => {
      const dir = tree();
      const run = await cli(['-f', 'json', 'notes/**/*.md'], { cwd: dir });
      expect(names(run, dir)).toEqual(['notes/a.md', 'notes/drafts/i.md', 'notes/folder.md/h.md', 'notes/sub/e.md']);
      const up = await cli(['-f', 'json', '../*.{md,txt}'], { cwd: path.join(dir, 'notes/sub') });
      expect(names(up, dir)).toEqual(['notes/a.md', 'notes/c.txt']);
      const absolute = await cli(['-f', 'json', `${dir}/*.md`]);
      expect(names(absolute, dir)).toEqual(['top.md']);
    });

    it('each note once, in the order given', async () => {
      const dir = tree();
      const run = await cli(['-f', 'json', 'top.md', 'notes/sub', 'notes/**/e.md', 'top.md'], { cwd: dir });
      expect(names(run, dir)).toEqual(['top.md', 'notes/sub/e.md']);
    });

    it('a pattern that finds nothing is an error, unless --no-error-on-unmatched-pattern', async () => {
      const dir = tree();
      expectCleanFailure(await cli(['notes/**/*.rst'], { cwd: dir }), /no notes \(\.md, \.markdown, \.txt\) match "notes\/\*\*\/\*\.rst"/);
      mkdirSync(path.join(dir, 'empty'));
      expectCleanFailure(await cli(['empty'], { cwd: dir }), /no notes \(.*\) in the directory "empty"/);
      const missing = await cli(['-f', 'json', 'top.md', 'missing.md'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(names(missing, dir)).toEqual(['top.md', 'missing.md']);
      expect(parseJson(missing)[1].messages[0]).toMatchObject({ fatal: true, messageId: 'fileNotFound', message: 'File not found.' });
      expect(missing.stderr).toBe('recordlint: missing.md: File not found.\n');
      const lenient = await cli(['-f', 'json', '--no-error-on-unmatched-pattern', 'top.md', 'missing.md', 'notes/**/*.rst', 'empty'], { cwd: dir });
      expect(lenient.code).toBe(0);
      expect(names(lenient, dir)).toEqual(['top.md']);
    });

    it('.recordlintignore and ignorePatterns are honoured; --no-ignore lints everything', async () => {
      const dir = tree();
      writeFileSync(path.join(dir, '.recordlintignore'), '# drafts are not records yet\ndrafts/\n*.txt\n');
      writeFileSync(path.join(dir, 'notes/.recordlintrc.json'), '{ "ignorePatterns": ["sub/**"] }');
      const run = await cli(['-f', 'json', 'notes'], { cwd: dir });
      expect(names(run, dir)).toEqual(['notes/a.md', 'notes/b.markdown', 'notes/folder.md/h.md']);
      const all = await cli(['-f', 'json', '--no-ignore', 'notes'], { cwd: dir });
      expect(names(all, dir)).toHaveLength(6);
      // A note named on its own but ignored is passed over quietly (pre-commit hooks name every staged file).
      expect(await cli(['notes/drafts/i.md'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
      expectCleanFailure(await cli(['notes/drafts'], { cwd: dir }), /all the notes in the directory "notes\/drafts" are ignored/);
      writeFileSync(path.join(dir, 'other-ignore'), 'notes/\n');
      const custom = await cli(['-f', 'json', '--ignore-path', 'other-ignore', 'top.md', 'notes/a.md'], { cwd: dir });
      expect(names(custom, dir)).toEqual(['top.md']);
    });
  });

  describe('files that cannot be linted: a per-file error, the rest still linted, exit 2', () => {
    it('an unreadable file (chmod 000, read as an unprivileged user)', async () => {
      const dir = folder({ 'secret.md': clean, 'fine.md': brokenFrontMatter });
      chmodSync(path.join(dir, 'secret.md'), 0o000);
      const asRoot = process.getuid?.() === 0;
      const run = await cli(['-f', 'json', 'secret.md', 'fine.md'], { cwd: dir, unprivileged: asRoot });
      expect(run.code).toBe(2);
      const [secret, fine] = parseJson(run);
      expect(secret.messages).toEqual([
        { ruleId: null, severity: 2, message: 'Cannot read the file: permission denied.', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true, messageId: 'unreadable' },
      ]);
      expect(secret.fatalErrorCount).toBe(1);
      expect(fine.errorCount).toBe(1);
      expect(run.stderr).toBe('recordlint: secret.md: Cannot read the file: permission denied.\n');
    });

    it('a symlink loop (unreadable whoever runs it)', async () => {
      const dir = folder({ 'fine.md': clean });
      symlinkSync('loop.md', path.join(dir, 'loop.md'));
      const run = await cli(['loop.md', 'fine.md'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toContain('loop.md:1:1  error  Cannot read the file: too many levels of symbolic links.  recordlint');
      expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
      // The stylish report already shows it in the terminal, so stderr stays quiet.
      expect(run.stderr).toBe('');
    });

    it('binary, UTF-16 and invalid UTF-8 files', async () => {
      const dir = folder({
        'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
        'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi\n', 'utf16le')]),
        'latin1.md': Buffer.from('Line one\nLine two\nCaf\xe9 visit\n', 'latin1'),
        'fine.md': clean,
      });
      const run = await cli(['-f', 'json', '.'], { cwd: dir });
      expect(run.code).toBe(2);
      const byName = Object.fromEntries(parseJson(run).map((r) => [path.basename(r.filePath), r]));
      expect(byName['image.md'].messages[0]).toMatchObject({ messageId: 'binary', fatal: true });
      expect(byName['utf16.md'].messages[0]).toMatchObject({ messageId: 'notUtf8', message: expect.stringContaining('UTF-16') });
      expect(byName['latin1.md'].messages[0]).toMatchObject({ messageId: 'notUtf8', message: expect.stringContaining('line 3') });
      expect(byName['fine.md'].messages).toEqual([]);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(3);
    });

    it('a UTF-8 byte order mark is stripped and CRLF kept: positions stay right', async () => {
      const dir = folder({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(brokenFrontMatter)]), 'crlf.md': unknownDirective.replace(/\n/g, '\r\n') });
      const run = await cli(['-f', 'json', 'bom.md', 'crlf.md'], { cwd: dir });
      const [bom, crlfResult] = parseJson(run);
      expect(bom.messages[0]).toMatchObject({ messageId: 'frontMatter', line: 3, column: 1 });
      expect(crlfResult.messages[0]).toMatchObject({ messageId: 'unknownRule', line: 3, column: 1, endLine: 3, endColumn: 43 });
      const stylish = await cli(['crlf.md'], { cwd: dir });
      expect(stylish.stdout).not.toContain('\r');
    });
  });

  describe('output', () => {
    it('-o writes the report whole (no temporary file left), making folders, and prints nothing', async () => {
      const dir = folder({ 'a.md': brokenFrontMatter });
      const run = await cli(['-f', 'json', '-o', 'reports/lint.json', 'a.md'], { cwd: dir });
      expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
      expect(JSON.parse(readFileSync(path.join(dir, 'reports/lint.json'), 'utf8'))[0].errorCount).toBe(1);
      expect(readdirSync(path.join(dir, 'reports'))).toEqual(['lint.json']);
    });

    it('-o that cannot be written: exit 2, one line', async () => {
      const dir = folder({ 'a.md': clean, 'taken/x': '' });
      expectCleanFailure(await cli(['-o', 'taken', 'a.md'], { cwd: dir }), /cannot write the report to "taken": it is a directory/);
    });

    it('colour: only on a terminal or when asked, never with NO_COLOR, --no-color or -o', async () => {
      const dir = folder({ 'a.md': brokenFrontMatter });
      const ansi = /\u001b\[/;
      expect((await cli(['a.md'], { cwd: dir })).stdout).not.toMatch(ansi);
      expect((await cli(['--color', 'a.md'], { cwd: dir })).stdout).toMatch(ansi);
      expect((await cli(['a.md'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
      expect((await cli(['a.md'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
      expect((await cli(['--no-color', 'a.md'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
      await cli(['--color', '-o', 'out.txt', 'a.md'], { cwd: dir });
      expect(readFileSync(path.join(dir, 'out.txt'), 'utf8')).not.toMatch(ansi);
    });
  });

  describe('rules', () => {
    it('--list-rules shows each rule, its default severity, its presets and its description', async () => {
      const run = await cli(['--list-rules']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Rule +Default +Presets +Description$/m);
      for (const [id, load] of Object.entries(builtinRules)) {
        const { meta } = (await load()).default;
        const presetNames = presetsEnabling(id).map((p) => p.replace(/^recordlint:/, ''));
        const line = run.stdout.split('\n').find((l) => l.startsWith(`${id} `));
        expect(line, id).toBeDefined();
        expect(line!.split(/ {2,}/).slice(1, 3)).toEqual([meta.defaultSeverity, presetNames.length ? presetNames.join(', ') : '-']);
        expect(line).toContain(meta.description);
      }
      const json = JSON.parse((await cli(['--list-rules', '-f', 'json'])).stdout) as Array<{ id: string }>;
      expect(json.map((r) => r.id)).toEqual(Object.keys(builtinRules).sort());
    });

    it('--explain shows what a rule checks, the standard it enforces, options and the docs', async () => {
      const run = await cli(['--explain', 'no-email-paste']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^no-email-paste: /);
      expect(run.stdout).toContain(guidance['dudley:emails'].quote);
      expect(run.stdout).toContain('Dudley Practice Standard: Recording, Emails:');
      expect(run.stdout).toContain('Options');
      expect(run.stdout).toMatch(/Docs: https:\/\/\S+no-email-paste/);
    });

    it('--explain with an unknown rule suggests the nearest', async () => {
      expectCleanFailure(await cli(['--explain', 'no-email-pase']), /unknown rule "no-email-pase" \(did you mean "no-email-paste"\?\)/);
    });
  });
});

describe('decodeNote', () => {
  it('strips and remembers a UTF-8 BOM, keeps CRLF', () => {
    expect(decodeNote(Buffer.from('\ufeffA\r\nB', 'utf8'))).toEqual({ ok: true, text: 'A\r\nB', bom: true });
    expect(decodeNote(Buffer.from('A\r\nB', 'utf8'))).toEqual({ ok: true, text: 'A\r\nB', bom: false });
    expect(decodeNote(Buffer.alloc(0))).toEqual({ ok: true, text: '', bom: false });
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x0a, 0x80], 2],
    ['a truncated sequence', [0x0a, 0x0a, 0xe2, 0x82], 3],
    ['an overlong form', [0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0x0a, 0xed, 0xa0, 0x80], 2],
  ])('rejects %s, naming the line', (_, bytes, line) => {
    const outcome = decodeNote(Uint8Array.from(bytes));
    expect(outcome).toMatchObject({ ok: false, messageId: 'notUtf8' });
    expect(outcome.ok ? '' : outcome.message).toContain(`line ${line}`);
  });

  it('accepts every kind of well-formed character', () => {
    const text = 'a é € 😀 子\u0000'.slice(0, -1);
    expect(decodeNote(Buffer.from(text))).toEqual({ ok: true, text, bom: false });
  });
});

describe('CLI helpers', () => {
  it('errorsOnly keeps errors and recounts (--quiet)', () => {
    const warn = { ruleId: 'x', severity: 1 as const, message: 'w', line: 1, column: 1, endLine: 1, endColumn: 2, range: [0, 1] as [number, number] };
    const [result] = errorsOnly([makeResult('/a.md', [warn, { ...warn, severity: 2 }], 'ab')]);
    expect(result.messages).toHaveLength(1);
    expect(result).toMatchObject({ errorCount: 1, warningCount: 0, source: 'ab' });
  });

  it('fatalResult is one fatal error at 1:1', () => {
    expect(fatalResult('/a.md', 'binary', 'Binary.')).toMatchObject({ errorCount: 1, messages: [{ fatal: true, ruleId: null, severity: 2, line: 1, column: 1 }] });
  });

  it('useColor: -o never, then flags, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    const tty = { isTTY: true, write: () => true };
    const pipe = { write: () => true };
    expect(useColor({ outputFile: 'x', color: true }, { env: {}, stdout: tty })).toBe(false);
    expect(useColor({ color: false }, { env: { FORCE_COLOR: '1' }, stdout: tty })).toBe(false);
    expect(useColor({ color: true }, { env: { NO_COLOR: '1' }, stdout: pipe })).toBe(true);
    expect(useColor({}, { env: { NO_COLOR: '1', FORCE_COLOR: '1' }, stdout: tty })).toBe(false);
    expect(useColor({}, { env: { FORCE_COLOR: '0' }, stdout: tty })).toBe(false);
    expect(useColor({}, { env: { FORCE_COLOR: '1' }, stdout: pipe })).toBe(true);
    expect(useColor({}, { env: {}, stdout: tty })).toBe(true);
    expect(useColor({}, { env: {}, stdout: pipe })).toBe(false);
  });
});

describe('--fix (through the API, with a fixable rule made for the test)', () => {
  const typo = defineRule({
    id: 'test-typo',
    meta: {
      type: 'suggestion',
      description: 'teh -> the',
      guidance: [],
      messages: { typo: '"teh" is a typo' },
      fixable: 'safe',
      defaultSeverity: 'warn',
    },
    create(context) {
      return {
        'document:end'() {
          for (let at = context.text.indexOf('teh'); at >= 0; at = context.text.indexOf('teh', at + 1)) {
            context.report({ messageId: 'typo', range: [at, at + 3], expected: ['the'], fix: { text: 'the' } });
          }
        },
      };
    },
  });
  const engine = (fix: boolean, cwd: string) => {
    const registry = new RuleRegistry();
    registry.addRules([typo], 'test');
    return new Recordlint({ cwd, registry, fix, config: { extends: [], rules: { 'test-typo': 'warn' } } });
  };

  it('counts fixable problems without --fix', async () => {
    const dir = folder({ 'a.md': 'I saw teh child.\n' });
    const [result] = await engine(false, dir).lintFiles(['a.md']);
    expect(result).toMatchObject({ warningCount: 1, fixableWarningCount: 1 });
    expect(result.output).toBeUndefined();
  });

  it('applies fixes, re-lints, and writes the file back keeping its BOM and CRLF', async () => {
    const dir = folder({ 'a.md': Buffer.from('\ufeffI saw teh child.\r\nteh end, teh.\r\n') });
    const results = await engine(true, dir).lintFiles(['a.md']);
    expect(results[0].output).toBe('I saw the child.\r\nthe end, the.\r\n');
    expect(results[0].messages).toEqual([]);
    outputFixes(results);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('\ufeffI saw the child.\r\nthe end, the.\r\n');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('lintText gives the fixed text as output and writes nothing', async () => {
    const registry = new RuleRegistry();
    registry.addRules([typo], 'test');
    const result = await lintText('teh visit', { registry, fix: true, config: { extends: [], rules: { 'test-typo': 'error' } } });
    expect(result).toMatchObject({ filePath: '<text>', output: 'the visit', errorCount: 0 });
  });

  it('the CLI leaves a note with nothing to fix untouched', async () => {
    const dir = folder({ 'a.md': clean });
    const before = statSync(path.join(dir, 'a.md')).mtimeMs;
    expect((await cli(['--fix', 'a.md'], { cwd: dir })).code).toBe(0);
    expect(statSync(path.join(dir, 'a.md')).mtimeMs).toBe(before);
    const dry = await cli(['--fix-dry-run', '-f', 'json', 'a.md'], { cwd: dir });
    expect(parseJson(dry)[0]).not.toHaveProperty('output');
  });
});
