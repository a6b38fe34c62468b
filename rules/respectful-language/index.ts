import { defineRule } from '../../src/rule.js';
import { builtinLexicon, Matcher, type Lexicon, type LexiconEntry, type LexiconMatch } from '../../src/lexicon.js';
import { termsOf, type Term } from '../../src/tokens.js';
import { childNames, familyAdultWords, subjectBefore } from '../../src/people.js';
import { agesIn, agesOf, childrenOf, refersToChild } from '../../src/children.js';
import type { RuleContext, SentenceInfo } from '../../src/rule.js';
import { loadTeamLexicons, perOptions } from '../../src/team-lexicons.js';
import list from './respectful.json' with { type: 'json' };

interface Options {
  lexicons: string[];
  allow: string[];
}

const lexicon = builtinLexicon(list);

/**
 * A listed phrase directly followed by one of these names a service, team or
 * law, not a person: "Young Offender Team", "troubled families programme",
 * "Alcoholics Anonymous", "teen mum group", "the disabled children's service".
 */
export const serviceNouns: ReadonlySet<string> = new Set([
  'service', 'services', 'team', 'teams', 'clinic', 'clinics', 'unit', 'units', 'programme', 'programmes', 'program',
  'project', 'projects', 'centre', 'centres', 'center', 'hub', 'group', 'groups', 'charity', 'trust', 'network',
  'association', 'society', 'forum', 'panel', 'pathway', 'anonymous', 'act', 'worker', 'workers', 'nurse', 'nurses',
  'institution', 'institutions', 'support', 'helpline', 'grant', 'allowance', 'register', 'badge',
]);

/**
 * Entries about a child who depends on an adult to take them: they do not
 * apply when the words before them are about an adult ("Mum did not attend
 * the dental appointment", "she DNA'd contact" after "Mum").
 */
const aboutTheChild = new Set(['did-not-attend', 'dna']);

/** Entries reported only when said of the child: a name, "the child", or a pronoun that stands for the child. */
const onlyOfTheChild = new Set(['poor-choices', 'wrong-crowd']);

/** Entries about a child that do not apply to someone the note gives as 18 or over ("Chloe Adams (18)"). */
const notOfAnAdult = new Set(['older-boyfriend', 'poor-choices', 'wrong-crowd']);

/**
 * Entries that are also reported without their `only` context when they are
 * said of a child the note gives as under 16, the age of consent: "Kacey
 * (14)... Kacey is sexually active".
 */
const underSixteen = new Set(['sexually-active']);

/**
 * Labels people use of themselves. What someone calls themselves is theirs to
 * use ("Dad described himself as an alcoholic who has been sober for two
 * years"): the victim-blaming entries are not here, as a child who calls an
 * abuser her boyfriend is what grooming looks like.
 */
const selfDescribable = new Set([
  'addict', 'alcoholic', 'junkie', 'crackhead', 'druggie', 'schizophrenic', 'mentally-ill', 'medical-label', 'self-harmer', 'sufferer',
]);

