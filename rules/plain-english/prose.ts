// A sentence as plain text for a string checker (write-good), with a map from
// every character back to the note. The text is built from the nlcst leaves,
// not sliced from the note: the source may hold Markdown emphasis, escapes,
// entities, or "> " at the start of continuation lines, none of which write-good
// should see.
import type { Sentence } from 'nlcst';
import { tokensOf } from '../../src/tokens.js';

export interface PlainText {
  text: string;
  /**
   * One entry per leaf that gave text, in order: where its text starts in
   * `text`, and its source range. (Not an offset per character: only the few
   * characters of a suggestion are ever looked up.)
   */
  at: number[];
  from: number[];
  to: number[];
}

interface Leaf {
  type: string;
  value?: string;
  children?: Leaf[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export function plainText(sentence: Sentence): PlainText {
  const out: PlainText = { text: '', at: [], from: [], to: [] };
  const pieces: string[] = [];
  let length = 0;
  const add = (value: string, start: number, end: number) => {
    if (!value) return;
    out.at.push(length);
    out.from.push(start);
    out.to.push(end);
    pieces.push(value);
    length += value.length;
  };
  const visit = (node: Leaf) => {
    if (node.children) {
      for (const child of node.children) visit(child);
      return;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    add(node.value ?? '', start, end);
  };
  // The sentence's tokens (shared with other rules) rather than its nodes. A
  // word whose text is its source is one piece: its letters map one to one.
  // Any other word (an escape, an entity, emphasis inside it) is read leaf by
  // leaf, so that each leaf maps on its own.
  tokensOf(sentence).forEach((token, index) => {
    if (token.kind === 'space') add(' '.repeat(Math.max(1, token.value.length)), token.start, token.end);
    // Inline code is not prose: a neutral word keeps the sentence's shape.
    else if (token.kind === 'source') add('code', token.start, token.end);
    else if (token.end - token.start === token.value.length) add(token.value, token.start, token.end);
    else visit(sentence.children[index] as Leaf);
  });
  out.text = pieces.join('');
  return out;
}

/** The leaf that gave character `i` of the text. */
function leafOf(plain: PlainText, i: number): number {
  let lo = 0;
  let hi = plain.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plain.at[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Source offset where character `i` of the text starts. A leaf whose text is
 * its source maps character by character; any other (an escape, an entity,
 * white space written as one space) maps its first character to its start and
 * the rest into its range.
 */
export function sourceStart(plain: PlainText, i: number): number {
  const leaf = leafOf(plain, i);
  const k = i - plain.at[leaf];
  const start = plain.from[leaf];
  const end = plain.to[leaf];
  return end - start === leafLength(plain, leaf) ? start + k : k === 0 ? start : Math.min(start + k, end - 1);
}

/** Source offset just after character `i` of the text. */
export function sourceEnd(plain: PlainText, i: number): number {
  const leaf = leafOf(plain, i);
  const k = i - plain.at[leaf];
  const start = plain.from[leaf];
  const end = plain.to[leaf];
  const length = leafLength(plain, leaf);
  return end - start === length ? start + k + 1 : k === length - 1 ? end : Math.min(start + k + 1, end);
}

function leafLength(plain: PlainText, leaf: number): number {
  return (leaf + 1 < plain.at.length ? plain.at[leaf + 1] : plain.text.length) - plain.at[leaf];
}

/** Source range of `[index, index + length)` in the plain text. */
export function sourceRange(plain: PlainText, index: number, length: number): [number, number] {
  const last = Math.min(index + Math.max(length, 1), plain.text.length) - 1;
  return [sourceStart(plain, index), sourceEnd(plain, last)];
}
