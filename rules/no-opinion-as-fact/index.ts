import type { Sentence } from 'nlcst';
import { defineRule, type RuleContext, type SentenceInfo } from '../../src/rule.js';
import { builtinLexicon, Matcher, type LexiconMatch } from '../../src/lexicon.js';
import { termsOf } from '../../src/tokens.js';
import { findEvidence } from '../../src/evidence.js';
import { isHypothetical } from '../../src/negation.js';
import { agentAfter, isReported, subjectBefore } from '../../src/speech.js';
import { allowSet, loadTeamLexicons, perOptions, type WordListOptions } from '../../src/team-lexicons.js';
import { labels } from '../no-unevidenced-label/index.js';
import evaluativeList from './evaluative.json' with { type: 'json' };
import unownedList from './unowned.json' with { type: 'json' };
import ownershipList from './ownership.json' with { type: 'json' };

/** The built-in list of evaluative words (rules/no-opinion-as-fact/evaluative.json). */
export const evaluative = builtinLexicon(evaluativeList);

interface Options extends WordListOptions {
  lexicons: string[];
  allow: string[];
}

const builtin = new Matcher([evaluative]);
const matcherFor = perOptions((options: Options) =>
  options.lexicons.length || options.allow.length ? new Matcher([evaluative, ...loadTeamLexicons(options.lexicons)], allowSet(options)) : builtin,
);
const unowned = new Matcher([builtinLexicon(unownedList)]);
const owners = new Matcher([builtinLexicon(ownershipList)]);
/** Labels of people are no-unevidenced-label's: never report the same words twice. */
const labelMatcher = new Matcher([labels]);

/** Words after an unowned construction that name its owner: "agreed by all", "agreed with Mum". */
const ownerWords = new Set(['by', 'with', 'between', 'among', 'amongst', 'from']);

export default defineRule<Options>({
  id: 'no-opinion-as-fact',
  meta: {
    type: 'suggestion',
    description: 'Judgements stated as facts ("the bedroom was disgusting", "everything is fine", "clearly") and opinions with no owner ("it is felt", "it was agreed")',
    guidance: ['coventry:fact-opinion-hearsay'],
    messages: {
      opinionAsFact:
        '"{word}" states an opinion as if it were a fact. Either describe what you saw or heard that led to it, or mark it as your professional opinion and give your reasons ("In my professional opinion ... because I saw ..."). The standard: "It is important to be clear about the factual basis for any professional opinions that you record."',
      unowned:
        '"{phrase}": whose opinion or decision is this? Say who holds the view and why ("Ms Ferris, the team manager, decided...", "We all agreed...", "I think... because..."). The standard: "Records need to distinguish between fact, opinion and hearsay."',
    },
    fixable: false,
    options: {
      lexicons: { type: 'string[]', default: [], description: 'Team word lists of extra evaluative words (docs/LEXICON-FORMAT.md).' },
      allow: { type: 'string[]', default: [], description: 'Entry ids of evaluative.json (or a team list) not to report, such as "fine".' },
    },
    defaultSeverity: 'warn',
    ignore: ['heading', 'blockquote', 'quote'],
    // "clearly", "is felt to": plain-english's weasel or passive on the same words is the same problem.
    hides: ['plain-english'],
    examples: {
      bad: 'The bedroom was disgusting. It was felt that contact should be reduced.',
      good: 'There were dirty nappies on the bedroom floor and the bed had no sheets. Ms Ferris, the team manager, decided that family time would be reduced to once a week, because Tia was upset after the last two sessions.',
    },
  },
  create(context, options) {
    const matcher = matcherFor(options);
    let ownedSections: Set<number> | undefined;
    return {
      SentenceNode(node: Sentence) {
        const start = node.position?.start.offset;
        if (start === undefined) return;
        const sentence = context.sentenceAt(start);
        if (!sentence || sentence.node !== node || sentence.block.block === 'heading') return;
        // Reports in blockquotes are dropped: do not look there.
        if (context.scopes.has('blockquote', start)) return;
        ownedSections ??= sectionsOwnedByHeadings(context);
        checkSentence(context, sentence, matcher, ownedSections);
      },
    };
  },
});

