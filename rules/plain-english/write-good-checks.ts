// write-good's checks, for `writeGood(text, { checks })`: its own functions,
// except the cliché and wordy-phrase checks, which give the same answers much
// faster, and the two that look at the start of each clause ("so", "there
// is"), which give the same answers in linear time (see clauseStarts).
//
// no-cliches runs one regular expression of 698 alternatives (too-wordy: 236)
// over every sentence; V8 tries every alternative at every word, so it cost
// about 0.6 ms a sentence, more than the rest of recordlint put together. Here
// each phrase has a "key": its letters without the spaces, which any match
// must contain once spaces are taken out of the sentence too. The sentence
// (lower case, without spaces) is searched for the keys, one table lookup
// where each word starts, and only when some are there is the same regular
// expression, cut down to the phrases whose keys are present, run. Leaving
// out alternatives that cannot match anywhere in the text does not change
// what the expression finds, so the suggestions are exactly write-good's
// (test/write-good-checks.test.ts checks this against the installed packages).
import { adverbWhere, ePrime, weaselWords } from './write-good-modules.js';
import phrases from './write-good-phrases.json' with { type: 'json' };

export interface Suggestion {
  index: number;
  offset: number;
}

export interface WriteGoodCheck {
  fn: (text: string) => Suggestion[];
  explanation: string;
}

/** Space in a phrase, as write-good writes it into its expressions. */
const space = '[\\b\\s\\u200C]*';
const regexSpecial = /[\\^$.|?*+()[\]{}]/;
const quantifier = /[?*+{]/;

/**
 * What every match of the phrase contains once spaces (write-good's
 * `[\b\s\u200C]*`) are taken out and the text is in lower case: the phrase
 * without its spaces, up to any regular expression syntax in it.
 */
export function phraseKey(phrase: string): string {
  let end = phrase.search(regexSpecial);
  if (end < 0) end = phrase.length;
  // "cease?": the "e" is optional, "ceas" is certain.
  else if (quantifier.test(phrase[end]) && end > 0 && phrase[end - 1] !== ' ') end--;
  return phrase.slice(0, end).replaceAll(' ', '').toLowerCase();
}

const prefix = 3;
const bucketBits = 12;
/** A hash of three character codes, for a bucket (collisions only cost a comparison). */
const bucketOf = (a: number, b: number, c: number) => (a * 961 + b * 31 + c) & ((1 << bucketBits) - 1);
/** JavaScript's `\s`, one UTF-16 code unit at a time. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** The characters of write-good's space, `[\b\s\u200C]` (`\b` in a class is a backspace). */
const isPhraseSpace = (c: number) => c === 8 || c === 0x200c || isSpace(c);
/** `\w` without the `u` flag: [A-Za-z0-9_]. */
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

export interface PhraseList {
  list: readonly string[];
  /** too-wordy's `(?<!-)` after the `\b`. */
  notAfterHyphen: boolean;
}

/**
 * Matchers with the semantics of `matcher(new RegExp('\\b(' + alternatives + ')\\b', 'gi'), text)`
 * as no-cliches and too-wordy build it (`(?<!-)` after the `\b` for too-wordy),
 * one for each list. The lists share one index of keys, and a text is searched
 * once for all of them: write-good calls the matchers one after the other on
 * the same sentence.
 *
 * Every phrase starts with a letter or digit and is ASCII, and so is any match
 * of it: without the `u` flag, a case-insensitive match never pairs a
 * character outside ASCII with one inside. So a match starts at a word
 * character after a character that is not one (the `\b`), and once spaces are
 * taken out and A-Z made lower case, its key is there, at the place where that
 * word starts. Only those places are searched, about one character in five.
 * A phrase that starts otherwise, or whose key is too short to index, is tried
 * on every text.
 */
export function phraseMatchers(lists: readonly PhraseList[]): Array<(text: string) => Suggestion[]> {
  const keys: string[] = [];
  const listOf: number[] = [];
  const indexInList: number[] = [];
  const always: number[][] = lists.map(() => []);
  lists.forEach(({ list }, l) =>
    list.forEach((phrase, i) => {
      const key = phraseKey(phrase);
      if (key.length < prefix || !isWordCode(phrase.charCodeAt(0))) always[l].push(i);
      else {
        keys.push(key);
        listOf.push(l);
        indexInList.push(i);
      }
    }),
  );
  // Keys by the bucket of their first three characters: a chained hash table in two arrays.
  const heads = new Int32Array(1 << bucketBits).fill(-1);
  const chain = new Int32Array(keys.length).fill(-1);
  keys.forEach((key, id) => {
    const bucket = bucketOf(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2));
    chain[id] = heads[bucket];
    heads[bucket] = id;
  });
  const stamp = new Int32Array(keys.length);
  let run = 0;
  // The text without spaces, A-Z in lower case, as character codes; and where
  // its words start. Kept for sentences of usual length, made for longer ones.
  const kept = 4096;
  const keptCodes = new Uint16Array(kept);
  const keptStarts = new Int32Array(kept);

  let lastText: string | undefined;
  let lastFound: number[][] = [];
  /** For each list, the indexes of the phrases whose keys the text holds where a word starts, in order. */
  const search = (text: string): number[][] => {
    if (text === lastText) return lastFound;
    const codes = text.length <= kept ? keptCodes : new Uint16Array(text.length);
    const starts = text.length <= kept ? keptStarts : new Int32Array(text.length);
    let n = 0;
    let wordStarts = 0;
    let afterWord = false;
    for (let p = 0; p < text.length; p++) {
      const c = text.charCodeAt(p);
      // Printable ASCII is never a space: the full test only for the rest.
      if ((c <= 32 || c >= 127) && isPhraseSpace(c)) {
        afterWord = false;
        continue;
      }
      let lower = c;
      let word = true;
      if (c >= 65 && c <= 90) lower = c + 32;
      else if (!(c >= 97 && c <= 122)) word = (c >= 48 && c <= 57) || c === 95;
      if (word && !afterWord) starts[wordStarts++] = n;
      codes[n++] = lower;
      afterWord = word;
    }
    run++;
    const found = always.map((ids) => [...ids]);
    for (let w = 0; w < wordStarts; w++) {
      const k = starts[w];
      if (k + prefix > n) break;
      for (let id = heads[bucketOf(codes[k], codes[k + 1], codes[k + 2])]; id >= 0; id = chain[id]) {
        if (stamp[id] === run) continue;
        const key = keys[id];
        if (k + key.length > n) continue;
        let j = 0;
        while (j < key.length && key.charCodeAt(j) === codes[k + j]) j++;
        if (j < key.length) continue;
        stamp[id] = run;
        found[listOf[id]].push(indexInList[id]);
      }
    }
    lastText = text;
    lastFound = found;
    return found;
  };

  return lists.map(({ list, notAfterHyphen }, l) => {
    const compile = (phrases: readonly string[]) =>
      new RegExp(`\\b${notAfterHyphen ? '(?<!-)' : ''}(${phrases.map((phrase) => phrase.replace(/ /g, space)).join('|')})\\b`, 'gi');
    const cache = new Map<string, RegExp>();
    return (text: string) => {
      const found = search(text)[l];
      if (!found.length) return [];
      found.sort((a, b) => a - b);
      const cacheKey = found.join(',');
      let regex = cache.get(cacheKey);
      if (!regex) {
        // Sentences vary; keep the cache from growing without end.
        if (cache.size >= 2000) cache.clear();
        regex = compile(found.map((i) => list[i]));
        cache.set(cacheKey, regex);
      }
      const results: Suggestion[] = [];
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) results.push({ index: m.index, offset: m[0].length });
      return results;
    };
  });
}

