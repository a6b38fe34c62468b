import { describe, expect, it } from 'vitest';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';
import { teamWordList } from '../../test/helpers/word-lists.js';
import { validateLexicon } from '../../src/lexicon.js';
import rule from './index.js';
import { commonWords } from './common-words.js';
import data from './abbreviations.json' with { type: 'json' };

ruleTester(rule, {
  valid: [
    "I visited and talked with Mum about the child in need (CIN) plan. The CIN plan is working.",
    "Maya has a Child in Need (CIN) plan and the CIN plan has three goals.",
    "We reviewed the CIN (child in need) plan. The CIN plan continues.",
    "We reviewed the CIN (Child in Need) plan.",
    "A Child Protection Plan (CP plan) is in place. The CP plan is reviewed monthly.",
    "Her Personal Education Plan (PEP) was updated. The PEP sets targets.",
    "The Public Law Outline (PLO) process started. PLO meetings are monthly.",
    "She has Special Educational Needs and Disabilities (SEND) support. Her SEND needs are met.",
    "The Looked After Child (LAC) review is on Monday, and the LAC review will be at school.",
    "I phoned the Emergency Duty Team (EDT). The EDT worker called back.",
    "A section 47 enquiry (s47) started. The s47 enquiry ended on Friday.",
    "Jo went to A&E (accident and emergency) and went back to A&E on Monday.",
    "Her SENCO (special educational needs co-ordinator) and the SENCO’s assistant met me.",
    "The **Independent Reviewing Officer** (IRO) chaired it. The IRO agreed.",
    "The Multi-Agency\nSafeguarding Hub (MASH) called. MASH agreed to share the referral.",
    "DSL: designated safeguarding lead. The DSL rang me.",
    { name: "I, OK, TV, UK, ID, times", code: "I said it was OK to watch TV. Her ID was checked at 10am, 10.30am and 2 PM in the UK." },
    { name: "postcode, NHS number, Year 6, A4, Roman numerals, list markers", code: "She lives at CV1 2AB, NHS number 485 777 3456, is in Year 6 (Y6), drew on A4 paper, and ticked (ii) and (IV).\n\n1. First\n2. Second" },
    { name: "capitals for emphasis and capitalised headings", code: "## NEXT STEPS\n\nMum did NOT agree. DO NOT CALL after 6pm. PLEASE SEND the letter. She was SO upset and said it was ODD." },
    { name: "shouting in a quotation and abbreviations in someone’s own words", code: "Jordan said \"I HATE the SW and the CIN plan\" and Mum said ‘the TAF is useless’." },
    { name: "surnames in capitals and names with capitals inside", code: "Kelly SMITH, Mr LEE and JONES, Mark attended. Mr McDonald, Ms O’Neil and the DfE were mentioned. He has a PhD." },
    { name: "code, URLs, email addresses and front matter", code: "---\ntype: CIN visit\n---\n\nSee `CIN` and https://example.org/CIN or write to CIN@example.org." },
    { name: "a blockquote (a quoted court order)", code: "> The CAO says s.34 applies and the LA must allow it.\n\nI read the order to Mum." },
    { name: "a heading that the first sentence explains", code: "## CIN review\n\nThe child in need (CIN) review was held at school." },
    { name: "a person named by role", code: "Her mother (KH) and JB (father) came. KH and JB agreed." },
    { name: "people named by role in an attendee line", code: "Present: SL (Mum), KT (class teacher), RD (family support worker).\n\nSL said Jay slept better. KT and RD agreed." },
    { name: "a surname in capitals after a title with a full stop", code: "Mr. LEE and Kelly SMITH came." },
    { name: "shorthand written out at its first use", code: "I made a telephone call (T/C) to the school. The T/C lasted ten minutes. Tel: 024 7683 1234." },
    { name: "allow option", code: "The GP and the SW agreed.", options: {"allow":["GP","SW"]} },
    { name: "everyday abbreviations", code: "She watched a DVD, then the BBC news, and we talked about her GCSEs and PE." },
    { name: "police ranks as titles before a name", code: "PC Sarah Lund attended with me. DS Greaves, DC Tom Whitby, DI Shah, DCI Kerr and PCSO Lee were there.\n\n| DC Tom Whitby | Detective constable |" },
    { name: "police ranks before a collar number", code: "Call from PC 4471 Jenkins, Northvale Police. DC 2231 attended." },
    { name: "GP and A&E: widely known", code: "Mum's GP has referred her, and two GPs at A&E saw Maya on Friday." },
  ],
  invalid: [
    {
      name: "a police rank not before a name is still ambiguous",
      code: "PC Sarah Lund came. I asked the DC and the PC about it.",
      errors: [
        { messageId: 'ambiguous', line: 1, column: 33, endLine: 1, endColumn: 35 },
        { messageId: 'ambiguous', line: 1, column: 44, endLine: 1, endColumn: 46 },
      ],
    },
    {
      name: "a police rank alone after a collar-number use is still ambiguous",
      code: "Call from PC 4471 Jenkins. PC states she was at the bus station.",
      errors: [{ messageId: 'ambiguous', line: 1, column: 28, endLine: 1, endColumn: 30 }],
    },
    {
      name: "positions in words joined to punctuation, and in escapes",
      code: "Mum said (the CIN) plan, and the IRO’s and IROs' views; T\\&T and P\\.L\\.O. and s\\.47 and the &amp;CIN too.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 15, endLine: 1, endColumn: 18 },
        { messageId: 'notDefined', line: 1, column: 34, endLine: 1, endColumn: 39 },
        { messageId: 'notDefined', line: 1, column: 57, endLine: 1, endColumn: 61 },
        { messageId: 'notDefined', line: 1, column: 66, endLine: 1, endColumn: 74 },
        { messageId: 'notDefined', line: 1, column: 79, endLine: 1, endColumn: 84 },
      ],
      output: "Mum said (the child in need (CIN)) plan, and the IRO’s and IROs' views; T\\&T and P\\.L\\.O. and s\\.47 and the &amp;CIN too.",
    },
    {
      code: "SW visited and discussed the CIN plan with Mum.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 1, endLine: 1, endColumn: 3 },
        { messageId: 'notDefined', line: 1, column: 30, endLine: 1, endColumn: 33 },
      ],
      output: "Social worker (SW) visited and discussed the child in need (CIN) plan with Mum.",
    },
    {
      name: "counts further uses",
      code: "The CIN plan is new. The CIN plan has goals. Everyone agreed the CIN plan.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 8 },
      ],
      output: "The child in need (CIN) plan is new. The CIN plan has goals. Everyone agreed the CIN plan.",
    },
    {
      name: "a definition after the first use",
      code: "The CIN plan was reviewed.\n\nMaya has a child in need (CIN) plan.",
      errors: [
        { messageId: 'definedLater', line: 1, column: 5, endLine: 1, endColumn: 8 },
      ],
      output: "The child in need (CIN) plan was reviewed.\n\nMaya has a child in need (CIN) plan.",
    },
    {
      name: "ambiguous CP",
      code: "Mum said the CP worries her.",
      errors: [
        { messageId: 'ambiguous', line: 1, column: 14, endLine: 1, endColumn: 16 },
      ],
    },
    {
      name: "ambiguous HV",
      code: "Unannounced HV today.",
      errors: [
        { messageId: 'ambiguous', line: 1, column: 13, endLine: 1, endColumn: 15 },
      ],
    },
    {
      name: "DNA",
      code: "Ruby was a DNA for her dental appointment.",
      errors: [
        { messageId: 'wasNotBrought', line: 1, column: 12, endLine: 1, endColumn: 15 },
      ],
    },
    {
      name: "DNA'd",
      code: "Mum DNA'd the meeting.",
      errors: [
        { messageId: 'wasNotBrought', line: 1, column: 5, endLine: 1, endColumn: 10 },
      ],
    },
    {
      name: "plural",
      code: "Two SWs saw her.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 8 },
      ],
      output: "Two social workers (SWs) saw her.",
    },
    {
      name: "possessive",
      code: "The IRO's view was clear.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 10 },
      ],
    },
    {
      name: "section with a full stop",
      code: "The s.47 enquiry started.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 9 },
      ],
      output: "The section 47 (s.47) enquiry started.",
    },
    {
      name: "section in capitals",
      code: "Threshold met for S47.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 19, endLine: 1, endColumn: 22 },
      ],
      output: "Threshold met for section 47 enquiry (S47).",
    },
    {
      name: "section with a space",
      code: "She is accommodated under s 20 now.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 27, endLine: 1, endColumn: 31 },
      ],
      output: "She is accommodated under section 20 (s 20) now.",
    },
    {
      name: "dotted",
      code: "We are in the P.L.O. now.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 15, endLine: 1, endColumn: 21 },
      ],
      output: "We are in the Public Law Outline (P.L.O.) now.",
    },
    {
      name: "ampersand",
      code: "She had T&T at breakfast club.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 9, endLine: 1, endColumn: 12 },
      ],
      output: "She had tea and toast (T&T) at breakfast club.",
    },
    {
      name: "mixed case",
      code: "Mr Pryce is HoY at the school.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 13, endLine: 1, endColumn: 16 },
      ],
      output: "Mr Pryce is head of year (HoY) at the school.",
    },
    {
      name: "hyphenated",
      code: "This is a non-CIN case.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 15, endLine: 1, endColumn: 18 },
      ],
    },
    {
      name: "an article that changes",
      code: "The court made an SGO.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 19, endLine: 1, endColumn: 22 },
      ],
      output: "The court made a special guardianship order (SGO).",
    },
    {
      name: "unknown abbreviation",
      code: "The FSS team will visit.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 8 },
      ],
    },
    {
      name: "a heading use never defined",
      code: "# CIN review\n\nWe met at school.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 3, endLine: 1, endColumn: 6 },
      ],
      output: "# Child in need (CIN) review\n\nWe met at school.",
    },
    {
      name: "initials that do not match are no definition",
      code: "Rachel Dunne (SW) chaired.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 15, endLine: 1, endColumn: 17 },
      ],
    },
    {
      name: "glossary",
      code: "The FSS team will visit.",
      options: {"glossary":{"FSS":"family safeguarding service"}},
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 8 },
      ],
      output: "The family safeguarding service (FSS) team will visit.",
    },
    {
      name: "mode never reports a defined abbreviation",
      code: "Maya has a child in need (CIN) plan. The CIN plan works.",
      options: {"mode":"never"},
      errors: [
        { messageId: 'abbreviation', line: 1, column: 27, endLine: 1, endColumn: 30 },
      ],
    },
    {
      name: "mode never reports GP and A&E, widely known as they are",
      code: "Mum's GP sent her to A&E.",
      options: {"mode":"never"},
      errors: [
        { messageId: 'abbreviation', line: 1, column: 7, endLine: 1, endColumn: 9 },
        { messageId: 'abbreviation', line: 1, column: 22, endLine: 1, endColumn: 25 },
      ],
    },
    {
      name: "SEND as an abbreviation",
      code: "She has SEND and gets help.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 9, endLine: 1, endColumn: 13 },
      ],
      output: "She has special educational needs and disabilities (SEND) and gets help.",
    },
    {
      name: "MASH, which is also a word",
      code: "The referral came via MASH.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 23, endLine: 1, endColumn: 27 },
      ],
      output: "The referral came via Multi-Agency Safeguarding Hub (MASH).",
    },
    {
      name: "one report per abbreviation, in order",
      code: "The TM and the DSL met. The TM agreed and the DSL did not.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 5, endLine: 1, endColumn: 7 },
        { messageId: 'notDefined', line: 1, column: 16, endLine: 1, endColumn: 19 },
      ],
      output: "The team manager (TM) and the Designated Safeguarding Lead (DSL) met. The TM agreed and the DSL did not.",
    },
    {
      name: "an attendee line is not a surname: SL is used before it is said who SL is",
      code: "Present: SL, KT (class teacher).\n\nSL said Jay slept better.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 10, endLine: 1, endColumn: 12, message: 'It is used 1 more time after this.' },
      ],
    },
    {
      name: "contact-log shorthand: write the word, no fix",
      code: "04/11/25 T/C from sch. L missed her dental appt and two other appts. Sch to f/u w/c 10/11.",
      errors: [
        { messageId: 'shorthand', line: 1, column: 10, endLine: 1, endColumn: 13, message: 'write "telephone call" instead.' },
        { messageId: 'shorthand', line: 1, column: 19, endLine: 1, endColumn: 22, message: 'write "school" or "schedule" instead. It is used 1 more time after this.' },
        { messageId: 'shorthand', line: 1, column: 44, endLine: 1, endColumn: 48, message: 'It is used 1 more time after this.' },
        { messageId: 'shorthand', line: 1, column: 77, endLine: 1, endColumn: 80, text: 'f/u' },
        { messageId: 'shorthand', line: 1, column: 81, endLine: 1, endColumn: 84, message: '"week commencing", "wheelchair" or "toilet"' },
      ],
    },
    {
      name: "sentence start capital in the fix",
      code: "CAMHS will see him.",
      errors: [
        { messageId: 'notDefined', line: 1, column: 1, endLine: 1, endColumn: 6 },
      ],
      output: "Child and Adolescent Mental Health Services (CAMHS) will see him.",
    },
  ],
});

