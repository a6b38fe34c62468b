// Who is the child in this note? From the front matter `child` ("Maya
// Ellison", or a list), and from names written with an age under 18 in
// brackets ("Theo (4)"). A first name matches on its own ("Maya said"); a
// surname alone does not ("Ms Ellison" is usually a parent). Notes that
// anonymise the child write an initial ("K said", "J (7)", "Child B"): the
// front-matter child's initials and those the note introduces match too.
// When the note names no child, `known` is false and callers fall back to
// "any first name without a title that is not a family or professional role".
//
// "She"/"he" refer to the child when the nearest earlier sentence that names
// anybody names the child first ("I explained to Maya that... She said...").
// This is a guess, and the rule READMEs say so.
import type { RuleContext, SentenceInfo } from './rule.js';
import type { Sentence } from 'nlcst';
import type { Term } from './tokens.js';
import { termsOf } from './tokens.js';
import { classifySource, isLikelyName } from './speech.js';
import { adultTitles, childNames, childNameWords, isNameAt } from './people.js';
import type { FrontMatter } from './parse.js';
import { NodeMemo } from './memo.js';

export interface Children {
  /** Case-folded first names (and full names' first words). */
  names: Set<string>;
  /** The child's initials as written, in capitals ("K", "KB"); never "I" or "A", which are words. */
  initials: Set<string>;
  /** How messages name the child: "Maya", "Tia and Marcus", or "the child". */
  display: string;
  /** True when the note says who the child is. */
  known: boolean;
}

const noteChildren = new NodeMemo<Children>();
const notNames = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'easter', 'english',
  'maths', 'science', 'art', 'pe', 'year', 'room', 'golden', 'time',
]);

export function childrenOf(context: Pick<RuleContext, 'frontmatter' | 'text' | 'nlcst'>): Children {
  let found = noteChildren.get(context.nlcst);
  if (found) return found;
  // Names from the front matter (`child: Maya Ellison`, `child: Tia and Marcus Lowe`), read by src/people.ts.
  const names = new Set([...childNames(context.frontmatter)].filter((n) => n !== 'child'));
  const raw = context.frontmatter.data?.child ?? context.frontmatter.data?.children;
  const shown = [...names].map((n) => displayName(n, raw));
  const known = names.size > 0;
  const initials = frontMatterInitials(context.frontmatter);
  // "Maya (8)", "Theo (4)", "Jordan Ashworth (14)", and initials: "J (7)", "KB (7)"
  for (const m of context.text.matchAll(nameWithAge)) {
    if (Number(m[2]) >= 18) continue;
    if (/^[A-Z]+$/.test(m[1])) addInitials(initials, m[1]);
    else if (!notNames.has(m[1].toLowerCase())) names.add(m[1].toLowerCase());
  }
  // "Riley Kent (Yr 5)", "Ava (Year 10)": a school year group marks a child too.
  for (const m of context.text.matchAll(nameWithYearGroup)) if (!notNames.has(m[1].toLowerCase())) names.add(m[1].toLowerCase());
  // "Child B": the letter stands for the child from here on.
  for (const m of context.text.matchAll(/\b[Cc]hild ([A-Z])\b/g)) addInitials(initials, m[1]);
  const display = shown.length === 0 ? 'the child' : shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  found = { names, initials, display, known };
  noteChildren.set(context.nlcst, found);
  return found;
}

/** "Maya (8)", "Jordan Ashworth (14)", "J (7)": a first name or initials, maybe a surname, an age in brackets. */
const nameWithAge = /\b([A-Z][a-z'’-]+|[A-Z]{1,3})(?:\s+[A-Z][a-z'’-]+)?\s*\((\d{1,2})\)/g;

