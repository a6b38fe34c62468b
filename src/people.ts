// Who a sentence is about, roughly: words for the adults in a child's family
// and for the child, shared by the rules that must tell them apart
// (respectful-language: "did not attend" said of a child or of a parent;
// disagreement-outcome: a disagreement between professionals or with a parent).
import type { FrontMatter } from './parse.js';
import type { Term } from './tokens.js';

/** Family members and carers (not professionals), case-folded, singular and plural. */
export const familyAdultWords: ReadonlySet<string> = new Set([
  'mum', 'mums', 'mummy', 'mom', 'mother', 'mothers', 'dad', 'dads', 'daddy', 'father', 'fathers', 'parent', 'parents',
  'stepmum', 'stepdad', 'stepmother', 'stepfather', 'step-mum', 'step-dad', 'grandmother', 'grandfather', 'grandparent',
  'grandparents', 'nan', 'nana', 'nanna', 'gran', 'granny', 'grandma', 'grandad', 'granddad', 'grandpa', 'aunt', 'auntie',
  'aunty', 'uncle', 'carer', 'carers', 'partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'family',
]);

/** Words for a child. */
export const childWords: ReadonlySet<string> = new Set([
  'child', 'children', 'baby', 'babies', 'infant', 'toddler', 'son', 'daughter', 'boy', 'girl', 'brother', 'sister',
  'siblings', 'pupil', 'teenager', 'youngster',
]);

/** Titles that mark an adult: "Ms Ellison". */
export const adultTitles: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'dr.']);

/** Capitalised words that are not names. */
const notNames = new Set([
  'i', 'the', 'a', 'an', 'she', 'he', 'they', 'it', 'this', 'that', 'these', 'those', 'there', 'we', 'you', 'her', 'his',
  'their', 'our', 'my', 'in', 'on', 'at', 'when', 'after', 'before', 'both', 'today', 'yesterday', 'however', 'also',
  'but', 'and', 'then', 'since', 'during', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** First names of the child or children the front matter names (`child: Tia and Marcus Lowe`). */
export function childNames(frontmatter: FrontMatter): Set<string> {
  const names = new Set<string>();
  // In each name, every word but the last (the family name, which the
  // parents share): "Tia and Marcus Lowe" gives tia, marcus.
  for (const words of childNameWords(frontmatter)) {
    for (const w of words.length > 1 ? words.slice(0, -1) : words) names.add(w.toLowerCase());
  }
  return names;
}

/** Each name in the front matter `child`, as its capitalised words: "Tia and Marcus Lowe" gives [Tia], [Marcus, Lowe]. */
export function childNameWords(frontmatter: FrontMatter): string[][] {
  const found: string[][] = [];
  const value = frontmatter.data?.child ?? frontmatter.data?.children;
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    for (const part of v.split(/,|&|\band\b/)) {
      // "Unborn baby of Chelsea Platt": the words after "of" name the mother, and "Unborn" is no name.
      const own = part.split(/\bof\b/)[0];
      const words = own.trim().split(/\s+/).filter((w) => /^[A-Z]/.test(w) && w !== 'Unborn');
      if (words.length) found.push(words);
    }
  }
  return found;
}

/**
 * Is term `i` (part of) one of `names`? A hyphenated name ("ellie-mae") is
 * several terms (termsOf splits at hyphens), so it must match as that run of
 * words, whichever of them `i` is: a subject ends at "Mae" in "Ellie-Mae said".
 */
export function isNameAt(names: ReadonlySet<string>, terms: readonly Term[], i: number): boolean {
  const t = terms[i];
  if (names.has(t.bare ?? t.norm)) return true;
  for (const parts of hyphenatedNames(names)) {
    for (let p = 0; p < parts.length; p++) {
      if (parts.every((part, k) => namePartIs(terms[i - p + k], part, k === parts.length - 1, k > 0))) return true;
    }
  }
  return false;
}

const hyphenated = new WeakMap<ReadonlySet<string>, string[][]>();

/** The hyphenated names in the set, as their parts (worked out once per set: this runs for every word). */
function hyphenatedNames(names: ReadonlySet<string>): string[][] {
  let found = hyphenated.get(names);
  if (!found) {
    found = [...names].map((name) => name.split(/[-‐‑–]/)).filter((parts) => parts.length > 1);
    hyphenated.set(names, found);
  }
  return found;
}

/** The name's possessive sits on its last part ("Ellie-Mae's"); a later part follows with no punctuation between. */
function namePartIs(term: Term | undefined, part: string, last: boolean, joined: boolean): boolean {
  if (!term || (joined && term.gapBefore)) return false;
  return (last ? term.bare ?? term.norm : term.norm) === part;
}

export type Subject = 'adult' | 'child' | 'unknown';

/**
 * Who the words just before `index` in a sentence are about: walk back to the
 * nearest family adult ("Mum", "Ms Ellison"), child ("the child", the child's
 * name from the front matter) or other name; pronouns are passed over.
 */
export function subjectBefore(terms: readonly Term[], index: number, children: ReadonlySet<string>): Subject {
  for (let k = index - 1; k >= 0; k--) {
    const term = terms[k];
    const word = term.bare ?? term.norm;
    if (familyAdultWords.has(word)) return 'adult';
    if (k > 0 && adultTitles.has(terms[k - 1].norm)) return 'adult';
    if (isNameAt(children, terms, k) || childWords.has(word)) return 'child';
    if (/^[A-Z]/.test(term.raw) && !notNames.has(word) && !adultTitles.has(word)) return 'unknown';
  }
  return 'unknown';
}
