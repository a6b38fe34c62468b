// Word-level views of a sentence that rules share: the sentence's tokens with
// source offsets, and "terms" (words split at hyphens, case-folded, apostrophes
// made straight) for phrase matching.
import type { Sentence, SentenceContent, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { NodeMemo } from './memo.js';

export interface Token {
  kind: 'word' | 'punctuation' | 'symbol' | 'space' | 'source';
  value: string;
  start: number;
  end: number;
}

export interface Term {
  /** Case-folded, straight apostrophes. */
  norm: string;
  /** As written (apostrophes made straight), for case-sensitive lists. */
  raw: string;
  /** `norm` without a possessive 's, when it has one. */
  bare?: string;
  start: number;
  end: number;
  /** Index of the token the term belongs to. */
  token: number;
  /** Punctuation, a symbol or code stands between this term and the one before. */
  gapBefore: boolean;
  /**
   * `wordHash(norm)`, or -1 when the term has a `bare` form: word lists test
   * it before they look the word up (src/lexicon.ts). Optional for terms
   * made elsewhere.
   */
  hash?: number;
}

/**
 * A hash of a word in `hashBits` bits, from its length and its first two and
 * last two characters: enough to tell most words apart, and cheap for every
 * word of a note and, at start-up, for the words of every list.
 */
export const hashBits = 14;
export function wordHash(word: string): number {
  const last = word.length - 1;
  if (last < 0) return 0;
  let h = Math.imul(last + 1, 0x9e3779b1) ^ word.charCodeAt(0);
  h = Math.imul(h, 0x01000193) ^ word.charCodeAt(last);
  h = Math.imul(h, 0x01000193) ^ word.charCodeAt(last > 0 ? 1 : 0);
  h = Math.imul(h, 0x01000193) ^ word.charCodeAt(last > 1 ? last - 1 : 0);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 17)) & ((1 << hashBits) - 1);
}

const sentenceTokens = new NodeMemo<Token[]>();
const sentenceTerms = new NodeMemo<Term[]>();

export function tokensOf(sentence: Sentence): Token[] {
  return sentenceTokens.of(sentence, findTokens);
}

function findTokens(sentence: Sentence): Token[] {
  return sentence.children.map(toToken);
}

function toToken(node: SentenceContent): Token {
  const kind =
    node.type === 'WordNode' ? 'word'
    : node.type === 'PunctuationNode' ? 'punctuation'
    : node.type === 'SymbolNode' ? 'symbol'
    : node.type === 'WhiteSpaceNode' ? 'space'
    : 'source';
  return { kind, value: valueOf(node), start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/** `toString(node)` without an array and a join for the usual word of one text node. */
function valueOf(node: SentenceContent | Word['children'][number]): string {
  if ('value' in node) return node.value;
  const children = (node as Word).children;
  return children.length === 1 && 'value' in children[0] ? children[0].value : toString(node);
}

const hyphen = /^[-‐‑–]$/;
const apostrophes = /[’‘ʼ`]/g;

/** Does a word hold one of `apostrophes`? (A loop: RegExp#test cost more than the rest of a term.) */
function hasCurlyApostrophe(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x60) return true;
  }
  return false;
}

export function termsOf(sentence: Sentence): Term[] {
  return sentenceTerms.of(sentence, findTerms);
}

function findTerms(sentence: Sentence): Term[] {
  const terms: Term[] = [];
  let gap = false;
  const children = sentence.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (node.type === 'WhiteSpaceNode') continue;
    if (node.type !== 'WordNode') {
      // A plural possessive ("professionals' meeting"): the apostrophe is its own
      // token after the word; fold it in rather than break the phrase.
      const last = terms[terms.length - 1];
      if (node.type === 'PunctuationNode' && (node.value === "'" || node.value === '’') && last && last.end === node.position!.start.offset && /s$/i.test(last.raw)) {
        last.raw += "'";
        last.norm += "'";
        last.bare = last.norm.slice(0, -1);
        last.hash = -1;
        last.end = node.position!.end.offset!;
      } else {
        gap = true;
      }
      continue;
    }
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only && only.type === 'TextNode') {
      // The usual word: one text node, no hyphen to split at.
      terms.push(makeTerm(only.value, only.position!.start.offset!, only.position!.end.offset!, index, gap));
      gap = false;
    } else {
      for (const part of wordParts(node)) {
        terms.push(makeTerm(part.value, part.start, part.end, index, gap));
        gap = false;
      }
    }
  }
  return terms;
}

/** `value.toLowerCase()`, without the call when it would change nothing (most words): the call cost more than this loop. */
function lowerCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return value.toLowerCase();
  }
  return value;
}

function makeTerm(value: string, start: number, end: number, token: number, gapBefore: boolean): Term {
  const raw = hasCurlyApostrophe(value) ? value.replace(apostrophes, "'") : value;
  const norm = lowerCase(raw);
  const bare = norm.endsWith("'s") ? norm.slice(0, -2) : norm.endsWith("s'") ? norm.slice(0, -1) : undefined;
  return { norm, raw, bare, start, end, token, gapBefore, hash: bare === undefined ? wordHash(norm) : -1 };
}

/** A word split at its hyphens: "attention-seeking" -> attention, seeking. */
function wordParts(word: Word): Array<{ value: string; start: number; end: number }> {
  if (word.children.length === 1) {
    // One child: one part, unless it is a hyphen (a word that is only a hyphen has no parts).
    const child = word.children[0];
    if (child.type !== 'PunctuationNode' || !hyphen.test(child.value)) {
      return [{ value: valueOf(child), start: child.position!.start.offset!, end: child.position!.end.offset! }];
    }
  }
  const parts: Array<{ value: string; start: number; end: number }> = [];
  let current: { value: string; start: number; end: number } | undefined;
  for (const child of word.children) {
    const value = toString(child);
    const start = child.position!.start.offset!;
    const end = child.position!.end.offset!;
    if (child.type === 'PunctuationNode' && hyphen.test(value)) {
      if (current) parts.push(current);
      current = undefined;
    } else if (current) {
      current.value += value;
      current.end = end;
    } else {
      current = { value, start, end };
    }
  }
  if (current) parts.push(current);
  return parts;
}

/** Normalise a phrase the way `termsOf` normalises text: for word lists. */
export function phraseTerms(phrase: string, caseSensitive = false): string[] {
  const straight = phrase.replace(apostrophes, "'").trim();
  return straight
    .split(/[\s\-‐‑–]+/)
    .filter(Boolean)
    .map((w) => (caseSensitive ? w : w.toLowerCase()));
}
