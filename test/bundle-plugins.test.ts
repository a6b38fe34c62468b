// What scripts/bundle.mjs does to make the command start faster
// (scripts/bundle-plugins.mjs) must not change what the bundled code does,
// and the builtins it keeps from loading must stay unloaded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { asciiRegExps, jsonParse, lazyRequires, sloppyWriteGood, writeGoodExports } from '../scripts/bundle-plugins.mjs';
import { corpus } from '../scripts/corpus.mjs';
import { phraseForms, precompiledForms, type Lexicon } from '../src/lexicon.js';
import { ensureBuilt } from './helpers/spawn-cli.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'recordlint-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let built = 0;
/** Bundle `entry` (CommonJS out) with the plugins; the file written. */
async function bundleFile(entry: string, plugins: esbuild.Plugin[], { strict = false } = {}): Promise<string> {
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'cjs', target: 'node20', plugins, logLevel: 'error' });
  const file = path.join(work, `out-${built++}.cjs`);
  writeFileSync(file, (strict ? '"use strict";\n' : '') + result.outputFiles[0].text);
  return file;
}

/** Bundle `entry` and load it as Node loads a CommonJS module. */
async function bundle(entry: string, plugins: esbuild.Plugin[], options?: { strict?: boolean }): Promise<unknown> {
  return require(await bundleFile(entry, plugins, options));
}

describe('jsonParse', () => {
  it('a JSON module is the same value', async () => {
    const data = { a: [1, 'two', { three: null }], 'é ’': true, nested: { deep: [[]] } };
    writeFileSync(path.join(work, 'data.json'), JSON.stringify(data));
    writeFileSync(path.join(work, 'json-entry.mjs'), "import data from './data.json' with { type: 'json' };\nexport default data;\n");
    const out = (await bundle(path.join(work, 'json-entry.mjs'), [jsonParse()])) as { default: unknown };
    expect(out.default).toEqual(data);
    const labels = path.join(root, 'rules/no-unevidenced-label/labels.json');
    writeFileSync(path.join(work, 'labels-entry.mjs'), `import data from ${JSON.stringify(labels)} with { type: 'json' };\nexport default data;\n`);
    expect(((await bundle(path.join(work, 'labels-entry.mjs'), [jsonParse()])) as { default: unknown }).default).toEqual(JSON.parse(readFileSync(labels, 'utf8')));
  });

  it('with lexiconForms, gives each entry of a word list its forms, and leaves other JSON alone', async () => {
    const lexiconForms = { field: precompiledForms, forms: phraseForms };
    const labels = path.join(root, 'rules/no-unevidenced-label/labels.json');
    const list = JSON.parse(readFileSync(labels, 'utf8')) as Lexicon;
    const out = ((await bundle(path.join(work, 'labels-entry.mjs'), [jsonParse({ lexiconForms })])) as { default: Lexicon }).default;
    expect(out.entries.map(({ [precompiledForms]: forms, ...entry }) => [entry, forms])).toEqual(list.entries.map((entry) => [entry, phraseForms(entry)]));
    const data = { entries: [{ id: 'not-a-list' }], a: 1 };
    writeFileSync(path.join(work, 'data.json'), JSON.stringify(data));
    expect(((await bundle(path.join(work, 'json-entry.mjs'), [jsonParse({ lexiconForms })])) as { default: unknown }).default).toEqual(data);
  });
});

