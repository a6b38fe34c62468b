// Spawning commands, above all the built CLI (`node bin/recordlint.js`), for
// the tests that run recordlint end to end, and building dist/ first when
// src/ or rules/ is newer.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repo = path.resolve(new URL('../..', import.meta.url).pathname);
export const bin = path.join(repo, 'bin/recordlint.js');

/**
 * The command line for running node without root's power over file
 * permissions, so that "permission denied" can be tested when the tests run
 * as root (as CI does). Root keeps its uid (it can still reach a clone in a
 * private temporary folder, which another user could not) but loses the
 * capabilities that override file modes: a file with mode 000 or a folder
 * with mode 555 then refuses it as it would anyone. Other users run as they are.
 */
export function withoutFilePrivileges(argv: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [process.execPath, argv];
  return ['setpriv', ['--bounding-set=-dac_override,-dac_read_search', '--', process.execPath, ...argv]];
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Given a timeout: whether the command was killed for running longer. */
  timedOut?: boolean;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the command is killed (none when not given). */
  timeout?: number;
}

/** Run a command, collecting its output (never throws on a non-zero exit). */
export function run(command: string, args: readonly string[], options: RunOptions = { cwd: repo }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer =
      options.timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeout);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(timer === undefined ? { code, stdout, stderr } : { code, stdout, stderr, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface CliOptions extends Omit<RunOptions, 'env'> {
  /** Added to this process's environment; NO_COLOR and FORCE_COLOR are passed on only when given here. */
  env?: Record<string, string>;
  /** Run without root's power over file modes (see withoutFilePrivileges). */
  unprivileged?: boolean;
  /** Modules for `node --import`, loaded before the command. */
  preload?: string[];
}

/** Run the built command. */
export function cli(args: string[], options: CliOptions): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  const imports = (options.preload ?? []).flatMap((file) => ['--import', pathToFileURL(file).href]);
  const argv = [...imports, bin, ...args];
  const [command, commandArgs] = options.unprivileged ? withoutFilePrivileges(argv) : [process.execPath, argv];
  return run(command, commandArgs, { ...options, env });
}

/**
 * Build dist/ when src/ or rules/ is newer (type errors elsewhere do not stop
 * tsc from emitting). Test files run in parallel: one builds at a time, and
 * the others then find dist/ fresh.
 */
export function ensureBuilt(): void {
  const built = path.join(repo, 'dist/src/cli.js');
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
  if (!existsSync(built)) throw new Error('dist/src/cli.js is missing: run npm run build');
}

/** Whether a command is on PATH (for tests that need `patch` or `script`). */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
