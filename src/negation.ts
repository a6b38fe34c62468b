// Is a word denied or hypothetical where it stands? "There were no signs of
// aggression", "Dad was not aggressive", "aggression was not seen" are
// negated; "if he becomes aggressive", "may become hostile", a question, are
// hypothetical. A negator counts when it stands in the same clause (weak
// boundaries: a comma or "and was" ends it) and at most four words before the
// word; a hypothetical marker anywhere earlier in the same clause (strong
// boundaries). The word lists are data in src/markers/ (negation.json,
// hypothetical.json).
import type { Sentence } from 'nlcst';
import { builtinLexicon, Matcher, type LexiconMatch } from './lexicon.js';
import { termsOf } from './tokens.js';
import { NodeMemo } from './memo.js';
import { Boundary, clauseAround, isQuestion } from './clauses.js';
import negationList from './markers/negation.json' with { type: 'json' };
import hypotheticalList from './markers/hypothetical.json' with { type: 'json' };

const negators = new Matcher([builtinLexicon(negationList)]);
const hypotheticals = new Matcher([builtinLexicon(hypotheticalList)]);

/** How many words may stand between a negator and the word it negates. */
const negationReach = 4;
/** How far back a hypothetical marker reaches within its clause. */
const hypotheticalReach = 12;

const negationCache = new NodeMemo<LexiconMatch[]>();
const hypotheticalCache = new NodeMemo<LexiconMatch[]>();

/** "no doubt", "not only", "not just", "no less": not a denial of what follows. */
const notNegating = new Set(['doubt', 'only', 'just', 'least', 'less', 'sooner', 'matter', 'longer']);
const beVerbs = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'been', 'be', 'being', 'did', 'does', 'do']);
const contracted = /n't$/;

function cached(memo: NodeMemo<LexiconMatch[]>, matcher: Matcher, sentence: Sentence): LexiconMatch[] {
  return memo.get(sentence) ?? memo.set(sentence, matcher.matchSentence(sentence));
}

/**
 * Is the word at term indexes [from, to) denied? Looks back within its clause
 * for a negator ("no", "not", "never", "no signs of", "denied") and forward
 * for "was not seen" / "wasn't an issue".
 */
export function isNegated(sentence: Sentence, from: number, to: number): boolean {
  const terms = termsOf(sentence);
  const [start, end] = clauseAround(sentence, from, Boundary.weak);
  for (const m of cached(negationCache, negators, sentence)) {
    if (m.to > from || m.from < start) continue;
    if (from - m.to > negationReach) continue;
    const next = terms[m.to];
    if (next && notNegating.has(next.norm) && m.to < from) continue;
    return true;
  }
  // Forward: "aggression was not seen", "hostility wasn't an issue".
  for (let j = to; j < Math.min(end, to + 3); j++) {
    const norm = terms[j].norm;
    if (norm === 'not' || norm === 'never' || contracted.test(norm)) return true;
    if (!beVerbs.has(norm)) break;
  }
  return false;
}

/** Is the word at term index `from` inside a condition, a possibility or a question? */
export function isHypothetical(sentence: Sentence, from: number): boolean {
  if (isQuestion(sentence)) return true;
  const [start] = clauseAround(sentence, from, Boundary.strong);
  const terms = termsOf(sentence);
  for (const m of cached(hypotheticalCache, hypotheticals, sentence)) {
    if (m.to > from || m.from < start) continue;
    if (from - m.to > hypotheticalReach) continue;
    // "I asked whether she was drinking and she became hostile": a new subject ends the condition;
    // "if Dad comes home and is aggressive" does not.
    let reaches = true;
    for (let k = m.to; k < from - 1; k++) {
      if (/^(?:and|but|so|then)$/.test(terms[k].norm) && newSubjects.has(terms[k + 1].norm)) reaches = false;
    }
    if (reaches) return true;
  }
  return false;
}

const newSubjects = new Set(['i', 'he', 'she', 'they', 'we', 'mum', 'dad', 'it', 'there']);
