import { describe, expect, it } from 'vitest';
import rule, { clock } from './index.js';
import { lintWithRule, ruleTester } from '../../test/helpers/rule-tester.js';

// "Now", for notes without a `recorded` date: Friday 20 November 2026, 12:00 UK time.
clock.now = () => Date.parse('2026-11-20T12:00:00Z');

const note = (front: string, body = 'I visited Leo at home.') => `---\n${front}\n---\n\n${body}\n`;
/** An invalid case whose one report stands at the value of front matter `key`, with full positions. */
function bad(name: string, code: string, messageId: string, key: string, message?: string) {
  const lines = code.split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(`${key}:`));
  const value = lines[line].slice(key.length + 1).trim();
  const column = lines[line].indexOf(value, key.length + 1) + 1;
  const error = { messageId, line: line + 1, column, endLine: line + 1, endColumn: column + value.length, ...(message ? { message } : {}) };
  return { name, code, errors: [error] };
}

const dates = (event: string, recorded: string, extra = '') => note(`author: Jess Morley\nevent: ${event}\nrecorded: ${recorded}${extra ? `\n${extra}` : ''}`);

ruleTester(rule, {
  valid: [
    { name: 'no front matter', code: 'I visited Leo at home on Monday.' },
    { name: 'a plain-text note', code: 'event: 2026-11-16\nrecorded: 2026-11-30\n', filename: 'note.txt' },
    { name: 'front matter without event', code: note('author: Jess Morley\nrecorded: 2026-11-24') },
    { name: 'empty event', code: note('event:\nrecorded: 2026-11-24') },
    { name: 'Monday 10:00 to Wednesday 23:59 (the last minute of the second working day)', code: dates('2026-11-16T10:00', '2026-11-18T23:59') },
    { name: 'same day', code: dates('2026-11-16T10:00', '2026-11-16T16:00') },
    { name: 'Friday to Tuesday (weekend skipped)', code: dates('2026-11-20T10:00', '2026-11-24T17:00') },
    { name: 'Friday to Monday: 3 calendar days, 1 working day', code: dates('2026-11-20T10:00', '2026-11-23T15:00') },
    { name: 'Saturday event to Tuesday', code: dates('2026-11-21 11:00', '2026-11-24 18:00') },
    { name: 'Easter 2026: Thursday to the next Wednesday (Good Friday and Easter Monday skipped)', code: dates('2026-04-02T14:00', '2026-04-08T17:00') },
    { name: 'Christmas 2026: Thursday 24 December to Wednesday 30 December (Boxing Day substitute on Monday 28th)', code: dates('2026-12-24', '2026-12-30') },
    { name: 'New Year 2022 substitute day: Friday 31 December to Wednesday 5 January', code: dates('2021-12-31T10:00', '2022-01-05T10:00') },
    { name: 'spring bank holiday 2026: Friday 22 May to Wednesday 27 May', code: dates('2026-05-22T10:00', '2026-05-27T10:00') },
    { name: 'summer bank holiday 2026: Friday 28 August to Wednesday 2 September', code: dates('2026-08-28T10:00', '2026-09-02T10:00') },
    { name: 'Platinum Jubilee 2022: Wednesday 1 June to Tuesday 7 June', code: dates('2022-06-01T10:00', '2022-06-07T10:00') },
    { name: 'state funeral 2022: Friday 16 September to Wednesday 21 September', code: dates('2022-09-16T10:00', '2022-09-21T10:00') },
    { name: 'coronation 2023: Friday 5 May to Wednesday 10 May', code: dates('2023-05-05T10:00', '2023-05-10T10:00') },
    { name: 'VE Day 2020: early May bank holiday on Friday 8 May, Monday 4 May a working day', code: dates('2020-05-07T10:00', '2020-05-11T10:00') },
    { name: 'UK day-first dates', code: dates('16/11/2026 10:00', '18/11/2026') },
    { name: 'safeguarding: exactly 24 hours', code: dates('2026-11-24T11:30', '2026-11-25T11:30', 'safeguarding: true') },
    { name: 'safeguarding: same day', code: dates('2026-11-24T11:30', '2026-11-24T15:45', 'safeguarding: true') },
    { name: 'safeguarding with dates only: the next day may be within 24 hours', code: dates('2026-11-24', '2026-11-25', 'safeguarding: true') },
    { name: 'clocks go forward: 24 hours 30 minutes on the clock face is 23 hours 30 minutes', code: dates('2026-03-28T12:00', '2026-03-29T12:30', 'safeguarding: true') },
    {
      name: 'safeguarding: false wins over a mention of a strategy discussion',
      code: note('event: 2026-11-16T10:00\nrecorded: 2026-11-18T16:00\nsafeguarding: false', 'We talked about the strategy discussion held last month.'),
    },
    {
      name: 'a strategy discussion that is not held is not a reason for 24 hours',
      code: note('event: 2026-11-20T10:00\nrecorded: 2026-11-23T15:00', 'I advised that the threshold for a strategy discussion is not met at this time.'),
    },
    {
      name: 'a past section 47 enquiry is not a reason for 24 hours',
      code: note('event: 2026-11-16T10:00\nrecorded: 2026-11-18T15:00', 'There was a previous section 47 enquiry in 2023.'),
    },
    { name: "Dudley's 3 working days", code: dates('2026-11-16T10:00', '2026-11-19T17:00'), options: { workingDays: 3 } },
    { name: 'no recorded date, written now within the limit', code: note('event: 2026-11-19T10:00') },
    { name: 'no recorded date, missingRecorded: skip', code: note('event: 2026-10-01T10:00'), options: { missingRecorded: 'skip' } },
    { name: 'an explicit offset is respected', code: dates('2026-11-16T23:30Z', '2026-11-18T23:59+00:00') },
    { name: 'quoted values and a comment', code: note('event: "2026-11-16T10:00"  # the visit\nrecorded: \'2026-11-18\'') },
    { name: 'capitalised keys', code: note('Event: 2026-11-16T10:00\nRecorded: 2026-11-17T10:00') },
  ],
  invalid: [
    bad('six working days after a home visit', dates('2026-11-16T10:00', '2026-11-24T16:50'), 'late', 'recorded',
      "written 6 working days after the event (Monday 16 November 2026 at 10:00 to Tuesday 24 November 2026 at 16:50). Coventry's Record Keeping Practice Guidance asks for case notes within 2 working days, so it is 4 working days late."),
    bad('Monday 10:00 to Thursday 00:00: one minute into the third working day', dates('2026-11-16T10:00', '2026-11-19T00:00'), 'late', 'recorded', '1 working day late'),
    bad('Friday to Wednesday', dates('2026-11-20T10:00', '2026-11-25T09:00'), 'late', 'recorded', '3 working days after'),
    bad('Easter 2026: Thursday to the next Thursday', dates('2026-04-02T14:00', '2026-04-09T09:00'), 'late', 'recorded', '1 working day late'),
    bad('Christmas 2026: Thursday 24 December to Thursday 31 December', dates('2026-12-24', '2026-12-31'), 'late', 'recorded', 'Thursday 24 December 2026 to Thursday 31 December 2026'),
    bad('New Year 2022: Friday 31 December to Thursday 6 January', dates('2021-12-31T10:00', '2022-01-06T10:00'), 'late', 'recorded', '3 working days after'),
    bad('Platinum Jubilee 2022: Wednesday 1 June to Wednesday 8 June', dates('2022-06-01T10:00', '2022-06-08T10:00'), 'late', 'recorded', '3 working days'),
    bad('state funeral 2022: Friday 16 September to Thursday 22 September', dates('2022-09-16T10:00', '2022-09-22T10:00'), 'late', 'recorded', '3 working days'),
    bad('coronation 2023: Friday 5 May to Thursday 11 May', dates('2023-05-05T10:00', '2023-05-11T10:00'), 'late', 'recorded', '3 working days'),
    bad('summer bank holiday 2026: Friday 28 August to Thursday 3 September', dates('2026-08-28T10:00', '2026-09-03T10:00'), 'late', 'recorded', '3 working days'),
    bad('a strategy discussion recorded three days later', dates('2026-11-09T14:00', '2026-11-12T16:30', 'safeguarding: true'), 'lateUrgent', 'recorded',
      "written 74 hours 30 minutes after the event (Monday 9 November 2026 at 14:00 to Thursday 12 November 2026 at 16:30). Where significant harm is being assessed (the front matter says safeguarding: true), Coventry's Record Keeping Practice Guidance asks for the record within 24 hours, so it is 50 hours 30 minutes late."),
    bad('one minute over 24 hours', dates('2026-11-24T11:30', '2026-11-25T11:31', 'safeguarding: yes'), 'lateUrgent', 'recorded', 'so it is 1 minute late'),
    bad('the note speaks of a section 47 enquiry', note('event: 2026-11-16T10:00\nrecorded: 2026-11-17T16:00', 'Visit to Leo.\n\nWe agreed to start an enquiry under section 47 of the Children Act 1989.'),
      'lateUrgent', 'recorded', 'the note mentions a section 47 enquiry on line 8'),
    bad('the note speaks of s47 (abbreviated)', note('event: 2026-11-26T09:00\nrecorded: 2026-11-27T14:00', 'Meeting at school as part of the ongoing s47.'), 'lateUrgent', 'recorded', 'mentions a section 47 enquiry'),
    bad('a heading names a strategy meeting', note('event: 2026-11-16T10:00\nrecorded: 2026-11-17T16:00', '# Strategy meeting about Sofia\n\nWe met at 10am.'), 'lateUrgent', 'recorded', 'mentions a strategy meeting on line 6'),
    bad('front matter type says strategy discussion', note('type: strategy discussion\nevent: 2026-11-16T10:00\nrecorded: 2026-11-18T10:00'), 'lateUrgent', 'recorded', 'the front matter says type: strategy discussion'),
    bad('the note speaks of police protection', note('event: 2026-11-16T22:00\nrecorded: 2026-11-18T09:00', 'Police used their powers of police protection for Jack at 10pm.'), 'lateUrgent', 'recorded', 'police protection'),
    bad('clocks go back: 23 hours 30 minutes on the clock face is 24 hours 30 minutes', dates('2026-10-24T12:00', '2026-10-25T11:30', 'safeguarding: true'), 'lateUrgent', 'recorded', 'written 24 hours 30 minutes after'),
    bad('safeguarding with dates only, two days apart', dates('2026-11-24', '2026-11-26', 'safeguarding: true'), 'lateUrgent', 'recorded', 'at least 24 hours 1 minute after'),
    {
      ...bad("Dudley's 3 working days, recorded on the fourth", dates('2026-11-16T10:00', '2026-11-20T09:00'), 'late', 'recorded',
        "Dudley's Practice Standard: Recording asks for case notes within 3 working days, so it is 1 working day late."),
      options: { workingDays: 3, standard: "Dudley's Practice Standard: Recording" },
    },
    bad('an unreadable event date', note('author: Jess Morley\nevent: next Tuesday'), 'badDate', 'event', '`event` cannot be read: "next Tuesday" is not a date in a format recordlint reads.'),
    bad('a date that does not exist', dates('31/02/2026', '2026-03-03'), 'badDate', 'event', 'is not a real date'),
    bad('a number, not a date', note('event: 20261116'), 'badDate', 'event', '20261116 is not a date'),
    bad('an impossible time in recorded', dates('2026-11-16 10:00', '2026-11-16 25:00'), 'badDate', 'recorded', '`recorded` cannot be read: "2026-11-16 25:00" is not a real time'),
    bad('US month-first date', dates('11/16/2026', '2026-11-17'), 'badDate', 'event', 'is not a real date'),
    bad('recorded before the event', dates('2026-11-16T10:00', '2026-11-15T10:00'), 'recordedBeforeEvent', 'recorded',
      '`recorded` (Sunday 15 November 2026 at 10:00) is before `event` (Monday 16 November 2026 at 10:00)'),
    bad('recorded an hour before the event on the same day', dates('2026-11-16T10:00', '2026-11-16T09:00'), 'recordedBeforeEvent', 'recorded'),
    bad('an event after now and no recorded date', note('event: 2026-12-01T10:00'), 'eventInFuture', 'event', 'is later than now'),
    bad('no recorded date, and now is past the limit', note('event: 2026-11-16T10:00'), 'lateNow', 'event', 'it is now 4 working days after the event (Monday 16 November 2026 at 10:00)'),
    bad('no recorded date, safeguarding, and now is past 24 hours', note('event: 2026-11-18T10:00\nsafeguarding: true'), 'lateUrgentNow', 'event', 'it is now 50 hours after the event'),
    bad('Windows line endings', '---\r\nevent: 2026-11-16T10:00\r\nrecorded: 2026-11-24T16:50\r\n---\r\n\r\nVisit.\r\n', 'late', 'recorded'),
  ],
});

describe('meta.examples (shown by --explain)', () => {
  it('the bad example is reported and the good one is not', () => {
    expect(lintWithRule(rule, rule.meta.examples!.bad).length).toBeGreaterThan(0);
    expect(lintWithRule(rule, rule.meta.examples!.good)).toEqual([]);
  });
});
