// Config loading: search from each note's folder upward, extends, merging,
// validation with one-line errors, --rule, --print-config, ignorePatterns.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigLoader, describeConfig, loadConfig, parseRuleFlag, presetsEnabling, validateConfig } from '../src/config.js';
import { compileIgnorePatterns } from '../src/files.js';
import { RuleRegistry } from '../src/registry.js';
import { presets } from '../src/presets.js';
import type { ResolvedConfig } from '../src/linter.js';
import { tempRoot } from './helpers/folders.js';

/** project(files): a fresh folder with the given files (objects are written as JSON). */
const { root, folder: project } = tempRoot('recordlint-config-');

const registry = new RuleRegistry();
const recommended = Object.keys(presets['recordlint:recommended'].rules).sort();
const severities = (config: ResolvedConfig) => Object.fromEntries(Object.entries(config.rules).map(([id, r]) => [id, r.severity]));

/** The one-line message a config mistake gives. */
async function failure(files: Record<string, string | object>, note = 'note.md', options: Partial<ConstructorParameters<typeof ConfigLoader>[0]> = {}): Promise<string> {
  const dir = project(files);
  const loader = new ConfigLoader({ registry, cwd: dir, ...options });
  const error = await loader.forFile(path.join(dir, note)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('finding the config', () => {
  it('uses recordlint:recommended when there is no config anywhere', async () => {
    const dir = project({ 'note.md': '' });
    const config = await new ConfigLoader({ registry, cwd: dir }).forFile(path.join(dir, 'note.md'));
    expect(Object.keys(config.rules).sort()).toEqual(recommended);
    expect(config.filePath).toBeUndefined();
    expect(config.ignorePatterns).toEqual([]);
  });

  it('uses the nearest config file up from the note, one object per file', async () => {
    const dir = project({
      '.recordlintrc.json': { rules: { 'no-email-paste': 'warn' } },
      'team/.recordlintrc.yaml': 'rules:\n  no-email-paste: "off"\n',
    });
    const loader = new ConfigLoader({ registry, cwd: dir });
    const top = await loader.forFile(path.join(dir, 'a.md'));
    const deep = await loader.forFile(path.join(dir, 'other/deeper/b.md'));
    const team = await loader.forFile(path.join(dir, 'team/c.md'));
    const teamDeep = await loader.forFile(path.join(dir, 'team/x/y/d.md'));
    expect(top.filePath).toBe(path.join(dir, '.recordlintrc.json'));
    expect(top.rules['no-email-paste'].severity).toBe(1);
    expect(deep).toBe(top);
    expect(team.filePath).toBe(path.join(dir, 'team/.recordlintrc.yaml'));
    expect(team.rules['no-email-paste'].severity).toBe(0);
    expect(teamDeep).toBe(team);
  });

  it.each([
    ['.recordlintrc', 'rules:\n  no-email-paste: warn\n'],
    ['.recordlintrc', '{ "rules": { "no-email-paste": "warn" } }'],
    ['.recordlintrc.json', '{ "rules": { "no-email-paste": "warn" } }'],
    ['.recordlintrc.yml', 'rules: { no-email-paste: warn }'],
    ['.recordlintrc.js', 'export default { rules: { "no-email-paste": "warn" } };'],
    ['.recordlintrc.cjs', 'module.exports = { rules: { "no-email-paste": "warn" } };'],
    ['.recordlintrc.mjs', 'export default { rules: { "no-email-paste": "warn" } };'],
    ['recordlint.config.js', 'export default { rules: { "no-email-paste": "warn" } };'],
    ['recordlint.config.cjs', 'module.exports = { rules: { "no-email-paste": "warn" } };'],
    ['recordlint.config.mjs', 'export default { rules: { "no-email-paste": "warn" } };'],
    ['package.json', '{ "name": "notes", "recordlint": { "rules": { "no-email-paste": "warn" } } }'],
  ])('reads %s', async (name, content) => {
    const dir = project({ [name]: content, ...(name.endsWith('.js') && { 'package.json': '{ "type": "module" }' }) });
    const config = await loadConfig({ registry, cwd: dir, filePath: path.join(dir, 'note.md') });
    expect(config.filePath).toBe(path.join(dir, name));
    expect(config.rules['no-email-paste'].severity).toBe(1);
  });

  it('passes over a package.json without a "recordlint" key', async () => {
    const dir = project({ '.recordlintrc.json': { rules: { 'no-email-paste': 'warn' } }, 'sub/package.json': { name: 'sub' } });
    const config = await loadConfig({ registry, cwd: dir, filePath: path.join(dir, 'sub/note.md') });
    expect(config.filePath).toBe(path.join(dir, '.recordlintrc.json'));
  });

  it('treats an empty config file as {} (the recommended preset)', async () => {
    const dir = project({ '.recordlintrc.yaml': '' });
    const config = await loadConfig({ registry, cwd: dir, filePath: path.join(dir, 'note.md') });
    expect(config.filePath).toBe(path.join(dir, '.recordlintrc.yaml'));
    expect(Object.keys(config.rules).sort()).toEqual(recommended);
  });

  it('uses only the given file with configFile (--config), and none with useConfigFiles: false (--no-config)', async () => {
    const dir = project({ '.recordlintrc.json': '{ broken', 'elsewhere.json': { rules: { 'no-email-paste': 'warn' } } });
    const given = await loadConfig({ registry, cwd: dir, configFile: 'elsewhere.json', filePath: path.join(dir, 'note.md') });
    expect(given.filePath).toBe(path.join(dir, 'elsewhere.json'));
    expect(given.rules['no-email-paste'].severity).toBe(1);
    const none = await loadConfig({ registry, cwd: dir, useConfigFiles: false, filePath: path.join(dir, 'note.md') });
    expect(none.filePath).toBeUndefined();
    expect(Object.keys(none.rules).sort()).toEqual(recommended);
  });

  it('takes a config object (the API)', async () => {
    const config = await loadConfig({ registry, config: { extends: [], rules: { 'no-email-paste': 'warn' } } });
    expect(severities(config)).toEqual({ 'no-email-paste': 1 });
  });
});

describe('extends and merging', () => {
  it('extends recordlint:recommended when "extends" is left out, and nothing with []', async () => {
    const implicit = project({ '.recordlintrc.json': { ignorePatterns: ['x'] } });
    expect(Object.keys((await loadConfig({ registry, cwd: implicit, filePath: path.join(implicit, 'n.md') })).rules).sort()).toEqual(recommended);
    const empty = project({ '.recordlintrc.json': { extends: [] } });
    expect((await loadConfig({ registry, cwd: empty, filePath: path.join(empty, 'n.md') })).rules).toEqual({});
  });

  it('extends config files by relative path; later settings win; ignorePatterns add up', async () => {
    const dir = project({
      'shared/base.json': { extends: [], rules: { 'no-email-paste': 'warn' }, ignorePatterns: ['drafts/'] },
      'notes/.recordlintrc.json': { extends: ['recordlint:recommended', '../shared/base.json'], ignorePatterns: ['*.tmp.md'] },
    });
    const config = await loadConfig({ registry, cwd: dir, filePath: path.join(dir, 'notes/a.md') });
    expect(config.rules['no-email-paste']).toMatchObject({ severity: 1, from: 'shared/base.json: rules.no-email-paste' });
    expect(config.ignorePatterns).toEqual(['drafts/', '*.tmp.md']);
    const single = project({ 'base.yaml': 'extends: []\nrules: { no-email-paste: 1 }\n', '.recordlintrc.json': { extends: './base.yaml' } });
    expect(severities(await loadConfig({ registry, cwd: single, filePath: path.join(single, 'a.md') }))).toEqual({ 'no-email-paste': 1 });
  });

  it('keeps the options set earlier when a later setting gives only a severity', async () => {
    const loader = new ConfigLoader({ registry, config: { extends: [], rules: { 'no-email-paste': 'error' } }, ruleOverrides: { 'no-email-paste': 'warn' } });
    const config = await loader.forDirectory(root);
    expect(config.rules['no-email-paste']).toEqual({ severity: 1, from: '--rule no-email-paste' });
  });

  it('applies --rule settings on top of every config', async () => {
    const dir = project({ '.recordlintrc.json': { rules: { 'no-email-paste': 'off' } } });
    const loader = new ConfigLoader({ registry, cwd: dir, ruleOverrides: { 'no-email-paste': 'warn' } });
    expect((await loader.forFile(path.join(dir, 'a.md'))).rules['no-email-paste'].severity).toBe(1);
    const defaults = new ConfigLoader({ registry, cwd: dir, useConfigFiles: false, ruleOverrides: { 'no-email-paste': 0 } });
    expect((await defaults.forFile(path.join(dir, 'a.md'))).rules['no-email-paste'].severity).toBe(0);
  });

  it('knows which presets enable a rule', () => {
    const enabling = Object.entries(presets)
      .filter(([, preset]) => {
        const setting = preset.rules['no-email-paste'];
        const severity = Array.isArray(setting) ? setting[0] : setting;
        return setting !== undefined && severity !== 'off' && severity !== 0;
      })
      .map(([name]) => name);
    expect(enabling).toContain('recordlint:recommended');
    expect(presetsEnabling('no-email-paste')).toEqual(enabling);
    expect(presetsEnabling('not-a-rule')).toEqual([]);
  });
});

describe('config mistakes: one line naming the file, the key and what was expected', () => {
  it('an unknown top-level key, with a suggestion', async () => {
    expect(await failure({ '.recordlintrc.json': { rulez: {} } })).toBe(
      '.recordlintrc.json: rulez: unknown key (expected "extends", "rules", "ignorePatterns", "plugins"; did you mean "rules"?)',
    );
  });

  it('an unknown rule id, with the nearest known one', async () => {
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-emial-paste': 'off' } } })).toBe(
      '.recordlintrc.json: rules.no-emial-paste: unknown rule (did you mean "no-email-paste"?); run recordlint --list-rules to see them',
    );
  });

  it('a bad severity', async () => {
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': 'erorr' } } })).toBe(
      '.recordlintrc.json: rules.no-email-paste: expected "off", "warn" or "error" (or 0, 1, 2), or [severity, options], got "erorr" (did you mean "error"?)',
    );
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': 3 } } })).toMatch(/rules\.no-email-paste: expected "off", "warn" or "error".*got 3$/);
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': ['warning'] } } })).toMatch(/rules\.no-email-paste\[0\]: expected/);
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': [] } } })).toMatch(/rules\.no-email-paste: expected .* got a list \(\[\]\)$/);
  });

  it('bad options', async () => {
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': ['warn', 'x'] } } })).toBe(
      '.recordlintrc.json: rules.no-email-paste[1]: expected an object of options, got "x"',
    );
    expect(await failure({ '.recordlintrc.json': { rules: { 'no-email-paste': ['warn', { colour: 1 }] } } })).toMatch(
      /^\.recordlintrc\.json: rules\.no-email-paste: "no-email-paste" has no option "colour"/,
    );
  });

  it('bad extends', async () => {
    expect(await failure({ '.recordlintrc.json': { extends: 'recordlint:recomended' } })).toBe(
      '.recordlintrc.json: extends: unknown preset "recordlint:recomended" (did you mean "recordlint:recommended"?)',
    );
    expect(await failure({ '.recordlintrc.json': { extends: ['some-package'] } })).toMatch(/extends: "some-package" is neither a preset .* nor a path/);
    expect(await failure({ '.recordlintrc.json': { extends: './missing.json' } })).toBe(
      '.recordlintrc.json: extends: "./missing.json": no such file (looked for missing.json)',
    );
    expect(await failure({ '.recordlintrc.json': { extends: 3 } })).toBe('.recordlintrc.json: extends: expected a preset name or a list of them, got 3');
    expect(await failure({ '.recordlintrc.json': { extends: ['./b.json'] }, 'b.json': { extends: ['./.recordlintrc.json'] } })).toBe(
      'b.json: extends: "./.recordlintrc.json" extends itself in a loop (.recordlintrc.json -> b.json -> .recordlintrc.json)',
    );
  });

  it('a mistake in an extended file names that file', async () => {
    expect(await failure({ '.recordlintrc.json': { extends: ['./base.json'] }, 'base.json': { rules: { nope: 'off' } } })).toMatch(/^base\.json: rules\.nope: unknown rule/);
  });

  it('bad ignorePatterns', async () => {
    expect(await failure({ '.recordlintrc.json': { ignorePatterns: 'drafts' } })).toBe(
      '.recordlintrc.json: ignorePatterns: expected a list of glob patterns (strings), got "drafts"',
    );
  });

  it('not an object', async () => {
    expect(await failure({ '.recordlintrc': '- a\n- b\n' })).toBe('.recordlintrc: expected an object with "extends", "rules" and "ignorePatterns", got a list (["a","b"])');
    expect(await failure({ '.recordlintrc.yaml': 'just text\n' })).toMatch(/^\.recordlintrc\.yaml: expected an object .* got "just text"$/);
  });

  it('broken JSON, YAML and JS, with the line', async () => {
    expect(await failure({ '.recordlintrc.json': '{\n  "rules": {\n    "no-email-paste": "warn",\n  }\n}\n' })).toBe(
      '.recordlintrc.json: invalid JSON: Expected double-quoted property name (line 4, column 3)',
    );
    expect(await failure({ '.recordlintrc.yaml': 'rules:\n  no-email-paste: [warn\n' })).toMatch(/^\.recordlintrc\.yaml: invalid YAML: .* \(line 3, column 1\)$/);
    // The exact syntax message comes from the module loader (Node's is checked in cli.test.ts; vitest's differs).
    expect(await failure({ '.recordlintrc.mjs': 'export default { rules: ;\n' })).toMatch(/^\.recordlintrc\.mjs: cannot load the config module: \S/);
    expect(await failure({ '.recordlintrc.cjs': 'throw new Error("boom")\n' })).toBe('.recordlintrc.cjs: cannot load the config module: boom');
  });

  it('a package.json key is named with its "recordlint." prefix', async () => {
    expect(await failure({ 'package.json': { recordlint: { rules: { 'no-email-paste': 'loud' } } } })).toMatch(/^package\.json: recordlint\.rules\.no-email-paste: expected/);
  });

  it('a --config file that does not exist', async () => {
    expect(await failure({}, 'note.md', { configFile: 'nope.json' })).toBe('nope.json: config file not found');
  });

  it('validateConfig drops comment keys', () => {
    expect(validateConfig({ '//': 'x', '// rules': 'y', rules: { '// a': 'z', 'no-email-paste': 'warn' } }, 'c.json', registry)).toEqual({
      rules: { 'no-email-paste': 'warn' },
    });
  });
});

