// Every built-in rule is complete: folder, README, fixtures, metadata that
// --explain and the reporters rely on, and word lists that validate.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/registry.js';
import { guidance } from '../src/guidance.js';
import { presets } from '../src/presets.js';
import { phraseKey, validateLexicon } from '../src/lexicon.js';

const root = new URL('..', import.meta.url).pathname;

describe.each(Object.keys(builtinRules))('rule %s', (id) => {
  it('has its folder, README and fixtures', () => {
    for (const file of ['index.ts', 'README.md']) expect(existsSync(join(root, 'rules', id, file)), file).toBe(true);
    for (const dir of ['valid', 'invalid']) expect(existsSync(join(root, 'fixtures', id, dir)), `fixtures/${id}/${dir}`).toBe(true);
  });

  it('has complete metadata', async () => {
    const rule = (await builtinRules[id]()).default;
    expect(rule.id).toBe(id);
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(rule.meta.guidance.length).toBeGreaterThan(0);
    for (const g of rule.meta.guidance) expect(Object.keys(guidance)).toContain(g);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(['warn', 'error']).toContain(rule.meta.defaultSeverity);
    expect(rule.meta.examples?.bad, 'examples.bad for --explain').toBeTruthy();
    expect(rule.meta.examples?.good, 'examples.good for --explain').toBeTruthy();
  });

  it('word lists in its folder validate', () => {
    const dir = join(root, 'rules', id);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      if (data && Array.isArray(data.entries) && data.entries.some((e: { match?: unknown }) => e.match)) {
        expect(() => validateLexicon(data, `rules/${id}/${file}`)).not.toThrow();
      }
    }
  });
});

describe('presets', () => {
  it('name only registered rules', () => {
    for (const [name, preset] of Object.entries(presets)) {
      for (const id of Object.keys(preset.rules)) expect(Object.keys(builtinRules), `${name} names ${id}`).toContain(id);
    }
  });
});

describe('built-in word lists', () => {
  it('never list one phrase in two lists', () => {
    const lists = ['no-jargon/jargon.json', 'no-unevidenced-label/labels.json', 'respectful-language/respectful.json'];
    const seen = new Map<string, string>();
    for (const list of lists) {
      const path = join(root, 'rules', list);
      if (!existsSync(path)) continue;
      const data = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ id: string; match: string[]; caseSensitive?: boolean }> };
      for (const entry of data.entries) {
        for (const phrase of entry.match) {
          const key = phraseKey(phrase, entry.caseSensitive === true);
          expect(seen.get(key), `"${phrase}" in ${list}#${entry.id}`).toBeUndefined();
          seen.set(key, `${list}#${entry.id}`);
        }
      }
    }
  });
});
