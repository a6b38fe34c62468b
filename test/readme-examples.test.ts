// The README's copy-paste examples, run. A fenced block is tested when the
// line before it (a blank line may come between) is a marker:
//
//   <!-- test: KIND [ARG] [key=value ...] -->
//
// The blocks of one `## ` section share a project folder, made fresh for the
// section, in order: recordlint installed in node_modules as npm would
// install it (so `npx recordlint`, `node_modules/.bin/recordlint` and
// `import ... from 'recordlint'` work), and notes/ holding three example notes:
// 01-home-visit-good.md (no problem), 02-home-visit-bad.md (warnings only) and
// 11-pasted-email-bad.md (an error).
//
// KIND                 what the test does with the block
// file NAME            writes it to NAME, for the blocks after it
// sh [exit=N]          runs it with bash; the exit code must be N (default 0)
// node [exit=N]        runs it as an ES module with node
// ts                   type-checks it (strict) against the installed package
// config [NAME]        writes it to NAME (default .recordlintrc.json); --print-config must accept it
// hook                 installs it as .git/hooks/pre-commit in a new git repository
// pre-commit-config    a .pre-commit-config.yaml: its hooks must be in .pre-commit-hooks.yaml, run as pre-commit runs them
// lint-staged          a package.json with "lint-staged": each command runs on the staged notes it matches
// github-workflow      a GitHub Actions workflow: each `run:` line runs (exit 0, or 1 from recordlint finding problems)
// gitlab-ci            a .gitlab-ci.yml: each job's script lines run in order and must succeed
//
// hook, pre-commit-config and lint-staged take refuses=NOTE,... and
// accepts=NOTE,...: commits of those notes must be refused or accepted.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRecordlint, projectEnv } from './helpers/package.js';
import { repo, run, type Run } from './helpers/spawn-cli.js';

interface Example {
  section: string;
  kind: string;
  arg?: string;
  options: Record<string, string>;
  lang: string;
  code: string;
  /** 1-based line of the fence in README.md. */
  line: number;
}

