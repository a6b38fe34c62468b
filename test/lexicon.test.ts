import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matcher, phraseForms, precompiledForms, type Lexicon, type LexiconEntry } from '../src/lexicon.js';
import { parseNote } from '../src/parse.js';
import { termsOf, wordHash, type Term } from '../src/tokens.js';

const vocabulary = ['care', 'leaver', 'the', 'school', 'Mum', 'said', 'DSL', 'it', 'was', 'reported', 'attention', 'seeking', 'no', 'signs', 'of'];

const entry = fc.record({
  words: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }),
  caseSensitive: fc.boolean(),
  inflect: fc.constantFrom(undefined, 'noun' as const, 'verb' as const),
  unless: fc.constantFrom(undefined, { before: ['no'] }, { after: ['of'] }),
});

const lexiconOf = (specs: Array<{ words: string[]; caseSensitive: boolean; inflect?: 'noun' | 'verb'; unless?: LexiconEntry['unless'] }>): Lexicon => ({
  entries: specs.map((spec, i) => ({
    id: `entry-${i}`,
    match: [spec.words.join(spec.words.length > 1 && i % 2 ? '-' : ' ')],
    expected: [],
    note: 'A note long enough for a word list entry.',
    source: 'Test',
    ...(spec.caseSensitive ? { caseSensitive: true } : {}),
    ...(spec.inflect ? { inflect: spec.inflect } : {}),
    ...(spec.unless ? { unless: spec.unless } : {}),
  })),
});

const inflected = (w: string) => fc.constantFrom(w, w.toUpperCase(), `${w}'s`, `${w}s’`, `${w}s`, `${w}ing`);
const word = fc.oneof(fc.constantFrom(...vocabulary).chain(inflected), fc.constantFrom('x', ',', '-', '.'));
/** Text made of the phrases of the lists (in any case, with endings) and other words. */
const textWith = (phrases: string[][]) =>
  fc
    .array(fc.oneof(word, fc.constantFrom(...phrases).chain((words) => fc.tuple(...words.map(inflected)).map((ws) => ws.join(' ')))), { minLength: 1, maxLength: 12 })
    .map((items) => items.join(' '));

const sentencesOf = (value: string) =>
  parseNote(value, 'text').nlcst.children.flatMap((p) => (p.type === 'ParagraphNode' ? p.children.filter((s) => s.type === 'SentenceNode') : []));

describe('Matcher', () => {
  it('finds the same phrases with the first-word hashes as without them', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }).chain((specs) => fc.tuple(fc.constant(specs), textWith(specs.map((spec) => spec.words)))), ([specs, value]) => {
        const matcher = new Matcher([lexiconOf(specs)]);
        for (const sentence of sentencesOf(value)) {
          const terms = termsOf(sentence);
          const unhashed: Term[] = terms.map(({ hash: _hash, ...rest }) => rest);
          expect(matcher.matchTerms(terms)).toEqual(matcher.matchTerms(unhashed));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds the same phrases from precompiled forms (the bundle) as from the phrases', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 8 }).chain((specs) => fc.tuple(fc.constant(specs), textWith(specs.map((spec) => spec.words)))), ([specs, value]) => {
        const lexicon = lexiconOf(specs);
        const precompiled: Lexicon = { entries: lexicon.entries.map((e) => ({ ...e, [precompiledForms]: phraseForms(e) })) };
        const fromPhrases = new Matcher([lexicon]);
        const fromForms = new Matcher([precompiled]);
        for (const sentence of sentencesOf(value)) {
          const strip = (matches: ReturnType<Matcher['matchSentence']>) => matches.map(({ entry, ...at }) => ({ id: entry.id, ...at }));
          expect(strip(fromForms.matchSentence(sentence))).toEqual(strip(fromPhrases.matchSentence(sentence)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('uses precompiled forms as given, with their inflections', () => {
    const entry: LexiconEntry = { id: 'e', match: ['care leaver'], inflect: 'noun', expected: [], note: 'n', source: 's' };
    expect(phraseForms(entry)).toEqual([['care', 'leaver'], ['care', 'leavers']]);
    const matcher = new Matcher([{ entries: [{ ...entry, [precompiledForms]: [['young', 'person']] }] }]);
    const [sentence] = sentencesOf('A care leaver and a young person.');
    expect(matcher.matchSentence(sentence).map((m) => [m.start, m.end])).toEqual([[20, 32]]);
  });

  it('gives each term the hash of its word, or -1 when it has a possessive form', () => {
    for (const sentence of sentencesOf("The care leaver's school and the professionals' meeting, said Mum’s DSL.")) {
      for (const term of termsOf(sentence)) expect(term.hash).toBe(term.bare === undefined ? wordHash(term.norm) : -1);
    }
  });
});
