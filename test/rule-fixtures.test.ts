// Fixture convention (docs/DESIGN.md): fixtures/<rule-id>/valid/* give no
// report from the rule; fixtures/<rule-id>/invalid/<name>.<ext> gives exactly
// the reports in <name>.expected.json ([{messageId, line, column, endLine?, endColumn?}]).
// A new fixture needs no new test code.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/registry.js';
import { lintWithRule } from './helpers/rule-tester.js';

const root = new URL('../fixtures/', import.meta.url).pathname;
const notes = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(md|markdown|txt)$/.test(f)).sort() : []);

for (const id of Object.keys(builtinRules)) {
  describe(`fixtures/${id}`, async () => {
    const rule = (await builtinRules[id]()).default;
    for (const file of notes(join(root, id, 'valid'))) {
      it(`valid/${file}`, () => {
        const text = readFileSync(join(root, id, 'valid', file), 'utf8');
        const messages = lintWithRule(rule, text, undefined, file);
        expect(messages.map((m) => `${m.line}:${m.column} ${m.messageId} ${m.actual}`)).toEqual([]);
      });
    }
    for (const file of notes(join(root, id, 'invalid'))) {
      it(`invalid/${file}`, () => {
        const dir = join(root, id, 'invalid');
        const text = readFileSync(join(dir, file), 'utf8');
        const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.\w+$/, '.expected.json')), 'utf8')) as Array<Record<string, unknown>>;
        const messages = lintWithRule(rule, text, undefined, file);
        const got = messages.map((m, i) => {
          const want = expected[i] ?? {};
          const row: Record<string, unknown> = { messageId: m.messageId, line: m.line, column: m.column };
          if ('endLine' in want) row.endLine = m.endLine;
          if ('endColumn' in want) row.endColumn = m.endColumn;
          return row;
        });
        expect(got).toEqual(expected);
      });
    }
  });
}
