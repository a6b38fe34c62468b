// Finding notes and reading them.
//
// Arguments are files, directories or globs. A directory is searched for
// notes (.md, .markdown, .txt), skipping node_modules and dot-folders; a glob
// is expanded by recordlint itself, so quoting it works in any shell, and
// finds notes the same way; a file named on its own is linted whatever its
// name. Searching and reading are synchronous (faster than their promise
// versions, which wait for the thread pool for each folder or file).
// Reading keeps CRLF, strips and remembers a UTF-8 byte order mark and
// refuses binary and non-UTF-8 files with a message a person can act on.
import { accessSync, closeSync, constants as fsConstants, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const noteExtensions = ['.md', '.markdown', '.txt'] as const;
const noteGlob = '**/*.{md,markdown,txt}';
const alwaysIgnored = ['**/node_modules/**'];

/** A pattern that found nothing: a usage error unless the user said it is fine. */
export class NoFilesError extends Error {
  override name = 'NoFilesError';
}

/** The ignore file exists but cannot be read. */
export class IgnoreFileError extends Error {
  override name = 'IgnoreFileError';
}

/** A file that was named but cannot be linted; becomes a fatal message. */
export interface FileProblem {
  filePath: string;
  messageId: string;
  message: string;
}

export interface ExpandOptions {
  cwd: string;
  /** A pattern that finds nothing is an error (true, the default) or skipped. */
  errorOnUnmatchedPattern?: boolean;
  /** Whether a found file is ignored (ignore file, config ignorePatterns). */
  isIgnored?: (filePath: string) => boolean | Promise<boolean>;
}

export interface Expansion {
  /**
   * In argument order, each path once: notes to lint, and named files that do
   * not exist or cannot be opened (with the problem).
   */
  entries: Array<{ filePath: string; problem?: FileProblem }>;
}

/** Turn file, directory and glob arguments into the notes to lint. */
export async function expandPatterns(patterns: readonly string[], options: ExpandOptions): Promise<Expansion> {
  const { cwd, errorOnUnmatchedPattern = true } = options;
  const isIgnored = options.isIgnored ?? (() => false);
  const seen = new Set<string>();
  const entries: Expansion['entries'] = [];
  const add = (file: string, problem?: FileProblem) => {
    if (seen.has(file)) return;
    seen.add(file);
    entries.push(problem ? { filePath: file, problem } : { filePath: file });
  };

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stat = tryStat(absolute);
    if (stat.stats?.isFile()) {
      // Named on its own: linted unless ignored, and then skipped quietly (a
      // pre-commit hook names ignored files too).
      if (!(await isIgnored(absolute))) add(absolute);
      continue;
    }
    if (stat.error && !isMissing(stat.error)) {
      add(absolute, { filePath: absolute, ...readProblem(stat.error) });
      continue;
    }
    // Loaded only now: files named on their own (a pre-commit hook's) need no globbing.
    const glob = await import('tinyglobby');
    const dynamic = !stat.stats && glob.isDynamicPattern(pattern);
    if (stat.stats && !stat.stats.isDirectory()) {
      // A named pipe, device or socket: reading it could wait forever.
      add(absolute, { filePath: absolute, messageId: 'unreadable', message: 'This is not a regular file (a named pipe, a device or a socket): not linted.' });
      continue;
    }
    if (!stat.stats && !dynamic) {
      const target = brokenLinkTarget(absolute);
      const message = target === undefined ? 'File not found.' : `File not found: it is a symbolic link to "${target}", which does not exist.`;
      if (errorOnUnmatchedPattern) add(absolute, { filePath: absolute, messageId: 'fileNotFound', message });
      continue;
    }
    if (stat.stats && !canList(absolute)) {
      // Searching it would find nothing and say so: say why instead.
      add(absolute, { filePath: absolute, messageId: 'unreadable', message: 'Cannot read the directory: permission denied.' });
      continue;
    }
    const found = stat.stats ? notesInDirectory(absolute, glob) : notesMatching(pattern, cwd, glob);
    const kept: string[] = [];
    for (const file of found) if (!(await isIgnored(file))) kept.push(file);
    if (!kept.length && !found.length && stat.stats && errorOnUnmatchedPattern && hasNoteExtension(absolute)) {
      // "notes.md" that is an empty directory: named where a note was expected.
      add(absolute, { filePath: absolute, messageId: 'unreadable', message: 'This is a directory, not a note (and there are no notes in it).' });
      continue;
    }
    if (!kept.length && errorOnUnmatchedPattern) throw new NoFilesError(unmatchedMessage(pattern, Boolean(stat.stats), found.length > 0));
    for (const file of kept) add(file);
  }
  return { entries };
}

