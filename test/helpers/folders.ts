// Temporary folders for the tests that lint files: one root for a test file,
// removed after its tests, and a fresh folder in it for each test; and copies
// of the example notes, fixtures/notes.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { repo } from './spawn-cli.js';

/** File names (subfolders are made as needed) and contents; an object that is not a Buffer is written as JSON. */
export type Files = Record<string, string | Buffer | object>;

/**
 * A root folder named from prefix, readable by the unprivileged user some
 * tests run as. A config given is written there as .recordlintrc.json, so it
 * applies to every folder below unless a test writes its own, whatever config
 * is above the temporary folder. `folder(files)` makes a fresh folder in the
 * root holding those files.
 */
export function tempRoot(prefix: string, config?: string): { root: string; folder: (files?: Files) => string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(root, 0o755);
  if (config !== undefined) writeFileSync(path.join(root, '.recordlintrc.json'), config);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let folders = 0;
  const folder = (files: Files = {}): string => {
    const dir = path.join(root, `t${++folders}`);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(dir, name);
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
      writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
    }
    return dir;
  };
  return { root, folder };
}

/** The example notes, and the names of the notes in their folder. */
export const fixtureNotesDir = path.join(repo, 'fixtures/notes');
export const fixtureNoteNames = readdirSync(fixtureNotesDir).filter((f) => /\.(md|markdown|txt)$/.test(f));

/** Copy the example notes into dir; returns dir. */
export function copyFixtureNotes(dir: string): string {
  for (const name of fixtureNoteNames) copyFileSync(path.join(fixtureNotesDir, name), path.join(dir, name));
  return dir;
}
