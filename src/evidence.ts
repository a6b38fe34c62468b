// Evidence beside a judgement: what the Coventry standard means by "supported
// with evidence and information". A word is supported when, in its sentence
// or the sentence before or after it (in the same paragraph or list, or after
// a sentence ending with a colon; never across a heading), the note has:
//   - a first-person observation ("I saw", "I heard", "showed me")
//   - a described action ("shouted", "threw", "hung up", "left the room")
//   - a concrete detail ("nappies", "mould", "a bruise", "smelled of alcohol")
//   - a direct quotation (the 'quote' scope), other than the word's own quote
//   - a clock time, a date or a day, a count or a measurement
//   - a reason: "because", "for example", "such as", "e.g." or a colon
//     followed by words, after the word in its own sentence, or opening the
//     next sentence
// The sentence before counts only for an action, an observation or a quote;
// the sentence after also for a detail, and for a time, date or count only
// when it goes on about the same person ("She cancelled three visits"); a day
// word ("this morning") or a bare year counts only in its own sentence.
// The observation, action and reason lists are data in
// src/markers/evidence.json; times, dates and counts are found
// here. Ages ("Maya (8)", "14 years old", "a mental age of 8") and
// references ("section 47", "Children Act 1989", "Year 6") are not counts. `findEvidence(..., { events:
// true })` also accepts someone doing something in general words ("she changed
// his nappy"), for judgements of homes and events rather than of people.
import type { RuleContext, SentenceInfo } from './rule.js';
import { builtinLexicon, Matcher } from './lexicon.js';
import { termsOf, tokensOf } from './tokens.js';
import { NodeMemo } from './memo.js';
import evidenceList from './markers/evidence.json' with { type: 'json' };

export type EvidenceKind = 'observation' | 'action' | 'detail' | 'reason' | 'quote' | 'time' | 'date' | 'count' | 'event';

/** Weak anchors ('this morning', a bare year) support only their own sentence. */
export interface EvidenceFlags {
  weak?: boolean;
}

export interface Evidence extends EvidenceFlags {
  kind: EvidenceKind;
  /** Offsets in the note. */
  start: number;
  end: number;
  /** The words, for messages and tests. */
  text: string;
}

const markers = new Matcher([builtinLexicon(evidenceList)]);
const kindOfEntry: Record<string, EvidenceKind> = {
  'first-person-observation': 'observation',
  'physical-action': 'action',
  kick: 'action',
  'verbal-action': 'action',
  'observed-detail': 'detail',
  'reason-connective': 'reason',
};

