import { describe, expect, it } from 'vitest';
import rule from './index.js';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';

const body = '\n# Home visit\n\nI visited Leo at home.\n';

ruleTester(rule, {
  valid: [
    { name: 'author and event given', code: `---\nauthor: Jess Morley, social worker\nevent: 2026-11-16T10:00\n---\n${body}` },
    { name: 'keys in another case', code: `---\nAuthor: Jess Morley\nEvent: 2026-11-16\n---\n${body}` },
    { name: 'quoted values', code: `---\nauthor: "Jess Morley"\nevent: '2026-11-16'\n---\n${body}` },
    { name: 'a list of authors', code: `---\nauthor:\n  - Jess Morley\n  - Sam Patel\nevent: 2026-11-16\n---\n${body}` },
    { name: 'no front matter: left alone by default', code: `# Home visit\n\nI visited Leo at home.\n` },
    { name: 'a plain-text note: left alone by default', code: 'Phone call with Mrs Baptiste.\n\nTom Gallagher, social worker\n', filename: 'note.txt' },
    { name: 'broken front matter: the engine reports it, not this rule', code: `---\nauthor: [Jess\nevent: 2026-11-16\n---\n${body}` },
    { name: 'a custom list', code: `---\nauthor: Jess Morley\nevent: 2026-11-16\nchild: Leo Hartley\n---\n${body}`, options: { required: ['author', 'event', 'child'] } },
    { name: 'nothing required', code: `---\ntitle: Visit\n---\n${body}`, options: { required: [] } },
    { name: 'event as a number still counts as given (timely-recording reads it)', code: `---\nauthor: Jess\nevent: 20261116\n---\n${body}` },
    { name: 'requireFrontMatter with front matter in place', code: `---\nauthor: Jess\nevent: 2026-11-16\n---\n${body}`, options: { requireFrontMatter: true } },
    { name: 'false is a value', code: `---\nauthor: Jess\nevent: 2026-11-16\nsafeguarding: false\n---\n${body}`, options: { required: ['author', 'event', 'safeguarding'] } },
    { name: 'Windows line endings', code: '---\r\nauthor: Jess\r\nevent: 2026-11-16\r\n---\r\n\r\nVisit.\r\n' },
    { name: 'a nested key with the same name does not count, but the top-level one does', code: `---\nauthor: Jess\nevent: 2026-11-16\nmeta:\n  author:\n---\n${body}` },
    // requireFrontMatter: a note signed and dated in its text says who wrote it and when.
    ...[
      ['a closing name, role and date', 'Contact log for Ellie-Mae\n\nI rang the school.\n\nGareth Owen, social worker – written up 11/11/2025 11:20\n', 'note.txt'],
      ['"Signed:" and a second signature', 'Case supervision\n\nWe discussed the plan.\n\n**Signed:** Mark Ellery, team manager, 20/11/2025\nSian Roberts, social worker, 20/11/2025\n', 'note.md'],
      ['a name alone, and a "Date and time:" line', 'Telephone call with the health visitor\n\nDate and time: 27/11/2025, 10.20am\n\nWe talked about Lily-Rose.\n\nAnna Kowalczyk\nSocial Worker, Fairfield Children in Need Team\n', 'note.txt'],
      ['"Written by" with a date', '## Case summary\nWritten by Beth Carroll, social worker, on 28/11/2025\n\nJayden is 15.\n\n1. Review the plan in January.\n2. Tell Jayden.\n3. Close the case.\n', 'note.md'],
      ['a date in the title and a closing name', 'Supervision 21/11/2025 - the Patel family\n\nWe discussed the children.\n\nRuth Asante, team manager\n', 'note.txt'],
      ['a date written out', 'Phone call with Mrs Baptiste.\n\nTom Gallagher, social worker\nWritten on 25 November 2026 at 9.10am\n', 'note.txt'],
      ['a chronology kept by and last reviewed', '# Chronology - Amelia Turvey\n\nKept by: Nadia Rahman, social worker\nLast reviewed: 01/12/2025, with Amelia\'s mum\n\n| Date | What happened |\n|---|---|\n| 03/02/2024 | Police were called. |\n', 'note.md'],
      ['"Prepared by" and "Updated on"', 'Safety plan for Leo\n\nPrepared by Ola Nowak, family support worker\nUpdated on 3 March 2026\n\nLeo will ring his nan if he feels unsafe.\n', 'note.txt'],
    ].map(([name, code, filename]) => ({ name: `no front matter, signed and dated: ${name}`, code, filename, options: { requireFrontMatter: true } })),
  ],
  invalid: [
    {
      name: 'no author',
      code: `---\nchild: Leo Hartley\nevent: 2026-11-16T10:00\n---\n${body}`,
      errors: [{ messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'The front matter has no `author`: add who wrote the note' }],
    },
    {
      name: 'no event',
      code: `---\nauthor: Jess Morley\n---\n${body}`,
      errors: [{ messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'no `event`: add when the visit, meeting or call happened' }],
    },
    {
      name: 'neither',
      code: `---\nchild: Leo Hartley\n---\n${body}`,
      errors: [
        { messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4, message: '`author`' },
        { messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4, message: '`event`' },
      ],
    },
    { name: 'empty front matter', code: `---\n---\n${body}`, errors: [{ messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4 }, { messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4 }] },
    {
      name: 'author empty',
      code: `---\nauthor:\nevent: 2026-11-16\n---\n${body}`,
      errors: [{ messageId: 'emptyKey', line: 2, column: 1, endLine: 2, endColumn: 7, message: '`author` is empty' }],
    },
    { name: 'author blank string', code: `---\nauthor: ""\nevent: 2026-11-16\n---\n${body}`, errors: [{ messageId: 'emptyKey', line: 2, column: 1, endLine: 2, endColumn: 7 }] },
    { name: 'event an empty list', code: `---\nauthor: Jess\nevent: []\n---\n${body}`, errors: [{ messageId: 'emptyKey', line: 3, column: 1, endLine: 3, endColumn: 6 }] },
    {
      name: 'a custom required key',
      code: `---\nauthor: Jess\nevent: 2026-11-16\n---\n${body}`,
      options: { required: ['author', 'event', 'supervisor'] },
      errors: [{ messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'add `supervisor` (your configuration requires it).' }],
    },
    {
      name: 'no front matter with requireFrontMatter',
      code: `# Home visit\n\nI visited Leo at home.\n`,
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatter', line: 1, column: 1, endLine: 1, endColumn: 13, message: 'giving `author`, `event`.' }],
    },
    {
      name: 'a plain-text note with requireFrontMatter',
      code: 'Phone call with Mrs Baptiste.\n\nTom Gallagher\n',
      filename: 'note.txt',
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatterText', line: 1, column: 1, endLine: 1, endColumn: 30 }],
    },
    {
      name: 'a plain-text note signed without a date',
      code: 'Phone call with Mrs Baptiste.\n\nTom Gallagher, social worker\n',
      filename: 'note.txt',
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatterText', line: 1, column: 1, endLine: 1, endColumn: 30, message: 'This plain-text note is not dated. End it with a signature line giving your name, role and the date' }],
    },
    {
      name: 'dated but not signed',
      code: '## School meeting - Riley Kent\n\nDate: 19/11/2025\n\nThe school do not agree with the plan.\n\nActions: SW to feed back to TM.\n',
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatter', line: 1, column: 1, endLine: 1, endColumn: 31, message: 'This note has no front matter and is not signed. End it with a signature line' }],
    },
    {
      name: 'a "reviewed" sentence is not a date label',
      code: 'Safety plan for Leo\n\nPrepared by Ola Nowak, family support worker\n\nWe reviewed the plan with Leo, who said on 3/3/2026 that it helps.\n',
      filename: 'note.txt',
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatterText', line: 1, column: 1, endLine: 1, endColumn: 20, message: 'This plain-text note is not dated.' }],
    },
    {
      name: 'a date of birth does not date the note, and a sentence about someone is not a signature',
      code: 'Case notes - Leah Morgan DOB 03/04/2016\n\nI rang the school.\n\nMr Pollard, the head of year, will send the figures every Friday.\n',
      filename: 'note.txt',
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatterText', line: 1, column: 1, endLine: 1, endColumn: 40, message: 'This plain-text note is not signed and dated.' }],
    },
    {
      name: 'a key only front matter can give',
      code: 'Phone call with Mrs Baptiste.\n\nTom Gallagher, social worker, 25/11/2026\n',
      options: { requireFrontMatter: true, required: ['author', 'event', 'child'] },
      errors: [
        {
          messageId: 'noFrontMatter',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 30,
          message: 'This note has no front matter and does not give `child`. Start it with a front matter block giving `author`, `event`, `child`.',
        },
      ],
    },
    {
      name: 'front matter after a blank line is not front matter',
      code: `\n---\nauthor: Jess\n---\n${body}`,
      options: { requireFrontMatter: true },
      errors: [{ messageId: 'noFrontMatter', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'Windows line endings, empty event',
      code: '---\r\nauthor: Jess\r\nevent:\r\n---\r\n\r\nVisit.\r\n',
      errors: [{ messageId: 'emptyKey', line: 3, column: 1, endLine: 3, endColumn: 6 }],
    },
    {
      name: 'a key given only in a nested mapping is missing',
      code: `---\nevent: 2026-11-16\nmeta:\n  author: Jess\n---\n${body}`,
      errors: [{ messageId: 'missingKey', line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
  ],
});

describe('meta.examples (shown by --explain)', () => {
  it('the bad example is reported and the good one is not', () => {
    expect(lintWithRule(rule, rule.meta.examples!.bad).length).toBeGreaterThan(0);
    expect(lintWithRule(rule, rule.meta.examples!.good)).toEqual([]);
  });
});
