// Who said it? Finds reporting verbs ("said", "told me", "feels") in a
// sentence and the source before each one, and the agent after a passive
// ("by the school", "from Ms Jones"). Kept simple on purpose:
//   - the source is the word just before the verb, after skipping auxiliaries
//     and adverbs ("Ms Jones has also said", "Mum then told me");
//   - a capitalised word there is a name ("Ms Jones", "Sam", "PC Smith", "DSL");
//   - a role or an organisation ("her GP", "the school", "Mum") is a source;
//   - "someone", "people", "neighbours", "staff" are vague: nobody is named;
//   - "he"/"she" count as a source; "they" is left to the caller, who can
//     ask `namesSomeone` whether the sentence or the one before names a
//     person or organisation ("They said..." with nobody named is vague);
//   - "a neighbour", "a member of staff" are vague too ("an anonymous caller"
//     is honest about it and is not), unless set off after a name ("Mrs Pike,
//     a neighbour, told me");
//   - "I" and "we" are the writer;
//   - a passive speech verb with a thing as subject ("this was raised") has
//     no speaker: isReported and hasSpeech do not count it.
// The word lists are data in src/markers/ (reporting-verbs.json, sources.json,
// agentless.json).
import type { Sentence } from 'nlcst';
import { builtinLexicon, Matcher, type LexiconMatch } from './lexicon.js';
import { termsOf, tokensOf, type Term } from './tokens.js';
import { NodeMemo } from './memo.js';
import { Boundary, boundaries, clauseAround } from './clauses.js';
import reportingVerbList from './markers/reporting-verbs.json' with { type: 'json' };
import sourceList from './markers/sources.json' with { type: 'json' };
import agentlessList from './markers/agentless.json' with { type: 'json' };

export type SourceKind = 'name' | 'role' | 'writer' | 'reader' | 'pronoun' | 'vague' | 'other' | 'none';

export interface Source {
  kind: SourceKind;
  /** Term indexes [from, to) of the source's words (empty for 'none'). */
  from: number;
  to: number;
  /** For 'role': the group it came from ('family-roles', 'child-nouns'...). */
  group?: string;
}

export interface Attribution {
  verb: LexiconMatch;
  /** 'speech', 'writing' or 'opinion'. */
  group: string;
  source: Source;
}

const verbs = new Matcher([builtinLexicon(reportingVerbList)]);
const sources = new Matcher([builtinLexicon(sourceList)]);
/** Reporting with the source left out ('it was reported that', 'apparently'). */
export const agentless = new Matcher([builtinLexicon(agentlessList)]);

/** Words between a source and its verb that do not change who spoke. */
const skippable = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'did', 'does', 'do', 'would', 'will', 'could', 'can',
  'may', 'might', 'should', 'also', 'then', 'later', 'again', 'just', 'already', 'recently', 'previously', 'always',
  'often', 'initially', 'first', 'further', 'subsequently', 'herself', 'himself', 'themselves', 'itself', 'both', 'all',
  'only', 'immediately', 'eventually', 'finally', 'still', 'once', 'twice', 'now', 'never', 'not', 'repeatedly',
  'openly', 'readily', 'spontaneously', 'quietly', 'calmly', 'clearly', 'happily', 'proudly', 'politely', 'sadly',
  'angrily', 'tearfully', 'honestly', 'directly', 'consistently', 'independently', 'separately', 'each', 'together',
]);
const writer = new Set(['i', 'we', "i've", "we've", "i'd", "we'd"]);
const personal = new Set(['he', 'she', "he'd", "she'd", "he's", "she's"]);
const plural = new Set(['they', "they've", "they'd"]);
const nonNames = new Set([
  'the', 'a', 'an', 'it', 'this', 'that', 'these', 'those', 'there', 'when', 'while', 'after', 'before', 'during', 'on',
  'in', 'at', 'as', 'if', 'but', 'and', 'so', 'then', 'later', 'today', 'yesterday', 'however', 'also', 'what', 'who',
]);

const calendar = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'christmas', 'easter',
]);

