// The check every marker word list gets (in src/markers/ and in rule
// folders): it validates, is not empty, and every entry gives a reason and a
// source a practitioner can follow. And team word lists, for the rules that
// take them in `lexicons`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
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

/** A team word list holding these entries, written to team.json in a temporary folder that goes when the test ends; returns its path. */
export function teamWordList(entries: object[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'recordlint-team-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'team.json');
  writeFileSync(file, JSON.stringify({ entries }));
  return file;
}
