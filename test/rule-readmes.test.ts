// Every rule's README examples are tests. In rules/<id>/README.md a fenced
// block with the info string `md valid` must give no report from the rule, and
// `md invalid` at least one (`md invalid messageId=foo`: one with that id).
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../src/registry.js';
import { lintWithRule } from './helpers/rule-tester.js';

const fence = /^```(?:md|markdown|text|txt) (valid|invalid)([^\n]*)\n([\s\S]*?)^```$/gm;

for (const id of Object.keys(builtinRules)) {
  describe(`rules/${id}/README.md`, async () => {
    const rule = (await builtinRules[id]()).default;
    const path = new URL(`../rules/${id}/README.md`, import.meta.url).pathname;
    it('exists and has a valid and an invalid example', () => {
      expect(existsSync(path)).toBe(true);
      const text = readFileSync(path, 'utf8');
      const kinds = [...text.matchAll(fence)].map((m) => m[1]);
      expect(kinds).toContain('valid');
      expect(kinds).toContain('invalid');
    });
    if (!existsSync(path)) return;
    const text = readFileSync(path, 'utf8');
    let n = 0;
    for (const m of text.matchAll(fence)) {
      const [, kind, info, code] = m;
      const messageId = /messageId=(\w+)/.exec(info)?.[1];
      it(`example ${++n} (${kind}${messageId ? ` ${messageId}` : ''})`, () => {
        const messages = lintWithRule(rule, code, undefined, 'example.md');
        if (kind === 'valid') expect(messages.map((x) => `${x.messageId}: ${x.actual}`)).toEqual([]);
        else if (messageId) expect(messages.map((x) => x.messageId)).toContain(messageId);
        else expect(messages.length).toBeGreaterThan(0);
      });
    }
  });
}
