import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';
import { teamWordList } from '../../test/helpers/word-lists.js';
import { validateLexicon } from '../../src/lexicon.js';
import rule from './index.js';
import data from './wordy.json' with { type: 'json' };

ruleTester(rule, {
  valid: [
    // A management oversight entry: the writer and who they discussed it with.
    "Case discussed with the social worker. Plan to continue.",
    "Ms Rahman told me that Maya was late on six days in February.",
    "The wall had been repainted and the mould has been removed.",
    "Maya was not brought to two earlier reviews.",
    "Mum said \"there are very many things going on, it is just too much\".",
    "> There is no one at home and it was reported to the police.\n\nI read the letter.",
    "## There are three houses\n\nZain drew them.",
    "We waited a few minutes. It was raining and it is cold.",
    "She was seen by the school nurse on Monday.",
    "I phoned Ms Ellison to tell her what was said.",
    { name: "reporting passives and unowned worries are left to attribute-hearsay and no-opinion-as-fact", code: "It was reported that Dad is drinking. Concerns were raised, and it was agreed that we would visit. There are concerns about school." },
    "She will not be seen every day over the holidays, and a medical is to be considered.",
    "She had had enough, and she said that that was fine.",
    "In my opinion the plan is working, however Mum is tired and I will monitor this.",
    { name: "a long sentence passes while sentenceLength is off", code: "I wanted to see Maya at home after school, to see her bedroom now that the landlord has treated the damp, and to talk with Ms Ellison about mornings, because Ms Rahman told us that Maya had been late on six days." },
    { name: "quoted words do not count towards the length", code: "Zain said \"when I go back on Sunday she has to go home by herself on the bus and I think she is sad when she gets home and there is no one there\" and smiled.", options: {"checks":{"sentenceLength":true}} },
    { name: "a list of people one to a line is not one sentence", code: "Attendees:\nKaren Lister, team manager, children’s social care (chair)\nDaniel Okonjo, senior social worker, children’s social care\nPaul Greaves, detective constable, child abuse investigation team\nSarah Quinn, designated safeguarding lead, Westmoor Academy", options: {"checks":{"sentenceLength":true}} },
    { name: "how a child was seen at a statutory visit", code: "Kayden was seen alone in his bedroom. Both children were seen and spoken to. Tia was seen on her own, and the twins were seen together." },
    { name: "a passive in a plan after make sure, ensure or so that", code: "I have asked Sian to make sure Lee is seen before the review. I will ensure that she is seen weekly, so that it is noted." },
    { name: "a thing and where it is, and the words of section 47", code: "There is a smoke alarm in the hallway. There is a stair gate at the bottom of the stairs. There is reasonable cause to suspect that Noah is suffering significant harm." },
    { name: "a hyphenated word counts as one word of the thing", code: "There is a child-safe stair-gate at the top of the stairs." },
    { name: "an adverb saying how someone spoke", code: "Kayden clearly said he did not want to go." },
    { name: "an adverb after a verb of speaking, or after who was spoken to", code: "He was able to say clearly what he wants. She spoke clearly and slowly. Mum told me clearly that she wants help." },
    { name: "very much: warmth, not an amount", code: "Your mam loves you very much. Thank you very much for showing me your room." },
    { name: "a word of degree in someone's reported words", code: "Dad said he is very proud of her. Mum told me she was extremely tired." },
    { name: "a passive in someone else's account is left to attribute-hearsay", code: "Staff also state that her boyfriend has been seen outside the building. She is reported to have been seen getting into cars. Apparently he has been seen at the house. Dr Okafor told me that Zara was seen at the surgery." },
    { name: "a denied passive hides no observer", code: "Both parents have had DBS checks and no offences were disclosed. Nothing was found in his bag, and no bruising was noted on his arms." },
    { name: "was disclosed is left to no-jargon, which asks who the child told", code: "Bruising was disclosed at school." },
    { name: "advice and discussion whose giver is named, or in a plan", code: "Mum was advised by the health visitor to book a review. This will be discussed at core group. It was advised that the plan continues." },
    { name: "telegraphic lines that are active, statutory or a form's labels", code: "Discussed with TM. As discussed, I will visit on Monday. Leo seen alone in his bedroom. All children seen and spoken to. Previously discussed with Mum. Mum shared with me that she is tired. Plan agreed.\n\nInformation shared:\n\n| | |\n|---|---|\n| Child seen | Yes, alone in her bedroom |" },
    { name: "checks switched off", code: "There are concerns. It was reported that he left.", options: {"checks":{"thereIs":false,"passive":false}} },
  ],
  invalid: [
    {
      name: "positions across emphasis, entities, escapes and inline code",
      code: "In **order to** help, Leo was *seen* &amp; the the \\*plan\\* was was `code` agreed.",
      errors: [
        { messageId: 'tooWordy', line: 1, column: 1, endLine: 1, endColumn: 14 },
        { messageId: 'passive', line: 1, column: 27, endLine: 1, endColumn: 36 },
        { messageId: 'illusion', line: 1, column: 48, endLine: 1, endColumn: 51 },
        { messageId: 'illusion', line: 1, column: 65, endLine: 1, endColumn: 68 },
      ],
      output: "In **order to** help, Leo was *seen* &amp; the \\*plan\\* was `code` agreed.",
    },
    {
      code: "There is a risk that the children are left alone.",
      errors: [
        { messageId: 'thereIs', line: 1, column: 1, endLine: 1, endColumn: 9 },
      ],
    },
    {
      name: "seen with nothing to say who saw, even beside the statutory wording",
      code: "Mum was seen at home. Tommy was seen alone by nobody I know, and Bella's bedroom was seen and was fine.",
      errors: [
        { messageId: 'passive', line: 1, column: 5, endLine: 1, endColumn: 13 },
        { messageId: 'passive', line: 1, column: 82, endLine: 1, endColumn: 90 },
      ],
    },
    {
      name: "statements about risk and abstract things still open with There is",
      code: "There are concerns that he is not eating. There is a risk in the home. There is a lack of food in the house.",
      errors: [
        { messageId: 'thereIs', line: 1, column: 43, endLine: 1, endColumn: 51 },
        { messageId: 'thereIs', line: 1, column: 72, endLine: 1, endColumn: 80 },
      ],
    },
    {
      name: "the writer's own degree words, and how much someone said",
      code: "Mum was very upset. Mum said very little. He told me very little.",
      errors: [
        { messageId: 'weasel', line: 1, column: 9, endLine: 1, endColumn: 13 },
        { messageId: 'weasel', line: 1, column: 30, endLine: 1, endColumn: 34 },
        { messageId: 'weasel', line: 1, column: 54, endLine: 1, endColumn: 58 },
      ],
    },
    {
      name: "a count in someone's reported words: the writer can ask how many",
      code: "School said he missed several days.",
      errors: [{ messageId: 'weasel', line: 1, column: 23, endLine: 1, endColumn: 30 }],
    },
    {
      name: "a weasel adverb not about speaking",
      code: "Kayden was clearly upset and said very little.",
      errors: [
        { messageId: 'weasel', line: 1, column: 12, endLine: 1, endColumn: 19 },
        { messageId: 'weasel', line: 1, column: 35, endLine: 1, endColumn: 39 },
      ],
    },
    {
      name: "a passive after the writer's own words, and one the negation does not reach",
      code: "I explained to Mum that Leo was seen at the park. Nobody knocked, and Leo was seen at the window.",
      errors: [
        { messageId: 'passive', line: 1, column: 29, endLine: 1, endColumn: 37 },
        { messageId: 'passive', line: 1, column: 75, endLine: 1, endColumn: 83 },
      ],
    },
    {
      name: "advice and warnings given by someone the note does not name",
      code: "Mum was advised that the home conditions need to improve. Dad was warned that he must not come to the house.",
      errors: [
        { messageId: 'passive', line: 1, column: 5, endLine: 1, endColumn: 16, text: 'was advised' },
        { messageId: 'passive', line: 1, column: 63, endLine: 1, endColumn: 73, text: 'was warned' },
      ],
    },
    {
      name: "a discussion with nobody named as having it",
      code: "The case was discussed in supervision.",
      errors: [
        { messageId: 'passive', line: 1, column: 10, endLine: 1, endColumn: 23, text: 'was discussed' },
      ],
    },
    {
      name: "telegraphic passives, with was left out",
      code: "Case discussed. Mum continues to miss visits.\n\n10/11/25 Concerns shared with school.\n\nLeo seen. Knife found in his bedroom. Family discussed in supervision.",
      errors: [
        { messageId: 'passive', line: 1, column: 1, endLine: 1, endColumn: 15, text: 'Case discussed' },
        { messageId: 'passive', line: 3, column: 10, endLine: 3, endColumn: 25, text: 'Concerns shared' },
        { messageId: 'passive', line: 5, column: 1, endLine: 5, endColumn: 9, text: 'Leo seen' },
        { messageId: 'passive', line: 5, column: 11, endLine: 5, endColumn: 22, text: 'Knife found' },
        { messageId: 'passive', line: 5, column: 39, endLine: 5, endColumn: 55, text: 'Family discussed' },
      ],
    },
    {
      code: "Bruising was noted on his arm.",
      errors: [
        { messageId: 'passive', line: 1, column: 10, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "The plan was agreed at the meeting, and Leo was seen in his room.",
      errors: [
        { messageId: 'passive', line: 1, column: 10, endLine: 1, endColumn: 20 },
        { messageId: 'passive', line: 1, column: 45, endLine: 1, endColumn: 53 },
      ],
    },
    {
      code: "I visited in order to see her bedroom prior to the meeting.",
      errors: [
        { messageId: 'tooWordy', line: 1, column: 11, endLine: 1, endColumn: 22 },
        { messageId: 'tooWordy', line: 1, column: 39, endLine: 1, endColumn: 47 },
      ],
    },
    {
      code: "SW knocked several times. Ruby is a very vulnerable girl.",
      errors: [
        { messageId: 'weasel', line: 1, column: 12, endLine: 1, endColumn: 19 },
        { messageId: 'weasel', line: 1, column: 37, endLine: 1, endColumn: 41 },
      ],
    },
    {
      code: "Mum says she is between a rock and a hard place.",
      errors: [
        { messageId: 'cliches', line: 1, column: 17, endLine: 1, endColumn: 48 },
      ],
    },
    {
      name: "a repeated word is fixed",
      code: "I saw the the children in the garden.",
      errors: [
        { messageId: 'illusion', line: 1, column: 11, endLine: 1, endColumn: 14 },
      ],
      output: "I saw the children in the garden.",
    },
    {
      name: "repeated across a line break",
      code: "Mum took them to\nto the park.",
      errors: [
        { messageId: 'illusion', line: 2, column: 1, endLine: 2, endColumn: 3 },
      ],
    },
    {
      name: "emphasis does not hide a passive",
      code: "Leo was *seen* in his bedroom.",
      errors: [
        { messageId: 'passive', line: 1, column: 5, endLine: 1, endColumn: 14 },
      ],
    },
    {
      name: "positions after an escape and in a list item",
      code: "- Mum was \\*upset\\* at first, then bruising was noted on her arm.",
      errors: [
        { messageId: 'passive', line: 1, column: 45, endLine: 1, endColumn: 54 },
      ],
    },
    {
      name: "the plain words in the message",
      code: "We talked regarding school.",
      errors: [
        { messageId: 'tooWordy', line: 1, column: 11, endLine: 1, endColumn: 20 },
      ],
    },
    {
      name: "sentence length when switched on",
      code: "I wanted to see Maya at home after school, to see her bedroom now that the landlord has treated the damp, and to talk with Ms Ellison about mornings, because Ms Rahman told us that Maya had been late on six days.",
      options: {"checks":{"sentenceLength":true}},
      errors: [
        { messageId: 'tooLong', line: 1, column: 1, endLine: 1, endColumn: 212 },
      ],
    },
    {
      name: "maxWords",
      code: "I visited Maya at home after school today and we talked.",
      options: {"checks":{"sentenceLength":true},"maxWords":8},
      errors: [
        { messageId: 'tooLong', line: 1, column: 1, endLine: 1, endColumn: 56 },
      ],
    },
    {
      name: "so and adverb when switched on",
      code: "So Mum really tried.",
      options: {"checks":{"so":true,"adverb":true}},
      errors: [
        { messageId: 'so', line: 1, column: 1, endLine: 1, endColumn: 3 },
        { messageId: 'adverb', line: 1, column: 8, endLine: 1, endColumn: 14 },
      ],
    },
  ],
});

describe('wordy.json', () => {
  it('is a valid word list that covers write-good’s wordy phrases', () => {
    const list = validateLexicon(data, 'wordy.json', { quiet: 'boolean' });
    for (const entry of list.entries) if (entry.quiet) expect(entry.expected, entry.id).toEqual([]);
    expect(list.entries.length).toBeGreaterThan(200);
  });
});

describe('one problem, one report', () => {
  const note = 'Concerns were shared about Leo. Ruby is very vulnerable. The bedroom was clearly dirty. Mum is felt to be struggling.';
  const found = (messages: Array<{ ruleId: string | null; messageId?: string; line: number; column: number }>) =>
    messages.map((m) => [m.ruleId, m.messageId, m.line, m.column]);

  it('leaves words that attribute-hearsay, no-unevidenced-label or no-opinion-as-fact report to them', async () => {
    const { messages } = await lintText(note, { useConfigFiles: false });
    expect(found(messages)).toEqual([
      ['attribute-hearsay', 'agentless', 1, 1],
      ['no-unevidenced-label', 'unevidenced', 1, 41],
      ['no-opinion-as-fact', 'opinionAsFact', 1, 74],
      ['no-unevidenced-label', 'unevidenced', 1, 82],
      ['no-opinion-as-fact', 'unowned', 1, 93],
    ]);
  });

  it('reports them itself when those rules are off', async () => {
    const off = { 'attribute-hearsay': 'off', 'no-unevidenced-label': 'off', 'no-opinion-as-fact': 'off' } as const;
    const { messages } = await lintText(note, { useConfigFiles: false, rules: off });
    expect(found(messages)).toEqual([
      ['plain-english', 'passive', 1, 10],
      ['plain-english', 'weasel', 1, 41],
      ['plain-english', 'weasel', 1, 74],
      ['plain-english', 'passive', 1, 93],
    ]);
  });
});

describe('messages', () => {
  it('gives the plain words for a wordy phrase', () => {
    const [message] = lintWithRule(rule, 'We talked regarding school.');
    expect(message.message).toBe('"regarding" is wordy: write "about" instead.');
    expect(message.expected).toEqual(['about']);
  });

  it('gives the count in a long sentence', () => {
    const [message] = lintWithRule(rule, 'I visited Maya at home after school today and we talked.', { checks: { sentenceLength: true }, maxWords: 8 });
    expect(message.message).toContain('This sentence has 11 words (more than 8)');
  });
});

describe('allow and team lists', () => {
  it('does not report words in `allow`, by word or by entry id', () => {
    expect(lintWithRule(rule, 'SW knocked several times, in order to be heard.', { allow: ['several', 'in-order-to'] })).toEqual([]);
  });

  it('takes plain words and quiet phrases from a team list in `lexicons`', () => {
    const file = teamWordList([
      { id: 'regarding', match: ['regarding'], expected: ['about', 'on'], note: 'Our style.', source: 'team' },
      { id: 'prior-to', match: ['prior to'], expected: [], quiet: true, note: 'We accept it.', source: 'team' },
    ]);
    const messages = lintWithRule(rule, 'We talked regarding school prior to the visit.', { lexicons: [file] });
    expect(messages.map((m) => [m.actual, m.expected])).toEqual([['regarding', ['about', 'on']]]);
  });
});