function unmatchedMessage(pattern: string, directory: boolean, allIgnored: boolean): string {
  const what = directory ? `the directory "${pattern}"` : `"${pattern}"`;
  if (allIgnored) return `all the notes in ${what} are ignored (by .recordlintignore or ignorePatterns)`;
  return directory ? `no notes (${noteExtensions.join(', ')}) in the directory "${pattern}"` : `no notes (${noteExtensions.join(', ')}) match "${pattern}"`;
}

function notesInDirectory(dir: string, { globSync }: typeof Tinyglobby): string[] {
  const found = globSync(noteGlob, { cwd: dir, absolute: true, dot: false, onlyFiles: true, expandDirectories: false, ignore: alwaysIgnored });
  return found.map((f) => path.resolve(f)).sort();
}

/** Expand a glob. tinyglobby does not follow `../` in a pattern, so the static head becomes the cwd. */
function notesMatching(pattern: string, cwd: string, { globSync, isDynamicPattern }: typeof Tinyglobby): string[] {
  const segments = pattern.split('/');
  let head = 0;
  while (head < segments.length - 1 && !isDynamicPattern(segments[head])) head++;
  const prefix = segments.slice(0, head).join('/');
  const base = path.resolve(cwd, prefix || (pattern.startsWith('/') ? '/' : '.'));
  const rest = segments.slice(head).join('/');
  const found = globSync(rest, { cwd: base, absolute: true, dot: false, onlyFiles: true, expandDirectories: false, ignore: alwaysIgnored });
  return found
    .map((f) => path.resolve(f))
    .filter((f) => noteExtensions.some((ext) => f.toLowerCase().endsWith(ext)))
    .sort();
}

