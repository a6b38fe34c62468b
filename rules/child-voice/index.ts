import { defineRule, type RuleContext, type SentenceInfo } from '../../src/rule.js';
import { builtinLexicon, Matcher, phraseKey } from '../../src/lexicon.js';
import { termsOf, type Term } from '../../src/tokens.js';
import { attributions, classifySource, subjectBefore } from '../../src/speech.js';
import { Boundary, clauseAround } from '../../src/clauses.js';
import { childrenOf, refersToChild } from '../../src/children.js';
import noteTypeList from './note-types.json' with { type: 'json' };
import visitPhraseList from './visit-phrases.json' with { type: 'json' };
import childWordList from './child-words.json' with { type: 'json' };
import reasonList from './no-words-reasons.json' with { type: 'json' };
import unbornList from './unborn.json' with { type: 'json' };

const noteTypes = builtinLexicon(noteTypeList);
const visitPhrases = new Matcher([builtinLexicon(visitPhraseList)]);
const childVerbs = new Matcher([builtinLexicon(childWordList)]);
const reasons = new Matcher([builtinLexicon(reasonList)]);
const unbornPhrases = new Matcher([builtinLexicon(unbornList)]);

interface Options {
  childTypes: string[];
  otherTypes: string[];
}

type Kind = 'child' | 'other' | 'setting' | 'unknown';

/** Phrases of note types, as normalised word sequences, longest first. */
function typeTable(options: Options): Array<{ words: string; kind: Kind }> {
  const rows: Array<{ words: string; kind: Kind }> = [];
  const kindOf: Record<string, Kind> = { 'time-with-child': 'child', 'not-time-with-child': 'other', 'setting-visit': 'setting' };
  for (const entry of noteTypes.entries) for (const phrase of entry.match) rows.push({ words: phraseKey(phrase, false), kind: kindOf[entry.id] });
  for (const phrase of options.childTypes) rows.push({ words: phraseKey(phrase, false), kind: 'child' });
  for (const phrase of options.otherTypes) rows.push({ words: phraseKey(phrase, false), kind: 'other' });
  // Longest phrase wins; a team's own types win over built-in ones of the same length.
  // Each phrase with a space either side, as classifyType looks for it.
  return rows
    .map((row, order) => ({ ...row, order }))
    .sort((a, b) => b.words.split(' ').length - a.words.split(' ').length || b.order - a.order)
    .map(({ words, kind }) => ({ words: ` ${words} `, kind }));
}

const tables = new WeakMap<Options, Array<{ words: string; kind: Kind }>>();

/**
 * What is not a letter, a digit, an apostrophe, a space or a hyphen. The
 * Unicode expression costs about a millisecond to compile, so a type written
 * in ASCII, as most are, uses the ASCII one: the same characters there.
 */
