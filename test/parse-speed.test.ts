// parse.ts does two things faster than the libraries it used before, with the
// same results: line and column by binary search (vfile-location scanned from
// the first line on every call, which made long notes quadratic), and
// parse-latin's tokenising with positions built once (tokenizeText).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { location } from 'vfile-location';
import { ParseEnglish } from 'parse-english';
import type { SentenceContent } from 'nlcst';
import { pointLocator, tokenizeText, type ParsedNote } from '../src/parse.js';

describe('pointLocator', () => {
  it('gives vfile-location toPoint answers for every offset, and the end for offsets out of range', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '😀', '\u2028'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const place = location(value);
        const pointAt = pointLocator(value);
        const end = place.toPoint(value.length)!;
        // In order, then backwards (it remembers the line of its last answer).
        const offsets = Array.from({ length: value.length + 5 }, (_, i) => i - 2);
        for (const offset of [...offsets, ...offsets.reverse()]) {
          const expected = place.toPoint(offset) ?? end;
          expect(pointAt(offset)).toEqual({ line: expected.line, column: expected.column });
        }
        expect(pointAt(Number.NaN)).toEqual({ line: end.line, column: end.column });
      }),
      { numRuns: 500 },
    );
  });
});

/** What parse.ts did before: parse-latin's tokenize, then every node moved to source offsets. */
function slowTokens(value: string, map: { start: Int32Array; end: Int32Array }, pointAt: ParsedNote['pointAt']): SentenceContent[] {
  const positionOf = (start: number, end: number) => ({ start: { ...pointAt(start), offset: start }, end: { ...pointAt(end), offset: end } });
  const relocate = (node: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (node.position) {
      const s = node.position.start.offset!;
      const e = node.position.end.offset!;
      const start = map.start[s] ?? map.start[map.start.length - 1];
      const end = e > s ? map.end[e - 1] : start;
      node.position = positionOf(start, end);
    }
    if (node.children) for (const child of node.children) relocate(child as typeof node);
  };
  const tokens = new ParseEnglish().tokenize(value);
  for (const token of tokens) relocate(token);
  return tokens;
}

describe('tokenizeText', () => {
  const characters = fc.constantFrom('a', 'Z', '7', ' ', '  ', '\t', '\n', '\r\n', '.', '...', '!?', ',', "'", '’', '-', '—', '“', '”', '(', ')', '&', '%', '£', '😀', '👍🏽', '\ud800', 'é', 'ß', 'ﬁ', '\u00a0', '\u200b', '_', '#', '*', '\u2028', 'ـ', '中文', '١٢');
  it('splits and places tokens as parse-latin plus relocation did', () => {
    fc.assert(
      fc.property(fc.array(characters, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(3), { maxLength: 60 }), (parts, gaps) => {
        const value = parts.join('');
        // A source with markup between some characters (as alignText maps them).
        const start = new Int32Array(value.length);
        const end = new Int32Array(value.length);
        let at = 5;
        for (let i = 0; i < value.length; i++) {
          at += gaps[i % Math.max(1, gaps.length)] ?? 0;
          start[i] = at;
          end[i] = at + 1 + ((gaps[i] ?? 0) === 3 ? 1 : 0);
          at = end[i];
        }
        const source = `${'x\n'.repeat(3)}${'y'.repeat(at)}`;
        const pointAt = pointLocator(source);
        const fast: SentenceContent[] = [];
        tokenizeText(value, { start, end }, pointAt, fast);
        expect(fast).toEqual(slowTokens(value, { start, end }, pointAt));
      }),
      { numRuns: 400 },
    );
  });

  it('places tokens from an offset as from a map that adds it to every character', () => {
    fc.assert(
      fc.property(fc.array(characters, { minLength: 1, maxLength: 40 }), fc.nat(20), (parts, at) => {
        const value = parts.join('');
        const source = `${'x\n'.repeat(at)}${value}\r\ny`;
        const from = source.length - value.length - 3;
        const pointAt = pointLocator(source);
        const byOffset: SentenceContent[] = [];
        tokenizeText(value, from, pointAt, byOffset);
        const byMap: SentenceContent[] = [];
        const map = { start: Int32Array.from({ length: value.length }, (_, i) => from + i), end: Int32Array.from({ length: value.length }, (_, i) => from + i + 1) };
        tokenizeText(value, map, pointAt, byMap);
        expect(byOffset).toEqual(byMap);
      }),
      { numRuns: 200 },
    );
  });
});
