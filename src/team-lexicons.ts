// Team word lists for word-list rules: every such rule takes `lexicons`
// (paths to lists in the docs/LEXICON-FORMAT.md format, made absolute by the
// config loader) and `allow` (entry ids to switch off). A rule compiles its
// built-in list once at module level and what it builds from the options once
// per options object (the linter resolves options once per configuration),
// never once per note.
import { loadLexiconFile, type Lexicon } from './lexicon.js';

export type ExtraFields = Record<string, 'boolean' | 'string' | 'string[]'>;

export interface WordListOptions {
  lexicons?: readonly string[];
  allow?: readonly string[];
}

/**
 * Memoise `build` per options object. Options objects are frozen in practice
 * (resolved once per configuration), so a WeakMap keyed by them is safe and
 * lets them be collected with the configuration.
 */
export function perOptions<O extends object, T>(build: (options: O) => T): (options: O) => T {
  const cache = new WeakMap<O, T>();
  return (options: O) => {
    let value = cache.get(options);
    if (value === undefined && !cache.has(options)) {
      value = build(options);
      cache.set(options, value);
    }
    return value as T;
  };
}

/** Read and validate the team lists named in the options (throws a LexiconError naming the file and entry). */
export function loadTeamLexicons(paths: readonly string[] | undefined, extraFields?: ExtraFields): Lexicon[] {
  return (paths ?? []).map((file) => loadLexiconFile(file, extraFields));
}

/** The `allow` option as a set. */
export function allowSet(options: WordListOptions): ReadonlySet<string> {
  return new Set(options.allow ?? []);
}
