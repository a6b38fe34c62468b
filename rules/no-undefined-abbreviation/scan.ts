// Finding abbreviations in a sentence, and the definitions that go with them
// ("child in need (CIN)", "CIN (child in need)", "CIN: child in need").
//
// A sentence's tokens are grouped into chunks (runs of tokens with no space
// between them: "(CIN)", "A&E", "IRO's", "EHCP/SEN", "non-CIN"), and each chunk
// is scanned for the shapes an abbreviation takes. Whether a shape really is
// an abbreviation (and not "NOT" in capitals, a surname in capitals, a Roman
// numeral...) is decided by the rule, which knows the dictionary.
import type { SentenceInfo } from '../../src/rule.js';
import { tokensOf, type Token } from '../../src/tokens.js';

export type Shape =
  /** Two or more capitals, perhaps mixed with lower case: CIN, GP, CiC, HoY, EHCP. */
  | 'caps'
  /** Letters and digits: L1, Y6, A4, CV1 (only abbreviations when the dictionary knows them). */
  | 'digits'
  /** A section of an Act: s47, S.47, s.20, s 17. */
  | 'section'
  /** Joined by & or +: A&E, T+T. */
  | 'symbol'
  /** Capitals with full stops: P.L.O., D.O.B. */
  | 'dotted'
  /** Any other form the dictionary lists as written (Cafcass, misper, P-P). */
  | 'word';

export interface Candidate {
  /** As written, with any plural or possessive: "IRO's", "GPs", "S.47". */
  written: string;
  /** Without the plural or possessive ending: "IRO", "GP". */
  base: string;
  /** Upper case without full stops, spaces or plural s ("S47", "PLO", "CIC", "GP"). */
  key: string;
  /** Letters and digits to match against a long form, lower case ("cin", "s47", "ae"). */
  letters: string;
  shape: Shape;
  plural: boolean;
  possessive: boolean;
  start: number;
  end: number;
  /** Index into tokensOf(sentence) of the first and last token it covers. */
  firstToken: number;
  lastToken: number;
}

/** A run of letters in the sentence (neighbours for the rule's checks). */
export interface WordRun {
  text: string;
  start: number;
  end: number;
}

export interface SentenceScan {
  candidates: Candidate[];
  /** The runs of letters, for a sentence with candidates (empty otherwise). */
  words: WordRun[];
  tokens: Token[];
}

/** The forms a dictionary lists as written ("CiC", "DNA'd", "misper"). */
export interface KnownForms {
  has(form: string): boolean;
  /**
   * False when no listed form has this first character and length: then a
   * word need not even be cut out of the text to be looked up.
   */
  mayHave(first: number, length: number): boolean;
}

interface Chunk {
  text: string;
  /** Source offset of its first character, and index of its first token. */
  start: number;
  first: number;
  /** The sentence's tokens. */
  tokens: Token[];
  /**
   * Source offset of each character of `text`, plus one past the end, and the
   * token index of each character. Left out for the usual chunk, tokens
   * written as they read (no escapes): then character k is at `start + k`
   * (see offsetAt, ownerAt).
   */
  offsets?: number[];
  owners?: number[];
}

const offsetAt = (chunk: Chunk, k: number): number => (chunk.offsets ? chunk.offsets[k] : chunk.start + k);
function ownerAt(chunk: Chunk, k: number): number {
  if (chunk.owners) return chunk.owners[k];
  let t = chunk.first;
  while (chunk.tokens[t].end <= chunk.start + k) t++;
  return t;
}

const dotted = /[A-Z](?:\.[A-Z])+\.?(?![A-Za-z0-9])/y;
const section = /[sS]\.?(\d{1,3})(?![A-Za-z0-9])/y;
const symbol = /[A-Z]{1,3}[&+][A-Z]{1,3}(?![A-Za-z0-9])/y;
const suffix = /['’](?:s|d)(?![A-Za-z])|['’](?![A-Za-z])/y;
/** [A-Za-z0-9], without a one-character string and a regular expression per character. */
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function scanSentence(sentence: SentenceInfo, known: KnownForms): SentenceScan {
  const tokens = tokensOf(sentence.node);
  const chunks = chunksOf(tokens);
  const candidates = scanChunks(chunks, known, undefined);
  // Only a sentence with a candidate needs its words: a second pass for those
  // few, rather than cutting every word out of every sentence.
  const words: WordRun[] = [];
  if (candidates.length) scanChunks(chunks, known, words);
  return { candidates, words, tokens };
}

