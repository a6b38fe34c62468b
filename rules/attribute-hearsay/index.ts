import type { Sentence } from 'nlcst';
import { defineRule, type RuleContext, type SentenceInfo } from '../../src/rule.js';
import { builtinLexicon, Matcher, type LexiconMatch } from '../../src/lexicon.js';
import { termsOf, type Term } from '../../src/tokens.js';
import { agentAfter, agentlessIn, attributions, classifySource, isReported, namesSomeone, subjectBefore, type Source } from '../../src/speech.js';
import { isHypothetical, isNegated } from '../../src/negation.js';
import { childrenOf, refersToChild } from '../../src/children.js';
import { Boundary, boundaries, clauseAround } from '../../src/clauses.js';
import childWordList from './child-words.json' with { type: 'json' };

const childWords = new Matcher([builtinLexicon(childWordList)]);

interface Options {
  suggestChildWords: boolean;
}

type Span = [number, number];

export default defineRule<Options>({
  id: 'attribute-hearsay',
  meta: {
    type: 'suggestion',
    description: 'Reported information that does not say who said it ("it was reported that", "apparently", "I was told", "people say", "there is a history of")',
    guidance: ['coventry:fact-opinion-hearsay'],
    messages: {
      agentless:
        '"{phrase}" does not say who told you. Name the source, and when and how you heard it ("Ms Jones, the class teacher, told me on 3 March that..."), or say you saw it yourself. The standard: "Hearsay is information that has been told to you by others, which is relevant to the case but which you cannot personally verify."',
      vagueSource:
        '"{phrase}" does not say who. Name the person, or their role, who told you and when ("Mrs Khan, who lives next door, phoned me on 3 March and said..."); if nobody can be named, say how the information reached you.',
      unsourcedHistory:
        '"{phrase}" states a history as fact but does not say where it comes from. Say which record shows it or who told you, and when ("police records show officers came to the address three times in 2024", "Mum told me on 3 March that she..."). The standard: "Hearsay is information that has been told to you by others, which is relevant to the case but which you cannot personally verify."',
      childWords:
        '"{word}" casts doubt on what {child} said. Write what {child} told you, to whom and when, in {child}\'s own words where you can ("{child} told me...", "{child} said...", "{child} shared...").',
    },
    fixable: false,
    options: {
      suggestChildWords: {
        type: 'boolean',
        default: true,
        description:
          'Also suggest "told me", "said" or "shared" when "alleged" or "allegation" is used of what a child said, and "later said" for "retracted" (a gentler report than a missing source; switch it off to keep only the source checks).',
      },
    },
    defaultSeverity: 'warn',
    ignore: ['heading', 'blockquote', 'quote'],
    // "Concerns were shared": plain-english's passive inside it asks the same question, less well.
    hides: ['plain-english'],
    examples: {
      bad: 'It was reported that Dad has been drinking again. Apparently the police were called at the weekend.',
      good: 'Ms Jones, the class teacher, told me on 3 March that Dad had smelled of alcohol at pick-up. PC Smith confirmed by email on 4 March that police attended on Saturday night.',
    },
  },
  create(context, options) {
    return {
      SentenceNode(node: Sentence) {
        const start = node.position?.start.offset;
        if (start === undefined) return;
        const sentence = context.sentenceAt(start);
        if (!sentence || sentence.node !== node || sentence.block.block === 'heading') return;
        // Reports in blockquotes are dropped: do not look there.
        if (context.scopes.has('blockquote', start)) return;
        checkSentence(context, sentence, options);
      },
    };
  },
});

