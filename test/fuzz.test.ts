// Hostile input, generated: every registered rule (with its default options,
// the options each preset gives it, and random valid options) runs through
// parseNote + runRules on random Unicode, control characters, lone
// surrogates, very long words, nesting 1,000 deep, tables, HTML, front matter
// only, empty notes, byte order marks, mixed line endings and Markdown full of
// social-care words. Never a crash (an exception, or a rule the engine had to
// skip: messageId "ruleFailed"), never a hang (each note is bounded, and each
// test has its own timeout), every reported range inside the text with its
// line and column right, and fixes that stay inside the text and apply
// without overlapping. Through the API: a note is never changed unless fixing
// was asked for.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNote, type NoteKind } from '../src/parse.js';
import { runRules, type EnabledRule } from '../src/engine.js';
import { builtinRules } from '../src/registry.js';
import { presets } from '../src/presets.js';
import { resolveOptions, type OptionSpec, type Rule } from '../src/rule.js';
import { applyFixes } from '../src/fix.js';
import { Recordlint, outputFixes } from '../src/index.js';
import type { LintMessage } from '../src/types.js';
import { checkFunctions } from '../rules/plain-english/write-good-checks.js';
import { createRequire } from 'node:module';

const repo = path.resolve(new URL('..', import.meta.url).pathname);
const knownRuleIds = new Set(Object.keys(builtinRules));

/** One note should never take anywhere near this long: past it, the linter has hung. */
const hangMs = 15_000;
/** RECORDLINT_FUZZ_SCALE=20 runs twenty times as many cases (and allows the time for them). */
const scale = Math.max(1, Number(process.env.RECORDLINT_FUZZ_SCALE) || 1);
/** Per test: generous for 2 slow cores, far below "forever". */
const testTimeout = 120_000 * scale;

// ---------------------------------------------------------------- rules

let rules: Array<Rule<any>> = [];
/** Every rule with its defaults, and again with each distinct set of options a preset gives it. */
let configured: EnabledRule[] = [];

