import { defineRule, type RuleContext } from '../../src/rule.js';
import { builtinLexicon, followedBy, Matcher, phraseForms, phraseKey, type Lexicon, type LexiconEntry, type LexiconMatch } from '../../src/lexicon.js';
import { phraseTerms, termsOf, type Term } from '../../src/tokens.js';
import { loadTeamLexicons, perOptions } from '../../src/team-lexicons.js';
import { alwaysExcluded, type ScopeName } from '../../src/scopes.js';
import { listOf, moreUses } from '../../src/wording.js';
import builtinData from './jargon.json' with { type: 'json' };

interface Options {
  lexicons: string[];
  allow: string[];
}

/** The built-in list, compiled once per process. */
const builtin: Lexicon = builtinLexicon(builtinData);
const builtinMatcher = new Matcher([builtin]);

interface Prepared {
  matchers: Matcher[];
  allow: ReadonlySet<string>;
}

/** Team lists and the allow list: once per options object. */
const prepare = perOptions((options: Options): Prepared => {
  const allow = new Set(options.allow);
  const team = loadTeamLexicons(options.lexicons);
  // Team entries come first, so a team's own entry wins over a built-in one for the same words.
  const matchers = team.length ? [new Matcher(team, allow), builtinMatcher] : [builtinMatcher];
  return { matchers, allow };
});

/**
 * Words after a term that show the note explains it ("A strategy discussion is
 * a meeting between...", "Early help means support from..."): from there on
 * the term is not reported. Coventry: "If there is any doubt in what the
 * terminology ... could mean, then you need to define it."
 */
const explains: string[][] = [
  ['is', 'a'], ['is', 'an'], ['is', 'the'], ['is', 'when'], ['is', 'where'], ['is', 'what'], ['is', 'how'],
  ['are', 'the'], ['are', 'when'], ['are', 'where'], ['are', 'meetings'], ['are', 'people'],
  ['means'], ['meant'], ['refers', 'to'], ['is', 'short', 'for'], ['is', 'another', 'word', 'for'], ['is', 'our', 'word', 'for'],
];

/** Someone's own words, a quoted court order, and the headings, titles and field labels of a recording template are left alone. */
const ignore: ScopeName[] = ['quote', 'blockquote', 'heading', 'title'];
const unseen: ScopeName[] = [...alwaysExcluded, ...ignore];

/** A use of an entry the rule would report. */
interface Use {
  terms: Term[];
  match: LexiconMatch;
  /** Capitalised mid-sentence: a title, reported without a fix. */
  capitalised: boolean;
}

export default defineRule<Options>({
  id: 'no-jargon',
  meta: {
    type: 'suggestion',
    description: 'Social-care jargon and system words a child or family may not understand',
    guidance: ['coventry:plain-english', 'dudley:comprehensible', 'coventry:child-may-read'],
    messages: {
      jargon: '"{found}" is social-care jargon: write {suggestion} instead. {why}{more}',
      rewrite: '"{found}" is social-care jargon: say in plain words what actually happened. {why}{more}',
    },
    fixable: 'safe',
    // "LAC review" replaced by "review meeting" takes "LAC" with it.
    hides: ['no-undefined-abbreviation'],
    options: {
      lexicons: { type: 'string[]', default: [], description: 'Paths to your team’s own jargon lists, in the word-list format (docs/LEXICON-FORMAT.md).' },
      allow: { type: 'string[]', default: [], description: 'Ids of entries to switch off (e.g. "placement" for a team writing court reports).' },
    },
    defaultSeverity: 'warn',
    ignore,
    examples: {
      bad: 'Mum failed to engage with the parenting course, and contact with Dad is supervised at the contact centre.',
      good: 'Mum came to one of the four parenting sessions. Tia sees her dad on Saturdays at the family centre, with a worker in the room.',
    },
  },
  create(context, options) {
    const { matchers, allow } = prepare(options);
    return {
      'document:end'() {
        // One report per entry, at its first use: that is the one to rewrite or explain, and
        // the report counts the rest (a note naming the core group five times is one problem).
        const uses = new Map<LexiconEntry, Use[]>();
        const explainedAt = new Map<LexiconEntry, number>();
        for (const sentence of context.sentences) {
          if (sentence.block.block === 'heading') continue;
          const terms = termsOf(sentence.node);
          for (const match of matchesIn(matchers, terms)) {
            const { entry } = match;
            if (allow.has(entry.id)) continue;
            if (explainedHere(context, terms, match)) {
              if (!explainedAt.has(entry)) explainedAt.set(entry, match.start);
              continue;
            }
            // A use the engine would not show must not take the place of the first use.
            if (unseen.some((scope) => context.scopes.has(scope, match.start))) continue;
            const name = nameShape(terms, match);
            // "Oakfield Contact Centre" is a venue's name, not the writer's jargon.
            if (name === 'inside-name') continue;
            let list = uses.get(entry);
            if (!list) uses.set(entry, (list = []));
            list.push({ terms, match, capitalised: name === 'capitalised' });
          }
        }
        for (const [entry, list] of uses) {
          const explained = explainedAt.get(entry);
          // Explained before it is first used: fine from there on.
          if (explained !== undefined && explained < list[0].match.start) continue;
          const later = explained === undefined ? '' : ` The note explains it later, on line ${context.pointAt(explained).line}: explain it here, where it is first used.`;
          report(context, list[0], moreUses(list.length - 1) + later);
        }
      },
    };
  },
});

