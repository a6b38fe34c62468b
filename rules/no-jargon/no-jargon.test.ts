import { describe, expect, it } from 'vitest';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';
import { teamWordList } from '../../test/helpers/word-lists.js';
import { validateLexicon } from '../../src/lexicon.js';
import { Recordlint } from '../../src/index.js';
import rule from './index.js';
import data from './jargon.json' with { type: 'json' };

ruleTester(rule, {
  valid: [
    // A template's title line and field label, above prose that says it plainly.
    { code: 'Return home interview – Leah Morgan\nLeah talked with me at school about the night she was missing.', filename: 'note.txt' },
    "I contacted the school and asked for their contact details.",
    "SW to contact school about attendance.",
    "Mum has had no contact with Dad since March.",
    "He made eye contact and smiled.",
    "I was in contact with the police on Monday.",
    "Tia said \"I hate contact, it is boring\".",
    "> Contact between the children and their mother shall be supervised.\n\nI read the order to Mum.",
    "## Contact\n\nTia saw her mum at the family centre on Saturday.",
    "She is on a work placement at the garage, and the court made a placement order.",
    "He stood on the threshold of the door.",
    "In case of a fire, leave by the back door. The case conference is on Monday.",
    "A core group is a meeting of the family and the workers who carry out the plan. The core group met on Monday.",
    "We did some direct work (drawing and talking about his three houses) and the direct work helped.",
    "Tia enjoyed family time (contact) on Saturday.",
    "Tia saw her brothers and sisters at the park, and she lives with her foster carer Mrs Kerr.",
    "Mum came to three of the four parenting sessions and talked about bedtimes.",
    { name: "allow option", code: "She moved to a new placement.", options: {"allow":["placement"]} },
    "We talked about the presentation she gave to her class.",
    "Mum engaged a solicitor and the engagement party is in June.",
    "My case notes are up to date.",
    "The Multi-Agency Safeguarding Hub passed the referral on.",
    { name: "the statutory test for significant harm", code: "The threshold for significant harm is met because Noah has a bruise on his cheek." },
    { name: "the statutory test for a section 47 enquiry", code: "The threshold for a child protection enquiry under section 47 of the Children Act 1989 is met. The threshold for s47 was met on Friday." },
    { name: "a criminal record check", code: "Both parents have had DBS checks and no offences were disclosed." },
    { name: "the name of a fund", code: "I told Shannon about the care leavers' hardship fund." },
    { name: "the legal basis for care", code: "Noah was accommodated under section 20 of the Children Act 1989, with his mum's agreement." },
    { name: "going to hospital", code: "Destiny's presentation at A&E was recorded by the nurse as calm and alert." },
    { name: "strat as a word of its own (a guitar, a game plan)", code: "He plays a Strat in a band. He said his strat in the game is to hide." },
    { name: "step ... down in ordinary English", code: "He stepped down from the stage. She had to step back down the stairs. The head stepped down from her post. Dad stepped the ladder down from the loft." },
    { name: "step ... up in ordinary English", code: "We stepped the visits up to twice a week, and Mum stepped her efforts up. Dad is stepping up and does the school run." },
  ],
  invalid: [
    {
      name: "a term in brackets after words that are not its plain alternative",
      code: "Mum came to the meeting on Monday (core group).\n\nShe has mental health issues (toxic trio).",
      errors: [
        { messageId: 'jargon', line: 1, column: 36, endLine: 1, endColumn: 46 },
        { messageId: 'jargon', line: 3, column: 31, endLine: 3, endColumn: 41 },
      ],
    },
    {
      name: "a stigmatising term is reported even when it is explained",
      code: "Toxic trio is when a parent misuses drugs, has mental ill health and there is domestic abuse. The toxic trio is present.",
      errors: [{ messageId: 'jargon', line: 1, column: 1, endLine: 1, endColumn: 11 }],
    },
    {
      name: "stepped up after was, and strat before to be",
      code: "The case was stepped up in May.\n\nStrat to be considered re exploitation.",
      errors: [
        { messageId: 'jargon', line: 1, column: 14, endLine: 1, endColumn: 24 },
        { messageId: 'jargon', line: 3, column: 1, endLine: 3, endColumn: 6 },
      ],
    },
    {
      code: "Tia was upset after contact.",
      errors: [
        { messageId: 'jargon', line: 1, column: 21, endLine: 1, endColumn: 28 },
      ],
    },
    {
      code: "Mum failed to engage with the parenting course.",
      errors: [
        { messageId: 'rewrite', line: 1, column: 5, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "He presented as withdrawn.",
      errors: [
        { messageId: 'jargon', line: 1, column: 4, endLine: 1, endColumn: 16 },
      ],
    },
    {
      name: "a venue's name is left alone",
      code: "Contact with her dad took place at the Oakfield Contact Centre.",
      errors: [
        { messageId: 'jargon', line: 1, column: 1, endLine: 1, endColumn: 8 },
      ],
    },
    {
      name: "capitalised mid-sentence: reported, not rewritten",
      code: "They met at the Contact Centre on Friday.",
      errors: [
        { messageId: 'jargon', line: 1, column: 17, endLine: 1, endColumn: 31 },
      ],
    },
    {
      name: "safe fix",
      code: "They met at the contact centre on Friday.",
      errors: [
        { messageId: 'jargon', line: 1, column: 17, endLine: 1, endColumn: 31 },
      ],
      output: "They met at the family centre on Friday.",
    },
    {
      name: "plural",
      code: "She has had three placements this year.",
      errors: [
        { messageId: 'jargon', line: 1, column: 19, endLine: 1, endColumn: 29 },
      ],
    },
    {
      name: "verb forms (the second is counted as a further use)",
      code: "He absconded twice and keeps absconding.",
      errors: [
        { messageId: 'jargon', line: 1, column: 4, endLine: 1, endColumn: 13, message: 'It is used 1 more time after this.' },
      ],
    },
    {
      name: "hyphen and space variants (the second is counted as a further use)",
      code: "There was a multi-agency meeting, then a multi agency visit.",
      errors: [
        { messageId: 'jargon', line: 1, column: 13, endLine: 1, endColumn: 25, message: 'It is used 1 more time after this.' },
      ],
    },
    {
      name: "once per note, at the first use, with the number of further uses",
      code: "Tia was upset after contact.\n\nAfter contact she cried. Contact with her dad went well, and the core group met.",
      errors: [
        { messageId: 'jargon', line: 1, column: 21, endLine: 1, endColumn: 28, message: 'It is used 2 more times after this.' },
        { messageId: 'jargon', line: 3, column: 66, endLine: 3, endColumn: 76, text: 'core group' },
      ],
    },
    {
      name: "a use in someone's own words or in a venue's name is not the first use",
      code: "Tia said \"I hate contact\". We met at the Oakfield Contact Centre. She was upset after contact and the contact centre was busy.",
      errors: [
        { messageId: 'jargon', line: 1, column: 87, endLine: 1, endColumn: 94, text: 'contact' },
        { messageId: 'jargon', line: 1, column: 103, endLine: 1, endColumn: 117, text: 'contact centre' },
      ],
      output: "Tia said \"I hate contact\". We met at the Oakfield Contact Centre. She was upset after contact and the family centre was busy.",
    },
    {
      name: "safe fix: only the reported first use is changed",
      code: "They met at the contact centre and left the contact centre at 3pm.",
      errors: [
        { messageId: 'jargon', line: 1, column: 17, endLine: 1, endColumn: 31, message: 'It is used 1 more time after this.' },
      ],
      output: "They met at the family centre and left the contact centre at 3pm.",
    },
    {
      name: "a capitalised first use has no fix, so neither has the note",
      code: "They met at the Contact Centre, then went back to the contact centre.",
      errors: [
        { messageId: 'jargon', line: 1, column: 17, endLine: 1, endColumn: 31, message: 'It is used 1 more time after this.' },
      ],
    },
    {
      name: "one phrase, one report: the service closing, not also the case",
      code: "The case was closed to children's social care on 10/10/2025. My case was closed on Friday.",
      errors: [
        { messageId: 'jargon', line: 1, column: 14, endLine: 1, endColumn: 23, text: 'closed to' },
        { messageId: 'jargon', line: 1, column: 65, endLine: 1, endColumn: 69, text: 'case' },
      ],
    },
    {
      name: "strat alone as a strategy discussion",
      code: "Reason for strat: Kacey told her teacher. The strat meeting was held at noon.",
      errors: [
        { messageId: 'jargon', line: 1, column: 12, endLine: 1, endColumn: 17, text: 'strat' },
        { messageId: 'jargon', line: 1, column: 47, endLine: 1, endColumn: 60, text: 'strat meeting' },
      ],
    },
    {
      name: "step down with the case between its words",
      code: "The school do not agree with the decision to step the case down to early help.",
      errors: [
        { messageId: 'jargon', line: 1, column: 46, endLine: 1, endColumn: 64, text: 'step the case down' },
      ],
    },
    {
      name: "step down with a named case between its words",
      code: "We stepped Leo's case down in May.",
      errors: [
        { messageId: 'jargon', line: 1, column: 4, endLine: 1, endColumn: 27, text: "stepped Leo's case down" },
      ],
    },
    {
      name: "step down with a child between its words, where the service follows",
      code: "The manager stepped Riley down to early help last week.",
      errors: [
        { messageId: 'jargon', line: 1, column: 13, endLine: 1, endColumn: 31, text: 'stepped Riley down' },
      ],
    },
    {
      name: "step up with the family between its words",
      code: "We will step the Kent family up if nothing changes.",
      errors: [
        { messageId: 'jargon', line: 1, column: 9, endLine: 1, endColumn: 32, text: 'step the Kent family up' },
      ],
    },
    {
      name: "capital at the start",
      code: "Respite to be explored with Mum.",
      errors: [
        { messageId: 'jargon', line: 1, column: 1, endLine: 1, endColumn: 8 },
      ],
    },
    {
      code: "There is a risk of disguised compliance.",
      errors: [
        { messageId: 'rewrite', line: 1, column: 20, endLine: 1, endColumn: 40 },
      ],
    },
    {
      code: "The family are known to services.",
      errors: [
        { messageId: 'rewrite', line: 1, column: 16, endLine: 1, endColumn: 33 },
      ],
    },
    {
      code: "The case met threshold for CIN.",
      errors: [
        { messageId: 'jargon', line: 1, column: 14, endLine: 1, endColumn: 23 },
      ],
    },
    {
      code: "She is a care leaver and lives on her own.",
      errors: [
        { messageId: 'jargon', line: 1, column: 10, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Noah was accommodated by the local authority on Friday.",
      errors: [
        { messageId: 'jargon', line: 1, column: 10, endLine: 1, endColumn: 22 },
      ],
    },
    {
      code: "Mum's presentation was flat and she did not look at me.",
      errors: [
        { messageId: 'jargon', line: 1, column: 7, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "Ruby disclosed to her form tutor that she was hit.",
      errors: [
        { messageId: 'jargon', line: 1, column: 6, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "Mum presents as overwhelmed and the toxic trio is present.",
      errors: [
        { messageId: 'jargon', line: 1, column: 5, endLine: 1, endColumn: 16 },
        { messageId: 'jargon', line: 1, column: 37, endLine: 1, endColumn: 47 },
      ],
    },
    {
      code: "His behaviour was challenging behaviour for the school.",
      errors: [
        { messageId: 'jargon', line: 1, column: 19, endLine: 1, endColumn: 40 },
      ],
    },
    {
      name: "siblings",
      code: "The siblings were seen together.",
      errors: [
        { messageId: 'jargon', line: 1, column: 5, endLine: 1, endColumn: 13 },
      ],
    },
    {
      name: "LAC",
      code: "It was agreed at the LAC review.",
      errors: [
        { messageId: 'jargon', line: 1, column: 22, endLine: 1, endColumn: 32 },
      ],
    },
    {
      name: "an explanation does not cover earlier uses: the report says where it is",
      code: "The core group met at 2pm. The core group agreed the plan.\n\nA core group is a meeting of the family and the workers who carry out the plan. The core group meets monthly.",
      errors: [
        { messageId: 'jargon', line: 1, column: 5, endLine: 1, endColumn: 15, message: 'It is used 2 more times after this. The note explains it later, on line 3: explain it here, where it is first used.' },
      ],
    },
    {
      name: "fix with a capital",
      code: "Contact centre staff were kind.",
      errors: [
        { messageId: 'jargon', line: 1, column: 1, endLine: 1, endColumn: 15 },
      ],
      output: "Family centre staff were kind.",
    },
    {
      name: "service user",
      code: "The FSS will visit the service user.",
      errors: [
        { messageId: 'jargon', line: 1, column: 24, endLine: 1, endColumn: 36 },
      ],
    },
    {
      code: "Mum engaged well with the plan.",
      errors: [
        { messageId: 'rewrite', line: 1, column: 5, endLine: 1, endColumn: 12 },
      ],
    },
    {
      code: "We completed a piece of work on feelings.",
      errors: [
        { messageId: 'rewrite', line: 1, column: 16, endLine: 1, endColumn: 29 },
      ],
    },
    {
      code: "He has attachment difficulties and is dysregulated at school.",
      errors: [
        { messageId: 'jargon', line: 1, column: 8, endLine: 1, endColumn: 31 },
        { messageId: 'jargon', line: 1, column: 39, endLine: 1, endColumn: 51 },
      ],
    },
    {
      name: "peers",
      code: "He spends time with older peers.",
      errors: [
        { messageId: 'jargon', line: 1, column: 27, endLine: 1, endColumn: 32 },
      ],
    },
  ],
});

describe('jargon.json', () => {
  it('is a valid word list of at least 80 entries, each with a reason and a source', () => {
    const list = validateLexicon(data, 'jargon.json');
    expect(list.entries.length).toBeGreaterThanOrEqual(80);
    for (const entry of list.entries) {
      expect(entry.note.length, entry.id).toBeGreaterThan(20);
      if (entry.fix === 'safe') expect(entry.expected, entry.id).toHaveLength(1);
    }
  });
});

describe('team lists', () => {
  const team = () => teamWordList([{ id: 'fss', match: ['front door'], expected: ['the Family Support Service'], note: 'Families do not know our front door.', source: 'team' }]);

  it('reports entries of a team list given in `lexicons`, with the built-in list', () => {
    const messages = lintWithRule(rule, 'The front door passed the case to the service user team.', { lexicons: [team()] });
    expect(messages.map((m) => m.actual)).toEqual(['front door', 'service user']);
  });

  it('switches entries off with `allow`, team or built-in', () => {
    const messages = lintWithRule(rule, 'The front door passed it to the service user team.', { lexicons: [team()], allow: ['fss', 'service-user'] });
    expect(messages).toEqual([]);
  });
});

describe('--fix and the uses after the first', () => {
  it('each pass fixes the use it reports, so --fix ends with every safe use changed', async () => {
    const engine = new Recordlint({ fix: true, config: { extends: [], rules: { 'no-jargon': 'warn' } } });
    const [result] = await engine.lintText('They met at the contact centre, left the contact centre, and went back to the contact centre.\n', { filePath: 'note.md' });
    expect(result.output).toBe('They met at the family centre, left the family centre, and went back to the family centre.\n');
    expect(result.messages).toEqual([]);
  });
});
