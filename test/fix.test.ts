// --fix and --fix-dry-run: applying safe fixes (src/fix.ts), writing them
// (src/fix-files.ts) and the CLI end to end on copies of fixtures/notes.
// Property tests (fast-check) use the built-in rules that have safe fixes.
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyFixes, usesCrlf } from '../src/fix.js';
import { fixDiff, rememberOriginal, unifiedDiff, writeFileAtomically, writeFixedNotes, type AtomicFs } from '../src/fix-files.js';
import { Linter, makeResult, type ResolvedConfig } from '../src/linter.js';
import { Recordlint } from '../src/index.js';
import type { LintMessage } from '../src/types.js';
import { cli, ensureBuilt, hasCommand } from './helpers/spawn-cli.js';
import { copyFixtureNotes, fixtureNoteNames, fixtureNotesDir, tempRoot } from './helpers/folders.js';
import * as fs from 'node:fs';

// Every folder below uses the recommended preset, whatever config is above /tmp.
const { root, folder } = tempRoot('recordlint-fix-', '{ "extends": ["recordlint:recommended"] }\n');
beforeAll(() => ensureBuilt(), 120_000);

/** A copy of fixtures/notes with every mtime set in the past, so any write shows. */
function fixtureCopy(): string {
  const dir = copyFixtureNotes(folder());
  const past = new Date('2020-01-01T00:00:00Z');
  for (const name of fixtureNoteNames) utimesSync(path.join(dir, name), past, past);
  return dir;
}

interface Snapshot {
  [name: string]: { bytes: string; mtimeMs: number; mode: number };
}

function snapshot(dir: string): Snapshot {
  const out: Snapshot = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stats = lstatSync(file);
    if (!stats.isFile()) continue;
    out[name] = { bytes: readFileSync(file).toString('base64'), mtimeMs: stats.mtimeMs, mode: stats.mode };
  }
  return out;
}

function message(range: [number, number], text: string, extra: Partial<LintMessage> = {}): LintMessage {
  return { ruleId: 't', severity: 1, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, range, fix: { range, text }, ...extra };
}

// ---------------------------------------------------------------- applyFixes

describe('applyFixes', () => {
  it('applies fixes in order of position, whatever order they come in', () => {
    const { output, edits } = applyFixes('one two three', [message([8, 13], '3'), message([0, 3], '1')]);
    expect(output).toBe('1 two 3');
    expect(edits).toEqual([
      { range: [0, 3], text: '1' },
      { range: [8, 13], text: '3' },
    ]);
  });

  it('never applies two fixes that overlap or touch: the later waits for the next pass', () => {
    const text = 'abcdef';
    expect(applyFixes(text, [message([0, 3], 'X'), message([2, 4], 'Y')]).output).toBe('Xdef');
    expect(applyFixes(text, [message([0, 3], 'X'), message([3, 4], 'Y')]).output).toBe('Xdef');
    // An insertion at the end of an edit touches it too.
    expect(applyFixes(text, [message([0, 3], 'X'), message([3, 3], 'Y')]).output).toBe('Xdef');
    expect(applyFixes(text, [message([0, 3], 'X'), message([4, 5], 'Y')]).output).toBe('XdYf');
  });

  it('ignores messages without a fix and fixes with a range that is not usable', () => {
    const plain: LintMessage = { ...message([0, 1], ''), fix: undefined };
    const text = 'ab\r\ncd 😀 e';
    const bad = [
      message([-1, 1], 'x'),
      message([2, 1], 'x'),
      message([0, 99], 'x'),
      message([0.5, 1], 'x'),
      // Between \r and \n.
      message([3, 4], 'x'),
      // Inside the surrogate pair of the emoji.
      message([8, 9], 'x'),
    ];
    const { output, applied } = applyFixes(text, [plain, ...bad]);
    expect(output).toBe(text);
    expect(applied).toEqual([]);
  });

  it('gives line breaks in a fix the note’s own line endings', () => {
    expect(applyFixes('a\r\nb\r\n', [message([0, 1], 'x\ny')]).output).toBe('x\r\ny\r\nb\r\n');
    expect(applyFixes('a\nb\n', [message([0, 1], 'x\r\ny')]).output).toBe('x\r\ny\nb\n');
    expect(usesCrlf('a\r\nb')).toBe(true);
    expect(usesCrlf('a\r\nb\nc')).toBe(false);
    expect(usesCrlf('ab')).toBe(false);
  });
});

// ---------------------------------------------------------------- properties with the real rules

