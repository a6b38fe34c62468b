// --cache and --cache-location (src/cache.ts): a hit gives byte for byte the
// report of a cold run, the cache file holds no note text and is owner-only,
// a corrupt cache is ignored and rebuilt, and anything that changes results
// (the note, the config, a team word list, the clock) is a miss.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, configHash, LintCache, lintFilesCached, resolveCacheLocation, defaultCacheName } from '../src/cache.js';
import { Recordlint } from '../src/index.js';
import type { LintMessage } from '../src/types.js';
import { cli, ensureBuilt, type Run } from './helpers/spawn-cli.js';
import { copyFixtureNotes, fixtureNoteNames, tempRoot } from './helpers/folders.js';

const { folder } = tempRoot('recordlint-cache-', '{ "extends": ["recordlint:recommended"] }\n');
beforeAll(() => ensureBuilt(), 120_000);

/** Words of eight letters or more in the notes: none may appear in the cache (hex and base64 would not spell them by chance). */
function noteWords(dir: string): string[] {
  const words = new Set<string>();
  for (const name of readdirSync(dir)) {
    if (!/\.(md|txt)$/.test(name)) continue;
    for (const word of readFileSync(path.join(dir, name), 'utf8').match(/[A-Za-z]{8,}/g) ?? []) words.add(word);
  }
  return [...words];
}

/** A note that has problems of several rules, with a recorded date (so the clock does not matter). */
const visit = `---
event: 2026-11-02T10:00
recorded: 2026-11-03T09:00
author: Sam Okafor
---

Home visit. SW discussed the CIN plan with Mum at the contact centre. Mum was aggressive and non-compliant.
Zephyrine said she likes her new school.
`;

const debugLine = (run: Run) => /cache [^:]+: (\d+) unchanged, (\d+) linted/.exec(run.stderr);

