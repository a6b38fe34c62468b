// Presets a config can extend. Severities live here, not in the rules, so a
// preset can be resolved without loading any rule.
import type { SeverityInput } from './types.js';

export type RuleSetting = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];

export interface Preset {
  description: string;
  rules: Record<string, RuleSetting>;
}

export const presets: Record<string, Preset> = {
  'recordlint:recommended': {
    description: 'The checks that hold for any children’s services team, tuned not to cry wolf.',
    rules: {
      'no-email-paste': 'error',
    },
  },
};