beforeAll(async () => {
  rules = await Promise.all(Object.values(builtinRules).map(async (load) => (await load()).default));
  const seen = new Set<string>();
  for (const rule of rules) {
    const settings: unknown[] = [undefined];
    for (const preset of Object.values(presets)) {
      const setting = preset.rules[rule.id];
      if (Array.isArray(setting) && setting[1] !== undefined) settings.push(setting[1]);
    }
    for (const given of settings) {
      const options = resolveOptions(rule, given, `fuzz ${rule.id}`);
      const key = `${rule.id} ${JSON.stringify(options)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      configured.push({ rule, severity: 1, options });
    }
  }
}, 60_000);

// ---------------------------------------------------------------- checks

/** 1-based line and UTF-16 column of an offset: lines end at \r\n, \n or a lone \r. */
function pointOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeMessage(m: LintMessage): string {
  return `${m.ruleId ?? 'engine'}/${m.messageId} at ${m.range?.join('-')} (${m.line}:${m.column}-${m.endLine}:${m.endColumn}): ${m.message.slice(0, 300)}`;
}

/** Everything that must hold for the messages of one note. Throws with the reason. */
function checkMessages(text: string, messages: readonly LintMessage[]): void {
  for (const m of messages) {
    const where = describeMessage(m);
    if (m.messageId === 'ruleFailed') throw new Error(`a rule crashed: ${where}`);
    const [start, end] = m.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      throw new Error(`range outside the text (length ${text.length}): ${where}`);
    }
    const a = pointOf(text, start);
    const b = pointOf(text, end);
    if (m.line !== a.line || m.column !== a.column || m.endLine !== b.line || m.endColumn !== b.column) {
      throw new Error(`line/column ${m.line}:${m.column}-${m.endLine}:${m.endColumn} do not match the range (expected ${a.line}:${a.column}-${b.line}:${b.column}): ${where}`);
    }
    if (typeof m.message !== 'string' || !m.message || /\{\w+\}/.test(m.message)) throw new Error(`message not filled in: ${where}`);
    if (m.fix) {
      const [fs, fe] = m.fix.range;
      if (!(Number.isInteger(fs) && Number.isInteger(fe) && fs >= 0 && fs <= fe && fe <= text.length)) throw new Error(`fix outside the text: ${where}`);
      if (typeof m.fix.text !== 'string') throw new Error(`fix without text: ${where}`);
    }
  }
  // Fixes: applied in order, never overlapping, and the text between them untouched.
  const { output, applied } = applyFixes(text, messages);
  let at = 0;
  let rebuilt = '';
  for (const m of applied) {
    const [fs, fe] = m.fix!.range;
    if (fs < at || (at > 0 && fs === at)) throw new Error(`applied fixes overlap at ${fs}: ${describeMessage(m)}`);
    rebuilt += text.slice(at, fs) + m.fix!.text;
    at = fe;
  }
  rebuilt += text.slice(at);
  if (rebuilt !== output) throw new Error('applyFixes changed text outside the fixed ranges');
  if (!applied.length && output !== text) throw new Error('applyFixes changed a note with nothing to fix');
}

/**
 * Every token of the prose holds its place in the note: inside the text, and
 * not empty when its value is not (a character micromark rewrote, NUL, once
 * put every word after it at the end of its paragraph, with no width).
 */
function checkTokens(root: { children?: unknown[] }, text: string): void {
  const stack: unknown[] = [...(root.children ?? [])];
  while (stack.length) {
    const node = stack.pop() as { type: string; value?: string; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } };
    if (node.children) stack.push(...node.children);
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) throw new Error(`${node.type} without a position`);
    if (!(start >= 0 && start <= end && end <= text.length)) throw new Error(`${node.type} at ${start}-${end}, outside the text (length ${text.length})`);
    if (node.value && end === start) throw new Error(`${node.type} ${JSON.stringify(node.value)} at ${start} has no width`);
  }
}

/** Parse and run the rules; throws on a crash, a bad message or a hang. */
function lintChecked(text: string, kind: NoteKind, enabled: readonly EnabledRule[] = configured): LintMessage[] {
  const started = performance.now();
  const note = parseNote(text, kind);
  if (note.text !== text) throw new Error('parseNote changed the text');
  checkTokens(note.nlcst, text);
  const messages = runRules(note, enabled, { filePath: kind === 'text' ? 'fuzz.txt' : 'fuzz.md', knownRuleIds });
  const elapsed = performance.now() - started;
  if (elapsed > hangMs) throw new Error(`linting one note (${text.length} characters, ${kind}) took ${Math.round(elapsed)} ms: a hang`);
  checkMessages(text, messages);
  return messages;
}

const kinds = fc.constantFrom<NoteKind>('markdown', 'text');

/** A property over texts, both as Markdown and as plain text; async so the test timeout can fire between runs. */
function holds(arbitrary: fc.Arbitrary<string>, numRuns: number, enabled?: () => readonly EnabledRule[]): Promise<void> {
  return fc.assert(
    fc.asyncProperty(arbitrary, kinds, async (text, kind) => {
      lintChecked(text, kind, enabled?.());
      await new Promise((resolve) => setImmediate(resolve));
    }),
    { numRuns: numRuns * scale },
  );
}

// ---------------------------------------------------------------- generators

/** Words and phrases that send the rules down their paths. */
const careWords = [
  'CIN', 'CP', 'LAC', 'CLA', 's47', 's.47', 'S17', 'section 47', 'strategy discussion', 'ICPC', 'RCPC', 'PLO', 'SW', 'TM', 'IRO', 'LADO', 'DSL', 'HV', 'FGC', 'EHA',
  'aggressive', 'hostile', 'chaotic', 'uncooperative', 'manipulative', 'attention-seeking', 'non-compliant', 'volatile', 'disengaged', 'placement', 'contact', 'family time',
  'It was reported that', 'It is felt that', 'it was agreed', 'There are concerns', 'concerns were raised', 'Mum said', 'Dad told me', 'Maya said', 'Leo', 'Maya',
  'I saw', 'I heard', 'he shouted', 'she threw', 'because', 'for example', 'e.g.', 'approx.', 'Dr.', 'Mrs.', 'no. 12', 'ref.', 'tel.',
  'disagreed', 'escalated', 'the team manager', 'the outcome was', 'was agreed', 'in order to', 'a number of', 'at this moment in time', 'very', 'really', 'several',
  'was seen', 'was noted', 'home visit', 'visited', 'direct work', 'wishes and feelings', 'did not want to talk', 'is a baby', 'non-verbal',
  'at 3.15pm', '10:05', 'on 3 March', 'Monday', '2026-11-18', '14/11/2026', 'yesterday', 'twice', 'three times', '2019',
  'From:', 'Sent:', 'To:', 'Cc:', 'Subject: RE: Leo', 'On Mon, 3 Mar 2025 at 10:14, Jo Bloggs <jo@x.org> wrote:', '-----Original Message-----',
  'This email and any files transmitted with it are confidential', '[EXTERNAL]', 'Kind regards,', 'Many thanks,', 'Hi Jess,', 'Tel: 01632 960418', 'jo@x.org',
  'https://example.org/a_(b)', 'www.example.org', '<jo@x.org>', '“I want to go home”', '"straight quote', "'single'", '‘curly’', 'O’Neil’s', "don't", '«guillemets»',
  '<!-- recordlint-disable -->', '<!-- recordlint-enable -->', '<!-- recordlint-disable-next-line no-jargon -->', '<!-- recordlint-disable no-emial-paste -->',
  'the the', 'had had', 'So', 'There is', 'social worker (SW)', 'Child in Need (CIN)', 'Team Around the Family (TAF)',
];
const markdownBits = ['*', '**', '_', '`', '```', '~~~', '#', '##', '######', '>', '- ', '* ', '+ ', '1. ', '1) ', '|', '---', '***', '[', ']', '(', ')', '![', '<', '>', '&amp;', '&#x27;', '&#0;', '&#xD800;', '&nbsp;', '\\', '\\*', '    ', '\t', '<br>', '<div>', '</div>', '<!--', '-->', '[^1]', '[x]: http://x.org', '  \n', ':', '.', '!', '?', ';', ',', '…', '—'];
const controls = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200c', '\u200d', '\u202e', '\ufffd', '\ud800', '\udfff', '\ud83d', '\ude00'];
const eols = ['\n', '\r\n', '\r'];

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
);
const controlText = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...controls) }, { weight: 2, arbitrary: fc.constantFrom(...careWords) }, { weight: 1, arbitrary: fc.constantFrom(' ', ...eols) }), { maxLength: 120 })
  .map((parts) => parts.join(''));

const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...careWords) },
  { weight: 3, arbitrary: fc.constantFrom(...markdownBits) },
  { weight: 1, arbitrary: fc.constantFrom(...controls) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const sentence = fc.array(token, { minLength: 1, maxLength: 16 }).chain((parts) => fc.constantFrom(' ', '', '  ').map((sep) => parts.join(sep)));
const linePrefix = fc.constantFrom('', '', '', '> ', '- ', '  - ', '1. ', '# ', '## ', '    ', '\t', '> > ', '- > ', '| ', '* [ ] ');

/** Social-care Markdown: front matter (good, odd or broken), blocks of every kind, line endings mixed or not. */
const frontMatterValue = fc.oneof(
  fc.constantFrom('2026-11-16T10:00', '2026-11-18', '16/11/2026 10:00', '16 November 2026', 'yesterday', '2026-02-30', '9999-99-99', '', '[]', '{}', '[unclosed', 'true', 'false', 'yes', 'no', 'null', '~', '"quoted: colon"', "'it''s'", '|', '>', '&anchor x', '*alias', '!!binary aGk=', '- a\n  - b'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);
const frontMatter = fc
  .array(fc.tuple(fc.constantFrom('author', 'event', 'recorded', 'child', 'type', 'safeguarding', 'Author', 'EVENT', 'date', 'x', '', ' ', '"event"', '? key', '- item'), frontMatterValue), { maxLength: 7 })
  .chain((pairs) =>
    fc.constantFrom(
      `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`,
      `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---`,
      `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n`,
      `---\r\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n---\r\n`,
      '',
    ),
  );
const typeLine = fc.constantFrom('type: home visit', 'type: phone call', 'type: strategy discussion', 'type: s47 visit', 'type: panel', 'type: direct work', 'type: CIN meeting');
const block = fc.tuple(linePrefix, fc.array(sentence, { minLength: 1, maxLength: 4 })).map(([prefix, lines]) => lines.map((l, i) => (i === 0 ? prefix : prefix.startsWith('>') ? prefix : '') + l));
const careNote = fc
  .tuple(frontMatter, fc.option(typeLine), fc.array(block, { minLength: 0, maxLength: 8 }), fc.constantFrom(...eols), fc.boolean(), fc.boolean())
  .chain(([fm, type, blocks, eol, mixed, bom]) =>
    fc.array(fc.constantFrom(...eols), { minLength: 64, maxLength: 64 }).map((randomEols) => {
      const withType = type && fm.startsWith('---\n') ? fm.replace('---\n', `---\n${type}\n`) : fm;
      let n = 0;
      const nl = () => (mixed ? randomEols[n++ % randomEols.length] : eol);
      const body = blocks.map((lines) => lines.join(nl())).join(nl() + nl());
      return (bom ? '\ufeff' : '') + withType + body;
    }),
  );

/** Lines of the example and fixture notes, shuffled, cut and re-prefixed. */
function noteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...noteFiles(file));
    else if (/\.(md|txt)$/.test(entry.name) && statSync(file).size < 200_000) out.push(file);
  }
  return out;
}
const fixtureNotes = noteFiles(path.join(repo, 'fixtures')).map((f) => readFileSync(f, 'utf8'));
const fixtureLines = [...new Set(fixtureNotes.flatMap((t) => t.split(/\r\n|\n|\r/)))];
const fixtureSoup = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...fixtureLines), linePrefix, fc.nat(200), fc.constantFrom(...eols), fc.constantFrom('', '', '', ...controls)), { minLength: 1, maxLength: 40 }), fc.boolean())
  .map(([lines, frontMatterFirst]) => {
    const text = lines.map(([line, prefix, cut, eol, inject]) => prefix + (inject ? line.slice(0, cut) + inject + line.slice(cut) : line) + eol).join('');
    return frontMatterFirst ? `---\nauthor: Jess Morley\nevent: 2026-11-16T10:00\ntype: home visit\n---\n${text}` : text;
  });
const mutatedFixture = fc
  .tuple(fc.constantFrom(...fixtureNotes), fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(fc.constantFrom(...controls, ...markdownBits, ...careWords, ...eols), fc.string({ unit: 'binary', maxLength: 4 }))), { maxLength: 8 }))
  .map(([note, edits]) => {
    let text = note;
    for (const [at, remove, insert] of edits) {
      const i = text.length ? at % (text.length + 1) : 0;
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

/** The shapes the issue names, generated around random content. */
const letters = fc.constantFrom('a', 'x', 'Z', 'é', 'ß', '子', 'д', '😀', '1');
const veryLongWord = fc
  .tuple(letters, fc.integer({ min: 1000, max: 10_000 }), sentence, fc.constantFrom('', '.', ' was aggressive.', ' said "', '@x.org'))
  .map(([letter, n, around, tail]) => `${around} ${letter.repeat(Math.ceil(n / letter.length))}${tail}`);
const deepNest = fc
  .tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '- > ', '> - ', '>', '+ '), fc.integer({ min: 1, max: 1000 }), sentence, fc.boolean())
  .map(([marker, depth, content, twoLines]) => marker.repeat(depth) + content + (twoLines ? `\n${marker.repeat(depth)}${content}` : ''));
const nestedListLines = fc
  .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom('- ', '* ', '1. '), fc.constantFrom('  ', '   ', '    ', '\t'), sentence, fc.constantFrom(...eols))
  .map(([depth, marker, indent, content, eol]) => Array.from({ length: depth }, (_, i) => indent.repeat(i) + marker + content).join(eol));
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(sentence, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 8 }), fc.boolean())
  .map(([cols, rows, pipes]) => {
    const row = (cells: string[]) => (pipes ? `| ${cells.join(' | ')} |` : cells.join(' | '));
    const head = row(Array.from({ length: cols }, (_, i) => `H${i}`));
    const rule = row(Array.from({ length: cols }, () => ':---:'));
    return [head, rule, ...rows.map((r) => row(r.map((c) => c.replace(/\|/g, '\\|'))))].join('\n');
  });
const html = fc
  .tuple(fc.constantFrom('div', 'p', 'table', 'pre', 'script', 'style', 'textarea', 'details', 'span', 'b'), sentence, fc.boolean(), fc.boolean())
  .map(([tag, content, closed, inline]) => {
    const open = `<${tag} class="x" data-note='${content.replace(/'/g, '')}'>`;
    return inline ? `Text ${open}${content}${closed ? `</${tag}>` : ''} more.` : `${open}\n${content}\n${closed ? `</${tag}>` : ''}\n\n${content}`;
  });

