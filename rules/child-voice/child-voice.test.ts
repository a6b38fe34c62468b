import { describe, expect, it } from 'vitest';
import { ruleTester, lintWithRule } from '../../test/helpers/rule-tester.js';
import rule, { classifyTitle, classifyType } from './index.js';
import { itValidatesWordLists } from '../../test/helpers/word-lists.js';
import { childrenOf } from '../../src/children.js';
import { parseNote } from '../../src/parse.js';

ruleTester(rule, {
  valid: [
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya said that her room \"doesn't smell any more\".",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nI explained to Maya why I take notes. She said I could write things down “but not the bit about my friend”.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya told me she likes the purple wall best.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya drew her family and put herself next to Nana.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya showed me her new school shoes.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya chose the green pen and wrote her own name at the top.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nMaya asked if I could come back on her birthday.",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n\nWhen I asked about school Maya shrugged and pointed to the sad face.",
    "---\nchild: Maya Ellison\ntype: visit\n---\n\nDear Maya,\n\nYou showed me your bedroom and you told me that Saturn is your favourite planet.",
    "---\nchild: Maya Ellison\ntype: visit\n---\n\nYou said, \"I can do long words now.\"",
    "---\nchild: Zain Akhtar\ntype: direct work\n---\n\nZain drew a woman on a sofa. He said:\n\n> \"She has to go home by herself on the bus.\"",
    "---\nchild: Zain Akhtar\ntype: direct work\n---\n\nZain: “I want to ring Mum after family time.”",
    "---\nchild: Freya Hartley\ntype: home visit\n---\n\nFreya is 7 months old. She was asleep when I arrived.",
    "---\nchild: Freya Hartley\ntype: home visit\n---\n\nFreya is a baby; I watched her feed and she smiled at her mum.",
    "---\nchild: Leo Hartley\ntype: home visit\n---\n\nLeo did not want to talk to me today. He stayed in his room and I said I would come back on Friday.",
    "---\nchild: Leo Hartley\ntype: home visit\n---\n\nLeo was at school when I visited, so I will see him there on Tuesday.",
    "---\nchild: Leo Hartley\ntype: unannounced visit\n---\n\nThere was no answer at the door at 10am. Leo was not seen.",
    "---\nchild: Sam Reid\ntype: home visit\n---\n\nSam is non-verbal and uses Makaton. He signed \"more\" when I stopped the bubbles.",
    "---\nchild: Tia and Marcus Lowe\ntype: family time\n---\n\nMarcus told his mum about his football match. Tia stayed quiet.",
    "---\nchild: Maya Ellison\ntype: phone call\n---\n\nI phoned Dr Okafor about Maya’s asthma. She told me the last review was in November.",
    "---\nchild: Maya Ellison\ntype: strategy discussion\n---\n\nThe police and school shared what they knew about Maya’s injury.",
    "---\nchild: Maya Ellison\ntype: professionals meeting\n---\n\nWe discussed Maya’s attendance.",
    "---\nchild: Maya Ellison\ntype: supervision\n---\n\nMy manager and I discussed the plan for Maya.",
    "---\nchild: Maya Ellison\ntype: school visit\n---\n\nI met Mrs Whitfield to look at the attendance figures.",
    {"code":"Phone call with Mrs Baptiste about Zain\n\nMrs Baptiste told me the first call went well.","filename":"note.txt","name":"plain text with no front matter, not a visit"},
    {"code":"Visit to Kai\n\nI visited Kai at home after school. Kai told me \"they are the fastest trainers in my class\".","filename":"note.txt","name":"plain text with no front matter, words present"},
    {"code":"---\r\nchild: Maya Ellison\r\ntype: home visit\r\n---\r\n\r\nMaya said \"nothing really\" when I asked what worries her.\r\n","name":"CRLF"},
    {"code":"---\nchild: Maya Ellison\ntype: visit\n---\n\nWe played cards.","options":{"otherTypes":["visit"]},"name":"a team type overrides"},
    "",
    "---\nchild: Maya Ellison\ntype: home visit\n---\n",
    { name: "a hyphenated first name", code: "---\nchild: Ellie-Mae Turner\ntype: home visit\n---\n\nI saw Ellie-Mae at home. Ellie-Mae said \"I like school\"." },
    { name: "a hyphenated first name and a reason", code: "---\nchild: Ellie-Mae Turner\ntype: home visit\n---\n\nEllie-Mae did not want to talk to me today." },
    { name: "a hyphenated baby", code: "---\nchild: Lily-Rose Barker\ntype: home visit\n---\n\nLily-Rose is 5 months old. She was awake in her bouncer when I arrived." },
    { name: "the first name's initial", code: "---\nchild: Kayden Brooks\ntype: home visit\n---\n\nHome visit. K showed me his new bed and said “it doesn’t creak any more”." },
    { name: "the full name's initials", code: "---\nchild: Kayden Brooks\ntype: home visit\n---\n\nKB showed me his new bed." },
    { name: "the initial and a reason", code: "---\nchild: Leah Morgan\ntype: home visit\n---\n\nHome visit. L was shy and did not want to talk to me today." },
    { name: "an initial with an age", code: "Home visit 03/11/2025\n\nPresent: SL (Mum), DL (Dad), J (7), me (social worker).\n\nJ showed me his PS5. He said \"I can text Nan now\".", filename: "note.txt" },
    { name: "Child B", code: "---\ntype: home visit\n---\n\nChild B was at home with her mum. B said \"I like my room\"." },
    { name: "a quotation in a child's-views row of a table", code: "---\nchild: Leah Morgan\ntype: statutory visit\n---\n\n| | |\n|---|---|\n| Child seen | Yes, alone in her bedroom |\n| Child’s views | “I like my new school but I miss Nan.” |\n\nMum was at home." },
    { name: "a management direction titled in a .txt note", code: "Management oversight\nDate: 18/11/2025\n\nDirection: the social worker to do an unannounced home visit within 5 working days.", filename: "note.txt" },
    { name: "a phone call titled in a .txt note, with a visit to come", code: "Phone call with Ms Rahman, class teacher, 10am 03/11/2025\n\nMs Rahman told me Maya was late on six days. I will raise this at my next home visit.", filename: "note.txt" },
    { name: "a supervision heading", code: "# Supervision 21/11/2025\n\nWe discussed the home visit on 18/11/2025 and the rent arrears." },
    { name: "HV for the health visitor", code: "Case notes - Mia Carter\n\n18/11/25 New info from HV re Mia's weight. HV reported she has dropped to the 9th centile.", filename: "note.txt" },
    { name: "a home visit still to come", code: "Case notes - Mia Carter\n\n18/11/25 Call from school. SW to undertake unannounced HV within 5 WD. A home visit is booked for Friday.", filename: "note.txt" },
    { name: "a home visit to be arranged", code: "Case notes - Mia Carter\n\n18/11/25 Call from school. Home visit to be arranged.", filename: "note.txt" },
    { name: "an unborn baby", code: "---\nchild: Unborn baby of Chelsea Platt\ntype: home visit\n---\n\nI visited Chelsea Platt (19) at her flat. The spare room has a cot, still boxed." },
    { name: "an unborn baby, in brackets", code: "---\nchild: Baby Platt (unborn)\ntype: home visit\n---\n\nI visited Chelsea Platt at her flat. The spare room has a cot, still boxed." },
    { name: "a pre-birth visit to a mother with no child named", code: "---\nchild: Baby Platt\ntype: home visit\n---\n\nI visited Chelsea at her flat. She is 28 weeks pregnant and the baby is due on 20/01/2026." },
    { name: "a quotation on a child's-views line", code: "---\nchild: Leah Morgan\ntype: home visit\n---\n\nHome visit.\n\n**Wishes and feelings:** “I want to see Nan more.”" },
  ],
  invalid: [
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nLeo was seen. He was playing on a tablet on the sofa.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 14 },
      ],
    },
    {
      code: "Case notes - Mia Carter\n\n18/11/25 Unannounced HV. Mum and Mia at home. Home warm and tidy.",
      filename: 'note.txt',
      name: "HV that reads as a visit",
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 24 }],
    },
    {
      code: "Home visit following the strategy discussion\n\nThe home was warm. Mia was playing with her doll.",
      filename: 'note.txt',
      name: "a title naming a visit first",
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      code: "I visited Mia after a call from school.\n\nThe home was warm.",
      filename: 'note.txt',
      name: "a first line that is a sentence, not a title",
      errors: [{ messageId: 'missing', line: 1, column: 1 }],
    },
    {
      code: "---\nchild: Maya Platt\ntype: home visit\n---\n\nI visited Maya at home. Mum is 28 weeks pregnant.",
      name: "a born child whose mother is pregnant",
      errors: [{ messageId: 'missing', line: 6, column: 1, message: 'time with Maya' }],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nMum said Leo had a temperature this morning.",
      name: "only an adult speaks about the child",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 45 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nMum was upset. She said \"I just want it to stop\".",
      name: "quotation marks around an adult’s words",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 15 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nMum was uncooperative when I tried to discuss Leo’s attendance. She said he had a temperature.",
      name: "\"she\" is the mother",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 64 },
      ],
    },
    {
      code: "---\nchild: Tia and Marcus Lowe\ntype: family time\n---\n\nMum told the children she would \"sort it out\".",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 47 },
      ],
    },
    {
      code: "---\nchild: Tia Lowe\ntype: supervised contact\n---\n\nTia played with the dolls house for most of the session.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 57 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: visit\n---\n\nI saw the new wallpaper in the bedroom.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 40 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: statutory visit\n---\n\nThe home was warm and there was food in the fridge.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 52 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: direct work\n---\n\nWe did the three houses activity together.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 43 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: LAC visit\n---\n\nMaya was happy and settled.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 28 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: child seen alone\n---\n\nMaya and I sat in the kitchen.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 31 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: Home Visit (announced)\n---\n\nMs Ellison told me mornings are easier.",
      name: "type in any case, with brackets",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 40 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: return home interview\n---\n\nMaya came back at 9pm and went straight to bed.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 48 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: school visit\n---\n\nI saw Maya at school in the library. Her teacher said she is doing well.",
      name: "a school visit where the child was seen",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 37 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: case note\n---\n\nI visited Maya at home after school.",
      name: "unknown type: the text says it was a visit",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 37 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\n---\n\nHome visit. Ms Ellison was at home with both children.",
      name: "no type: \"home visit\" in the text",
      errors: [
        { messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 12 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\n---\n\nUnannounced HV. Leo was playing on a tablet.",
      name: "HV",
      errors: [
        { messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 16 },
      ],
    },
    {
      code: "---\nchild: Kai Brennan\n---\n\nI met with Kai at the family centre. We played football.",
      errors: [
        { messageId: 'missing', line: 5, column: 1, endLine: 5, endColumn: 37 },
      ],
    },
    {
      code: "Visit to Kai\n\nI visited Kai at home at 4pm. Kai was watching television.",
      name: "plain text, no front matter",
      filename: "note.txt",
      errors: [
        { messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\n# Home visit\n\nLeo was playing.",
      name: "report starts at column 1 of the heading",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 13 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\n- Leo seen\n- Home conditions fine",
      name: "a list",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 11 },
      ],
    },
    {
      code: "---\r\nchild: Leo Hartley\r\ntype: home visit\r\n---\r\n\r\nLeo was seen in his bedroom.\r\n",
      name: "CRLF",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 29 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\n> Mum said: \"He never listens to me.\"",
      name: "a blockquote of an adult",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 38 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nDad told me that Leo said he was fine.",
      name: "the child is spoken for at second hand",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 39 },
      ],
    },
    {
      code: "---\nchild: Tia Lowe\ntype: family time\n---\n\nFC reported that Tia had been unsettled overnight. Tia presented as upset.",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 51 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nLeo was seen. Mum said Leo was not at school because he had a temperature.",
      name: "a reason in someone else’s account does not count",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 14 },
      ],
    },
    {
      code: "---\nchild: Leo Hartley\ntype: home visit\n---\n\nMum spoke through an interpreter. Leo played with his cars.",
      name: "a reason about an adult does not count",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 34 },
      ],
    },
    {
      code: "---\nchild: Maya Ellison\ntype: keyworker check-in\n---\n\nMaya had tea with me.",
      name: "a team type",
      options: {"childTypes":["keyworker check-in"]},
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 22 },
      ],
    },
    {
      code: "---\nchild: Ellie-Mae Turner\ntype: home visit\n---\n\nI saw Ellie-Mae at home. Mae said \"it is fine\".",
      name: "part of a hyphenated name is someone else",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 25 },
      ],
    },
    {
      code: "---\nchild: Kayden Brooks\ntype: home visit\n---\n\nHome visit. Mr K said “it is fine”.",
      name: "an initial after a title is an adult",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 12 },
      ],
    },
    {
      code: "---\nchild: Amelia Brown\ntype: home visit\n---\n\nHome visit. Child A was in her room. A said “go away”.",
      name: "\"A\" is never the child",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 12 },
      ],
    },
    {
      code: "---\nchild: Isla Brown\ntype: home visit\n---\n\nHome visit. I said “hello Isla”.",
      name: "\"I\" is never the child",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 12 },
      ],
    },
    {
      code: "---\nchild: Leah Morgan\ntype: home visit\n---\n\nHome visit.\n\nMum’s views: “I want her home.”",
      name: "a quotation under an adult's label",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 12 },
      ],
    },
    {
      code: "---\nchild: Leah Morgan\ntype: home visit\n---\n\nHome visit. Mum said the child’s views: “I want to stay”.",
      name: "a child's-views label inside a sentence is not a template field",
      errors: [
        { messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 12 },
      ],
    },
  ],
});