const sentenceMatches = new NodeMemo<{ verbs: LexiconMatch[]; sources: LexiconMatch[]; agentless: LexiconMatch[]; sourceByEnd?: Map<number, LexiconMatch> }>();

function matchesOf(sentence: Sentence) {
  return sentenceMatches.of(sentence, findMatches);
}

function findMatches(sentence: Sentence) {
  return { verbs: verbs.matchSentence(sentence), sources: sources.matchSentence(sentence), agentless: agentless.matchSentence(sentence) };
}

/** A capitalised word that is not a pronoun, a function word, a day or a month. */
export function looksLikeName(terms: readonly Term[], i: number): boolean {
  // Days and months are capitalised but are not people.
  if (calendar.has(terms[i]?.bare ?? terms[i]?.norm)) return false;
  const t = terms[i];
  if (!t || !/^[A-Z]/.test(t.raw)) return false;
  if (nonNames.has(t.norm) || writer.has(t.norm) || personal.has(t.norm) || plural.has(t.norm) || t.norm === 'you') return false;
  // Sentence-initial common words ("Staff", "People") are caught by the source list first.
  return true;
}

/** The group of the source-list entry that ends at term `i`, if any. */
function sourceEndingAt(sentence: Sentence, i: number): { group: string; from: number } | undefined {
  // The first source match that ends there, looked up by its end: a search of the list for each term was
  // quadratic in a long sentence with many sources.
  const found = matchesOf(sentence);
  if (!found.sourceByEnd) {
    found.sourceByEnd = new Map();
    for (const m of found.sources) if (!found.sourceByEnd.has(m.to)) found.sourceByEnd.set(m.to, m);
  }
  const hit = found.sourceByEnd.get(i + 1);
  return hit && { group: hit.entry.id, from: hit.from };
}

/** Classify the words ending at term `head` as a source. */
export function classifySource(sentence: Sentence, head: number): Source {
  const source = classifyHead(sentence, head);
  const role = source.kind === 'role' && source.group !== 'child-nouns';
  if (!role && source.group !== 'vague-people') return source;
  // "a neighbour", "an officer", "one of the teachers": nobody in particular
  // ("an anonymous caller" says honestly that nobody can be named).
  const terms = termsOf(sentence);
  let i = source.from - 1;
  while (i >= 0 && /^(?:the|of|member|members)$/.test(terms[i].norm)) i--;
  const article = terms[i]?.norm;
  if (article !== 'a' && article !== 'an' && article !== 'another' && article !== 'one' && article !== 'some') return source;
  const named = nameBeforeAppositive(sentence, i, source.to);
  if (named || !role) return named ?? source;
  const anonymous = terms.slice(Math.max(0, source.from - 2), source.to).some((t) => t.norm === 'anonymous' || t.norm === 'anonymously');
  return anonymous ? source : { kind: 'vague', from: i, to: source.to, group: 'indefinite' };
}

/** The mark that closes an appositive opened by each mark. */
const appositiveClose: Record<string, string> = { ',': ',', '(': ')' };
/** "in Coventry, a neighbour, ...": a place before the comma is not the person described. */
const placeBefore = new Set(['in', 'at', 'on', 'from', 'to', 'near', 'outside', 'inside', 'around', 'by', 'of', 'for', 'with']);

/**
 * "Mrs Deborah Pike, a neighbour, told me", "Dr Shah (a GP at Ashgrove
 * Surgery) said", "Ms Ali, one of the staff, said": an indefinite role set off by commas or brackets right
 * after a name describes that person, who is the source. The closing mark
 * must come before any reporting verb ("After I saw Maya, a neighbour told
 * me..." stays vague).
 */
function nameBeforeAppositive(sentence: Sentence, article: number, roleEnd: number): Source | undefined {
  if (article < 1) return undefined;
  const close = appositiveClose[marksBefore(sentence, article)];
  if (!close) return undefined;
  const terms = termsOf(sentence);
  let end = roleEnd;
  while (end < Math.min(terms.length, article + 10) && !marksBefore(sentence, end)) end++;
  if (end >= terms.length || !marksBefore(sentence, end).startsWith(close) || boundaries(sentence)[end] === Boundary.strong) return undefined;
  if (matchesOf(sentence).verbs.some((v) => v.from > article && v.from < end)) return undefined;
  const name = classifyHead(sentence, article - 1);
  if (name.kind !== 'name' || !isLikelyName(terms, name.from) || placeBefore.has(terms[name.from - 1]?.norm)) return undefined;
  return { kind: 'name', from: name.from, to: roleEnd };
}