const months = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const weekdays = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const patterns: Array<[EvidenceKind, RegExp, EvidenceFlags?]> = [
  // 3.45pm, 10:05, 13:00, 9.10am
  ['time', /(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:am|pm|a\.m\.|p\.m\.|hrs|hours)\b)?(?![\d])/gi],
  // 10am, 3 pm
  ['time', /(?<![\d.:])(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/gi],
  ['time', /\b(?:midday|midnight|noon|o['’]clock|half past|quarter past|quarter to|lunchtime|bedtime|teatime)\b/gi],
  // 3 March, 3rd of March, March 3, 10/11, 10/11/2026, 2026-11-18, years
  ['date', new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${months})\\b`, 'g')],
  ['date', new RegExp(`\\b(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g')],
  ['date', /(?<![\d.])\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?![\d/])/g],
  ['date', /\b\d{4}-\d{2}-\d{2}\b/g],
  ['date', new RegExp(`\\b(?:${weekdays})s?\\b`, 'g')],
  ['date', /\b(?:January|February|March|April|June|July|August|September|October|November|December)\b/g],
  ['date', /\b(?:yesterday|last night|this morning|this afternoon|this evening|tonight|earlier today|overnight|the night before|the day before|the following day|the next day)\b/gi, { weak: true }],
  ['date', /(?<!\bAct\s)\b(?:19|20)\d{2}\b/g, { weak: true }],
];

const numberWords = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|dozen|dozens|twice)\b/gi;
const numbers = /(?<![\w.,:/-])\d+(?:[.,]\d+)?([a-zA-Z%]*)(?![\w/])/g;
const units = /^(?:%|per ?cent|cm|mm|m|metres?|meters?|km|kg|g|grams?|lbs?|ml|l|litres?|mins?|minutes?|hrs?|hours?|secs?|seconds?|days?|weeks?|months?|times?|x|st|nd|rd|th)$/i;
/** Words before a number that make it a reference, not a count. */
const referenceBefore = /\b(?:section|s|act|year|yr|room|flat|no|number|page|paragraph|para|level|tel|mob|stage|ks|class|bus|route|junction|house|ward|bed|version|step|phase|tier|aged|age|ages|ref|dob|apartment|unit|door|floor|platform|chapter|part|schedule|reg|regulation|article)\.?\s*$/i;
/** "at the age of 8", "a mental age of around 8": an age, not a count. */
const ageOfBefore = /\bage\s+of\s+(?:(?:about|around|approximately|roughly)\s+)?$/i;
/** After a number: an age, or people rather than things ("the two children"). */
const notCountAfter = /^[\s-]*(?:years?|yrs?|months?|weeks?)[\s-]+old\b|^[\s-]*(?:year|month)[\s-]*olds?\b|^\s*(?:children|child|boys|girls|siblings|brothers|sisters|sons|daughters|parents|adults|people|professionals|workers|of us|of them|of the children|of the family|of his|of her)\b/i;

const sentenceEvidence = new NodeMemo<Evidence[]>();

/** Every piece of evidence in one sentence, left to right. */
export function evidenceIn(context: Pick<RuleContext, 'text' | 'scopes'>, sentence: SentenceInfo): Evidence[] {
  const cachedList = sentenceEvidence.get(sentence.node);
  if (cachedList) return cachedList;
  const found: Evidence[] = [];
  const text = context.text;
  const push = (kind: EvidenceKind, start: number, end: number, flags: EvidenceFlags = {}) =>
    found.push({ kind, start, end, text: text.slice(start, end), ...flags });

  for (const m of markers.matchSentence(sentence.node)) push(kindOfEntry[m.entry.id] ?? 'action', m.start, m.end);

  // A colon followed by words: "Dad was hostile: he swore at me".
  const tokens = tokensOf(sentence.node);
  tokens.forEach((token, i) => {
    if (token.kind !== 'punctuation' || !token.value.includes(':')) return;
    const rest = tokens.slice(i + 1).filter((t) => t.kind === 'word');
    // "10:05" is a time, not a colon; a colon needs at least two words after it.
    if (rest.length >= 2 && tokens[i + 1]?.kind !== 'word') push('reason', token.start, token.end);
  });

  for (const [start, end] of context.scopes.overlapping('quote', sentence.start, sentence.end)) {
    push('quote', Math.max(start, sentence.start), Math.min(end, sentence.end));
  }

  const body = text.slice(sentence.start, sentence.end);
  for (const [kind, pattern, flags] of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) push(kind, sentence.start + m.index, sentence.start + m.index + m[0].length, flags);
  }
  numberWords.lastIndex = 0;
  for (let m = numberWords.exec(body); m; m = numberWords.exec(body)) {
    if (notCountAfter.test(body.slice(m.index + m[0].length))) continue;
    push('count', sentence.start + m.index, sentence.start + m.index + m[0].length);
  }
  numbers.lastIndex = 0;
  for (let m = numbers.exec(body); m; m = numbers.exec(body)) {
    const suffix = m[1];
    if (suffix && !units.test(suffix)) continue;
    const before = body.slice(0, m.index);
    const after = body.slice(m.index + m[0].length);
    if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) continue; // "Maya (8)"
    if (referenceBefore.test(before) || ageOfBefore.test(before)) continue;
    if (notCountAfter.test(after)) continue;
    if (/^\d{7,}$/.test(m[0].replace(/\s/g, ''))) continue; // phone numbers
    if (/^(?:19|20)\d{2}$/.test(m[0])) continue; // a year is a (weak) date, above
    push('count', sentence.start + m.index, sentence.start + m.index + m[0].length);
  }
  found.sort((a, b) => a.start - b.start);
  sentenceEvidence.set(sentence.node, found);
  return found;
}

