// Apply safe fixes: in order, never two that overlap or touch, text outside
// the fixed ranges untouched.
import type { LintMessage } from './types.js';

export interface FixOutcome {
  output: string;
  /** Messages whose fix was applied. */
  applied: LintMessage[];
}

export function applyFixes(text: string, messages: readonly LintMessage[]): FixOutcome {
  const fixable = messages.filter((m) => m.fix).sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  const applied: LintMessage[] = [];
  let output = '';
  let at = 0;
  for (const message of fixable) {
    const [start, end] = message.fix!.range;
    // Overlapping or adjacent to the previous edit: leave it for the next pass.
    if (start < at || (applied.length > 0 && start === at)) continue;
    output += text.slice(at, start) + message.fix!.text;
    at = end;
    applied.push(message);
  }
  output += text.slice(at);
  return { output, applied };
}
