// Writing fixes to disk (--fix) and showing them (--fix-dry-run).
//
// A fixed note is written whole or not at all: a temporary file in the same
// folder (so the rename cannot cross file systems), created owner-only, given
// the note's permission bits (and owner, when allowed) before anything else
// can see it, synced, then renamed over the note. A note the user may not
// write is refused, although the rename alone would allow it (the folder
// decides that). A symbolic link is followed
// and the file it points to is replaced, not the link. On any error the
// temporary file is removed and the note is as it was. A note whose bytes
// would not change is never written, so its modification time stays.
//
// Byte order mark: the note's own, read back from disk at write time. Line
// endings: the fixed text keeps the note's (applyFixes gives a CRLF note's fix
// texts CRLF line breaks).
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { LintResult } from './types.js';

// ---------------------------------------------------------------- atomic write

/** The file-system calls writeFileAtomically makes; tests replace some to force failures. */
export interface AtomicFs {
  openSync: typeof openSync;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fchmodSync: typeof fchmodSync;
  fchownSync: typeof fchownSync;
  fsyncSync: typeof fsyncSync;
  closeSync: typeof closeSync;
  renameSync: typeof renameSync;
  unlinkSync: typeof unlinkSync;
}

const nodeFs: AtomicFs = { openSync, writeSync, fchmodSync, fchownSync, fsyncSync, closeSync, renameSync, unlinkSync };

export interface AtomicWriteOptions {
  /** Permission bits of the written file (e.g. 0o600). */
  mode: number;
  /** Give the file this owner and group when the process may (ignored otherwise). */
  owner?: { uid: number; gid: number };
}

/**
 * Write `data` to `target` through a temporary file beside it and a rename.
 * The temporary file is created owner-only with O_EXCL, so it never exists
 * with wider permissions than the result and never clobbers another file.
 */
