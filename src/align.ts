// Align a text node's value with the source it came from.
//
// micromark gives each mdast `text` node a `value` with the Markdown removed:
// blockquote markers and indentation of continuation lines, backslash escapes
// and character references. The value is therefore a subsequence of the
// source, give or take those substitutions (and NUL, which becomes U+FFFD).
// We walk both once (linear time) and record, for each value character, where
// it starts and ends in the source.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

export interface OffsetMap {
  /** Source offset where value character i starts. */
  start: Int32Array;
  /** Source offset just after the source characters that produced value character i. */
  end: Int32Array;
}

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const reference = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/y;

export function alignText(value: string, source: string, from: number, to: number): OffsetMap {
  const start = new Int32Array(value.length);
  const end = new Int32Array(value.length);
  let j = from;
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (j >= to) {
      // The value ran past its source slice: should not happen, but never
      // report outside the node.
      start[i] = to;
      end[i] = to;
      i++;
      continue;
    }
    const s = source[j];
    if (s === c) {
      start[i] = j;
      end[i] = j + 1;
      i++;
      j++;
      continue;
    }
    if (s === '\u0000' && c === '\uFFFD') {
      // micromark replaces NUL with U+FFFD (CommonMark, for security). Left
      // unaligned, every character after it was placed at the node's end.
      start[i] = j;
      end[i] = j + 1;
      i++;
      j++;
      continue;
    }
    if (s === '\\' && source[j + 1] === c && asciiPunctuation.test(c)) {
      start[i] = j;
      end[i] = j + 2;
      i++;
      j += 2;
      continue;
    }
    if (s === '&') {
      const decoded = decodeReference(source, j);
      if (decoded && value.startsWith(decoded.value, i)) {
        for (let k = 0; k < decoded.value.length; k++) {
          start[i + k] = j;
          end[i + k] = j + decoded.length;
        }
        i += decoded.value.length;
        j += decoded.length;
        continue;
      }
    }
    // Markup that the value leaves out: line prefixes ("> ", indentation),
    // trailing spaces, carriage returns.
    j++;
  }
  return { start, end };
}

function decodeReference(source: string, at: number): { value: string; length: number } | undefined {
  reference.lastIndex = at;
  const m = reference.exec(source);
  if (!m) return undefined;
  let value: string | false;
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2], 16);
    // micromark turns invalid code points into U+FFFD.
    value = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  } else {
    value = decodeNamedCharacterReference(m[3]);
  }
  return value ? { value, length: m[0].length } : undefined;
}