const notWord = /[^\p{L}\p{N}' -]+/gu;
const notWordAscii = /[^A-Za-z0-9' -]+/g;
const ascii = /^[\x00-\x7f]*$/;

/** What the front matter `type` says about the note. */
export function classifyType(type: unknown, options: Options = { childTypes: [], otherTypes: [] }): Kind {
  if (typeof type !== 'string' || !type.trim()) return 'unknown';
  const words = typeWords(type);
  for (const row of typeTableFor(options)) if (words.includes(row.words)) return row.kind;
  return 'unknown';
}

/**
 * What a note's title line says about it ("Phone call with Ms Rahman, class teacher", "Supervision 21/11/2025"):
 * the type named first wins, as a title names its note first ("Home visit following the strategy discussion").
 */
export function classifyTitle(title: string, options: Options = { childTypes: [], otherTypes: [] }): Kind {
  const words = typeWords(title);
  let found: { at: number; kind: Kind } | undefined;
  for (const row of typeTableFor(options)) {
    const at = words.indexOf(row.words);
    if (at >= 0 && (!found || at < found.at)) found = { at, kind: row.kind };
  }
  return found?.kind ?? 'unknown';
}

function typeTableFor(options: Options): Array<{ words: string; kind: Kind }> {
  let table = tables.get(options);
  if (!table) tables.set(options, (table = typeTable(options)));
  return table;
}

/** The type's words, normalised, with a space either side. */
function typeWords(type: string): string {
  return ` ${phraseKey(type.replace(ascii.test(type) ? notWordAscii : notWord, ' '), false)} `;
}

export default defineRule<Options>({
  id: 'child-voice',
  meta: {
    type: 'problem',
    description: "A note of time with a child that has nothing in the child's own words and does not say why",
    guidance: ['coventry:child-voice', 'coventry:direct-quotes'],
    messages: {
      missing:
        "This note records time with {child} but has nothing in {child}'s own words. Record {child}'s wishes, feelings and views as they said or showed them (\"{child} said...\", what they drew or chose), or say why you could not (for example, {child} is a baby, or did not want to talk today). The standard: \"Where ever possible this should be recorded in the words of the child\".",
    },
    fixable: false,
    options: {
      childTypes: {
        type: 'string[]',
        default: [],
        description: 'Extra front matter types that mean time with a child (for example "keyworker check-in").',
      },
      otherTypes: {
        type: 'string[]',
        default: [],
        description: 'Extra front matter types that are not time with a child (for example "panel").',
      },
    },
    defaultSeverity: 'warn',
    examples: {
      bad: '---\nchild: Leo Hartley\ntype: home visit\n---\nLeo was seen. He was playing on a tablet on the sofa for most of the visit.',
      good: '---\nchild: Leo Hartley\ntype: home visit\n---\nLeo showed me his tablet game. He said, "I\'m on level nine, I\'m the best in my class."',
    },
  },
  create(context, options) {
    return {
      'document:end'() {
        if (!context.sentences.length) return;
        const type = context.frontmatter.data?.type;
        // With no `type`, as in every .txt note, a title naming a call, a meeting or supervision says the note is
        // not time with a child; any other title ("Contact log" may be calls) leaves it to the text.
        const typed = typeof type === 'string' && type.trim() !== '';
        const kind = typed ? classifyType(type, options) : classifyTitle(titleLine(context), options) === 'other' ? 'other' : 'unknown';
        if (kind === 'other') return;
        if (kind !== 'child' && !textSaysTimeWithChild(context)) return;
        if (hasChildWords(context)) return;
        // The child's words cannot be recorded before the child is born.
        if (unborn(context)) return;
        // The first line of the note's text (after any front matter), from column 1.
        const first = context.sentences[0];
        const lineStart = Math.max(context.text.lastIndexOf('\n', first.start - 1) + 1, context.frontmatter.range?.[1] ?? 0);
        const lineEnd = context.text.slice(first.start).search(/\r?\n|\r/);
        const end = lineEnd < 0 ? first.end : Math.min(first.end, first.start + lineEnd);
        context.report({ messageId: 'missing', data: { child: childrenOf(context).display }, range: [lineStart, end] });
      },
    };
  },
});

/**
 * The note's first line when it reads as a title: a heading, or a short line that does not end a sentence
 * ("Phone call with Ms Rahman, class teacher, 10am 03/11/2025"). "I visited Maya after a call from school." is not.
 */
function titleLine(context: RuleContext): string {
  const body = context.text.slice(context.frontmatter.range?.[1] ?? 0);
  const line = /^\s*(.*)/.exec(body)?.[1].trim() ?? '';
  if (line.startsWith('#')) return line;
  return line.split(/\s+/).length <= 12 && !/[.!?]["'”’)]*$/.test(line) ? line : '';
}

/**
 * The child is not born yet: the front matter says so ("Unborn baby of Chelsea Platt", "Baby Platt (unborn)"),
 * or the note names no child and says the mother is pregnant ("She is 28 weeks pregnant").
 */
function unborn(context: RuleContext): boolean {
  const child = context.frontmatter.data?.child ?? context.frontmatter.data?.children;
  if (/\bunborn\b|\bbaby of\b|\bpre-?birth\b/i.test(Array.isArray(child) ? child.join(' ') : String(child ?? ''))) return true;
  // A named child ("Maya") is born, whatever the note says about Mum's pregnancy.
  if ([...childrenOf(context).names].some((name) => name !== 'baby')) return false;
  return context.sentences.some((s) => unbornPhrases.matchSentence(s.node).length > 0);
}

/** "I visited Maya", "home visit", "unannounced HV", "Zain was seen alone"; not "my next home visit". */
function textSaysTimeWithChild(context: RuleContext): boolean {
  for (const s of context.sentences) {
    const terms = termsOf(s.node);
    for (const m of visitPhrases.matchSentence(s.node)) {
      if (m.entry.id !== 'met-child') {
        if (!plannedVisit(terms, m.from, m.to)) return true;
        continue;
      }
      // The child must follow within three words: "I saw Maya", "I met with the children".
      for (let i = m.to; i < Math.min(terms.length, m.to + 3); i++) {
        if (terms[i].gapBefore && i > m.to) break;
        if (refersToChildByName(context, s, i)) return true;
      }
    }
  }
  return false;
}

/** Words between a plan's verb and the visit: "to undertake an unannounced HV", "at my next home visit". */
const visitQualifiers = new Set(['a', 'an', 'the', 'my', 'our', 'unannounced', 'announced', 'joint', 'statutory', 'further']);
/** Words before a visit that make it a plan, not a visit that happened: "next", "SW to undertake", "will complete". */
const planBefore = new Set(['next', 'will', 'shall', 'undertake', 'complete', 'conduct', 'do', 'make', 'arrange', 'book', 'booked', 'planned', 'upcoming', 'future']);
/** Words after a visit that make it a plan: "home visit will take place", "HV is booked for Friday". */
const planAfter = new Set(['will', 'booked', 'planned', 'arranged', 'scheduled', 'due', 'needed', 'required']);

/** The visit at terms `from`..`to` is one to come: "I will raise this at my next home visit", "SW to undertake unannounced HV". */
function plannedVisit(terms: readonly Term[], from: number, to: number): boolean {
  const joined = (k: number) => k < terms.length && !terms[k].gapBefore;
  let i = from - 1;
  while (i >= 0 && joined(i + 1) && visitQualifiers.has(terms[i].norm)) i--;
  if (i >= 0 && joined(i + 1) && planBefore.has(terms[i].norm)) return true;
  // "HV to be arranged", "home visit to be completed".
  if (joined(to) && joined(to + 1) && terms[to].norm === 'to' && terms[to + 1].norm === 'be') return true;
  let j = to;
  while (joined(j) && ['is', 'was', 'has', 'been'].includes(terms[j].norm)) j++;
  return joined(j) && planAfter.has(terms[j].norm);
}

/**
 * The child's name or a word for a child (no pronouns: "I saw her" is too
 * uncertain; no possessives: "I saw Maya's teacher" is not time with Maya).
 */
function refersToChildByName(context: RuleContext, s: SentenceInfo, i: number): boolean {
  const term = termsOf(s.node)[i];
  if (['he', 'she', 'they', 'him', 'her', 'them', 'you'].includes(term.norm) || term.bare !== undefined) return false;
  return refersToChild(context, s, i);
}

/** Anything in the child's own words, or a reason there is none. */
function hasChildWords(context: RuleContext): boolean {
  if (quoteUnderViewsLabel(context)) return true;
  for (const s of context.sentences) {
    const terms = termsOf(s.node);
    // "Maya said", "you told me", "she drew" (she = the child), "Zain chose the colours".
    for (const m of childVerbs.matchSentence(s.node)) {
      if (m.entry.id === 'own-words') {
        if (mentionsChild(context, s)) return true;
        continue;
      }
      if (m.entry.id === 'said-with-quote' && !context.scopes.overlapping('quote', m.end, s.end).some(([a]) => a >= m.end && a < s.end)) continue;
      const speaker = speakerOf(context, s, m.from);
      if (speaker === undefined || !refersToChild(context, s, speaker)) continue;
      if (secondHand(context, s, m.from)) continue;
      return true;
    }
    // Transcript style: 'Maya: "I like it."'
    for (let i = 0; i + 1 < terms.length; i++) {
      if (!hasColon(context.text, terms[i].end, terms[i + 1].start)) continue;
      if (context.scopes.has('quote', terms[i + 1].start - 1) && refersToChild(context, s, i)) return true;
    }
    // A reason: "Freya is 6 months old", "Leo did not want to talk to me today"
    // (the writer's, not someone else's account: "Mum said he was at school").
    for (const m of reasons.matchSentence(s.node)) {
      if (secondHand(context, s, m.from)) continue;
      if (firstPersonIsChild(context, s)) return true;
    }
  }
  return false;
}

/** A template's label for the child's own views: "Child's views", "Wishes and feelings", "Voice of the child". */
const viewsLabel =
  /^[\s|>*_-]*(?:(?:the )?(?:child|children|young person)(?:'s|’s|s)? (?:views|voice|words|wishes(?: and feelings)?)|wishes,? (?:and )?feelings(?: and views)?|(?:the )?(?:voice|views) of the (?:child|young person))[\s*_]*[:|][\s*_]*$/i;

/**
 * A quotation straight after a child's-views label, in a table row (`| Child's views | "I like my new school" |`)
 * or a line (`Child's views: "..."`): the template says whose words they are.
 */
function quoteUnderViewsLabel(context: RuleContext): boolean {
  for (const [start] of context.scopes.list('quote')) {
    // The text from the start of the quotation's line, when that is short: a label, not a sentence.
    const before = context.text.slice(Math.max(0, start - 80), start);
    const newline = before.lastIndexOf('\n');
    if (newline < 0 && start > 80) continue;
    if (viewsLabel.test(before.slice(newline + 1))) return true;
  }
  return false;
}

function mentionsChild(context: RuleContext, s: SentenceInfo): boolean {
  const terms = termsOf(s.node);
  for (let i = 0; i < terms.length; i++) {
    if (refersToChild(context, s, i)) return true;
    const source = classifySource(s.node, i);
    if (source.kind === 'role' && source.group === 'child-nouns') return true;
  }
  return false;
}

/**
 * The term index of whoever did the verb at `verb`: the word before it, or,
 * for a second verb ("Maya shrugged and pointed"), the subject of the first.
 */
function speakerOf(context: RuleContext, s: SentenceInfo, verb: number): number | undefined {
  const terms = termsOf(s.node);
  const subject = subjectBefore(s.node, verb);
  if (subject.kind === 'writer') return undefined;
  if (subject.kind !== 'none' && subject.kind !== 'other') return subject.to - 1;
  // "Maya shrugged and pointed": walk back over "and" and the first verb to its subject.
  const [start] = clauseAround(s.node, verb, Boundary.coord);
  for (let i = verb - 1; i >= start; i--) {
    const t = terms[i];
    if (t.norm === 'i' || t.norm === 'we') return undefined;
    if (refersToChild(context, s, i)) return i;
    const source = classifySource(s.node, i);
    if (source.kind === 'name' || source.kind === 'role' || source.kind === 'pronoun') return i;
  }
  return undefined;
}

/** "Dad told me that Leo said...": the child's words at second hand, through another adult. */
function secondHand(context: RuleContext, s: SentenceInfo, verb: number): boolean {
  return attributions(s.node).some((a) => {
    if (a.verb.to > verb || a.group === 'opinion') return false;
    if (a.source.kind === 'writer' || a.source.kind === 'none' || a.source.kind === 'reader') return false;
    return !refersToChild(context, s, a.source.to - 1);
  });
}

/** The first person the sentence mentions (the writer aside) is the child: "Freya is 7 months old", "She was asleep". */
function firstPersonIsChild(context: RuleContext, s: SentenceInfo): boolean {
  const terms = termsOf(s.node);
  for (let i = 0; i < terms.length; i++) {
    if (terms[i].norm === 'i' || terms[i].norm === 'we') continue;
    if (refersToChild(context, s, i)) return true;
    const source = classifySource(s.node, i);
    if (source.kind === 'name' || source.kind === 'role' || source.kind === 'pronoun') return false;
  }
  return false;
}

/** `text.slice(from, to).includes(':')` without the slice (it runs between every two words). */
function hasColon(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 58) return true;
  return false;
}
