// GitHub Actions workflow commands: each problem becomes an annotation on
// the note, shown in the run's summary and on the pull request's diff.
//
//   ::warning file=notes/visit.md,line=7,col=1,endLine=7,endColumn=3,title=no-undefined-abbreviation::"SW" is not written out ...
//
// `::error` for errors, `::warning` for warnings; the title is the rule (or
// "recordlint" for a problem with the note itself). The message is followed
// by what to write instead and why, on lines of their own. Paths are relative
// to the working directory (run recordlint from the repository root), with
// forward slashes. Escaping is GitHub's: in the message % → %25, CR → %0D,
// LF → %0A; in properties also : → %3A and , → %2C. Columns are given only
// for a problem on one line: GitHub rejects them on an annotation spanning
// lines. Nothing is printed when there are no problems.
import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { orList, portablePath, ruleName, safeText } from './common.js';

export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = portablePath(result.filePath, context.cwd);
    for (const m of result.messages) lines.push(command(m, file));
  }
  return lines.join('\n');
};

function command(m: LintMessage, file: string): string {
  const props: Array<[string, string | number]> = [['file', file], ['line', m.line]];
  if (m.endLine === m.line) props.push(['col', m.column], ['endLine', m.endLine], ['endColumn', m.endColumn]);
  else props.push(['endLine', m.endLine]);
  props.push(['title', ruleName(m.ruleId)]);
  const text = [m.message];
  if (m.expected?.length) text.push(`Write instead: ${orList(m.expected)}`);
  if (m.note) text.push(`Why: ${m.note}`);
  const kind = m.severity === 2 ? 'error' : 'warning';
  return `::${kind} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(text.join('\n'))}`;
}

/** The message part of a workflow command. */
export function escapeData(text: string): string {
  return safeText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title...) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