describe('abbreviations.json', () => {
  it('is a valid word list of at least 120 abbreviations', () => {
    const list = validateLexicon(data, 'abbreviations.json', { ambiguous: 'boolean' });
    expect(list.entries.length).toBeGreaterThanOrEqual(120);
    for (const entry of list.entries) expect(entry.expected.length, entry.id).toBeGreaterThan(0);
  });

  it('lists as shorthand only forms that are never English words', () => {
    const shorthand = (data.entries as Array<{ id: string; match: string[]; shorthand?: boolean }>).filter((e) => e.shorthand);
    expect(shorthand.map((e) => e.id)).toEqual(['t-c', 'w-c', 'f-u', 'appt', 'sch']);
    for (const entry of shorthand) for (const form of entry.match) expect(commonWords.has(form.toLowerCase()), form).toBe(false);
  });
});

describe('team lists', () => {
  it('reads abbreviations from a team list given in `lexicons`', () => {
    const file = teamWordList([{ id: 'fss', match: ['FSS'], expected: ['family safeguarding service'], note: 'Ours.', source: 'team' }]);
    const messages = lintWithRule(rule, 'The FSS team will visit.', { lexicons: [file] });
    expect(messages.map((m) => [m.messageId, m.expected])).toEqual([['notDefined', ['family safeguarding service (FSS)']]]);
  });

  it('names the file and entry when a team list is wrong', () => {
    const file = teamWordList([{ id: 'fss', match: ['FSS'], expected: [], note: 'Ours.', source: 'team', ambigous: true }]);
    const [message] = lintWithRule(rule, 'The FSS team.', { lexicons: [file] });
    expect(message.messageId).toBe('ruleFailed');
    expect(message.message).toMatch(/team\.json: entry "fss": unknown field "ambigous"/);
  });
});
