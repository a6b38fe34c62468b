// Clause boundaries inside a sentence, for rules that judge a word by what
// stands near it (is it negated? who said it?). No parser: punctuation and a
// few conjunctions mark where a clause starts. Boundaries have a strength:
//   strong (4): . ; : ! ? [ ] – — and "but", "although", "however"...
//   coord  (3): "and"/"or"/"so"/"then" when a new subject or verb follows
//               ("... and was hostile", "... and Dad said")
//   sub    (2): "when", "because", "who", "which", "until", "after", "before"
//   weak   (1): a comma or a bracket
// Negation stops at any boundary ("Mum did not attend, and was hostile");
// speech runs over commas and "when"/"because" clauses ("Mum said that, when
// he drinks, he shouts") but not over "and was"; a condition reaches to the
// next strong boundary ("if Dad comes home and is aggressive").
import type { Sentence } from 'nlcst';
import { termsOf, tokensOf, type Term } from './tokens.js';
import { NodeMemo } from './memo.js';

export const Boundary = { none: 0, weak: 1, sub: 2, coord: 3, strong: 4 } as const;
export type BoundaryLevel = (typeof Boundary)[keyof typeof Boundary];

const strongMarks = /[.;:!?[\]{}–—]|^-+$/;
const contrast = new Set(['but', 'although', 'though', 'however', 'whereas', 'yet', 'whilst', 'while', 'despite']);
const subordinators = new Set(['when', 'until', 'after', 'before', 'because', 'who', 'which', 'whereupon', 'whenever']);
const coordinators = new Set(['and', 'or', 'so', 'then']);
/** After "and"/"or": a new clause starts when one of these follows. */
const clauseOpeners = new Set([
  'i', 'he', 'she', 'they', 'we', 'you', 'it', 'there', 'this', 'that', 'was', 'were', 'is', 'are', 'has', 'had', 'have',
  'did', 'does', 'do', 'would', 'will', 'could', 'can', 'became', 'becomes', 'remained', 'remains', 'seemed', 'seems',
  'appeared', 'appears', 'then', 'later', 'said', 'told', 'went', 'got', 'mum', 'dad', 'mother', 'father',
]);

const boundaryLists = new NodeMemo<BoundaryLevel[]>();

/** `boundaries(s)[i]` is what separates term i-1 from term i (index 0 is strong). */
export function boundaries(sentence: Sentence): BoundaryLevel[] {
  return boundaryLists.of(sentence, findBoundaries);
}

function findBoundaries(sentence: Sentence): BoundaryLevel[] {
  const terms = termsOf(sentence);
  const tokens = tokensOf(sentence);
  return terms.map((term, i): BoundaryLevel => {
    if (i === 0) return Boundary.strong;
    const prev = terms[i - 1];
    if (prev.token === term.token) return Boundary.none;
    let level: BoundaryLevel = Boundary.none;
    for (let t = prev.token + 1; t < term.token; t++) {
      const token = tokens[t];
      if (token.kind === 'space' || token.kind === 'word') continue;
      if (strongMarks.test(token.value)) return Boundary.strong;
      if (/[,()]/.test(token.value)) level = Boundary.weak;
    }
    if (contrast.has(term.norm)) return Boundary.strong;
    if (coordinators.has(term.norm)) {
      const next = terms[i + 1];
      if (next && (clauseOpeners.has(next.norm) || /^[A-Z]/.test(next.raw))) return Boundary.coord;
    }
    if (subordinators.has(term.norm)) return Boundary.sub;
    return level;
  });
}

/**
 * Term indexes [start, end) of the clause around term `i`: it runs until a
 * boundary of at least `stopAt` strength.
 */
export function clauseAround(sentence: Sentence, i: number, stopAt: BoundaryLevel = Boundary.weak): [number, number] {
  const list = boundaries(sentence);
  if (!list.length) return [0, 0];
  if (i >= 0 && i < list.length) {
    // Looked up: walking to the boundaries for each word made a long sentence quadratic.
    const { starts, ends } = clauseIndex(sentence, list, stopAt);
    return [starts[i], i + 1 === list.length ? list.length : ends[i + 1]];
  }
  let start = Math.min(i, list.length - 1);
  while (start > 0 && list[start] < stopAt) start--;
  let end = i + 1;
  while (end < list.length && list[end] < stopAt) end++;
  return [start, end];
}

const clauseIndexes = new NodeMemo<Map<BoundaryLevel, { starts: Int32Array; ends: Int32Array }>>();
const newMap = () => new Map();

/**
 * For each term k: `starts[k]`, the last term at or before k that begins a
 * clause (a boundary of at least `stopAt`, or the first term); `ends[k]`, the
 * first term at or after k that does (or the number of terms).
 */
function clauseIndex(sentence: Sentence, list: readonly BoundaryLevel[], stopAt: BoundaryLevel): { starts: Int32Array; ends: Int32Array } {
  const byLevel = clauseIndexes.of(sentence, newMap);
  let index = byLevel.get(stopAt);
  if (!index) {
    const n = list.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let k = 0; k < n; k++) starts[k] = k === 0 || list[k] >= stopAt ? k : starts[k - 1];
    for (let k = n - 1; k >= 0; k--) ends[k] = list[k] >= stopAt ? k : k + 1 < n ? ends[k + 1] : n;
    index = { starts, ends };
    byLevel.set(stopAt, index);
  }
  return index;
}

/** Index of the first term that ends after `offset` (terms.length if none). */
export function termAt(terms: readonly Term[], offset: number): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does the sentence end with a question mark? */
export function isQuestion(sentence: Sentence): boolean {
  const tokens = tokensOf(sentence);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'space') continue;
    if (t.kind === 'punctuation' && /^["'”’)\]*_]+$/.test(t.value)) continue;
    return t.kind === 'punctuation' && t.value.includes('?');
  }
  return false;
}