function tryStat(file: string): { stats?: Stats; error?: NodeJS.ErrnoException } {
  try {
    return { stats: statSync(file) };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
}

/** Where a symbolic link that leads nowhere points, or undefined when the path is not one. */
function brokenLinkTarget(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function canList(dir: string): boolean {
  try {
    accessSync(dir, fsConstants.R_OK | fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasNoteExtension(file: string): boolean {
  return noteExtensions.some((ext) => file.toLowerCase().endsWith(ext));
}

function isMissing(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ENOENT' || error.code === 'ENOTDIR';
}

// ---------------------------------------------------------------- ignoring

/** `.recordlintignore` (gitignore syntax), its patterns relative to its own folder. */
export function loadIgnoreFile(file: string): ((filePath: string) => boolean) | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isMissing(error as NodeJS.ErrnoException)) return undefined;
    throw new IgnoreFileError(`${file}: cannot read the ignore file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const matcher: Ignore = ignore().add(text);
  const base = path.dirname(path.resolve(file));
  return (filePath) => {
    const rel = toPosix(path.relative(base, filePath));
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return matcher.ignores(rel);
  };
}

/**
 * Config `ignorePatterns`: globs relative to the config file's folder. A
 * pattern without a slash matches a file or folder of that name at any depth,
 * and a folder pattern ignores everything inside it, as in .gitignore.
 */
export function compileIgnorePatterns(patterns: readonly string[], base: string): (filePath: string) => boolean {
  if (!patterns.length) return () => false;
  const anywhere: string[] = [];
  const anchored: string[] = [];
  for (const raw of patterns) {
    const pattern = withoutTrailingSlashes(raw.replace(/^\.\//, ''));
    if (!pattern) continue;
    if (pattern.includes('/')) anchored.push(pattern.replace(/^\//, ''));
    else anywhere.push(pattern);
  }
  const matchPath = anchored.length ? picomatch(anchored, { dot: true }) : () => false;
  const matchName = anywhere.length ? picomatch(anywhere, { dot: true }) : () => false;
  return (filePath) => {
    const rel = toPosix(path.relative(base, filePath));
    if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      if (matchName(parts[i - 1]) || matchPath(parts.slice(0, i).join('/'))) return true;
    }
    return false;
  };
}

/** `p.replace(/\/+$/, '')` without the regular expression (quadratic on a long run of slashes). */
function withoutTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p[end - 1] === '/') end--;
  return p.slice(0, end);
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

// ---------------------------------------------------------------- reading

export type ReadOutcome =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; messageId: string; message: string };

/** Read a note from disk: UTF-8 only, BOM stripped (and remembered), CRLF kept. */
export function readNote(file: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, ...readProblem(error as NodeJS.ErrnoException) };
  }
  return decodeNote(bytes);
}

/** Decode the bytes of a note (a file or stdin). */
export function decodeNote(bytes: Uint8Array): ReadOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, messageId: 'notUtf8', message: 'This note is UTF-16 text: save it as UTF-8 and lint it again.' };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return { ok: false, messageId: 'binary', message: 'This is binary data, not a note (it contains NUL bytes): not linted.' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, bom };
  } catch {
    const line = lineOfFirstBadByte(body);
    return {
      ok: false,
      messageId: 'notUtf8',
      message: `This note is not valid UTF-8 (the first bad byte is on line ${line}): save it as UTF-8 and lint it again.`,
    };
  }
}

/** Line of the first byte that is not well-formed UTF-8 (only called once decoding failed). */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  const bad = firstBadByte(bytes);
  let line = 1;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= bytes.length) return i;
    for (let k = 1; k <= extra; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    const next = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && next < 0xa0) || (b === 0xed && next > 0x9f) || (b === 0xf0 && next < 0x90) || (b === 0xf4 && next > 0x8f)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

function readProblem(error: NodeJS.ErrnoException): { messageId: string; message: string } {
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { messageId: 'fileNotFound', message: 'File not found.' };
    case 'EACCES':
    case 'EPERM':
      return { messageId: 'unreadable', message: 'Cannot read the file: permission denied.' };
    case 'EISDIR':
      return { messageId: 'unreadable', message: 'This is a directory, not a note.' };
    case 'ELOOP':
      return { messageId: 'unreadable', message: 'Cannot read the file: too many levels of symbolic links.' };
    default:
      return { messageId: 'unreadable', message: `Cannot read the file: ${error.code ?? error.message}.` };
  }
}

// ---------------------------------------------------------------- writing

/**
 * Write a file whole or not at all: a temporary file beside it, then a rename.
 * Missing folders are made. `data` may come in parts (a report and its final
 * newline), written one after the other.
 */
export function writeFileAtomic(file: string, data: string | readonly string[]): void {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    if (typeof data === 'string' && data.length <= writeChunk) writeFileSync(temp, data);
    else writeInChunks(temp, typeof data === 'string' ? [data] : data);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* it was never written */
    }
    throw error;
  }
}

/** Characters written at a time: a long report is never copied whole into one UTF-8 buffer. */
const writeChunk = 1 << 20;

/** Write strings as UTF-8 a chunk at a time (through one buffer), never splitting a surrogate pair. */
function writeInChunks(file: string, parts: readonly string[]): void {
  const fd = openSync(file, 'w');
  // Three bytes of UTF-8 at most for each UTF-16 code unit.
  const buffer = Buffer.allocUnsafe(writeChunk * 3);
  try {
    for (const part of parts) {
      for (let from = 0; from < part.length; ) {
        let to = Math.min(from + writeChunk, part.length);
        const last = part.charCodeAt(to - 1);
        if (to < part.length && last >= 0xd800 && last <= 0xdbff) to--;
        const length = buffer.write(part.slice(from, to), 0, 'utf8');
        for (let written = 0; written < length; ) written += writeSync(fd, buffer, written, length - written);
        from = to;
      }
    }
  } finally {
    closeSync(fd);
  }
}