// ---------------------------------------------------------------- the fixed cases

const cases: Array<[string, string]> = [
  ['empty', ''],
  ['one space', ' '],
  ['one newline', '\n'],
  ['only line endings', '\r\n\r\r\n\n\r'],
  ['front matter only', '---\n---'],
  ['front matter only, newline', '---\n---\n'],
  ['front matter only, CRLF', '---\r\n---\r\n'],
  ['front matter with keys only', '---\nauthor: Jess Morley\nevent: 2026-11-16T10:00\nrecorded: 2026-11-30T10:00\ntype: s47 home visit\n---\n'],
  ['front matter, never closed', '---\nauthor: Jess\nevent: 2026-11-16\n\nMum was aggressive.'],
  ['broken front matter', '---\nchild: [unclosed\n---\n\nMum was aggressive.\n'],
  ['front matter that is a list', '---\n- a\n- b\n---\nText.'],
  ['front matter that is a string', '---\njust text\n---\nText.'],
  ['front matter with a tab', '---\nevent:\t2026-11-16\n\tauthor: x\n---\n'],
  ['front matter with odd dates', '---\nevent: 2026-02-30T25:61\nrecorded: 1900-01-01\nsafeguarding: maybe\n---\nStrategy discussion held.'],
  ['front matter with huge values', `---\nauthor: ${'A'.repeat(50_000)}\nevent: ${'9'.repeat(400)}\n---\nText.`],
  ['BOM only', '\ufeff'],
  ['BOM then front matter', '\ufeff---\nauthor: x\n---\nText.'],
  ['BOM then text', '\ufeffSW visited. Mum was aggressive. It was reported that Dad left.'],
  ['mixed line endings', 'Line one CIN.\r\nLine two s47.\rLine three aggressive.\nLine four.\r\r\n\n\rIt was reported that.'],
  ['lone surrogates', 'Mum \ud800 was \udfff aggressive \ud83d. \ude00 SW.'],
  ['NUL and controls', 'Mum\u0000 was\u0001 aggressive\u001b[31m.\u0008\u007f SW \u0085 CIN\u2028s47\u2029.'],
  ['right-to-left override', 'Mum \u202ewas aggressive\u202c. SW.'],
  ['a 10,000-letter word', 'a'.repeat(10_000)],
  ['a 10,000-letter word in a sentence', `It was reported that ${'x'.repeat(10_000)} was aggressive.`],
  ['ten 10,000-letter words', `${'b'.repeat(10_000)} `.repeat(10)],
  ['a 10,000-letter word without a full stop, then more', `SW visited ${'y'.repeat(10_000)} and Mum was hostile`],
  ['10,000 spaces', `Mum${' '.repeat(10_000)}was aggressive.`],
  ['one 110,000-character sentence of labels and speech, no full stop', 'Mum said she was aggressive '.repeat(4000)],
  ['one long sentence of clauses, reports and negations', 'It was reported that Dad, who was not hostile, said Mum was chaotic and if she '.repeat(1000)],
  ['one long line of abbreviations', 'CIN s47 LAC SW IRO (TAF) A&E P-P '.repeat(2000)],
  ['a 10,000-letter email address', `${'j'.repeat(10_000)}@x.org wrote:`],
  ['a 10,000-digit number', `${'9'.repeat(10_000)} times.`],
  ['10,000 dots', `Mum${'.'.repeat(10_000)}`],
  ['10,000 quotes', '"'.repeat(10_000)],
  ['10,000 backslashes', '\\'.repeat(10_000)],
  ['10,000 asterisks', `*${'*a'.repeat(5_000)}`],
  ['10,000 brackets', `${'['.repeat(5_000)}${']('.repeat(2_000)}`],
  ['10,000 backticks', '`'.repeat(10_000)],
  ['10,000 emoji', '😀'.repeat(5_000)],
  ['10,000 combining marks', `a${'\u0301'.repeat(10_000)}`],
  ['10,000 angle brackets', '<'.repeat(5_000) + '>'.repeat(5_000)],
  ['10,000 colons', `From${':'.repeat(10_000)}`],
  ['10,000 character references', '&amp;'.repeat(2_000)],
  ['blockquotes 1,000 deep', `${'> '.repeat(1000)}Mum was aggressive. It was reported that SW left.`],
  ['blockquotes 1,000 deep, no spaces', `${'>'.repeat(1000)}text`],
  ['lists 1,000 deep on one line', `${'- '.repeat(1000)}text aggressive`],
  ['ordered lists 1,000 deep on one line', `${'1. '.repeat(1000)}text CIN`],
  ['lists in quotes 1,000 deep', `${'- > '.repeat(1000)}Mum said "I was aggressive".`],
  ['nested list lines 1,000 deep, two spaces each', `${'- '.repeat(999)}deep\n${' '.repeat(1998)}- deeper s47`],
  ['blockquote lines, each deeper (200)', Array.from({ length: 200 }, (_, i) => `${'> '.repeat(i + 1)}Mum was aggressive.`).join('\n')],
  // Deeper, and the text grows with the square of the depth: mdast-util-from-markdown's list
  // handling then takes seconds (syntax-tree/mdast-util-from-markdown#49; 1,000 deep: over a minute).
  ['list lines, each deeper (100)', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- item hostile CIN`).join('\n')],
  ['emphasis 1,000 deep', `${'*'.repeat(1000)}aggressive${'*'.repeat(1000)}`],
  ['links 1,000 deep', `${'['.repeat(1000)}SW${'](x)'.repeat(1000)}`],
  ['a table', '| Who | What |\n|---|---|\n| SW | visited CIN |\n| Mum | was aggressive |\n| Dad | It was reported that |\n'],
  ['a table without pipes at the ends', 'Who | What\n--- | ---\nSW | s47\n'],
  ['a table with 1,000 columns', `${'| a '.repeat(1000)}|\n${'|---'.repeat(1000)}|\n${'| CIN '.repeat(1000)}|`],
  ['raw HTML', '<div>\nMum was <b>aggressive</b>.\n</div>\n\n<p>SW visited</p>\n<script>if (a < b) {}</script>\n<!-- a comment -->\n'],
  ['HTML never closed', '<div>\n<table><tr><td>CIN\n\nMum was aggressive.'],
  ['an HTML comment never closed', '<!-- recordlint-disable\n\nMum was aggressive. SW visited.'],
  ['disable comments everywhere', '<!-- recordlint-disable -->SW<!-- recordlint-enable -->\n<!-- recordlint-disable-next-line -->\n<!-- recordlint-disable-next-line nope -->CIN aggressive'],
  ['code fences never closed', '```\nCIN\n\nMum was aggressive.\n'],
  ['an email pasted', 'From: Jo Bloggs <jo@x.org>\nSent: 3 March 2025 10:14\nTo: SW\nSubject: RE: Leo\n\nHi,\n\nMum was aggressive.\n\nKind regards,\nJo\n\nThis email and any files transmitted with it are confidential and intended solely for the use of the individual.'],
  ['a line of only markup', '> - # * ` [ ] ( ) ! < > & \\ | ~ _'],
  ['setext headings', 'CIN meeting\n===\n\nMum was aggressive\n---\n'],
  ['definitions and footnotes', '[cin]: http://x.org "CIN"\n\nSee [CIN][cin] and [^1].\n\n[^1]: It was reported that.'],
];

// ---------------------------------------------------------------- tests

describe('fuzz: the engine and every rule on hostile input', () => {
  it('runs every registered rule, with its defaults and with every preset’s options', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(Object.keys(builtinRules).sort());
    expect(configured.length).toBeGreaterThan(rules.length);
  });

  it.each(cases)('%s: no crash, every range inside the text', (_, text) => {
    for (const kind of ['markdown', 'text'] as const) lintChecked(text, kind);
  }, testTimeout);

  it('random Unicode (lone surrogates included) never crashes', () => holds(anyString, 150), testTimeout);

  it('control characters among social-care words', () => holds(controlText, 150), testTimeout);

  it('social-care Markdown: front matter, blocks, quotes, emails, mixed line endings, BOM', () => holds(careNote, 200), testTimeout);

  it('fixture notes cut up, re-prefixed and spliced with controls', () => holds(fixtureSoup, 80), testTimeout);

  it('fixture notes with random edits', () => holds(mutatedFixture, 80), testTimeout);

  it('very long words (1,000 to 10,000 letters)', () => holds(veryLongWord, 25), testTimeout);

  it('nesting up to 1,000 deep (blockquotes, lists, both)', () => holds(deepNest, 40), testTimeout);

  it('nested list items, each line deeper', () => holds(nestedListLines, 30), testTimeout);

  it('tables', () => holds(table, 60), testTimeout);

  it('raw HTML', () => holds(html, 60), testTimeout);

  it('everything at once, concatenated', () => holds(fc.array(fc.oneof(careNote, anyString, controlText, table, html, deepNest.map((s) => s.slice(0, 500))), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('\n')), 60), testTimeout);

  it('random valid options for every rule', async () => {
    const optionValue = (spec: OptionSpec): fc.Arbitrary<unknown> => {
      switch (spec.type) {
        case 'boolean':
          return fc.boolean();
        case 'number':
          return spec.integer ? fc.integer({ min: spec.min ?? 0, max: (spec.min ?? 0) + 100 }) : fc.double({ min: spec.min ?? 0, max: (spec.min ?? 0) + 100, noNaN: true });
        case 'string':
          return fc.oneof(fc.constantFrom(spec.default), fc.string({ unit: 'grapheme', maxLength: 20 }));
        case 'enum':
          return fc.constantFrom(...spec.values);
        case 'string[]':
          return fc.array(fc.oneof(fc.constantFrom(...careWords), fc.string({ unit: 'grapheme', maxLength: 10 })), { maxLength: 5 });
        case 'record':
          return fc.dictionary(fc.constantFrom('SW', 'CIN', 'LAC', 'X', 'ab'), fc.constantFrom('social worker', 'Child in Need', '', 'x'), { maxKeys: 4 });
        case 'switches':
          return fc.record(Object.fromEntries(Object.keys(spec.default).map((k) => [k, fc.boolean()])), { requiredKeys: [] });
      }
    };
    const ruleOptions = (rule: Rule<any>) =>
      fc.record(
        Object.fromEntries(
          Object.entries(rule.meta.options ?? {})
            // Word-list files are paths: a missing one is a config error, tested elsewhere.
            .filter(([name]) => name !== 'lexicons')
            .map(([name, spec]) => [name, optionValue(spec)]),
        ),
        { requiredKeys: [] },
      );
    const allOptions = fc.tuple(...rules.map(ruleOptions));
    await fc.assert(
      fc.asyncProperty(allOptions, fc.oneof(careNote, fixtureSoup), kinds, async (options, text, kind) => {
        const enabled = rules.map((rule, i) => ({ rule, severity: 2 as const, options: resolveOptions(rule, options[i], `fuzz ${rule.id}`) }));
        lintChecked(text, kind, enabled);
        await new Promise((resolve) => setImmediate(resolve));
      }),
      { numRuns: 80 * scale },
    );
  }, testTimeout);
});