describe.concurrent('recordlint --cache (spawned)', () => {
  it('a second run reads the cache and prints exactly what the first printed (JSON and stylish)', async () => {
    const dir = copyFixtureNotes(folder());
    for (const args of [['-f', 'json'], ['--no-color']]) {
      rmSync(path.join(dir, defaultCacheName), { force: true });
      const cold = await cli(['--cache', '--debug', ...args, '.'], { cwd: dir });
      const warm = await cli(['--cache', '--debug', ...args, '.'], { cwd: dir });
      const uncached = await cli([...args, '.'], { cwd: dir });
      expect(warm.stdout).toBe(cold.stdout);
      expect(uncached.stdout).toBe(cold.stdout);
      expect(warm.code).toBe(cold.code);
      expect(debugLine(cold)?.slice(1)).toEqual(['0', String(fixtureNoteNames.length)]);
      // Notes whose result depends on today's date are linted every time; the rest come from the cache.
      expect(Number(debugLine(warm)?.[1])).toBeGreaterThan(fixtureNoteNames.length / 2);
    }
  }, 120_000);

  it('the cache file holds no note text and no note names, and is owner-only', async () => {
    const dir = copyFixtureNotes(folder());
    writeFileSync(path.join(dir, 'Zephyrine-Okonkwo-visit.md'), visit);
    await cli(['--cache', '.'], { cwd: dir });
    const file = path.join(dir, defaultCacheName);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, 'utf8');
    const words = noteWords(dir);
    expect(words.length).toBeGreaterThan(100);
    expect(words.filter((w) => stored.includes(w))).toEqual([]);
    for (const name of [...fixtureNoteNames, 'Zephyrine-Okonkwo-visit.md']) expect(stored).not.toContain(name.replace(/\.\w+$/, ''));
    expect(stored).not.toContain(dir);
    // Hashes and sealed messages only.
    const data = JSON.parse(stored) as { format: string; entries: Record<string, Record<string, unknown>> };
    expect(data.format).toBe('recordlint-cache');
    for (const entry of Object.values(data.entries)) expect(Object.keys(entry).sort()).toEqual(['config', 'content', 'sealed', 'used']);
    // Rewritten owner-only even when the old file was readable by others.
    chmodSync(file, 0o644);
    writeFileSync(path.join(dir, 'new.md'), 'A new note.\n');
    await cli(['--cache', '.'], { cwd: dir });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('recordlint-tmp'))).toEqual([]);
  }, 120_000);

  it('a corrupt cache is ignored and rebuilt: same report, no error', async () => {
    const dir = folder({ 'visit.md': visit });
    const file = path.join(dir, defaultCacheName);
    const cold = await cli(['-f', 'json', '.'], { cwd: dir });
    await cli(['--cache', '.'], { cwd: dir });
    const good = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { sealed: string; content: string }> };
    const [key] = Object.keys(good.entries);
    const tampered = structuredClone(good);
    tampered.entries[key].sealed = Buffer.from('not what was sealed at all').toString('base64');
    const otherText = structuredClone(good);
    otherText.entries[key].content = '0'.repeat(64);
    const corrupt = [
      'not json at all',
      '',
      '[]',
      '{}',
      JSON.stringify({ ...good, version: 99 }),
      JSON.stringify({ ...good, recordlint: '0.0.0-other' }),
      JSON.stringify({ ...good, entries: { [key]: { ...good.entries[key], used: 'yesterday' } } }),
      JSON.stringify({ ...good, entries: { 'not-a-hash': good.entries[key] } }),
      JSON.stringify(tampered),
      JSON.stringify(otherText),
      '\u0000\u0001binary',
    ];
    for (const text of corrupt) {
      writeFileSync(file, text);
      const run = await cli(['--cache', '-f', 'json', '.'], { cwd: dir });
      expect({ text, stdout: run.stdout, stderr: run.stderr, code: run.code }).toEqual({ text, stdout: cold.stdout, stderr: '', code: cold.code });
      // Rebuilt: valid again, and the next run uses it.
      const rebuilt = JSON.parse(readFileSync(file, 'utf8')) as { format: string };
      expect(rebuilt.format).toBe('recordlint-cache');
      if (text === corrupt[0] || text === JSON.stringify(tampered)) {
        const warm = await cli(['--cache', '--debug', '-f', 'json', '.'], { cwd: dir });
        expect(warm.stdout).toBe(cold.stdout);
        expect(debugLine(warm)?.slice(1)).toEqual(['1', '0']);
      }
    }
    // A folder where the cache file should be: linted all the same, one line on stderr.
    rmSync(file);
    mkdirSync(file);
    const inFolder = await cli(['--cache', '-f', 'json', '.'], { cwd: dir });
    expect(inFolder.stdout).toBe(cold.stdout);
    expect(inFolder.code).toBe(cold.code);
    expect(inFolder.stderr).toBe(`recordlint: cannot write the cache "${defaultCacheName}": it is a directory\n`);
  }, 180_000);

  it('a changed note, config or team word list is linted again', async () => {
    const dir = folder({ 'visit.md': visit, 'team.json': JSON.stringify({ entries: [] }) });
    const count = async () => debugLine(await cli(['--cache', '--debug', '.'], { cwd: dir }))?.slice(1);
    expect(await count()).toEqual(['0', '1']);
    expect(await count()).toEqual(['1', '0']);
    writeFileSync(path.join(dir, 'visit.md'), `${visit}Mum agreed.\n`);
    expect(await count()).toEqual(['0', '1']);
    writeFileSync(path.join(dir, '.recordlintrc.json'), '{ "rules": { "no-jargon": "off" } }\n');
    const run = await cli(['--cache', '-f', 'json', '.'], { cwd: dir });
    expect(run.stdout).not.toContain('"no-jargon"');
    expect(await count()).toEqual(['1', '0']);
    // --rule is part of the config.
    expect(debugLine(await cli(['--cache', '--debug', '--rule', 'no-email-paste:off', '.'], { cwd: dir }))?.slice(1)).toEqual(['0', '1']);
  }, 120_000);

  it('a note whose result depends on the time of the run (no recorded date) is never taken from the cache', async () => {
    const dir = folder({ 'late.md': '---\nevent: 2026-11-02T10:00\n---\n\nHome visit.\n', 'visit.md': visit });
    await cli(['--cache', '.'], { cwd: dir });
    expect(debugLine(await cli(['--cache', '--debug', '.'], { cwd: dir }))?.slice(1)).toEqual(['1', '1']);
  }, 120_000);

  it('--cache-location: a file, an existing folder, or a path ending in a slash; without --cache it is a usage error', async () => {
    const dir = folder({ 'visit.md': visit, 'caches/keep': '' });
    await cli(['--cache', '--cache-location', 'my.cache', '.'], { cwd: dir });
    expect(statSync(path.join(dir, 'my.cache')).mode & 0o777).toBe(0o600);
    await cli(['--cache', '--cache-location', 'caches', '.'], { cwd: dir });
    expect(statSync(path.join(dir, 'caches', defaultCacheName)).isFile()).toBe(true);
    await cli(['--cache', '--cache-location', 'new/place/', '.'], { cwd: dir });
    expect(statSync(path.join(dir, 'new/place', defaultCacheName)).isFile()).toBe(true);
    expect(readdirSync(dir)).not.toContain(defaultCacheName);
    const usage = await cli(['--cache-location', 'my.cache', '.'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^recordlint: --cache-location says where the cache goes: add --cache\n/);
  }, 120_000);

  it('a cache that cannot be written: one line on stderr, the report and exit code as without it', async () => {
    const dir = folder({ 'visit.md': visit, 'plain-file': 'x' });
    const cold = await cli(['-f', 'json', '.'], { cwd: dir });
    const run = await cli(['--cache', '--cache-location', 'plain-file/cache', '-f', 'json', '.'], { cwd: dir });
    expect(run.stdout).toBe(cold.stdout);
    expect(run.code).toBe(cold.code);
    expect(run.stderr).toMatch(/^recordlint: cannot write the cache "plain-file\/cache": \w+\n$/);
  }, 120_000);

  it('--fix with --cache: fixed notes are not cached, and the second --fix changes nothing', async () => {
    const dir = folder({ 'visit.md': visit });
    const first = await cli(['--fix', '--cache', '--debug', '.'], { cwd: dir });
    expect(debugLine(first)?.slice(1)).toEqual(['0', '1']);
    const fixed = readFileSync(path.join(dir, 'visit.md'), 'utf8');
    expect(fixed).toContain('ocial worker (SW)');
    const second = await cli(['--fix', '--cache', '--debug', '.'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'visit.md'), 'utf8')).toBe(fixed);
    expect(debugLine(second)?.slice(1)).toEqual(['0', '1']);
    expect(debugLine(await cli(['--cache', '--debug', '.'], { cwd: dir }))?.slice(1)).toEqual(['1', '0']);
    // A cached note with fixable problems is linted again under --fix-dry-run so the fixes show.
    writeFileSync(path.join(dir, 'other.md'), 'I discussed the CIN plan with Mum.\n');
    await cli(['--cache', '.'], { cwd: dir });
    const dry = await cli(['--cache', '--fix-dry-run', '-f', 'json', 'other.md'], { cwd: dir });
    expect(JSON.parse(dry.stdout)[0].output).toContain('child in need (CIN)');
  }, 120_000);
});

