// --init (src/init.ts): a starter config the config loader accepts, the
// question in a terminal (unit-tested through an injected `ask`, and end to
// end under script(1) when it is installed), --preset without asking, and
// never overwriting a config.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { choosePreset, configIn, InitError, parsePresetName, runInit, starterConfig } from '../src/init.js';
import { ConfigLoader, presetRules, searchPlaces } from '../src/config.js';
import { bin, cli, ensureBuilt, hasCommand } from './helpers/spawn-cli.js';
import { tempRoot } from './helpers/folders.js';

const { folder } = tempRoot('recordlint-init-');
beforeAll(() => ensureBuilt(), 120_000);

/** Answers given in turn; undefined is the end of input. */
function answers(...given: Array<string | undefined>): { ask: (q: string) => Promise<string | undefined>; questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    ask: async (question) => {
      questions.push(question);
      return given.shift();
    },
  };
}

const quiet = () => undefined;

describe('runInit', () => {
  it.each(['recommended', 'coventry', 'dudley'] as const)('--preset %s writes a config the loader reads as that preset', async (name) => {
    const dir = folder();
    const out: string[] = [];
    const outcome = await runInit({ cwd: dir, out: (t) => out.push(t) }, name);
    expect(outcome).toEqual({ file: path.join(dir, '.recordlintrc.json'), preset: `recordlint:${name}` });
    const written = JSON.parse(readFileSync(outcome.file, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ extends: [`recordlint:${name}`], rules: {}, ignorePatterns: [] });
    const config = await new ConfigLoader({ cwd: dir }).forFile(path.join(dir, 'note.md'));
    expect(config.filePath).toBe(outcome.file);
    const expected = presetRules(`recordlint:${name}`);
    expect(Object.fromEntries(Object.entries(config.rules).map(([id, r]) => [id, [r.severity, r.options]]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([id, r]) => [id, [r.severity, r.options]])),
    );
    expect(out.join('')).toContain(`Wrote .recordlintrc.json (extends recordlint:${name}).`);
    expect(readdirSync(dir)).toEqual(['.recordlintrc.json']);
  });

  it('asks in a terminal: Enter is recommended, a number or a name picks one', async () => {
    for (const [answer, preset] of [
      ['', 'recommended'],
      ['2', 'coventry'],
      ['3', 'dudley'],
      [' Dudley ', 'dudley'],
      ['cov', 'coventry'],
      ['recordlint:coventry', 'coventry'],
    ] as const) {
      const out: string[] = [];
      const { ask, questions } = answers(answer);
      expect(await choosePreset(ask, (t) => out.push(t))).toBe(preset);
      expect(questions).toHaveLength(1);
      const shown = out.join('');
      // Each standard with its description from src/presets.ts.
      expect(shown).toMatch(/1\. recommended {2}The checks that hold for any children’s services team/);
      expect(shown).toMatch(/2\. coventry {5}Coventry Record Keeping Practice Guidance \(2018\)/);
      expect(shown).toMatch(/3\. dudley {7}Dudley Practice Standard: Recording/);
    }
  });

  it('asks again after a wrong answer, gives up after three, and stops on the end of input', async () => {
    const again = answers('7', 'dudley');
    const out: string[] = [];
    expect(await choosePreset(again.ask, (t) => out.push(t))).toBe('dudley');
    expect(out.join('')).toContain('"7" is not one of them');
    await expect(choosePreset(answers('x', 'y', 'z', '1').ask, quiet)).rejects.toThrow(/no standard chosen, nothing written/);
    await expect(choosePreset(answers(undefined).ask, quiet)).rejects.toThrow('--init cancelled: nothing written');
    // Through runInit: nothing is written.
    const dir = folder();
    await expect(runInit({ cwd: dir, out: quiet, ask: answers(undefined).ask })).rejects.toBeInstanceOf(InitError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('outside a terminal and without --preset: writes nothing and says how to choose', async () => {
    const dir = folder();
    await expect(runInit({ cwd: dir, out: quiet })).rejects.toThrow('--init asks which standard to follow, and this is not a terminal: say which with --preset recommended, coventry or dudley');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites a config: any name recordlint reads, or a "recordlint" key in package.json', async () => {
    for (const name of searchPlaces.filter((n) => n !== 'package.json')) {
      const dir = folder({ [name]: 'keep me' });
      await expect(runInit({ cwd: dir, out: quiet }, 'dudley')).rejects.toThrow(`there is already a config here (${name}): recordlint --init never overwrites one`);
      expect(readdirSync(dir)).toEqual([name]);
      expect(readFileSync(path.join(dir, name), 'utf8')).toBe('keep me');
    }
    const withKey = folder({ 'package.json': '{ "name": "x", "recordlint": { "extends": [] } }' });
    await expect(runInit({ cwd: withKey, out: quiet }, 'dudley')).rejects.toThrow('package.json ("recordlint" key)');
    expect(configIn(withKey)).toBe('package.json ("recordlint" key)');
    // A package.json without the key is not a config.
    const without = folder({ 'package.json': '{ "name": "x" }' });
    await runInit({ cwd: without, out: quiet }, 'dudley');
    expect(readdirSync(without).sort()).toEqual(['.recordlintrc.json', 'package.json']);
  });

  it('checks again after the question (a config may have appeared meanwhile)', async () => {
    const dir = folder();
    const ask = async () => {
      writeFileSync(path.join(dir, '.recordlintrc.yaml'), 'extends: []\n');
      return '3';
    };
    await expect(runInit({ cwd: dir, out: quiet, ask })).rejects.toThrow('(.recordlintrc.yaml)');
    expect(readdirSync(dir)).toEqual(['.recordlintrc.yaml']);
  });

  it('says when a config in a folder above stops applying', async () => {
    const parent = folder({ '.recordlintrc.json': '{ "extends": ["recordlint:coventry"] }' });
    const child = path.join(parent, 'notes');
    mkdirSync(child);
    const out: string[] = [];
    await runInit({ cwd: child, out: (t) => out.push(t) }, 'dudley');
    expect(out.join('')).toContain('Note: ../.recordlintrc.json applied to notes here until now');
  });

  it('parsePresetName suggests the nearest standard', () => {
    expect(parsePresetName('recordlint:Dudley')).toBe('dudley');
    expect(() => parsePresetName('dudly')).toThrow('--preset: unknown standard "dudly" (did you mean "dudley"?): use recommended, coventry, dudley');
  });

  it('the starter config has extends, empty rules and ignorePatterns, and a comment', () => {
    const config = JSON.parse(starterConfig('recordlint:dudley')) as Record<string, unknown>;
    expect(Object.keys(config)).toEqual(['//', 'extends', 'rules', 'ignorePatterns']);
  });
});

describe.concurrent('recordlint --init (spawned)', () => {
  it('--init --preset dudley writes the file; a second --init refuses with one line and exit 2', async () => {
    const dir = folder();
    const first = await cli(['--init', '--preset', 'dudley'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Wrote \.recordlintrc\.json \(extends recordlint:dudley\)\./);
    const written = readFileSync(path.join(dir, '.recordlintrc.json'), 'utf8');
    // The written config works: it lints with it.
    writeFileSync(path.join(dir, 'note.md'), 'Home visit. Leo showed me his drawings.\n');
    const print = await cli(['--print-config', 'note.md'], { cwd: dir });
    expect(print.code).toBe(0);
    expect(JSON.parse(print.stdout).rules['timely-recording'][1]).toMatchObject({ workingDays: 3 });

    const second = await cli(['--init', '--preset', 'coventry'], { cwd: dir });
    expect(second).toEqual({ code: 2, stdout: '', stderr: 'recordlint: there is already a config here (.recordlintrc.json): recordlint --init never overwrites one\n' });
    expect(readFileSync(path.join(dir, '.recordlintrc.json'), 'utf8')).toBe(written);
  }, 60_000);

  it('not in a terminal and no --preset: exit 2, nothing written', async () => {
    const dir = folder();
    const run = await cli(['--init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^recordlint: --init asks which standard to follow, and this is not a terminal: say which with --preset recommended, coventry or dudley\n$/);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('usage mistakes: --preset without --init, a note with --init, an unknown standard', async () => {
    const dir = folder();
    const lone = await cli(['--preset', 'dudley'], { cwd: dir });
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('recordlint: --preset goes with --init (recordlint --init --preset dudley)');
    const withNote = await cli(['--init', '--preset', 'dudley', 'notes/'], { cwd: dir });
    expect(withNote.code).toBe(2);
    expect(withNote.stderr).toContain('recordlint: --init takes no notes: remove "notes/"');
    const unknown = await cli(['--init', '--preset', 'dudly'], { cwd: dir });
    expect(unknown).toMatchObject({ code: 2, stderr: 'recordlint: --preset: unknown standard "dudly" (did you mean "dudley"?): use recommended, coventry, dudley\n' });
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it.skipIf(!hasCommand('script'))('in a terminal (script -qec): asks, and writes the standard chosen', () => {
    const dir = folder();
    const run = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} --init`, '/dev/null'], { cwd: dir, input: '2\n', encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Which recording standard should recordlint check your notes against?');
    expect(run.stdout).toContain('Standard [1-3, Enter for recommended]:');
    expect(JSON.parse(readFileSync(path.join(dir, '.recordlintrc.json'), 'utf8')).extends).toEqual(['recordlint:coventry']);
  }, 60_000);
});
