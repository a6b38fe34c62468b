// The example notes (fixtures/notes, fixtures/README.md) and the precision
// survey notes (fixtures/survey, its README): the good example notes give no
// finding at all, and every finding on all of them is pinned in a snapshot
// file. A change to any rule shows here as a diff of findings, note by note.
// Read it before accepting it with `npx vitest run test/example-notes.test.ts -u`.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles, type LintResult } from '../src/index.js';
import { clock } from '../rules/timely-recording/index.js';
import { repo } from './helpers/spawn-cli.js';

const examples = path.join(repo, 'fixtures/notes');
const survey = path.join(repo, 'fixtures/survey');

// A note with an event and no `recorded` date is timed against now: a fixed now keeps the snapshots still.
const realNow = clock.now;
beforeAll(() => {
  clock.now = () => Date.UTC(2025, 11, 1, 12);
});
afterAll(() => {
  clock.now = realNow;
});

/** One line per finding: note, position, severity, rule and message id, and the words reported. */
function findings(results: LintResult[], from: string): string {
  const lines = [...results]
    .sort((a, b) => a.filePath.localeCompare(b.filePath))
    .flatMap((result) => {
      const file = path.relative(from, result.filePath).split(path.sep).join('/');
      if (result.messages.length === 0) return [`${file}: no findings`];
      return result.messages.map((m) => {
        const severity = m.severity === 2 ? 'error' : 'warn';
        const words = m.actual === undefined ? '' : ` ${JSON.stringify(m.actual.length > 60 ? `${m.actual.slice(0, 57)}...` : m.actual)}`;
        return `${file}:${m.line}:${m.column} ${severity} ${m.ruleId}/${m.messageId}${words}`;
      });
    });
  return `${lines.join('\n')}\n`;
}

describe('fixtures/notes, the example notes (recommended preset)', () => {
  it('gives no finding on the good notes', async () => {
    const good = readdirSync(examples).filter((file) => /-good[.-]/.test(file));
    expect(good).toHaveLength(8);
    const results = await lintFiles(good.map((file) => path.join(examples, file)), { useConfigFiles: false });
    expect(results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.column} ${m.ruleId}/${m.messageId}`))).toEqual([]);
  });

  it('gives the pinned findings on every note', async () => {
    const results = await lintFiles([examples], { useConfigFiles: false });
    await expect(findings(results, examples)).toMatchFileSnapshot('snapshots/example-notes.txt');
  });
});

describe('fixtures/survey, the precision survey notes', () => {
  const folders = ['notes', 'probes', 'second/notes', 'second/probes'].map((folder) => path.join(survey, folder));

  it('gives the pinned findings with the recommended preset', async () => {
    const results = await lintFiles(folders, { useConfigFiles: false });
    await expect(findings(results, survey)).toMatchFileSnapshot('snapshots/survey-recommended.txt');
  });

  it('gives the pinned findings with the Coventry preset', async () => {
    const results = await lintFiles(folders, { useConfigFiles: false, config: { extends: ['recordlint:coventry'] } });
    await expect(findings(results, survey)).toMatchFileSnapshot('snapshots/survey-coventry.txt');
  });
});
