// Apply safe fixes to a text: in order of position, never two that overlap or
// touch (the later one waits for the next pass, after a re-lint), and the text
// outside the fixed ranges untouched. Only messages that carry a `fix` are
// considered, and the engine attaches one only for rules whose meta says
// `fixable: "safe"`.
//
// Guards, each of which skips the fix rather than risk a wrong edit:
//   - a range outside the text, reversed, or not whole numbers;
//   - a boundary that splits a CRLF pair or a UTF-16 surrogate pair.
// A fix text with line breaks gets the text's own line endings, so a CRLF note
// stays CRLF.
import type { Fix, LintMessage } from './types.js';

export interface FixOutcome {
  output: string;
  /** Messages whose fix was applied, in order of position. */
  applied: LintMessage[];
  /**
   * The edits made, in order, with offsets into the input text and the text
   * put in their place (after line-ending adjustment). Everything outside
   * these ranges is the input, unchanged.
   */
  edits: Fix[];
}

export function applyFixes(text: string, messages: readonly LintMessage[]): FixOutcome {
  const fixable = messages
    .filter((m) => m.fix && isUsableRange(text, m.fix.range))
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const crlf = usesCrlf(text);
  const applied: LintMessage[] = [];
  const edits: Fix[] = [];
  let output = '';
  let at = 0;
  for (const message of fixable) {
    const [start, end] = message.fix!.range;
    // Overlapping or touching the previous edit: leave it for the next pass.
    if (start < at || (edits.length > 0 && start === at)) continue;
    const replacement = crlf ? message.fix!.text.replace(/\r?\n/g, '\r\n') : message.fix!.text;
    output += text.slice(at, start) + replacement;
    at = end;
    applied.push(message);
    edits.push({ range: [start, end], text: replacement });
  }
  output += text.slice(at);
  return { output, applied, edits };
}

/** Within the text, in order, and not splitting a CRLF or a surrogate pair. */
function isUsableRange(text: string, range: readonly [number, number]): boolean {
  const [start, end] = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) return false;
  return !splitsPair(text, start) && !splitsPair(text, end);
}

function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 0x0d && after === 0x0a) return true;
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** The text's line breaks are CRLF: it has some, and no bare LF. */
export function usesCrlf(text: string): boolean {
  const lf = text.indexOf('\n');
  if (lf < 0) return false;
  return !/(^|[^\r])\n/.test(text);
}
