import { defineRule, type RuleContext, type SentenceInfo } from '../../src/rule.js';
import type { Lexicon } from '../../src/lexicon.js';
import { builtinLexicon, inflections } from '../../src/lexicon.js';
import { loadTeamLexicons, perOptions } from '../../src/team-lexicons.js';
import { listOf, moreUses } from '../../src/wording.js';
import builtinData from './abbreviations.json' with { type: 'json' };
import { commonWords } from './common-words.js';
import { Dictionary, everyday, extraFields, glossaryList, plainLongForm, widelyKnown, type AbbreviationEntry } from './dictionary.js';
import { capsShape, definitionAt, keyOf, scanSentence, type Candidate, type Definition, type SentenceScan } from './scan.js';

interface Options {
  mode: 'define-first' | 'never';
  allow: string[];
  glossary: Record<string, string>;
  lexicons: string[];
}

/** The built-in dictionary, compiled once per process. */
const builtin: Lexicon = builtinLexicon(builtinData);
const builtinDictionary = new Dictionary([builtin]);

interface Prepared {
  dictionary: Dictionary;
  allow: ReadonlySet<string>;
}

/** Team lists, glossary and allow list: once per options object. */
const prepare = perOptions((options: Options): Prepared => {
  // "never" reports every abbreviation (Coventry: "without ... abbreviations"), the widely known too.
  const allow = new Set<string>(options.mode === 'never' ? [] : widelyKnown);
  for (const item of options.allow) {
    allow.add(item);
    allow.add(keyOf(item));
  }
  const team = loadTeamLexicons(options.lexicons, extraFields);
  const hasGlossary = Object.keys(options.glossary).length > 0;
  const dictionary =
    !team.length && !hasGlossary && !options.allow.length
      ? builtinDictionary
      : new Dictionary([glossaryList(options.glossary), ...team, builtin], allow);
  return { dictionary, allow };
});

interface Occurrence {
  candidate: Candidate;
  entry?: AbbreviationEntry;
  definition?: Definition;
  heading: boolean;
  sentence: SentenceInfo;
  scan: SentenceScan;
  /** The first word of its sentence. */
  sentenceStart: boolean;
}

const roman = /^(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const postcode = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g;
const titles = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof']);
/** Police ranks, a title before a name or a collar number ("PC Sarah Lund", "DS Greaves", "PC 4471 Jenkins") as "Dr" is; elsewhere ("DS" alone) they stay ambiguous. */
const policeRanks = new Set(['PC', 'PCSO', 'DC', 'DS', 'DSgt', 'DI', 'DCI', 'DSI']);
/** An officer's collar number after the rank, with or without the name: "PC 4471 Jenkins", "DC 2231 attended". */
const collarNumber = /^[ \t]+\d{2,6}\b/;
const determiners = new Set(['a', 'an', 'the', 'her', 'his', 'their', 'my', 'our', 'your', 'its', 'this', 'that', 'interim', 'final', 'full', 'new', 'current', 'under']);
const emphasisBefore = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'am', 'so', 'very', 'really', 'felt', 'feel', 'feels', 'seemed', 'seems', 'looked', 'looks', 'too', 'not', 'i', 'you', 'we', 'they', 'he', 'she', 'please', 'do', "don't", 'did']);
const never = ['code', 'frontmatter', 'html', 'url', 'quote', 'blockquote'] as const;

