// The marker word lists in src/markers/, which shared modules read for several
// rules (src/evidence.ts, src/negation.ts, src/speech.ts): each validates, and
// every entry gives a reason and a source.
import { readdirSync } from 'node:fs';
import { describe } from 'vitest';
import { itValidatesWordLists } from './helpers/word-lists.js';

const folder = new URL('../src/markers/', import.meta.url);

describe('src/markers word lists', () => {
  itValidatesWordLists(folder, readdirSync(folder).filter((file) => file.endsWith('.json')));
});
