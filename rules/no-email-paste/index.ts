// no-email-paste: an email cut and pasted into a case note, reported once per
// email (or unbroken chain of emails), over the whole of it. How emails are
// found: detect.ts; what a line of one looks like: signals.ts.
import { defineRule } from '../../src/rule.js';
import { describeSignals, findPastedEmails } from './detect.js';

export default defineRule({
  id: 'no-email-paste',
  meta: {
    type: 'problem',
    description: 'Emails pasted into a case note instead of summarised',
    guidance: ['dudley:emails'],
    messages: {
      pastedEmail:
        'This looks like a pasted email ({signals}). Emails should not be cut and pasted into case notes: summarise it instead — who sent it, when, what it said and what it means for {child}.',
    },
    fixable: false,
    defaultSeverity: 'error',
    // The whole email is to be replaced by a summary: what other rules find in it is noise.
    hides: ['*'],
    examples: {
      bad: 'From: Nicola Barratt <n.barratt@school.example.org>\nSent: 25 November 2026 11:47\nTo: Jess Morley\nSubject: Leo - attendance\n\nHi Jess, Leo\'s attendance since September is 81.6%...',
      good: 'Nicola Barratt, the school\'s attendance officer, emailed me on 25 November. She said Leo\'s attendance since September is 81.6% and that he has been late seven times. This means Leo is missing the start of his phonics lessons; I will discuss it with his parents at my next visit.',
    },
  },
  create(context) {
    return {
      'document:end'() {
        const child = childOf(context.frontmatter.data);
        const blocks = findPastedEmails(context.text, { scopes: context.scopes, markdown: context.kind === 'markdown', child });
        for (const block of blocks) {
          context.report({
            messageId: 'pastedEmail',
            data: { signals: describeSignals(block.signals), child: child ?? 'the child' },
            range: [block.start, block.end],
            expected: ['A summary: who sent it, when, what it said, what it means for the child'],
            note: 'A pasted email brings other people’s words, addresses and disclaimers into the child’s record and leaves the reader to work out what matters. Say who sent it, when, what it said and what it means for the child; keep the email itself where your service keeps correspondence.',
          });
        }
      },
    };
  },
});

function childOf(data: Record<string, unknown> | null): string | undefined {
  const child = data?.child;
  return typeof child === 'string' && child.trim() ? child.trim() : undefined;
}
