// What the shared helpers work out about one node of a note (a sentence's
// terms, its clause boundaries, its word-list matches...), kept with the node
// for as long as it lives. Each helper has its own `NodeMemo`; all of them
// keep their values in one array per node, held by the node itself under a
// symbol that is not enumerable: JSON, Object.keys, for...in and deep
// equality do not see it. A WeakMap per helper (a dozen entries per sentence,
// each a lookup in a table as large as the sentences of many notes, and work
// for the garbage collector) cost more than most of the work it saved.
const recordKey = Symbol('recordlint.memo');
/** Records of nodes that cannot take a property (frozen ones). */
const frozen = new WeakMap<object, unknown[]>();
let slots = 0;

function recordOf(node: object): unknown[] {
  let record = (node as { [recordKey]?: unknown[] })[recordKey] ?? frozen.get(node);
  if (!record) {
    record = [];
    if (Object.isExtensible(node)) Object.defineProperty(node, recordKey, { value: record });
    else frozen.set(node, record);
  }
  return record;
}

export class NodeMemo<T> {
  private readonly slot = slots++;

  get(node: object): T | undefined {
    return recordOf(node)[this.slot] as T | undefined;
  }

  set(node: object, value: T): T {
    recordOf(node)[this.slot] = value;
    return value;
  }

  /** The value for `node`, made by `make(node)` the first time. */
  of<N extends object>(node: N, make: (node: N) => T): T {
    const record = recordOf(node);
    let value = record[this.slot] as T | undefined;
    if (value === undefined) record[this.slot] = value = make(node);
    return value;
  }
}
