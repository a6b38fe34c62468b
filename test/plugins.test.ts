// Plugins and team word lists: `plugins` in a config loads rules written with
// defineRule (namespaced by the plugin's name) and presets; every word-list
// rule's `lexicons` are relative to the config file that names them. The
// worked example in fixtures/plugin-example is run with the CLI as a team
// would run it; mistakes are one line naming the config file, exit 2.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigLoader, describeConfig, parseRuleFlag } from '../src/config.js';
import { RuleRegistry } from '../src/registry.js';
import { Recordlint } from '../src/index.js';
import { definePlugin, PluginError } from '../src/plugins.js';
import { cli as spawnCli, ensureBuilt, repo, type Run } from './helpers/spawn-cli.js';
import { tempRoot, type Files } from './helpers/folders.js';

const example = path.join(repo, 'fixtures/plugin-example');
const { folder } = tempRoot('recordlint-plugins-');
beforeAll(() => ensureBuilt(), 120_000);

/** A fresh folder with these files (objects written as JSON), with recordlint linked in node_modules so plugins can import it. */
function project(files: Files): string {
  const dir = folder(files);
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(repo, path.join(dir, 'node_modules/recordlint'), 'dir');
  return dir;
}

const cli = (args: string[], cwd: string): Promise<Run> => spawnCli(['--no-color', ...args], { cwd });

/** A plugin module whose rule reports every "TBC" (and the words of its `extra` option). */
const tbcPlugin = (name = 'team', extra = '') => `
import { defineRule, definePlugin } from 'recordlint';
export default definePlugin({
  name: '${name}',
  rules: [defineRule({
    id: 'no-tbc',
    meta: {
      type: 'problem', description: 'TBC left in a note', guidance: ['coventry:plain-english'], fixable: false, defaultSeverity: 'error',
      messages: { tbc: '"{found}" was never filled in.' },
      options: { extra: { type: 'string[]', default: [], description: 'More placeholders' } },
    },
    create(context, options) {
      return {
        'document:end'() {
          for (const word of ['TBC', ...options.extra]) {
            for (let at = context.text.indexOf(word); at >= 0; at = context.text.indexOf(word, at + 1)) {
              context.report({ messageId: 'tbc', data: { found: word }, range: [at, at + word.length], actual: word });
            }
          }
        },
      };
    },
  })],
  presets: { recommended: { description: 'Ours', rules: { '${name}/no-tbc': 'error' } }${extra} },
});
`;

const json = (r: Run) => JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string; severity: number; url?: string }> }>;

