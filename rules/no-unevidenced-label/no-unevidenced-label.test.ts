import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ruleTester, lintWithRule } from '../../test/helpers/rule-tester.js';
import rule from './index.js';
import { itValidatesWordLists, teamWordList } from '../../test/helpers/word-lists.js';

ruleTester(rule, {
  valid: [
    'Riley did not make things up: his account matched what the school saw.',
    'Mum said Riley makes things up.',
    "Dad was aggressive at the door: he shouted that I should leave and slammed the door.",
    "Mum was hostile and swore at me when I asked about the bruise.",
    "Mr Cole was intimidating; he stood over me and pointed his finger at my face.",
    "Dad was aggressive. He threw a mug at the wall and it smashed.",
    "Dad shouted and swore at me in the hallway. He was aggressive throughout the visit.",
    "Mum seemed drunk. I smelled alcohol on her breath and she was slurring her words.",
    "The home was chaotic and I saw nappies and food waste on the kitchen floor.",
    "Dad was hostile and said \"you lot ruin families\" twice.",
    "Mum was aggressive on the phone at 10.15am.",
    "Mum was uncooperative: she cancelled three visits in a row.",
    "Leo was unkempt, and his school jumper had the same stains on it for 4 days.",
    "Mum was uncooperative, for example she would not let me see the bedrooms.",
    "Dad was threatening because he said he would \"sort out\" the neighbour.",
    "There were no signs of aggression during the visit.",
    "Dad was not aggressive.",
    "Mum wasn't hostile at any point.",
    "Mum denied being aggressive towards the children.",
    "Aggression was not observed by anyone at the contact centre.",
    "Maya was not at all withdrawn.",
    "If Dad becomes aggressive, Mum will call 999.",
    "Dad may become hostile if he is challenged about his drinking.",
    "Is Mum hostile to the school, or worried about Leo?",
    "Strategies to manage Leo’s aggression at school are in his plan.",
    "Mum said Dad was aggressive last night.",
    "School feel Jordan is disengaged in lessons.",
    "Ms Jones described Dad as \"volatile\".",
    "Ms Jones described Dad as “volatile”.",
    "It was reported that Dad is aggressive.",
    // Hearsay passives are agentless constructions (attribute-hearsay asks for the source); a passive
    // with someone named after it, or with the person told as subject, still has a speaker.
    "Concerns were raised that Dad is aggressive.",
    "His behaviour was described by his teacher as aggressive.",
    "The family were told that Dad is aggressive.",
    // After "it was ... that" come the words that were said.
    "It was disclosed that Dad is aggressive.",
    "Mum was hostile according to the school.",
    "# Dad’s aggression\n\nWe talked about what happened on Saturday.",
    "> Dean is really aggressive when he has been drinking.",
    "Mum was hostile and said:\n\n> \"I don't want you here.\"",
    "Mum was hostile:\n\n- she swore at me\n- she slammed the door",
    "- Mum was hostile\n- She shouted at me at 10am",
    "---\nchild: Leo Hartley\nnote: Dad aggressive\n---\n\nI visited Leo.",
    "Dad was aggressive.\r\nHe threw a cup at the wall.\r\n",
    "She is having treatment for an aggressive cancer.",
    "The incident was an isolated incident.",
    // A time, date or count in the next sentence counts when it goes on about the same person.
    "Mum was uncooperative. She cancelled three visits in a row.",
    "Mum was hostile. At 3pm on Monday she rang the office 4 times.",
    "The house was dirty. The house had 6 bags of rubbish in the hall.",
    "Dad was hostile. He shouted at me and slammed the door.",
    // "kicked off" is a label, not the action that evidences another one; "the meeting kicked off" is not a label.
    "The meeting kicked off with introductions at 10am.",
    "She does not lack insight into the concerns.",
    {"code":"Marcus was boisterous.","options":{"allow":["boisterous"]}},
    {"code":"Ms Reid told me her son was aggressive at school.\n\nShe said he threw a chair.","filename":"note.txt"},
  ],
  invalid: [
    {
      name: 'an intensifier is part of the label (and plain-english does not report it again)',
      code: 'Mum was very aggressive.',
      errors: [{ messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 24 }],
    },
    {
      name: 'a label of character that casts doubt on a child',
      code: 'Riley often makes things up.',
      errors: [{ messageId: 'unevidenced', line: 1, column: 13, endLine: 1, endColumn: 28 }],
    },
    {
      // A passive speech verb with a thing as subject has no speaker: the label is the writer's.
      code: "When this was raised mum became argumentative.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 33, endLine: 1, endColumn: 46 },
      ],
    },
    {
      code: "When the issue was mentioned Mum became hostile.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 41, endLine: 1, endColumn: 48 },
      ],
    },
    {
      code: "When this was raised Mum was \"argumentative\".",
      errors: [
        { messageId: 'quotedLabel', line: 1, column: 31, endLine: 1, endColumn: 44 },
      ],
    },
    {
      code: "Dad was aggressive at the door and said it was not a good time.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "Mum was hostile throughout.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "The home was chaotic.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 14, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Mum was uncooperative when I tried to discuss Leo’s attendance.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Mum is not coping.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 8, endLine: 1, endColumn: 18 },
      ],
    },
    {
      code: "Mr Ward is aggressive and manipulative.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 12, endLine: 1, endColumn: 22 },
        { messageId: 'unevidenced', line: 1, column: 27, endLine: 1, endColumn: 39 },
      ],
    },
    {
      code: "Leo was unkempt.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Dad was AGGRESSIVE.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "There was aggression from Dad.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Dad spoke aggressively.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 23 },
      ],
    },
    {
      code: "Ruby is a very vulnerable girl who is easily led.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 26 },
        { messageId: 'unevidenced', line: 1, column: 39, endLine: 1, endColumn: 49 },
      ],
    },
    {
      code: "Jordan is attention-seeking in class.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Jordan is attention seeking in class.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Mum was hostile on the phone last week.",
      name: "a vague time is not evidence",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "I think Mum is neglectful.",
      name: "an owned label still needs evidence",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 16, endLine: 1, endColumn: 26 },
      ],
    },
    {
      code: "Dad did not attend the meeting and was hostile on the phone.",
      name: "the negation belongs to another clause",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 40, endLine: 1, endColumn: 47 },
      ],
    },
    {
      code: "Mum was uncooperative. She said Leo had a temperature this morning.",
      name: "a day word in the next sentence is about something else",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Mum presents as overwhelmed. The previous plan was closed in 2024.",
      name: "a bare year in the next sentence is not evidence",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 17, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Mum was hostile.\n\n## Next steps\n\nShe shouted at me.",
      name: "evidence after a heading does not count",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Leo was unkempt.\n\nAt 3pm I phoned the school.",
      name: "a new paragraph starts something else",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Dad was 'volatile'.",
      name: "a scare quote",
      errors: [
        { messageId: 'quotedLabel', line: 1, column: 10, endLine: 1, endColumn: 18 },
      ],
    },
    {
      code: "Dad was “volatile”.",
      name: "a scare quote in curly quotes",
      errors: [
        { messageId: 'quotedLabel', line: 1, column: 10, endLine: 1, endColumn: 18 },
      ],
    },
    {
      code: "- Mum was hostile\n- Dad presented as chaotic",
      name: "list items",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 11, endLine: 1, endColumn: 18 },
        { messageId: 'unevidenced', line: 2, column: 20, endLine: 2, endColumn: 27 },
      ],
    },
    {
      code: "1. Mum was uncooperative.\n2. The children were boisterous and I ended the visit early.",
      name: "a numbered list",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 12, endLine: 1, endColumn: 25 },
        { messageId: 'unevidenced', line: 2, column: 22, endLine: 2, endColumn: 32 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\n# Visit\n\nDad was hostile.",
      name: "after front matter and a heading",
      errors: [
        { messageId: 'unevidenced', line: 8, column: 9, endLine: 8, endColumn: 16 },
      ],
    },
    {
      code: "Observations:\r\n\r\nMum was hostile.\r\nDad was intimidating.\r\n",
      name: "CRLF",
      errors: [
        { messageId: 'unevidenced', line: 3, column: 9, endLine: 3, endColumn: 16 },
        { messageId: 'unevidenced', line: 4, column: 9, endLine: 4, endColumn: 21 },
      ],
    },
    {
      code: "Mum was hostile and uncooperative.",
      options: {"allow":["hostile"]},
      errors: [
        { messageId: 'unevidenced', line: 1, column: 21, endLine: 1, endColumn: 34 },
      ],
    },
    {
      code: "Mum was hostile throughout. Police shared 6 call outs to the address in the last 12 months.",
      name: "a count in the next sentence about someone else is not evidence",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 9, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Dad is hostile to professionals. Mia's weight dropped from the 25th to the 9th centile.",
      name: "a measurement of the baby is not evidence about Dad",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 8, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "He has been kicking off at staff.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 13, endLine: 1, endColumn: 24 },
      ],
    },
    {
      code: "YP was verbally abusive and kicked off before going missing.",
      name: "kicked off is no evidence for abusive",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 17, endLine: 1, endColumn: 24 },
        { messageId: 'unevidenced', line: 1, column: 29, endLine: 1, endColumn: 39 },
      ],
    },
    {
      code: "She appears to lack insight into the concerns.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 16, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Mum is superficially compliant.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 8, endLine: 1, endColumn: 31 },
      ],
    },
    {
      code: "He is splitting staff.",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 7, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Ethan has a mental age of around 8.",
      name: "an age is not a count",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 13, endLine: 1, endColumn: 23 },
      ],
    },
    {
      code: "Visit completed. Dad was drunk.",
      filename: "note.txt",
      errors: [
        { messageId: 'unevidenced', line: 1, column: 26, endLine: 1, endColumn: 31 },
      ],
    },
  ],
});

describe('no-unevidenced-label word lists', () => {
  itValidatesWordLists(new URL('./', import.meta.url), ['labels.json']);

  it('labels.json has at least 60 labels', () => {
    const data = JSON.parse(readFileSync(new URL('labels.json', import.meta.url), 'utf8'));
    expect(data.entries.length).toBeGreaterThanOrEqual(60);
  });
});

describe('no-unevidenced-label messages', () => {
  it('names the label, asks what was seen or heard, and quotes the standard', () => {
    const [m] = lintWithRule(rule, 'Dad was aggressive at the door.');
    expect(m.message).toContain('"aggressive"');
    expect(m.message).toContain('what did you see or hear');
    expect(m.message).toContain('supported with evidence and information');
    expect(m.note).toBeTruthy();
  });

  it('takes team lists through `lexicons`', () => {
    const file = teamWordList([{ id: 'kicking-off', match: ['kicking off'], expected: [], note: 'Describe what happened.', source: 'team' }]);
    const messages = lintWithRule(rule, 'Dad was kicking off in the kitchen.', { lexicons: [file] });
    expect(messages.map((m) => m.actual)).toEqual(['kicking off']);
  });
});