/** The candidates in the chunks, and their words when `words` is given. */
function scanChunks(chunks: Chunk[], known: KnownForms, words: WordRun[] | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  chunks.forEach((chunk, c) => {
    const { text } = chunk;
    // "s 47": a lone s before a number.
    if (text.length <= 2 && /^[sS]\.?$/.test(text)) {
      const next = chunks[c + 1];
      const number = next && /^(\d{1,3})(?![A-Za-z0-9])/.exec(next.text);
      if (next && number && offsetAt(next, 0) - offsetAt(chunk, text.length) === 1) {
        const written = `${text} ${number[1]}`;
        candidates.push({
          written, base: written, key: `S${number[1]}`, letters: `s${number[1]}`, shape: 'section', plural: false, possessive: false,
          start: offsetAt(chunk, 0), end: offsetAt(next, number[1].length), firstToken: ownerAt(chunk, 0), lastToken: ownerAt(next, number[1].length - 1),
        });
        return;
      }
    }
    // The whole chunk as written, when the dictionary lists it ("P-P", "T+T", "DNA'd").
    // (Most chunks have none of those joining characters: skip the trimming then.)
    const trimmed = hasJoiner(text) ? trimBrackets(text) : '';
    if (trimmed && hasJoiner(trimmed) && known.has(trimmed)) {
      const from = text.indexOf(trimmed);
      const to = from + trimmed.length;
      words?.push({ text: trimmed, start: offsetAt(chunk, from), end: offsetAt(chunk, to) });
      candidates.push({
        written: trimmed, base: trimmed, key: keyOf(trimmed), letters: lettersOf(trimmed), shape: 'word', plural: false, possessive: false,
        start: offsetAt(chunk, from), end: offsetAt(chunk, to), firstToken: ownerAt(chunk, from), lastToken: ownerAt(chunk, to - 1),
      });
      return;
    }
    scanChunk(chunk, known, candidates, words);
  });
  return candidates;
}

/** Does the text hold one of the characters that join the parts of a form as written, [-+&/'’]? */
function hasJoiner(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 43 || c === 38 || c === 47 || c === 39 || c === 0x2019) return true;
  }
  return false;
}

function addCandidate(candidates: Candidate[], chunk: Chunk, i: number, written: string, base: string, letters: string, shape: Shape, plural: boolean, possessive: boolean): void {
  const length = written.length;
  candidates.push({
    written, base, key: keyOf(base), letters, shape, plural, possessive,
    start: offsetAt(chunk, i), end: offsetAt(chunk, i + length), firstToken: ownerAt(chunk, i), lastToken: ownerAt(chunk, i + length - 1),
  });
}

/** `re` (sticky) at `i` of the text. */
function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/**
 * The shapes in a chunk, at each start of a run of letters and digits. Each
 * expression is tried only where its first characters can match (a dotted
 * form is a capital and a full stop, a section an s and a full stop or a
 * digit...), and runs of letters and digits are read without one: most words
 * are not abbreviations.
 */