describe('the worked example (fixtures/plugin-example)', () => {
  it('reports with the plugin rule and the team word list, from any working directory', async () => {
    for (const cwd of [example, repo]) {
      const note = path.join(example, 'notes/visit.md');
      const result = await cli(['-f', 'json', note], cwd);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
      const messages = json(result)[0].messages;
      const mine = messages.filter((m) => m.ruleId === 'our-team/no-template-text').map((m) => [m.line, m.column, m.severity]);
      expect(mine).toEqual([
        [11, 27, 2],
        [15, 59, 2],
      ]);
      const jargon = messages.find((m) => m.ruleId === 'no-jargon' && m.message.includes('hub referral'));
      expect(jargon).toMatchObject({ line: 14, column: 28 });
      expect(messages.find((m) => m.ruleId === 'our-team/no-template-text')!.url).toBe(`file://${path.join(example, 'our-team-rules.mjs')}`);
    }
  });

  it('--list-rules, --explain and --print-config know the plugin', async () => {
    const list = await cli(['--list-rules'], example);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^our-team\/no-template-text\s+error\s+our-team:recommended\s+Template text left in a note/m);
    const listJson = JSON.parse((await cli(['--list-rules', '-f', 'json'], example)).stdout) as Array<{ id: string; presets: string[] }>;
    expect(listJson.find((r) => r.id === 'our-team/no-template-text')?.presets).toEqual(['our-team:recommended']);

    const explain = await cli(['--explain', 'our-team/no-template-text'], example);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^our-team\/no-template-text: Template text left in a note/);
    expect(explain.stdout).toContain('Presets: our-team:recommended');
    expect(explain.stdout).toContain('Home visit on [insert date]. Next visit TBC.');

    const printed = await cli(['--print-config', 'notes/visit.md'], example);
    expect(printed.code).toBe(0);
    const config = JSON.parse(printed.stdout) as { plugins: string[]; rules: Record<string, unknown> };
    expect(config.plugins).toEqual([path.join(example, 'our-team-rules.mjs')]);
    expect(config.rules['our-team/no-template-text']).toEqual(['error', { extra: [] }]);
    expect(config.rules['no-jargon']).toEqual(['warn', { lexicons: [path.join(example, 'our-team-jargon.json')], allow: [] }]);

    // The printed config is a config: saved elsewhere, it gives the same reports.
    const copy = project({ '.recordlintrc.json': printed.stdout.replace(/"\/\/": ".*",/, '"//": "printed",') });
    cpSync(path.join(example, 'notes/visit.md'), path.join(copy, 'visit.md'));
    const again = await cli(['-f', 'json', 'visit.md'], copy);
    const original = await cli(['-f', 'json', 'notes/visit.md'], example);
    const ids = (r: Run) => json(r)[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(ids(again)).toEqual(ids(original));
  });

  it('in-note comments and --rule switch a plugin rule off', async () => {
    const dir = project({ '.recordlintrc.json': { plugins: ['./rules.mjs'], extends: ['team:recommended'] }, 'rules.mjs': tbcPlugin() });
    writeFileSync(path.join(dir, 'a.md'), 'Next visit TBC.\n\n<!-- recordlint-disable-next-line team/no-tbc -->\nReview TBC.\n\n<!-- recordlint-disable team/no-tbcc -->\n');
    const result = await cli(['-f', 'json', 'a.md'], dir);
    expect(json(result)[0].messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['team/no-tbc', 1],
      [null, 6],
    ]);
    expect(json(result)[0].messages[1].message).toContain('Did you mean "team/no-tbc"?');
    const off = await cli(['-f', 'json', '--rule', 'team/no-tbc:off', 'a.md'], dir);
    expect(json(off)[0].messages.map((m) => m.ruleId)).toEqual([null]);
    const withOptions = await cli(['-f', 'json', '--rule', 'team/no-tbc:["warn", {"extra": ["Review"]}]', 'a.md'], dir);
    expect(json(withOptions)[0].messages.map((m) => [m.ruleId, m.line, m.severity])).toEqual([
      ['team/no-tbc', 1, 1],
      [null, 6, 2],
    ]);
    const unknown = await cli(['--rule', 'team/no-tbx:off', 'a.md'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('recordlint: --rule team/no-tbx: unknown rule (did you mean "team/no-tbc"?); run recordlint --list-rules to see them\n');
  });
});