describe('child-voice initials', () => {
  const initialsOf = (code: string, kind: 'markdown' | 'text' = 'markdown') => [...childrenOf(parseNote(code, kind)).initials].sort();

  it('takes the front-matter child\'s initials', () => {
    expect(initialsOf('---\nchild: Kayden Brooks\n---\n\nHello.')).toEqual(['K', 'KB']);
    expect(initialsOf('---\nchild: Tia and Marcus Lowe\n---\n\nHello.')).toEqual(['M', 'ML', 'T']);
  });

  it('takes initials the note introduces with an age or as "Child B"', () => {
    expect(initialsOf('Present: SL (Mum), J (7), KB (12), Dad (41).', 'text')).toEqual(['J', 'KB']);
    expect(initialsOf('Child B and Child C were at home.', 'text')).toEqual(['B', 'C']);
  });

  it('never takes "I" or "A", which are words', () => {
    expect(initialsOf('---\nchild: Isla\n---\n\nI (7) and Child A were there.')).toEqual([]);
    expect(initialsOf('---\nchild: Amelia Stone\n---\n\nHello.')).toEqual(['AS']);
  });
});

describe('child-voice unborn child', () => {
  it('takes no name from "Unborn" or from the mother after "of"', () => {
    const children = childrenOf(parseNote('---\nchild: Unborn baby of Chelsea Platt\n---\n\nHello.', 'markdown'));
    expect([...children.names]).toEqual([]);
    expect(children.display).toBe('the child');
  });
});

