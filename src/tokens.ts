// Word-level views of a sentence that rules share: the sentence's tokens with
// source offsets, and "terms" (words split at hyphens, case-folded, apostrophes
// made straight) for phrase matching.
import type { Sentence, SentenceContent, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';

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
}

const sentenceTokens = new WeakMap<Sentence, Token[]>();
const sentenceTerms = new WeakMap<Sentence, Term[]>();

export function tokensOf(sentence: Sentence): Token[] {
  let tokens = sentenceTokens.get(sentence);
  if (!tokens) {
    tokens = sentence.children.map(toToken);
    sentenceTokens.set(sentence, tokens);
  }
  return tokens;
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

export function termsOf(sentence: Sentence): Term[] {
  let terms = sentenceTerms.get(sentence);
  if (terms) return terms;
  terms = [];
  let gap = false;
  sentence.children.forEach((node, index) => {
    if (node.type === 'WhiteSpaceNode') return;
    const last = terms![terms!.length - 1];
    // A plural possessive ("professionals' meeting"): the apostrophe is its own
    // token after the word; fold it in rather than break the phrase.
    if (node.type === 'PunctuationNode' && /^['’]$/.test(node.value) && last && last.end === node.position!.start.offset && /s$/i.test(last.raw)) {
      last.raw += "'";
      last.norm += "'";
      last.bare = last.norm.slice(0, -1);
      last.end = node.position!.end.offset!;
      return;
    }
    if (node.type !== 'WordNode') {
      gap = true;
      return;
    }
    for (const part of wordParts(node)) {
      const raw = part.value.replace(apostrophes, "'");
      const norm = raw.toLowerCase();
      const bare = norm.endsWith("'s") ? norm.slice(0, -2) : norm.endsWith("s'") ? norm.slice(0, -1) : undefined;
      terms!.push({ norm, raw, bare, start: part.start, end: part.end, token: index, gapBefore: gap });
      gap = false;
    }
  });
  sentenceTerms.set(sentence, terms);
  return terms;
}

/** A word split at its hyphens: "attention-seeking" -> attention, seeking. */
function wordParts(word: Word): Array<{ value: string; start: number; end: number }> {
  if (word.children.length === 1) {
    // The usual word: one text node (a word that is only a hyphen has no parts).
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