/** The punctuation between term `i` and the term before it ('' for none). */
function marksBefore(sentence: Sentence, i: number): string {
  const terms = termsOf(sentence);
  const tokens = tokensOf(sentence);
  let marks = '';
  for (let t = terms[i - 1].token + 1; t < terms[i].token; t++) if (tokens[t].kind === 'punctuation') marks += tokens[t].value;
  return marks;
}

function classifyHead(sentence: Sentence, head: number): Source {
  const terms = termsOf(sentence);
  const t = terms[head];
  if (!t) return { kind: 'none', from: head, to: head };
  if (writer.has(t.norm)) return { kind: 'writer', from: head, to: head + 1 };
  if (t.norm === 'you') return { kind: 'reader', from: head, to: head + 1 };
  if (personal.has(t.norm) || plural.has(t.norm)) return { kind: 'pronoun', from: head, to: head + 1 };
  const listed = sourceEndingAt(sentence, head);
  if (listed && listed.group.startsWith('vague') && isDepartment(terms, head)) {
    let from = head - 1;
    while (from > 0 && looksLikeName(terms, from - 1) && !terms[from].gapBefore) from--;
    return { kind: 'role', from, to: head + 1, group: 'organisations' };
  }
  if (listed && listed.group.startsWith('vague')) {
    // "the school staff", "her friends" are still vague; "Ms Jones's neighbours" too.
    return { kind: 'vague', from: listed.from, to: head + 1, group: listed.group };
  }
  if (looksLikeName(terms, head) && !listed) {
    let from = head;
    while (from > 0 && (looksLikeName(terms, from - 1) || sourceEndingAt(sentence, from - 1)?.group === 'titles') && !terms[from].gapBefore) from--;
    return { kind: 'name', from, to: head + 1 };
  }
  if (listed) return { kind: listed.group === 'titles' ? 'name' : 'role', from: listed.from, to: head + 1, group: listed.group };
  return { kind: 'other', from: head, to: head + 1 };
}

/** "Adult Services", "Youth Services": a capitalised name before "Services" names a department, not services in general. */
function isDepartment(terms: readonly Term[], head: number): boolean {
  return terms[head].raw === 'Services' && head > 0 && !terms[head].gapBefore && isLikelyName(terms, head - 1);
}

/** The source before the verb that starts at term `verb`. */
export function subjectBefore(sentence: Sentence, verb: number): Source {
  const terms = termsOf(sentence);
  const breaks = boundaries(sentence);
  let i = verb - 1;
  while (i >= 0 && (skippable.has(terms[i].norm) || /^[a-z]{4,}ly$/.test(terms[i].norm) || /^\d+$/.test(terms[i].norm)) && breaks[i + 1] !== Boundary.strong) i--;
  if (i < 0 || breaks[i + 1] === Boundary.strong) return { kind: 'none', from: verb, to: verb };
  return classifySource(sentence, i);
}

const sentenceAttributions = new NodeMemo<Attribution[]>();

/** Every reporting verb in the sentence with its source (worked out once per sentence: do not change the list). */
export function attributions(sentence: Sentence): Attribution[] {
  return sentenceAttributions.of(sentence, findAttributions);
}

function findAttributions(sentence: Sentence): Attribution[] {
  return matchesOf(sentence).verbs.map((verb) => ({ verb, group: verb.entry.id, source: subjectBefore(sentence, verb.from) }));
}

const agentWords = new Set(['by', 'from']);
const channels = new Set([
  'email', 'e-mail', 'phone', 'telephone', 'text', 'letter', 'post', 'message', 'video', 'teams', 'zoom', 'hand', 'voicemail',
  'the', 'a', 'an', 'her', 'his', 'their', 'my', 'our', 'its', 'way', 'means',
]);

