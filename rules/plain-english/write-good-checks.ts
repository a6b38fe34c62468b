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
// (lower case, without spaces) is searched for the keys, one map lookup per
// character, and only when some are there is the same regular expression, cut
// down to the phrases whose keys are present, run. Leaving out alternatives
// that cannot match anywhere in the text does not change what the expression
// finds, so the suggestions are exactly write-good's
// (test/write-good-checks.test.ts checks this against the installed packages).
import { adverbWhere, ePrime, passiveVoice, weaselWords } from './write-good-modules.js';
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
  let key = '';
  for (const piece of phrase.split(' ')) {
    const special = piece.search(regexSpecial);
    if (special < 0) {
      key += piece;
      continue;
    }
    // "cease?": the "e" is optional, "ceas" is certain.
    key += piece.slice(0, quantifier.test(piece[special]) ? Math.max(0, special - 1) : special);
    break;
  }
  return key.toLowerCase();
}

/** Characters write-good's spaces match, taken out of the text before looking for keys. */
const spaces = /[\b\s\u200C]+/g;
const prefix = 3;
const bucketBits = 12;
/** A hash of three characters, for a bucket (collisions only cost a `startsWith`). */
const bucketOf = (text: string, at: number) => (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) & ((1 << bucketBits) - 1);

/** The text in lower case without spaces; both matchers see the same sentence one after the other. */
let lastText: string | undefined;
let lastSquashed = '';
function squash(text: string): string {
  if (text !== lastText) {
    lastSquashed = text.toLowerCase().replace(spaces, '');
    lastText = text;
  }
  return lastSquashed;
}

/**
 * A matcher with the semantics of `matcher(new RegExp('\\b(' + alternatives + ')\\b', 'gi'), text)`
 * as no-cliches and too-wordy build it (`(?<!-)` after the `\b` for too-wordy).
 */
export function phraseMatcher(list: readonly string[], notAfterHyphen: boolean): (text: string) => Suggestion[] {
  const alternatives = list.map((phrase) => phrase.replace(/ /g, space));
  const compile = (alts: readonly string[]) => new RegExp(`\\b${notAfterHyphen ? '(?<!-)' : ''}(${alts.join('|')})\\b`, 'gi');
  const keys = list.map(phraseKey);
  // Keys too short to index are checked on every text.
  const short: number[] = [];
  // Phrases by the bucket of their key's first three characters: a chained hash table in two arrays.
  const heads = new Int32Array(1 << bucketBits).fill(-1);
  const chain = new Int32Array(list.length).fill(-1);
  keys.forEach((key, i) => {
    if (key.length < prefix) {
      short.push(i);
      return;
    }
    const bucket = bucketOf(key, 0);
    chain[i] = heads[bucket];
    heads[bucket] = i;
  });
  const stamp = new Int32Array(list.length);
  let run = 0;
  const cache = new Map<string, RegExp>();

  return (text: string) => {
    const squashed = squash(text);
    run++;
    let found: number[] | undefined;
    for (const id of short) {
      if (squashed.includes(keys[id])) (found ??= []).push(id);
    }
    for (let i = 0; i + prefix <= squashed.length; i++) {
      for (let id = heads[bucketOf(squashed, i)]; id >= 0; id = chain[id]) {
        if (stamp[id] !== run && squashed.startsWith(keys[id], i)) {
          stamp[id] = run;
          (found ??= []).push(id);
        }
      }
    }
    if (!found) return [];
    found.sort((a, b) => a - b);
    const cacheKey = found.join(',');
    let regex = cache.get(cacheKey);
    if (!regex) {
      // Sentences vary; keep the cache from growing without end.
      if (cache.size >= 2000) cache.clear();
      regex = compile(found.map((id) => alternatives[id]));
      cache.set(cacheKey, regex);
    }
    const results: Suggestion[] = [];
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) results.push({ index: m.index, offset: m[0].length });
    return results;
  };
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

/** JavaScript's `\s`, one UTF-16 code unit at a time. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const wordCharacter = /\w/;

/**
 * write-good's lexical-illusions check ("the the") without a regular
 * expression match per word: each run of characters other than white space
 * that is, in lower case, the run before it, and holds a word character.
 */
export function repeatedWords(text: string): Suggestion[] {
  const results: Suggestion[] = [];
  let last = '';
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    const lower = word.toLowerCase();
    if (lower === last && wordCharacter.test(word)) results.push({ index: start, offset: word.length });
    last = lower;
  }
  return results;
}

/** The checks in write-good's order, with its explanations (plain-english tells checks apart by them). */
export const checkFunctions: Record<string, WriteGoodCheck> = {
  weasel: { fn: weaselWords, explanation: 'is a weasel word' },
  illusion: { fn: repeatedWords, explanation: 'is repeated' },
  so: { fn: startsWithSo, explanation: 'adds no meaning' },
  thereIs: { fn: startsWithThereIs, explanation: 'is unnecessary verbiage' },
  passive: { fn: passiveVoice, explanation: 'may be passive voice' },
  adverb: { fn: adverbWhere, explanation: 'can weaken meaning' },
  tooWordy: { fn: phraseMatcher(phrases.tooWordy, true), explanation: 'is wordy or unneeded' },
  cliches: { fn: phraseMatcher(phrases.cliches, false), explanation: 'is a cliche' },
  eprime: { fn: ePrime, explanation: "is a form of 'to be'" },
};