describe('lazyRequires', () => {
  it('loads the module on first use, and passes calls and property reads on', async () => {
    writeFileSync(path.join(work, 'dep.cjs'), 'globalThis.depLoads = (globalThis.depLoads ?? 0) + 1;\nmodule.exports = function dep(x) { return [this === globalThis ? "global" : this, x]; };\nmodule.exports.value = 42;\n');
    writeFileSync(path.join(work, 'lazy-entry.cjs'), "const dep = require('./dep.cjs');\nmodule.exports = { call: (x) => dep(x), method: (x) => dep.call('self', x), value: () => dep.value };\n");
    const g = globalThis as { depLoads?: number };
    delete g.depLoads;
    const out = (await bundle(path.join(work, 'lazy-entry.cjs'), [lazyRequires([{ importer: /lazy-entry\.cjs$/, modules: ['./dep.cjs'] }])])) as Record<string, (x?: number) => unknown>;
    expect(g.depLoads).toBeUndefined();
    expect(out.value()).toBe(42);
    expect(g.depLoads).toBe(1);
    // As the module itself answers, unbundled.
    const direct = require(path.join(work, 'lazy-entry.cjs')) as typeof out;
    expect(out.call(7)).toEqual(direct.call(7));
    expect(out.method(8)).toEqual(direct.method(8));
    expect(g.depLoads).toBe(2);
  });

  it('a builtin is not loaded by reading its __esModule, as TypeScript\'s __importDefault does', async () => {
    writeFileSync(path.join(work, 'builtin-entry.cjs'), "const zlib = require('node:zlib');\nmodule.exports = { esModule: zlib.__esModule, crc: () => typeof zlib.crc32 };\n");
    const file = await bundleFile(path.join(work, 'builtin-entry.cjs'), [lazyRequires([{ importer: /builtin-entry\.cjs$/, modules: ['node:zlib'] }])]);
    // In a process of its own, which has not loaded zlib.
    const loaded = "process.moduleLoadList.includes('NativeModule zlib')";
    const code = `const m = require(${JSON.stringify(file)}); const before = ${loaded}; console.log(JSON.stringify([m.esModule === undefined, before, m.crc(), ${loaded}]));`;
    const run = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual([true, false, 'function', true]);
  });

  it('leaves other importers alone', async () => {
    writeFileSync(path.join(work, 'eager-entry.cjs'), "require('./dep.cjs');\nmodule.exports = globalThis.depLoads;\n");
    delete (globalThis as { depLoads?: number }).depLoads;
    expect(await bundle(path.join(work, 'eager-entry.cjs'), [lazyRequires([{ importer: /lazy-entry\.cjs$/, modules: ['./dep.cjs'] }])])).toBe(1);
  });
});

describe('sloppyWriteGood', () => {
  const modulesFile = path.join(root, 'rules/plain-english/write-good-modules.ts');
  type Check = (text: string, opts?: object) => unknown[];

  it('reads the exports of write-good-modules.ts, and refuses anything else there', () => {
    expect(writeGoodExports(readFileSync(modulesFile, 'utf8'))).toEqual([
      ['writeGood', 'write-good'],
      ['weaselWords', 'weasel-words'],
      ['adverbWhere', 'adverb-where'],
      ['ePrime', 'e-prime'],
    ]);
    expect(() => writeGoodExports("export const a = f('a') as Check;\nexport function b() {}\n")).toThrow(/should only export/);
  });

  it('the bundled modules find what the installed ones find, in a strict bundle', async () => {
    writeFileSync(path.join(work, 'wg-entry.ts'), `export * from ${JSON.stringify(modulesFile.replace(/\.ts$/, '.js'))};\n`);
    const bundled = (await bundle(path.join(work, 'wg-entry.ts'), [sloppyWriteGood(esbuild, modulesFile)], { strict: true })) as Record<string, Check>;
    const fromWriteGood = createRequire(require.resolve('write-good'));
    const installed: Record<string, Check> = {
      writeGood: require('write-good'),
      weaselWords: fromWriteGood('weasel-words'),
      adverbWhere: fromWriteGood('adverb-where'),
      ePrime: fromWriteGood('e-prime'),
    };
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(installed).sort());
    const texts = [...[...corpus(20, 5)].flatMap((note: string) => note.split(/(?<=[.!?])\s+/)), 'So there is a very few cases that were seen; it’s the the end.', ''];
    for (const text of texts) {
      for (const [name, check] of Object.entries(installed)) expect(bundled[name](text), `${name}: ${text}`).toEqual(check(text));
      // write-good with its own default checks: those the bundle loads on first use.
      expect(bundled.writeGood(text, { eprime: true })).toEqual(installed.writeGood(text, { eprime: true }));
    }
  });
});

