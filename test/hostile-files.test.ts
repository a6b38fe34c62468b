// Files that cannot be linted, through the built command: binary data, bytes
// that are not UTF-8, UTF-16, a directory named where a note was expected, a
// broken symbolic link, a symbolic link loop, a file the user may not read, a
// named pipe or a device, and a file deleted (or replaced by a directory)
// while the batch runs. Each gives one clear error for that file (naming it
// and saying what is wrong), the other notes are still linted, the exit code
// is 2, and `-o` leaves a whole report or none, and never a temporary file.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli as spawnCli, ensureBuilt, type CliOptions, type Run } from './helpers/spawn-cli.js';
import { tempRoot } from './helpers/folders.js';

// No rules, only the engine's own diagnostics: these tests are about files, not wording.
const { folder } = tempRoot('recordlint-hostile-', '{ "extends": [] }\n');
beforeAll(() => ensureBuilt(), 180_000);

const clean = 'Home visit. Child A showed me her drawings.\n';
const brokenFrontMatter = '---\nchild: [unclosed\n---\n\nHome visit to see Child A.\n';

/** The built command, stopped after 30 s unless told otherwise: a file that makes it wait forever is a failure, not a hung test run. */
const cli = (args: string[], options: CliOptions): Promise<Run> => spawnCli(args, { timeout: 30_000, ...options });

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; messageId?: string; message: string; fatal?: boolean; line: number; column: number }>;
  errorCount: number;
  fatalErrorCount: number;
}

/** The report `-o` wrote: whole JSON, with one result per note. */
function report(dir: string, name = 'report.json'): Map<string, JsonResult> {
  const results = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as JsonResult[];
  return new Map(results.map((r) => [path.relative(dir, r.filePath), r]));
}

/** No temporary file of `-o` (or anything else) left beside the report. */
function expectOnly(dir: string, names: string[]): void {
  expect(readdirSync(dir).sort()).toEqual([...names].sort());
}

