import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ruleTester, lintWithRule } from '../../test/helpers/rule-tester.js';
import { phraseKey, inflections, type Lexicon } from '../../src/lexicon.js';
import rule from './index.js';
import labelRule from '../no-unevidenced-label/index.js';
import hearsayRule from '../attribute-hearsay/index.js';
import childVoiceRule from '../child-voice/index.js';
import { itValidatesWordLists } from '../../test/helpers/word-lists.js';

ruleTester(rule, {
  valid: [
    "The kitchen had clean plates on the rack and food in the fridge.",
    "Maya spoke clearly and told me about school.",
    "The bruise was clearly visible on his left arm.",
    "In my professional opinion the bedroom is now a safe and healthy place, because I saw that the mould has gone.",
    "I think the home is lovely.",
    "It is my view that the home is suitable for Freya.",
    "I am worried that Mum is not coping, because she told me she has not slept for three nights.",
    "In my professional opinion Zain is settled. The good-things house was full and he named his carers first.",
    "# What I think\n\nThings at home are getting better and your room is lovely.",
    "## My analysis\n\nHome conditions have improved.",
    "Mum said everything is fine.",
    "Mrs Gorman said she was satisfied with the plan.",
    "School feel the home is unsuitable.",
    "Dr. Okafor thinks the asthma care is good.",
    "Sam had a lovely weekend. He went to the zoo with his dad on Saturday.",
    "The session was lovely: Tia and her mum baked biscuits together.",
    "Mum's care of the baby was good; she changed his nappy and fed him without being asked.",
    "Attendance is poor at 71%.",
    "Maya's attendance has improved to 96% this term.",
    "If the home becomes unsuitable, Mum will tell me.",
    "Is everything fine at home?",
    "Mum had a good night’s sleep for the first time in weeks.",
    "Maya had a bad dream last night and told me about it.",
    "It was lovely to meet you, Maya.",
    "Leo tested positive for Covid.",
    "Information concerning the family was shared with the school.",
    "We all agreed that the plan will stay open for 12 weeks.",
    "Ms Ferris decided, and all of us agreed, that there is reasonable cause to suspect significant harm.",
    "It was agreed by everyone at the meeting that the plan would remain.",
    "It was agreed with Mum that I will visit on Friday.",
    "The kitchen is unhygienic.",
    "Dad is a bad influence.",
    "Maya said her weekend was “brilliant”.",
    "> Everything is fine, Mum is fine, stop asking.",
    {"code":"Ms Gorman said she was “satisfied”.\r\n\r\nDr. Okafor thinks the care is good.\r\n","name":"CRLF"},
    {"code":"The visit was fine.","options":{"allow":["fine"]}},
    { name: "the school has the worry", code: "The school have no concerns about Maya's attendance this term." },
    { name: "a named person has the worry", code: "Ms Shah has no concerns about the bruise on Maya's arm." },
    { name: "a role has the worry", code: "Maya's class teacher had no worries about her reading." },
    { name: "clearly before a speech verb: how he spoke", code: "Kayden clearly said he did not want to go." },
    "Kayden clearly told me that he wants to stay with his nan.",
    { name: "evidence after a colon", code: "Contact went well: Ava laughed when Mum read her a story." },
    { name: "a reason after the verdict", code: "The visit went well because Ava showed me her new bike." },
    { name: "someone else's view", code: "Mum said things are much better at home." },
    { name: "a hearsay passive is the source's view", code: "Concerns were raised that the bedroom was disgusting." },
    { name: "how someone feels is not a verdict", code: "Mum is feeling much better." },
    { name: "got home ok: arriving, not a verdict", code: "Tia got home ok after school." },
    { name: "a hope", code: "I hope the move goes well." },
    { name: "poor with its evidence", code: "Mason has poor attendance: 71% this half term." },
    "Leo has poor eyesight and wears glasses.",
    { name: "the agreement has its owners", code: "Mum and I agreed that she will ring me on Friday." },
    { name: "the decision-maker follows", code: "A decision was made by Ms Ferris to close the case." },
    { name: "no decision is a fact", code: "No decision was made at the meeting." },
    { name: "a form label, not a decision", code: "Agreed actions: Mum to ring the school by Friday." },
    { name: "agreed after its subject", code: "Mum agreed that she would not let Mr Haigh into the house." },
  ],
  invalid: [
    {
      name: "a passive speech verb with a thing as subject has no speaker: the verdict is the writer's",
      code: "When this was raised the bedroom was disgusting.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 38, endLine: 1, endColumn: 48 },
      ],
    },
    {
      code: "The bedroom was disgusting.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 17, endLine: 1, endColumn: 27 },
      ],
    },
    {
      code: "Sam had a lovely weekend.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 11, endLine: 1, endColumn: 17 },
      ],
    },
    {
      code: "Everything is fine.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 15, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "Mum was clearly drunk.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      name: "no concerns with nobody who has them",
      code: "There are no concerns about Maya's attendance.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 11, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Health: no concerns.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 9, endLine: 1, endColumn: 20 },
      ],
    },
    {
      name: "the writer's own summary still needs what was seen",
      code: "I have no concerns about Maya.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 8, endLine: 1, endColumn: 19 },
      ],
    },
    {
      name: "vague staff do not own it",
      code: "Staff have no concerns about Maya.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 12, endLine: 1, endColumn: 23 },
      ],
    },
    {
      name: "clearly before a verb that is not speech",
      code: "Kayden clearly did not want to go.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 8, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "Obviously Mum does not care.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 1, endLine: 1, endColumn: 10 },
      ],
    },
    {
      code: "It is clear that Mum is struggling.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 1, endLine: 1, endColumn: 12 },
      ],
    },
    {
      code: "Leo is a lovely little boy.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 10, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "The house was a mess.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Home conditions were poor.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 22, endLine: 1, endColumn: 26 },
      ],
    },
    {
      code: "The children appeared well cared for.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 23, endLine: 1, endColumn: 37 },
      ],
    },
    {
      code: "Both children appeared well.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 15, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "There are no concerns.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 11, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Tia's presentation after contact is concerning.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 37, endLine: 1, endColumn: 47 },
      ],
    },
    {
      code: "The home is not suitable for a baby.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 17, endLine: 1, endColumn: 25 },
      ],
    },
    {
      code: "The review was positive.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 16, endLine: 1, endColumn: 24 },
      ],
    },
    {
      code: "The children's needs are not being met.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 16, endLine: 1, endColumn: 39 },
      ],
    },
    {
      code: "Mum is failing to safeguard her.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 5, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Risk is increasing.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 1, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "Home conditions have deteriorated since the last visit.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 17, endLine: 1, endColumn: 34 },
      ],
    },
    {
      code: "It is felt that contact should be reviewed.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 11 },
      ],
    },
    {
      code: "It was agreed that the plan would remain at child in need level.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 14 },
      ],
    },
    {
      code: "It was decided that Leo would stay with his grandmother.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "It is considered that the threshold is met.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 17 },
      ],
    },
    {
      code: "There are concerns around possible exploitation.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "Mum is felt to be struggling.",
      errors: [
        { messageId: 'unowned', line: 1, column: 5, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "## Analysis\n\nEverything seemed fine at home.",
      name: "a plain \"Analysis\" heading owns nothing",
      errors: [
        { messageId: 'opinionAsFact', line: 3, column: 12, endLine: 3, endColumn: 23 },
      ],
    },
    {
      code: "- The bedroom was disgusting.\n- It was agreed that Mum will clean it.",
      name: "list items",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 19, endLine: 1, endColumn: 29 },
        { messageId: 'unowned', line: 2, column: 3, endLine: 2, endColumn: 16 },
      ],
    },
    {
      code: "---\nchild: Tia Lowe\ntype: family time\n---\n\nThe session was positive.",
      name: "after front matter",
      errors: [
        { messageId: 'opinionAsFact', line: 6, column: 17, endLine: 6, endColumn: 25 },
      ],
    },
    {
      code: "Everything is fine.\r\nIt is felt that the case can close.\r\n",
      name: "CRLF",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 15, endLine: 1, endColumn: 19 },
        { messageId: 'unowned', line: 2, column: 1, endLine: 2, endColumn: 11 },
      ],
    },
    {
      code: "Overall contact went well.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 17, endLine: 1, endColumn: 26 },
      ],
    },
    {
      code: "Things are much better at home.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 12, endLine: 1, endColumn: 23 },
      ],
    },
    {
      code: "Parents are working well with the plan.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 13, endLine: 1, endColumn: 25 },
      ],
    },
    {
      code: "The children separated well at the end of the session.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 14, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Home ok. The children are doing ok at school.",
      name: "ok after home and doing",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 6, endLine: 1, endColumn: 8 },
        { messageId: 'opinionAsFact', line: 1, column: 33, endLine: 1, endColumn: 35 },
      ],
    },
    {
      code: "Destiny has poor school attendance.",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 13, endLine: 1, endColumn: 17 },
      ],
    },
    {
      code: "The visit was lovely. She seemed happy.",
      name: "a view of someone in the next sentence is not something they did",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Agreed NFA re the injury.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 11 },
      ],
    },
    {
      code: "10/11/25 Agreed that the case will close.",
      name: "a date before the subjectless agreement",
      errors: [
        { messageId: 'unowned', line: 1, column: 10, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "The decision was made to close the case.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Decision made to step down to early help.",
      errors: [
        { messageId: 'unowned', line: 1, column: 1, endLine: 1, endColumn: 14 },
      ],
    },
    {
      code: "The flat was appalling.",
      filename: "note.txt",
      errors: [
        { messageId: 'opinionAsFact', line: 1, column: 14, endLine: 1, endColumn: 23 },
      ],
    },
  ],
});