function checkSentence(context: RuleContext, sentence: SentenceInfo, options: Options): void {
  const node = sentence.node;
  const terms = termsOf(node);
  const reported: Span[] = [];
  const overlaps = (a: Span) => reported.some((b) => a[0] < b[1] && b[0] < a[1]);
  const report = (messageId: string, span: Span, data: Record<string, string>, extra: { expected?: string[]; note?: string } = {}) => {
    if (overlaps(span)) return;
    reported.push(span);
    context.report({ messageId, data, range: span, ...extra });
  };
  const phraseOf = (from: number, to: number): Span => [terms[from].start, terms[to - 1].end];

  // 1. Agentless reporting: "it was reported", "apparently", "I was told".
  for (const m of agentlessIn(node)) {
    if (m.entry.id === 'hearsay-adverb') {
      if (options.suggestChildWords && /^allegedly$/.test(terms[m.from].norm) && childSpeaks(context, sentence, m)) {
        const entry = childWords.entries.find((e) => e.id === 'alleged')!;
        report('childWords', [m.start, m.end], { word: text(context, m), child: childrenOf(context).display }, { expected: entry.expected, note: entry.note });
        continue;
      }
      if (hedgeOfNamedSpeaker(node, m)) continue;
      report('agentless', [m.start, m.end], { phrase: text(context, m) }, { note: m.entry.note });
      continue;
    }
    if (context.scopes.has('title', m.start) || sourceFieldBelow(context.text, m.end)) continue;
    const agent = agentAfter(node, m.to);
    if (agent && agent.kind !== 'vague') continue;
    if (!agent && namesDocument(node, m.to)) continue;
    if (agent) {
      report('vagueSource', [m.start, terms[agent.to - 1].end], { phrase: context.text.slice(m.start, terms[agent.to - 1].end) }, { note: vagueNote });
      continue;
    }
    report('agentless', [m.start, m.end], { phrase: text(context, m) }, { note: m.entry.note });
  }

  // "According to reports", "according to people at the school gate".
  for (let i = 0; i + 1 < terms.length; i++) {
    if (terms[i].norm !== 'according' || terms[i + 1].norm !== 'to') continue;
    const agent = agentAfter(node, i, 3);
    if (!agent || agent.kind !== 'vague') continue;
    const span: Span = [terms[i].start, terms[agent.to - 1].end];
    report('vagueSource', span, { phrase: context.text.slice(span[0], span[1]) }, { note: vagueNote });
  }

  // 2. A vague source before a reporting verb: "people say", "staff said", "someone told me", "they said" with nobody named.
  for (const a of attributions(node)) {
    const source = vagueHeadBefore(node, a.source) ?? a.source;
    if (a.group === 'opinion' && source.kind !== 'vague') continue;
    const vague = source.kind === 'vague' || (source.kind === 'pronoun' && isUnresolvedThey(context, sentence, source));
    if (!vague) continue;
    const span = phraseOf(source.from, a.verb.to);
    report('vagueSource', span, { phrase: context.text.slice(span[0], span[1]) }, { note: vagueNote });
  }

  // 2b. A vague subject of seeing or hearing: "neighbours have seen him at the property" is their account, passed on.
  for (let i = 1; i < terms.length; i++) {
    if (!sawVerbs.has(terms[i].norm) && !(seenParticiples.has(terms[i].norm) && /^(?:has|have|had)$/.test(terms[i - 1].norm))) continue;
    const subject = subjectBefore(node, i);
    if (subject.kind !== 'vague' || subject.group !== 'vague-people' || ownTeam.has(terms[subject.to - 1].norm)) continue;
    if (isHypothetical(node, subject.from)) continue;
    const span = phraseOf(subject.from, i + 1);
    report('vagueSource', span, { phrase: context.text.slice(span[0], span[1]) }, { note: vagueNote });
  }

  // 3. "There is a history of DV", "YP has a history of CSE": read in records or heard, written as fact.
  for (const span of historyClaims(node)) {
    const [from, to] = span;
    if (isReported(node, from) || isNegated(node, from, to) || isHypothetical(node, from) || recordNear(context, sentence)) continue;
    report('unsourcedHistory', phraseOf(from, to), { phrase: context.text.slice(terms[from].start, terms[to - 1].end) }, { note: historyNote });
  }

  // 4. "Alleged", "allegation", "retracted" used of what a child said.
  if (!options.suggestChildWords) return;
  for (const m of childWords.matchSentence(node)) {
    if (overlaps([m.start, m.end])) continue;
    const word = terms[m.from].norm;
    let ofChild = false;
    if (accountNouns.has(m.entry.id)) {
      ofChild = childInClause(context, sentence, m) || childMadeIt(context, sentence, m.from);
    } else if (word !== 'allegedly') {
      ofChild = childIsSubject(context, sentence, m.from) || isChildAgent(context, sentence, m.to);
    }
    if (!ofChild) continue;
    report('childWords', [m.start, m.end], { word: text(context, m), child: childrenOf(context).display }, { expected: m.entry.expected, note: m.entry.note });
  }
}

