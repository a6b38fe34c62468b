// Front matter keys for the rules that read them (timely-recording,
// record-metadata): a key's value, looked up without regard to case, and where
// the key and its value stand in the note, so a report can point at them.
import type { FrontMatter } from './parse.js';

export interface FrontMatterField {
  /** The key as written. */
  key: string;
  value: unknown;
  /** Offsets of the key, and of its value as written (empty at the end of the key line when there is none). */
  keyRange: [number, number];
  valueRange: [number, number];
}

/** The top-level key `name` (any case) of the front matter, if it is there. */
export function frontMatterField(text: string, frontmatter: FrontMatter, name: string): FrontMatterField | undefined {
  const data = frontmatter.data;
  if (!data || !frontmatter.range) return undefined;
  const wanted = name.toLowerCase();
  const key = Object.keys(data).find((k) => k.toLowerCase() === wanted);
  if (key === undefined) return undefined;
  const [start, end] = frontmatter.range;
  // The key: up to the first colon, without the spaces before it. (Written
  // `[^:\r\n]*?)[ \t]*:` the key was retried with the spaces after every
  // character of a line with no colon: quadratic on a long line of spaces.)
  const line = /^([^\s#:](?:[^:\r\n]*[^:\r\n \t])?)[ \t]*:(?=[ \t]|$)([^\r\n]*)/gm;
  const block = text.slice(start, end);
  for (let m = line.exec(block); m; m = line.exec(block)) {
    const written = m[1].replace(/^(["'])(.*)\1$/, '$2');
    if (written !== key) continue;
    const keyStart = start + m.index;
    const keyEnd = keyStart + m[1].length;
    const raw = m[2];
    // The value without the leading space and a trailing comment.
    const lead = raw.length - raw.trimStart().length;
    const body = withoutComment(raw.slice(lead)).trimEnd();
    const valueStart = start + m.index + m[0].length - raw.length + lead;
    return { key, value: data[key], keyRange: [keyStart, keyEnd], valueRange: [valueStart, valueStart + body.length] };
  }
  // Found by the YAML parser but not on a line of its own (a flow mapping): point at the block.
  return { key, value: data[key], keyRange: [start, start + 3], valueRange: [start, start + 3] };
}

/** A value counts as given when it is not null, blank, an empty list or an empty mapping. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0 || value.every(isBlank);
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * A YAML value without its comment: what `value.replace(/\s+#.*$/, '')` gives
 * (from the spaces before the first "#" that has spaces before it and no line
 * separator after it), in one pass; that expression was quadratic on a long
 * run of spaces.
 */
function withoutComment(value: string): string {
  const lastBreak = Math.max(value.lastIndexOf('\n'), value.lastIndexOf('\r'), value.lastIndexOf('\u2028'), value.lastIndexOf('\u2029'));
  const space = /\s/;
  for (let hash = value.indexOf('#', lastBreak + 1); hash >= 0; hash = value.indexOf('#', hash + 1)) {
    if (hash === 0 || !space.test(value[hash - 1])) continue;
    let from = hash - 1;
    while (from > 0 && space.test(value[from - 1])) from--;
    return value.slice(0, from);
  }
  return value;
}
