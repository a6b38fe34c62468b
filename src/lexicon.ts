// Word lists are data (docs/LEXICON-FORMAT.md). This module validates a list,
// compiles lists once per process into a trie over word terms, and finds the
// entries of a list in a sentence.
import { readFileSync } from 'node:fs';
import type { Sentence } from 'nlcst';
import { hashBits, phraseTerms, termsOf, wordHash, type Term } from './tokens.js';

export interface LexiconContext {
  before?: string[];
  after?: string[];
}

export interface LexiconEntry {
  id: string;
  match: string[];
  inflect?: 'noun' | 'verb';
  expected: string[];
  fix?: 'safe';
  note: string;
  source: string;
  unless?: LexiconContext;
  only?: LexiconContext;
  caseSensitive?: boolean;
  /** Fields a rule adds for its own list (validated by the rule's `extraFields`). */
  [extra: string]: unknown;
}

export interface Lexicon {
  description?: string;
  entries: LexiconEntry[];
}

export class LexiconError extends Error {}

const knownFields = new Set(['id', 'match', 'inflect', 'expected', 'fix', 'note', 'source', 'unless', 'only', 'caseSensitive']);

/** Check a parsed list; throw a LexiconError naming the file and the entry. */
export function validateLexicon(data: unknown, file: string, extraFields: Record<string, 'boolean' | 'string' | 'string[]'> = {}): Lexicon {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${file}: ${where}: ${what}`);
  };
  if (!isObject(data)) fail('top level', 'expected an object with an "entries" array');
  const list = data as Record<string, unknown>;
  for (const key of Object.keys(list)) {
    if (!['entries', 'description', 'fields', '$schema'].includes(key)) fail('top level', `unknown key "${key}" (expected "description", "fields" and "entries")`);
  }
  // A list may declare the extra fields its rule reads: "fields": {"ambiguous": "boolean"}.
  if (list.fields !== undefined) {
    if (!isObject(list.fields)) fail('top level', '"fields" must map field names to "boolean", "string" or "string[]"');
    for (const [name, type] of Object.entries(list.fields as Record<string, unknown>)) {
      if (knownFields.has(name)) fail('top level', `"fields" cannot redefine the standard field "${name}"`);
      if (type !== 'boolean' && type !== 'string' && type !== 'string[]') fail('top level', `"fields.${name}" must be "boolean", "string" or "string[]"`);
    }
    extraFields = { ...(list.fields as Record<string, 'boolean' | 'string' | 'string[]'>), ...extraFields };
  }
  if (!Array.isArray(list.entries)) fail('top level', 'expected "entries" to be an array');
  const ids = new Set<string>();
  const phrases = new Map<string, string>();
  (list.entries as unknown[]).forEach((raw, index) => {
    const label = isObject(raw) && typeof raw.id === 'string' ? `entry "${raw.id}"` : `entry #${index + 1}`;
    if (!isObject(raw)) return fail(label, 'expected an object');
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!knownFields.has(key) && !(key in extraFields)) fail(label, `unknown field "${key}"`);
    }
    if (typeof entry.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.id)) fail(label, '"id" must be kebab-case, like "failed-to-engage"');
    if (ids.has(entry.id as string)) fail(label, 'this id is used twice');
    ids.add(entry.id as string);
    if (!isStringList(entry.match) || entry.match.length === 0) fail(label, '"match" must be a non-empty list of phrases');
    if (!isStringList(entry.expected)) fail(label, '"expected" must be a list (use [] when the text has to be rewritten by hand)');
    for (const field of ['note', 'source'] as const) {
      if (typeof entry[field] !== 'string' || !(entry[field] as string).trim()) fail(label, `"${field}" must be a non-empty string`);
    }
    if (entry.inflect !== undefined && entry.inflect !== 'noun' && entry.inflect !== 'verb') fail(label, '"inflect" must be "noun" or "verb"');
    if (entry.caseSensitive !== undefined && typeof entry.caseSensitive !== 'boolean') fail(label, '"caseSensitive" must be true or false');
    if (entry.fix !== undefined) {
      if (entry.fix !== 'safe') fail(label, '"fix" can only be "safe"');
      if ((entry.expected as string[]).length !== 1) fail(label, '"fix": "safe" needs exactly one "expected" replacement');
    }
    for (const field of ['unless', 'only'] as const) {
      const ctx = entry[field];
      if (ctx === undefined) continue;
      if (!isObject(ctx)) fail(label, `"${field}" must be an object with "before" and/or "after" lists`);
      for (const key of Object.keys(ctx as object)) {
        if (key !== 'before' && key !== 'after') fail(label, `"${field}" has unknown key "${key}"`);
        if (!isStringList((ctx as Record<string, unknown>)[key])) fail(label, `"${field}.${key}" must be a list of phrases`);
      }
    }
    for (const [key, type] of Object.entries(extraFields)) {
      const value = entry[key];
      if (value === undefined) continue;
      const ok = type === 'string[]' ? isStringList(value) : typeof value === type;
      if (!ok) fail(label, `"${key}" must be ${type === 'string[]' ? 'a list of strings' : `a ${type}`}`);
    }
    for (const phrase of entry.match as string[]) {
      const key = phraseKey(phrase, entry.caseSensitive === true);
      if (!key) fail(label, `"match" has an empty phrase`);
      const other = phrases.get(key);
      if (other) fail(label, `the phrase "${phrase}" is already in entry "${other}"`);
      phrases.set(key, entry.id as string);
    }
  });
  return data as Lexicon;
}