describe('loading plugins', () => {
  it('a bare name is a package found from the config file’s folder, even an ESM-only one', async () => {
    const dir = project({
      'team/.recordlintrc.json': { plugins: ['recordlint-plugin-team'], extends: ['team:recommended'] },
      'team/node_modules/recordlint-plugin-team/package.json': { name: 'recordlint-plugin-team', type: 'module', homepage: 'https://example.org/team-rules', exports: { '.': { import: './index.js' } } },
      'team/node_modules/recordlint-plugin-team/index.js': tbcPlugin(),
      'team/note.md': 'Next visit TBC.\n',
    });
    // Run from elsewhere: the package is found from the config's folder, not the working directory.
    const result = await cli(['-f', 'json', 'team/note.md'], dir);
    expect(result.stderr).toBe('');
    expect(json(result)[0].messages.map((m) => [m.ruleId, m.url])).toEqual([['team/no-tbc', 'https://example.org/team-rules']]);
  });

  it('plugins of a config that is extended can be used by the config that extends it', async () => {
    const dir = project({
      'shared/team.recordlintrc.json': { plugins: ['./rules.mjs'], extends: [] },
      'shared/rules.mjs': tbcPlugin(),
      'notes/.recordlintrc.json': { extends: ['../shared/team.recordlintrc.json', 'team:recommended'], rules: { 'team/no-tbc': ['warn', { extra: ['XX'] }] } },
      'notes/a.md': 'TBC and XX.\n',
    });
    const result = await cli(['-f', 'json', 'notes/a.md'], dir);
    expect(result.stderr).toBe('');
    expect(json(result)[0].messages.map((m) => [m.ruleId, m.column, m.severity])).toEqual([
      ['team/no-tbc', 1, 1],
      ['team/no-tbc', 9, 1],
    ]);
  });

  it('loading a plugin switches nothing on', async () => {
    const dir = project({ '.recordlintrc.json': { plugins: ['./rules.mjs'], extends: [] }, 'rules.mjs': tbcPlugin(), 'a.md': 'TBC\n' });
    const config = await new ConfigLoader({ cwd: dir }).forFile(path.join(dir, 'a.md'));
    expect(config.rules).toEqual({});
  });

  it('rules can be given as an object by id, and a module may export name and rules without a default', async () => {
    const dir = project({
      '.recordlintrc.json': { plugins: ['./rules.mjs'], extends: [], rules: { 'obj/no-tbc': 'warn' } },
      'rules.mjs': `import plugin from './base.mjs'; export const name = 'obj'; export const rules = { 'no-tbc': plugin.rules[0] };`,
      'base.mjs': tbcPlugin('base'),
    });
    const engine = new Recordlint({ cwd: dir });
    const [result] = await engine.lintText('TBC.', { filePath: 'a.md' });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['obj/no-tbc']);
  });

  it('each plugin module loads once per run, whichever configs name it', async () => {
    const dir = project({
      'rules.mjs': `globalThis.__loads = (globalThis.__loads ?? 0) + 1;\n${tbcPlugin('once')}`,
      'a/.recordlintrc.json': { plugins: ['../rules.mjs'], extends: ['once:recommended'] },
      'b/.recordlintrc.json': { plugins: ['../rules.mjs'], extends: ['once:recommended'] },
      'a/n.md': 'TBC\n',
      'b/n.md': 'TBC\n',
    });
    const results = await new Recordlint({ cwd: dir }).lintFiles(['a', 'b']);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['once/no-tbc'], ['once/no-tbc']]);
    expect((globalThis as { __loads?: number }).__loads).toBe(1);
  });

  it('definePlugin checks the shape', () => {
    expect(() => definePlugin({ name: 'Our Team', rules: [] })).toThrow(PluginError);
    expect(() => definePlugin({ name: 'recordlint', rules: [] })).toThrow(/cannot be "recordlint"/);
    expect(() => definePlugin({ name: 'x', rules: {} })).not.toThrow();
  });

  it('--print-config output keeps working without the plugin loaded first (describeConfig lists it)', async () => {
    const dir = project({ '.recordlintrc.json': { plugins: ['./rules.mjs'], extends: ['team:recommended'] }, 'rules.mjs': tbcPlugin() });
    const registry = new RuleRegistry();
    const config = await new ConfigLoader({ cwd: dir, registry }).forFile(path.join(dir, 'a.md'));
    const described = await describeConfig(config, registry);
    expect(described.plugins).toEqual([path.join(dir, 'rules.mjs')]);
    expect(described.rules).toEqual({ 'team/no-tbc': ['error', { extra: [] }] });
  });

  it('--rule with a plugin id is checked once the config has loaded its plugins', () => {
    const registry = new RuleRegistry();
    expect(parseRuleFlag('team/no-tbc:off', registry)).toEqual(['team/no-tbc', 'off']);
    expect(() => parseRuleFlag('no-emial-paste:off', registry)).toThrow(/unknown rule/);
  });
});

