// Reporters are pure functions: these tests feed them hand-made results.
import { describe, expect, it } from 'vitest';
import type { LintMessage, LintResult } from '../src/types.js';
import type { RuleMeta } from '../src/rule.js';
import { makeResult } from '../src/linter.js';
import { getFormatter, formatterNames, FormatterError, type FormatterContext } from '../src/reporters/index.js';
import { stylish, excerpt } from '../src/reporters/stylish.js';
import { json } from '../src/reporters/json.js';
import { fatalResult } from '../src/index.js';

const ansi = /\u001b\[/;

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'no-email-paste',
    messageId: 'pasted',
    severity: 2,
    message: 'This looks like a pasted email.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    range: [0, 4],
    actual: 'From',
    expected: [],
    url: 'https://example.org/rules/no-email-paste/README.md',
    ...overrides,
  };
}

const meta = {
  type: 'problem',
  description: 'Emails pasted into a case note',
  guidance: ['dudley:emails'],
  messages: { pasted: 'This looks like a pasted email.' },
  fixable: false,
  defaultSeverity: 'error',
  url: 'https://example.org/rules/no-email-paste/README.md',
} satisfies RuleMeta;

const context = (overrides: Partial<FormatterContext> = {}): FormatterContext => ({
  cwd: '/work/notes',
  color: false,
  rulesMeta: { 'no-email-paste': meta },
  ...overrides,
});

describe('getFormatter', () => {
  it('knows stylish and json (and the CI formats: test/reporters-ci.test.ts)', async () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'compact', 'summary']);
    expect(await getFormatter('json')).toBe(json);
    expect(await getFormatter('stylish')).toBe(stylish);
    expect(await getFormatter()).toBe(stylish);
  });

  it('rejects an unknown name with the list of names and a suggestion', async () => {
    await expect(getFormatter('jsn')).rejects.toThrow(FormatterError);
    await expect(getFormatter('jsn')).rejects.toThrow('unknown format "jsn" (did you mean "json"?): use one of stylish, json');
    await expect(getFormatter('toString')).rejects.toThrow('use one of stylish, json');
  });
});

