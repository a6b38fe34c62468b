// In-note control comments:
//   <!-- recordlint-disable [ids] -->  ...  <!-- recordlint-enable [ids] -->
//   <!-- recordlint-disable-next-line [ids] -->
// With no ids they apply to every rule. Anything after " -- " is a reason and
// is ignored. An unknown id is reported, with the nearest known id.
import type { ParsedNote } from './parse.js';
import type { LintMessage } from './types.js';
import { nearest } from './suggest.js';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  ids: string[] | 'all';
  /** Offset just after the comment. */
  end: number;
  /** For disable-next-line: the line it switches off. */
  line: number;
}

export interface Directives {
  list: Directive[];
  problems: Array<{ start: number; end: number; message: string }>;
}

// The opening of a comment; its body runs to the first "-->" after it. (One
// expression with a lazy body to "-->" read to the end of the note from every
// opening when none closed: quadratic.)
const opening = /<!--\s*recordlint-(disable-next-line|disable|enable)\b/g;

export function readDirectives(note: ParsedNote, known: ReadonlySet<string>): Directives {
  const list: Directive[] = [];
  const problems: Directives['problems'] = [];
  if (!note.text.includes('recordlint-')) return { list, problems };
  opening.lastIndex = 0;
  for (let m = opening.exec(note.text); m; m = opening.exec(note.text)) {
    const close = note.text.indexOf('-->', opening.lastIndex);
    // No "-->" after this opening, so none after any later one either.
    if (close < 0) break;
    const start = m.index;
    const end = close + 3;
    const inner = note.text.slice(opening.lastIndex, close);
    opening.lastIndex = end;
    // A comment shown inside code is an example, not a directive.
    if (note.scopes.has('code', start) || note.scopes.has('frontmatter', start)) continue;
    const body = inner.split(/\s--\s/)[0];
    const ids = body.split(/[\s,]+/).filter(Boolean);
    for (const id of ids) {
      if (known.has(id)) continue;
      const guess = nearest(id, [...known]);
      problems.push({
        start,
        end,
        message: `Unknown rule "${id}" in a recordlint-${m[1]} comment.${guess ? ` Did you mean "${guess}"?` : ''}`,
      });
    }
    const kind = m[1] as Directive['kind'];
    list.push({ kind, ids: ids.length ? ids : 'all', end, line: note.pointAt(end).line + 1 });
  }
  return { list, problems };
}

export function isSuppressed(directives: Directives, ruleId: string, message: LintMessage): boolean {
  let disabled = false;
  for (const d of directives.list) {
    const applies = d.ids === 'all' || d.ids.includes(ruleId);
    if (!applies) continue;
    if (d.kind === 'disable-next-line') {
      if (message.line === d.line) return true;
      continue;
    }
    if (d.end > message.range[0]) break;
    disabled = d.kind === 'disable';
  }
  return disabled;
}