/** Words that may stand between "a" and "history": "a long history of", "a known previous history of". */
const historyModifiers = new Set([
  'long', 'lengthy', 'known', 'previous', 'past', 'significant', 'extensive', 'documented', 'recorded', 'reported',
  'some', 'family', 'medical', 'criminal', 'clear', 'established', 'recent', 'ongoing', 'chronic', 'substantial',
]);

/**
 * "has a history of", "there is a long history of", "with a history of": a history stated as a fact, as
 * term spans from the verb to "of". "No history of" and "a history of this" in a question are not claims.
 */
function historyClaims(node: Sentence): Span[] {
  const terms = termsOf(node);
  const found: Span[] = [];
  for (let i = 1; i + 1 < terms.length; i++) {
    if (terms[i].norm !== 'history' || terms[i + 1].norm !== 'of' || terms[i + 1].gapBefore) continue;
    let at = i - 1;
    while (at >= 0 && at >= i - 2 && historyModifiers.has(terms[at].norm) && !terms[at + 1].gapBefore) at--;
    if (at >= 0 && /^(?:a|an)$/.test(terms[at].norm) && !terms[at + 1].gapBefore) at--;
    if (at < 0 || terms[at + 1].gapBefore) continue;
    const verb = historyVerbAt(terms, at);
    if (verb !== undefined) found.push([verb, i + 2]);
  }
  return found;
}

