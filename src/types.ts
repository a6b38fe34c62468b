// Shapes shared by the engine, the rules, the reporters and the public API.
// Positions in messages are 1-based lines and columns, columns counted in
// UTF-16 code units (as ESLint does), so `line:column` opens the right spot in
// an editor; offsets are 0-based UTF-16 indexes into the original text.

export type SeverityName = 'off' | 'warn' | 'error';
/** 0 off, 1 warning, 2 error: the numbers ESLint uses. */
export type Severity = 0 | 1 | 2;
export type SeverityInput = SeverityName | Severity;

/** A text replacement over `[start, end)` offsets in the original text. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets of the reported range, for reporters that underline it. */
  range: [number, number];
  /** The words that were found. */
  actual?: string;
  /** What to write instead (empty: rewrite by hand). */
  expected?: string[];
  /** Why, in words a practitioner would accept. */
  note?: string;
  /** Where the rule is documented. */
  url?: string;
  /** Present only when the rule marks the replacement safe to apply. */
  fix?: Fix;
  /** True for a problem with the file itself (unreadable, not UTF-8...). */
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text that was linted; reporters use it to show the offending line. */
  source?: string;
  /** The fixed text, when fixes were applied. */
  output?: string;
}
