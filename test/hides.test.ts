// A rule's meta.hides: reports of the named rules inside one of its reports
// are dropped (src/engine.ts), because that report already asks for the text
// to change.
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';

const ids = (messages: Array<{ ruleId: string | null }>) => messages.map((m) => m.ruleId);

const email = [
  'I phoned the school about Leo.',
  '',
  'From: Nicola Barratt <n.barratt@school.example.org>',
  'Sent: 25 November 2026 11:47',
  'To: Jess Morley',
  'Subject: Leo - attendance',
  '',
  'Hi Jess, the DSL says Mum was aggressive at the gate. LAC review is next week.',
  '',
  'Kind regards,',
  'Nicola',
].join('\n');

describe('meta.hides', () => {
  it('drops the abbreviation inside a jargon phrase, and keeps it elsewhere', async () => {
    const { messages } = await lintText('We held the LAC review on Monday.', { useConfigFiles: false });
    expect(messages.map((m) => [m.ruleId, m.messageId, m.line, m.column, m.endColumn])).toEqual([['no-jargon', 'jargon', 1, 13, 23]]);
    const alone = await lintText('Leo is LAC and lives with his foster carers.', { useConfigFiles: false });
    expect(alone.messages.map((m) => [m.ruleId, m.line, m.column])).toContainEqual(['no-undefined-abbreviation', 1, 8]);
  });

  it('drops every other rule’s reports inside a pasted email, and none outside it', async () => {
    const { messages } = await lintText(email, { useConfigFiles: false });
    expect(ids(messages)).toEqual(['no-email-paste']);
    expect(messages[0]).toMatchObject({ line: 3, endLine: 11 });
  });

  it('leaves them when the hiding rule is off', async () => {
    const { messages } = await lintText(email, { useConfigFiles: false, rules: { 'no-email-paste': 'off' } });
    expect(ids(messages)).toEqual(expect.arrayContaining(['no-undefined-abbreviation', 'no-jargon']));
    const lac = await lintText('We held the LAC review on Monday.', { useConfigFiles: false, rules: { 'no-jargon': 'off' } });
    expect(ids(lac.messages)).toEqual(['no-undefined-abbreviation']);
  });

  it('keeps reports that only overlap the hiding report', async () => {
    // "LAC" starts inside nothing no-jargon reports here: both stay.
    const { messages } = await lintText('The LAC team held the LAC review.', { useConfigFiles: false });
    expect(messages.map((m) => [m.ruleId, m.column])).toEqual(
      expect.arrayContaining([
        ['no-undefined-abbreviation', 5],
        ['no-jargon', 23],
      ]),
    );
    expect(messages.some((m) => m.ruleId === 'no-undefined-abbreviation' && m.column === 23)).toBe(false);
  });
});