/**
 * The agent named after a passive at term `after`: "by the school", "from
 * Ms Jones", "according to her GP" (within the clause, strong boundaries).
 * Returns the source (vague or not) or undefined when none is given.
 */
export function agentAfter(sentence: Sentence, after: number, reach = 10): Source | undefined {
  const terms = termsOf(sentence);
  const breaks = boundaries(sentence);
  for (let i = after; i < Math.min(terms.length, after + reach); i++) {
    if (i > after && breaks[i] === Boundary.strong) return undefined;
    const isAgent = agentWords.has(terms[i].norm) || (terms[i].norm === 'according' && terms[i + 1]?.norm === 'to');
    if (!isAgent) continue;
    let j = i + (terms[i].norm === 'according' ? 2 : 1);
    // Skip "email from", "phone by", determiners and possessives to the head of the phrase.
    while (j < terms.length && channels.has(terms[j].norm) && breaks[j] !== Boundary.strong) {
      if (agentWords.has(terms[j + 1]?.norm ?? '')) j += 2;
      else j++;
    }
    if (j >= terms.length) return undefined;
    if (/^\d/.test(terms[j].norm)) continue; // "from 3pm"
    // Extend to the end of the phrase: "by the class teacher", "by Ms Jones".
    let head = j;
    while (head + 1 < terms.length && breaks[head + 1] === Boundary.none && (looksLikeName(terms, head + 1) || sourceEndingAt(sentence, head + 1))) head++;
    const source = classifySource(sentence, head);
    if (source.kind === 'other' && !/^[A-Z]/.test(terms[j].raw) && channels.has(terms[head].norm)) continue;
    return source;
  }
  return undefined;
}

/**
 * Does the sentence (up to term `before`) name a person, a role or an
 * organisation? Used to decide whether "she" or "they" has someone to refer to.
 */
export function namesSomeone(sentence: Sentence, before = Infinity): boolean {
  const terms = termsOf(sentence);
  const limit = Math.min(terms.length, before);
  for (const m of matchesOf(sentence).sources) {
    if (m.to <= limit && !m.entry.id.startsWith('vague')) return true;
  }
  for (let i = 0; i < limit; i++) if (isLikelyName(terms, i)) return true;
  return false;
}

/**
 * A name: a capitalised word that is not a pronoun or a function word; the
 * first word of a sentence only when it does not often open sentences.
 */