describe('child-voice word lists', () => {
  itValidatesWordLists(new URL('./', import.meta.url), ['note-types.json', 'visit-phrases.json', 'child-words.json', 'no-words-reasons.json', 'unborn.json']);
});

describe('child-voice note types', () => {
  it.each([
    ['home visit', 'child'],
    ['Statutory visit', 'child'],
    ['direct work', 'child'],
    ['family time', 'child'],
    ['LAC visit', 'child'],
    ['phone call', 'other'],
    ['Strategy discussion', 'other'],
    ['core group meeting', 'other'],
    ['child in need meeting', 'other'],
    ['school visit', 'setting'],
    ['case note', 'unknown'],
    [undefined, 'unknown'],
  ])('%s is %s', (type, kind) => {
    expect(classifyType(type)).toBe(kind);
  });
});

describe('child-voice note titles', () => {
  it.each([
    ['Phone call with Ms Rahman, class teacher, 10am 03/11/2025', 'other'],
    ['Management Oversight / Case Direction', 'other'],
    ['Strategy discussion – Noah (4)', 'other'],
    ['Home visit following the strategy discussion', 'child'],
    ['Case notes - Leah Morgan DOB 03/04/2016', 'unknown'],
  ])('%s is %s', (title, kind) => {
    expect(classifyTitle(title)).toBe(kind);
  });
});

describe('child-voice message', () => {
  it('names the child and quotes the standard', () => {
    const [m] = lintWithRule(rule, '---\nchild: Leo Hartley\ntype: home visit\n---\n\nLeo was seen.');
    expect(m.message).toContain('time with Leo');
    expect(m.message).toContain("in Leo's own words");
    expect(m.message).toContain('Where ever possible this should be recorded in the words of the child');
  });

  it('says "the child" when the note does not name one', () => {
    const [m] = lintWithRule(rule, '---\ntype: home visit\n---\n\nThe home was warm.');
    expect(m.message).toContain('time with the child');
  });
});
