import type { Sentence } from 'nlcst';
import { writeGood } from './write-good-modules.js';
import { defineRule, type RuleContext, type SentenceInfo } from '../../src/rule.js';
import { builtinLexicon, Matcher, type Lexicon } from '../../src/lexicon.js';
import { phraseTerms, termsOf, tokensOf } from '../../src/tokens.js';
import { termAt } from '../../src/clauses.js';
import { isNegated } from '../../src/negation.js';
import { classifySource, isReported } from '../../src/speech.js';
import { loadTeamLexicons, perOptions } from '../../src/team-lexicons.js';
import wordyData from './wordy.json' with { type: 'json' };
import abstractNounList from './abstract-nouns.json' with { type: 'json' };
import speechVerbList from './speech-verbs.json' with { type: 'json' };
import { plainText, sourceEnd, sourceRange, type PlainText } from './prose.js';
import { checkFunctions } from './write-good-checks.js';

/** The write-good checks this rule offers, by the name write-good gives them. */
const writeGoodChecks = ['weasel', 'tooWordy', 'cliches', 'passive', 'thereIs', 'illusion', 'so', 'adverb'] as const;
type WriteGoodCheck = (typeof writeGoodChecks)[number];
type Check = WriteGoodCheck | 'sentenceLength';

interface Options {
  checks: Record<Check, boolean>;
  maxWords: number;
  allow: string[];
  lexicons: string[];
}

type WriteGoodOptions = NonNullable<Parameters<typeof writeGood>[1]>;

type WordyInfo = { expected: string[]; quiet: boolean; note: string };

/** write-good's explanations, to tell which check a suggestion came from. */
const explanations: Record<string, WriteGoodCheck> = {
  'is a weasel word': 'weasel',
  'is repeated': 'illusion',
  'adds no meaning': 'so',
  'is unnecessary verbiage': 'thereIs',
  'may be passive voice': 'passive',
  'can weaken meaning': 'adverb',
  'is wordy or unneeded': 'tooWordy',
  'is a cliche': 'cliches',
};

/**
 * Plain words for write-good's wordy phrases (wordy.json), and the phrases of
 * its list that are ordinary, precise wording in a case note ("quiet": true).
 */
const wordy: Lexicon = builtinLexicon(wordyData);
function byPhrase(lists: Lexicon[]): Map<string, WordyInfo> {
  const map = new Map<string, WordyInfo>();
  // Earlier lists win: a team's list comes before the built-in one.
  for (const list of [...lists].reverse()) {
    for (const entry of list.entries) {
      for (const phrase of entry.match) map.set(phraseTerms(phrase).join(' '), { expected: entry.expected, quiet: entry.quiet === true, note: entry.note });
    }
  }
  return map;
}
const builtinWordy = byPhrase([wordy]);

/** Team lists and the allow list, once per options object. */
const prepare = perOptions((options: Options) => {
  const team = loadTeamLexicons(options.lexicons, { quiet: 'boolean' });
  const wordyByPhrase = team.length ? byPhrase([...team, wordy]) : builtinWordy;
  // `allow` takes entry ids ("in-order-to") or the words themselves ("several", "in order to").
  const allow = new Set<string>();
  for (const list of [...team, wordy]) for (const entry of list.entries) if (options.allow.includes(entry.id)) for (const phrase of entry.match) allow.add(phraseTerms(phrase).join(' '));
  for (const item of options.allow) allow.add(phraseTerms(item).join(' '));
  return { wordyByPhrase, allow };
});

/** Words write-good calls weasel words that, in these phrases, are plain and exact. */
const weaselPhrases = [
  /\ba few\b/i, /\bquite a few\b/i, /\bhow (?:many|few)\b/i, /\bmany thanks\b/i, /\bvery (?:first|last|end|beginning|start|same|next)\b/i,
  // "loves you very much", "thank you very much": warmth, not an amount to be made exact.
  /\bvery much\b/i,
];

/**
 * Words of degree: inside someone's reported words ("Dad said he is very proud of her") the degree is
 * theirs, which the writer records and cannot make exact. Counts ("several", "many") stay reported:
 * the writer can ask how many.
 */