export default defineRule<Options>({
  id: 'no-undefined-abbreviation',
  meta: {
    type: 'suggestion',
    description: 'Abbreviations used before the note says what they stand for',
    guidance: ['coventry:plain-english', 'dudley:comprehensible', 'coventry:child-may-read'],
    messages: {
      notDefined: '"{abbr}" is not written out before it is used here. {advice}{more}',
      ambiguous: '"{abbr}" is not written out before it is used here, and it can mean {meanings}. Write out the one you mean the first time, for example "{suggestion}".{more}',
      definedLater: '"{abbr}" is used here but only written out later, on line {line}. {advice}{more}',
      wasNotBrought: '"{abbr}" ("did not attend") is not written out before it is used here. Say what happened in words; when a child missed an appointment, write "was not brought" and who was to bring them: a child cannot take themselves.{more}',
      abbreviation: '"{abbr}" is an abbreviation: your team records without them, so {advice}{more}',
      shorthand: '"{abbr}" is note-taking shorthand that the family, or the child reading their file one day, may not follow: write {meanings} instead.{more}',
    },
    fixable: 'safe',
    options: {
      mode: {
        type: 'enum',
        values: ['define-first', 'never'],
        default: 'define-first',
        description: '"define-first": report an abbreviation used before the note writes it out; "never": report every abbreviation, defined or not (Coventry: "without jargon or abbreviations").',
      },
      allow: { type: 'string[]', default: [], description: 'Abbreviations your team accepts without a definition (e.g. "DSL"), or ids of dictionary entries.' },
      glossary: { type: 'record', default: {}, description: 'Your team’s own abbreviations and what they stand for, used for suggestions and fixes: { "FSW": "family safeguarding worker" }.' },
      lexicons: { type: 'string[]', default: [], description: 'Paths to your team’s abbreviation lists, in the word-list format (with "ambiguous": true for several meanings, "shorthand": true for shorthand to write out).' },
    },
    defaultSeverity: 'warn',
    ignore: ['quote', 'blockquote'],
    examples: {
      bad: 'SW visited and discussed the CIN plan with Mum.',
      good: 'I visited and talked with Mum about the child in need (CIN) plan.',
    },
  },
  create(context, options) {
    const { dictionary, allow } = prepare(options);
    return {
      'document:end'() {
        const occurrences = collect(context, dictionary, allow);
        const groups = new Map<string, Occurrence[]>();
        for (const o of occurrences) {
          const group = o.entry ? `#${o.entry.id}` : o.candidate.key;
          let list = groups.get(group);
          if (!list) groups.set(group, (list = []));
          list.push(o);
        }
        for (const list of groups.values()) {
          if (options.mode === 'never') reportNever(context, list);
          else reportUndefined(context, list);
        }
      },
    };
  },
});

