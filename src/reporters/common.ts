// Helpers shared by the CI reporters (sarif, github, junit, compact, summary).
//
// Paths: a note is named relative to the working directory when it is inside
// it, as given otherwise. Windows paths are recognised on any platform
// (path.win32), so a report is the same wherever it is made; a Windows path
// with a POSIX working directory (or the other way round) is left as given.
import path from 'node:path';

const windowsPath = /^(?:[A-Za-z]:[\\/]|\\\\)/;

function flavour(p: string): typeof path.posix {
  return windowsPath.test(p) ? path.win32 : path.posix;
}

/** The path relative to `cwd` (native separators), or as given when outside it. */
export function relativePath(filePath: string, cwd: string): string {
  const p = flavour(filePath);
  if (!p.isAbsolute(filePath) || flavour(cwd) !== p || !p.isAbsolute(cwd)) return filePath;
  if (p === path.win32 && path.win32.parse(filePath).root.toLowerCase() !== path.win32.parse(cwd).root.toLowerCase()) return filePath;
  const rel = p.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !p.isAbsolute(rel) ? rel : filePath;
}

/** Like relativePath, with forward slashes (GitHub, SARIF, JUnit). */
export function portablePath(filePath: string, cwd: string): string {
  const rel = relativePath(filePath, cwd);
  return windowsPath.test(filePath) ? rel.replace(/\\/g, '/') : rel;
}

/** True when the path is absolute on POSIX or Windows. */
export function isAbsolutePath(p: string): boolean {
  return path.posix.isAbsolute(p) || windowsPath.test(p);
}

/** Control characters (but tab, line feed, carriage return) and bidirectional overrides. */
const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a note or a rule, with characters that could take over a terminal or log replaced by U+FFFD. */
export function safeText(text: string): string {
  return text.replace(unsafe, '\ufffd');
}

/** One line of safe text: line breaks and tabs become spaces. */
export function oneLine(text: string): string {
  return safeText(text).replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ');
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The rule a message belongs to, as shown in reports: its id, or "recordlint" for a problem with the note itself. */
export function ruleName(ruleId: string | null): string {
  return ruleId ?? 'recordlint';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
