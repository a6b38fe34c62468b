// Reporters are pure functions `(results, context) => string`, as ESLint's
// formatters are: they never sort, filter, read files or print. Each lives in
// its own module and is loaded only when asked for (chalk is not loaded for
// JSON output).
import type { LintResult } from '../types.js';
import type { RuleMeta } from '../rule.js';
import { nearest } from '../suggest.js';

export interface FormatterContext {
  /** Paths are shown relative to it. */
  cwd: string;
  /** Colour the output (the caller decides: TTY, --color, NO_COLOR...). */
  color: boolean;
  /** Metadata of the rules that appear in the results (guidance, docs URL). */
  rulesMeta: Record<string, RuleMeta>;
  /** Widest source excerpt to show, in terminal columns. Default 100. */
  width?: number;
  /** recordlint's version, for reports that name the tool (SARIF). */
  version?: string;
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;

const formatters: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  compact: async () => (await import('./compact.js')).compact,
  summary: async () => (await import('./summary.js')).summary,
};

export const formatterNames = Object.keys(formatters);

export class FormatterError extends Error {
  override name = 'FormatterError';
}

/** Check a format name without loading it (for flags checked before any work). */
export function checkFormatterName(name: string): void {
  if (Object.hasOwn(formatters, name)) return;
  const guess = nearest(name, formatterNames);
  throw new FormatterError(`unknown format "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}: use one of ${formatterNames.join(', ')}`);
}

export async function getFormatter(name = 'stylish'): Promise<Formatter> {
  checkFormatterName(name);
  return formatters[name]();
}