describe('fuzz: a note is changed only when fixing was asked for', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'recordlint-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = { extends: ['recordlint:recommended'] };
  const noteText = fc.oneof(careNote, fixtureSoup, mutatedFixture, anyString);
  let n = 0;

  it('without fix: no output, the file on disk untouched (bytes and BOM), even when outputFixes runs', async () => {
    const engine = new Recordlint({ cwd: dir, config, fix: false });
    await fc.assert(
      fc.asyncProperty(noteText, fc.constantFrom('.md', '.txt'), async (text, ext) => {
        const file = path.join(dir, `keep-${n++}${ext}`);
        const bytes = Buffer.from(text, 'utf8');
        writeFileSync(file, bytes);
        const results = await engine.lintFiles([file]);
        expect(results).toHaveLength(1);
        expect(results[0].output).toBeUndefined();
        for (const m of results[0].messages) expect(m.messageId).not.toBe('ruleFailed');
        outputFixes(results);
        expect(readFileSync(file).equals(bytes)).toBe(true);
        rmSync(file);
      }),
      { numRuns: 60 * scale },
    );
  }, testTimeout);

  it('random bytes as a file (NUL, bad UTF-8, byte order marks): a fatal result or checked messages, never a throw', async () => {
    const engine = new Recordlint({ cwd: dir, config, fix: false });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []), noteText, fc.nat(), fc.uint8Array({ maxLength: 4 })).map(([bom, text, at, junk]) => {
        const body = Buffer.from(text, 'utf8');
        const i = body.length ? at % body.length : 0;
        return Buffer.concat([Buffer.from(bom), body.subarray(0, i), junk, body.subarray(i)]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (data) => {
        const file = path.join(dir, `bytes-${n++}.md`);
        writeFileSync(file, data);
        const [result] = await engine.lintFiles([file]);
        if (result.messages.some((m) => m.fatal)) expect(result.messages).toHaveLength(1);
        else checkMessages(Buffer.from(data).toString('utf8').replace(/^\ufeff/, ''), result.messages);
        expect(readFileSync(file).equals(Buffer.from(data))).toBe(true);
        rmSync(file);
      }),
      { numRuns: 80 * scale },
    );
  }, testTimeout);

  it('with fix: the output is linted again without a crash, and only notes with a fix change', async () => {
    const engine = new Recordlint({ cwd: dir, config, fix: true });
    const plain = new Recordlint({ cwd: dir, config, fix: false });
    await fc.assert(
      fc.asyncProperty(noteText, async (text) => {
        const [fixed] = await engine.lintText(text, { filePath: path.join(dir, 'fixed.md') });
        const [unfixed] = await plain.lintText(text, { filePath: path.join(dir, 'fixed.md') });
        const hadFix = unfixed.messages.some((m) => m.fix);
        if (!hadFix) expect(fixed.output).toBeUndefined();
        if (fixed.output !== undefined) {
          expect(fixed.output).not.toBe(text);
          checkMessages(fixed.output, fixed.messages);
        } else checkMessages(text, fixed.messages);
        for (const m of [...fixed.messages, ...unfixed.messages]) expect(m.messageId).not.toBe('ruleFailed');
      }),
      { numRuns: 60 * scale },
    );
  }, testTimeout);
});