/** Reason words that may open the next sentence: "For example, ...". */
function opensWithReason(context: Pick<RuleContext, 'text' | 'scopes'>, sentence: SentenceInfo): Evidence | undefined {
  const first = termsOf(sentence.node)[0];
  if (!first) return undefined;
  return evidenceIn(context, sentence).find((e) => e.kind === 'reason' && e.start === first.start);
}

/**
 * The sentences before and after in the same paragraph; across paragraphs
 * only between items of one list, or after a sentence that ends with a colon
 * ("Mum was hostile:" followed by a list). Never across a heading: a new
 * paragraph usually starts something else, with its own times and quotes.
 */
export function neighbours(context: Pick<RuleContext, 'sentences' | 'text'>, sentence: SentenceInfo): { before?: SentenceInfo; after?: SentenceInfo } {
  if (sentence.block.block === 'heading') return {};
  const linked = (a: SentenceInfo, b: SentenceInfo) =>
    a.block.block !== 'heading' &&
    b.block.block !== 'heading' &&
    (a.paragraph === b.paragraph || (a.block.inList && b.block.inList) || /:\s*$/.test(a.text));
  const before = context.sentences[sentence.index - 1];
  const after = context.sentences[sentence.index + 1];
  return { before: before && linked(before, sentence) ? before : undefined, after: after && linked(sentence, after) ? after : undefined };
}

/** People whose actions are evidence (the writer's own actions are not: "I explained the plan"). */
const subjects = new Set(['he', 'she', 'they', 'mum', 'dad', 'mother', 'father', 'nan', 'nana', 'grandma', 'grandad']);
const irregularPast = new Set([
  'went', 'came', 'took', 'gave', 'made', 'ran', 'sat', 'stood', 'held', 'brought', 'bought', 'ate', 'drank', 'wrote',
  'drew', 'sang', 'told', 'said', 'read', 'put', 'got', 'found', 'kept', 'left', 'met', 'paid', 'sent', 'spent', 'taught',
  'thought', 'won', 'woke', 'wore', 'knew', 'chose', 'swam', 'rode', 'built', 'caught', 'fed', 'led', 'lit', 'slept', 'spoke',
]);
/** Words in -ed that are not something someone did: not past tenses ("need"), or the writer's view ("she seemed fine"). */
const notPast = new Set(['need', 'bed', 'red', 'shed', 'seed', 'feed', 'speed', 'breed', 'weed', 'embed', 'indeed', 'proceed', 'succeed', 'exceed', 'seemed']);

/**
 * Something someone did, in general words: a person ("she", "Mum", "Tia")
 * followed by a past-tense verb ("she changed his nappy", "Tia laughed",
 * "he went to the zoo"). Looser than the action list, so only rules that
 * judge events and homes (not people) ask for it.
 */
export function eventsIn(sentence: SentenceInfo): Evidence[] {
  const terms = termsOf(sentence.node);
  const found: Evidence[] = [];
  for (let i = 0; i + 1 < terms.length; i++) {
    const subject = terms[i];
    const isSubject = subjects.has(subject.bare ?? subject.norm) || (i > 0 && /^[A-Z][a-z]+$/.test(subject.raw));
    if (!isSubject) continue;
    let j = i + 1;
    if (/^(?:then|also|both|all|later|quickly|happily)$/.test(terms[j]?.norm ?? '')) j++;
    const verb = terms[j];
    if (!verb || verb.gapBefore) continue;
    const past = irregularPast.has(verb.norm) || (/^[a-z]{3,}ed$/.test(verb.norm) && !notPast.has(verb.norm));
    if (past) found.push({ kind: 'event', start: subject.start, end: verb.end, text: `${subject.raw} ${verb.raw}` });
  }
  return found;
}

