// The programmatic API as a consumer uses it: recordlint installed in a
// project's node_modules (the files npm would publish, its run-time
// dependencies and nothing else), imported by name from an ES module run with
// node, and type-checked from TypeScript against the published .d.ts files.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRecordlint, projectEnv } from './helpers/package.js';
import { repo, run } from './helpers/spawn-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'recordlint-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = path.join(root, 'project');
const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');

beforeAll(() => {
  mkdirSync(path.join(project, 'notes'), { recursive: true });
  installRecordlint(project);
  copyFileSync(path.join(repo, 'fixtures/notes/01-home-visit-good.md'), path.join(project, 'notes/01-home-visit-good.md'));
  copyFileSync(path.join(repo, 'fixtures/notes/11-pasted-email-bad.md'), path.join(project, 'notes/11-pasted-email-bad.md'));
}, 120_000);

/** Run an ES module written in the consumer project; its stdout is JSON. */
async function consumer(name: string, source: string): Promise<any> {
  writeFileSync(path.join(project, name), source);
  const result = await run(process.execPath, [name], { cwd: project, env: projectEnv(project) });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('import ... from "recordlint" (a consumer project)', () => {
  it('exports the API the README documents', async () => {
    const out = await consumer(
      'exports.mjs',
      `import * as api from 'recordlint';
       console.log(JSON.stringify(Object.fromEntries(Object.entries(api).map(([k, v]) => [k, typeof v]))));`,
    );
    for (const name of ['lintText', 'lintFiles', 'loadConfig', 'getFormatter', 'defineRule', 'definePlugin', 'outputFixes', 'errorsOnly', 'loadLexiconFile', 'validateLexicon']) {
      expect(out[name], name).toBe('function');
    }
    for (const name of ['Recordlint', 'ConfigLoader', 'RuleRegistry', 'Linter', 'ConfigError', 'PluginError', 'LexiconError', 'FormatterError', 'NoFilesError', 'OptionsError']) {
      expect(out[name], name).toBe('function');
    }
    expect(out.presets).toBe('object');
    expect(out.formatterNames).toBe('object');
  });

  it('lintText, lintFiles, loadConfig and getFormatter', async () => {
    const out = await consumer(
      'lint.mjs',
      `import { lintText, lintFiles, loadConfig, getFormatter } from 'recordlint';
       const one = await lintText('SW visited.', { filePath: 'notes/visit.md' });
       const results = await lintFiles(['notes/']);
       const config = await loadConfig({ filePath: 'notes/visit.md' });
       const json = await getFormatter('json');
       const stylish = await getFormatter('stylish');
       console.log(JSON.stringify({
         one: { filePath: one.filePath, rules: one.messages.map((m) => m.ruleId) },
         files: results.map((r) => ({ file: r.filePath.split('/').pop(), errors: r.errorCount })),
         rules: Object.keys(config.rules),
         json: JSON.parse(json(results, { cwd: process.cwd(), color: false, rulesMeta: {} })).length,
         stylish: stylish(results, { cwd: process.cwd(), color: false, rulesMeta: {} }),
       }));`,
    );
    expect(out.one.filePath).toBe(path.join(project, 'notes/visit.md'));
    expect(out.one.rules).toContain('no-undefined-abbreviation');
    expect(out.files).toEqual([
      { file: '01-home-visit-good.md', errors: 0 },
      { file: '11-pasted-email-bad.md', errors: expect.any(Number) },
    ]);
    expect(out.files[1].errors).toBeGreaterThan(0);
    expect(out.rules).toContain('no-email-paste');
    expect(out.json).toBe(2);
    expect(out.stylish).toContain('notes/11-pasted-email-bad.md');
    expect(out.stylish).toContain('no-email-paste');
  });

  it('takes a config object, rule settings, and plugins written with defineRule', async () => {
    writeFileSync(
      path.join(project, 'rules.mjs'),
      `import { defineRule, definePlugin } from 'recordlint';
       export default definePlugin({
         name: 'api',
         rules: [defineRule({
           id: 'no-tbc',
           meta: { type: 'problem', description: 'TBC left in a note', guidance: [], messages: { tbc: 'Write what is to be confirmed.' }, fixable: false, defaultSeverity: 'error' },
           create(context) {
             return { 'document:end'() { const at = context.text.indexOf('TBC'); if (at >= 0) context.report({ messageId: 'tbc', range: [at, at + 3] }); } };
           },
         })],
       });`,
    );
    const out = await consumer(
      'plugin.mjs',
      `import { lintText, lintFiles } from 'recordlint';
       const config = { plugins: ['./rules.mjs'], extends: [], rules: { 'api/no-tbc': 'error' } };
       const tbc = await lintText('Next visit TBC.', { config });
       const off = await lintText('Next visit TBC.', { config, rules: { 'api/no-tbc': 'off' } });
       const none = await lintFiles('notes/01-home-visit-good.md', { rules: { 'no-email-paste': 'off' } });
       console.log(JSON.stringify({ tbc: tbc.messages.map((m) => [m.ruleId, m.line, m.column]), off: off.messages.length, none: none[0].errorCount }));`,
    );
    expect(out).toEqual({ tbc: [['api/no-tbc', 1, 12]], off: 0, none: 0 });
  });

  it('config mistakes reject with a ConfigError that names the file', async () => {
    mkdirSync(path.join(project, 'broken'), { recursive: true });
    writeFileSync(path.join(project, 'broken/.recordlintrc.json'), '{ "plugins": ["./missing.mjs"] }');
    const out = await consumer(
      'errors.mjs',
      `import { loadConfig, ConfigError } from 'recordlint';
       const error = await loadConfig({ filePath: 'broken/note.md' }).catch((e) => e);
       console.log(JSON.stringify({ isConfigError: error instanceof ConfigError, message: error.message }));`,
    );
    expect(out.isConfigError).toBe(true);
    expect(out.message).toMatch(/^broken\/\.recordlintrc\.json: plugins: "\.\/missing\.mjs": no such file/);
  });

  it('Recordlint with fix: true, and outputFixes to write the notes', async () => {
    writeFileSync(path.join(project, 'fixme.md'), 'There was a hub referral.\n');
    writeFileSync(
      path.join(project, 'jargon.json'),
      JSON.stringify({ entries: [{ id: 'hub', match: ['hub referral'], expected: ['referral to the early help team'], fix: 'safe', note: 'Say which team.', source: 'Team glossary' }] }),
    );
    const out = await consumer(
      'fix.mjs',
      `import { Recordlint, outputFixes } from 'recordlint';
       const engine = new Recordlint({ fix: true, config: { extends: [], rules: { 'no-jargon': ['warn', { lexicons: ['./jargon.json'] }] } } });
       const results = await engine.lintFiles(['fixme.md']);
       outputFixes(results);
       console.log(JSON.stringify({ output: results[0].output }));`,
    );
    expect(out.output).toBe('There was a referral to the early help team.\n');
    expect(readFileSync(path.join(project, 'fixme.md'), 'utf8')).toBe(out.output);
  });
});

describe('TypeScript consumers', () => {
  const check = async (name: string, source: string, compilerOptions: Record<string, unknown>) => {
    const dir = path.join(project, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'consumer.ts'), source);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [], ...compilerOptions }, files: ['consumer.ts'] }),
    );
    return run(process.execPath, [tsc, '-p', dir], { cwd: dir, env: projectEnv(project) });
  };

  const typed = `
    import { lintText, lintFiles, loadConfig, getFormatter, defineRule, definePlugin, Recordlint } from 'recordlint';
    import type { LintResult, LintMessage, ResolvedConfig, Rule, RuleContext, Plugin, ConfigObject, Formatter, RecordlintOptions } from 'recordlint';

    const config: ConfigObject = { plugins: ['./rules.mjs'], extends: ['recordlint:recommended'], rules: { 'no-email-paste': 'error' } };
    const options: RecordlintOptions = { cwd: '.', config };
    const result: LintResult = await lintText('SW visited.', { filePath: 'notes/visit.md' });
    const first: LintMessage | undefined = result.messages[0];
    const results: LintResult[] = await lintFiles(['notes/'], options);
    const resolved: ResolvedConfig = await loadConfig({ filePath: 'notes/visit.md' });
    const format: Formatter = await getFormatter('json');
    const text: string = format(results, { cwd: '.', color: false, rulesMeta: {} });
    const rule: Rule<{ words: string[] }> = defineRule<{ words: string[] }>({
      id: 'no-tbc',
      meta: {
        type: 'problem', description: 'TBC', guidance: ['coventry:plain-english'], messages: { tbc: 'Write it.' }, fixable: false, defaultSeverity: 'warn',
        options: { words: { type: 'string[]', default: [], description: 'More words' } },
      },
      create(context: RuleContext, opts) {
        const words: string[] = opts.words;
        return { 'document:end'() { if (words.length) context.report({ messageId: 'tbc', range: [0, 0] }); } };
      },
    });
    const plugin: Plugin = definePlugin({ name: 'our-team', rules: [rule], presets: { recommended: { rules: { 'our-team/no-tbc': 'warn' } } } });
    const engine = new Recordlint(options);
    const meta = await engine.rulesMetaFor(results);
    export { first, resolved, text, plugin, meta };
  `;

  // One tsc run per module resolution, in parallel (tsc takes seconds). "@ts-expect-error" lines
  // show the types are real: were they "any", the unused directive would be an error.
  it('type-check against the published .d.ts (skipLibCheck off), with module NodeNext and with bundler resolution', async () => {
    const source = `${typed}
      // @ts-expect-error: text, not a number
      await lintText(42);
      // @ts-expect-error: a severity is 0 | 1 | 2
      const severity: string = resolved.rules['no-email-paste'].severity;
      // @ts-expect-error: "fixable" is false, "suggestion" or "safe"
      defineRule({ id: 'x', meta: { type: 'problem', description: '', guidance: [], messages: {}, fixable: true, defaultSeverity: 'warn' }, create: () => ({}) });
      export { severity };
    `;
    const [nodeNext, bundler] = await Promise.all([
      check('ts-nodenext', source, { module: 'NodeNext', moduleResolution: 'NodeNext' }),
      check('ts-bundler', source, { module: 'ESNext', moduleResolution: 'bundler' }),
    ]);
    expect(nodeNext.stdout + nodeNext.stderr).toBe('');
    expect(nodeNext.code).toBe(0);
    expect(bundler.stdout + bundler.stderr).toBe('');
    expect(bundler.code).toBe(0);
  }, 180_000);
});