/**
 * A list that ships with recordlint, as imported. The tests validate every
 * one (test/rules-meta.test.ts, test/markers.test.ts), so a run does not: that
 * took about 4 ms of every start (README, "Performance").
 */
export function builtinLexicon(data: unknown): Lexicon {
  return data as Lexicon;
}

/** Read and validate a JSON list from disk (team lists given in config). */
export function loadLexiconFile(file: string, extraFields?: Record<string, 'boolean' | 'string' | 'string[]'>): Lexicon {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LexiconError(`${file}: cannot read the word list (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LexiconError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return validateLexicon(data, file, extraFields);
}

export function phraseKey(phrase: string, caseSensitive: boolean): string {
  return (caseSensitive ? '=' : '') + phraseTerms(phrase, caseSensitive).join(' ');
}

export function inflections(word: string, kind: 'noun' | 'verb'): string[] {
  const plural = /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  if (kind === 'noun') return [plural];
  const past = /e$/.test(word) ? `${word}d` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${word}ed`;
  const ing = /ie$/.test(word) ? `${word.slice(0, -2)}ying` : /[^e]e$/.test(word) ? `${word.slice(0, -1)}ing` : `${word}ing`;
  return [plural, past, ing];
}

/** The words of every form of an entry's phrases (with their inflections), as Matcher puts them in its tries. */
export function phraseForms(entry: LexiconEntry): string[][] {
  const caseSensitive = entry.caseSensitive === true;
  const forms: string[][] = [];
  for (const phrase of entry.match) {
    const terms = phraseTerms(phrase, caseSensitive);
    forms.push(terms);
    if (entry.inflect) {
      const last = terms[terms.length - 1];
      for (const form of inflections(last, entry.inflect)) forms.push([...terms.slice(0, -1), form]);
    }
  }
  return forms;
}

/**
 * Where the command's bundle puts an entry's phraseForms, worked out when it
 * is built (scripts/bundle-plugins.mjs, jsonParse): splitting 3,000 phrases
 * took about 5 ms of every start. Lists read at run time do without.
 */
export const precompiledForms = '$forms';

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: LexiconEntry[];
}

export interface LexiconMatch {
  entry: LexiconEntry;
  /** Offsets of the matched words in the source. */
  start: number;
  end: number;
  /** Index of the first and one past the last matched term. */
  from: number;
  to: number;
}

/**
 * Where a phrase of a list may start, by the hashes of words (`Term.hash`).
 * Most words start no phrase, and each sentence is matched against a dozen
 * lists: with this, most words cost a bit test or two per list instead of a
 * walk into the trie (a Map lookup of each word). A set bit only says
 * "maybe": the tries decide.
 */