describe('asciiRegExps', () => {
  it('escapes characters outside ASCII in regular expression literals, which then match the same', () => {
    const code = 'module.exports = [/[\'’]s\\b/gi, /“(.*?)”/u, /😀+/u, /a😀/, "’ already escaped by esbuild is not here"];';
    const ascii = asciiRegExps(code.replace('"’ already escaped by esbuild is not here"', '"x"'), ts);
    expect(ascii).toMatch(/^[\0-\x7f]*$/);
    const load = (source: string) => new Function('module', `${source}; return module.exports;`)({}) as RegExp[];
    const [before, after] = [load(code.replace('"’ already escaped by esbuild is not here"', '"x"')), load(ascii)];
    for (const [i, regex] of before.entries()) {
      expect(after[i].flags).toBe(regex.flags);
      for (const text of ["it’s", "it's", '“quoted”', '😀😀', 'a😀', 'a\ud83d']) expect(text.match(after[i]), `${regex} on ${text}`).toEqual(text.match(regex));
    }
  });

  it('leaves what it cannot escape', () => {
    for (const code of ['const s = String.raw`’`;', 'const r = /\\’/;']) expect(asciiRegExps(code, ts)).toBe(code);
  });
});

describe('the bundle', () => {
  /** Build the bundle when it is missing or older than dist/src (as the bin would then not use it). */
  function ensureBundle(): string {
    ensureBuilt();
    const dir = path.join(root, 'dist/bundle');
    const current = () => {
      const name = readdirSync(dir, { withFileTypes: true }).find((f) => /^recordlint-[0-9a-f]+\.cjs$/.test(f.name))?.name;
      return name && statSync(path.join(dir, name)).mtimeMs >= statSync(path.join(root, 'dist/src/cli.js')).mtimeMs ? path.join(dir, name) : undefined;
    };
    if (!current()) spawnSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'ignore' });
    const file = current();
    if (!file) throw new Error('no current bundle: run npm run build');
    return file;
  }

  it('is ASCII only (bin/recordlint.js reads it as latin1)', () => {
    expect(readFileSync(ensureBundle()).every((byte) => byte < 0x80)).toBe(true);
  }, 120_000);

  it('lints a note without loading node:crypto, node:child_process or node:fs/promises', () => {
    ensureBundle();
    const preload = path.join(work, 'builtins.cjs');
    writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)))));\n");
    const run = spawnSync(process.execPath, ['--require', preload, path.join(root, 'bin/recordlint.js'), '--format', 'json', path.join(root, 'fixtures/notes/11-pasted-email-bad.md')], { cwd: work, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages.length).toBeGreaterThan(0);
    const loaded = JSON.parse(run.stderr) as string[];
    expect(loaded).toContain('vm');
    for (const unused of ['crypto', 'child_process', 'fs/promises']) expect(loaded).not.toContain(unused);
  }, 120_000);

  it('reports what the API reports, on the example notes and the survey notes', async () => {
    ensureBundle();
    const folders = ['fixtures/notes', 'fixtures/survey/notes', 'fixtures/survey/probes'].map((folder) => path.join(root, folder));
    const run = spawnSync(process.execPath, [path.join(root, 'bin/recordlint.js'), '--no-config', '--format', 'json', ...folders], { cwd: work, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const { lintFiles } = (await import(path.join(root, 'dist/src/index.js'))) as typeof import('../src/index.js');
    const api = await lintFiles(folders, { useConfigFiles: false });
    // The JSON report leaves out each message's range (README, "JSON output").
    const messages = (results: Array<{ filePath: string; messages: object[] }>) => results.map((r) => [r.filePath, r.messages.map(({ range: _range, ...m }: { range?: unknown }) => m)]);
    expect(messages(JSON.parse(run.stdout))).toEqual(messages(api));
  }, 120_000);

  it('nor does importing the API (dist/src) load node:crypto', () => {
    ensureBuilt();
    const code = `await import(${JSON.stringify(path.join(root, 'dist/src/index.js'))}); console.log(JSON.stringify(process.moduleLoadList));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: work, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).not.toContain('NativeModule crypto');
  });
});