/**
 * write-good's starts-with-so and there-is find clauses with
 * `/([^\n.;!?]+)([.;!?]+)/g`, which backtracks through the whole of a stretch
 * with no full stop from every position in it: quadratic, half a minute for a
 * 100,000-character note without one. The same clauses in one pass: a run of
 * characters other than "\n.;!?" that one of ".;!?" follows (a run that ends
 * at a line break or the end matches nowhere); the next clause starts after
 * the run of ".;!?". Each clause then gets write-good's own test, so the
 * suggestions are the same (test/fuzz.test.ts compares them).
 */
function clauseStarts(text: string, test: RegExp, offset: (m: RegExpExecArray) => number): Suggestion[] {
  const results: Suggestion[] = [];
  const isEnd = (c: string) => c === '.' || c === ';' || c === '!' || c === '?';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\n' || isEnd(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '\n' && !isEnd(text[j])) j++;
    if (j < text.length && text[j] !== '\n') {
      const m = test.exec(text.slice(i, j));
      // write-good adds the length of the last captured space only (its `(\s)*`).
      if (m) results.push({ index: i + (m[1] ?? '').length, offset: offset(m) });
      while (j < text.length && isEnd(text[j])) j++;
    }
    i = j;
  }
  return results;
}
const soStart = /^(\s)*so\b[\s\S]/i;
const thereIsStart = /^(\s)*there\b\s(is|are)\b/i;
const startsWithSo = (text: string) => clauseStarts(text, soStart, () => 2);
const startsWithThereIs = (text: string) => clauseStarts(text, thereIsStart, (m) => m[0].length - (m[1] ?? '').length);

