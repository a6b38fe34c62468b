// The default reporter, annotated like a compiler's errors:
//
//   notes/visit.md:12:9  warning  "aggressive" is a label: write what you saw  no-unevidenced-label
//     12 | Dad was aggressive when I arrived.
//        |         ^^^^^^^^^^
//        → write instead: "shouted at me"
//        why: Labels stick to families; what happened can be weighed.
//
//   Practice standards behind these messages:
//   ...
//
//   ✖ 1 problem (0 errors, 1 warning)
//
// `path:line:col` opens the spot in terminals and editors. The guidance a rule
// enforces is quoted once per rule per run, in a footer, not under every
// message. Nothing at all is printed when there are no problems (as ESLint).
// Readable without colour; text from the note is cleaned of control and
// bidirectional-override characters before it reaches the terminal.
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { LintMessage, LintResult } from '../types.js';
import { guidance, type GuidanceId } from '../guidance.js';
import type { Formatter, FormatterContext } from './index.js';

const tabWidth = 4;
const defaultWidth = 100;
/** Columns of context kept left of the underline when a long line is cut. */
const leftContext = 24;

export const stylish: Formatter = (results, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const blocks: string[] = [];
  const rulesSeen: string[] = [];
  for (const result of results) {
    const lines = result.source === undefined ? undefined : result.source.split(/\r\n|\n|\r/);
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) {
      blocks.push(formatMessage(message, file, lines, context, c));
      if (message.ruleId && !rulesSeen.includes(message.ruleId)) rulesSeen.push(message.ruleId);
    }
  }
  if (!blocks.length) return '';
  const footer = formatGuidance(rulesSeen, context, c);
  return [blocks.join('\n\n'), ...(footer ? [footer] : []), formatSummary(results, c)].join('\n\n');
};

function formatMessage(m: LintMessage, file: string, lines: string[] | undefined, context: FormatterContext, c: ChalkInstance): string {
  const severity = m.severity === 2 ? c.red('error') : c.yellow('warning');
  const rule = c.dim(m.ruleId ?? 'recordlint');
  const out = [`${c.bold(`${file}:${m.line}:${m.column}`)}  ${severity}  ${clean(m.message)}  ${rule}`];
  const gutter = String(m.line).length;
  const pad = ' '.repeat(gutter + 3);
  const line = lines?.[m.line - 1];
  if (line !== undefined && !m.fatal) {
    const { text, underline } = excerpt(line, m, context.width ?? defaultWidth);
    const marks = m.severity === 2 ? c.red(underline) : c.yellow(underline);
    const continues = m.endLine > m.line ? c.dim(` (continues to line ${m.endLine})`) : '';
    out.push(`  ${c.dim(`${m.line} |`)} ${text}`, `  ${c.dim(`${' '.repeat(gutter)} |`)} ${marks}${continues}`);
  }
  if (m.expected?.length) out.push(`${pad}${c.green(`→ write instead: ${orList(m.expected.map((e) => `"${clean(e)}"`))}`)}`);
  if (m.note) out.push(`${pad}${c.dim(`why: ${clean(m.note)}`)}`);
  return out.join('\n');
}