const read = (file: string) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Lexicon;

describe('no-opinion-as-fact word lists', () => {
  itValidatesWordLists(new URL('./', import.meta.url), ['evaluative.json', 'unowned.json', 'ownership.json']);

  it('shares no phrase with labels.json (labels are no-unevidenced-label’s)', () => {
    const forms = (lexicon: Lexicon) =>
      lexicon.entries.flatMap((e) =>
        e.match.flatMap((p) => {
          const words = p.split(/\s+/);
          const all = [p, ...(e.inflect ? inflections(words[words.length - 1], e.inflect).map((w) => [...words.slice(0, -1), w].join(' ')) : [])];
          return all.map((x) => phraseKey(x, e.caseSensitive === true));
        }),
      );
    const labels = new Set(forms(read('../no-unevidenced-label/labels.json')));
    expect(forms(read('evaluative.json')).filter((p) => labels.has(p))).toEqual([]);
  });
});

describe('no-opinion-as-fact messages', () => {
  it('offers both ways out and quotes the standard', () => {
    const [m] = lintWithRule(rule, 'The bedroom was disgusting.');
    expect(m.message).toContain('describe what you saw or heard');
    expect(m.message).toContain('mark it as your professional opinion and give your reasons');
    expect(m.message).toContain('factual basis for any professional opinions');
  });

  it('asks whose opinion an unowned one is', () => {
    const [m] = lintWithRule(rule, 'It was agreed that the case would close.');
    expect(m.message).toContain('whose opinion or decision is this?');
  });
});

