// Every rule a preset names is registered, its severity is one recordlint
// knows, and its options pass the rule's own schema; docs/PRESETS.md describes
// every preset and names every rule in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { presets } from '../src/presets.js';
import { builtinRules } from '../src/registry.js';
import { resolveOptions } from '../src/rule.js';

const severities = ['off', 'warn', 'error', 0, 1, 2];
const docs = readFileSync(new URL('../docs/PRESETS.md', import.meta.url), 'utf8');

for (const [name, preset] of Object.entries(presets)) {
  describe(name, () => {
    it('has a description', () => {
      expect(preset.description.length).toBeGreaterThan(10);
    });
    for (const [id, setting] of Object.entries(preset.rules)) {
      it(`${id}: registered, with a valid severity and options`, async () => {
        expect(Object.keys(builtinRules), `"${id}" is not in src/registry.ts`).toContain(id);
        const [severity, options] = Array.isArray(setting) ? setting : [setting];
        expect(severities).toContain(severity);
        const rule = (await builtinRules[id]()).default;
        expect(rule.id).toBe(id);
        expect(() => resolveOptions(rule, options, name)).not.toThrow();
      });
    }
    it('is described in docs/PRESETS.md, with every rule it turns on', () => {
      const section = docs.split(/^## /m).find((s) => s.startsWith(`\`${name}\``));
      expect(section, `no "## \`${name}\`" section in docs/PRESETS.md`).toBeDefined();
      for (const id of Object.keys(preset.rules)) expect(section, `${name} section does not name ${id}`).toContain(`\`${id}\``);
    });
  });
}