describe('json reporter', () => {
  it('prints [] for no files', () => {
    expect(json([], context())).toBe('[]');
  });

  it('prints a result with no messages as valid JSON', () => {
    const out = JSON.parse(json([makeResult('/work/notes/a.md', [], 'Text')], context()));
    expect(out).toEqual([
      { filePath: '/work/notes/a.md', messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
    ]);
  });

  it("has ESLint's shape plus recordlint's fields, and never the note's text or offsets", () => {
    const m = message({ severity: 1, note: 'Summarise the email instead.', expected: ['a summary'], line: 3, column: 2, endLine: 4, endColumn: 7 });
    const out = JSON.parse(json([makeResult('/work/notes/a.md', [m], 'secret case note text')], context()));
    expect(Object.keys(out[0])).toEqual(['filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
    expect(out[0].messages[0]).toEqual({
      ruleId: 'no-email-paste',
      severity: 1,
      message: 'This looks like a pasted email.',
      line: 3,
      column: 2,
      endLine: 4,
      endColumn: 7,
      messageId: 'pasted',
      actual: 'From',
      expected: ['a summary'],
      note: 'Summarise the email instead.',
      url: 'https://example.org/rules/no-email-paste/README.md',
    });
    expect(out[0].warningCount).toBe(1);
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('keeps fix, fatal and output where ESLint has them', () => {
    const fixed = makeResult('/a.md', [message({ fix: { range: [0, 4], text: 'Email' } })], 'From x');
    fixed.output = 'Email x';
    const out = JSON.parse(json([fixed, fatalResult('/b.md', 'binary', 'This is binary data.')], context()));
    expect(out[0].messages[0].fix).toEqual({ range: [0, 4], text: 'Email' });
    expect(out[0].fixableErrorCount).toBe(1);
    expect(out[0].output).toBe('Email x');
    expect(out[1].messages[0]).toMatchObject({ ruleId: null, severity: 2, fatal: true, messageId: 'binary', line: 1, column: 1 });
    expect(out[1].fatalErrorCount).toBe(1);
    expect(out[1].errorCount).toBe(1);
  });

  it('escapes whatever the note holds', () => {
    const m = message({ actual: 'a "quoted"\n\u0000 word \u2028' });
    expect(JSON.parse(json([makeResult('/a.md', [m])], context()))[0].messages[0].actual).toBe(m.actual);
  });
});

describe('stylish reporter', () => {
  const source = 'Spoke to Mum.\nFrom: school@example.org\nSent: Monday\n';

  it('prints nothing when there are no problems', () => {
    expect(stylish([], context())).toBe('');
    expect(stylish([makeResult('/work/notes/a.md', [], source)], context())).toBe('');
  });

  it('shows path:line:col, severity, message, rule, the line and a caret under the words', () => {
    const m = message({ line: 2, column: 1, endLine: 2, endColumn: 6, range: [14, 19] });
    const out = stylish([makeResult('/work/notes/visits/a.md', [m], source)], context());
    const lines = out.split('\n');
    expect(lines[0]).toBe('visits/a.md:2:1  error  This looks like a pasted email.  no-email-paste');
    expect(lines[1]).toBe('  2 | From: school@example.org');
    expect(lines[2]).toBe('    | ^^^^^');
    expect(out).not.toMatch(ansi);
    expect(lines[lines.length - 1]).toBe('✖ 1 problem (1 error, 0 warnings)');
  });

  it('shows what to write instead and why', () => {
    const one = stylish([makeResult('/work/notes/a.md', [message({ expected: ['a summary'], note: 'Summarise it.' })], source)], context());
    expect(one).toContain('    → write instead: "a summary"\n    why: Summarise it.');
    const three = stylish([makeResult('/work/notes/a.md', [message({ expected: ['a', 'b', 'c'] })], source)], context());
    expect(three).toContain('→ write instead: "a", "b" or "c"');
    const none = stylish([makeResult('/work/notes/a.md', [message({ expected: [] })], source)], context());
    expect(none).not.toContain('write instead');
  });

  it('labels messages without a rule "recordlint" and shows a fatal file error without an excerpt', () => {
    const frontMatter = message({ ruleId: null, messageId: 'frontMatter', message: 'The front matter could not be read.', line: 1, column: 1, endColumn: 1 });
    const out = stylish([makeResult('/work/notes/a.md', [frontMatter], source), fatalResult('/work/notes/b.md', 'binary', 'This is binary data.')], context());
    expect(out).toContain('a.md:1:1  error  The front matter could not be read.  recordlint\n  1 | Spoke to Mum.\n    | ^');
    expect(out).toContain('b.md:1:1  error  This is binary data.  recordlint\n\n');
    expect(out).toContain('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('shows files outside cwd by their absolute path', () => {
    const out = stylish([makeResult('/elsewhere/a.md', [message()], source)], context());
    expect(out.startsWith('/elsewhere/a.md:1:1  error')).toBe(true);
  });

  it('counts warnings and fixable problems in the summary', () => {
    const results: LintResult[] = [
      makeResult('/work/notes/a.md', [message({ severity: 1 }), message({ severity: 1, fix: { range: [0, 1], text: 'x' } })], source),
      makeResult('/work/notes/b.md', [message({ fix: { range: [0, 1], text: 'x' } })], source),
    ];
    const out = stylish(results, context());
    expect(out).toContain('a.md:1:1  warning  ');
    expect(out.endsWith('✖ 3 problems (1 error, 2 warnings)\n  2 fixable with --fix')).toBe(true);
  });

  it('quotes the guidance once per rule, in a footer', () => {
    const results = [makeResult('/work/notes/a.md', [message(), message({ line: 2, range: [14, 18] })], source), makeResult('/work/notes/b.md', [message()], source)];
    const out = stylish(results, context());
    const quote = 'Emails and email exchanges should not be cut and pasted or attached to case notes.';
    expect(out.split(quote)).toHaveLength(2);
    expect(out).toContain('Practice standards behind these messages:\n  Dudley Practice Standard: Recording, Emails (no-email-paste)\n');
    expect(out).toContain('More about a rule: recordlint --explain <rule-id>');
    expect(out.indexOf(quote)).toBeGreaterThan(out.lastIndexOf('b.md:1:1'));
    expect(out.indexOf(quote)).toBeLessThan(out.indexOf('✖'));
  });

  it('quotes a passage that several rules enforce once, naming them', () => {
    const other = { ...meta, guidance: ['dudley:emails', 'dudley:concise'] } satisfies RuleMeta;
    const results = [makeResult('/work/notes/a.md', [message(), message({ ruleId: 'other-rule' })], source)];
    const out = stylish(results, context({ rulesMeta: { 'no-email-paste': meta, 'other-rule': other } }));
    expect(out).toContain('Dudley Practice Standard: Recording, Emails (no-email-paste, other-rule)');
    expect(out).toContain('Dudley Practice Standard: Recording, Case notes (other-rule)');
    expect(out.split('Emails and email exchanges')).toHaveLength(2);
  });

  it('has no footer when no rule in the results quotes a standard', () => {
    const out = stylish([makeResult('/work/notes/a.md', [message({ ruleId: null })], source)], context());
    expect(out).not.toContain('Practice standards');
  });

  it('colours only when asked', () => {
    const results = [makeResult('/work/notes/a.md', [message()], source)];
    expect(stylish(results, context({ color: true }))).toMatch(ansi);
    expect(stylish(results, context({ color: false }))).not.toMatch(ansi);
  });

  it('keeps control characters and bidi overrides from the note out of the terminal', () => {
    const text = 'Mum said \u001b[2J and \u202eevil\n';
    const m = message({ message: 'Found "\u001b[2J"', line: 1, column: 10, endColumn: 14 });
    const out = stylish([makeResult('/work/notes/a.md', [m], text)], context());
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('  1 | Mum said �[2J and �evil');
  });

  it('handles CRLF line endings', () => {
    const text = 'One\r\nFrom: x\r\n';
    const out = stylish([makeResult('/work/notes/a.md', [message({ line: 2, column: 1, endLine: 2, endColumn: 5 })], text)], context());
    expect(out).toContain('  2 | From: x\n    | ^^^^\n');
    expect(out).not.toContain('\r');
  });
});

describe('stylish excerpt', () => {
  const at = (line: string, column: number, endColumn: number, endLine = 1) => excerpt(line, { line: 1, column, endLine, endColumn }, 100);

  it('underlines the reported words', () => {
    expect(at('Dad was aggressive today', 9, 19)).toEqual({ text: 'Dad was aggressive today', underline: '        ^^^^^^^^^^' });
  });

  it('expands tabs the same way in the line and the underline', () => {
    const { text, underline } = at('\tTab\tthen aggressive', 11, 21);
    expect(text).toBe('    Tab then aggressive');
    expect(text.slice(underline.indexOf('^'))).toBe('aggressive');
  });

  it('counts wide characters as two columns and combining marks as none', () => {
    const line = 'Emoji 😀 café 子 word';
    const start = line.indexOf('word');
    const { text, underline } = at(line, start + 1, start + 5);
    // 😀 is two UTF-16 units and two columns; 子 is one unit but two columns.
    expect(underline.indexOf('^')).toBe(text.indexOf('word') + 1);
    const combining = 'cafe\u0301 word';
    const c = at(combining, combining.indexOf('word') + 1, combining.indexOf('word') + 5);
    expect(c.underline).toBe('     ^^^^');
  });

  it('underlines to the end of the line for a range over several lines', () => {
    expect(at('starts here', 8, 3, 4)).toEqual({ text: 'starts here', underline: '       ^^^^' });
  });

  it('shows one caret for an empty range, also at the end of a line', () => {
    expect(at('abc', 2, 2).underline).toBe(' ^');
    expect(at('abc', 4, 4).underline).toBe('   ^');
    expect(at('', 1, 1)).toEqual({ text: '', underline: '^' });
  });

  it('cuts a long line around the reported words', () => {
    const line = `${'word '.repeat(60)}TARGET ${'tail '.repeat(60)}`;
    const column = line.indexOf('TARGET') + 1;
    const { text, underline } = excerpt(line, { line: 1, column, endLine: 1, endColumn: column + 6 }, 80);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text.slice(underline.indexOf('^'), underline.length)).toBe('TARGET');
  });

  it('keeps the end of a long line when the words are near it', () => {
    const line = `${'word '.repeat(60)}TARGET`;
    const column = line.indexOf('TARGET') + 1;
    const { text, underline } = excerpt(line, { line: 1, column, endLine: 1, endColumn: column + 6 }, 80);
    expect(text.endsWith('TARGET')).toBe(true);
    expect(text.slice(underline.indexOf('^'))).toBe('TARGET');
  });
});
