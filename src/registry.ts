// Built-in rules, loaded only when a config enables them (start-up time matters
// in a pre-commit hook). Add a rule: one line here, and its preset entries in
// src/presets.ts.
import type { Rule } from './rule.js';

type Loader = () => Promise<{ default: Rule<any> }>;

export const builtinRules: Record<string, Loader> = {
  'no-email-paste': () => import('../rules/no-email-paste/index.js'),
  'timely-recording': () => import('../rules/timely-recording/index.js'),
  'record-metadata': () => import('../rules/record-metadata/index.js'),
  'disagreement-outcome': () => import('../rules/disagreement-outcome/index.js'),
  'respectful-language': () => import('../rules/respectful-language/index.js'),
  'no-undefined-abbreviation': () => import('../rules/no-undefined-abbreviation/index.js'),
  'no-jargon': () => import('../rules/no-jargon/index.js'),
  'plain-english': () => import('../rules/plain-english/index.js'),
  'no-unevidenced-label': () => import('../rules/no-unevidenced-label/index.js'),
  'attribute-hearsay': () => import('../rules/attribute-hearsay/index.js'),
  'no-opinion-as-fact': () => import('../rules/no-opinion-as-fact/index.js'),
  'child-voice': () => import('../rules/child-voice/index.js'),
};

/** Built-in rules plus those that plugins bring. */
export class RuleRegistry {
  private loaded = new Map<string, Rule<any>>();
  private loaders = new Map<string, Loader>(Object.entries(builtinRules));

  /** Add rules from a plugin; a clash with a known id is an error. */
  addRules(rules: Array<Rule<any>>, from: string): void {
    for (const rule of rules) {
      if (this.loaders.has(rule.id) || this.loaded.has(rule.id)) throw new Error(`${from}: rule "${rule.id}" is already defined`);
      this.loaded.set(rule.id, rule);
    }
  }

  ids(): string[] {
    return [...new Set([...this.loaders.keys(), ...this.loaded.keys()])].sort();
  }

  has(id: string): boolean {
    return this.loaders.has(id) || this.loaded.has(id);
  }

  async load(id: string): Promise<Rule<any>> {
    const ready = this.loaded.get(id);
    if (ready) return ready;
    const loader = this.loaders.get(id);
    if (!loader) throw new Error(`unknown rule "${id}"`);
    const rule = (await loader()).default;
    this.loaded.set(id, rule);
    return rule;
  }

  async loadAll(): Promise<Array<Rule<any>>> {
    return Promise.all(this.ids().map((id) => this.load(id)));
  }
}
