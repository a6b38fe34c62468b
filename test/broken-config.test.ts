// Every kind of broken config, through the built command: a syntax error
// (JSON, YAML, JavaScript), a config module or plugin that throws, a plugin
// that is not there, an unknown key, a value of the wrong type, an unknown
// rule, preset or option, extends of a missing file or in a loop, a bad
// "recordlint" key (or a broken package.json), and --config naming a missing
// file or a directory. Each gives exactly one line on stderr that names the
// file and the key, exit 2, no stack trace (with --debug one is allowed), no
// report on stdout and no report file with -o.
import { chmodSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, type Run } from './helpers/spawn-cli.js';
import { tempRoot, type Files } from './helpers/folders.js';

const { folder } = tempRoot('recordlint-broken-config-');
beforeAll(() => ensureBuilt(), 180_000);

const note = 'Home visit. Child A showed me her drawings.\n';
/** A fresh project: the files given (objects as JSON) and a note, a.md. */
const project = (files: Files): string => folder({ 'a.md': note, ...files });

/** Exactly one line on stderr, `recordlint: ...`, matching; exit 2; nothing on stdout; no stack trace. */
function expectOneLine(run: Run, line: RegExp): void {
  const lines = run.stderr.split('\n');
  expect(lines.at(-1), 'stderr ends with a newline').toBe('');
  expect(lines.slice(0, -1), run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^recordlint: /);
  expect(lines[0]).toMatch(line);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('--debug');
  expect(run.stdout).toBe('');
  expect(run.code).toBe(2);
}

type Case = [name: string, files: Record<string, string | object>, line: RegExp, args?: string[]];