/** Are two ASCII runs of the text the same in lower case? */
function sameAsciiWord(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    let x = text.charCodeAt(a + k);
    let y = text.charCodeAt(b + k);
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

/**
 * write-good's lexical-illusions check ("the the") without a regular
 * expression match per word: each run of characters other than white space
 * that is, in lower case, the run before it, and holds a word character.
 * Runs of ASCII are compared in place; others (where lower case can change
 * the length: "İ") as write-good does, with toLowerCase.
 */
export function repeatedWords(text: string): Suggestion[] {
  const results: Suggestion[] = [];
  let lastStart = -1;
  let lastEnd = -1;
  let lastAscii = true;
  let i = 0;
  while (i < text.length) {
    let c = text.charCodeAt(i);
    // Printable ASCII is never a space: the full test only for the rest.
    if ((c <= 32 || c >= 127) && isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let hasWordCharacter = false;
    for (;;) {
      if (c >= 127) {
        if (isSpace(c)) break;
        ascii = false;
      } else if (c <= 32) {
        if (isSpace(c)) break;
      } else if (!hasWordCharacter && isWordCode(c)) hasWordCharacter = true;
      if (++i >= text.length) break;
      c = text.charCodeAt(i);
    }
    if (hasWordCharacter && lastStart >= 0) {
      const length = i - start;
      const same =
        ascii && lastAscii
          ? lastEnd - lastStart === length && sameAsciiWord(text, lastStart, start, length)
          : text.slice(lastStart, lastEnd).toLowerCase() === text.slice(start, i).toLowerCase();
      if (same) results.push({ index: start, offset: length });
    }
    lastStart = start;
    lastEnd = i;
    lastAscii = ascii;
  }
  return results;
}

const beWords = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be']);
const irregularParticiples = new Set(phrases.passiveIrregulars);

/**
 * write-good's passive check (passive-voice) without its regular expression
 * of 180 alternatives, which cost about 3 ms on the first note of every run:
 * `\b(am|are|were|being|is|been|was|be)\b\s*([\w]+ed|<irregulars>)\b`, case
 * insensitive, matches where a run of word characters ([A-Za-z0-9_]) that is
 * one of the "be" words is followed by white space only (JavaScript's \s) and
 * a run that ends in "ed" (three characters or more) or is an irregular
 * participle; the match takes both runs. "indeed" matches but is not
 * reported, and a run a match took never starts another.
 */
export function passiveVoice(text: string): Suggestion[] {
  const results: Suggestion[] = [];
  /** Where the last run started and ended, when it was a "be" word. */
  let beStart = -1;
  let beEnd = -1;
  let i = 0;
  while (i < text.length) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    const word = i - start <= 12 ? text.slice(start, i).toLowerCase() : '';
    if (beStart >= 0 && onlySpaces(text, beEnd, start) && (endsWithEd(text, start, i) || irregularParticiples.has(word))) {
      if (word !== 'indeed') results.push({ index: beStart, offset: i - beStart });
      beStart = -1;
      continue;
    }
    if (beWords.has(word)) [beStart, beEnd] = [start, i];
    else beStart = -1;
  }
  return results;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/** Does the run end in "ed", in any case, after at least one more character? */
function endsWithEd(text: string, start: number, end: number): boolean {
  return end - start >= 3 && (text.charCodeAt(end - 2) | 32) === 101 && (text.charCodeAt(end - 1) | 32) === 100;
}

const [findTooWordy, findCliches] = phraseMatchers([
  { list: phrases.tooWordy, notAfterHyphen: true },
  { list: phrases.cliches, notAfterHyphen: false },
]);

/** The checks in write-good's order, with its explanations (plain-english tells checks apart by them). */
export const checkFunctions: Record<string, WriteGoodCheck> = {
  weasel: { fn: weaselWords, explanation: 'is a weasel word' },
  illusion: { fn: repeatedWords, explanation: 'is repeated' },
  so: { fn: startsWithSo, explanation: 'adds no meaning' },
  thereIs: { fn: startsWithThereIs, explanation: 'is unnecessary verbiage' },
  passive: { fn: passiveVoice, explanation: 'may be passive voice' },
  adverb: { fn: adverbWhere, explanation: 'can weaken meaning' },
  tooWordy: { fn: findTooWordy, explanation: 'is wordy or unneeded' },
  cliches: { fn: findCliches, explanation: 'is a cliche' },
  eprime: { fn: ePrime, explanation: "is a form of 'to be'" },
};