/** Matches of every list, left to right, the longest where two overlap. */
function matchesIn(matchers: Matcher[], terms: Term[]): LexiconMatch[] {
  const all = matchers.flatMap((m) => [...m.matchTerms(terms), ...apartMatches(m, terms)]);
  if (all.length < 2) return all;
  all.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: LexiconMatch[] = [];
  for (const m of all) if (!out.length || m.from >= out[out.length - 1].to) out.push(m);
  return out;
}

/** A two-word phrase of an entry with `objects`, whose words may stand apart: "step" ... "down". */
interface ApartPhrase {
  entry: LexiconEntry;
  particle: string;
  objects: ReadonlySet<string>;
  after: string[][];
}

/** Words an object may hold between the two words of a phrase: "the case", "Leo's case", "the Kent family". */
const objectReach = 3;
const apartPhrases = new WeakMap<Matcher, Map<string, ApartPhrase[]>>();

/** The phrases that may stand apart, by their first word (once per Matcher). */
function apartByVerb(matcher: Matcher): Map<string, ApartPhrase[]> {
  let byVerb = apartPhrases.get(matcher);
  if (byVerb) return byVerb;
  byVerb = new Map();
  for (const entry of matcher.entries) {
    const objects = entry.objects as string[] | undefined;
    if (!objects || entry.caseSensitive) continue;
    const apart = { objects: new Set(objects.map((o) => o.toLowerCase())), after: (entry.only?.after ?? []).map((p) => phraseTerms(p)) };
    for (const [verb, particle, ...rest] of phraseForms(entry)) {
      if (particle === undefined || rest.length) continue;
      const list = byVerb.get(verb) ?? [];
      list.push({ entry, particle, ...apart });
      byVerb.set(verb, list);
    }
  }
  apartPhrases.set(matcher, byVerb);
  return byVerb;
}

/**
 * "step the case down", "stepped Leo's case down to early help", "stepped Riley down to early help": a short
 * object between the two words of an entry with `objects`. The object must end in one of them, or the
 * entry's `only.after` words must follow, so "stepped down from the stage" and "step back down the stairs"
 * stay ordinary English.
 */
function apartMatches(matcher: Matcher, terms: Term[]): LexiconMatch[] {
  const byVerb = apartByVerb(matcher);
  if (byVerb.size === 0) return [];
  const found: LexiconMatch[] = [];
  for (let i = 0; i < terms.length; i++) {
    const phrases = byVerb.get(terms[i].norm);
    if (!phrases) continue;
    for (let end = i + 2; end <= i + objectReach + 1 && end < terms.length && !terms[end - 1].gapBefore; end++) {
      if (terms[end].gapBefore) break;
      const last = terms[end - 1];
      const phrase = phrases.find((p) => p.particle === terms[end].norm);
      if (!phrase) continue;
      const named = phrase.objects.has(last.bare ?? last.norm) || phrase.objects.has(last.norm);
      if (!named && !phrase.after.some((words) => followedBy(terms, end + 1, words, false))) continue;
      found.push({ entry: phrase.entry, from: i, to: end + 1, start: terms[i].start, end: terms[end].end });
      break;
    }
  }
  return found;
}