/** The per-file errors on stderr: one line each, `recordlint: <file>: <what is wrong>`, and no stack trace. */
function expectFileErrors(run: Run, expected: Record<string, RegExp>): void {
  const lines = run.stderr.trimEnd().split('\n').filter(Boolean);
  expect(lines, run.stderr).toHaveLength(Object.keys(expected).length);
  for (const [file, what] of Object.entries(expected)) {
    const line = lines.find((l) => l.startsWith(`recordlint: ${file}: `));
    expect(line, `a line for ${file} in:\n${run.stderr}`).toBeDefined();
    expect(line!.slice(`recordlint: ${file}: `.length)).toMatch(what);
  }
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

function expectFatal(result: JsonResult | undefined, messageId: string, what: RegExp): void {
  expect(result).toBeDefined();
  expect(result!.messages).toHaveLength(1);
  expect(result!.messages[0]).toMatchObject({ ruleId: null, fatal: true, messageId, line: 1, column: 1 });
  expect(result!.messages[0].message).toMatch(what);
  expect(result!.fatalErrorCount).toBe(1);
}

/** The good notes were linted in full: a clean one has no problems, the one with broken front matter has its error. */
function expectLinted(results: Map<string, JsonResult>, clean: string[], broken: string[] = []): void {
  for (const name of clean) expect(results.get(name), name).toMatchObject({ messages: [], errorCount: 0 });
  for (const name of broken) expect(results.get(name)?.messages.map((m) => m.messageId), name).toEqual(['frontMatter']);
}

describe.concurrent('hostile files: a per-file error, the rest linted, exit 2, no partial report', () => {
  it('binary data, a PNG, invalid UTF-8 and UTF-16 (both byte orders), found in a directory', async () => {
    const dir = folder({
      'notes/a-clean.md': clean,
      'notes/b-binary.md': Buffer.from([0x48, 0x69, 0x00, 0x00, 0xff, 0x10]),
      'notes/c-image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'notes/d-latin1.md': Buffer.from('Line one\nCaf\xe9 visit\n', 'latin1'),
      'notes/e-utf16le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Home visit.\n', 'utf16le')]),
      'notes/f-utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Home visit.\n', 'utf16le').swap16()]),
      'notes/g-truncated.md': Buffer.concat([Buffer.from('Mum said \n'), Buffer.from([0xe2, 0x82])]),
      'notes/h-broken-front-matter.md': brokenFrontMatter,
      'notes/i-clean.txt': clean,
    });
    const run = await cli(['-f', 'json', '-o', 'report.json', 'notes'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expectFileErrors(run, {
      'notes/b-binary.md': /binary data, not a note \(it contains NUL bytes\)/,
      'notes/c-image.md': /binary data/,
      'notes/d-latin1.md': /not valid UTF-8 \(the first bad byte is on line 2\)/,
      'notes/e-utf16le.md': /UTF-16 text: save it as UTF-8/,
      'notes/f-utf16be.txt': /UTF-16 text/,
      'notes/g-truncated.md': /not valid UTF-8 \(the first bad byte is on line 2\)/,
    });
    const results = report(dir);
    expect(results.size).toBe(9);
    expectFatal(results.get('notes/b-binary.md'), 'binary', /NUL/);
    expectFatal(results.get('notes/c-image.md'), 'binary', /binary/);
    expectFatal(results.get('notes/d-latin1.md'), 'notUtf8', /line 2/);
    expectFatal(results.get('notes/e-utf16le.md'), 'notUtf8', /UTF-16/);
    expectFatal(results.get('notes/f-utf16be.txt'), 'notUtf8', /UTF-16/);
    expectFatal(results.get('notes/g-truncated.md'), 'notUtf8', /UTF-8/);
    expectLinted(results, ['notes/a-clean.md', 'notes/i-clean.txt'], ['notes/h-broken-front-matter.md']);
    expectOnly(dir, ['notes', 'report.json']);
  });

  it('the same files named one by one, with the stylish report: each shown at 1:1 in the report, exit 2', async () => {
    const dir = folder({ 'a.md': clean, 'b.md': Buffer.from([0x00, 0x01]), 'c.md': Buffer.from([0xc3, 0x28]), 'd.md': brokenFrontMatter });
    const run = await cli(['a.md', 'b.md', 'c.md', 'd.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('b.md:1:1  error  This is binary data, not a note (it contains NUL bytes): not linted.  recordlint');
    expect(run.stdout).toContain('c.md:1:1  error  This note is not valid UTF-8 (the first bad byte is on line 1)');
    expect(run.stdout).toMatch(/^d\.md:3:1  error  The front matter could not be read/m);
    // The stylish report already shows them in the terminal.
    expect(run.stderr).toBe('');
  });

  it('a directory named where a note was expected', async () => {
    const dir = folder({ 'a.md': clean, 'full.md/inside.md': brokenFrontMatter });
    mkdirSync(path.join(dir, 'notes.md'));
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', 'notes.md', 'full.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expectFileErrors(run, { 'notes.md': /^This is a directory, not a note/ });
    const results = report(dir);
    expectFatal(results.get('notes.md'), 'unreadable', /directory, not a note/);
    expectLinted(results, ['a.md'], ['full.md/inside.md']);
    expectOnly(dir, ['a.md', 'full.md', 'notes.md', 'report.json']);
    // A note-named directory with notes in it is searched, as any directory is.
    expect(results.size).toBe(3);
  });

  it('a broken symbolic link and a symbolic link loop', async () => {
    const dir = folder({ 'a.md': clean, 'z.md': brokenFrontMatter, 'notes/in.md': clean });
    symlinkSync('missing.md', path.join(dir, 'broken.md'));
    symlinkSync('loop.md', path.join(dir, 'loop.md'));
    symlinkSync('missing.md', path.join(dir, 'notes/broken.md'));
    symlinkSync('loop.md', path.join(dir, 'notes/loop.md'));
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', 'broken.md', 'loop.md', 'notes', 'z.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expectFileErrors(run, {
      'broken.md': /^File not found: it is a symbolic link to "missing\.md", which does not exist\.$/,
      'loop.md': /^Cannot read the file: too many levels of symbolic links\.$/,
    });
    const results = report(dir);
    expectFatal(results.get('broken.md'), 'fileNotFound', /symbolic link/);
    expectFatal(results.get('loop.md'), 'unreadable', /symbolic links/);
    // In a directory search, links that lead nowhere are not notes: passed over, the rest linted.
    expectLinted(results, ['a.md', 'notes/in.md'], ['z.md']);
    expect([...results.keys()]).toEqual(['a.md', 'broken.md', 'loop.md', 'notes/in.md', 'z.md']);
  });

  it('a file the user may not read, and a directory they may not open', async () => {
    const dir = folder({ 'a.md': clean, 'secret.md': clean, 'locked/x.md': clean, 'z.md': brokenFrontMatter });
    chmodSync(path.join(dir, 'secret.md'), 0o000);
    chmodSync(path.join(dir, 'locked'), 0o000);
    // The unprivileged user writes the report here.
    chmodSync(dir, 0o777);
    try {
      const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', 'secret.md', 'locked', 'z.md'], { cwd: dir, unprivileged: true });
      expect(run.code).toBe(2);
      expectFileErrors(run, {
        'secret.md': /^Cannot read the file: permission denied\.$/,
        locked: /^Cannot read the directory: permission denied\.$/,
      });
      const results = report(dir);
      expectFatal(results.get('secret.md'), 'unreadable', /permission denied/);
      expectFatal(results.get('locked'), 'unreadable', /permission denied/);
      expectLinted(results, ['a.md'], ['z.md']);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('a named pipe and a device are refused, not read (reading them could wait forever)', async () => {
    const dir = folder({ 'a.md': clean });
    const fifo = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const names = fifo.status === 0 ? ['pipe.md', '/dev/zero'] : ['/dev/zero'];
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', ...names], { cwd: dir, timeout: 20_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expectFileErrors(run, Object.fromEntries(names.map((n) => [n, /^This is not a regular file \(a named pipe, a device or a socket\): not linted\.$/])));
    const results = report(dir);
    for (const name of names) expectFatal(results.get(path.isAbsolute(name) ? path.relative(dir, name) : name), 'unreadable', /not a regular file/);
    expectLinted(results, ['a.md']);
  });

  it('a file deleted, and one replaced by a directory, after the notes were listed', async () => {
    // Deterministic: a module preloaded into the command deletes c.md and turns d.md into a
    // directory the moment the command first reads b.md, after it has listed the folder.
    const dir = folder({ 'notes/a.md': clean, 'notes/b.md': clean, 'notes/c.md': clean, 'notes/d.md': clean, 'notes/e.md': brokenFrontMatter });
    const preload = path.join(dir, 'meddle.mjs');
    writeFileSync(
      preload,
      `import { syncBuiltinESMExports } from 'node:module';\n` +
        `import realFs from 'node:fs';\n` +
        `const read = realFs.readFileSync;\n` +
        `let done = false;\n` +
        `realFs.readFileSync = function (file, ...rest) {\n` +
        `  if (!done && String(file).endsWith('${path.sep}notes${path.sep}b.md')) {\n` +
        `    done = true;\n` +
        `    realFs.unlinkSync(${JSON.stringify(path.join(dir, 'notes/c.md'))});\n` +
        `    realFs.unlinkSync(${JSON.stringify(path.join(dir, 'notes/d.md'))});\n` +
        `    realFs.mkdirSync(${JSON.stringify(path.join(dir, 'notes/d.md'))});\n` +
        `  }\n` +
        `  return read.call(this, file, ...rest);\n` +
        `};\n` +
        `syncBuiltinESMExports();\n`,
    );
    const run = await cli(['-f', 'json', '-o', 'report.json', 'notes'], { cwd: dir, preload: [preload] });
    expect(run.code).toBe(2);
    expectFileErrors(run, { 'notes/c.md': /^File not found\.$/, 'notes/d.md': /^This is a directory, not a note\.$/ });
    const results = report(dir);
    expect([...results.keys()]).toEqual(['notes/a.md', 'notes/b.md', 'notes/c.md', 'notes/d.md', 'notes/e.md']);
    expectFatal(results.get('notes/c.md'), 'fileNotFound', /not found/);
    expectFatal(results.get('notes/d.md'), 'unreadable', /directory/);
    expectLinted(results, ['notes/a.md', 'notes/b.md'], ['notes/e.md']);
    expectOnly(dir, ['meddle.mjs', 'notes', 'report.json']);
  });
});

describe.concurrent('-o leaves a whole report or none, never a temporary file', () => {
  it('a run that stops (a pattern that finds nothing): no report at all', async () => {
    const dir = folder({ 'a.md': clean });
    mkdirSync(path.join(dir, 'empty'));
    const run = await cli(['-f', 'json', '-o', 'out/report.json', 'a.md', 'empty'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual(['recordlint: no notes (.md, .markdown, .txt) in the directory "empty"']);
    expectOnly(dir, ['a.md', 'empty']);
  });

  it('a folder the report cannot be written to: one line, exit 2, nothing left behind', async () => {
    const dir = folder({ 'a.md': clean, 'b.md': Buffer.from([0]) });
    mkdirSync(path.join(dir, 'reports'), { mode: 0o555 });
    chmodSync(path.join(dir, 'reports'), 0o555);
    const run = await cli(['-f', 'json', '-o', 'reports/report.json', 'a.md', 'b.md'], { cwd: dir, unprivileged: true });
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    // The file problem, then the report that could not be written.
    expect(lines).toEqual(['recordlint: b.md: This is binary data, not a note (it contains NUL bytes): not linted.', 'recordlint: cannot write the report to "reports/report.json": permission denied']);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual([]);
  });

  it('a write that fails half-way (disk full): no report and no temporary file', async () => {
    const dir = folder({ 'a.md': clean, 'b.md': brokenFrontMatter });
    const preload = path.join(folder(), 'full-disk.mjs');
    // The temporary file gets half of what is written to it, then the disk is full (however it is written).
    writeFileSync(
      preload,
      `import { syncBuiltinESMExports } from 'node:module';\n` +
        `import fs from 'node:fs';\n` +
        `const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });\n` +
        `const { writeFileSync, openSync, writeSync } = fs;\n` +
        `const temporary = new Set();\n` +
        `fs.writeFileSync = function (file, data, ...rest) {\n` +
        `  if (!String(file).endsWith('.tmp')) return writeFileSync.call(this, file, data, ...rest);\n` +
        `  writeFileSync.call(this, file, String(data).slice(0, String(data).length >> 1), ...rest);\n` +
        `  throw full();\n` +
        `};\n` +
        `fs.openSync = function (file, ...rest) {\n` +
        `  const fd = openSync.call(this, file, ...rest);\n` +
        `  if (String(file).endsWith('.tmp')) temporary.add(fd);\n` +
        `  return fd;\n` +
        `};\n` +
        `fs.writeSync = function (fd, buffer, ...rest) {\n` +
        `  if (!temporary.has(fd)) return writeSync.call(this, fd, buffer, ...rest);\n` +
        `  writeSync.call(this, fd, typeof buffer === 'string' ? buffer.slice(0, buffer.length >> 1) : buffer.subarray(0, buffer.length >> 1));\n` +
        `  throw full();\n` +
        `};\n` +
        `syncBuiltinESMExports();\n`,
    );
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', 'b.md'], { cwd: dir, preload: [preload] });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual(['recordlint: cannot write the report to "report.json": ENOSPC']);
    expectOnly(dir, ['a.md', 'b.md']);
  });

  it('an existing report is replaced whole, or left as it was when the run stops', async () => {
    const dir = folder({ 'a.md': clean, 'report.json': 'previous report\n' });
    mkdirSync(path.join(dir, 'empty'));
    const stopped = await cli(['-f', 'json', '-o', 'report.json', 'empty'], { cwd: dir });
    expect(stopped.code).toBe(2);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('previous report\n');
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md', 'missing.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('recordlint: missing.md: File not found.\n');
    expect([...report(dir).keys()]).toEqual(['a.md', 'missing.md']);
    expectOnly(dir, ['a.md', 'empty', 'report.json']);
  });

  it('a config mistake: no report, and the one from before is kept', async () => {
    const dir = folder({ 'a.md': clean, 'report.json': 'previous report\n', '.recordlintrc.json': '{ "rules": ' });
    const run = await cli(['-f', 'json', '-o', 'report.json', 'a.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'report.json'), 'utf8')).toBe('previous report\n');
    expect(existsSync(path.join(dir, 'report.json'))).toBe(true);
    expectOnly(dir, ['.recordlintrc.json', 'a.md', 'report.json']);
  });
});
