#!/usr/bin/env node
// The recordlint command. Kept tiny so start-up stays fast: it loads the
// single-file bundle that `npm run build` makes (dist/bundle/recordlint.js,
// see scripts/bundle.mjs), or the compiled modules in dist/src when the
// bundle is missing or older than them (tsc was run on its own). Either way
// the CLI module loads commander only, and everything heavy when a run needs it.
import module from 'node:module';
import { statSync } from 'node:fs';

// Node 22.1+ caches compiled code between runs; a no-op on Node 20.
module.enableCompileCache?.();

// `recordlint ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const bundle = new URL('../dist/bundle/recordlint.js', import.meta.url);
const modules = new URL('../dist/src/cli.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const bundled = mtime(bundle);
const compiled = mtime(modules);
const entry = bundled !== undefined && (compiled === undefined || bundled >= compiled) ? bundle : modules;

let cli;
try {
  cli = await import(entry.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('cli.js')) {
    process.stderr.write('recordlint: not built yet: run npm run build\n');
    process.exit(2);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv);