/** Every abbreviation in the note's prose, in order, with its dictionary entry and whether it is a definition. */
function collect(context: RuleContext, dictionary: Dictionary, allow: ReadonlySet<string>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const sentence of context.sentences) {
    // Nothing in a blockquote is reported, nor read as a definition.
    if (context.scopes.has('blockquote', sentence.start)) continue;
    const scan = scanSentence(sentence, dictionary);
    if (!scan.candidates.length) continue;
    const postcodes: Array<[number, number]> = [];
    postcode.lastIndex = 0;
    for (let m = postcode.exec(sentence.text); m; m = postcode.exec(sentence.text)) postcodes.push([sentence.start + m.index, sentence.start + m.index + m[0].length]);
    const heading = sentence.block.block === 'heading';
    const capsHeading = heading && scan.words.length > 1 && scan.words.every((w) => !/[a-z]/.test(w.text));
    const firstWord = scan.words[0];

    for (const candidate of scan.candidates) {
      const { base, key, shape, start } = candidate;
      if (never.some((scope) => context.scopes.has(scope, start))) continue;
      if (allow.has(candidate.written) || allow.has(base) || allow.has(key) || everyday.has(key)) continue;
      if (postcodes.some(([a, b]) => start >= a && start < b)) continue;
      const entry = dictionary.lookup(candidate.written, base, key, shape === 'dotted' || shape === 'section');
      if (entry && allow.has(entry.id)) continue;

      const index = scan.words.findIndex((w) => w.start <= start && start < w.end);
      const previous = index > 0 ? scan.words[index - 1] : undefined;
      const next = index >= 0 ? scan.words[index + 1] : undefined;
      if (policeRanks.has(candidate.written) && isRankTitle(context.text, candidate.end, next)) continue;
      const shouting = (w?: { text: string }) =>
        w !== undefined && /^[A-Z]{2,}$/.test(w.text) && !dictionary.knowsKey(w.text) && (commonWords.has(w.text.toLowerCase()) || w.text.length >= 6);
      const inShoutedRun = capsHeading || shouting(previous) || shouting(next);
      const allCaps = /^[A-Z]+$/.test(base.replace(/\./g, ''));
      const common = commonWords.has(base.toLowerCase()) || commonWords.has(candidate.written.toLowerCase().replace(/['’.]/g, ''));

      if (!entry) {
        if (shape === 'digits' || shape === 'word' || shape === 'symbol') continue;
        if (shape === 'section' && key.length < 3) continue;
        if (shape === 'caps' || shape === 'dotted') {
          if (!capsShape(base.replace(/\./g, ''))) continue;
          if (allCaps && (common || base.length >= 6)) continue;
          if (roman.test(base)) continue;
          if (inShoutedRun) continue;
          // A surname in capitals: "Kelly SMITH", "Mr LEE", "Mr. LEE", "SMITH, Kelly"; not after a label ("Present: SL (Mum)").
          const afterName = previous !== undefined && /^\.?\s+$/.test(context.text.slice(previous.end, start));
          if (allCaps && afterName && /^[A-Z][a-z]+$/.test(previous.text) && (titles.has(previous.text) || !commonWords.has(previous.text.toLowerCase()))) continue;
          if (allCaps && next && /^[A-Z][a-z]+$/.test(next.text) && /^\s*,\s*$/.test(context.text.slice(candidate.end, next.start))) continue;
          // Mixed case the dictionary does not know is more often a name or a degree than an abbreviation: PhD, BSc, DfE.
          if (!allCaps) continue;
        }
      } else if (common) {
        // An abbreviation that is also an everyday word in capitals: "DO NOT", "PLEASE SEND", "was SO upset", "it was ODD".
        if (inShoutedRun) continue;
        const before = previous?.text.toLowerCase();
        if (before && emphasisBefore.has(before)) continue;
        if (base.length <= 2 && !(before && determiners.has(before))) continue;
      }

      const definition = definitionAt(scan, candidate, context.text, {
        expansions: entry ? dictionary.expansionsOf(entry) : [],
        alias: !entry,
      });
      out.push({ candidate, entry, definition, heading, sentence, scan, sentenceStart: firstWord !== undefined && firstWord.start === start });
    }
  }
  return out;
}

/** A rank straight before a capitalised name or a collar number: "PC Jenkins", "PC 4471 Jenkins", "DC 2231 attended". */
function isRankTitle(text: string, rankEnd: number, next: { text: string; start: number } | undefined): boolean {
  if (collarNumber.test(text.slice(rankEnd, rankEnd + 16))) return true;
  return next !== undefined && /^[A-Z][a-z]/.test(next.text) && /^[ \t]+$/.test(text.slice(rankEnd, next.start));
}

function reportUndefined(context: RuleContext, list: Occurrence[]): void {
  const firstDefinition = list.find((o) => o.definition);
  const uses = list.filter((o) => !o.definition);
  // A heading use of an abbreviation the note writes out later is forgiven: the
  // heading names a section, and the definition comes with the first sentence.
  const undefinedUses = uses.filter((o) => !firstDefinition || (o.candidate.start < firstDefinition.candidate.start && !o.heading));
  const first = undefinedUses[0];
  if (!first) return;
  const more = uses.filter((o) => o.candidate.start > first.candidate.start).length;
  const { candidate, entry } = first;
  const abbr = displayOf(candidate);
  const data = { abbr, more: moreUses(more) };
  const later = firstDefinition && context.pointAt(firstDefinition.definition!.start).line;
  const longForm = entry && !entry.ambiguous && entry.expected.length > 0 ? plainLongForm(entry.expected[0]) : undefined;
  // Only one meaning and one way to write it: the fix is always right. Shorthand is written out, not defined.
  const fixable = entry !== undefined && !entry.ambiguous && !entry.shorthand && entry.expected.length === 1;
  const suggestion = longForm ? `${longForm} (${abbr})` : undefined;
  const advice = suggestion
    ? `Write "${suggestion}" the first time, so that anyone reading the note (the family, one day the child) knows what it means.`
    : `Write it out in full the first time, with "(${abbr})" after it, so that anyone reading the note (the family, one day the child) knows what it means.`;
  const base = { range: [candidate.start, candidate.end] as [number, number], note: entry?.note, fix: fixable ? fixFor(context, first, longForm) : undefined };

  if (later) {
    context.report({ ...base, messageId: 'definedLater', data: { ...data, line: later, advice }, expected: suggestion ? [suggestion] : [] });
  } else if (entry && entry.shorthand) {
    const meanings = entry.expected.map(plainLongForm);
    context.report({ ...base, messageId: 'shorthand', data: { ...data, meanings: listOf(meanings.map((m) => `"${m}"`)) }, expected: meanings });
  } else if (entry && candidate.key === 'DNA') {
    context.report({ ...base, messageId: 'wasNotBrought', data, expected: ['was not brought', 'did not attend'], fix: undefined });
  } else if (entry && entry.ambiguous && entry.expected.length > 1) {
    const meanings = entry.expected.map(plainLongForm);
    context.report({
      ...base,
      messageId: 'ambiguous',
      data: { ...data, meanings: listOf(meanings.map((m) => `"${m}"`)), suggestion: `${meanings[0]} (${abbr})` },
      expected: meanings.map((m) => `${m} (${abbr})`),
    });
  } else {
    context.report({ ...base, messageId: 'notDefined', data: { ...data, advice }, expected: suggestion ? [suggestion] : [] });
  }
}

function reportNever(context: RuleContext, list: Occurrence[]): void {
  const first = list[0];
  const { candidate, entry } = first;
  const abbr = displayOf(candidate);
  const meanings = entry ? entry.expected.map(plainLongForm) : [];
  const advice =
    meanings.length === 1
      ? `write "${meanings[0]}" instead.`
      : meanings.length > 1
        ? `write the words it stands for instead (${listOf(meanings.map((m) => `"${m}"`))}).`
        : 'write the words it stands for instead.';
  context.report({
    messageId: 'abbreviation',
    data: { abbr, advice, more: moreUses(list.length - 1) },
    range: [candidate.start, candidate.end],
    expected: meanings,
    note: entry?.note,
  });
}

function displayOf(candidate: Candidate): string {
  return candidate.shape === 'caps' || candidate.shape === 'word' ? candidate.base.replace(/['’]d$/, '') : candidate.written;
}

/**
 * The first use becomes "long form (ABBR)" when the dictionary has one meaning:
 * "the CIN plan" -> "the child in need (CIN) plan". Not for possessives
 * ("the IRO's view"), where the result would read badly.
 */
function fixFor(context: RuleContext, occurrence: Occurrence, longForm: string | undefined): { range: [number, number]; text: string } | undefined {
  const { candidate, scan } = occurrence;
  if (!longForm || candidate.possessive || candidate.written !== context.text.slice(candidate.start, candidate.end)) return undefined;
  // Not inside a word ("non-CIN") or alone in brackets ("Rachel Dunne (SW)"): the result would read badly.
  const charBefore = context.text[candidate.start - 1] ?? '';
  const charAfter = context.text[candidate.end] ?? '';
  if (/[-‐‑–/]/.test(charBefore) || /[-‐‑–/]/.test(charAfter) || (charBefore === '(' && charAfter === ')')) return undefined;
  let words = longForm.split(' ');
  // "s47 enquiry" -> "section 47 (s47) enquiry", not "section 47 enquiry (s47) enquiry".
  const after = /^ ([A-Za-z]+)/.exec(context.text.slice(candidate.end, candidate.end + 30));
  if (after && words.length > 1 && after[1].toLowerCase() === words[words.length - 1].toLowerCase()) words = words.slice(0, -1);
  if (candidate.plural) words = [...words.slice(0, -1), inflections(words[words.length - 1], 'noun')[0]];
  let long = words.join(' ');
  if (occurrence.sentenceStart) long = long[0].toUpperCase() + long.slice(1);
  let start = candidate.start;
  // "an SGO" -> "a special guardianship order (SGO)".
  const index = scan.words.findIndex((w) => w.start === candidate.start);
  const previous = index > 0 ? scan.words[index - 1] : undefined;
  if (previous && /^an?$/i.test(previous.text) && context.text.slice(previous.end, candidate.start) === ' ') {
    const article = /^(?:[aeio]|u(?!ni|s[aeu]))|^hour|^honest/i.test(long) ? 'an' : 'a';
    if (previous.text.toLowerCase() !== article) {
      start = previous.start;
      long = `${previous.text[0] === 'A' ? article[0].toUpperCase() + article.slice(1) : article} ${long}`;
    }
  }
  return { range: [start, candidate.end], text: `${long} (${candidate.written})` };
}