function scanChunk(chunk: Chunk, known: KnownForms, candidates: Candidate[], words: WordRun[] | undefined): void {
  const { text } = chunk;
  // Whether the chunk holds "&" or "+" (for A&E, T+T): looked at only after a capital.
  let joined: boolean | undefined;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (!isAlnum(c) || (i > 0 && isAlnum(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const capital = c >= 65 && c <= 90;
    const next = text.charCodeAt(i + 1);
    let m: RegExpExecArray | null;
    if (capital && next === 46 && (m = at(dotted, text, i))) {
      const letters = m[0].replace(/\./g, '');
      addCandidate(candidates, chunk, i, m[0], m[0], letters.toLowerCase(), 'dotted', false, false);
      words?.push({ text: letters, start: offsetAt(chunk, i), end: offsetAt(chunk, i + m[0].length) });
      i += m[0].length;
      continue;
    }
    if ((c === 115 || c === 83) && (next === 46 || (next >= 48 && next <= 57)) && (m = at(section, text, i))) {
      addCandidate(candidates, chunk, i, m[0], m[0], `s${m[1]}`, 'section', false, false);
      i += m[0].length;
      continue;
    }
    if (capital && (joined ??= text.includes('&') || text.includes('+')) && (m = at(symbol, text, i))) {
      addCandidate(candidates, chunk, i, m[0], m[0], m[0].replace(/[&+]/g, '').toLowerCase(), 'symbol', false, false);
      i += m[0].length;
      continue;
    }
    // A run of letters and digits: [A-Za-z0-9]*.
    let end = i + 1;
    let plain = !capital;
    for (let d = text.charCodeAt(end); isAlnum(d); d = text.charCodeAt(++end)) if (d <= 90) plain = false;
    if (c <= 57) {
      // Starts with a digit: not a word.
      i = end;
      continue;
    }
    // A word ([A-Za-z][A-Za-z0-9]*), with any possessive or "'d" after it.
    const q = text.charCodeAt(end);
    const suffixed = q === 39 || q === 0x2019 ? at(suffix, text, end) : null;
    const writtenLength = end - i + (suffixed ? suffixed[0].length : 0);
    // Lower-case letters only: an abbreviation only when the dictionary lists it as written.
    if (plain && !words && !known.mayHave(c, end - i)) {
      i += writtenLength;
      continue;
    }
    const w = text.slice(i, end);
    words?.push({ text: w, start: offsetAt(chunk, i), end: offsetAt(chunk, end) });
    const classified = plain ? (known.has(w) ? { base: w, plural: false, shape: 'word' as const } : undefined) : classify(w, known);
    if (classified) {
      const written = suffixed ? w + suffixed[0] : w;
      const possessive = suffixed !== null && !/d$/.test(suffixed[0]);
      addCandidate(candidates, chunk, i, written, classified.base, lettersOf(classified.base), classified.shape, classified.plural, possessive);
    }
    i += writtenLength;
  }
}

/** Is this word an abbreviation shape? Returns its base form without a plural s. */
function classify(w: string, known: KnownForms): { base: string; plural: boolean; shape: Shape } | undefined {
  if (/\d/.test(w)) return known.has(w) ? { base: w, plural: false, shape: 'digits' } : undefined;
  const plural = /^[A-Z][A-Za-z]*[A-Z]s$/.test(w);
  const base = plural ? w.slice(0, -1) : w;
  if (known.has(w) || known.has(base)) return { base, plural, shape: capsShape(base) ? 'caps' : 'word' };
  if (capsShape(base)) return { base, plural, shape: 'caps' };
  return undefined;
}

/** Two or more capitals and more capitals than small letters: CIN, CiC, HoY, DfE; not McDonald, YouTube, JoJo. */
export function capsShape(w: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 2 && upper > lower;
}

export function keyOf(form: string): string {
  const compact = form.replace(/[.\s]/g, '').replace(/['’]d$/, '');
  const sectionRef = /^[sS](\d{1,3})$/.exec(compact);
  if (sectionRef) return `S${sectionRef[1]}`;
  return compact.replace(/^([A-Z][A-Za-z]*[A-Z])s$/, '$1').toUpperCase();
}

export function lettersOf(form: string): string {
  return form.replace(/['’]d$/, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function chunksOf(tokens: Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  tokens.forEach((token, index) => {
    if (token.kind === 'space' || token.kind === 'source') {
      current = undefined;
      return;
    }
    const length = token.end - token.start;
    if (!current || tokens[index - 1].end !== token.start) {
      current = { text: '', start: token.start, first: index, tokens };
      chunks.push(current);
    }
    if (length === token.value.length && !current.offsets) {
      // Written as it reads, like the chunk so far: offsets and owners follow from the tokens.
      current.text += token.value;
      return;
    }
    if (!current.offsets || !current.owners) {
      // A token whose value is not its source: list every character.
      const offsets: number[] = [];
      const owners: number[] = [];
      for (let k = 0; k <= current.text.length; k++) offsets[k] = current.start + k;
      for (let k = 0; k < current.text.length; k++) owners[k] = ownerAt(current, k);
      current.offsets = offsets;
      current.owners = owners;
    }
    for (let k = 0; k < token.value.length; k++) {
      current.offsets[current.text.length + k] = length === token.value.length ? token.start + k : k === 0 ? token.start : Math.min(token.start + k, token.end - 1);
      current.owners[current.text.length + k] = index;
    }
    current.text += token.value;
    // One past the end of the chunk so far.
    current.offsets[current.text.length] = token.end;
  });
  return chunks;
}

// ---------------------------------------------------------------------------
// Definitions

/** Small words a long form may skip or use: "Special Educational Needs and Disabilities (SEND)". */
const smallWords = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'with', 'a', 'an', 'at', 'by', 'or', 'from', '&']);

/**
 * Can the words spell the letters, each word giving a prefix of itself (at
 * least its first letter) and small words also skippable? "child in need"
 * spells "cin"; "Children and Family Court Advisory and Support Service"
 * spells "cafcass"; "section 47" spells "s47".
 */
export function spells(letters: string, words: readonly string[]): boolean {
  if (!letters || words.length === 0 || words.length > letters.length + 6) return false;
  const go = (ai: number, wi: number): boolean => {
    if (wi === words.length) return ai === letters.length;
    const w = words[wi];
    // The first word must give a letter.
    if (wi > 0 && smallWords.has(w) && go(ai, wi + 1)) return true;
    for (let k = 1; k <= w.length && ai + k <= letters.length; k++) {
      if (w[k - 1] !== letters[ai + k - 1]) break;
      if (go(ai + k, wi + 1)) return true;
    }
    return false;
  };
  return go(0, 0);
}

export interface Definition {
  /** Offsets of the whole definition: long form and abbreviation. */
  start: number;
  end: number;
}

interface DefinitionWord {
  text: string;
  start: number;
  end: number;
}

/** The words in a token range, split at hyphens and slashes, lower case. */
function wordsIn(tokens: Token[], from: number, to: number): DefinitionWord[] {
  const out: DefinitionWord[] = [];
  for (let i = Math.max(0, from); i <= to && i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'symbol' && token.value === '&') out.push({ text: '&', start: token.start, end: token.end });
    if (token.kind !== 'word') continue;
    const exact = token.end - token.start === token.value.length;
    let offset = 0;
    for (const part of token.value.split(/([-‐‑–/])/)) {
      if (part && !/^[-‐‑–/]$/.test(part)) {
        out.push({
          text: part.toLowerCase().replace(/’/g, "'"),
          start: exact ? token.start + offset : token.start,
          end: exact ? token.start + offset + part.length : token.end,
        });
      }
      offset += part.length;
    }
  }
  return out;
}

/** The words of tokens up to `to`, from far enough back to hold `count` of them (or from the start). */
function lastWordsUpTo(tokens: Token[], to: number, count: number): DefinitionWord[] {
  let from = to + 1;
  let found = 0;
  while (from > 0 && found < count) {
    from--;
    found += wordsIn(tokens, from, from).length;
  }
  return wordsIn(tokens, from, to);
}

/** Words of a long form are joined by spaces, commas, "&", hyphens, or Markdown emphasis and link syntax. */
const softGap = (between: string) => /^[\s,&\-‐‑–/*_[\]]*$/.test(withoutLinkTargets(between));

/**
 * `text.replace(/\]\([^)]*\)/g, '')` in one pass: each "](" up to the next ")"
 * taken out. (The expression read to the end from every "](" when no ")"
 * followed: quadratic on a long run of them.)
 */
function withoutLinkTargets(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf('](', at); open >= 0; open = text.indexOf('](', at)) {
    const close = text.indexOf(')', open + 2);
    // No ")" after this "](", so none after any later one either.
    if (close < 0) break;
    out += text.slice(at, open);
    at = close + 1;
  }
  return out + text.slice(at);
}

const openingMarks = '([“"‘\'';
const closingMarks = ')]”"’\',;:.!?';
/**
 * A chunk without the brackets, quotation marks and stops around it: what
 * `/^[(\[“"‘']*(.*?)[)\]”"’',;:.!?]*$/.exec(text)[1]` gives, in one pass (that
 * expression is cubic on a long run of brackets and stops, and gave no match,
 * so a crash, for a chunk with a line separator).
 */
function trimBrackets(text: string): string {
  let from = 0;
  while (from < text.length && openingMarks.includes(text[from])) from++;
  let to = text.length;
  while (to > from && closingMarks.includes(text[to - 1])) to--;
  return text.slice(from, to);
}

function nextNonSpace(tokens: Token[], index: number, step: 1 | -1): number {
  let i = index + step;
  while (i >= 0 && i < tokens.length && tokens[i].kind === 'space') i += step;
  return i;
}

/** The closing bracket for the one at `open`, in the same sentence. */
function matching(tokens: Token[], open: number): number {
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punctuation') continue;
    if (tokens[i].value === ')' || tokens[i].value === ']') return i;
    if (tokens[i].value === '(') return -1;
  }
  return -1;
}

