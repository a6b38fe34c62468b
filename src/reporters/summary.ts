// Counts instead of problems, for trainers marking exercises and team leads
// looking for patterns across a team's notes:
//
//   Problems by rule
//
//     Rule                       Errors  Warnings  Notes
//     no-undefined-abbreviation       0        12      3
//     no-unevidenced-label            1         4      2
//     Total                           1        16      3
//
//   Problems by note
//
//     Note                     Errors  Warnings
//     notes/08-family-time.md       1         9
//     notes/02-home-visit.md        0         5
//     notes/10-cin-meeting.md       0         2
//     Total                         1        16
//
//   17 problems (1 error, 16 warnings) in 3 of 9 notes; 6 notes have none.
//
// Rules and notes are sorted by their number of problems (most first, errors
// before warnings, then by name); notes without problems are counted in the
// last line, not listed. A problem with the note itself (unreadable, broken
// front matter) counts under "recordlint", and a note that could not be read
// at all is marked "(not linted)". Plain text with aligned columns, no colour;
// only counts, rule ids and paths: no words from the notes. With no problems,
// only the last line is printed.
import type { Formatter } from './index.js';
import { oneLine, plural, relativePath, ruleName } from './common.js';

interface Row {
  name: string;
  errors: number;
  warnings: number;
}

export const summary: Formatter = (results, context) => {
  const rules = new Map<string, Row & { notes: Set<number> }>();
  const files: Array<Row & { fatal: boolean }> = [];
  let errors = 0;
  let warnings = 0;
  results.forEach((result, index) => {
    const file = { name: oneLine(relativePath(result.filePath, context.cwd)), errors: 0, warnings: 0, fatal: false };
    for (const m of result.messages) {
      const id = ruleName(m.ruleId);
      let rule = rules.get(id);
      if (!rule) rules.set(id, (rule = { name: id, errors: 0, warnings: 0, notes: new Set() }));
      rule.notes.add(index);
      if (m.severity === 2) {
        rule.errors++;
        file.errors++;
      } else {
        rule.warnings++;
        file.warnings++;
      }
      file.fatal ||= Boolean(m.fatal);
    }
    errors += file.errors;
    warnings += file.warnings;
    if (file.errors + file.warnings) files.push(file);
  });

  const total = errors + warnings;
  const clean = results.length - files.length;
  const last = !results.length
    ? 'No notes were linted.'
    : !total
      ? `No problems in ${plural(results.length, 'note')}.`
      : `${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${files.length} of ${plural(results.length, 'note')}` +
        (clean ? `; ${plural(clean, 'note')} ${clean === 1 ? 'has' : 'have'} none.` : '.');
  if (!total) return last;

  const ruleRows = [...rules.values()].sort(byCount);
  const fileRows = files.sort(byCount);
  const fatal = files.filter((f) => f.fatal).length;
  return [
    'Problems by rule',
    '',
    ...table(
      ['Rule', 'Errors', 'Warnings', 'Notes'],
      [...ruleRows.map((r) => [r.name, r.errors, r.warnings, r.notes.size]), ['Total', errors, warnings, files.length]],
    ),
    '',
    'Problems by note',
    '',
    ...table(
      ['Note', 'Errors', 'Warnings'],
      [...fileRows.map((f) => [f.name, f.errors, f.warnings, f.fatal ? '(not linted)' : '']), ['Total', errors, warnings]],
    ),
    '',
    last + (fatal ? ` ${plural(fatal, 'note')} could not be linted.` : ''),
  ].join('\n');
};

function byCount(a: Row, b: Row): number {
  return b.errors + b.warnings - (a.errors + a.warnings) || b.errors - a.errors || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Aligned columns: the first left-aligned, numbers right-aligned, a trailing remark as it is. */
function table(header: string[], rows: Array<Array<string | number>>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: Array<string | number>) =>
    `  ${cells
      .map((cell, i) => {
        if (i >= header.length) return String(cell);
        return i === 0 ? String(cell).padEnd(widths[0]) : String(cell).padStart(widths[i]);
      })
      .join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
