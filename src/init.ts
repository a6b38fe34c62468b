// --init: write a starter `.recordlintrc.json` in the working directory.
//
// It asks which standard to follow (recordlint:recommended, recordlint:coventry,
// recordlint:dudley) when run in a terminal; `--preset <name>` answers without
// asking. Outside a terminal and without --preset it writes nothing and says
// how to choose: a config that silently picked a standard could hold a team
// to the wrong one. It never overwrites a config: if any file recordlint
// would read as a config is in the directory (or package.json has a
// "recordlint" key) it stops, and the new file is put in place with a hard
// link, which fails rather than replace a file that appeared meanwhile.
import { linkSync, lstatSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { presets } from './presets.js';
import { searchPlaces } from './config.js';
import { nearest } from './suggest.js';

export const initFileName = '.recordlintrc.json';
/** The choices, in the order they are offered. */
export const initPresets = ['recommended', 'coventry', 'dudley'] as const;
export type InitPreset = (typeof initPresets)[number];

/** --init could not write a config; the message is one line. */
export class InitError extends Error {
  override name = 'InitError';
}

export interface InitIO {
  cwd: string;
  /** Where messages and the question go. */
  out(text: string): void;
  /** Ask a question and wait for the answer; undefined when input ends (Ctrl-D, Ctrl-C). Absent outside a terminal. */
  ask?: (question: string) => Promise<string | undefined>;
}

export interface InitOutcome {
  file: string;
  preset: `recordlint:${InitPreset}`;
}

export async function runInit(io: InitIO, presetFlag?: string): Promise<InitOutcome> {
  refuseIfConfigured(io.cwd);
  let choice: InitPreset;
  if (presetFlag !== undefined) choice = parsePresetName(presetFlag);
  else if (io.ask) choice = await choosePreset(io.ask, io.out);
  else throw new InitError(`--init asks which standard to follow, and this is not a terminal: say which with --preset ${initPresets.slice(0, -1).join(', ')} or ${initPresets[initPresets.length - 1]}`);
  // The question may have waited a while: look again.
  refuseIfConfigured(io.cwd);
  const preset = `recordlint:${choice}` as const;
  const file = path.join(io.cwd, initFileName);
  writeNewFile(file, starterConfig(preset));
  const lines = [`Wrote ${initFileName} (extends ${preset}).`];
  const parent = findConfigAbove(io.cwd);
  if (parent) {
    const shown = relativeExtends(io.cwd, parent);
    lines.push(`Note: ${shown} applied to notes here until now. The nearest config wins, so it no longer does; to keep its settings, add "${shown}" to "extends".`);
  }
  lines.push('Next: recordlint notes/   (recordlint --print-config notes/a-note.md shows every rule it turns on)');
  io.out(`${lines.join('\n')}\n`);
  return { file, preset };
}

/** The starter config: valid as it is, with the keys a team fills in. */
export function starterConfig(preset: string): string {
  const config = {
    '//': 'recordlint config. Every rule: recordlint --list-rules. A rule’s options: recordlint --explain <rule-id>. Set one with "rules": { "no-jargon": "error" }.',
    extends: [preset],
    rules: {},
    ignorePatterns: [],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** "dudley", "Dudley" or "recordlint:dudley"; a mistake is an error with the nearest name. */
export function parsePresetName(raw: string): InitPreset {
  const name = raw.trim().toLowerCase().replace(/^recordlint:/, '');
  if ((initPresets as readonly string[]).includes(name)) return name as InitPreset;
  const guess = nearest(name, [...initPresets]);
  throw new InitError(`--preset: unknown standard "${raw}"${guess ? ` (did you mean "${guess}"?)` : ''}: use ${initPresets.join(', ')}`);
}

/** Offer the three standards; Enter takes recommended. Three wrong answers, or the end of input, and nothing is written. */
export async function choosePreset(ask: (question: string) => Promise<string | undefined>, out: (text: string) => void): Promise<InitPreset> {
  const width = Math.max(...initPresets.map((p) => p.length));
  out(
    [
      'Which recording standard should recordlint check your notes against?',
      ...initPresets.map((p, i) => `  ${i + 1}. ${p.padEnd(width)}  ${presets[`recordlint:${p}`].description}`),
      '',
    ].join('\n'),
  );
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await ask(`Standard [1-${initPresets.length}, Enter for ${initPresets[0]}]: `);
    if (answer === undefined) throw new InitError('--init cancelled: nothing written');
    const choice = readChoice(answer);
    if (choice) return choice;
    out(`"${answer.trim()}" is not one of them: type a number from 1 to ${initPresets.length}, or a name.\n`);
  }
  throw new InitError('--init: no standard chosen, nothing written (or run recordlint --init --preset <name>)');
}

function readChoice(answer: string): InitPreset | undefined {
  const text = answer.trim().toLowerCase().replace(/^recordlint:/, '');
  if (text === '') return initPresets[0];
  if (/^\d+$/.test(text)) return initPresets[Number(text) - 1];
  const matches = initPresets.filter((p) => p.startsWith(text));
  return matches.length === 1 ? matches[0] : undefined;
}

/** A question at a time on a terminal, with node:readline. Close it when done. */
export function terminalPrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): { ask: (question: string) => Promise<string | undefined>; close(): void } {
  const rl = readline.createInterface({ input, output, terminal: true });
  let closed = false;
  let waiting: ((answer: string | undefined) => void) | undefined;
  rl.on('close', () => {
    closed = true;
    waiting?.(undefined);
    waiting = undefined;
  });
  rl.on('SIGINT', () => {
    output.write('\n');
    rl.close();
  });
  return {
    ask: (question) =>
      closed
        ? Promise.resolve(undefined)
        : new Promise((resolve) => {
            waiting = resolve;
            rl.question(question, (answer) => {
              waiting = undefined;
              resolve(answer);
            });
          }),
    close: () => rl.close(),
  };
}

// ---------------------------------------------------------------- finding configs

/** A config recordlint would read in this directory: its file name, or `package.json` with a "recordlint" key. */
export function configIn(dir: string): string | undefined {
  for (const name of searchPlaces) {
    const file = path.join(dir, name);
    if (name === 'package.json') {
      if (packageHasConfig(file)) return `${name} ("recordlint" key)`;
      continue;
    }
    if (exists(file)) return name;
  }
  return undefined;
}

function refuseIfConfigured(dir: string): void {
  const found = configIn(dir);
  if (found) throw new InitError(`there is already a config here (${found}): recordlint --init never overwrites one`);
}

/**
 * "package.json (the recordlint key)" -> "package.json": what
 * `found.replace(/ \(.*\)$/, '')` gives, without its quadratic backtracking.
 */
function withoutNote(found: string): string {
  if (!found.endsWith(')')) return found;
  const lastBreak = Math.max(found.lastIndexOf('\n'), found.lastIndexOf('\r'), found.lastIndexOf('\u2028'), found.lastIndexOf('\u2029'));
  const open = found.indexOf(' (', lastBreak + 1);
  return open >= 0 && open + 2 < found.length ? found.slice(0, open) : found;
}

function findConfigAbove(dir: string): string | undefined {
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const found = configIn(current);
    if (found) return path.join(current, withoutNote(found));
    if (path.dirname(current) === current) return undefined;
  }
}

function relativeExtends(from: string, file: string): string {
  const rel = path.relative(from, file).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function packageHasConfig(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && Object.hasOwn(data, 'recordlint');
  } catch {
    return false;
  }
}

/** Exists as anything, even a broken symbolic link. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- writing

/** Create `file` with `text`, whole, and never over an existing file. */
function writeNewFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.recordlint-tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No hard links on this file system: an exclusive create is the next best thing.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') writeFileSync(file, text, { flag: 'wx' });
      else throw error;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InitError(`there is already a config here (${path.basename(file)}): recordlint --init never overwrites one`);
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (code ?? (error as Error).message);
    throw new InitError(`cannot write ${path.basename(file)}: ${reason}`);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      /* never written */
    }
  }
}
