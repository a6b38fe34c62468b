import { defineRule } from '../../src/rule.js';
import { builtinLexicon, Matcher, type LexiconEntry, type LexiconMatch } from '../../src/lexicon.js';
import { termsOf, type Term } from '../../src/tokens.js';
import { childNames, subjectBefore } from '../../src/people.js';
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

const builtinMatcher = new Matcher([lexicon]);

/** Team lists and the allow list: once per options object. Team entries come first, so they win. */
const prepare = perOptions((options: Options): Matcher[] => {
  const allow = new Set(options.allow);
  const team = loadTeamLexicons(options.lexicons);
  const builtin = allow.size ? new Matcher([lexicon], allow) : builtinMatcher;
  return team.length ? [new Matcher(team, allow), builtin] : [builtin];
});

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
          if (aboutTheChild.has(match.entry.id)) {
            children ??= childNames(context.frontmatter);
            if (subjectBefore(terms, match.from, children) === 'adult') continue;
          }
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

function isServiceName(terms: readonly Term[], to: number): boolean {
  const next = terms[to];
  return next !== undefined && !next.gapBefore && serviceNouns.has(next.bare ?? next.norm);
}
