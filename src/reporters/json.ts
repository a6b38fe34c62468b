// ESLint's JSON results shape, so tools that read ESLint JSON read ours:
//
//   [{ filePath, messages: [{ ruleId, severity, message, line, column, endLine, endColumn,
//                             fix?, fatal?, messageId, actual, expected, note, url }],
//      errorCount, fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount, output? }]
//
// The extra fields are recordlint's (docs: README, "JSON output"). The note's
// text is never included (`source` is left out): case notes are confidential,
// and a report may travel further than the note; only the reported words
// (`actual`) are. `range` is left out too: `line`/`column` say the same in
// ESLint's terms. Always valid JSON, `[]` when there is nothing to report.
import type { LintMessage, LintResult } from '../types.js';
import type { Formatter } from './index.js';

export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  fatal?: true;
  messageId?: string;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed text, only with --fix-dry-run / --fix when a fix applied. */
  output?: string;
}

export function toJsonMessage(m: LintMessage): JsonMessage {
  const out: JsonMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.fix) out.fix = { range: [m.fix.range[0], m.fix.range[1]], text: m.fix.text };
  if (m.fatal) out.fatal = true;
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.actual !== undefined) out.actual = m.actual;
  if (m.expected !== undefined) out.expected = [...m.expected];
  if (m.note !== undefined) out.note = m.note;
  if (m.url !== undefined) out.url = m.url;
  return out;
}

export function toJsonResult(r: LintResult): JsonResult {
  const out: JsonResult = {
    filePath: r.filePath,
    messages: r.messages.map(toJsonMessage),
    errorCount: r.errorCount,
    fatalErrorCount: r.messages.filter((m) => m.fatal).length,
    warningCount: r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  return out;
}

// One result at a time (the same text as stringifying the whole array): the
// copies of a long run's results are never all in memory together, and the
// report is one flat string, never copied again to be written.
export const json: Formatter = (results) => {
  if (!results.length) return '[]';
  const parts = results.map((r) => JSON.stringify(toJsonResult(r)));
  parts[0] = `[${parts[0]}`;
  parts[parts.length - 1] += ']';
  return parts.join(',');
};