// ---------------------------------------------------------------- the API

describe('LintCache', () => {
  const message: LintMessage = {
    ruleId: 'no-jargon',
    messageId: 'jargon',
    severity: 1,
    message: '"contact centre" is social-care jargon',
    line: 1,
    column: 8,
    endLine: 1,
    endColumn: 22,
    range: [7, 21],
    actual: 'contact centre',
    expected: ['family centre'],
    fix: { range: [7, 21], text: 'family centre' },
  };
  const text = 'At the contact centre.\n';

  it('gives back what was stored for the same note and config, and nothing for another text or config', () => {
    const file = path.join(folder(), 'c');
    const cache = LintCache.load(file, '1.0.0');
    cache.store('/notes/a.md', text, 'a'.repeat(64), [message]);
    cache.save();
    const loaded = LintCache.load(file, '1.0.0');
    expect(loaded.lookup('/notes/a.md', text, 'a'.repeat(64))).toEqual([message]);
    expect(loaded.lookup('/notes/a.md', text.replace('At', 'In'), 'a'.repeat(64))).toBeUndefined();
    expect(loaded.lookup('/notes/a.md', text, 'b'.repeat(64))).toBeUndefined();
    expect(loaded.lookup('/notes/b.md', text, 'a'.repeat(64))).toBeUndefined();
    expect(readFileSync(file, 'utf8')).not.toContain('contact');
    // Another recordlint version: ignored.
    expect(LintCache.load(file, '1.0.1').lookup('/notes/a.md', text, 'a'.repeat(64))).toBeUndefined();
    expect(LintCache.load(file, '1.0.1').stats.rebuilt).toBe(true);
  });

  it('drops entries unused for 30 days', () => {
    const file = path.join(folder(), 'c');
    const cache = LintCache.load(file, '1.0.0', Date.UTC(2026, 0, 1));
    cache.store('/notes/a.md', text, 'a'.repeat(64), []);
    cache.save();
    const later = LintCache.load(file, '1.0.0', Date.UTC(2026, 1, 15));
    later.save();
    expect(LintCache.load(file, '1.0.0').lookup('/notes/a.md', text, 'a'.repeat(64))).toBeUndefined();
  });

  it('lintFilesCached gives the results lintFiles gives, cold and warm', async () => {
    const dir = copyFixtureNotes(folder());
    const engine = () => new Recordlint({ cwd: dir });
    const plain = await engine().lintFiles(['.']);
    const file = path.join(dir, 'api.cache');
    const cold = LintCache.load(file, 'test');
    expect(await lintFilesCached(engine(), ['.'], { cache: cold })).toEqual(plain);
    cold.save();
    const warm = LintCache.load(file, 'test');
    expect(await lintFilesCached(engine(), ['.'], { cache: warm })).toEqual(plain);
    expect(warm.stats.hits).toBeGreaterThan(0);
  }, 60_000);

  it('the config hash ignores key order and where a setting came from, and sees options and word lists', async () => {
    const dir = folder({ 'team.json': '{"entries": []}' });
    const engine = new Recordlint({ cwd: dir });
    const hash = (rules: Record<string, { severity: 0 | 1 | 2; options?: unknown; from: string }>) => configHash({ rules, ignorePatterns: [] }, engine.registry, '1');
    const a = await hash({ 'no-jargon': { severity: 1, options: { allow: ['x'], lexicons: [] }, from: 'a' }, 'no-email-paste': { severity: 2, from: 'a' } });
    const b = await hash({ 'no-email-paste': { severity: 2, from: 'b' }, 'no-jargon': { severity: 1, options: { lexicons: [], allow: ['x'] }, from: 'b' } });
    expect(a).toBe(b);
    expect(await hash({ 'no-email-paste': { severity: 2, from: 'a' }, 'no-jargon': { severity: 1, options: { allow: ['y'], lexicons: [] }, from: 'a' } })).not.toBe(a);
    // A rule that is off does not matter.
    expect(await hash({ 'no-email-paste': { severity: 2, from: 'a' }, 'no-jargon': { severity: 1, options: { allow: ['x'], lexicons: [] }, from: 'a' }, 'child-voice': { severity: 0, from: 'a' } })).toBe(a);
    const list = path.join(dir, 'team.json');
    const withList = () => hash({ 'no-jargon': { severity: 1, options: { lexicons: [list] }, from: 'a' } });
    const before = await withList();
    writeFileSync(list, '{"entries": [], "x": 1}');
    // The hash is memoised per config object; a new object sees the new word list.
    expect(await withList()).not.toBe(before);
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('resolveCacheLocation: default, file, folder', () => {
    const dir = folder({ 'sub/x': '' });
    expect(resolveCacheLocation(dir)).toBe(path.join(dir, defaultCacheName));
    expect(resolveCacheLocation(dir, 'c.json')).toBe(path.join(dir, 'c.json'));
    expect(resolveCacheLocation(dir, 'sub')).toBe(path.join(dir, 'sub', defaultCacheName));
    expect(resolveCacheLocation(dir, 'later/')).toBe(path.join(dir, 'later', defaultCacheName));
  });
});
