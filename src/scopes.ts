// Offset ranges of the parts of a note that rules treat differently: code,
// front matter and HTML are never prose; quotations, blockquotes, headings and
// URLs are prose that some rules leave alone, and so are the titles and
// form labels that plain-text notes and templates write without a heading.

export type ScopeName =
  | 'code'
  | 'frontmatter'
  | 'html'
  | 'url'
  | 'blockquote'
  | 'heading'
  /** Text between quotation marks: somebody's own words. */
  | 'quote'
  /** A title or form line inside a paragraph ("About Ibrahim", "Statutory visit 02/12/2025") and a form label ("Placement:"). */
  | 'title';

/** Scopes whose text is never linted as prose, whatever the rule. */
export const alwaysExcluded: readonly ScopeName[] = ['code', 'frontmatter', 'html', 'url'];

export class ScopeIndex {
  private ranges = new Map<ScopeName, Array<[number, number]>>();
  private sealed = false;

  add(name: ScopeName, start: number, end: number): void {
    if (this.sealed) throw new Error('scopes are sealed once the note is parsed');
    if (end <= start) return;
    let list = this.ranges.get(name);
    if (!list) this.ranges.set(name, (list = []));
    list.push([start, end]);
  }

  /** Sort and merge, so lookups can binary-search. */
  seal(): void {
    for (const [name, list] of this.ranges) {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const merged: Array<[number, number]> = [];
      for (const r of list) {
        const last = merged[merged.length - 1];
        if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
        else merged.push([r[0], r[1]]);
      }
      this.ranges.set(name, merged);
    }
    this.sealed = true;
  }

  /** Is `offset` inside a range of this scope? */
  has(name: ScopeName, offset: number): boolean {
    return this.find(name, offset) !== undefined;
  }

  /** Does `[start, end)` overlap a range of this scope? */
  overlaps(name: ScopeName, start: number, end: number): boolean {
    const list = this.ranges.get(name);
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid];
      if (r[1] <= start) lo = mid + 1;
      else if (r[0] >= Math.max(end, start + 1)) hi = mid - 1;
      else return true;
    }
    return false;
  }

  /** The range of this scope that holds `offset`, if any. */
  find(name: ScopeName, offset: number): [number, number] | undefined {
    const list = this.ranges.get(name);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid];
      if (offset < r[0]) hi = mid - 1;
      else if (offset >= r[1]) lo = mid + 1;
      else return r;
    }
    return undefined;
  }

  /** The ranges of this scope that overlap `[start, end)`, in order (binary search: a long note has thousands). */
  overlapping(name: ScopeName, start: number, end: number): ReadonlyArray<readonly [number, number]> {
    const list = this.ranges.get(name);
    if (!list) return [];
    // Sealed ranges are sorted and disjoint, so their ends are sorted too.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<readonly [number, number]> = [];
    for (let i = lo; i < list.length && list[i][0] < end; i++) out.push(list[i]);
    return out;
  }

  list(name: ScopeName): ReadonlyArray<readonly [number, number]> {
    return this.ranges.get(name) ?? [];
  }
}