export function writeFileAtomically(target: string, data: Uint8Array, options: AtomicWriteOptions, fs: AtomicFs = nodeFs): void {
  const dir = path.dirname(target);
  // Keep the name within the 255-byte limit of most file systems.
  const stem = path.basename(target).slice(0, 100);
  // node:crypto when a note is written, not when this module loads: every
  // run loads it (src/index.ts), and loading crypto costs about 3 ms.
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const temp = path.join(dir, `.${stem}.${randomBytes(6).toString('hex')}.recordlint-tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    for (let written = 0; written < data.length; ) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fchmodSync(fd, options.mode & 0o7777);
    if (options.owner) {
      try {
        fs.fchownSync(fd, options.owner.uid, options.owner.gid);
      } catch {
        /* not allowed to give the file away: it stays ours */
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      /* never created, or already renamed */
    }
    throw error;
  }
  syncDirectory(dir);
}

/** Make the rename durable (best effort: not every platform can open a folder). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported here */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// ---------------------------------------------------------------- --fix

export interface FixWriteFailure {
  filePath: string;
  /** Short reason: "permission denied", "no such file"... */
  reason: string;
}

export interface FixWriteOutcome {
  /** Notes that were rewritten. */
  written: string[];
  failures: FixWriteFailure[];
}

const bomBytes = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Write each result's `output` back to its note. Results without `output`
 * (nothing fixed) and results not from a file (stdin) are left alone; a note
 * whose bytes would not change is not written. One note that cannot be
 * written does not stop the others.
 */
export function writeFixedNotes(results: readonly LintResult[], fs: AtomicFs = nodeFs): FixWriteOutcome {
  const outcome: FixWriteOutcome = { written: [], failures: [] };
  for (const result of results) {
    if (result.output === undefined || !path.isAbsolute(result.filePath)) continue;
    try {
      if (writeFixedNote(result.filePath, result.output, fs)) outcome.written.push(result.filePath);
    } catch (error) {
      outcome.failures.push({ filePath: result.filePath, reason: describeWriteError(error) });
    }
  }
  return outcome;
}

/** Write one fixed note; false when its bytes are already the fixed text. */
export function writeFixedNote(filePath: string, fixedText: string, fs: AtomicFs = nodeFs): boolean {
  const target = realpathSync(filePath);
  const current = readFileSync(target);
  const bom = current.subarray(0, 3).equals(bomBytes);
  const data = Buffer.concat([bom ? bomBytes : Buffer.alloc(0), Buffer.from(fixedText, 'utf8')]);
  if (current.equals(data)) return false;
  // The rename would replace a note the user may not write (a finalised, read-only record): refuse, as an in-place write would.
  accessSync(target, constants.W_OK);
  const stats = statSync(target);
  writeFileAtomically(target, data, { mode: stats.mode, owner: { uid: stats.uid, gid: stats.gid } }, fs);
  return true;
}

export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ?? String((error as Error)?.message ?? error);
  }
}

// ---------------------------------------------------------------- --fix-dry-run

/** The text a result was linted from, when it did not come from a file (stdin). */
const originals = new WeakMap<LintResult, string>();

/** Remember the text a result started from (stdin: there is no file to read it back from). */
export function rememberOriginal(results: readonly LintResult[], text: string): void {
  for (const result of results) originals.set(result, text);
}

function originalOf(result: LintResult): string | undefined {
  const remembered = originals.get(result);
  if (remembered !== undefined) return remembered;
  if (!path.isAbsolute(result.filePath)) return undefined;
  try {
    const text = readFileSync(result.filePath, 'utf8');
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

export interface DiffOptions {
  /** Paths in the headers are relative to it. */
  cwd: string;
  color?: boolean;
}

/**
 * A unified diff (`--- a/...`, `+++ b/...`, `@@` hunks, three lines of
 * context) of every result that has fixed `output`, as `git apply` and
 * `patch -p1` read it. Empty when nothing would change.
 */
export async function fixDiff(results: readonly LintResult[], options: DiffOptions): Promise<string> {
  let paint = { removed: (s: string) => s, added: (s: string) => s, header: (s: string) => s, hunk: (s: string) => s };
  if (options.color) {
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level: 1 });
    paint = { removed: chalk.red, added: chalk.green, header: chalk.bold, hunk: chalk.cyan };
  }
  let out = '';
  for (const result of results) {
    if (result.output === undefined) continue;
    const before = originalOf(result);
    if (before === undefined || before === result.output) continue;
    const name = diffName(result.filePath, options.cwd);
    const diff = unifiedDiff(before, result.output, `a/${name}`, `b/${name}`);
    diff.split(/(?<=\n)/).forEach((line, index) => {
      const body = line.replace(/\r?\n$/, '');
      const end = line.slice(body.length);
      // The first two lines are the file headers; a removed line may start with "--" too.
      const style = index < 2 ? paint.header : line.startsWith('@@') ? paint.hunk : line.startsWith('-') ? paint.removed : line.startsWith('+') ? paint.added : undefined;
      out += style ? style(body) + end : line;
    });
  }
  return out;
}

function diffName(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const rel = path.relative(cwd, filePath);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath.replace(/^\/+/, '');
  return shown.split(path.sep).join('/');
}

// ---------------------------------------------------------------- unified diff

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * A unified diff of two texts, line by line (lines keep their own line
 * endings, so a CRLF note gives a diff that applies to it). Empty when equal.
 */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  let out = `--- ${fromName}\n+++ ${toName}\n`;
  for (const hunk of hunks(ops, context)) {
    out += `@@ -${hunk.oldStart},${hunk.oldLength} +${hunk.newStart},${hunk.newLength} @@\n`;
    for (const op of hunk.ops) {
      out += op.kind + op.line;
      if (!op.line.endsWith('\n')) out += '\n\\ No newline at end of file\n';
    }
  }
  return out;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = myers(middleA, middleB) ?? [...middleA.map((line) => ({ kind: '-' as const, line })), ...middleB.map((line) => ({ kind: '+' as const, line }))];
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** Myers' O(ND) shortest edit script; undefined when the texts are too different to be worth it. */
function myers(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return [];
  const offset = max + 1;
  const width = 2 * max + 3;
  // The trace keeps one row per step; cap its size (a fix changes few lines).
  const maxSteps = Math.max(1, Math.min(max, Math.floor(20_000_000 / width)));
  const v = new Int32Array(width);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxSteps; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : v[offset + previousK];
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: ' ', line: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === previousX) ops.push({ kind: '+', line: b[y - 1] });
      else ops.push({ kind: '-', line: a[x - 1] });
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

interface Hunk {
  oldStart: number;
  oldLength: number;
  newStart: number;
  newLength: number;
  ops: Op[];
}

function hunks(ops: Op[], context: number): Hunk[] {
  const changes: number[] = [];
  ops.forEach((op, i) => op.kind !== ' ' && changes.push(i));
  const out: Hunk[] = [];
  let i = 0;
  while (i < changes.length) {
    const from = Math.max(0, changes[i] - context);
    let last = changes[i];
    // Changes closer than two contexts apart share a hunk.
    while (i + 1 < changes.length && changes[i + 1] - last <= 2 * context) last = changes[++i];
    i++;
    const to = Math.min(ops.length, last + context + 1);
    let oldLine = 0;
    let newLine = 0;
    for (let j = 0; j < from; j++) {
      if (ops[j].kind !== '+') oldLine++;
      if (ops[j].kind !== '-') newLine++;
    }
    const slice = ops.slice(from, to);
    const oldLength = slice.filter((op) => op.kind !== '+').length;
    const newLength = slice.filter((op) => op.kind !== '-').length;
    out.push({
      oldStart: oldLength ? oldLine + 1 : oldLine,
      oldLength,
      newStart: newLength ? newLine + 1 : newLine,
      newLength,
      ops: slice,
    });
  }
  return out;
}
