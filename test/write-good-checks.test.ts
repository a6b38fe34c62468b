// plain-english runs write-good with a faster cliché and wordy-phrase search
// (rules/plain-english/write-good-checks.ts). It must find exactly what
// write-good's own checks find.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import phrases from '../rules/plain-english/write-good-phrases.json' with { type: 'json' };
import { checkFunctions, passiveVoice, phraseKey, phraseMatchers, repeatedWords } from '../rules/plain-english/write-good-checks.js';
import { corpus } from '../scripts/corpus.mjs';

const require = createRequire(import.meta.url);
const fromWriteGood = createRequire(require.resolve('write-good'));
type Check = (text: string) => Array<{ index: number; offset: number }>;
const writeGood = fromWriteGood('./write-good.js') as (text: string, opts?: object) => Array<{ index: number; offset: number; reason: string }>;
const original: Record<'cliches' | 'tooWordy', Check> = { cliches: fromWriteGood('no-cliches'), tooWordy: fromWriteGood('too-wordy') };

/** The regular expression a check function runs (the first one it calls exec on). */
function regexOf(check: Check): RegExp {
  const exec = RegExp.prototype.exec;
  let seen: RegExp | undefined;
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    seen ??= this;
    return exec.call(this, text);
  };
  try {
    check('x');
  } finally {
    RegExp.prototype.exec = exec;
  }
  return seen!;
}

const lists = { cliches: { list: phrases.cliches, hyphen: false }, tooWordy: { list: phrases.tooWordy, hyphen: true } };

const samples: string[] = [];
for (const note of corpus(60, 11)) samples.push(...note.split(/(?<=[.!?])\s+/));
const tricky = [
  'Will wonders never ceas, she asked.',
  "You're the boss . You're the boss  now. you're the boss",
  'It was a far\u200Ccry from last week; afar cry; A FAR CRY.',
  'in order to re-utilize the ultra-utilize and utilize',
  'all talk,no action; all talk, no action!',
  'KELVIN \u212Aettle of fish, a fine kettle of fish',
  'İn order to, ın order to, in\torder\nto',
  // Only where a word starts: after a character that is not [A-Za-z0-9_].
  "_in order to, 9in order to, (in order to) x-in order to don'tin order to éin order to",
  '',
];

describe('write-good checks', () => {
  const matchers = phraseMatchers(Object.values(lists).map(({ list, hyphen }) => ({ list, notAfterHyphen: hyphen })));
  for (const [n, [name, { list, hyphen }]] of Object.entries(lists).entries()) {
    const fast = matchers[n];
    const slow = original[name as keyof typeof original];

    it(`${name}: the copied list builds the installed package's expression`, () => {
      const built = new RegExp(`\\b${hyphen ? '(?<!-)' : ''}(${list.map((p) => p.replace(/ /g, '[\\b\\s\\u200C]*')).join('|')})\\b`, 'gi');
      const installed = regexOf(slow);
      expect(built.source).toBe(installed.source);
      expect(built.flags).toBe(installed.flags);
    });

    it(`${name}: every phrase has a key found in the phrase`, () => {
      for (const phrase of list) {
        expect(phraseKey(phrase).length).toBeGreaterThan(2);
        expect(phrase.toLowerCase().replace(/[ ?]/g, '')).toContain(phraseKey(phrase));
      }
    });

    it(`${name}: same matches as the package on every phrase, in sentences and the corpus`, () => {
      const texts = [...tricky, ...samples];
      for (const phrase of list) texts.push(phrase, `So ${phrase}.`, `${phrase.toUpperCase()} and ${phrase}`, `pre-${phrase} x${phrase}`);
      texts.push(list.join(' '), list.join(', '), list.join(''));
      for (const text of texts) expect(fast(text), text).toEqual(slow(text));
    });

    it(`${name}: same matches on generated text`, () => {
      const words = fc.constantFrom(...list.flatMap((p) => p.split(' ')), 'the', 'Mum', '-', ',', '.', ' ', '  ', '\n', '\u200C', 'ſ', 'İ');
      fc.assert(
        fc.property(fc.array(words, { maxLength: 30 }), fc.array(fc.constantFrom(' ', '', '-', '\t')), (parts, seps) => {
          const text = parts.map((p, i) => p + (seps[i % Math.max(1, seps.length)] ?? ' ')).join('');
          expect(fast(text)).toEqual(slow(text));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('repeated words: same as write-good\'s lexical-illusions', () => {
    const illusions = fromWriteGood('./lib/lexical-illusions') as Check;
    const spaces = [' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', ''];
    const words = ['the', 'The', 'THE', 'a', 'A', '--', '...', '1', '1', 'İ', 'i̇', 'ß', 'SS', 'had', '😀', '\ud800', 'é', 'É', '_', 'x'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...spaces), fc.constantFrom(...words)), { maxLength: 25 }), fc.constantFrom(...spaces), (pairs, end) => {
        const text = pairs.map(([space, word]) => space + word).join('') + end;
        expect(repeatedWords(text)).toEqual(illusions(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of [...tricky, ...samples]) expect(repeatedWords(text)).toEqual(illusions(text));
  });

  it("passive voice: the copied participles build the installed package's expression", () => {
    const built = new RegExp(`\\b(am|are|were|being|is|been|was|be)\\b\\s*([\\w]+ed|${phrases.passiveIrregulars.join('|')})\\b`, 'gi');
    const installed = regexOf(fromWriteGood('passive-voice') as Check);
    expect(built.source).toBe(installed.source);
    expect(built.flags).toBe(installed.flags);
  });

  it("passive voice: same as write-good's passive-voice", () => {
    const passive = fromWriteGood('passive-voice') as Check;
    const words = ['is', 'IS', 'was', 'Were', 'be', 'being', 'been', 'am', 'are', 'stopped', 'STOPPED', 'ed', 'red', 'bred', 'indeed', 'Indeed', 'seen', 'been', 'done', 'bid', 'bidden', 'wed', 'x_ed', '3ed', 'is_done', 'ſeen', 'ıs', 'eḋ', 'réd', 'the', 'Mum'];
    const gaps = [' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u200b', '', '-', ', ', '.', "'", 'é', ' (', '\u180e'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...gaps), fc.constantFrom(...words)), { maxLength: 20 }), fc.constantFrom(...gaps), (pairs, end) => {
        const text = pairs.map(([gap, word]) => gap + word).join('') + end;
        expect(passiveVoice(text)).toEqual(passive(text));
      }),
      { numRuns: 3000 },
    );
    for (const text of [...tricky, ...samples, phrases.passiveIrregulars.map((w) => `was ${w}`).join(' ')]) expect(passiveVoice(text), text).toEqual(passive(text));
  });

  it('writeGood with these checks gives the same suggestions as without', () => {
    const opts = { eprime: false };
    for (const text of [...tricky, ...samples]) expect(writeGood(text, { ...opts, checks: checkFunctions })).toEqual(writeGood(text, opts));
  });
});
