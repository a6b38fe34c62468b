import type { Sentence } from 'nlcst';
import { defineRule, type SentenceInfo } from '../../src/rule.js';
import { builtinLexicon, Matcher, type LexiconMatch } from '../../src/lexicon.js';
import { termsOf } from '../../src/tokens.js';
import { findEvidence } from '../../src/evidence.js';
import { isHypothetical, isNegated } from '../../src/negation.js';
import { hasSpeech, isReported } from '../../src/speech.js';
import { allowSet, loadTeamLexicons, perOptions, type WordListOptions } from '../../src/team-lexicons.js';
import labelList from './labels.json' with { type: 'json' };

/** The built-in list of labels (rules/no-unevidenced-label/labels.json). */
export const labels = builtinLexicon(labelList);

interface Options extends WordListOptions {
  lexicons: string[];
  allow: string[];
}

const builtin = new Matcher([labels]);
const matcherFor = perOptions((options: Options) =>
  options.lexicons.length || options.allow.length ? new Matcher([labels, ...loadTeamLexicons(options.lexicons)], allowSet(options)) : builtin,
);

export type LabelVerdict =
  | { report: false; why: 'negated' | 'hypothetical' | 'reported' | 'quoted' | 'evidence' }
  | { report: true; messageId: 'unevidenced' | 'quotedLabel' };

/**
 * Decide one label match. Exported so tests and the other rules can see why
 * a label passed.
 */
export function judgeLabel(
  context: Parameters<typeof findEvidence>[0],
  sentence: SentenceInfo,
  match: Pick<LexiconMatch, 'from' | 'to' | 'start' | 'end'>,
): LabelVerdict {
  const node: Sentence = sentence.node;
  if (context.scopes.has('quote', match.start)) {
    // Someone's word: fine when someone is said to have said it (attribute-hearsay
    // checks that the someone is named); a scare quote with no speaker is not.
    if (hasSpeech(node) || isReported(node, match.from)) return { report: false, why: 'quoted' };
    const before = context.sentences[sentence.index - 1];
    if (before && /:\s*$/.test(before.text) && hasSpeech(before.node)) return { report: false, why: 'quoted' };
    return { report: true, messageId: 'quotedLabel' };
  }
  if (isNegated(node, match.from, match.to)) return { report: false, why: 'negated' };
  if (isHypothetical(node, match.from)) return { report: false, why: 'hypothetical' };
  if (isReported(node, match.from)) return { report: false, why: 'reported' };
  if (findEvidence(context, sentence, [match.start, match.end])) return { report: false, why: 'evidence' };
  return { report: true, messageId: 'unevidenced' };
}

export default defineRule<Options>({
  id: 'no-unevidenced-label',
  meta: {
    type: 'suggestion',
    description: 'Labels of people (aggressive, hostile, chaotic, uncooperative) with no evidence of what was seen or heard beside them',
    guidance: ['coventry:labels', 'coventry:fact-opinion-hearsay'],
    messages: {
      unevidenced:
        '"{label}" is a label: what did you see or hear that led to it? Describe what was said or done, when and to whom, in this sentence or the next, or leave the label out. The standard: "If you do use a descriptive word such as \'aggressive\', this needs to be supported with evidence and information."',
      quotedLabel:
        '"{label}" is in quotation marks but nobody is named as saying it: whose word is it, and what did you see or hear? ("Ms Jones described him as \'volatile\' because he shouted at her on 3 March.")',
    },
    fixable: false,
    options: {
      lexicons: { type: 'string[]', default: [], description: 'Team word lists of extra labels (docs/LEXICON-FORMAT.md).' },
      allow: { type: 'string[]', default: [], description: 'Entry ids of labels.json (or a team list) not to report, such as "defensive".' },
    },
    defaultSeverity: 'warn',
    ignore: ['heading', 'blockquote'],
    // "very vulnerable": plain-english's vague "very" inside the label is the same problem.
    hides: ['plain-english'],
    examples: {
      bad: 'Dad was aggressive at the door.',
      good: 'Dad was aggressive at the door: he shouted that I should leave and slammed the door on my foot.',
    },
  },
  create(context, options) {
    const matcher = matcherFor(options);
    return {
      SentenceNode(node: Sentence) {
        const start = node.position?.start.offset;
        if (start === undefined) return;
        const sentence = context.sentenceAt(start);
        if (!sentence || sentence.node !== node || sentence.block.block === 'heading') return;
        // Reports in blockquotes are dropped: do not look there.
        if (context.scopes.has('blockquote', start)) return;
        for (const match of matcher.matchSentence(node)) {
          const verdict = judgeLabel(context, sentence, match);
          if (!verdict.report) continue;
          const start = intensifiedFrom(node, match);
          context.report({
            messageId: verdict.messageId,
            data: { label: context.text.slice(start, match.end) },
            range: [start, match.end],
            expected: match.entry.expected,
            note: match.entry.note,
          });
        }
      },
    };
  },
});

/** Words that strengthen a label and belong to it: "very aggressive" is one judgement, reported once (plain-english's "very" is hidden inside it). */
const intensifiers = new Set(['very', 'extremely', 'really', 'incredibly', 'highly', 'so', 'quite', 'particularly', 'increasingly']);

/** Where the label starts, with the intensifier right before it ("very aggressive"). */
function intensifiedFrom(sentence: Sentence, match: LexiconMatch): number {
  const terms = termsOf(sentence);
  const before = terms[match.from - 1];
  return before && !terms[match.from].gapBefore && intensifiers.has(before.norm) ? before.start : match.start;
}