function hardStop(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === 'punctuation' && !/^[,'’-]$/.test(t.value)) break;
    i++;
  }
  return i - 1;
}

export interface DefinitionOptions {
  /** Known long forms of this abbreviation (dictionary, team glossary), as lower-case words. */
  expansions: string[][];
  /** Accept "her mother (KH)": an abbreviation the dictionary does not know, introduced as a name for a person. */
  alias: boolean;
}

const roleWords = new Set([
  'mother', 'mum', 'mom', 'father', 'dad', 'stepmother', 'stepfather', 'stepmum', 'stepdad', 'grandmother', 'grandfather',
  'nan', 'nana', 'nanna', 'gran', 'granny', 'grandma', 'grandad', 'granddad', 'grandpa', 'aunt', 'auntie', 'aunty', 'uncle',
  'brother', 'sister', 'sibling', 'cousin', 'child', 'son', 'daughter', 'baby', 'partner', 'boyfriend', 'girlfriend',
  'carer', 'guardian', 'friend', 'neighbour', 'stepbrother', 'stepsister',
  // The professionals of an attendee line: "Present: KT (class teacher), RD (family support worker)".
  'teacher', 'headteacher', 'worker', 'nurse', 'visitor', 'midwife', 'doctor', 'paediatrician', 'therapist', 'psychologist',
  'officer', 'manager', 'lead', 'adviser', 'advisor', 'practitioner', 'solicitor',
]);