class PhraseStarts {
  /** Phrases of one word, by its hash. */
  private single = new Uint32Array((1 << hashBits) / 32);
  /** Longer phrases, by the hashes of their first two words. */
  private pairs = new Uint32Array((1 << hashBits) / 32);

  /** A phrase as its words (`fold`: case-sensitive words; the hashes are of case-folded words). */
  add(words: readonly string[], fold: boolean): void {
    if (words.length === 0) return;
    const h = wordHash(fold ? words[0].toLowerCase() : words[0]);
    if (words.length === 1) setBit(this.single, h);
    else setBit(this.pairs, pairHash(h, wordHash(fold ? words[1].toLowerCase() : words[1])));
  }

  /** May a phrase start at term `i`? (Yes for terms with no hash, and for possessives.) */
  at(terms: readonly Term[], i: number): boolean {
    const h = terms[i].hash;
    if (h === undefined || h < 0 || hasBit(this.single, h)) return true;
    const next = terms[i + 1];
    if (!next || next.gapBefore) return false;
    const h2 = next.hash;
    return h2 === undefined || h2 < 0 || hasBit(this.pairs, pairHash(h, h2));
  }
}

const setBit = (bits: Uint32Array, h: number) => {
  bits[h >>> 5] |= 1 << (h & 31);
};
const hasBit = (bits: Uint32Array, h: number) => (bits[h >>> 5] & (1 << (h & 31))) !== 0;
const pairHash = (h1: number, h2: number) => ((Math.imul(h1 + 1, 0x9e3779b1) >>> (32 - hashBits)) ^ h2) & ((1 << hashBits) - 1);

interface Compiled {
  folded: TrieNode;
  exact: TrieNode;
  starts: PhraseStarts;
  contexts: Map<LexiconEntry, { unless?: string[][][]; only?: string[][][] }>;
  entries: LexiconEntry[];
}

/** The tries of each list compiled on its own, without an allow list. */
const compiled = new WeakMap<Lexicon, Compiled>();

/** A compiled set of lists: build once per process, match many sentences. */
export class Matcher {
  private folded: TrieNode = node();
  private exact: TrieNode = node();
  private starts = new PhraseStarts();
  private contexts = new Map<LexiconEntry, { unless?: string[][][]; only?: string[][][] }>();
  readonly entries: LexiconEntry[] = [];

  constructor(lexicons: Lexicon[], private allow: ReadonlySet<string> = new Set()) {
    // Several rules compile the same built-in list (the labels list twice):
    // the tries of a list on its own are built once and shared (never changed
    // after the constructor).
    const alone = lexicons.length === 1 && allow.size === 0 ? lexicons[0] : undefined;
    const built = alone && compiled.get(alone);
    if (built) {
      this.folded = built.folded;
      this.exact = built.exact;
      this.starts = built.starts;
      this.contexts = built.contexts;
      this.entries = built.entries;
      return;
    }
    for (const lexicon of lexicons) for (const entry of lexicon.entries) this.add(entry);
    if (alone) compiled.set(alone, { folded: this.folded, exact: this.exact, starts: this.starts, contexts: this.contexts, entries: this.entries });
  }

  private add(entry: LexiconEntry): void {
    if (this.allow.has(entry.id)) return;
    this.entries.push(entry);
    const caseSensitive = entry.caseSensitive === true;
    const root = caseSensitive ? this.exact : this.folded;
    for (const form of (entry[precompiledForms] as string[][] | undefined) ?? phraseForms(entry)) {
      let at = root;
      for (const term of form) {
        let child = at.next.get(term);
        if (!child) at.next.set(term, (child = node()));
        at = child;
      }
      if (!at.entries.includes(entry)) at.entries.push(entry);
      this.starts.add(form, caseSensitive);
    }
  }

  /** All matches in a sentence, left to right, longest first, never overlapping. */
  matchSentence(sentence: Sentence): LexiconMatch[] {
    return this.matchTerms(termsOf(sentence));
  }