/** The built-in rules that offer safe fixes, on their own. */
const fixingConfig: ResolvedConfig = {
  rules: {
    'no-undefined-abbreviation': { severity: 1, from: 'test' },
    'no-jargon': { severity: 1, from: 'test' },
    'plain-english': { severity: 1, from: 'test' },
    'respectful-language': { severity: 1, from: 'test' },
  },
  ignorePatterns: [],
};

/** Fragments the rules fix: "long form (ABBR)", jargon with a safe replacement, repeated words. */
const fixedFragments = [
  'the CIN plan',
  'SW visited',
  'Spoke to the TM',
  'an SGO',
  'the ICPC',
  'saw the IRO',
  'the DSL said',
  'CAMHS',
  'FSW',
  's47 enquiry',
  'at the contact centre',
  'Contact Centre',
  'contact centers',
  'the the',
  'Mum said said',
  'and and',
  'to to the',
  'able-bodied',
];
/** Fragments near the edge of what a fix may touch. */
const trickyFragments = ['(SW)', 'non-CIN', "the IRO's view", '`CIN`', '> the the', '# CIN', '- SW', '😀', '**TM**', '"the the"', 'CIN (child in need)', '\n\n', '\n', '.', ','];
const words = fc.stringMatching(/^[A-Za-z][a-z]{0,8}(?: [a-z]{1,8}){0,4}[.,]?$/);
const noteArb = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fixedFragments) }, { weight: 2, arbitrary: fc.constantFrom(...trickyFragments) }, { weight: 3, arbitrary: words }), { maxLength: 24 }), fc.boolean())
  .map(([parts, crlf]) => {
    const text = `${parts.join(' ')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/**
 * Every character of the input outside the edits is in the output, at its
 * place shifted by the edits before it (an insertion at i comes before
 * input[i]); and the lengths add up.
 */
function checkOutsideEditsUnchanged(input: string, output: string, edits: Array<{ range: [number, number]; text: string }>): void {
  let shift = 0;
  let e = 0;
  for (let i = 0; i < input.length; i++) {
    while (e < edits.length && edits[e].range[1] <= i) {
      shift += edits[e].text.length - (edits[e].range[1] - edits[e].range[0]);
      e++;
    }
    if (e < edits.length && edits[e].range[0] <= i) continue;
    expect(output[i + shift]).toBe(input[i]);
  }
  const growth = edits.reduce((sum, edit) => sum + edit.text.length - (edit.range[1] - edit.range[0]), 0);
  expect(output.length).toBe(input.length + growth);
}

describe('fixing never changes text outside the reported ranges (property, built-in rules)', () => {
  const linter = new Linter();

  it('each pass: applied fixes are reported ones, never overlap, and the rest of the note is unchanged', async () => {
    let sawFixes = 0;
    await fc.assert(
      fc.asyncProperty(noteArb, async (text) => {
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const result = await linter.lintText(current, 'note.md', fixingConfig);
          const { output, edits, applied } = applyFixes(current, result.messages);
          if (!edits.length) break;
          sawFixes++;
          for (let i = 1; i < edits.length; i++) expect(edits[i].range[0]).toBeGreaterThan(edits[i - 1].range[1]);
          edits.forEach((edit, i) => {
            const fix = applied[i].fix!;
            expect(result.messages).toContain(applied[i]);
            expect(edit.range).toEqual(fix.range);
            expect(edit.text.replace(/\r\n/g, '\n')).toBe(fix.text.replace(/\r\n/g, '\n'));
          });
          checkOutsideEditsUnchanged(current, output, edits);
          if (usesCrlf(current)) expect(/(^|[^\r])\n/.test(output)).toBe(false);
          expect(output.isWellFormed()).toBe(current.isWellFormed());
          current = output;
        }
      }),
      { numRuns: 120 },
    );
    // The generator does reach the fixes.
    expect(sawFixes).toBeGreaterThan(30);
  }, 120_000);

  it('the engine’s --fix output is those passes, and fixing it again changes nothing', async () => {
    const engine = new Recordlint({ fix: true, config: { extends: [], rules: { 'no-undefined-abbreviation': 'warn', 'no-jargon': 'warn', 'plain-english': 'warn', 'respectful-language': 'warn' } } });
    await fc.assert(
      fc.asyncProperty(noteArb, async (text) => {
        const [result] = await engine.lintText(text, { filePath: 'note.md' });
        const output = result.output ?? text;
        let current = text;
        for (let pass = 0; pass < 10; pass++) {
          const { output: next, edits } = applyFixes(current, (await linter.lintText(current, 'note.md', fixingConfig)).messages);
          if (!edits.length || next === current) break;
          current = next;
        }
        expect(output).toBe(current);
        const [again] = await engine.lintText(output, { filePath: 'note.md' });
        expect(again.output).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('linting without --fix never writes a file (property)', () => {
  it('the API, with fix off and with fix on (fixes are only written by outputFixes / the CLI)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(noteArb, { minLength: 1, maxLength: 4 }), fc.boolean(), async (notes, fix) => {
        const dir = folder();
        notes.forEach((text, i) => writeFileSync(path.join(dir, `n${i}.${i % 2 ? 'txt' : 'md'}`), i === 0 ? `\ufeff${text}` : text));
        const past = new Date('2020-01-01T00:00:00Z');
        for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), past, past);
        const before = snapshot(dir);
        await new Recordlint({ cwd: dir, fix, config: { extends: ['recordlint:recommended'] } }).lintFiles(['.']);
        expect(snapshot(dir)).toEqual(before);
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

// ---------------------------------------------------------------- writing

describe('writeFileAtomically and writeFixedNotes', () => {
  it('replaces the file through a temporary file, keeping its permission bits', () => {
    const dir = folder({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    chmodSync(file, 0o640);
    writeFileAtomically(file, Buffer.from('new'), { mode: statSync(file).mode });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('on an error, leaves the note as it was and no temporary file behind', () => {
    const dir = folder({ 'a.md': 'old' });
    const file = path.join(dir, 'a.md');
    const failing = (step: keyof AtomicFs): AtomicFs => {
      const real: AtomicFs = { openSync: fs.openSync, writeSync: fs.writeSync, fchmodSync: fs.fchmodSync, fchownSync: fs.fchownSync, fsyncSync: fs.fsyncSync, closeSync: fs.closeSync, renameSync: fs.renameSync, unlinkSync: fs.unlinkSync };
      return {
        ...real,
        [step]: () => {
          throw Object.assign(new Error(`${step} failed`), { code: 'EIO' });
        },
      };
    };
    for (const step of ['writeSync', 'fchmodSync', 'fsyncSync', 'renameSync'] as const) {
      expect(() => writeFileAtomically(file, Buffer.from('new'), { mode: 0o644 }, failing(step))).toThrow(`${step} failed`);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['a.md']);
    }
    // writeFixedNotes reports the note and goes on with the others.
    writeFileSync(path.join(dir, 'b.md'), 'old b');
    const results = ['a.md', 'b.md'].map((name) => Object.assign(makeResult(path.join(dir, name), []), { output: 'fixed' }));
    const outcome = writeFixedNotes(results, failing('renameSync'));
    expect(outcome.written).toEqual([]);
    expect(outcome.failures.map((f) => path.basename(f.filePath))).toEqual(['a.md', 'b.md']);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  it('keeps a byte order mark, never writes a note whose bytes would not change, skips stdin results', () => {
    const dir = folder({ 'bom.md': Buffer.from('\ufeffSW came.\r\n'), 'same.md': 'Same.\n' });
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(dir, 'same.md'), past, past);
    const results = [
      Object.assign(makeResult(path.join(dir, 'bom.md'), []), { output: 'Social worker (SW) came.\r\n' }),
      Object.assign(makeResult(path.join(dir, 'same.md'), []), { output: 'Same.\n' }),
      Object.assign(makeResult('<text>', []), { output: 'x' }),
    ];
    const outcome = writeFixedNotes(results);
    expect(outcome).toEqual({ written: [path.join(dir, 'bom.md')], failures: [] });
    expect(readFileSync(path.join(dir, 'bom.md'))).toEqual(Buffer.from('\ufeffSocial worker (SW) came.\r\n'));
    expect(statSync(path.join(dir, 'same.md')).mtimeMs).toBe(past.getTime());
  });

  it('follows a symbolic link: the note it points to is fixed and the link stays a link', () => {
    const dir = folder({ 'real.md': 'old' });
    symlinkSync('real.md', path.join(dir, 'link.md'));
    writeFixedNotes([Object.assign(makeResult(path.join(dir, 'link.md'), []), { output: 'new' })]);
    expect(lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.md'))).toBe('real.md');
    expect(readFileSync(path.join(dir, 'real.md'), 'utf8')).toBe('new');
  });
});

// ---------------------------------------------------------------- the diff

describe('unifiedDiff', () => {
  it('writes ---/+++ headers and @@ hunks with three lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('11\n', 'eleven\n');
    expect(unifiedDiff(before, after, 'a/n.md', 'b/n.md')).toBe(
      ['--- a/n.md', '+++ b/n.md', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -8,5 +8,5 @@', ' 8', ' 9', ' 10', '-11', '+eleven', ' 12', ''].join('\n'),
    );
    expect(unifiedDiff(before, before, 'a', 'b')).toBe('');
  });

  it('marks a last line without a newline, and keeps CRLF in the lines', () => {
    expect(unifiedDiff('a\nb', 'a\nc', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n');
    expect(unifiedDiff('', 'new\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n');
  });

  it('applies with patch(1) to give the new text (property)', () => {
    if (!hasCommand('patch')) return;
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', 'the CIN plan', 'x y'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), (a, b, lastNewline) => {
        const before = a.join('\n') + (lastNewline && a.length ? '\n' : '');
        const after = b.join('\n') + (b.length ? '\n' : '');
        const dir = folder({ 'n.md': before });
        const diff = unifiedDiff(before, after, 'a/n.md', 'b/n.md');
        if (!diff) {
          expect(before).toBe(after);
          return;
        }
        const run = spawnSync('patch', ['-p1', '-s', '--no-backup-if-mismatch'], { cwd: dir, input: diff });
        expect(run.status).toBe(0);
        expect(readFileSync(path.join(dir, 'n.md'), 'utf8')).toBe(after);
      }),
      { numRuns: 60 },
    );
  });

  it('fixDiff names notes relative to cwd and uses the remembered text for stdin', async () => {
    const result = Object.assign(makeResult('<text>', []), { output: 'Social worker (SW) came.\n' });
    rememberOriginal([result], 'SW came.\n');
    expect(await fixDiff([result], { cwd: '/' })).toBe('--- a/<text>\n+++ b/<text>\n@@ -1,1 +1,1 @@\n-SW came.\n+Social worker (SW) came.\n');
    expect(await fixDiff([makeResult('<text>', [])], { cwd: '/' })).toBe('');
  });
});

// ---------------------------------------------------------------- the CLI

describe.concurrent('recordlint --fix and --fix-dry-run (spawned, on copies of fixtures/notes)', () => {
  it('--fix rewrites only the notes with fixes, and a second --fix changes nothing', async () => {
    const dir = fixtureCopy();
    const before = snapshot(dir);
    const first = await cli(['--fix', '-f', 'json', '.'], { cwd: dir });
    expect(first.code).not.toBe(2);
    expect(first.stderr).toBe('');
    const afterFirst = snapshot(dir);
    expect(Object.keys(afterFirst)).toEqual(Object.keys(before));
    const changed = fixtureNoteNames.filter((name) => afterFirst[name].bytes !== before[name].bytes);
    // The bad examples have abbreviations the rule writes out.
    expect(changed).toContain('02-home-visit-bad.md');
    for (const name of fixtureNoteNames) {
      if (changed.includes(name)) expect(afterFirst[name].mtimeMs).not.toBe(before[name].mtimeMs);
      // Never touched: the same bytes and the same modification time.
      else expect(afterFirst[name]).toEqual(before[name]);
      expect(afterFirst[name].mode).toBe(before[name].mode);
    }
    // The report is of the fixed notes: nothing fixable is left.
    for (const r of JSON.parse(first.stdout) as Array<{ fixableErrorCount: number; fixableWarningCount: number }>) expect(r.fixableErrorCount + r.fixableWarningCount).toBe(0);

    const second = await cli(['--fix', '.'], { cwd: dir });
    expect(second.code).toBe(first.code);
    expect(snapshot(dir)).toEqual(afterFirst);
  }, 120_000);

  it('keeps the byte order mark, CRLF line endings and permission bits of a note', async () => {
    const lf = readFileSync(path.join(fixtureNotesDir, '02-home-visit-bad.md'), 'utf8');
    const dir = folder({ 'lf.md': lf, 'crlf.md': Buffer.from(`\ufeff${lf.replace(/\n/g, '\r\n')}`) });
    chmodSync(path.join(dir, 'crlf.md'), 0o600);
    chmodSync(path.join(dir, 'lf.md'), 0o664);
    await cli(['--fix', '.'], { cwd: dir });
    const fixedLf = readFileSync(path.join(dir, 'lf.md'), 'utf8');
    expect(fixedLf).not.toBe(lf);
    const fixedCrlf = readFileSync(path.join(dir, 'crlf.md'));
    expect(fixedCrlf.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(fixedCrlf.toString('utf8')).toBe(`\ufeff${fixedLf.replace(/\n/g, '\r\n')}`);
    expect(statSync(path.join(dir, 'crlf.md')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'lf.md')).mode & 0o777).toBe(0o664);
    expect(readdirSync(dir).sort()).toEqual(['crlf.md', 'lf.md']);
  }, 120_000);

  it('--fix-dry-run prints a unified diff and writes nothing; the diff applied gives what --fix writes', async () => {
    const dir = fixtureCopy();
    const before = snapshot(dir);
    const dry = await cli(['--fix-dry-run', '--no-color', '.'], { cwd: dir });
    expect(snapshot(dir)).toEqual(before);
    expect(dry.stdout).toMatch(/^--- a\/02-home-visit-bad\.md\n\+\+\+ b\/02-home-visit-bad\.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/m);
    expect(dry.stdout).not.toContain('01-home-visit-good.md\n+++');
    // The report follows the diff.
    expect(dry.stdout).toMatch(/problems? \(/);

    const onlyDiff = await cli(['--fix-dry-run', '-o', 'report.json', '-f', 'json', '.'], { cwd: dir });
    rmSync(path.join(dir, 'report.json'));
    expect(onlyDiff.stdout.startsWith('--- a/')).toBe(true);
    if (hasCommand('patch')) {
      const patched = fixtureCopy();
      const run = spawnSync('patch', ['-p1', '-s', '--no-backup-if-mismatch'], { cwd: patched, input: onlyDiff.stdout });
      expect(run.status).toBe(0);
      await cli(['--fix', '.'], { cwd: dir });
      const fixed = snapshot(dir);
      const applied = snapshot(patched);
      for (const name of fixtureNoteNames) expect(applied[name].bytes).toBe(fixed[name].bytes);
    }
  }, 120_000);

  it('--fix-dry-run -f json: stdout is the JSON report only, with the fixed text as "output"', async () => {
    const dir = fixtureCopy();
    const run = await cli(['--fix-dry-run', '-f', 'json', '02-home-visit-bad.md', '01-home-visit-good.md'], { cwd: dir });
    const [bad, good] = JSON.parse(run.stdout) as Array<{ output?: string }>;
    expect(bad.output).toContain('child in need (CIN)');
    expect(good).not.toHaveProperty('output');
  }, 120_000);

  it('--fix-dry-run on stdin diffs against the text piped in', async () => {
    const dir = folder();
    const run = await cli(['--fix-dry-run', '--stdin', '--stdin-filename', 'visit.md', '--no-color'], { cwd: dir, input: 'I discussed the CIN plan with Mum.\n' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('--- a/visit.md\n+++ b/visit.md\n@@ -1,1 +1,1 @@\n-I discussed the CIN plan with Mum.\n+I discussed the child in need (CIN) plan with Mum.\n');
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it.skipIf(process.getuid?.() !== 0)('a note that cannot be written: one line, exit 2, the note unchanged, no temporary file, the others fixed', async () => {
    const note = readFileSync(path.join(fixtureNotesDir, '02-home-visit-bad.md'), 'utf8');
    const locked = folder({ 'a.md': note });
    const open = folder({ 'b.md': note, 'c.md': note });
    // The user can write the notes but not the folder of a.md, so no file can be made beside it.
    chmodSync(path.join(locked, 'a.md'), 0o666);
    chmodSync(locked, 0o555);
    chmodSync(open, 0o777);
    chmodSync(path.join(open, 'b.md'), 0o666);
    // A read-only note in a folder the user can write: the rename could replace it, but it is refused.
    chmodSync(path.join(open, 'c.md'), 0o444);
    const run = await cli(['--fix', path.join(locked, 'a.md'), path.join(open, 'b.md'), path.join(open, 'c.md')], { cwd: root, unprivileged: true });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `recordlint: cannot write the fixed note "${path.relative(root, path.join(locked, 'a.md'))}": permission denied`,
      `recordlint: cannot write the fixed note "${path.relative(root, path.join(open, 'c.md'))}": permission denied`,
    ]);
    expect(readFileSync(path.join(open, 'c.md'), 'utf8')).toBe(note);
    expect(readFileSync(path.join(locked, 'a.md'), 'utf8')).toBe(note);
    expect(readdirSync(locked)).toEqual(['a.md']);
    expect(readFileSync(path.join(open, 'b.md'), 'utf8')).not.toBe(note);
    expect(readdirSync(open).sort()).toEqual(['b.md', 'c.md']);
  }, 120_000);
});
