// Spawning the built CLI (`node bin/recordlint.js`) for the --fix, --cache and
// --init tests: the same approach as test/cli.test.ts (rebuild dist/ first
// when src/ or rules/ is newer).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** Run without root's power over file modes (see withoutFilePrivileges). */
  unprivileged?: boolean;
}

export function cli(args: string[], options: RunOptions): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(name in options.env)) delete env[name];
  return new Promise((resolve, reject) => {
    const [command, argv] = options.unprivileged ? withoutFilePrivileges([bin, ...args]) : [process.execPath, [bin, ...args]];
    const child = spawn(command, argv, { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Build dist/ when it is missing or older than the sources (type errors elsewhere do not stop tsc emitting). */
export function ensureBuilt(): void {
  const built = path.join(repo, 'dist/src/cli.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(max, newest(p));
      return /\.(ts|json)$/.test(entry.name) ? Math.max(max, statSync(p).mtimeMs) : max;
    }, 0);
  if (!existsSync(built) || statSync(built).mtimeMs < Math.max(newest(path.join(repo, 'src')), newest(path.join(repo, 'rules')))) {
    spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: repo, stdio: 'ignore' });
  }
  if (!existsSync(built)) throw new Error('dist/src/cli.js is missing: run npm run build');
}

/** Whether a command is on PATH (for tests that need `patch` or `script`). */
export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
