// micromark's document tokenizer, at every "lazy" line (a blank line after a
// block quote is one), moves a few events near the end of the document's list
// of events with an EditMap, and EditMap#consume copies the whole list to
// apply any edit. So a note with many block quotes took time in proportion to
// the square of its length: 5,000 one-line quotes (100 KB) took 5 s. Upstream
// knows the shape (micromark/micromark#169); the document tokenizer still
// does it. When the edits are few and near the end, splicing them in gives the
// same list without the copy.
//
// This patches the one EditMap class that micromark uses, for the command and
// the API alike: our dependency is pinned to the version micromark asks for,
// so npm installs one copy (test/micromark-edit-map.test.ts checks that, and
// that the patched method gives the same events as the original).
import { EditMap, type Change } from 'micromark-util-edit-map';

type Event = Parameters<EditMap['consume']>[0][number];

/** The unpatched method: the oracle for the tests. */
export const copyingConsume = EditMap.prototype.consume;

/**
 * EditMap#consume's result, in place, by splicing the edits in from the last
 * to the first. `map` is sorted by index with distinct indices (EditMap merges
 * edits at one index). consume removes, for an edit, only up to where the next
 * edit starts, so a removal is clipped there. Inserts in slices, as micromark's
 * own splice does, so that a long insertion never passes the engine's limit on
 * arguments.
 */
export function spliceEdits<T>(events: T[], map: ReadonlyArray<readonly [number, number, readonly T[]]>): void {
  for (let k = map.length - 1; k >= 0; k--) {
    const [at, remove, add] = map[k];
    const removed = k + 1 < map.length ? Math.min(remove, map[k + 1][0] - at) : remove;
    events.splice(at, removed);
    for (let from = 0; from < add.length; from += 10_000) events.splice(at + from, 0, ...add.slice(from, from + 10_000));
  }
}

EditMap.prototype.consume = function consume(this: EditMap, events: Event[]): undefined {
  const map: Change[] = this.map;
  map.sort((a, b) => a[0] - b[0]);
  // Splicing moves the events after each edit; copying moves them all, twice.
  // An edit past the end is left to the original (it pads the list).
  if (map.length === 0 || map[map.length - 1][0] > events.length || map.length * (events.length - map[0][0]) >= events.length) {
    return copyingConsume.call(this, events);
  }
  spliceEdits(events, map);
  map.length = 0;
  this.index.clear();
};