const degreeWords = new Set(['very', 'extremely', 'exceedingly', 'quite', 'completely', 'fairly', 'remarkably', 'surprisingly', 'huge', 'tiny', 'vast']);

/**
 * Participles whose passive hides who saw, found or decided something: "Leo was
 * seen", "bruising was noted", "the plan was agreed". Passives of reporting
 * ("it was reported", "concerns were raised", "I was told") are left to
 * attribute-hearsay, "it is felt / it was agreed that" to no-opinion-as-fact,
 * and "was disclosed" to no-jargon (which asks who the child told), so the same
 * words are not reported twice.
 */
const hidingVerbs = new Set([
  'seen', 'observed', 'noted', 'noticed', 'witnessed', 'identified', 'found', 'felt', 'agreed', 'decided', 'considered',
  'deemed', 'assessed', 'concluded', 'suspected', 'expressed', 'shared',
  // A worker's advice, warning or discussion is an action the record should own ("Mum was advised" by whom?).
  'advised', 'warned', 'discussed',
]);

/**
 * Participles that need an object when active, so that "Case discussed.", "Concerns noted." and "Leo seen."
 * can only be passives with "was" left out. Not "agreed" or "decided": "Mum agreed." is active.
 */
const telegraphicVerbs = new Set([
  'seen', 'observed', 'noted', 'noticed', 'witnessed', 'identified', 'found', 'considered', 'assessed', 'discussed',
  'shared', 'expressed',
]);

/** Words that cannot be part of the subject of "Case discussed": pronouns, auxiliaries, negators, linking words. */
const notSubject = new Set([
  'i', 'we', 'you', 'he', 'she', 'they', 'it', 'me', 'us', 'him', 'them', 'as', 'if', 'when', 'once', 'also', 'then', 'and',
  'or', 'but', 'so', 'not', 'never', 'no', 'nothing', 'nobody', 'already', 'just', 'having', 'being', 'to', 'be', 'been',
  'was', 'were', 'is', 'are', 'am', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must',
  'do', 'does', 'did', 'please', 'who', 'which', 'what', 'where', 'why', 'how',
]);

/** What may follow a telegraphic passive: a place, a time or who else was there ("with TM", "in supervision"). */
const telegraphicTail = new Set(['with', 'at', 'in', 'on', 'during', 'today', 'yesterday', 'earlier', 'again', 'before', 'previously']);

/** After "seen": the statutory record of how a child was seen ("seen alone", "seen and spoken to"). */
const statutorySeen = /^\s+(?:alone|together|separately|on\s+(?:his|her|their)\s+own|and\s+spoken\s+to)\b/i;

/** Words that make what follows a plan: "make sure Lee is seen", "ensure she is seen", "so that he is seen". */
const planLead = /\b(?:make\s+sure|ensure|so\s+that)\b/i;

/** Abstract nouns (abstract-nouns.json): "There is a risk at home", "There is a pattern in..." still hide who says so. */
const abstractNouns = new Matcher([builtinLexicon(abstractNounList)]);

/** Verbs of speaking (speech-verbs.json): "clearly" in "Kayden clearly said" is how he spoke. */
const speechVerbs = new Matcher([builtinLexicon(speechVerbList)]);

/**
 * "There is a smoke alarm in the hallway", "There is a stair gate at the top of the stairs":
 * an observation of a thing and where it is, which has nothing to hide. "a" or "an", one to
 * three words naming the thing (none of them abstract), then "in", "on" or "at", with no
 * punctuation between. `after`: where "There is" ends in the note.
 */