/**
 * "A strategy discussion is a meeting...", "direct work (time with Zain doing activities)", "family time (contact)".
 * A stigmatising entry ("toxic trio", "disguised compliance") is never explained away: the word itself does the harm.
 */
function explainedHere(context: RuleContext, terms: Term[], match: LexiconMatch): boolean {
  if (match.entry.stigmatising === true) return false;
  // A gloss of three words or more in brackets right after the term: "direct work (time with Zain doing activities)".
  const gloss = /^ ?\(([^()\n]{1,200})\)/.exec(context.text.slice(match.end, match.end + 210));
  if (gloss && !/^\s*\d/.test(gloss[1]) && gloss[1].trim().split(/\s+/).length >= 3) return true;
  // The term in brackets after its own plain words: "family time (contact)". Not "MH issues (toxic trio)".
  const bracketed = /\( ?$/.test(context.text.slice(Math.max(0, match.start - 2), match.start)) && /^ ?\)/.test(context.text.slice(match.end, match.end + 2));
  if (bracketed && match.entry.expected.some((plain) => endsWithWords(terms, match.from, phraseTerms(plain)))) return true;
  const next = terms.slice(match.to);
  return explains.some((phrase) => phrase.every((word, i) => next[i] !== undefined && !next[i].gapBefore && next[i].norm === word));
}

/** Do the terms just before term `at` spell `words` ("family time" before "(contact)")? */
function endsWithWords(terms: Term[], at: number, words: string[]): boolean {
  const start = at - words.length;
  return start >= 0 && words.every((word, k) => terms[start + k].norm === word && (k === 0 || !terms[start + k].gapBefore));
}

/**
 * Capitalised words mid-sentence are a name or a title: "the Contact Centre"
 * may be reported, but rewriting it could change a venue's name, so no fix;
 * after another capitalised word ("Oakfield Contact Centre") it is a name.
 */
function nameShape(terms: Term[], match: LexiconMatch): 'plain' | 'capitalised' | 'inside-name' {
  const capital = (t: Term) => /^\p{Lu}/u.test(t.raw) && t.raw !== t.raw.toUpperCase();
  const words = terms.slice(match.from, match.to);
  if (match.from === 0 || !words.every(capital)) return 'plain';
  const before = terms[match.from - 1];
  return !words[0].gapBefore && capital(before) ? 'inside-name' : 'capitalised';
}

function report(context: RuleContext, use: Use, more: string): void {
  const { match, terms, capitalised } = use;
  const { entry, start, end } = match;
  const found = context.text.slice(start, end);
  const why = entry.note.trim();
  const suggestion = listOf(entry.expected.map((e) => `"${e}"`));
  context.report({
    messageId: entry.expected.length ? 'jargon' : 'rewrite',
    data: entry.expected.length ? { found, suggestion, why, more } : { found, why, more },
    range: [start, end],
    actual: found,
    expected: entry.expected,
    note: entry.note,
    // The first use only: --fix's next pass finds the next one, as a re-run would.
    fix: capitalised ? undefined : fixFor(context, terms, match),
  });
}

/**
 * Only entries marked "fix": "safe", and only when the words found are one of
 * the entry's own phrases (not an inflection the replacement would not match).
 */
function fixFor(context: RuleContext, terms: Term[], match: LexiconMatch): { text: string } | undefined {
  const { entry } = match;
  if (entry.fix !== 'safe' || entry.expected.length !== 1) return undefined;
  const caseSensitive = entry.caseSensitive === true;
  const found = terms.slice(match.from, match.to).map((t) => (caseSensitive ? t.raw : t.norm)).join(' ');
  if (!entry.match.some((phrase) => phraseKey(phrase, caseSensitive) === (caseSensitive ? '=' : '') + found)) return undefined;
  let text = entry.expected[0];
  const first = context.text[match.start];
  if (first && first !== first.toLowerCase() && text[0] === text[0].toLowerCase()) text = text[0].toUpperCase() + text.slice(1);
  return { text };
}