/** Where the claim starts, when term `at` ends "has", "there is", "there has been" or "with". */
function historyVerbAt(terms: readonly Term[], at: number): number | undefined {
  const word = terms[at].norm;
  if (/^(?:has|have|had|having|with|there's)$/.test(word)) return at;
  let there = at - 1;
  if (word === 'been' && /^(?:has|have|had)$/.test(terms[there]?.norm ?? '')) there--;
  else if (!/^(?:is|was|are|were)$/.test(word)) return undefined;
  return terms[there]?.norm === 'there' ? there : undefined;
}

/** "Police checks show...", "(chronology)", "GP records": a record named in the sentence or the one either side in its paragraph. */
function recordNear(context: RuleContext, sentence: SentenceInfo): boolean {
  return [context.sentences[sentence.index - 1], sentence, context.sentences[sentence.index + 1]].some(
    (s) => s !== undefined && s.paragraph === sentence.paragraph && termsOf(s.node).some((t) => documents.has(t.bare ?? t.norm)),
  );
}

const historyNote =
  'A history ("a history of DV", "a history of CSE") is nearly always read in records or heard from others. Written as a plain fact it is copied from note to note, and nobody can check where it began: name the record or the person, and when.';

/** Entries of child-words.json that name the child's account ("Sofia's allegation", "Riley's retraction"); the others are verbs. */
const accountNouns = new Set(['allegation', 'retraction']);

/** Records that can be a source: "it was noted in the home's log", "it is recorded in the chronology". */
const documents = new Set([
  'log', 'logs', 'record', 'records', 'chronology', 'file', 'report', 'referral', 'minutes', 'email', 'letter', 'notes',
  'plan', 'assessment', 'statement', 'judgment', 'order', 'register', 'diary', 'book', 'form', 'summary', 'message', 'text',
  'checks',
]);

/** "in the home's log", "in Dr Khan's letter of 2 April": a named record straight after the construction. */
function namesDocument(node: Sentence, after: number): boolean {
  const terms = termsOf(node);
  if (terms[after]?.norm !== 'in') return false;
  for (let i = after + 1; i < Math.min(terms.length, after + 5); i++) if (documents.has(terms[i].bare ?? terms[i].norm)) return true;
  return false;
}

/** Verbs of seeing and hearing in the past ("neighbours saw", "people heard"), and the participles that need "have" before them. */
const sawVerbs = new Set(['saw', 'heard', 'noticed', 'spotted', 'witnessed']);
const seenParticiples = new Set(['seen', 'heard', 'noticed', 'spotted', 'witnessed']);
/**
 * "Staff have seen", "professionals noticed": the writer's own team or the network, whose observations a
 * residential log or a meeting records first hand. Only people outside it ("neighbours have seen") are passed on.
 * "Anyone" is the subject only in questions and negatives ("nobody knew if anyone had seen him").
 */
const ownTeam = new Set(['staff', 'professionals', 'agencies', 'services', 'anyone', 'anybody']);

const vagueNote =
  'A source nobody can ask ("people say", "staff said", "someone told me") is a rumour unless the note says which person told you, when and how.';

function text(context: RuleContext, m: Pick<LexiconMatch, 'start' | 'end'>): string {
  return context.text.slice(m.start, m.end);
}

/** "They said" with no person or organisation named in this sentence or the one before. */
function isUnresolvedThey(context: RuleContext, sentence: SentenceInfo, source: Source): boolean {
  const terms = termsOf(sentence.node);
  if (!/^they/.test(terms[source.from].norm)) return false;
  if (namesSomeone(sentence.node, source.from)) return false;
  const before = context.sentences[sentence.index - 1];
  if (before && before.block.block !== 'heading' && namesSomeone(before.node)) return false;
  return true;
}

/** "Ruby allegedly told her teacher": the speech next to "allegedly" is the child's. */
function childSpeaks(context: RuleContext, sentence: SentenceInfo, m: LexiconMatch): boolean {
  return childIsSubject(context, sentence, m.from) && attributions(sentence.node).some((a) => a.verb.from >= m.to && a.verb.from <= m.to + 1);
}

/** The child is the subject of the verb at term `verb`: "Ruby alleged", "she made". "Ruby's alleged assault" is an adjective. */
function childIsSubject(context: RuleContext, sentence: SentenceInfo, verb: number): boolean {
  const subject = subjectBefore(sentence.node, verb);
  if (subject.kind === 'none' || termsOf(sentence.node)[subject.to - 1]?.bare !== undefined) return false;
  return refersToChild(context, sentence, subject.to - 1, true);
}

/** Words between "made" and "allegation": "made an allegation", "has made further allegations". */
const allegationDeterminers = new Set(['a', 'an', 'another', 'the', 'further', 'new', 'several', 'two', 'three', 'serious', 'false']);

/** "Riley made an allegation", "she has made allegations": the child made it. */
function childMadeIt(context: RuleContext, sentence: SentenceInfo, allegation: number): boolean {
  const terms = termsOf(sentence.node);
  let made = allegation - 1;
  while (made >= 0 && allegationDeterminers.has(terms[made].norm)) made--;
  return made >= 0 && /^(?:made|makes|make|making)$/.test(terms[made].norm) && childIsSubject(context, sentence, made);
}

/** Prepositions that attach a place or a group to a source: "staff at the unit", "someone from the school". */
const placePrepositions = new Set(['at', 'from', 'in', 'on']);
/** Words of the place itself: "at the unit", "from Holmfield School". */
const placeWords = /^(?:the|a|an|his|her|their|our|my|this|that)$/;

/**
 * A vague head before the source a reporting verb found: "Staff at the unit
 * describe" (the verb's neighbour is "unit"; the speaker is "staff").
 */
function vagueHeadBefore(node: Sentence, source: Source): Source | undefined {
  if (source.kind !== 'other' && source.kind !== 'role' && source.kind !== 'name') return undefined;
  const terms = termsOf(node);
  const breaks = boundaries(node);
  let at = source.from - 1;
  while (at >= 0 && at >= source.from - 3 && (placeWords.test(terms[at].norm) || /^[A-Z]/.test(terms[at].raw)) && breaks[at + 1] === Boundary.none) at--;
  if (at < 1 || !placePrepositions.has(terms[at].norm) || breaks[at] !== Boundary.none || breaks[at + 1] !== Boundary.none) return undefined;
  // "Everyone at the meeting agreed": all of a known group, which owns the view.
  if (/^(?:everyone|everybody|all)$/.test(terms[at - 1].norm)) return undefined;
  const head = classifySource(node, at - 1);
  return head.kind === 'vague' ? { ...head, to: source.to } : undefined;
}

/** A form field that names the source: "From: Mrs Shah, Designated Safeguarding Lead", "Referrer: ...". */
const sourceField = /^[ \t]*[*_]*(?:from|referrer|referred by|source|referral source|caller)[*_]*[ \t]*:[*_]*[ \t]*\S/im;

/**
 * A source field in the next five lines of the same block ("Referral received: 03/11/2025" then "From: ...").
 * Not after a blank line: an email pasted below a paragraph has a "From:" that is not that paragraph's source.
 */
function sourceFieldBelow(text: string, end: number): boolean {
  // The field is on the lines below: a line that goes on for 5,000 characters more has none near it (and is
  // not scanned to its end at every match).
  const lineEnd = text.slice(end, end + 5000).indexOf('\n');
  if (lineEnd < 0) return false;
  const below = text.slice(end + lineEnd + 1).split('\n', 5);
  const blank = below.findIndex((line) => !line.trim());
  return sourceField.test((blank < 0 ? below : below.slice(0, blank)).join('\n'));
}

/** "alleged by Ruby". */
function isChildAgent(context: RuleContext, sentence: SentenceInfo, after: number): boolean {
  const terms = termsOf(sentence.node);
  if (terms[after]?.norm !== 'by') return false;
  const agent = agentAfter(sentence.node, after, 2);
  return !!agent && agent.kind !== 'none' && refersToChild(context, sentence, agent.to - 1, true);
}

/** "Ruby's allegation", "the allegation Sofia made", "allegations made by the child". */
function childInClause(context: RuleContext, sentence: SentenceInfo, m: LexiconMatch): boolean {
  const [from, to] = clauseAround(sentence.node, m.from, Boundary.coord);
  const terms = termsOf(sentence.node);
  for (let i = Math.max(from, m.from - 3); i < Math.min(to, m.to + 4); i++) {
    if (i >= m.from && i < m.to) continue;
    if (!refersToChild(context, sentence, i, true)) continue;
    const t = terms[i];
    // A pronoun only counts as the child's possessive ("her allegation") when it resolves to the child.
    if (i < m.from && (t.bare !== undefined || ['her', 'his', 'their', 'your'].includes(t.norm))) return true;
    if (i > m.from) {
      const between = terms.slice(m.to, i).map((x) => x.norm);
      if (between.some((w) => w === 'made' || w === 'by' || w === 'from')) return true;
    }
  }
  return false;
}

/**
 * "Mum told me that apparently Dad has moved": a speaker named (or a role, or
 * a pronoun for one) before the hedge in its clause gave the information, and
 * "apparently" is their hedge, not a missing source.
 */
function hedgeOfNamedSpeaker(sentence: Sentence, m: LexiconMatch): boolean {
  const [start] = clauseAround(sentence, m.from, Boundary.coord);
  return attributions(sentence).some((a) => a.verb.from >= start && a.verb.to <= m.from && (a.source.kind === 'name' || a.source.kind === 'role' || a.source.kind === 'pronoun'));
}