/** Is this candidate the abbreviation of a definition? */
export function definitionAt(scan: SentenceScan, candidate: Candidate, text: string, options: DefinitionOptions): Definition | undefined {
  const { tokens } = scan;
  const spellsIt = (words: string[]) => spells(candidate.letters, words) || (candidate.plural && spells(`${candidate.letters}s`, words));
  const known = (words: string[]) => options.expansions.some((e) => e.length === words.length && e.every((w, i) => w === words[i]));
  const knownPrefix = (words: string[]) => options.expansions.some((e) => e.length <= words.length && e.every((w, i) => w === words[i]));
  const maxWords = candidate.letters.length + 6;

  const before = nextNonSpace(tokens, candidate.firstToken, -1);
  const after = nextNonSpace(tokens, candidate.lastToken, 1);

  // "long form (ABBR)" and "long form (ABBR plan)".
  if (before >= 0 && before === candidate.firstToken - 1 && tokens[before].value === '(') {
    const close = matching(tokens, before);
    if (close > 0) {
      const tail = wordsIn(tokens, candidate.lastToken + 1, close - 1).map((w) => w.text);
      // Only the last words before the bracket can be its long form (all the words before it, read for
      // each bracket, made a long sentence quadratic).
      const previous = lastWordsUpTo(tokens, before - 1, maxWords + tail.length + 1);
      // Walk back from the bracket while the words are joined by spaces, commas or "&".
      let from = previous.length;
      while (from > 0) {
        const w = previous[from - 1];
        const next = from < previous.length ? previous[from].start : tokens[before].start;
        if (!softGap(text.slice(w.end, next))) break;
        from--;
      }
      const long = previous.slice(from).map((w) => w.text);
      let stripped = long;
      if (tail.length && long.length > tail.length && tail.every((t, i) => long[long.length - tail.length + i] === t)) {
        stripped = long.slice(0, long.length - tail.length);
      }
      for (let k = stripped.length - 1; k >= 0 && stripped.length - k <= maxWords; k--) {
        const span = stripped.slice(k);
        if (spellsIt(span) || known(span)) return { start: previous[from + k].start, end: tokens[close].end };
      }
      if (options.alias && tail.length === 0 && long.length > 0 && roleWords.has(long[long.length - 1])) {
        return { start: previous[previous.length - 1].start, end: tokens[close].end };
      }
    }
  }

  // "ABBR (long form)", "ABBR: long form", "ABBR – long form", "ABBR means long form", "ABBR stands for long form".
  if (after < tokens.length) {
    const t = tokens[after];
    let contentFrom = -1;
    let contentTo = -1;
    if (t.value === '(' && after <= candidate.lastToken + 2) {
      const close = matching(tokens, after);
      if (close > 0) {
        contentFrom = after + 1;
        contentTo = close - 1;
      }
    } else if (t.kind === 'punctuation' && /^[:–—=-]$/.test(t.value)) {
      contentFrom = after + 1;
      contentTo = hardStop(tokens, after + 1);
    } else if (t.kind === 'word' && /^(means|stands|is)$/i.test(t.value)) {
      contentFrom = after + 1;
      contentTo = hardStop(tokens, after + 1);
    }
    if (contentFrom > 0) {
      let words = wordsIn(tokens, contentFrom, contentTo);
      // "JB (mother)": a person the dictionary does not know, named by their role.
      if (options.alias && t.value === '(' && words.length >= 1 && words.length <= 3 && roleWords.has(words[words.length - 1].text)) {
        return { start: candidate.start, end: tokens[contentTo + 1].end };
      }
      while (words.length && (smallWords.has(words[0].text) || (t.kind === 'word' && /^(for|short)$/.test(words[0].text)))) words = words.slice(1);
      const texts = words.map((w) => w.text);
      for (let k = 1; k <= texts.length && k <= maxWords; k++) {
        const span = texts.slice(0, k);
        if (spellsIt(span) || knownPrefix(span)) {
          return { start: candidate.start, end: t.value === '(' ? tokens[contentTo + 1].end : words[k - 1].end };
        }
      }
    }
  }
  return undefined;
}