const cases: Case[] = [
  // Syntax
  ['JSON with a trailing comma', { '.recordlintrc.json': '{\n  "rules": {\n    "no-email-paste": "warn",\n  }\n}\n' },
    /^recordlint: \.recordlintrc\.json: invalid JSON: Expected double-quoted property name \(line 4, column 3\)$/],
  ['JSON cut short', { '.recordlintrc.json': '{ "rules": ' }, /^recordlint: \.recordlintrc\.json: invalid JSON: Unexpected end of JSON input/],
  ['JSON that is not JSON at all', { '.recordlintrc': '{ rules: no-email-paste = warn' }, /^recordlint: \.recordlintrc: invalid YAML: /],
  ['YAML with an unclosed list', { '.recordlintrc.yaml': 'rules:\n  no-email-paste: [warn\n' }, /^recordlint: \.recordlintrc\.yaml: invalid YAML: .*\(line 3, column 1\)$/],
  ['YAML with a tab for indentation', { '.recordlintrc.yml': 'rules:\n\tno-email-paste: warn\n' }, /^recordlint: \.recordlintrc\.yml: invalid YAML: .*\(line 2, column 1\)$/],
  ['YAML with a duplicate key', { '.recordlintrc.yaml': 'rules: {}\nrules: {}\n' }, /^recordlint: \.recordlintrc\.yaml: invalid YAML: duplicated mapping key \(line 2, column 1\)$/],
  ['a JavaScript syntax error', { 'recordlint.config.mjs': 'export default { rules: ; }\n' }, /^recordlint: recordlint\.config\.mjs: cannot load the config module: .*Unexpected token/],
  // Config modules that throw
  ['a CommonJS config that throws', { '.recordlintrc.cjs': 'throw new Error("no config today")\n' }, /^recordlint: \.recordlintrc\.cjs: cannot load the config module: no config today$/],
  ['an ES module config that throws, over two lines', { '.recordlintrc.mjs': 'throw new RangeError("first line\\nsecond line");\nexport default {};\n' },
    /^recordlint: \.recordlintrc\.mjs: cannot load the config module: first line second line$/],
  ['a config module that imports what is not there', { 'recordlint.config.mjs': 'import "./missing-helper.mjs";\nexport default {};\n' },
    /^recordlint: recordlint\.config\.mjs: cannot load the config module: Cannot find module .*missing-helper\.mjs/],
  // Shape
  ['not an object', { '.recordlintrc.json': '["no-email-paste"]' }, /^recordlint: \.recordlintrc\.json: expected an object with "extends", "rules" and "ignorePatterns", got a list/],
  ['an unknown top-level key', { '.recordlintrc.json': { rulez: {} } }, /^recordlint: \.recordlintrc\.json: rulez: unknown key \(expected "extends", "rules", .*; did you mean "rules"\?\)$/],
  ['rules as a list', { '.recordlintrc.json': { rules: ['no-email-paste'] } }, /^recordlint: \.recordlintrc\.json: rules: expected an object of rule ids and severities, got a list/],
  ['rules as a string', { '.recordlintrc.yaml': 'rules: all\n' }, /^recordlint: \.recordlintrc\.yaml: rules: expected an object of rule ids and severities, got "all"$/],
  ['severity "warning"', { '.recordlintrc.json': { rules: { 'no-email-paste': 'warning' } } }, /^recordlint: \.recordlintrc\.json: rules\.no-email-paste: expected "off", "warn" or "error" \(or 0, 1, 2\), or \[severity, options\], got "warning"/],
  ['severity 3', { '.recordlintrc.json': { rules: { 'no-email-paste': 3 } } }, /^recordlint: \.recordlintrc\.json: rules\.no-email-paste: expected .*got 3$/],
  ['severity in a list, misspelt', { '.recordlintrc.json': { rules: { 'no-email-paste': ['eror'] } } }, /^recordlint: \.recordlintrc\.json: rules\.no-email-paste\[0\]: expected .*got "eror" \(did you mean "error"\?\)$/],
  ['options that are not an object', { '.recordlintrc.json': { rules: { 'plain-english': ['warn', 'strict'] } } }, /^recordlint: \.recordlintrc\.json: rules\.plain-english\[1\]: expected an object of options, got "strict"$/],
  ['an option of the wrong type', { '.recordlintrc.json': { rules: { 'plain-english': ['warn', { maxWords: 'lots' }] } } }, /^recordlint: \.recordlintrc\.json: rules\.plain-english: option "maxWords" of "plain-english" must be a number$/],
  ['an option out of range', { '.recordlintrc.json': { rules: { 'timely-recording': ['error', { workingDays: 0 }] } } }, /^recordlint: \.recordlintrc\.json: rules\.timely-recording: option "workingDays" of "timely-recording" must be at least 1$/],
  ['an option not in the list', { '.recordlintrc.json': { rules: { 'no-undefined-abbreviation': ['warn', { mode: 'sometimes' }] } } }, /^recordlint: \.recordlintrc\.json: rules\.no-undefined-abbreviation: option "mode" of "no-undefined-abbreviation" must be one of /],
  ['an option that does not exist', { '.recordlintrc.json': { rules: { 'plain-english': ['warn', { maxWord: 3 }] } } }, /^recordlint: \.recordlintrc\.json: rules\.plain-english: "plain-english" has no option "maxWord" \(options: .*maxWords/],
  ['ignorePatterns as a string', { '.recordlintrc.json': { ignorePatterns: 'drafts/' } }, /^recordlint: \.recordlintrc\.json: ignorePatterns: expected a list of glob patterns \(strings\), got "drafts\/"$/],
  ['extends as a number', { '.recordlintrc.json': { extends: 3 } }, /^recordlint: \.recordlintrc\.json: extends: expected a preset name or a list of them, got 3$/],
  ['plugins as a string', { '.recordlintrc.json': { plugins: './rules.mjs' } }, /^recordlint: \.recordlintrc\.json: plugins: /],
  // Names
  ['an unknown rule', { '.recordlintrc.json': { rules: { 'no-emial-paste': 'off' } } }, /^recordlint: \.recordlintrc\.json: rules\.no-emial-paste: unknown rule \(did you mean "no-email-paste"\?\)/],
  ['an unknown preset', { '.recordlintrc.json': { extends: ['recordlint:coventri'] } }, /^recordlint: \.recordlintrc\.json: extends: unknown preset "recordlint:coventri" \(did you mean "recordlint:coventry"\?\)$/],
  ['extends of something that is neither a preset nor a path', { '.recordlintrc.json': { extends: ['team-config'] } }, /^recordlint: \.recordlintrc\.json: extends: "team-config" is neither a preset .* nor a path/],
  // extends
  ['extends of a missing file', { '.recordlintrc.json': { extends: ['./team.json'] } }, /^recordlint: \.recordlintrc\.json: extends: "\.\/team\.json": no such file \(looked for team\.json\)$/],
  ['extends in a loop of two', { '.recordlintrc.json': { extends: ['./b.json'] }, 'b.json': { extends: ['./.recordlintrc.json'] } },
    /^recordlint: b\.json: extends: "\.\/\.recordlintrc\.json" extends itself in a loop \(\.recordlintrc\.json -> b\.json -> \.recordlintrc\.json\)$/],
  ['extends of itself', { '.recordlintrc.json': { extends: './.recordlintrc.json' } }, /^recordlint: \.recordlintrc\.json: extends: "\.\/\.recordlintrc\.json" extends itself in a loop/],
  ['a mistake in an extended file names that file', { '.recordlintrc.json': { extends: ['./shared/base.yaml'] }, 'shared/base.yaml': 'rules:\n  nope: warn\n' },
    /^recordlint: shared\/base\.yaml: rules\.nope: unknown rule/],
  ['extends of a broken file', { '.recordlintrc.json': { extends: ['./base.json'] }, 'base.json': '{' }, /^recordlint: base\.json: invalid JSON: /],
  // Plugins
  ['a plugin that throws when it loads', { '.recordlintrc.json': { plugins: ['./team-rules.mjs'] }, 'team-rules.mjs': 'throw new Error("plugin exploded");\n' },
    /^recordlint: \.recordlintrc\.json: plugins: "\.\/team-rules\.mjs": cannot load it: Error: plugin exploded$/],
  ['a plugin that is missing (a file)', { '.recordlintrc.json': { plugins: ['./team-rules.mjs'] } }, /^recordlint: \.recordlintrc\.json: plugins: "\.\/team-rules\.mjs": no such file/],
  ['a plugin that is missing (a package)', { '.recordlintrc.json': { plugins: ['recordlint-plugin-not-installed'] } },
    /^recordlint: \.recordlintrc\.json: plugins: "recordlint-plugin-not-installed": cannot find the package/],
  ['a plugin that is not a plugin', { '.recordlintrc.json': { plugins: ['./team-rules.mjs'] }, 'team-rules.mjs': 'export default 42;\n' },
    /^recordlint: \.recordlintrc\.json: plugins: "\.\/team-rules\.mjs": /],
  // package.json
  ['package.json "recordlint" that is not an object', { 'package.json': { name: 'notes', recordlint: 'strict' } }, /^recordlint: package\.json: expected an object .*got "strict"$/],
  ['package.json "recordlint" with a bad key', { 'package.json': { name: 'notes', recordlint: { rules: [] } } }, /^recordlint: package\.json: recordlint\.rules: expected an object of rule ids and severities/],
  ['package.json "recordlint" with an unknown rule', { 'package.json': { name: 'notes', recordlint: { rules: { nope: 'warn' } } } }, /^recordlint: package\.json: recordlint\.rules\.nope: unknown rule/],
  ['a package.json that is not JSON', { 'package.json': '{ "name": "notes", ' }, /^recordlint: package\.json: invalid JSON: Expected double-quoted property name \(line 1, column 20\)$/],
  // --config
  ['--config naming a missing file', {}, /^recordlint: missing\.json: config file not found$/, ['--config', 'missing.json']],
  ['--config naming a directory', { 'configs/x.json': {} }, /^recordlint: configs: is a directory, not a config file$/, ['--config', 'configs']],
  ['--config naming a broken file', { 'team.yaml': 'rules: [' }, /^recordlint: team\.yaml: invalid YAML: /, ['--config', 'team.yaml']],
  ['--config naming a file with a bad severity', { 'team.json': { rules: { 'no-email-paste': 'loud' } } }, /^recordlint: team\.json: rules\.no-email-paste: expected /, ['--config', 'team.json']],
];

describe.concurrent('broken configs: one line naming the file and the key, exit 2', () => {
  it.each(cases)('%s', async (_, files, line, args = []) => {
    const dir = project(files);
    const run = await cli([...args, '-f', 'json', '-o', 'report.json', 'a.md'], { cwd: dir });
    expectOneLine(run, line);
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false);
    // The stylish report (no -o) says the same.
    const stylish = await cli([...args, 'a.md'], { cwd: dir });
    expectOneLine(stylish, line);
  });

  it('a config file the user may not read', async () => {
    const dir = project({ '.recordlintrc.json': { rules: {} } });
    chmodSync(path.join(dir, '.recordlintrc.json'), 0o000);
    const run = await cli(['a.md'], { cwd: dir, unprivileged: process.getuid?.() === 0 });
    expectOneLine(run, /^recordlint: \.recordlintrc\.json: cannot read the config file \(permission denied\)$/);
  });

  it('a folder named like a config file', async () => {
    const dir = project({ '.recordlintrc.json/x': '' });
    expectOneLine(await cli(['a.md'], { cwd: dir }), /^recordlint: \.recordlintrc\.json: is a directory, not a config file$/);
  });

  it('--debug adds the stack trace, and the exit code stays 2', async () => {
    const dir = project({ '.recordlintrc.json': { rules: { 'no-emial-paste': 'off' } } });
    const run = await cli(['--debug', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^recordlint: \.recordlintrc\.json: rules\.no-emial-paste: unknown rule/);
    expect(lines.slice(1).some((l) => /^\s+at /.test(l))).toBe(true);
  });

  it('a config mistake stops the run before any note is linted, even when other notes have their own good config', async () => {
    const dir = project({ 'good/.recordlintrc.json': { extends: [] }, 'good/b.md': note, 'bad/.recordlintrc.json': { rules: { nope: 'off' } }, 'bad/c.md': note });
    const run = await cli(['-f', 'json', 'good', 'bad'], { cwd: dir });
    expectOneLine(run, /^recordlint: bad\/\.recordlintrc\.json: rules\.nope: unknown rule/);
  });

  it('--print-config and --stdin report the same one line', async () => {
    const dir = project({ '.recordlintrc.yaml': 'rules:\n  no-email-paste: [warn\n' });
    expectOneLine(await cli(['--print-config', 'a.md'], { cwd: dir }), /^recordlint: \.recordlintrc\.yaml: invalid YAML: /);
    expectOneLine(await cli(['--stdin', '--stdin-filename', 'a.md'], { cwd: dir, input: note }), /^recordlint: \.recordlintrc\.yaml: invalid YAML: /);
  });

  it('--rule with a broken setting is one line too', async () => {
    const dir = project({});
    expectOneLine(await cli(['--rule', 'no-email-paste:["warn", {"colour": 1}]', 'a.md'], { cwd: dir }), /^recordlint: --rule no-email-paste: "no-email-paste" has no option "colour"/);
  });

});