describe('plugin mistakes: one line naming the config file and the plugin, exit 2', () => {
  const cases: Array<[string, Record<string, string | object>, RegExp]> = [
    ['a package that is not installed', { '.recordlintrc.json': { plugins: ['recordlint-plugin-nope'] } }, /^recordlint: \.recordlintrc\.json: plugins: "recordlint-plugin-nope": cannot find the package in node_modules up from .* \(install it: npm install --save-dev recordlint-plugin-nope\)$/],
    ['a file that does not exist', { '.recordlintrc.json': { plugins: ['./nope.mjs'] } }, /^recordlint: \.recordlintrc\.json: plugins: "\.\/nope\.mjs": no such file \(looked for .*nope\.mjs\)$/],
    ['a module that throws', { '.recordlintrc.json': { plugins: ['./boom.mjs'] }, 'boom.mjs': 'throw new TypeError("boom\\nsecond line");' }, /^recordlint: \.recordlintrc\.json: plugins: "\.\/boom\.mjs": cannot load it: TypeError: boom second line$/],
    ['a syntax error', { '.recordlintrc.json': { plugins: ['./bad.mjs'] }, 'bad.mjs': 'export default {' }, /^recordlint: \.recordlintrc\.json: plugins: "\.\/bad\.mjs": cannot load it: SyntaxError: /],
    ['no plugin exported', { '.recordlintrc.json': { plugins: ['./none.mjs'] }, 'none.mjs': 'export const x = 1;' }, /plugins: "\.\/none\.mjs": it has no default export: export default a plugin \{ name, rules, presets \} \(see definePlugin\)$/],
    ['a rule that is not a rule', { '.recordlintrc.json': { plugins: ['./r.mjs'] }, 'r.mjs': 'export default { name: "t", rules: [{ id: "x", meta: { description: "d", messages: {} } }] };' }, /plugins: "\.\/r\.mjs": rule "x": "create" must be a function$/],
    ['a rule id with the namespace in it', { '.recordlintrc.json': { plugins: ['./r.mjs'] }, 'r.mjs': 'export default { name: "t", rules: [{ id: "t/x", meta: {}, create() {} }] };' }, /rules\[0\]: "id" must be kebab-case without the plugin's name \(it becomes "t\/<id>"\), got "t\/x"$/],
    ['a preset with an unknown rule', { '.recordlintrc.json': { plugins: ['./r.mjs'] }, 'r.mjs': 'export default { name: "t", rules: [], presets: { all: { rules: { "t/x": "warn" } } } };' }, /plugins: "\.\/r\.mjs": presets\.all\.rules\.t\/x: unknown rule/],
    ['two plugins with one name', { '.recordlintrc.json': { plugins: ['./a.mjs', './b.mjs'] }, 'a.mjs': 'export default { name: "t", rules: [] };', 'b.mjs': 'export default { name: "t", rules: [] };' }, /plugins: "\.\/b\.mjs": another plugin named "t" is already loaded \(from .*a\.mjs\); rule ids would clash$/],
    ['plugins that is not a list', { '.recordlintrc.json': { plugins: 'recordlint-plugin-x' } }, /^recordlint: \.recordlintrc\.json: plugins: expected a list of plugin packages or paths to plugin modules \(strings\), got "recordlint-plugin-x"$/],
    ['a plugin rule without its plugin', { '.recordlintrc.json': { rules: { 'team/no-tbc': 'warn' } } }, /^recordlint: \.recordlintrc\.json: rules\.team\/no-tbc: unknown rule: no plugin named "team" is loaded \(add it to "plugins"\)$/],
    ['a plugin preset without its plugin', { '.recordlintrc.json': { extends: ['team:recommended'] } }, /^recordlint: \.recordlintrc\.json: extends: "team:recommended": no plugin named "team" is loaded \(add it to "plugins"\)$/],
    ['a preset the plugin does not have', { '.recordlintrc.json': { plugins: ['./r.mjs'], extends: ['team:recomended'] }, 'r.mjs': tbcPlugin() }, /^recordlint: \.recordlintrc\.json: extends: "team:recomended": the plugin "team" has no preset "recomended" \(did you mean "team:recommended"\?\)$/],
    ['an unknown rule of a loaded plugin', { '.recordlintrc.json': { plugins: ['./r.mjs'], rules: { 'team/no-tbd': 'warn' } }, 'r.mjs': tbcPlugin() }, /^recordlint: \.recordlintrc\.json: rules\.team\/no-tbd: unknown rule \(did you mean "team\/no-tbc"\?\)/],
    ['a bad option of a plugin rule', { '.recordlintrc.json': { plugins: ['./r.mjs'], rules: { 'team/no-tbc': ['warn', { extra: 'XX' }] } }, 'r.mjs': tbcPlugin() }, /^recordlint: \.recordlintrc\.json: rules\.team\/no-tbc: option "extra" of "team\/no-tbc" must be a list of strings$/],
  ];
  for (const [name, files, pattern] of cases) {
    it(name, async () => {
      const dir = project({ 'a.md': 'A note.\n', ...files });
      const result = await cli(['a.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
    });
  }

  it('--debug adds the stack of the plugin that threw', async () => {
    const dir = project({ '.recordlintrc.json': { plugins: ['./boom.mjs'] }, 'boom.mjs': 'function explode() { throw new Error("boom"); }\nexplode();\n', 'a.md': 'A note.\n' });
    const result = await cli(['--debug', 'a.md'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^recordlint: \.recordlintrc\.json: plugins: "\.\/boom\.mjs": cannot load it: Error: boom\n/);
    expect(result.stderr).toMatch(/Caused by: Error: boom\n\s+at explode \(.*boom\.mjs:1:/);
  });

  it('the API rejects with a ConfigError', async () => {
    const dir = project({ '.recordlintrc.json': { plugins: ['./nope.mjs'] } });
    await expect(new ConfigLoader({ cwd: dir }).forFile(path.join(dir, 'a.md'))).rejects.toThrow(ConfigError);
  });
});

describe('team word lists (`lexicons`)', () => {
  const list = (entries: object[]) => ({ description: 'Ours', entries });
  const hub = { id: 'hub-referral', match: ['hub referral'], expected: ['referral to the early help team'], note: 'Say which team.', source: 'Team glossary' };

  it('are relative to the config file that names them, whatever the working directory', async () => {
    const dir = project({
      'team/.recordlintrc.json': { extends: [], rules: { 'no-jargon': ['warn', { lexicons: ['./lists/jargon.json'] }] } },
      'team/lists/jargon.json': list([hub]),
      'team/notes/a.md': 'We made a hub referral.\n',
    });
    for (const cwd of [dir, path.join(dir, 'team/notes'), repo]) {
      const result = await cli(['-f', 'json', path.join(dir, 'team/notes/a.md')], cwd);
      expect(result.stderr).toBe('');
      expect(json(result)[0].messages.map((m) => [m.ruleId, m.column])).toEqual([['no-jargon', 11]]);
    }
  });

  it('in an extended config, relative to that file; in --rule, relative to the working directory', async () => {
    const dir = project({
      'shared/team.json': { extends: [], rules: { 'no-jargon': ['warn', { lexicons: ['./jargon.json'] }] } },
      'shared/jargon.json': list([hub]),
      'notes/.recordlintrc.json': { extends: ['../shared/team.json'] },
      'notes/a.md': 'We made a hub referral. The RAG rating is red.\n',
      'rag.json': list([{ id: 'rag', match: ['RAG rating'], expected: [], note: 'Say what the worry is.', source: 'Team glossary' }]),
    });
    const extended = await cli(['-f', 'json', 'notes/a.md'], dir);
    expect(json(extended)[0].messages.map((m) => m.column)).toEqual([11]);
    const flagged = await cli(['-f', 'json', '--rule', 'no-jargon:["warn", {"lexicons": ["rag.json"]}]', 'notes/a.md'], dir);
    expect(flagged.stderr).toBe('');
    expect(json(flagged)[0].messages.map((m) => m.column)).toEqual([29]);
  });

  it('every word-list rule takes them', async () => {
    const registry = new RuleRegistry();
    const rules = await registry.loadAll();
    const wordListRules = rules.filter((r) => r.meta.options?.lexicons).map((r) => r.id);
    expect(wordListRules).toEqual(expect.arrayContaining(['no-jargon', 'no-undefined-abbreviation', 'plain-english', 'respectful-language']));
    for (const id of wordListRules) expect(rules.find((r) => r.id === id)!.meta.options!.lexicons.type).toBe('string[]');
    // Each one reads its lists from the config's folder: a missing list is the same one-line error for all.
    for (const id of wordListRules) {
      const dir = project({ 'sub/.recordlintrc.json': { extends: [], rules: { [id]: ['warn', { lexicons: ['./missing.json'] }] } } });
      const error = await new ConfigLoader({ cwd: dir, registry }).forFile(path.join(dir, 'sub/a.md')).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`sub/.recordlintrc.json: rules.${id}: lexicons: sub/missing.json: cannot read the word list (ENOENT)`);
    }
  });

  const mistakes: Array<[string, string, string]> = [
    ['a missing file', '', 'rules.no-jargon: lexicons: lists/jargon.json: cannot read the word list (ENOENT)'],
    ['invalid JSON', '{ "entries": [', 'rules.no-jargon: lexicons: lists/jargon.json: not valid JSON ('],
    ['an entry without a note', JSON.stringify(list([{ ...hub, note: '' }])), 'rules.no-jargon: lexicons: lists/jargon.json: entry "hub-referral": "note" must be a non-empty string'],
    ['an unknown field', JSON.stringify(list([{ ...hub, replace: 'x' }])), 'rules.no-jargon: lexicons: lists/jargon.json: entry "hub-referral": unknown field "replace"'],
    ['a phrase in two entries', JSON.stringify(list([hub, { ...hub, id: 'hub-again' }])), 'rules.no-jargon: lexicons: lists/jargon.json: entry "hub-again": the phrase "hub referral" is already in entry "hub-referral"'],
  ];
  for (const [name, content, expected] of mistakes) {
    it(`a mistake in a list is one line naming the config, the list and the entry: ${name}`, async () => {
      const files: Record<string, string | object> = { '.recordlintrc.json': { extends: [], rules: { 'no-jargon': ['warn', { lexicons: ['./lists/jargon.json'] }] } }, 'a.md': 'A note.\n', 'b.md': 'Another.\n' };
      if (content) files['lists/jargon.json'] = content;
      const dir = project(files);
      const result = await cli(['a.md', 'b.md'], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`recordlint: .recordlintrc.json: ${expected}`)]);
    });
  }

  it('a plugin preset can bring word lists, relative to the plugin', async () => {
    const dir = project({
      '.recordlintrc.json': { plugins: ['./plugin/index.mjs'], extends: ['words:recommended'] },
      'plugin/index.mjs': `export default { name: 'words', rules: [], presets: { recommended: { rules: { 'no-jargon': ['warn', { lexicons: ['./jargon.json'] }] } } } };`,
      'plugin/jargon.json': list([hub]),
      'a.md': 'A hub referral.\n',
    });
    const result = await cli(['-f', 'json', 'a.md'], dir);
    expect(result.stderr).toBe('');
    expect(json(result)[0].messages.map((m) => [m.ruleId, m.column])).toEqual([['no-jargon', 3]]);
  });

  it('the team list in the worked example is valid and used', () => {
    const data = JSON.parse(readFileSync(path.join(example, 'our-team-jargon.json'), 'utf8')) as { entries: Array<{ id: string }> };
    expect(data.entries.map((e) => e.id)).toEqual(['hub-referral', 'rag-rated']);
  });
});
