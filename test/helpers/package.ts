// recordlint as a user gets it: the built package installed in a project.
// `installRecordlint(dir)` copies the files `npm pack` would publish into
// dir/node_modules/recordlint, links the packages they need at run time
// (the "dependencies" closure, as npm would hoist them; no devDependencies),
// and puts the `recordlint` command in node_modules/.bin. Nothing is fetched.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repo = path.resolve(new URL('../..', import.meta.url).pathname);
export const bin = path.join(repo, 'bin/recordlint.js');

/**
 * Build dist/ when src/ or rules/ is newer (type errors elsewhere do not stop
 * tsc from emitting). Test files run in parallel: one builds at a time, and
 * the others then find dist/ fresh.
 */
export function ensureBuilt(): void {
  const built = path.join(repo, 'dist/src/index.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(max, newest(p));
      return /\.(ts|json)$/.test(entry.name) ? Math.max(max, statSync(p).mtimeMs) : max;
    }, 0);
  const stale = () => !existsSync(built) || statSync(built).mtimeMs < Math.max(newest(path.join(repo, 'src')), newest(path.join(repo, 'rules')));
  if (stale()) {
    const lock = path.join(tmpdir(), `recordlint-build-${createHash('sha256').update(repo).digest('hex').slice(0, 12)}.lock`);
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        mkdirSync(lock);
        break;
      } catch {
        // Another test file is building; a lock older than 3 minutes was left by a run that died.
        const held = statSync(lock, { throwIfNoEntry: false });
        if (!held) continue;
        if (Date.now() > deadline || Date.now() - held.mtimeMs > 180_000) {
          rmSync(lock, { recursive: true, force: true });
          continue;
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      }
    }
    try {
      if (stale()) spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: repo, stdio: 'ignore' });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  if (!existsSync(built)) throw new Error('dist/src/index.js is missing: run npm run build');
}

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

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command, collecting its output (never throws on a non-zero exit). */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string } = { cwd: repo }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** An environment without colour settings and with the project's node_modules/.bin first on PATH. */
export function projectEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  env.PATH = `${path.join(dir, 'node_modules', '.bin')}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
  return env;
}