/** Evidence that says when or how often, but not who or what. */
const isAnchor = (kind: EvidenceKind) => kind === 'time' || kind === 'date' || kind === 'count';

/** Third-person words that carry the subject on from the sentence before. */
const carriedOn = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'this']);
/** Words that open a sentence before its subject: "At 3pm on Monday she ...", "Later that day, the house ...". */
const beforeSubject = new Set([
  'a', 'an', 'the', 'at', 'on', 'in', 'by', 'around', 'about', 'approximately', 'after', 'before', 'since', 'then', 'later',
  'earlier', 'today', 'yesterday', 'tonight', 'that', 'same', 'following', 'next', 'last', 'day', 'morning', 'afternoon',
  'evening', 'night', 'week', 'weeks', 'month', 'months', 'am', 'pm', 'also',
  ...weekdays.toLowerCase().split('|'), ...months.toLowerCase().split('|'),
]);

/**
 * Whether the subject of `next` is the one the words at `start` of `sentence`
 * are about: a pronoun ("he", "her", "this"), or a word the sentence has
 * before them ("Mum ... Mum", "The house ... The house").
 */
function continuesSubject(sentence: SentenceInfo, start: number, next: SentenceInfo): boolean {
  const subject = termsOf(next.node).find((t) => !beforeSubject.has(t.norm) && !/^\d/.test(t.norm));
  if (!subject) return false;
  const word = subject.bare ?? subject.norm;
  if (carriedOn.has(word)) return true;
  return termsOf(sentence.node).some((t) => t.end <= start && (t.bare ?? t.norm) === word);
}

/**
 * Evidence that supports the words at [start, end) of `sentence`, or
 * undefined. Evidence inside the words themselves does not count (a label
 * cannot support itself); a reason counts only after the words. With
 * `events`, a person doing something in general words also counts, after
 * the words or in the next sentence ("The session was lovely: Tia and her
 * mum baked biscuits").
 */
export function findEvidence(
  context: Pick<RuleContext, 'text' | 'scopes' | 'sentences'>,
  sentence: SentenceInfo,
  span: [number, number],
  options: { events?: boolean } = {},
): Evidence | undefined {
  const [start, end] = span;
  if (options.events) {
    const { after } = neighbours(context, sentence);
    const event = eventsIn(sentence).find((e) => e.start >= end) ?? (after && eventsIn(after)[0]);
    if (event) return event;
  }
  const own = evidenceIn(context, sentence).find((e) => {
    if (e.start >= start && e.end <= end) return false; // the word itself
    if (e.kind === 'quote' && e.start <= start && e.end >= end) return false; // the word's own quotation
    if (e.kind === 'reason') return e.start >= end;
    return true;
  });
  if (own) return own;
  const { before, after } = neighbours(context, sentence);
  // From the next sentence, what someone did or said, what the writer saw, or
  // a concrete detail; a time, date or count only when that sentence is about
  // the same person or thing ("Mum was uncooperative. She cancelled three
  // visits"), not "Dad is hostile. Mia's weight dropped to the 9th centile".
  const next =
    after &&
    evidenceIn(context, after).find(
      (e) => !e.weak && e.kind !== 'reason' && (!isAnchor(e.kind) || continuesSubject(sentence, start, after)),
    );
  // The sentence before counts only for what someone did or the writer saw
  // ("Dad shouted and swore at me. He was aggressive."): a time or a detail
  // there is usually about something else.
  const previous = before && evidenceIn(context, before).find((e) => e.kind === 'action' || e.kind === 'observation' || e.kind === 'quote');
  return next ?? (after && opensWithReason(context, after)) ?? previous;
}