function checkSentence(context: RuleContext, sentence: SentenceInfo, matcher: Matcher, ownedSections: Set<number>): void {
  const node = sentence.node;
  const spans: Array<[number, number]> = [];

  // 1. "It is felt", "it was agreed", "there are concerns": no owner.
  for (const m of unowned.matchSentence(node)) {
    if (m.entry.sentenceStart === true && !opensSentence(node, m.from)) continue;
    if (hasOwnerAfter(node, m)) continue;
    spans.push([m.start, m.end]);
    context.report({ messageId: 'unowned', data: { phrase: context.text.slice(m.start, m.end) }, range: [m.start, m.end], note: m.entry.note });
  }

  // 2. Evaluative words stated as fact (labels looked for only in a sentence that has one).
  let labelSpans: LexiconMatch[] | undefined;
  for (const m of matcher.matchSentence(node)) {
    const overlaps = (a: { start: number; end: number }) => a.start < m.end && m.start < a.end;
    labelSpans ??= labelMatcher.matchSentence(node);
    if (labelSpans.some(overlaps) || spans.some(([s, e]) => overlaps({ start: s, end: e }))) continue;
    if (context.scopes.has('quote', m.start)) continue;
    if (isHypothetical(node, m.from)) continue;
    if (isReported(node, m.from) || heldBySubject(node, m)) continue;
    if (isOwned(context, sentence, ownedSections)) continue;
    if (findEvidence(context, sentence, [m.start, m.end], { events: true })) continue;
    context.report({
      messageId: 'opinionAsFact',
      data: { word: context.text.slice(m.start, m.end) },
      range: [m.start, m.end],
      expected: m.entry.expected,
      note: m.entry.note,
    });
  }
}

/**
 * An owner named after the construction: "it was agreed by everyone at the
 * meeting", "concerns from the school", "it was agreed with Mum" (with/between
 * only straight after it). Stops at "that" or "to", where the opinion starts.
 */
function hasOwnerAfter(node: Sentence, m: LexiconMatch): boolean {
  const terms = termsOf(node);
  for (let i = m.to; i < Math.min(terms.length, m.to + 6); i++) {
    const norm = terms[i].norm;
    if (norm === 'that' || norm === 'to') return false;
    if (!ownerWords.has(norm)) continue;
    if ((norm === 'with' || norm === 'between') && i === m.to) return true;
    if (norm === 'by' || norm === 'from' || norm === 'among' || norm === 'amongst') {
      const agent = agentAfter(node, i, 1);
      if (agent && agent.kind !== 'none') return true;
    }
  }
  return false;
}

/** "Agreed NFA.", "10/11 Decision made to close": nothing but a date or a time before the words. */
function opensSentence(node: Sentence, from: number): boolean {
  return termsOf(node).slice(0, from).every((t) => /^\d/.test(t.norm));
}

/** Worries someone has: "no concerns" after "has/have/had". */
const heldViews = new Set(['no concerns', 'no worries']);

/**
 * "The school have no concerns", "Ms Shah has no worries about...": the view
 * is the subject's, as with a reporting verb. "There are no concerns" has no
 * owner; "I have no concerns" is the writer's summary, still to be backed by
 * what was seen.
 */
function heldBySubject(node: Sentence, m: LexiconMatch): boolean {
  const terms = termsOf(node);
  const have = m.from - 1;
  if (have < 0 || !/^(?:has|have|had)$/.test(terms[have].norm)) return false;
  if (!heldViews.has(terms.slice(m.from, m.to).map((t) => t.norm).join(' '))) return false;
  const kind = subjectBefore(node, have).kind;
  return kind === 'name' || kind === 'role' || kind === 'pronoun';
}

/** An owner in the sentence, in the sentence before it (same paragraph), or a heading that owns the section. */
function isOwned(context: RuleContext, sentence: SentenceInfo, ownedSections: Set<number>): boolean {
  if (ownedSections.has(sentence.index)) return true;
  if (ownerIn(sentence.node)) return true;
  const before = context.sentences[sentence.index - 1];
  return !!before && before.paragraph === sentence.paragraph && ownerIn(before.node);
}

function ownerIn(node: Sentence): boolean {
  return owners.matchSentence(node).some((m) => m.entry.id !== 'opinion-heading');
}

/** Sentences under a heading such as "What I think" or "My analysis", up to the next heading. */
function sectionsOwnedByHeadings(context: RuleContext): Set<number> {
  const owned = new Set<number>();
  let inOwned = false;
  for (const s of context.sentences) {
    if (s.block.block === 'heading') {
      inOwned = owners.matchSentence(s.node).length > 0;
      continue;
    }
    if (inOwned) owned.add(s.index);
  }
  return owned;
}
