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
      'no-undefined-abbreviation': 'warn',
      'no-jargon': 'warn',
      'plain-english': ['warn', { checks: { sentenceLength: true }, maxWords: 50 }],
      'respectful-language': 'warn',
      'timely-recording': 'warn',
      'record-metadata': 'warn',
      'disagreement-outcome': 'warn',
      'no-unevidenced-label': 'warn',
      'attribute-hearsay': 'warn',
      'no-opinion-as-fact': 'warn',
      'child-voice': 'warn',
    },
  },
  // Coventry Record Keeping Practice Guidance (2018). See docs/PRESETS.md for
  // the lines of the standard each setting encodes.
  'recordlint:coventry': {
    description: 'Coventry Record Keeping Practice Guidance (2018): two working days (24 hours for significant harm), no abbreviations at all, notes dated and signed, respectful language.',
    rules: {
      'timely-recording': ['error', { workingDays: 2, urgentHours: 24, standard: "Coventry's Record Keeping Practice Guidance" }],
      'no-undefined-abbreviation': ['error', { mode: 'never' }],
      'no-jargon': 'warn',
      'plain-english': ['warn', { checks: { sentenceLength: true }, maxWords: 50 }],
      'record-metadata': ['error', { required: ['author', 'event'], requireFrontMatter: true }],
      'respectful-language': 'warn',
      'no-unevidenced-label': 'warn',
      'attribute-hearsay': 'warn',
      'no-opinion-as-fact': 'warn',
      'child-voice': 'warn',
    },
  },
  // Dudley Practice Standard: Recording. See docs/PRESETS.md.
  'recordlint:dudley': {
    description: 'Dudley Practice Standard: Recording: three working days (24 hours for urgent information), no pasted emails, disagreements shown as addressed, clear and respectful notes.',
    rules: {
      'timely-recording': ['error', { workingDays: 3, urgentHours: 24, standard: "Dudley's Practice Standard: Recording" }],
      'no-email-paste': 'error',
      'disagreement-outcome': 'warn',
      'no-undefined-abbreviation': 'warn',
      'no-jargon': 'warn',
      // "Concise": sentences over 50 words. At 45, one sentence of the good example notes is reported.
      'plain-english': ['warn', { checks: { sentenceLength: true }, maxWords: 50 }],
      'respectful-language': 'warn',
      'no-unevidenced-label': 'warn',
      'attribute-hearsay': 'warn',
      'no-opinion-as-fact': 'warn',
      'child-voice': 'warn',
      'record-metadata': ['warn', { required: ['event'] }],
    },
  },
};
