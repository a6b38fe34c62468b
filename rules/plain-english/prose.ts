// A sentence as plain text for a string checker (write-good), with a map from
// every character back to the note. The text is built from the nlcst leaves,
// not sliced from the note: the source may hold Markdown emphasis, escapes,
// entities, or "> " at the start of continuation lines, none of which write-good
// should see.
import type { Sentence } from 'nlcst';

export interface PlainText {
  text: string;
  /** Source offset where each character starts. */
  starts: number[];
  /** Source offset just after each character. */
  ends: number[];
}

interface Leaf {
  type: string;
  value?: string;
  children?: Leaf[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export function plainText(sentence: Sentence): PlainText {
  const out: PlainText = { text: '', starts: [], ends: [] };
  const add = (value: string, start: number, end: number) => {
    const exact = end - start === value.length;
    for (let i = 0; i < value.length; i++) {
      out.starts.push(exact ? start + i : i === 0 ? start : Math.min(start + i, end - 1));
      out.ends.push(exact ? start + i + 1 : i === value.length - 1 ? end : Math.min(start + i + 1, end));
    }
    out.text += value;
  };
  const visit = (node: Leaf) => {
    if (node.children) {
      for (const child of node.children) visit(child);
      return;
    }
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const value = node.value ?? '';
    if (node.type === 'WhiteSpaceNode') add(' '.repeat(Math.max(1, value.length)), start, end);
    // Inline code is not prose: a neutral word keeps the sentence's shape.
    else if (node.type === 'SourceNode') add('code', start, end);
    else add(value, start, end);
  };
  for (const child of sentence.children) visit(child as Leaf);
  return out;
}

/** Source range of `[index, index + length)` in the plain text. */
export function sourceRange(plain: PlainText, index: number, length: number): [number, number] {
  const last = Math.min(index + Math.max(length, 1), plain.text.length) - 1;
  return [plain.starts[index], plain.ends[last]];
}