describe('--rule', () => {
  it('takes id:severity and id:[severity, options] in JSON', () => {
    expect(parseRuleFlag('no-email-paste:off', registry)).toEqual(['no-email-paste', 'off']);
    expect(parseRuleFlag('no-email-paste: 2', registry)).toEqual(['no-email-paste', 2]);
    expect(parseRuleFlag('no-email-paste:["warn", {}]', registry)).toEqual(['no-email-paste', ['warn', {}]]);
  });

  it('rejects mistakes in one line', () => {
    expect(() => parseRuleFlag('no-email-paste', registry)).toThrow('--rule "no-email-paste": expected <rule-id>:<severity>, such as no-email-paste:off');
    expect(() => parseRuleFlag('no-emailpaste:off', registry)).toThrow('--rule no-emailpaste: unknown rule (did you mean "no-email-paste"?)');
    expect(() => parseRuleFlag('no-email-paste:loud', registry)).toThrow(/--rule no-email-paste: expected "off", "warn" or "error"/);
    expect(() => parseRuleFlag('no-email-paste:[warn', registry)).toThrow(/not valid JSON/);
  });
});

describe('describeConfig (--print-config)', () => {
  it('prints severities as words and is itself a valid config', async () => {
    const dir = project({ '.recordlintrc.json': { rules: { 'no-email-paste': 1 }, ignorePatterns: ['drafts/'] } });
    const config = await loadConfig({ registry, cwd: dir, filePath: path.join(dir, 'a.md') });
    const printed = await describeConfig(config, registry);
    expect(printed).toMatchObject({ extends: [], rules: { 'no-email-paste': 'warn' }, ignorePatterns: ['drafts/'] });
    const again = project({ '.recordlintrc.json': printed });
    const reloaded = await loadConfig({ registry, cwd: again, filePath: path.join(again, 'a.md') });
    expect(severities(reloaded)).toEqual(severities(config));
  });
});

