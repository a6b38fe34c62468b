import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ruleTester, lintWithRule } from '../../test/helpers/rule-tester.js';
import rule from './index.js';
import { itValidatesWordLists } from '../../test/helpers/word-lists.js';

ruleTester(rule, {
  valid: [
    "Ms Jones told me that Dad had moved back in.",
    "The school reported that Leo was late three times this month.",
    "Dr Khan informed me by email on 3 March that the appointment was missed.",
    "Sam's teacher said he was tired on Mondays.",
    "Mum said the bus was late.",
    "PC Smith confirmed that there were no call-outs in April.",
    "Detective Constable Lund told us that the police were called once before.",
    "Ms Rahman, Maya’s class teacher, told me that Maya had been late on six days in February.",
    "I was told by Ms Jones that Dad has moved back in.",
    "I was told by the health visitor, by phone, that Freya had gained weight.",
    "It was reported by the school that Leo had not been collected.",
    "Concerns were raised by school that Ruby had been reluctant to change for PE.",
    // The hedge of a named speaker: the source is given.
    "Mum told me that apparently Dad has moved to Leeds.",
    "Ms Shah told me that, apparently, Dad was at the school gate.",
    "Information was received from the police that Dad was arrested.",
    "According to Mrs Whitfield, Maya was in school on 38 days.",
    "Mum and Dad came to the office. They said the children were fine.",
    "An anonymous caller phoned the duty line and said the children were alone.",
    "School feel Jordan is disengaged.",
    "Mum reports things at home are \"OK\".",
    "Dad was reported to the police by Mum.",
    "Mum alleged that Dad hit her.",
    "The alleged perpetrator has been arrested.",
    {"code":"---\nchild: Ruby Thornton\ntype: visit\n---\n\nRuby told her form tutor that Liam hit her with a slipper.","name":"the child’s words in plain reporting verbs"},
    {"code":"---\nchild: Ruby Thornton\ntype: visit\n---\n\nRuby alleged that Liam hit her.","options":{"suggestChildWords":false},"name":"suggestChildWords: false"},
    "She said “it was reported that he left” and laughed.",
    "> It was reported that Dad had left. (the school’s email)",
    "# Information received from the school\n\nMs Quinn phoned me at 9am.",
    "People came to the door while I was there.",
    "I told Mum that I would visit on Friday.",
    "---\nsource: It was reported that\n---\n\nMs Jones phoned me.",
    {"code":"Ms Jones told me Dad was back.\r\n\r\nShe said he arrived on Friday.\r\n","name":"CRLF"},
    {
      name: "a form's title line",
      filename: "note.txt",
      code: "Referral received\n\nDate: 03/11/2025\nFrom: Mrs Anita Shah, Designated Safeguarding Lead\n\nMrs Shah told me that Ellie-Mae arrived at school hungry.",
    },
    {
      name: "a source field in the same block",
      filename: "note.txt",
      code: "Information was received this morning.\nReferrer: Mrs Anita Shah, Designated Safeguarding Lead\nMethod: phone call",
    },
    { name: "everyone at the meeting owns the view", code: "Everyone at the meeting agreed that the plan stays the same." },
    { name: "a named person with a place", code: "Mrs Bell at the school said Leo was late." },
    // A role set off by commas or brackets after a name describes that person.
    { name: "a name with an indefinite role in apposition", code: "Mrs Deborah Pike, a neighbour, told me by telephone that she had seen his van." },
    { name: "an indefinite role in brackets after a name", code: "Mrs Pike (a neighbour) told me she had seen his van." },
    { name: "an appositive role with a place", code: "Dr Shah, a GP at Ashgrove Surgery, told me she saw Maya on Monday." },
    { name: "one of a group, after a name", code: "Ms Ali, one of the staff, said he was late." },
    { name: "a department named before Services", code: "Adult Services advised that supported living may suit him." },
    { name: "a council department from the list", code: "Housing services told me the repairs are booked." },
    "Dad is not known to be violent.",
    "Dad is known to the school.",
    { name: "linked to a cause, not to people", code: "His sleep is linked to his medication." },
    "Destiny has not been linked to any gang.",
    { name: "an adult's allegation", code: "---\nchild: Riley Kent\n---\n\nMum made an allegation against Dad." },
    { name: "an adult retracts", code: "---\nchild: Riley Kent\n---\n\nMum retracted her statement to the police, and the school retracted the exclusion." },
    { name: "no history, or a history in a question or a condition", code: "There is no history of domestic abuse. Dad does not have a history of violence. Is there a history of self-harm? If there is a history of violence, we will hold a strategy discussion." },
    { name: "a history with its source", code: "Her GP records show a history of asthma. Mum told me she has a history of depression. Mum has a history of depression, according to her GP. There is a history of DV (police checks, 3 March)." },
    { name: "a history with its record in the next sentence", code: "There is a history of domestic abuse. Police records show officers came to the address three times in 2024." },
    { name: "history that is not a claim about someone", code: "We talked about the history of the house. I asked Mum about her family history." },
    { name: "believed to be with its believer", code: "I saw what I believed to be cannabis in the kitchen. A man she thought to be her uncle opened the door." },
    { name: "disputed with who disputes it, or not disputed", code: "This was disputed by Dad. The facts are not disputed, and Mum disputes the dates." },
    { name: "the team's own observations, and seeing without a subject", code: "Staff observed Leah leaving at 8pm. The people seen at the door were not known to me. I asked whether anyone had seen him." },
  ],
  invalid: [
    {
      name: "believed to be with the 'is' left out, as logs write it",
      code: "YP believed to be staying with friends.",
      errors: [{ messageId: 'agentless', line: 1, column: 4, endLine: 1, endColumn: 18 }],
    },
    {
      name: "a dispute that does not say who disputes it",
      code: "She has split up with Dad but this is disputed.",
      errors: [{ messageId: 'agentless', line: 1, column: 36, endLine: 1, endColumn: 47 }],
    },
    {
      name: "a vague subject of seeing or hearing",
      code: "Neighbours have seen him at the property. Some people heard shouting.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 21 },
        { messageId: 'vagueSource', line: 1, column: 43, endLine: 1, endColumn: 60 },
      ],
    },
    {
      code: "It was reported that the police attended the address at the weekend.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Apparently Dad has been drinking again.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 11 },
      ],
    },
    {
      code: "Mum rang me about the school trip. Apparently Dad has moved to Leeds.",
      errors: [{ messageId: 'agentless', line: 1, column: 36, endLine: 1, endColumn: 46 }],
    },
    {
      code: "I told Mum that apparently Dad has moved to Leeds.",
      errors: [{ messageId: 'agentless', line: 1, column: 17, endLine: 1, endColumn: 27 }],
    },
    {
      code: "Dad has reportedly moved back in.",
      errors: [
        { messageId: 'agentless', line: 1, column: 9, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "I was told that Dad has moved back in.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 11 },
      ],
    },
    {
      code: "I have been informed that Leo is not in school.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "It is alleged that Ruby was hit.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 14 },
      ],
    },
    {
      code: "It is understood that Ruby has been given a new phone.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 17 },
      ],
    },
    {
      code: "It is believed that Dad is living at the address.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "Concerns were raised about the children.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Information was received that Mum is using drugs.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 25 },
      ],
    },
    {
      code: "A referral was received.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 24 },
      ],
    },
    {
      code: "Mum is described as difficult to work with.",
      errors: [
        { messageId: 'agentless', line: 1, column: 5, endLine: 1, endColumn: 20 },
      ],
    },
    {
      code: "She was described as 'volatile'.",
      name: "a quoted label with no named speaker",
      errors: [
        { messageId: 'agentless', line: 1, column: 5, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Dad is said to be living at the property.",
      errors: [
        { messageId: 'agentless', line: 1, column: 5, endLine: 1, endColumn: 15 },
      ],
    },
    {
      code: "It came to light that Dad had been staying.",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 17 },
      ],
    },
    {
      code: "People say Dad is dealing drugs.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 11 },
      ],
    },
    {
      code: "Neighbours have said the children are left alone.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "Someone told me that Mum is drinking.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 13 },
      ],
    },
    {
      code: "They said the children were left alone.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 10 },
      ],
    },
    {
      code: "Staff say she has been seen on her phone in lessons.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 10 },
      ],
    },
    {
      code: "Concerns were raised by a neighbour about the children being left alone.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 36 },
      ],
    },
    {
      name: "a comma after a name that does not close an appositive",
      code: "After I spoke to Maya, a neighbour told me he was there, and I left.",
      errors: [{ messageId: 'vagueSource', line: 1, column: 24, endLine: 1, endColumn: 40 }],
    },
    {
      name: "a place before the comma is not the person",
      code: "In Coventry, a neighbour at number 4, told me he was there.",
      errors: [{ messageId: 'vagueSource', line: 1, column: 14, endLine: 1, endColumn: 43 }],
    },
    {
      name: "services with no department named",
      code: "Services advised that supported living may suit him.",
      errors: [{ messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 17 }],
    },
    {
      code: "It was reported by someone that Leo missed school.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 27 },
      ],
    },
    {
      code: "According to reports, Dad has left.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 21 },
      ],
    },
    {
      code: "---\nchild: Ruby Thornton\ntype: visit\n---\n\nRuby alleged that Liam hit her.",
      errors: [
        { messageId: 'childWords', line: 6, column: 6, endLine: 6, endColumn: 13 },
      ],
    },
    {
      code: "---\nchild: Ruby Thornton\ntype: visit\n---\n\nRuby's allegation was passed to the police.",
      errors: [
        { messageId: 'childWords', line: 6, column: 8, endLine: 6, endColumn: 18 },
      ],
    },
    {
      code: "---\nchild: Ruby Thornton\ntype: visit\n---\n\nThe child alleged that she was hit.",
      errors: [
        { messageId: 'childWords', line: 6, column: 11, endLine: 6, endColumn: 18 },
      ],
    },
    {
      code: "---\nchild: Ruby Thornton\ntype: visit\n---\n\nRuby allegedly told her teacher she was hit.",
      errors: [
        { messageId: 'childWords', line: 6, column: 6, endLine: 6, endColumn: 15 },
      ],
    },
    {
      code: "Sofia (9) alleged that Dean hit her.",
      name: "a child named with an age",
      errors: [
        { messageId: 'childWords', line: 1, column: 11, endLine: 1, endColumn: 18 },
      ],
    },
    {
      code: "- It was reported that Dad left.\n- Apparently he is back.",
      name: "list items",
      errors: [
        { messageId: 'agentless', line: 1, column: 3, endLine: 1, endColumn: 18 },
        { messageId: 'agentless', line: 2, column: 3, endLine: 2, endColumn: 13 },
      ],
    },
    {
      code: "## Home\n\nIt is reported that Liam Foster has not moved out.",
      name: "under a heading",
      errors: [
        { messageId: 'agentless', line: 3, column: 1, endLine: 3, endColumn: 15 },
      ],
    },
    {
      code: "I was told that Dad left.\r\nApparently he is back.\r\n",
      name: "CRLF",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 11 },
        { messageId: 'agentless', line: 2, column: 1, endLine: 2, endColumn: 11 },
      ],
    },
    {
      code: "It was reported that Dad left.\n\nFrom: Jo Bloggs\nSent: 03 March 2026 10:14",
      name: "an email's From: after a blank line is not the source",
      errors: [
        { messageId: 'agentless', line: 1, column: 1, endLine: 1, endColumn: 16 },
      ],
    },
    {
      code: "Staff at the unit describe her as manipulative.",
      name: "vague staff with a place",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 27 },
      ],
    },
    {
      code: "Someone from the school told me Dad was there.",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 29 },
      ],
    },
    {
      code: "Destiny has been linked to older males in the area.",
      errors: [
        { messageId: 'agentless', line: 1, column: 9, endLine: 1, endColumn: 27 },
      ],
    },
    {
      code: "Dad is known to be violent.",
      errors: [
        { messageId: 'agentless', line: 1, column: 5, endLine: 1, endColumn: 19 },
      ],
    },
    {
      code: "---\nchild: Riley Kent\n---\n\nMrs Bell said Riley made an allegation last week.",
      name: "the child made an allegation",
      errors: [
        { messageId: 'childWords', line: 5, column: 29, endLine: 5, endColumn: 39 },
      ],
    },
    {
      code: "---\nchild: Riley Kent\n---\n\nRiley has made further allegations about his stepdad.",
      errors: [
        { messageId: 'childWords', line: 5, column: 24, endLine: 5, endColumn: 35 },
      ],
    },
    {
      code: "---\nchild: Riley Kent\n---\n\nRiley later retracted this and said he was angry.",
      name: "the child retracted",
      errors: [
        { messageId: 'childWords', line: 5, column: 13, endLine: 5, endColumn: 22, text: 'retracted' },
      ],
    },
    {
      code: "Mrs Bell told me about Riley Kent (Yr 5). The school do not accept Riley's retraction.",
      name: "the child's retraction, with the child named by his school year",
      errors: [
        { messageId: 'childWords', line: 1, column: 76, endLine: 1, endColumn: 86, text: 'retraction' },
      ],
    },
    {
      code: "YP has a history of CSE and continues to go out at night.",
      name: "a history stated as fact",
      errors: [
        { messageId: 'unsourcedHistory', line: 1, column: 4, endLine: 1, endColumn: 20, text: 'has a history of' },
      ],
    },
    {
      code: "The family are known to services and there is a history of DV.",
      errors: [
        { messageId: 'unsourcedHistory', line: 1, column: 38, endLine: 1, endColumn: 59, text: 'there is a history of' },
      ],
    },
    {
      code: "Dad, who has a long history of violence, was not at home. There has been a history of missed health appointments.",
      errors: [
        { messageId: 'unsourcedHistory', line: 1, column: 10, endLine: 1, endColumn: 31, text: 'has a long history of' },
        { messageId: 'unsourcedHistory', line: 1, column: 59, endLine: 1, endColumn: 86, text: 'There has been a history of' },
      ],
    },
    {
      code: "Neighbours say Dad has left.",
      filename: "note.txt",
      errors: [
        { messageId: 'vagueSource', line: 1, column: 1, endLine: 1, endColumn: 15 },
      ],
    },
  ],
});

