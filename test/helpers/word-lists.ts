// The check every rule with marker lists makes of them: each list validates,
// is not empty, and every entry gives a reason and a source a practitioner
// can follow.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { validateLexicon } from '../../src/lexicon.js';

export function itValidatesWordLists(folder: URL, files: readonly string[]): void {
  for (const file of files) {
    it(`${file} validates and every entry has a note and a source`, () => {
      const list = validateLexicon(JSON.parse(readFileSync(new URL(file, folder), 'utf8')), file);
      expect(list.entries.length).toBeGreaterThan(0);
      for (const entry of list.entries) {
        expect(entry.note.length, entry.id).toBeGreaterThan(20);
        expect(entry.source.length, entry.id).toBeGreaterThan(5);
      }
    });
  }
}