/** The source line (tabs expanded, cut to fit) and the carets under the reported words. */
export function excerpt(line: string, m: Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>, width: number): { text: string; underline: string } {
  const cells = toCells(line);
  // UTF-16 columns -> cell indexes.
  const startUnit = Math.min(m.column - 1, line.length);
  const endUnit = m.endLine > m.line ? line.length : Math.min(Math.max(m.endColumn - 1, startUnit), line.length);
  let start = cells.findIndex((cell) => cell.unit >= startUnit);
  if (start < 0) start = cells.length;
  let end = cells.findIndex((cell) => cell.unit >= endUnit);
  if (end < 0) end = cells.length;

  // Cut a long line around the reported words.
  const total = cells.reduce((sum, cell) => sum + cell.width, 0);
  let from = 0;
  let to = cells.length;
  if (total > width) {
    const budget = Math.max(width - 2, 10);
    let before = 0;
    for (from = start; from > 0 && before + cells[from - 1].width <= leftContext; from--) before += cells[from - 1].width;
    let used = 0;
    for (to = from; to < cells.length && used + cells[to].width <= budget; to++) used += cells[to].width;
    // Cut on the left as little as the budget allows.
    while (from > 0 && used + cells[from - 1].width <= budget) used += cells[--from].width;
  }
  const visible = cells.slice(from, to);
  const text = (from > 0 ? '…' : '') + visible.map((cell) => cell.text).join('') + (to < cells.length ? '…' : '');
  const lead = (from > 0 ? 1 : 0) + widthOf(cells.slice(from, Math.max(from, Math.min(start, to))));
  const span = Math.max(1, widthOf(cells.slice(Math.max(start, from), Math.min(end, to))));
  return { text, underline: ' '.repeat(lead) + '^'.repeat(span) };
}

interface Cell {
  /** UTF-16 index of the character in the line. */
  unit: number;
  text: string;
  width: number;
}

function toCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let unit = 0;
  let column = 0;
  for (const char of line) {
    let text = char;
    let width: number;
    if (char === '\t') {
      width = tabWidth - (column % tabWidth);
      text = ' '.repeat(width);
    } else if (isUnsafe(char)) {
      text = '�';
      width = 1;
    } else {
      width = charWidth(char);
    }
    cells.push({ unit, text, width });
    unit += char.length;
    column += width;
  }
  return cells;
}

function widthOf(cells: readonly Cell[]): number {
  return cells.reduce((sum, cell) => sum + cell.width, 0);
}

/** Terminal columns a character takes: 0 for combining marks, 2 for wide East Asian and emoji. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (/\p{Mn}|\p{Me}|\u200d|[\ufe00-\ufe0f]/u.test(char)) return 0;
  if (/\p{Extended_Pictographic}/u.test(char) && code > 0xff) return 2;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Control characters and bidirectional overrides must not reach a terminal raw. */
function isUnsafe(char: string): boolean {
  return /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(char);
}

/** One line of text from a note or a rule, safe to print. */
function clean(text: string): string {
  return [...text.replace(/\r\n|\n|\r/g, ' ')].map((ch) => (ch === '\t' ? ' ' : isUnsafe(ch) ? '�' : ch)).join('');
}

function orList(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Each passage of the standards once, with the rules that enforce it. */
function formatGuidance(ruleIds: string[], context: FormatterContext, c: ChalkInstance): string {
  const width = context.width ?? defaultWidth;
  const passages = new Map<GuidanceId, string[]>();
  for (const id of ruleIds) {
    for (const gid of context.rulesMeta[id]?.guidance ?? []) {
      if (!(gid in guidance)) continue;
      const rules = passages.get(gid) ?? [];
      rules.push(id);
      passages.set(gid, rules);
    }
  }
  if (!passages.size) return '';
  const lines = [c.underline('Practice standards behind these messages:')];
  for (const [gid, rules] of passages) {
    const passage = guidance[gid];
    lines.push(`  ${passage.standard}, ${passage.section} ${c.dim(`(${rules.join(', ')})`)}`);
    lines.push(...wrap(`“${passage.quote}”`, width - 4).map((l) => `    ${c.italic(l)}`));
  }
  lines.push(c.dim('  More about a rule: recordlint --explain <rule-id>'));
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function formatSummary(results: LintResult[], c: ChalkInstance): string {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.fixableErrorCount + r.fixableWarningCount;
  }
  const total = errors + warnings;
  const colour = errors ? c.red : c.yellow;
  const line = colour.bold(`✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  return fixable ? `${line}\n${colour.bold(`  ${fixable} fixable with --fix`)}` : line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const rel = path.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath;
}