function isThingInPlace(sentence: Sentence, after: number): boolean {
  const terms = termsOf(sentence);
  const article = termAt(terms, after);
  if (article >= terms.length || terms[article].gapBefore || (terms[article].norm !== 'a' && terms[article].norm !== 'an')) return false;
  // Counted in words, not terms: "stair-gate" is one word of two terms.
  for (let i = article + 1, word = 0; i < terms.length && !terms[i].gapBefore; i++) {
    if (terms[i].token !== terms[i - 1].token) word++;
    if (word > 4) return false;
    const wholeWord = terms[i + 1]?.token !== terms[i].token;
    if (word >= 2 && wholeWord && /^(?:in|on|at)$/.test(terms[i].norm)) return abstractNouns.matchTerms(terms.slice(article + 1, i)).length === 0;
    if (!/^[a-z']+$/.test(terms[i].norm)) return false;
  }
  return false;
}

/** Repeated words that are good English: "she had had enough", "he said that that was fine". */
const goodRepeats = new Set(['had', 'that', 'is', 'do', 'bye', 'no', 'yeah', 'ha', 'la', 'knock', 'night', 'very', 'so', 'really', 'never', 'now']);

export default defineRule<Options>({
  id: 'plain-english',
  meta: {
    type: 'suggestion',
    description: 'Vague, wordy or evasive prose, and sentences too long to follow',
    guidance: ['coventry:plain-english', 'dudley:comprehensible', 'dudley:concise'],
    messages: {
      weasel: '"{text}" is vague: say exactly how many, how often or how much, or leave it out.',
      tooWordy: '"{text}" is wordy: {advice}',
      cliches: '"{text}" is a cliché: say in your own plain words what happened or what you mean.',
      passive: '"{text}" does not say who: name the person who said, saw or decided it ("I saw", "the teacher told me", "Ms Ferris decided").',
      thereIs: '"{text}" at the start hides who or what the sentence is about: start with them instead ("Two neighbours said..." rather than "There are concerns...").',
      illusion: '"{text}" is written twice: delete one.',
      so: '"{text}" at the start of a sentence adds nothing: leave it out.',
      adverb: '"{text}" can weaken what you mean: leave it out, or say exactly what you saw.',
      tooLong: 'This sentence has {count} words (more than {max}): split it into shorter sentences, one point each, so it is easy to follow.',
    },
    fixable: 'safe',
    options: {
      checks: {
        type: 'switches',
        default: {
          weasel: true,
          tooWordy: true,
          cliches: true,
          thereIs: true,
          illusion: true,
          passive: true,
          sentenceLength: false,
          so: false,
          adverb: false,
        },
        description: 'Which checks run. On: weasel, tooWordy, cliches, thereIs, illusion, passive (only passives that hide who said, saw or decided). Off: sentenceLength, so, adverb (they cry wolf in case notes; see the README).',
      },
      maxWords: { type: 'number', default: 30, min: 5, integer: true, description: 'The longest sentence, in words, before sentenceLength reports it (quoted words are not counted).' },
      allow: { type: 'string[]', default: [], description: 'Words or phrases not to report, e.g. ["monitor", "several"], or ids of wordy.json entries.' },
      lexicons: { type: 'string[]', default: [], description: 'Paths to your team’s lists of plain words for wordy phrases, in the word-list format (with "quiet": true for phrases not to report).' },
    },
    defaultSeverity: 'warn',
    ignore: ['quote', 'blockquote', 'heading'],
    examples: {
      bad: 'Leo was seen. SW knocked several times, and in order to support Mum a number of agencies will be involved.',
      good: 'I saw Leo in his bedroom. I knocked four times. To help Mum, the family hub will visit every Tuesday.',
    },
  },
  create(context, options) {
    const prepared = prepare(options);
    const wanted = writeGoodChecks.filter((check) => options.checks[check]);
    const writeGoodOptions: WriteGoodOptions = { eprime: false };
    for (const check of writeGoodChecks) writeGoodOptions[check] = options.checks[check];
    // write-good's checks with a fast cliché and wordy-phrase search: same suggestions (write-good-checks.ts).
    writeGoodOptions.checks = checkFunctions as unknown as WriteGoodOptions['checks'];
    return {
      'document:end'() {
        for (const sentence of context.sentences) {
          // Reports in headings and blockquotes are dropped: do not look there.
          if (sentence.block.block === 'heading' || context.scopes.has('blockquote', sentence.start)) continue;
          if (wanted.length) checkWithWriteGood(context, sentence, writeGoodOptions, prepared);
          if (options.checks.passive) checkTelegraphicPassive(context, sentence, prepared.allow);
          if (options.checks.sentenceLength) checkLength(context, sentence, options.maxWords);
        }
      },
    };
  },
});

function checkWithWriteGood(context: RuleContext, sentence: SentenceInfo, opts: WriteGoodOptions, prepared: ReturnType<typeof prepare>): void {
  const plain = plainText(sentence.node);
  if (!/[A-Za-z]/.test(plain.text)) return;
  for (const suggestion of writeGood(plain.text, opts)) {
    const { index, offset } = suggestion;
    const text = plain.text.slice(index, index + offset);
    const range = sourceRange(plain, index, offset);
    if (context.scopes.overlaps('quote', range[0], range[1]) || context.scopes.overlaps('code', range[0], range[1])) continue;
    const checks = suggestion.reason
      .slice(offset + 3)
      .split(' and ')
      .map((explanation) => explanations[explanation])
      .filter((check): check is WriteGoodCheck => check !== undefined);
    const check = checks[0];
    if (!check || (prepared.allow.size > 0 && prepared.allow.has(phraseTerms(text).join(' ')))) continue;
    const report = reporterFor(context, sentence.node, plain, check, text, range, index, offset, prepared.wordyByPhrase);
    if (report) report();
  }
}

function reporterFor(
  context: RuleContext, sentence: Sentence, plain: PlainText, check: WriteGoodCheck, text: string, range: [number, number], index: number,
  offset: number, wordyByPhrase: Map<string, WordyInfo>,
): (() => void) | undefined {
  const base = { range, actual: context.text.slice(range[0], range[1]) };
  switch (check) {
    case 'weasel': {
      const around = plain.text.slice(Math.max(0, index - 6), index + offset + 10);
      if (weaselPhrases.some((re) => re.test(around) && around.toLowerCase().includes(text.toLowerCase()))) return undefined;
      // "Kayden clearly said", "able to say clearly", "told me clearly": how someone spoke, not a vague amount.
      const afterSpeech = isAfterSpeechVerb(sentence, range[0]);
      if (/ly$/i.test(text) && (afterSpeech || isBeforeSpeechVerb(sentence, range[1]))) return undefined;
      // "Dad said he is very proud": his words. Not "said very little", the writer's account of how much he said.
      if (degreeWords.has(text.toLowerCase()) && !afterSpeech && isReported(sentence, termAt(termsOf(sentence), range[0]))) return undefined;
      return () => context.report({ ...base, messageId: 'weasel', data: { text } });
    }
    case 'tooWordy': {
      const known = wordyByPhrase.get(phraseTerms(text).join(' '));
      if (known?.quiet) return undefined;
      const advice = known?.expected.length ? `write ${known.expected.map((e) => `"${e}"`).join(' or ')} instead.` : 'say it in fewer, everyday words.';
      return () => context.report({ ...base, messageId: 'tooWordy', data: { text, advice }, expected: known?.expected ?? [], note: known?.note });
    }
    case 'passive': {
      // Only the passives that hide whose account, observation or decision it is:
      // "it was reported", "concerns were raised", "it was agreed". "The wall had
      // been repainted" hides nothing a reader needs.
      const participle = text.split(/\s+/).pop()!.toLowerCase();
      if (!hidingVerbs.has(participle)) return undefined;
      // "was seen by the school nurse", "was told to me by Mum" name who did it.
      if (/^(?:\s+\S+){0,3}?\s+by\b/i.test(plain.text.slice(index + offset, index + offset + 40))) return undefined;
      // "she will not be seen every day", "to be considered", "without being asked": plans and
      // ordinary English, not a hidden source. "what was said": the content of a conversation.
      if (/^(?:be|being)\b/i.test(text) || /\bwhat\s+$/i.test(plain.text.slice(Math.max(0, index - 6), index))) return undefined;
      // "It is felt that", "it was agreed that": no-opinion-as-fact reports these.
      if (/\bit\s+(?:has\s+|had\s+)?$/i.test(plain.text.slice(Math.max(0, index - 8), index))) return undefined;
      // "seen alone", "seen and spoken to": the statutory record of the visit, whose observer is the writer.
      if (participle === 'seen' && statutorySeen.test(plain.text.slice(index + offset, index + offset + 30))) return undefined;
      // "make sure Lee is seen", "so that she is seen": a plan, like "to be seen". Only this clause counts.
      if (planLead.test(plain.text.slice(Math.max(0, index - 50), index).split(/[,;:]/).pop()!)) return undefined;
      const terms = termsOf(sentence);
      const from = termAt(terms, range[0]);
      // "Staff state he has been seen", "she is reported to have been seen", "Apparently he was seen":
      // someone else's account, whose source attribute-hearsay asks for.
      if (isReported(sentence, from)) return undefined;
      // "No offences were disclosed", "nothing was found": nothing was seen, so no one is hidden.
      if (isNegated(sentence, from, termAt(terms, range[1]))) return undefined;
      return () => context.report({ ...base, messageId: 'passive', data: { text } });
    }
    case 'illusion': {
      if (goodRepeats.has(text.toLowerCase()) || /^\d/.test(text)) return undefined;
      return () => context.report({ ...base, messageId: 'illusion', data: { text }, fix: repeatFix(context, plain, index, range) });
    }
    case 'thereIs': {
      const after = plain.text.slice(index + offset, index + offset + 60);
      // "There are concerns...": no-opinion-as-fact reports it as a worry nobody owns.
      if (/^\s*(?:a\s+|some\s+|ongoing\s+|significant\s+|no\s+)?(?:concerns?|worr(?:y|ies))\b/i.test(after)) return undefined;
      // "There is reasonable cause to suspect": the words of section 47 of the Children Act 1989.
      if (/^\s*reasonable\s+cause\b/i.test(after) || isThingInPlace(sentence, range[1])) return undefined;
      return () => context.report({ ...base, messageId: 'thereIs', data: { text } });
    }
    default:
      return () => context.report({ ...base, messageId: check, data: { text } });
  }
}

/**
 * "Case discussed.", "Concerns noted with Mum.", "Leo seen.": a passive with its "was" left out, as contact
 * logs and supervision notes write them. Only at the start of a sentence (after a date), with one to three
 * words before the participle and at most a short phrase after it ("with TM", "in supervision"), so that
 * "Mum shared with me that she is tired" stays active.
 */
function checkTelegraphicPassive(context: RuleContext, sentence: SentenceInfo, allow: ReadonlySet<string>): void {
  const terms = termsOf(sentence.node);
  let start = 0;
  while (start < terms.length && /^\d/.test(terms[start].norm)) start++;
  let verb = start;
  while (verb < terms.length && verb - start < 3 && !telegraphicVerbs.has(terms[verb].norm)) verb++;
  if (verb === start || verb >= terms.length || !telegraphicVerbs.has(terms[verb].norm)) return;
  for (let i = start; i <= verb; i++) {
    if (i > start && terms[i].gapBefore) return;
    // "Previously discussed", "Briefly noted": an adverb, with the writer left out as the subject ("family" is a noun).
    const adverb = /ly$/.test(terms[i].norm) && terms[i].norm !== 'family';
    if (i < verb && (notSubject.has(terms[i].norm) || !/^[a-z']+$/.test(terms[i].norm) || adverb)) return;
  }
  // "Mum shared with me.", "School discussed with me": a person or a service does the sharing (only "seen" is never active).
  if (terms[verb].norm !== 'seen' && classifySource(sentence.node, verb - 1).kind === 'role') return;
  const rest = terms.slice(verb + 1);
  const tailEnd = rest.findIndex((t) => t.gapBefore);
  const tail = tailEnd < 0 ? rest : rest.slice(0, tailEnd);
  if (tail.length > 0 && (tail.length > 4 || !telegraphicTail.has(tail[0].norm) || tail.some((t) => t.norm === 'that' || t.norm === 'by'))) return;
  // "Case discussed with the social worker": a management oversight entry names who took part (the writer and them).
  if (terms[verb].norm === 'discussed' && tail[0]?.norm === 'with') return;
  const range: [number, number] = [terms[start].start, terms[verb].end];
  const text = context.text.slice(range[0], range[1]);
  if (context.scopes.overlaps('quote', range[0], range[1]) || allow.has(phraseTerms(text).join(' '))) return;
  // "Leo seen alone": the statutory record of the visit, as in the full passive.
  if (terms[verb].norm === 'seen' && statutorySeen.test(context.text.slice(range[1], range[1] + 30))) return;
  // "Information shared:", "| Child seen | Yes, alone |": the label of a form's field, not a sentence.
  if (/^[ \t]*[:|]/.test(context.text.slice(range[1], range[1] + 4)) || isReported(sentence.node, verb)) return;
  context.report({ messageId: 'passive', data: { text }, range, actual: text });
}

/** Does a verb of speaking follow the word that ends at `end`, with only spaces between ("clearly said")? */
function isBeforeSpeechVerb(sentence: Sentence, end: number): boolean {
  const terms = termsOf(sentence);
  const next = termAt(terms, end);
  // Not after punctuation, nor the rest of a hyphenated word.
  if (next === 0 || next >= terms.length || terms[next].gapBefore || terms[next].token === terms[next - 1].token) return false;
  return speechVerbs.matchTerms(terms.slice(next))[0]?.from === 0;
}

/** Words spoken to, between a verb of speaking and how it was said ("told me clearly"). */
const spokenTo = new Set(['me', 'us', 'you', 'him', 'her', 'them']);

/** Does the word that starts at `start` follow a verb of speaking, or one and who was spoken to ("say clearly", "told me clearly")? */
function isAfterSpeechVerb(sentence: Sentence, start: number): boolean {
  const terms = termsOf(sentence);
  const word = termAt(terms, start);
  let verb = word - 1;
  if (verb > 0 && spokenTo.has(terms[verb].norm)) verb--;
  if (verb < 0 || terms[word].gapBefore || terms[verb + 1].gapBefore) return false;
  return speechVerbs.matchTerms(terms.slice(verb, verb + 1)).length > 0;
}

/** Delete the repeated word and the space before it, when only spaces stand between the two. */
function repeatFix(context: RuleContext, plain: PlainText, index: number, range: [number, number]): { range: [number, number]; text: string } | undefined {
  let i = index - 1;
  while (i >= 0 && plain.text[i] === ' ') i--;
  if (i < 0) return undefined;
  const from = sourceEnd(plain, i);
  if (!/^[ \t]+$/.test(context.text.slice(from, range[0]))) return undefined;
  return { range: [from, range[1]], text: '' };
}

/**
 * Words in the sentence, not counting quoted words (someone's own words are
 * worth keeping whole). A line break after a line ending in ":" or after a
 * short line starts a new piece: lists of names and roles written one to a
 * line are not one long sentence.
 */
function checkLength(context: RuleContext, sentence: SentenceInfo, max: number): void {
  const pieces: Array<{ start: number; end: number; words: number }> = [];
  let piece: { start: number; end: number; words: number } | undefined;
  // Most sentences hold no quotation: then no word needs looking up.
  const quoted = context.scopes.overlapping('quote', sentence.start, sentence.end).length > 0;
  // The sentence's tokens (shared with other rules): its nodes with their offsets.
  for (const { kind, start, end } of tokensOf(sentence.node)) {
    if (kind === 'space' && hasLineBreak(context.text, start, end)) {
      const line = context.text.slice(context.text.lastIndexOf('\n', start - 1) + 1, start).trimEnd();
      if (piece && (/[:;]$/.test(line) || line.length < 60)) piece = undefined;
      continue;
    }
    if (kind !== 'word') continue;
    if (quoted && context.scopes.has('quote', start)) continue;
    if (!piece) pieces.push((piece = { start, end, words: 0 }));
    piece.words++;
    piece.end = end;
  }
  for (const p of pieces) {
    if (p.words > max) {
      context.report({ messageId: 'tooLong', data: { count: p.words, max }, range: [p.start, p.end] });
    }
  }
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