describe('the evidence and attribution rules together', () => {
  const rules = [labelRule, hearsayRule, rule, childVoiceRule];
  const ids = rules.map((r) => r.id);
  const root = new URL('../../fixtures/', import.meta.url).pathname;
  const notesIn = (dir: string) => (existsSync(root + dir) ? readdirSync(root + dir).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md').map((f) => `${dir}/${f}`) : []);
  const files = [...notesIn('notes'), ...ids.flatMap((id) => [...notesIn(`${id}/valid`), ...notesIn(`${id}/invalid`)])];

  it('never report the same words twice', () => {
    const overlaps: string[] = [];
    for (const file of files) {
      const text = readFileSync(root + file, 'utf8');
      // child-voice reports the note as a whole, at its first line.
      const messages = rules.filter((r) => r.id !== 'child-voice').flatMap((r) => lintWithRule(r, text, undefined, file));
      for (const a of messages) {
        for (const b of messages) {
          if (a.ruleId! < b.ruleId! && a.range[0] < b.range[1] && b.range[0] < a.range[1]) overlaps.push(`${file}: ${a.ruleId} "${a.actual}" / ${b.ruleId} "${b.actual}"`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('find nothing in the example notes that meet the standards', () => {
    const found: string[] = [];
    for (const file of notesIn('notes').filter((f) => /-good/.test(f))) {
      const text = readFileSync(root + file, 'utf8');
      for (const r of rules) for (const m of lintWithRule(r, text, undefined, file)) found.push(`${file}:${m.line}:${m.column} ${m.ruleId} "${m.actual}"`);
    }
    expect(found).toEqual([]);
  });
});