/** "described himself as (a recovering)", "calls herself (an)", "identifies as (a former)", right before the label. */
const selfDescription =
  /\b(?:(?:describ(?:e|es|ed|ing)|sees?|saw|seeing|views?|viewed|refers? to|referred to)\s+(?:him|her|them|my)sel(?:f|ves)\s+as|call(?:s|ed|ing)?\s+(?:him|her|them|my)sel(?:f|ves)|identif(?:y|ies|ied|ying)\s+(?:(?:him|her|them|my)sel(?:f|ves)\s+)?as)(?:\s+(?:an?|the))?(?:\s+[\w'’-]+){0,2}\s*$/i;

/** The `underSixteen` entries without their `only` context. */
const youngLexicon: Lexicon = {
  entries: lexicon.entries.filter((e) => underSixteen.has(e.id)).map(({ only: _only, ...entry }) => entry),
};

const builtinMatcher = new Matcher([lexicon]);
const builtinYoung = new Matcher([youngLexicon]);

/**
 * Team lists and the allow list: once per options object. Team entries come
 * first, so they win; the `underSixteen` entries without their context come
 * last, so a match in context wins.
 */
const prepare = perOptions((options: Options): Matcher[] => {
  const allow = new Set(options.allow);
  const team = loadTeamLexicons(options.lexicons);
  const builtin = allow.size ? [new Matcher([lexicon], allow), new Matcher([youngLexicon], allow)] : [builtinMatcher, builtinYoung];
  return team.length ? [new Matcher(team, allow), ...builtin] : builtin;
});

const youngEntries: ReadonlySet<LexiconEntry> = new Set(youngLexicon.entries);

const quote = (s: string) => `"${s}"`;

function advice(entry: LexiconEntry): string {
  if (!entry.expected.length) return '';
  return ` Try ${entry.expected.map(quote).join(' or ')}.`;
}

/** Keep the capital of the first letter when a fix replaces a word. */
function matchCase(replacement: string, actual: string): string {
  return /^[A-Z]/.test(actual) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

export default defineRule<Options>({
  id: 'respectful-language',
  meta: {
    type: 'suggestion',
    description: 'Words that label people by a condition, a difference or their circumstances, and words that blame exploited children',
    guidance: ['coventry:respectful', 'coventry:labels', 'coventry:child-may-read', 'dudley:comprehensible'],
    messages: {
      label: '"{actual}": {note}{advice}',
    },
    fixable: 'safe',
    options: {
      lexicons: {
        type: 'string[]',
        default: [],
        description: "Paths to your team's own lists of words to avoid, in the word-list format (docs/LEXICON-FORMAT.md).",
      },
      allow: {
        type: 'string[]',
        default: [],
        description: 'Entry ids not to report (for example ["suffers-from"]).',
      },
    },
    defaultSeverity: 'warn',
    // Somebody's own words, quoted, are recorded as they were said.
    ignore: ['quote', 'blockquote'],
    examples: {
      bad: 'Mum is an alcoholic and Ruby was putting herself at risk.',
      good: 'Mum told me she drinks a bottle of vodka most days. Ruby is being groomed by a 24-year-old man.',
    },
  },
  create(context, options) {
    const matchers = prepare(options);
    let children: Set<string> | undefined;
    return {
      SentenceNode(node) {
        // Reports in blockquotes are dropped: do not look there.
        const start = node.position?.start.offset;
        if (start !== undefined && context.scopes.has('blockquote', start)) return;
        const terms = termsOf(node);
        for (const match of matchAll(matchers, terms)) {
          if (isServiceName(terms, match.to)) continue;
          const { id } = match.entry;
          if (aboutTheChild.has(id)) {
            children ??= childNames(context.frontmatter);
            if (subjectBefore(terms, match.from, children) === 'adult') continue;
          }
          if (selfDescribable.has(id) && selfDescription.test(context.text.slice(start ?? 0, match.start))) continue;
          const sentence = context.sentenceAt(match.start);
          if (onlyOfTheChild.has(id) && !(sentence && saidOfTheChild(context, sentence, match.from))) continue;
          if (notOfAnAdult.has(id) && sentence && (ageBefore(context, sentence, match) ?? 0) >= 18) continue;
          if (youngEntries.has(match.entry) && !(sentence && ofAChildUnderSixteen(context, sentence, match))) continue;
          const actual = context.text.slice(match.start, match.end);
          const { entry } = match;
          context.report({
            messageId: 'label',
            range: [match.start, match.end],
            data: { actual, note: entry.note, advice: advice(entry) },
            expected: entry.expected,
            note: entry.note,
            ...(entry.fix === 'safe' ? { fix: { text: matchCase(entry.expected[0], actual) } } : {}),
          });
        }
      },
    };
  },
});

/** Matches of several matchers, left to right, never overlapping; the first matcher wins a tie. */
function matchAll(matchers: readonly Matcher[], terms: Term[]): LexiconMatch[] {
  if (matchers.length === 1) return matchers[0].matchTerms(terms);
  const all = matchers.flatMap((m, rank) => m.matchTerms(terms).map((match) => ({ match, rank })));
  all.sort((a, b) => a.match.from - b.match.from || b.match.to - a.match.to || a.rank - b.rank);
  const kept: LexiconMatch[] = [];
  let end = 0;
  for (const { match } of all) {
    if (match.from < end) continue;
    kept.push(match);
    end = match.to;
  }
  return kept;
}

/** Is the nearest person before term `from` the child (a name, "the child", or a pronoun that stands for the child)? */
function saidOfTheChild(context: RuleContext, sentence: SentenceInfo, from: number): boolean {
  const terms = termsOf(sentence.node);
  for (let k = from - 1; k >= 0; k--) {
    if (refersToChild(context, sentence, k, true)) return true;
    const t = terms[k];
    // Somebody else: a family adult, or any other capitalised word (a name, a role).
    if (familyAdultWords.has(t.bare ?? t.norm) || /^[A-Z]/.test(t.raw)) return false;
  }
  return false;
}

/**
 * The age of whom the words before a match are about: the nearest age written
 * before it in the sentence ("Kacey (14) is", "Ruby is 15 and") or name the
 * note gives an age to ("Kacey (14)" earlier in the note); else the age of
 * the one the note is about.
 */
function ageBefore(context: RuleContext, sentence: SentenceInfo, match: LexiconMatch): number | undefined {
  const { start } = sentence;
  const ages = agesOf(context);
  const written = agesIn(context.text.slice(start, match.start)).at(-1);
  const terms = termsOf(sentence.node);
  for (let k = match.from - 1; k >= 0 && (!written || terms[k].start >= start + written.index); k--) {
    const age = /^[A-Z]/.test(terms[k].raw) ? ages.byName.get(terms[k].bare ?? terms[k].norm) : undefined;
    if (age !== undefined) return age;
  }
  return written?.age ?? ages.subject;
}

/**
 * Said of a child under 16, and not of a family adult. From 13 to 15, not
 * when the sentence gives the other person's age as within two years of the
 * child's: sexual activity between young people of a similar age is not in
 * itself abuse. Under 13 a child cannot consent in law.
 */
function ofAChildUnderSixteen(context: RuleContext, sentence: SentenceInfo, match: LexiconMatch): boolean {
  if (subjectBefore(termsOf(sentence.node), match.from, childrenOf(context).names) === 'adult') return false;
  const age = ageBefore(context, sentence, match);
  if (age === undefined || age >= 16) return false;
  if (age < 13) return true;
  const after = agesIn(context.text.slice(match.end, sentence.end));
  return !after.some((other) => other.age < 18 && Math.abs(other.age - age) <= 2);
}

function isServiceName(terms: readonly Term[], to: number): boolean {
  const next = terms[to];
  return next !== undefined && !next.gapBefore && serviceNouns.has(next.bare ?? next.norm);
}
