// Wording that rules reporting a term once per note share.

/** "a", "a or b", "a, b or c". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The sentence a once-per-note report ends with: how many later uses it stands for ('' for none). */
export function moreUses(count: number): string {
  return count === 0 ? '' : ` It is used ${count} more time${count === 1 ? '' : 's'} after this.`;
}
