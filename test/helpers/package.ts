// recordlint as a user gets it: the built package installed in a project.
// `installRecordlint(dir)` copies the files `npm pack` would publish into
// dir/node_modules/recordlint, links the packages they need at run time
// (the "dependencies" closure, as npm would hoist them; no devDependencies),
// and puts the `recordlint` command in node_modules/.bin. Nothing is fetched.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, repo } from './spawn-cli.js';

let packedFiles: string[] | undefined;

/** The files `npm pack` would publish (from package.json "files"), without running any script. */
export function publishedFiles(): string[] {
  if (!packedFiles) {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    packedFiles = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
    if (!packedFiles.includes('package.json')) packedFiles.push('package.json');
  }
  return packedFiles;
}

/** The packages recordlint needs at run time: its dependencies and theirs, as found in the repo's node_modules. */
function runtimeClosure(): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(repo, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return; // nested (not hoisted): comes with its parent's folder
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) visit(dep);
  };
  const own = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(own.dependencies ?? {})) visit(dep);
  return [...seen].sort();
}

/** Install the built recordlint into `dir` (made if needed) as `npm install recordlint` would. */
export function installRecordlint(dir: string): void {
  ensureBuilt();
  const target = path.join(dir, 'node_modules', 'recordlint');
  for (const file of publishedFiles()) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(repo, file), path.join(target, file), { preserveTimestamps: true });
  }
  for (const name of runtimeClosure()) {
    const link = path.join(dir, 'node_modules', name);
    if (existsSync(link)) continue;
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(repo, 'node_modules', name), link, 'dir');
  }
  const binDir = path.join(dir, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  symlinkSync('../recordlint/bin/recordlint.js', path.join(binDir, 'recordlint'));
  chmodSync(path.join(target, 'bin/recordlint.js'), 0o755);
  if (!existsSync(path.join(dir, 'package.json'))) {
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module', devDependencies: { recordlint: '*' } }, null, 2)}\n`);
  }
}

/** An environment without colour settings and with the project's node_modules/.bin first on PATH. */
export function projectEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  env.PATH = `${path.join(dir, 'node_modules', '.bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}
