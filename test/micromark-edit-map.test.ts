// src/micromark-edit-map.ts makes micromark's EditMap#consume splice edits
// near the end of the list instead of copying every event. Same events, same
// trees; the time it saves is measured by `npm run bench` (a long note).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { copyingConsume, spliceEdits } from '../src/micromark-edit-map.js';
import { parseNote } from '../src/parse.js';
import { makeNote, rng } from '../scripts/corpus.mjs';

type Edits = Array<[[number, number, number[]], boolean]>;

const edit = (length: number) => fc.tuple(fc.nat(length + 2), fc.nat(6), fc.array(fc.integer({ min: 1000, max: 1999 }), { maxLength: 5 }));
const eventsAndEdits = fc
  .array(fc.nat(999), { maxLength: 40 })
  .chain((events) => fc.tuple(fc.constant(events), fc.array(fc.tuple(edit(events.length), fc.boolean()), { maxLength: 5 })));

function editMap(edits: Edits): EditMap {
  const map = new EditMap();
  for (const [[at, remove, add], before] of edits) (before ? map.addBefore : map.add).call(map, at, remove, [...add] as never[]);
  return map;
}

/** Run `fn` with micromark's original EditMap#consume. */
function unpatched<T>(fn: () => T): T {
  const patched = EditMap.prototype.consume;
  EditMap.prototype.consume = copyingConsume;
  try {
    return fn();
  } finally {
    EditMap.prototype.consume = patched;
  }
}

describe('EditMap#consume, patched', () => {
  it('is patched, and micromark uses the same EditMap (one copy installed)', () => {
    expect(EditMap.prototype.consume).not.toBe(copyingConsume);
    const require = createRequire(import.meta.url);
    const fromMicromark = createRequire(require.resolve('micromark'));
    expect(fromMicromark.resolve('micromark-util-edit-map')).toBe(require.resolve('micromark-util-edit-map'));
  });

  it('gives the events the original gives, for any edits (overlapping, at one index, past the end)', () => {
    fc.assert(
      fc.property(eventsAndEdits, ([events, edits]) => {
        const expected = [...events];
        unpatched(() => editMap(edits).consume(expected as never[]));
        const actual = [...events];
        editMap(edits).consume(actual as never[]);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('splices long insertions in slices', () => {
    const big = Array.from({ length: 30_000 }, (_, i) => i);
    const expected = [...big];
    unpatched(() => editMap([[[5, 2, big.map((i) => -i)], false]]).consume(expected as never[]));
    const actual = [...big];
    spliceEdits(actual, [[5, 2, big.map((i) => -i)]]);
    expect(actual).toEqual(expected);
  });

  it('leaves the trees of notes with block quotes, lists and lazy lines as they were', () => {
    const r = rng(7);
    const quoted = ['> Mum said “it was fine”\nand the school agreed.\n\n', '- item one\nlazy line\n\n', '> > nested\n>\n> again\n\n', '> quote\n\n> another\n', '1. one\n   > in a list\n   lazy\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...quoted), { maxLength: 12 }), fc.nat(2), (parts, notes) => {
        let text = parts.join('');
        for (let i = 0; i < notes; i++) text += makeNote(r, 800);
        const expected = unpatched(() => parseNote(text).mdast);
        expect(parseNote(text).mdast).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