describe('attribute-hearsay word lists', () => {
  itValidatesWordLists(new URL('./', import.meta.url), ['child-words.json']);

  it('leaves "disclosed" to no-jargon, whose entry suggests "told me", "said" and "shared"', () => {
    const own = JSON.parse(readFileSync(new URL('child-words.json', import.meta.url), 'utf8'));
    expect(own.entries.flatMap((e: { match: string[] }) => e.match)).not.toContain('disclosed');
    const jargon = JSON.parse(readFileSync(new URL('../no-jargon/jargon.json', import.meta.url), 'utf8'));
    const disclosed = jargon.entries.find((e: { id: string }) => e.id === 'disclosed');
    expect(disclosed.expected).toEqual(expect.arrayContaining(['told me', 'said', 'shared']));
  });
});

describe('attribute-hearsay messages', () => {
  it('says who is missing and quotes the standard', () => {
    const [m] = lintWithRule(rule, 'It was reported that Dad left.');
    expect(m.message).toContain('"It was reported" does not say who told you');
    expect(m.message).toContain('Hearsay is information that has been told to you by others');
  });

  it('asks where a history comes from, and quotes the standard', () => {
    const [m] = lintWithRule(rule, 'YP has a history of CSE.');
    expect(m.messageId).toBe('unsourcedHistory');
    expect(m.message).toContain('"has a history of" states a history as fact but does not say where it comes from');
    expect(m.message).toContain('Hearsay is information that has been told to you by others');
  });

  it('suggests "later said" for what a child said later', () => {
    const [m] = lintWithRule(rule, '---\nchild: Riley Kent\n---\nRiley retracted what he said.');
    expect(m.messageId).toBe('childWords');
    expect(m.expected).toEqual(['later said', 'later told [name]']);
  });

  it('suggests plain words for what a child said, naming the child', () => {
    const [m] = lintWithRule(rule, '---\nchild: Ruby Thornton\n---\nRuby alleged that Liam hit her.');
    expect(m.messageId).toBe('childWords');
    expect(m.message).toContain('Ruby told me');
    expect(m.expected).toEqual(['told me', 'said', 'shared']);
  });
});