export function isLikelyName(terms: readonly Term[], i: number): boolean {
  if (!looksLikeName(terms, i)) return false;
  if (i > 0) return true;
  const raw = terms[i].raw;
  return (/^[A-Z][a-z'-]+$/.test(raw) && !commonInitial.has(terms[i].bare ?? terms[i].norm)) || /^[A-Z]{2,}$/.test(raw);
}

/** Capitalised words that often open a sentence and are not names. */
const commonInitial = new Set([
  'there', 'this', 'that', 'when', 'while', 'after', 'before', 'during', 'on', 'in', 'at', 'as', 'if', 'but', 'and', 'so',
  'then', 'later', 'today', 'yesterday', 'however', 'also', 'both', 'all', 'no', 'some', 'many', 'most', 'every', 'each',
  'nobody', 'concerns', 'information', 'apparently', 'reportedly', 'allegedly', 'outcome', 'analysis', 'actions', 'present',
  'apologies', 'reason', 'next', 'what', 'why', 'how', 'where', 'which', 'unannounced', 'home', 'his', 'her', 'their', 'my',
  'our', 'your', 'its', 'one', 'two', 'three', 'since', 'until', 'following', 'further', 'although', 'though', 'because',
  'due', 'overall', 'currently', 'previously', 'recently', 'finally', 'firstly', 'secondly', 'lastly', 'again', 'sadly',
  'unfortunately', 'fortunately', 'thankfully', 'hopefully', 'clearly', 'obviously', 'it', 'not', 'nothing', 'everything',
  'something', 'someone', 'somebody', 'everyone', 'people', 'staff', 'attendance', 'health', 'education', 'police', 'school',
]);

/** Agentless reporting constructions in the sentence ('it was reported', 'I was told', 'apparently'). */
export function agentlessIn(sentence: Sentence): LexiconMatch[] {
  return matchesOf(sentence).agentless;
}

/**
 * Is the word at term `i` inside reported words: after a reporting verb whose
 * source is not the writer ("Mum said Dad was aggressive", "School feel he is
 * disengaged"), or after an agentless construction ("it was reported that",
 * "was described as")? Such words are someone else's; attribute-hearsay
 * judges whether the source is named.
 */
export function isReported(sentence: Sentence, i: number): boolean {
  const [start] = clauseAround(sentence, i, Boundary.coord);
  for (const a of attributions(sentence)) {
    if (a.verb.to <= i && a.verb.from >= start && a.source.kind !== 'writer' && !isSpeakerless(sentence, a)) return true;
  }
  for (const m of agentlessIn(sentence)) {
    if (m.to <= i && m.from >= start) return true;
  }
  // "Maya is doing well at school, her teacher told me": a source named after the words.
  for (const a of attributions(sentence)) {
    if (a.verb.from <= i || a.source.kind === 'writer' || a.source.kind === 'none' || a.source.kind === 'other') continue;
    // Only words such as "me" after the verb (checked first: it is one look-up, the rest read the sentence).
    if (a.verb.to <= lastWordOf(sentence)) continue;
    if (a.source.from <= i || !boundaries(sentence).slice(i + 1, a.source.from + 1).some((b) => b >= Boundary.weak)) continue;
    return true;
  }
  // "according to the school", before or after the word.
  const terms = termsOf(sentence);
  const [, end] = clauseAround(sentence, i, Boundary.coord);
  for (let j = start; j < end - 1; j++) if (terms[j].norm === 'according' && terms[j + 1].norm === 'to') return true;
  return false;
}

const beForms = new Set(['was', 'were', 'is', 'are', 'am', 'be', 'been', 'being']);
/** Verbs whose passive subject is the one spoken to ("the family were told"): someone still spoke. */
const toldVerbs = new Set(['told', 'informed', 'advised', 'warned', 'assured', 'accused']);

/**
 * "When this was raised", "the issue was mentioned": a passive speech verb
 * with a thing for its subject and no "by Ms Jones" after it has no speaker,
 * so the words after it are the writer's own. "It was disclosed that..." is
 * left alone: what follows "it" is what was said (the hearsay passives are
 * agentless.json's). An opinion passive ("it is felt", "was considered") is
 * reported as unowned by no-opinion-as-fact and plain-english instead.
 */
function isSpeakerless(sentence: Sentence, a: Attribution): boolean {
  if (a.source.kind !== 'other' || a.group === 'opinion') return false;
  const terms = termsOf(sentence);
  if (terms[a.source.from].norm === 'it') return false;
  const verb = terms[a.verb.from].norm;
  if (toldVerbs.has(verb) || verb.endsWith('ing')) return false;
  if (!terms.slice(a.source.to, a.verb.from).some((t) => beForms.has(t.norm))) return false;
  return !agentAfter(sentence, a.verb.to, 3);
}

const objectWords = new Set(['me', 'us', 'him', 'her', 'them', 'so', 'this']);
const lastWords = new NodeMemo<number>();

/** Index of the last term that is not "me", "us", "him", "her", "them", "so" or "this" (-1 if none). */
function lastWordOf(sentence: Sentence): number {
  return lastWords.of(sentence, findLastWord);
}

function findLastWord(sentence: Sentence): number {
  const terms = termsOf(sentence);
  let last = terms.length - 1;
  while (last >= 0 && objectWords.has(terms[last].norm)) last--;
  return last;
}

/** Does the sentence contain a reporting verb with a speaker ("this was raised" has none) or an agentless construction? */
export function hasSpeech(sentence: Sentence): boolean {
  return attributions(sentence).some((a) => !isSpeakerless(sentence, a)) || agentlessIn(sentence).length > 0;
}