describe('fuzz: linear versions of write-good checks give write-good’s answers', () => {
  // rules/plain-english/write-good-checks.ts finds the clauses of "so" and "there is" in one
  // pass; write-good's own regular expression is quadratic on text without a full stop.
  const fromWriteGood = createRequire(createRequire(import.meta.url).resolve('write-good'));
  const own = { so: fromWriteGood('./lib/starts-with-so'), thereIs: fromWriteGood('./lib/there-is') } as Record<string, (text: string) => unknown>;
  const clauseText = fc
    .array(fc.oneof(fc.constantFrom('so', 'So', 'SO', 'there is', 'There are', 'there  is', 'thereis', 'sos', ' ', '  ', '\t', '\n', '\r', '.', ';', '!', '?', '...', '?!', 'a', 'word'), fc.string({ unit: 'binary-ascii', maxLength: 3 })), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it.each(['so', 'thereIs'])('%s', (check) => {
    fc.assert(
      fc.property(clauseText, (text) => {
        expect(checkFunctions[check].fn(text)).toEqual(own[check](text));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on 100,000 characters without a full stop', () => {
    const text = `${'b'.repeat(10_000)} `.repeat(10);
    const started = performance.now();
    for (const check of ['so', 'thereIs']) checkFunctions[check].fn(text);
    expect(performance.now() - started).toBeLessThan(hangMs);
  });
});