const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
const { examples, problems } = parseExamples(readme);
const notesDir = path.join(repo, 'fixtures/notes');
const exampleNotes = ['01-home-visit-good.md', '02-home-visit-bad.md', '11-pasted-email-bad.md'];
const hookDefinitions = yaml.load(readFileSync(path.join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; args?: string[]; types_or?: string[] }>;
const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');

const root = mkdtempSync(path.join(tmpdir(), 'recordlint-readme-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Find the marked blocks; a marker without a block after it is a problem. */
function parseExamples(text: string): { examples: Example[]; problems: string[] } {
  const lines = text.split('\n');
  const found: Example[] = [];
  const issues: string[] = [];
  let section = '(top)';
  let marker: { spec: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}\\s*$`);
      let end = i + 1;
      while (end < lines.length && !close.test(lines[end])) end++;
      if (marker) {
        const [kind, ...rest] = marker.spec.split(/\s+/);
        const options: Record<string, string> = {};
        const positional: string[] = [];
        for (const word of rest) {
          const eq = word.indexOf('=');
          if (eq > 0) options[word.slice(0, eq)] = word.slice(eq + 1);
          else positional.push(word);
        }
        found.push({ section, kind, arg: positional[0], options, lang: fence[2], code: `${lines.slice(i + 1, end).join('\n')}\n`, line: i + 1 });
        marker = undefined;
      }
      i = end;
      continue;
    }
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) section = heading[1];
    const mark = /^<!--\s*test:\s*(.*?)\s*-->\s*$/.exec(line);
    if (marker && line.trim() !== '') {
      issues.push(`README.md:${marker.line}: "<!-- test: ${marker.spec} -->" is not followed by a fenced block`);
      marker = undefined;
    }
    if (mark) marker = { spec: mark[1], line: i + 1 };
  }
  if (marker) issues.push(`README.md:${marker.line}: "<!-- test: ${marker.spec} -->" is not followed by a fenced block`);
  return { examples: found, problems: issues };
}

/** A project for one section: recordlint installed, notes/ with the example notes. */
function makeProject(name: string): string {
  const dir = path.join(root, name.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '').toLowerCase());
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  installRecordlint(dir);
  for (const note of exampleNotes) copyFileSync(path.join(notesDir, note), path.join(dir, 'notes', note));
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  return dir;
}

function bash(script: string, cwd: string): Promise<Run> {
  return run('bash', ['-c', script], { cwd, env: projectEnv(cwd) });
}

const show = (r: Run) => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

/** git with no global or system config, in a new repository `dir`. */
function gitRepository(dir: string): (...args: string[]) => SpawnSyncReturns<string> {
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...projectEnv(dir), HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, '.gitconfig-none') };
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q');
  git('config', 'user.name', 'Sam Patel');
  git('config', 'user.email', 'sam.patel@example.org');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.hooksPath', '.git/hooks');
  return git;
}

type Runner = (example: Example, dir: string, index: number) => Promise<void>;

/** Run a recordlint command as a hook would, on one note; true when the commit would go ahead. */
async function accepts(command: string, note: string, dir: string): Promise<boolean> {
  const result = await bash(`${command} ${JSON.stringify(`notes/${note}`)}`, dir);
  expect([0, 1], `${command} notes/${note}\n${show(result)}`).toContain(result.code);
  return result.code === 0;
}

async function expectPolicy(example: Example, dir: string, commandsFor: (note: string) => string[]): Promise<void> {
  const refuses = list(example.options.refuses);
  const accepted = list(example.options.accepts);
  expect(refuses.length + accepted.length, 'refuses= or accepts= names notes').toBeGreaterThan(0);
  for (const [note, want] of [...refuses.map((n) => [n, false] as const), ...accepted.map((n) => [n, true] as const)]) {
    const commands = commandsFor(note);
    expect(commands.length, `a command runs on ${note}`).toBeGreaterThan(0);
    let ok = true;
    for (const command of commands) ok = (await accepts(command, note, dir)) && ok;
    expect(ok, `${note} is ${want ? 'accepted' : 'refused'} by ${commands.join(' && ')}`).toBe(want);
  }
}

/** The shell lines of a `run:` or `script:`, without comments, blank lines and installs. */
function scriptLines(script: string | string[]): string[] {
  const text = Array.isArray(script) ? script.join('\n') : script;
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !/^npm (ci|install)\b/.test(l));
}

const runners: Record<string, Runner> = {
  async file(example, dir) {
    expect(example.arg, 'file NAME').toBeTruthy();
    mkdirSync(path.dirname(path.join(dir, example.arg!)), { recursive: true });
    writeFileSync(path.join(dir, example.arg!), example.code);
  },

  async sh(example, dir, index) {
    const script = path.join(dir, `example-${index}.sh`);
    writeFileSync(script, example.code);
    const result = await run('bash', [script], { cwd: dir, env: projectEnv(dir) });
    expect(result.code, show(result)).toBe(Number(example.options.exit ?? 0));
  },

  async node(example, dir, index) {
    const file = path.join(dir, `example-${index}.mjs`);
    writeFileSync(file, example.code);
    const result = await run(process.execPath, [file], { cwd: dir, env: projectEnv(dir) });
    expect(result.code, show(result)).toBe(Number(example.options.exit ?? 0));
  },

  async ts(example, dir, index) {
    const file = `example-${index}.ts`;
    writeFileSync(path.join(dir, file), example.code);
    const config = `tsconfig-${index}.json`;
    writeFileSync(
      path.join(dir, config),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [file] }),
    );
    const result = await run(process.execPath, [tsc, '-p', config], { cwd: dir, env: projectEnv(dir) });
    expect(result.code, show(result)).toBe(0);
  },

  async config(example, dir) {
    const name = example.arg ?? '.recordlintrc.json';
    writeFileSync(path.join(dir, name), example.code);
    const result = await bash(`recordlint --print-config notes/${exampleNotes[0]}`, dir);
    expect(result.code, show(result)).toBe(0);
    expect(JSON.parse(result.stdout)['//']).toContain(path.join(dir, name));
  },

  async hook(example, dir, index) {
    const repoDir = path.join(dir, `repo-${index}`);
    const git = gitRepository(repoDir);
    symlinkSync(path.join(dir, 'node_modules'), path.join(repoDir, 'node_modules'), 'dir');
    writeFileSync(path.join(repoDir, '.gitignore'), 'node_modules\n');
    writeFileSync(path.join(repoDir, '.git/hooks/pre-commit'), example.code);
    chmodSync(path.join(repoDir, '.git/hooks/pre-commit'), 0o755);
    mkdirSync(path.join(repoDir, 'notes'));
    const commit = (note: string) => {
      copyFileSync(path.join(notesDir, note), path.join(repoDir, 'notes', note));
      git('add', '-A');
      const result = git('commit', '-q', '-m', `Add ${note}`);
      if (result.status !== 0) {
        git('rm', '-q', '--cached', `notes/${note}`);
        rmSync(path.join(repoDir, 'notes', note));
      }
      return result;
    };
    for (const note of list(example.options.refuses)) {
      const result = commit(note);
      expect(result.status, `commit of ${note} refused\n${result.stdout}${result.stderr}`).not.toBe(0);
      expect(result.stderr).not.toMatch(/No such file|not found|unknown option/);
    }
    for (const note of list(example.options.accepts)) {
      const result = commit(note);
      expect(result.status, `commit of ${note} accepted\n${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(String(git('log', '--format=%s').stdout).trim().split('\n').filter(Boolean)).toHaveLength(list(example.options.accepts).length);
  },

  async 'pre-commit-config'(example, dir) {
    const config = yaml.load(example.code) as { repos: Array<{ repo: string; rev?: string; hooks: Array<{ id: string; args?: string[] }> }> };
    const ours = config.repos.filter((r) => /recordlint\/recordlint/.test(r.repo));
    expect(ours.length).toBeGreaterThan(0);
    const commands: string[] = [];
    for (const entry of ours) {
      expect(entry.rev, 'rev is the current version').toBe(`v${version}`);
      for (const hook of entry.hooks) {
        const definition = hookDefinitions.find((h) => h.id === hook.id);
        expect(definition, `hook "${hook.id}" is in .pre-commit-hooks.yaml`).toBeDefined();
        commands.push([definition!.entry, ...(definition!.args ?? []), ...(hook.args ?? [])].map((a) => (/^[\w./-]+$/.test(a) ? a : JSON.stringify(a))).join(' '));
      }
    }
    await expectPolicy(example, dir, () => commands);
  },

  async 'lint-staged'(example, dir) {
    const config = (JSON.parse(example.code) as { 'lint-staged': Record<string, string | string[]> })['lint-staged'];
    expect(config, 'a "lint-staged" key').toBeDefined();
    await expectPolicy(example, dir, (note) =>
      Object.entries(config)
        // lint-staged matches a pattern without a slash against the file name.
        .filter(([pattern]) => picomatch(pattern, { dot: true, basename: !pattern.includes('/') })(`notes/${note}`))
        .flatMap(([, commands]) => (Array.isArray(commands) ? commands : [commands])),
    );
  },

  async 'github-workflow'(example, dir) {
    const workflow = yaml.load(example.code) as { on: unknown; jobs: Record<string, { 'runs-on': string; steps: Array<Record<string, any>> }> };
    expect(workflow.on).toBeDefined();
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job['runs-on'], name).toBeTruthy();
      for (const step of job.steps) {
        if (step.uses) {
          expect(step.uses).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
          for (const [key, value] of Object.entries<string>(step.with ?? {})) {
            if (/_file$/.test(key)) expect(existsSync(path.join(dir, value)), `${step.uses} ${key}: ${value} was written`).toBe(true);
          }
          continue;
        }
        for (const line of scriptLines(step.run)) {
          const result = await bash(line, dir);
          // A step that finds problems fails the check (exit 1); anything else (2: a usage or config mistake) is a broken example.
          expect([0, 1], `${line}\n${show(result)}`).toContain(result.code);
          if (result.code === 1) expect(line).toMatch(/recordlint/);
        }
      }
    }
    if (existsSync(path.join(dir, 'recordlint.sarif'))) expect(JSON.parse(readFileSync(path.join(dir, 'recordlint.sarif'), 'utf8')).version).toBe('2.1.0');
  },

  async 'gitlab-ci'(example, dir) {
    const pipeline = yaml.load(example.code) as Record<string, { script?: string | string[]; artifacts?: { paths?: string[] } }>;
    const reserved = ['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script'];
    const jobs = Object.entries(pipeline).filter(([name, job]) => !name.startsWith('.') && !reserved.includes(name) && job?.script);
    expect(jobs.length).toBeGreaterThan(0);
    for (const [, job] of jobs) {
      for (const line of scriptLines(job.script!)) {
        const result = await bash(line, dir);
        expect(result.code, `${line}\n${show(result)}`).toBe(0);
      }
      for (const artifact of job.artifacts?.paths ?? []) expect(existsSync(path.join(dir, artifact)), `artifact ${artifact}`).toBe(true);
    }
  },
};

describe('README.md examples', () => {
  it('every marker is followed by a fenced block, of a kind this test knows', () => {
    expect(problems).toEqual([]);
    const unknown = examples.filter((e) => !(e.kind in runners)).map((e) => `README.md:${e.line}: unknown kind "${e.kind}"`);
    expect(unknown).toEqual([]);
  });

  it('each way to run recordlint is documented with a tested example', () => {
    const kinds = (section: string) => examples.filter((e) => e.section === section).map((e) => e.kind);
    expect(kinds('Use it before you submit a note: pre-commit')).toEqual(expect.arrayContaining(['pre-commit-config', 'lint-staged', 'hook']));
    expect(kinds('Use it in CI')).toEqual(expect.arrayContaining(['github-workflow', 'gitlab-ci']));
    expect(kinds('Use it from code')).toEqual(expect.arrayContaining(['node', 'ts']));
    expect(kinds('Plugins and team word lists')).toEqual(expect.arrayContaining(['config', 'file', 'sh']));
  });
});

const sections = [...new Set(examples.map((e) => e.section))];
for (const section of sections) {
  describe(`README.md: ${section}`, () => {
    let dir = '';
    beforeAll(() => {
      dir = makeProject(section);
    }, 120_000);
    examples
      .filter((e) => e.section === section)
      .forEach((example, index) => {
        const title = `line ${example.line}: ${example.kind}${example.arg ? ` ${example.arg}` : ''}${Object.entries(example.options).map(([k, v]) => ` ${k}=${v}`).join('')}`;
        it(title, async () => {
          const runner = runners[example.kind];
          expect(runner, `a runner for "${example.kind}"`).toBeDefined();
          await runner(example, dir, index);
        }, 180_000);
      });
  });
}
