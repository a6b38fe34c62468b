// Linting notes before they are committed. End to end: a temporary git
// repository whose .git/hooks/pre-commit runs the built recordlint on the
// staged notes; a commit of a poor note is refused and a good one accepted.
// Also checks .pre-commit-hooks.yaml, the hook the pre-commit framework uses.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, ensureBuilt, repo, run } from './helpers/spawn-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'recordlint-precommit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 120_000);

const notes = path.join(repo, 'fixtures/notes');
const poor = '11-pasted-email-bad.md'; // an error (a pasted email): exit 1
const good = '01-home-visit-good.md'; // nothing to report: exit 0
const warningsOnly = '02-home-visit-bad.md'; // warnings and no error: exit 0, or 1 with --max-warnings 0

/** The hook a team would write (README: "With a plain git hook"), calling the built recordlint by its absolute path. */
const hook = (flags = '') => `#!/bin/sh
# Lint the notes being committed; errors refuse the commit.
git diff --cached --name-only --diff-filter=ACM -z -- '*.md' '*.markdown' '*.txt' |
  xargs -0 -r node ${JSON.stringify(bin)}${flags ? ` ${flags}` : ''}
`;

/** git with no global or system config (so no signing, templates or hooksPath from the machine). */
function gitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig-none'), NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  for (const name of Object.keys(env)) if (name.startsWith('GIT_') && !['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'].includes(name)) delete env[name];
  return env;
}

let repos = 0;
/** A fresh repository with a pre-commit hook and one commit-free history. */
function repository(hookText: string): { dir: string; git: (...args: string[]) => SpawnSyncReturns<string> } {
  const dir = path.join(root, `repo${++repos}`);
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  const env = gitEnv(dir);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  expect(git('init', '-q').status).toBe(0);
  git('config', 'user.name', 'Sam Patel');
  git('config', 'user.email', 'sam.patel@example.org');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.hooksPath', '.git/hooks');
  writeFileSync(path.join(dir, '.git/hooks/pre-commit'), hookText);
  chmodSync(path.join(dir, '.git/hooks/pre-commit'), 0o755);
  return { dir, git };
}

function add(dir: string, note: string, as = `notes/${note}`): void {
  mkdirSync(path.dirname(path.join(dir, as)), { recursive: true });
  copyFileSync(path.join(notes, note), path.join(dir, as));
}

const commits = (git: ReturnType<typeof repository>['git']) => {
  const log = git('log', '--format=%s');
  return log.status === 0 ? String(log.stdout).trim().split('\n') : [];
};

describe('the example notes give the exit codes the hook relies on', () => {
  it.each([
    [poor, [], 1],
    [good, [], 0],
    [warningsOnly, [], 0],
    [warningsOnly, ['--max-warnings', '0'], 1],
    [good, ['--max-warnings', '0'], 0],
  ] as const)('%s %j: exit %i', async (note, flags, code) => {
    const result = await run(process.execPath, [bin, ...flags, path.join(notes, note)], { cwd: root });
    expect(result.code).toBe(code);
  });
});

