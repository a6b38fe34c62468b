#!/usr/bin/env node
// npm run build runs this after tsc: bundles the command (src/cli.ts and
// everything it imports, rules included) into one ES module,
// dist/bundle/recordlint.js, which bin/recordlint.js loads. Node then reads
// and compiles one file instead of resolving and loading some 300, which
// roughly halves the start-up time (README, "Performance"). Modules the command
// imports lazily (rules, reporters, the config loader) stay lazy: esbuild
// keeps each one's code behind a function that runs on first import.
//
// The API (`import from 'recordlint'`) and the tests use dist/src and src
// as before; only the command runs the bundle. bin/recordlint.js falls back to
// dist/src/cli.js when the bundle is missing or older than it (someone ran tsc
// on its own).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'bundle', 'recordlint.js');
mkdirSync(dirname(outfile), { recursive: true });

await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (commander, cosmiconfig) call require() for Node's
  // built-ins, which an ES module does not have: give the bundle one.
  banner: { js: "import { createRequire as __recordlintRequire } from 'node:module';\nconst require = __recordlintRequire(import.meta.url);" },
  external: [
    // cosmiconfig loads it only for a .ts config, and a user install does not have it.
    'typescript',
    // plain-english loads write-good's own check modules from its folder
    // (rules/plain-english/write-good-checks.ts): one copy, from node_modules.
    'write-good',
  ],
  legalComments: 'none',
  logLevel: 'warning',
});
