#!/usr/bin/env node
// The recordlint command. Kept small so start-up stays fast: it runs the
// single-file bundle that `npm run build` makes (dist/bundle, see
// scripts/bundle.mjs) with V8's code cache, or the compiled modules in
// dist/src when there is no bundle, when the bundle is older than them (tsc
// was run on its own) or when this Node cannot run it. Either way the CLI
// module loads commander only, and everything heavy when a run needs it.
//
// CommonJS (bin/package.json), although the package is ES modules: Node
// starts a CommonJS main module 6 to 8 ms sooner (no ES module loader, and
// the file is read synchronously).
const { isAscii } = require('node:buffer');
const { createRequire, enableCompileCache } = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

// Node 22.1+ caches compiled code between runs; a no-op on Node 20.
enableCompileCache?.();

// Garbage collection for a command that lints thousands of notes and keeps
// their results: V8 otherwise moves short-lived objects of a note straight to
// the old generation once some survived ("pretenuring"), and lets that
// generation grow to several times what is alive before collecting it. On
// 2,000 notes these two flags took the peak memory from about 360 MB to about
// 245 MB, at no measurable cost in time; a 2 MB note takes about 20% longer
// (README, "Performance"). They apply to this process only, never to
// programs that use the API.
v8.setFlagsFromString('--no-allocation-site-pretenuring');
v8.setFlagsFromString('--heap-growing-percent=50');

// `recordlint ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const dist = path.join(__dirname, '..', 'dist');

/** The bundle to run, if there is one that is current. */
function findBundle() {
  let name;
  try {
    name = readdirSync(path.join(dist, 'bundle')).find((f) => /^recordlint-[0-9a-f]+\.cjs$/.test(f));
  } catch {
    return undefined;
  }
  if (!name) return undefined;
  const file = path.join(dist, 'bundle', name);
  const compiled = statSync(path.join(dist, 'src', 'cli.js'), { throwIfNoEntry: false })?.mtimeMs;
  return compiled !== undefined && statSync(file).mtimeMs < compiled ? undefined : file;
}

/** Compile and run the bundle (a CommonJS script) with its code cache; returns its exports and the compiled script. */
function runBundle(file, useCache) {
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(file.replace(/\.cjs$/, '.cache'));
    } catch {
      // No cache (or not readable): compile as usual.
    }
  }
  // The bundle is ASCII (scripts/bundle.mjs), which reads faster as latin1
  // (the same text) than as UTF-8: 1 to 2 ms instead of 10 to 20.
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  // As Node wraps a CommonJS module, plus the bundle's URL for its
  // `import.meta.url` and this module's import() for its dynamic imports
  // (configs, plugins; see scripts/bundle.mjs).
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __recordlintUrl, __recordlintImport) {${source}\n})`,
    { filename: file, cachedData },
  );
  const cjs = { exports: {} };
  const importModule = (specifier) => import(specifier);
  script.runInThisContext()(cjs.exports, createRequire(file), cjs, file, path.dirname(file), pathToFileURL(file).href, importModule);
  return { cli: cjs.exports, script };
}

async function run() {
  // scripts/bundle.mjs sets this to make the code cache after a run.
  const cacheOut = process.env.RECORDLINT_WRITE_CODE_CACHE;
  const bundle = findBundle();
  let cli;
  let script;
  if (bundle) {
    ({ cli, script } = runBundle(bundle, !cacheOut));
  } else {
    try {
      cli = await import('../dist/src/cli.js');
    } catch (error) {
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli.js')) {
        process.stderr.write('recordlint: not built yet: run npm run build\n');
        process.exit(2);
      }
      throw error;
    }
  }
  process.exitCode = await cli.main(process.argv);
  if (cacheOut && script) writeFileSync(cacheOut, script.createCachedData());
}

run();