describe('a git pre-commit hook that runs recordlint on the staged notes', () => {
  it('refuses a commit of a poor note and accepts a good one', () => {
    const { dir, git } = repository(hook());
    add(dir, poor);
    git('add', '-A');
    const refused = git('commit', '-m', 'Phone call with school');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('no-email-paste');
    expect(refused.stdout + refused.stderr).toContain(`notes/${poor}`);
    expect(commits(git)).toEqual([]);

    // The worker takes the poor note out and commits a good one.
    git('rm', '-q', '--cached', `notes/${poor}`);
    rmSync(path.join(dir, 'notes', poor));
    add(dir, good);
    git('add', '-A');
    const accepted = git('commit', '-m', 'Home visit to Maya');
    expect(accepted.stderr).not.toContain('recordlint:');
    expect(accepted.status).toBe(0);
    expect(commits(git)).toEqual(['Home visit to Maya']);
  });

  it('warnings alone do not refuse a commit, unless the hook says --max-warnings 0', () => {
    const lenient = repository(hook());
    add(lenient.dir, warningsOnly);
    lenient.git('add', '-A');
    const accepted = lenient.git('commit', '-m', 'Home visit to Leo');
    expect(accepted.status).toBe(0);
    expect(accepted.stdout + accepted.stderr).toMatch(/\d+ problems? \(0 errors, \d+ warnings?\)/);

    const strict = repository(hook('--max-warnings 0'));
    add(strict.dir, warningsOnly);
    strict.git('add', '-A');
    const refused = strict.git('commit', '-m', 'Home visit to Leo');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/recordlint: too many warnings \(\d+; --max-warnings is 0\)/);
    expect(commits(strict.git)).toEqual([]);
  });

  it('lints only the staged notes: other files, deleted notes and an empty commit of notes pass', () => {
    const { dir, git } = repository(hook());
    writeFileSync(path.join(dir, 'README.json'), '{}\n');
    git('add', '-A');
    expect(git('commit', '-m', 'No notes').status).toBe(0);

    // A poor note that is not staged is not linted.
    add(dir, poor);
    add(dir, good);
    git('add', `notes/${good}`);
    expect(git('commit', '-m', 'Good note only').status).toBe(0);

    // Deleting a note commits whatever it held.
    git('add', `notes/${poor}`);
    expect(git('commit', '-m', 'Poor note').status).not.toBe(0);
    git('commit', '--no-verify', '-q', '-m', 'Poor note, committed without the hook');
    git('rm', '-q', `notes/${poor}`);
    expect(git('commit', '-m', 'Remove the poor note').status).toBe(0);
    expect(commits(git)).toEqual(['Remove the poor note', 'Poor note, committed without the hook', 'Good note only', 'No notes']);
  });

  it('handles note names with spaces, and text notes', () => {
    const { dir, git } = repository(hook());
    add(dir, poor, 'notes/Leo Hartley/phone call.md');
    add(dir, '14-phone-call-carer-good.txt', 'notes/Maya Ellison/phone call.txt');
    git('add', '-A');
    const refused = git('commit', '-m', 'Two notes');
    expect(refused.status).not.toBe(0);
    // git shows what a hook prints on stderr.
    expect(refused.stderr).toContain('notes/Leo Hartley/phone call.md');
    git('rm', '-q', '--cached', 'notes/Leo Hartley/phone call.md');
    expect(git('commit', '-m', 'One note').status).toBe(0);
  });

  it('a config mistake refuses the commit with one line', () => {
    const { dir, git } = repository(hook());
    writeFileSync(path.join(dir, '.recordlintrc.json'), '{ "rules": { "no-emial-paste": "off" } }\n');
    add(dir, good);
    git('add', '-A');
    const refused = git('commit', '-m', 'Home visit');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('recordlint: .recordlintrc.json: rules.no-emial-paste: unknown rule (did you mean "no-email-paste"?)');
  });
});

describe('.pre-commit-hooks.yaml (the pre-commit framework)', () => {
  const hooks = yaml.load(readFileSync(path.join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };

  it('offers the recordlint hook, run through the package’s own command', () => {
    expect(hooks.map((h) => h.id)).toEqual(['recordlint']);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'recordlint', language: 'node', entry: 'recordlint', types_or: ['markdown', 'plain-text'] });
    expect(typeof hook.name).toBe('string');
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
    // pre-commit installs the repository with its dev dependencies and `npm pack`s it: "prepare" builds dist/.
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist']));
    // Keys the framework knows (a typo would be ignored by it, silently).
    const known = ['id', 'name', 'entry', 'language', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'always_run', 'fail_fast', 'verbose', 'pass_filenames', 'require_serial', 'description', 'language_version', 'minimum_pre_commit_version', 'args', 'stages', 'additional_dependencies'];
    for (const key of Object.keys(hook)) expect(known, key).toContain(key);
  });

  it('runs as pre-commit runs it: the entry, then the staged notes', async () => {
    const [hook] = hooks;
    const entry = String(hook.entry);
    const command = path.join(repo, pkg.bin[entry]);
    const refused = await run(process.execPath, [command, path.join(notes, poor), path.join(notes, good)], { cwd: root });
    expect(refused.code).toBe(1);
    const accepted = await run(process.execPath, [command, path.join(notes, good), path.join(notes, '14-phone-call-carer-good.txt')], { cwd: root });
    expect(accepted.code).toBe(0);
  });
});