  matchTerms(terms: Term[]): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    const candidates: LexiconMatch[] = [];
    const exact = this.exact.next.size ? this.exact : undefined;
    for (let i = 0; i < terms.length; ) {
      if (!this.starts.at(terms, i)) {
        i++;
        continue;
      }
      candidates.length = 0;
      this.walk(this.folded, terms, i, false, candidates);
      if (exact) this.walk(exact, terms, i, true, candidates);
      if (candidates.length === 0) {
        i++;
        continue;
      }
      // Longest first; a stable sort keeps list order among equals.
      if (candidates.length > 1) candidates.sort((a, b) => b.to - a.to);
      const hit = candidates.find((c) => this.contextAllows(c.entry, terms, c.from, c.to));
      if (hit) {
        found.push(hit);
        i = hit.to;
      } else {
        i++;
      }
    }
    return found;
  }

  /** Every entry whose phrase starts at term `from`, shortest first (a plain loop: this runs for every word that may start one). */
  private walk(root: TrieNode, terms: Term[], from: number, caseSensitive: boolean, out: LexiconMatch[]): void {
    let at: TrieNode | undefined = root;
    for (let j = from; j < terms.length && at; j++) {
      if (j > from && terms[j].gapBefore) return;
      const term = terms[j];
      const next: TrieNode | undefined = at.next.get(caseSensitive ? term.raw : term.norm);
      // A possessive on the last word: "care leaver's" is "care leaver".
      const bare = term.bare !== undefined ? at.next.get(caseSensitive ? term.raw.replace(/'s?$/, '') : term.bare) : undefined;
      if (bare) for (const entry of bare.entries) out.push({ entry, from, to: j + 1, start: terms[from].start, end: term.end });
      if (next) for (const entry of next.entries) out.push({ entry, from, to: j + 1, start: terms[from].start, end: term.end });
      at = next;
    }
  }

  private contextAllows(entry: LexiconEntry, terms: Term[], from: number, to: number): boolean {
    if (entry.unless === undefined && entry.only === undefined) return true;
    const caseSensitive = entry.caseSensitive === true;
    // Compiled when first needed: most entries never match (a millisecond or two at start-up).
    let ctx = this.contexts.get(entry);
    if (!ctx) this.contexts.set(entry, (ctx = { unless: contextTerms(entry.unless, caseSensitive), only: contextTerms(entry.only, caseSensitive) }));
    if (ctx.unless) {
      const [before, after] = ctx.unless;
      if (before.some((p) => precededBy(terms, from, p, caseSensitive)) || after.some((p) => followedBy(terms, to, p, caseSensitive))) return false;
    }
    if (ctx.only) {
      const [before, after] = ctx.only;
      if (!before.some((p) => precededBy(terms, from, p, caseSensitive)) && !after.some((p) => followedBy(terms, to, p, caseSensitive))) return false;
    }
    return true;
  }
}

/** The words of the phrases of an `unless` or `only`: before, after. */
function contextTerms(ctx: LexiconContext | undefined, caseSensitive: boolean): string[][][] | undefined {
  return ctx && [ctx.before ?? [], ctx.after ?? []].map((list) => list.map((p) => phraseTerms(p, caseSensitive)));
}

function precededBy(terms: Term[], from: number, phrase: string[], caseSensitive: boolean): boolean {
  const start = from - phrase.length;
  if (start < 0 || terms[from].gapBefore) return false;
  for (let k = 0; k < phrase.length; k++) {
    const term = terms[start + k];
    if (k > 0 && term.gapBefore) return false;
    if ((caseSensitive ? term.raw : term.norm) !== phrase[k]) return false;
  }
  return true;
}

/** Do the words of `phrase` start at term `to`, with no punctuation between? */
export function followedBy(terms: Term[], to: number, phrase: string[], caseSensitive: boolean): boolean {
  if (to + phrase.length > terms.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const term = terms[to + k];
    if (term.gapBefore) return false;
    if ((caseSensitive ? term.raw : term.norm) !== phrase[k]) return false;
  }
  return true;
}

function node(): TrieNode {
  return { next: new Map(), entries: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
}
