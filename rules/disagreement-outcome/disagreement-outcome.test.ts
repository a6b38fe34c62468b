import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { escalateVerb, strongTriggers, weakTriggers } from './index.js';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';

const front = '---\nchild: Jordan Ashworth\nauthor: Rachel Dunne\nevent: 2026-11-20T10:00\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'no disagreement', code: 'I visited Maya at home. We agreed that I will visit again on Monday 30 March.' },
    {
      name: 'resolved, agreed by all',
      code: 'Mrs Gorman did not agree and used the procedure for resolving professional disagreements.\n\nWe all agreed that the plan will stay open for 12 weeks. Mrs Gorman said she considers the disagreement resolved.',
    },
    { name: 'a parent does not agree to the plan', code: 'Mum did not agree to the plan and said she would think about it.' },
    { name: 'a parent disagrees with the school', code: "Mum disagreed with the school's account of the morning." },
    {
      name: "a father, placed by his first mention, disagrees with the school's plan",
      code: "Mr Youssef Haddad (Amir's father) came to the meeting at the school.\n\nMr Haddad did not agree with the school's plan.",
    },
    { name: 'the child disagrees (a pronoun stands for the subject)', code: '---\nchild: Ruby Thornton\n---\n\nRuby told her teacher she disagreed with the plan.' },
    { name: 'a parent, through a pronoun', code: 'Mum told the school she does not agree with the plan.' },
    { name: "the police dispute a carer's account", code: "His nan, Mrs Morgan, looks after Kai.\n\nThe police have disputed Mrs Morgan's account of the incident." },
    { name: 'a template line answered none', code: 'Professional disagreements: none.\n\nDisagreement with the plan: none raised by the school.' },
    { name: 'a refusal is not a disagreement', code: 'The school did not agree to Ruby going on the trip this term.' },
    { name: 'a family argument', code: 'Mum and Dad had a disagreement about money last week.' },
    { name: 'a professional disputes what a parent said', code: "The school disputes Mum's account of the lateness." },
    { name: 'risk escalates, not a person', code: 'The school are worried that the risk may escalate over the holidays.' },
    { name: 'escalation of the case to a conference', code: 'I will discuss with my team manager the escalation to an initial child protection conference.' },
    { name: 'no disagreement, said so', code: 'There was no disagreement between the professionals at the meeting.' },
    { name: 'decided by the manager', code: 'The health visitor disagreed with closing the case. My team manager, Ms Ferris, decided that the case stays open until the review.' },
    { name: 'an escalation route with a date', code: 'The school do not agree with the plan. Mr Pryce will escalate this to the head of service by Friday 4 December.' },
    { name: 'a dated step with the manager', code: 'The police disagreed with the decision to end the plan. I will discuss it with my manager on 27 November and phone DC Greaves the same day.' },
    { name: 'satisfied after discussion', code: 'The IRO challenged the plan at the review. After we talked it through, the IRO was satisfied with the updated plan.' },
    { name: 'challenge withdrawn', code: 'The school raised a formal challenge about the step-down. On 20 November they withdrew their challenge.' },
    { name: 'the outcome is stated', code: 'The health visitor disagreed with the plan.\n\nOutcome: the plan will continue and be reviewed on 1 December.' },
    { name: "quoted words are the speaker's", code: 'Mr Pryce said, "we disagree with the plan".' },
    { name: 'in a blockquote', code: '> The school disagree with the plan.\n\nI visited Jordan at home.' },
    { name: 'challenging behaviour is not a challenge', code: 'School told me about challenging behaviour in class and a challenge for Mum at home.' },
    { name: 'the named professional confirmed', code: "The school disputed the threshold decision. Ms Lister confirmed the decision at the meeting on Friday." },
    { name: 'a child with a hyphenated name disagrees', code: "---\nchild: Ellie-Mae Turner\n---\n\nEllie-Mae does not agree with the school's plan for her." },
    { name: 'a child named with an age disagrees', code: "Visit to Mason Clarke (13).\n\nMason does not agree with the school's plan for him." },
    // An outcome about the disagreement, in another paragraph.
    {
      name: 'later, naming the same professional',
      code: 'Mrs Gale said the school does not agree with closing the plan.\n\nI explained my reasons and showed her the assessment.\n\nMrs Gale agreed with keeping the plan open for three months.',
    },
    {
      name: 'later, under an outcome heading',
      code: "## The school's view\n\nThe school does not agree with closing the plan.\n\n## Outcome\n\nWe all agreed that I will visit every week until the review.",
    },
    { name: 'a view that a plan should go on, agreed by all', code: 'Health felt the plan should continue, and everyone agreed.' },
    { name: 'a view of the plan, agreed by all', code: 'The school felt the plan should be child protection, and everyone agreed.' },
    { name: "a plan's next step is not a disagreement", code: 'The IRO felt the plan should be reviewed in May.' },
    { name: 'a parent thinks the category should be different', code: 'Mum felt the category should be neglect.' },
    { name: 'later, an escalation route with a date', code: 'The health visitor disagreed with the decision to close the case.\n\nI will discuss this with my manager on Monday 30 November.' },
  ],
  invalid: [
    {
      name: 'the CIN meeting trap: "it was agreed" says not who agreed',
      code: `${front}Disagreement:\nMr Pryce stated school do not agree with the plan remaining at CIN level. Mr Pryce stated he will be raising this with the DSL and may escalate. SW advised this would be discussed with TM.\n\nIt was agreed that the plan would remain at CIN level at present.\n\nActions:\nSW to discuss with TM re school's disagreement.\nNext CIN review in 6 weeks.\n`,
      errors: [{ messageId: 'noOutcome', line: 7, column: 1, endLine: 8, endColumn: 74 }],
    },
    {
      name: 'a health visitor disagrees and nothing follows',
      code: 'The health visitor disagreed with the decision to close the case. I visited the family on Monday.',
      errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 66 }],
    },
    { name: 'a professional may escalate', code: 'I phoned the school. The school may escalate.', errors: [{ messageId: 'noOutcome', line: 1, column: 22, endLine: 1, endColumn: 46 }] },
    { name: 'a formal challenge', code: 'Ms Lister raised a formal challenge about the delay in the assessment.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 71 }] },
    { name: 'the worker disagrees with the police', code: "I disagreed with the police's view that no further action was needed.", errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 70 }] },
    { name: 'the IRO challenged the plan', code: 'Visit notes.\n\nThe IRO challenged the plan at the review.', errors: [{ messageId: 'noOutcome', line: 3, column: 1, endLine: 3, endColumn: 43 }] },
    { name: 'a step with no date', code: "Actions:\nSW to discuss with TM re school's disagreement.", errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 2, endColumn: 48 }] },
    { name: 'the procedure named, and nothing after', code: 'The school used the professional disagreement procedure. We will meet again.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 57 }] },
    { name: 'escalated without a date or an outcome', code: 'The school escalated the matter to the head of service.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 56 }] },
    { name: 'in a list item', code: 'Notes:\n\n- The school does not agree with the decision to end the plan.\n- Jordan was seen.', errors: [{ messageId: 'noOutcome', line: 3, column: 3, endLine: 3, endColumn: 63 }] },
    {
      name: 'two disagreements: one report, at the first',
      code: 'The police disputed the threshold.\n\nThe school also disagreed with the plan.',
      errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 35 }],
    },
    { name: 'not happy with the decision', code: 'The headteacher was not happy with the decision to step down the plan.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 71 }] },
    { name: 'it was decided does not say who decided', code: 'The school disagreed with the plan. It was decided that the plan stays.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 36 }] },
    {
      name: 'a professional placed by his first mention',
      code: 'Present: Mr Owen Pryce (head of year, Castlebridge High School).\n\nMr Pryce does not agree with the plan.',
      errors: [{ messageId: 'noOutcome', line: 3, column: 1, endLine: 3, endColumn: 39 }],
    },
    { name: 'a pronoun for the school', code: 'The school said they do not agree with the plan.', errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 49 }] },
    { name: 'in a heading', code: '# Disagreement with the school about the plan\n\nWe met at 1pm.', errors: [{ messageId: 'noOutcome', line: 1, column: 3, endLine: 1, endColumn: 46 }] },
    // An agreement about something else does not address the disagreement.
    {
      name: 'an unrelated agreement before the disagreement',
      code: 'We agreed that Mum will take Ruby to the dentist on Monday.\n\nThe health visitor disagreed with the decision to close the case.',
      errors: [{ messageId: 'noOutcome', line: 3, column: 1, endLine: 3, endColumn: 66 }],
    },
    {
      name: 'an unrelated agreement after it, in another paragraph',
      code: 'The school do not agree with the plan to close the case.\n\nI visited Mum at home. Mum and I agreed that she will ring the GP.',
      errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 57 }],
    },
    {
      name: 'an agreement in an earlier section',
      code: '## Visit\n\nWe agreed that I will visit every Monday.\n\n## School\n\nThe school does not agree with closing the plan.',
      errors: [{ messageId: 'noOutcome', line: 7, column: 1, endLine: 7, endColumn: 49 }],
    },
    {
      name: 'a professional felt the category should be another: "this was noted" is no outcome',
      code: 'It was agreed that both children be made subject to plans under the category of neglect. Health felt the category should be emotional abuse, this was noted.',
      errors: [{ messageId: 'noOutcome', line: 1, column: 90, endLine: 1, endColumn: 157 }],
    },
    {
      name: 'a school thought the plan should be at another level',
      code: 'The school thought that the plan should be child protection, not child in need.',
      errors: [{ messageId: 'noOutcome', line: 1, column: 1, endLine: 1, endColumn: 80 }],
    },
  ],
});

describe('meta.examples (shown by --explain)', () => {
  it('the bad example is reported and the good one is not', () => {
    expect(lintWithRule(rule, rule.meta.examples!.bad).length).toBeGreaterThan(0);
    expect(lintWithRule(rule, rule.meta.examples!.good)).toEqual([]);
  });
});

describe('triggers', () => {
  it('every match holds one of the words that let the trigger run', () => {
    // The examples of this file and the README, and every fixture note.
    const here = path.dirname(new URL(import.meta.url).pathname);
    const fixtures = path.join(here, '../../fixtures');
    const texts = [readFileSync(new URL(import.meta.url), 'utf8'), readFileSync(path.join(here, 'README.md'), 'utf8')];
    for (const entry of readdirSync(fixtures, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.(md|txt)$/.test(entry.name)) texts.push(readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    }
    const lines = texts.flatMap((text) => text.split('\n'));
    let matched = 0;
    for (const trigger of [...strongTriggers, escalateVerb, ...weakTriggers]) {
      for (const line of lines) {
        if (!trigger.pattern.test(line)) continue;
        matched++;
        expect(trigger.needs.some((word) => line.toLowerCase().includes(word)), `${trigger.pattern} on ${line}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(30);
  });
});