describe('the example config', () => {
  const example = new URL('../.recordlintrc.example.json', import.meta.url).pathname;

  it('loads as a valid config', async () => {
    const config = await loadConfig({ registry, configFile: example });
    expect(config.filePath).toBe(example);
    expect(Object.keys(config.rules).length).toBeGreaterThan(0);
  });

  it('documents every key it uses', async () => {
    const { readFileSync } = await import('node:fs');
    const data = JSON.parse(readFileSync(example, 'utf8')) as Record<string, unknown>;
    for (const key of ['plugins', 'extends', 'rules', 'ignorePatterns']) {
      expect(data, key).toHaveProperty(key);
      expect(typeof data[`// ${key}`], `"// ${key}" explains it`).toBe('string');
    }
  });
});

describe('ignorePatterns matching', () => {
  const base = '/notes';
  const ignored = compileIgnorePatterns(['drafts/', '*.template.md', 'archive/2019/**', './old'], base);

  it.each([
    ['/notes/drafts/a.md', true],
    ['/notes/team/drafts/a.md', true],
    ['/notes/x.template.md', true],
    ['/notes/deep/x.template.md', true],
    ['/notes/archive/2019/a.md', true],
    ['/notes/archive/2020/a.md', false],
    ['/notes/old/a.md', true],
    ['/notes/a.md', false],
    ['/elsewhere/drafts/a.md', false],
  ])('%s -> %s', (file, expected) => {
    expect(ignored(file)).toBe(expected);
  });

  it('matches nothing without patterns', () => {
    expect(compileIgnorePatterns([], base)('/notes/a.md')).toBe(false);
  });
});