/** "Riley Kent (Yr 5)", "Ava (Year 10)", "Sam (Y6)": a first name, maybe a surname, a school year in brackets. */
const nameWithYearGroup = /\b([A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+)?\s*\((?:Yr|Year|Y)\s?(?:R|\d{1,2})\)/g;

export interface Ages {
  /** Ages by case-folded first name: the front matter `age` for the one child it names, and "Name (N)" in the text. */
  byName: Map<string, number>;
  /**
   * The age of the one the note is about: the front matter `age` (with at most one `child`), else the
   * age written next to the front matter child's name, else (no front matter
   * child) the first name written with an age ("PA contact - Chloe Adams (18)").
   */
  subject?: number;
}

const noteAges = new NodeMemo<Ages>();

/** The ages the note gives, 18 and over included (a care leaver's note is about a young adult). */
export function agesOf(context: Pick<RuleContext, 'frontmatter' | 'text' | 'nlcst'>): Ages {
  return noteAges.of(context.nlcst, () => {
    const byName = new Map<string, number>();
    const named = [...childNames(context.frontmatter)];
    // One `age` for several children would say nothing about which of them.
    const given = named.length <= 1 && context.frontmatter.data?.age != null ? Number(context.frontmatter.data.age) : NaN;
    const fromFrontMatter = Number.isInteger(given) ? given : undefined;
    if (fromFrontMatter !== undefined && named.length === 1) byName.set(named[0], fromFrontMatter);
    let first: number | undefined;
    for (const m of context.text.matchAll(nameWithAge)) {
      const age = Number(m[2]);
      first ??= age;
      const name = m[1].toLowerCase();
      if (/^[A-Z]+$/.test(m[1]) || notNames.has(name) || byName.has(name)) continue;
      byName.set(name, age);
    }
    const subject = fromFrontMatter ?? (named.length ? named.map((n) => byName.get(n)).find((a) => a !== undefined) : first);
    return { byName, subject };
  });
}

/**
 * Ages written in a piece of a sentence, with their offsets in it: "(14)",
 * "aged 14", "age 14", "a 14-year-old", "14 years old", "is 14", "who was 15".
 * A number followed by a unit or a time ("is 15 minutes late", "was 12:30") is
 * not an age.
 */
export function agesIn(text: string): { age: number; index: number }[] {
  const found: { age: number; index: number }[] = [];
  for (const m of text.matchAll(ageWritten)) found.push({ age: Number(m[1] ?? m[2] ?? m[3]), index: m.index });
  return found;
}

const ageWritten =
  /(?<=\w\s?)\((\d{1,2})\)|\b(?:aged?|is|was|turned)\s+(\d{1,2})\b(?![:./%]\d|\s*(?:%|per\b|percent|times|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?(?![- ]old)|am\b|pm\b|o'clock|miles?))|\b(\d{1,2})[- ]years?[- ]old\b/gi;

const childPronouns = new Set(['he', 'she', 'they', 'him', 'her', 'them']);

/** Is the term a name of the child (or, when no child is known, any untitled first name)? */
export function isChildName(children: Children, sentence: Sentence, i: number, strict = false): boolean {
  const terms = termsOf(sentence);
  const t = terms[i];
  if (!t) return false;
  if (isNameAt(children.names, terms, i) || isInitialAt(children, terms, i)) return true;
  if (children.known || strict) return false;
  return isUntitledName(terms, i) && classifySource(sentence, i).kind === 'name';
}

/** The initial stands alone ("K said", "J's bed"), not in a hyphenated word ("K-pop") or after a title ("Mr K"). */
function isInitialAt(children: Children, terms: readonly Term[], i: number): boolean {
  const t = terms[i];
  if (!children.initials.has(t.raw.replace(/'s$/, ''))) return false;
  if (terms[i - 1]?.token === t.token || terms[i + 1]?.token === t.token) return false;
  return !(i > 0 && adultTitles.has(terms[i - 1].norm));
}

/** "Kayden Brooks" gives K and KB; "Tia and Marcus Lowe" gives T, M and ML ("Child B" is read from the text). */
function frontMatterInitials(frontmatter: FrontMatter): Set<string> {
  const initials = new Set<string>();
  for (const words of childNameWords(frontmatter)) {
    if (words[0] === 'Child') continue;
    addInitials(initials, words[0][0]);
    if (words.length > 1) addInitials(initials, words.map((w) => w[0]).join(''));
  }
  return initials;
}

/** "I" and "A" are words, never the child. */
function addInitials(initials: Set<string>, letters: string): void {
  if (letters !== 'I' && letters !== 'A') initials.add(letters);
}

/** A capitalised word that is not a title's name, a role, a month or a day. */
function isUntitledName(terms: readonly Term[], i: number): boolean {
  const t = terms[i];
  if (!/^[A-Z][a-z]/.test(t.raw) || notNames.has(t.bare ?? t.norm)) return false;
  if (!isLikelyName(terms, i)) return false;
  const prev = terms[i - 1];
  // "Ms Jones", "Dr Khan", "Mrs Gloria Baptiste": an adult.
  if (prev && /^(?:ms|mr|mrs|miss|mx|dr|dr\.|pc|dc|ds|sgt|nurse|prof|cllr)$/.test(prev.norm)) return false;
  const before = terms[i - 2];
  if (prev && before && /^[A-Z]/.test(prev.raw) && /^(?:ms|mr|mrs|miss|mx|dr|dr\.)$/.test(before.norm)) return false;
  return true;
}

/**
 * Does the word at term `i` of `sentence` refer to the child: the child's
 * name (with `strict`, only a name the note gives as a child's), a word for a child ("the child", "the baby"), "you" in a note written
 * to the child, or a pronoun whose nearest antecedent is the child?
 */
export function refersToChild(
  context: Pick<RuleContext, 'frontmatter' | 'text' | 'nlcst' | 'sentences'>,
  sentence: SentenceInfo,
  i: number,
  strict = false,
): boolean {
  const children = childrenOf(context);
  const terms = termsOf(sentence.node);
  const t = terms[i];
  if (!t) return false;
  if (isChildName(children, sentence.node, i, strict)) return true;
  if (t.norm === 'you') return true;
  const source = classifySource(sentence.node, i);
  if (source.kind === 'role' && source.group === 'child-nouns') return true;
  if (!childPronouns.has(t.norm)) return false;
  // Nearest earlier mention of anybody: this sentence before the pronoun, then up to three sentences back.
  const here = mentionIn(context, sentence, i, strict);
  if (here) return here.child;
  for (let k = sentence.index - 1; k >= Math.max(0, sentence.index - 3); k--) {
    const s = context.sentences[k];
    if (s.block.block === 'heading') break;
    const m = mentionIn(context, s, Infinity, strict);
    if (m) return m.child;
  }
  return false;
}

/** The first mention of a person in `sentence` before term `before`. */
function mentionIn(
  context: Pick<RuleContext, 'frontmatter' | 'text' | 'nlcst'>,
  sentence: SentenceInfo,
  before: number,
  strict: boolean,
): { child: boolean } | undefined {
  const children = childrenOf(context);
  const terms = termsOf(sentence.node);
  for (let j = 0; j < Math.min(before, terms.length); j++) {
    const term = terms[j];
    if (notNames.has(term.bare ?? term.norm)) continue;
    if (isChildName(children, sentence.node, j, strict)) return { child: true };
    const source = classifySource(sentence.node, j);
    if (source.kind === 'role') {
      if (source.group === 'child-nouns') return { child: true };
      if (source.group === 'family-roles' || source.group === 'professional-roles' || source.group === 'titles') {
        // "SW" and "I" are the writer, not a person the pronoun could mean.
        if (/^(?:sw|ssw|csw|fsw)$/.test(term.norm)) continue;
        return { child: false };
      }
    }
    if (source.kind === 'name' && isLikelyName(terms, j)) return { child: false };
  }
  return undefined;
}

/** The name as the front matter writes it ("maya" -> "Maya"). */
function displayName(norm: string, raw: unknown): string {
  const text = Array.isArray(raw) ? raw.join(' ') : typeof raw === 'string' ? raw : '';
  const found = text.split(/[\s,&]+/).find((w) => w.toLowerCase() === norm);
  return found ?? norm.charAt(0).toUpperCase() + norm.slice(1);
}
