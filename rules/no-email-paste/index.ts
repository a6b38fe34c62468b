import { defineRule } from '../../src/rule.js';

// Placeholder while the rule is written: reports nothing.
export default defineRule({
  id: 'no-email-paste',
  meta: {
    type: 'problem',
    description: 'Emails pasted into a case note',
    guidance: ['dudley:emails'],
    messages: { pasted: 'This looks like a pasted email.' },
    fixable: false,
    defaultSeverity: 'error',
  },
  create() {
    return {};
  },
});
