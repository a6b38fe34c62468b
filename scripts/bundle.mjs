#!/usr/bin/env node
// npm run build runs this after tsc. Two steps, both for start-up time
// (README, "Performance"):
//
// 1. Bundle the command (src/cli.ts and everything it imports, rules
//    included) into one script, dist/bundle/recordlint-<id>.cjs. Node then
//    reads and compiles one file instead of resolving and loading some 300.
//    Modules the command imports lazily (rules, reporters, the config loader)
//    stay lazy: esbuild keeps each one's code behind a function that runs on
//    first use. The bundle is CommonJS so that bin/recordlint.js can compile
//    it with node:vm, which takes a code cache (Node 20 has no compile cache
//    for ES modules). Also for start-up, and without changing what the code
//    does (scripts/bundle-plugins.mjs): word lists as JSON.parse('...'),
//    builtins and modules that a run does not use loaded on first use,
//    write-good's sloppy-mode modules bundled too, and ASCII only.
// 2. Make that code cache, dist/bundle/recordlint-<id>.cache: V8's bytecode
//    for the functions a run on the example notes compiled, so a later run
//    skips parsing and compiling them. V8 refuses a cache from another Node
//    version (the command then compiles as usual) and <id> ties the cache to
//    this bundle.
//
// The API (`import from 'recordlint'`) and the tests that import src/ use
// dist/src and src as before; only the command runs the bundle.
// bin/recordlint.js falls back to dist/src/cli.js when there is no bundle,
// when the bundle is older than dist/src/cli.js (someone ran tsc on its own),
// or when Node cannot run it (see bin/recordlint.js).
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiRegExps, jsonParse, lazyRequires, sloppyWriteGood } from './bundle-plugins.mjs';
// tsc has just compiled it (npm run build): the words of the word lists' phrases, as Matcher splits them.
import { phraseForms, precompiledForms } from '../dist/src/lexicon.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // esbuild is a devDependency: without it the command runs from dist/src.
  console.warn('bundle: esbuild is not installed; the command will run from dist/src (slower to start)');
  process.exit(0);
}

mkdirSync(outdir, { recursive: true });

/**
 * fdir (tinyglobby's directory walker) loads picomatch at start-up with a
 * require() esbuild cannot follow, so the bundle would read picomatch from
 * node_modules a second time (5 ms). Give it the bundled copy.
 */
function fdirPicomatch() {
  return {
    name: 'fdir-picomatch',
    setup(build) {
      build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const patched = source.replace('__require.resolve("picomatch");\n\tpm = __require("picomatch");', 'pm = __bundledPicomatch;');
        if (patched === source) return undefined;
        return { contents: `import __bundledPicomatch from 'picomatch';\n${patched}`, loader: 'js', resolveDir: dirname(path) };
      });
    },
  };
}

const result = await esbuild.build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // A CommonJS script has no import.meta: bin/recordlint.js passes the bundle's URL in.
  define: { 'import.meta.url': '__recordlintUrl' },
  // cosmiconfig loads it only for a .ts config, and a user install does not have it.
  external: ['typescript'],
  plugins: [
    fdirPicomatch(),
    jsonParse({ lexiconForms: { field: precompiledForms, forms: phraseForms } }),
    lazyRequires([
      { importer: /[\\/]commander[\\/]lib[\\/]command\.js$/, modules: ['node:child_process'] },
      { importer: /[\\/]cosmiconfig[\\/]dist[\\/]loaders\.js$/, modules: ['crypto', 'fs/promises'] },
      { importer: /[\\/]cosmiconfig[\\/]dist[\\/]Explorer\.js$/, modules: ['fs/promises'] },
    ]),
    sloppyWriteGood(esbuild, join(root, 'rules', 'plain-english', 'write-good-modules.ts')),
  ],
  // ASCII only (with asciiRegExps below), which bin/recordlint.js reads
  // faster: as latin1, 1 to 2 ms instead of 10 to 20 as UTF-8.
  charset: 'ascii',
  // A quarter smaller, so quicker to read; names are kept, for stack traces.
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// import() of configs and plugins (and cosmiconfig's own): a script compiled
// by node:vm loses its import() callback when it comes from a code cache
// (Node 20), so the bundle calls the bin's import() instead, which is Node's own.
const text = result.outputFiles[0].text.replace(/\bawait import\(/g, 'await __recordlintImport(');
// TypeScript (a devDependency, as esbuild) finds the regular expressions to make ASCII.
const ts = await import('typescript').then((m) => m.default, () => undefined);
const code = Buffer.from(ts ? asciiRegExps(text, ts) : text);
if (!isAscii(code)) console.warn('bundle: characters outside ASCII are left in the bundle (see asciiRegExps): the command reads it as UTF-8, 10 to 20 ms slower');
if (/[^\w.'"`]import\((?!['"][\w@/.-]+['"]\)\.\w+<)/.test(result.outputFiles[0].text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\bawait import\(/g, ''))) {
  console.warn('bundle: an import() the bin does not provide for is left in the bundle: check scripts/bundle.mjs');
}
const id = createHash('sha256').update(code).digest('hex').slice(0, 12);

// Only this build's files: a stale cache must never meet a new bundle.
for (const file of readdirSync(outdir)) if (/^recordlint[-.]/.test(file)) rmSync(join(outdir, file));
const bundle = join(outdir, `recordlint-${id}.cjs`);
writeFileSync(bundle, code);

// The code cache, from a run of the command on the example notes (the bin
// writes it after the run when RECORDLINT_WRITE_CODE_CACHE names the file),
// as a user would run it: in a folder of notes with a config file to find,
// so that the code that searches for and reads the config is in the cache too.
const notes = join(root, 'fixtures', 'notes');
if (existsSync(notes)) {
  const folder = mkdtempSync(join(tmpdir(), 'recordlint-cache-'));
  try {
    cpSync(notes, join(folder, 'notes'), { recursive: true });
    writeFileSync(join(folder, '.recordlintrc.json'), '{ "extends": ["recordlint:recommended"] }\n');
    execFileSync(process.execPath, [join(root, 'bin', 'recordlint.js'), '--format', 'json', 'notes'], {
      cwd: folder,
      env: { ...process.env, RECORDLINT_WRITE_CODE_CACHE: join(outdir, `recordlint-${id}.cache`) },
      stdio: 'ignore',
    });
  } catch (error) {
    // Exit 1 (problems found) is expected; anything else means no cache, which only costs start-up time.
    if (error.status !== 1) console.warn(`bundle: no code cache (${error.message.split('\n')[0]})`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
const cached = readdirSync(outdir).some((f) => f === `recordlint-${id}.cache`);
console.log(`bundle: dist/bundle/recordlint-${id}.cjs (${(code.length / 1024).toFixed(0)} KB)${cached ? ' and its code cache' : ''}`);
