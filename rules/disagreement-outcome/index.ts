import type { Sentence } from 'nlcst';
import { defineRule, type SentenceInfo } from '../../src/rule.js';
import { termsOf, type Term } from '../../src/tokens.js';
import { childWords, familyAdultWords } from '../../src/people.js';
import { childrenOf, isChildName, type Children } from '../../src/children.js';

// Everything here is matched on the text of one sentence, case-insensitively
// unless noted. See README.md for what each part is for.

/** Every trigger below contains one of these: a cheap test first, as most notes raise no disagreement. */
const stems = /disagree|disput|challeng|escalat|agree|happy|professional|should/i;

/**
 * A trigger, and words one of which every match of it contains (in lower
 * case): it is only run on a sentence that holds one. Most sentences that
 * pass `stems` hold "agree" or "professional" and nothing else, and the
 * larger expressions cost milliseconds to compile the first time.
 */
export interface Trigger {
  needs: readonly string[];
  pattern: RegExp;
}

/** Always a professional disagreement. */
export const strongTriggers: readonly Trigger[] = [
  { needs: ['professional'], pattern: /\bprofessional (?:disagreements?|disputes?|challenges?|differences?)\b/i },
  {
    needs: ['escalation', 'resolution', 'disagreement', 'dispute', 'challenge'],
    pattern: /\b(?:escalation|resolution|disagreements?|disputes?|challenge)s? (?:policy|policies|procedures?|protocols?|process(?:es)?|route)\b/i,
  },
  { needs: ['dispute resolution'], pattern: /\bdispute resolution\b/i },
  { needs: ['challenge'], pattern: /\b(?:formal|IRO(?:['’]s)?|professional) challenge\b/i },
  { needs: ['challenge', 'dispute', 'escalation'], pattern: /\b(?:raised|raise|raising|made|make|making) (?:a|an|the) (?:formal )?(?:challenge|dispute|escalation)\b/i },
  {
    needs: ['escalat'],
    pattern:
      /\bescalat(?:ed|ing|es|e)\b(?: (?:this|it|the matter|the case|the (?:disagreement|dispute|concerns?|decision|issue)|(?:my|our|their|her|his|its) (?:concerns?|disagreement|view)))?(?: further)? to (?:the |my |our |his |her |their )?(?:team manager|manager|service manager|group manager|head of service|IRO|independent reviewing officer|director|assistant director|LADO|principal social worker|designated|safeguarding partnership|(?:local )?safeguarding children|senior|practice manager)/i,
  },
];

/**
 * "may escalate": a professional threatening escalation. Not when risk,
 * behaviour or a situation is what escalates, nor escalation of a case to a
 * child protection conference.
 */
export const escalateVerb: Trigger = {
  needs: ['escalat'],
  pattern:
    /\b(?:will|may|might|would|could|can|intends? to|intended to|plans? to|planned to|going to|wish(?:es)? to|wished to|wants? to|wanted to|to|shall) (?:be )?escalat(?:e|ing)\b(?!\s+to\s+(?:an?\s+)?(?:ICPC|initial|child protection|CP\b|conference|strategy|section|s47|PLO|court|care proceedings))/i,
};
const escalatingThings = /\b(?:risk|risks|behaviour|behaviours|behavior|situation|concerns?|violence|conflict|tension|tensions|incidents?|arguments?|things|it|this|that|matters|needs|difficulties|presentation|symptoms|use|drinking)\s+(?:[\w’']+\s+){0,3}$/i;

/** Disagreement words that need a professional in the sentence. */
export const weakTriggers: readonly Trigger[] = [
  { needs: ['disagree'], pattern: /\bdisagree(?:s|d|ing)?\b/i },
  // "did not agree to Ruby going on the trip" is a refusal, not a disagreement.
  { needs: ['agree'], pattern: /\b(?:do|does|did)(?: not|n['’]t) agree\b(?! to\b)/i },
  { needs: ['not in agreement'], pattern: /\bnot in agreement\b/i },
  { needs: ['disagreement'], pattern: /\bdisagreements?\b/i },
  { needs: ['disput'], pattern: /\bdisput(?:e|es|ed|ing)\b/i },
  { needs: ['challeng'], pattern: /\bchalleng(?:ed|ing|es|e) (?:the|this|that|our|my|his|her|their|a) (?:decision|plan|outcome|threshold|assessment|recommendation|closure|step[- ]down|view|conclusion)\b/i },
  // "Health felt the category should be Emotional Abuse": a view that a decision should be otherwise. Not a
  // plan's next step ("felt the plan should be reviewed in May") nor a plan going on ("should continue").
  {
    needs: ['should'],
    pattern:
      /\b(?:felt|feels?|thought|thinks?|believed|believes?|argued|argues?|(?:was|were|is|are) of the view|view (?:was|is)) (?:that )?(?:the |this |a |her |his |their |its )?(?:category|threshold|level|decision|outcome|plan)\b[^.;]{0,40}?\bshould (?:not )?(?:be|have been)\b(?! (?:reviewed|shared|sent|updated|discussed|considered|completed|followed|explained|recorded|made|put|kept|given|agreed|signed|read|translated|in place)\b)/i,
  },
  { needs: ['happy with'], pattern: /\b(?:is|are|was|were) (?:not |un)happy with (?:the|this|that|our|my) (?:decision|plan|outcome|threshold|recommendation|closure)\b/i },
];
/** "did not disagree", "no disagreement": the opposite. */
const negated = /\b(?:no|not|never|without|nor)\s+(?:\w+\s+)?(?:disagree|disagreement|dispute|challenge)/i;
/** A template line answered "none": "Professional disagreements: none". */
const answeredNone = /^[^.:\n]{0,40}:\s*(?:none|nil|n\/a|no\b|not applicable)/i;

/** People and bodies who make a disagreement professional. */
const professionalWords =
  /\b(?:school|schools|college|nursery|academy|police|officers?|detective|health|nurse|GP|doctor|Dr|paediatrician|consultant|midwife|health visitor|hospital|CAMHS|teachers?|headteacher|head teacher|DSL|SENCO|IRO|independent reviewing officer|chair|manager|head of service|social workers?|colleagues?|professionals?|agency|agencies|probation|YOT|youth justice|Cafcass|guardian|solicitor|LADO|panel|conference|early help|practitioners?|council|housing|service|services|team|local authority)\b/i;
/** Abbreviations that are other words in lower case ("pc", "la"). */
const professionalAbbreviations = /\b(?:PC|DC|DS|SW|TM|LA|HV)\b/;
const professional = { test: (text: string) => professionalWords.test(text) || professionalAbbreviations.test(text) };

/** The same as single words, to place the person who disagrees. */
const professionalTerms: ReadonlySet<string> = new Set([
  'school', 'schools', 'college', 'nursery', 'academy', 'police', 'officer', 'officers', 'detective', 'health', 'nurse', 'gp',
  'doctor', 'dr', 'paediatrician', 'consultant', 'midwife', 'visitor', 'hospital', 'camhs', 'teacher', 'teachers', 'headteacher',
  'head', 'dsl', 'senco', 'iro', 'chair', 'manager', 'social', 'worker', 'colleague', 'colleagues', 'professional', 'professionals',
  'agency', 'agencies', 'probation', 'yot', 'cafcass', 'guardian', 'solicitor', 'lado', 'panel', 'practitioner', 'council',
  'housing', 'service', 'services', 'team', 'authority', 'sw', 'tm', 'pc', 'dc', 'hoy', 'ewo', 'tutor', 'lead',
]);
/** Capitalised words that are not names. */
const auxiliaries = new Set(['do', 'does', 'did', "don't", "doesn't", "didn't", 'not', 'also', 'still', 'strongly', 'really', 'clearly', 'all', 'both', 'continue', 'continues', 'continued', 'to', 'have', 'has', 'had', 'would', 'will', 'may', 'might']);
const pronouns = new Set(['she', 'he', 'they']);
const notNames = new Set(['i', 'the', 'a', 'an', 'she', 'he', 'they', 'it', 'this', 'that', 'there', 'we', 'you', 'her', 'his', 'their', 'our', 'my', 'mr', 'mrs', 'ms', 'miss', 'mx', 'disagreement', 'when', 'after', 'but', 'and', 'also', 'however', 'today']);

/** How a disagreement was addressed. */
const outcomes: RegExp[] = [
  // resolved, accepted, withdrawn, upheld
  /\bresolved\b|\bresolution (?:was|is|has been) (?:reached|agreed|found)\b|\bno further (?:escalation|challenge|dispute)\b/i,
  /\bwithdr(?:ew|awn|aw|awing) (?:the|their|her|his|its|our|my) (?:challenge|disagreement|escalation|objection|dispute)\b/i,
  /\baccept(?:ed|s)? (?:the|this|that|my|our|her|his|their|its) (?:decision|outcome|plan|explanation|recommendation|view|reasons?)\b/i,
  /\b(?:is|was|were|are|felt) (?:now )?(?:satisfied|content|reassured|happy) (?:with|that|by)\b/i,
  /\bnow agree[sd]?\b|\bagreed with (?:the|this|that|my|our|her|his) (?:decision|plan|outcome|recommendation|proposal|view)\b/i,
  /\b(?:upheld|overturned|reversed)\b/i,
  /\b(?:the|an|agreed) outcome\b|\boutcome (?:was|is|of the)\b|\bcompromise\b/i,
  // an agreement that says who agreed
  /\b(?:we|all|everyone|both|us|parties|agencies|professionals|meeting|school|police|panel|manager|chair|IRO|conference) (?:all |both )?agreed\b/i,
  // a decision; "it was decided" says neither who decided nor whether the disagreement was settled
  /\bdecision (?:was|is|has been) (?:made|taken|reached)\b|(?:manager|head of service|IRO|chair|panel|court|director)(?:['’]s)? decision\b|\b(?:made|took|make|take) (?:the|a|her|his|their) (?:final )?decision\b|\bfinal decision\b/i,
  // a label or heading that records one
  /^\W*(?:outcome|decision|resolution|agreed actions?|what we agreed)\b/i,
];
/** Attributed agreement and decisions by a named person: case-sensitive. */
const namedOutcome = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr) [A-Z][\w'’-]+ (?:agreed|decided|confirmed|accepted)\b|\b(?:I|We) (?:decided|agreed)\b/;
const passive = /\bit (?:was|has been|had been|is) (?:agreed|decided)\b/gi;
const decidedVerb = /\bdecided\b/i;

/** An escalation route or an action about the disagreement, with a date. */
const aboutIt =
  /\bescalat|\bdisagree|\bdispute|\bchalleng|\b(?:team manager|manager|head of service|service manager|IRO|TM|director|LADO|DSL)\b|\bconcerns? raised\b/i;
const date = new RegExp(
  [
    '\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b',
    '\\b\\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b',
    '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \\d{1,2}(?:st|nd|rd|th)?\\b',
    '\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\bby the end of (?:the |this |next )?(?:day|week|month|term)\\b',
    '\\bwithin (?:\\d+|one|two|three|four|five|seven|ten|fourteen) (?:working )?(?:days?|weeks?)\\b',
    '\\b(?:today|tomorrow)\\b',
  ].join('|'),
  'i',
);

function isOutcome(text: string): boolean {
  if (namedOutcome.test(text)) return true;
  const active = text.replace(passive, ' ');
  if (outcomes.some((p) => p.test(active))) return true;
  if (decidedVerb.test(active)) return true;
  return aboutIt.test(text) && date.test(text);
}

/** A heading or label over outcomes: "## Outcome", "Decision:", "What we agreed". */
const outcomeTitle = /\b(?:outcomes?|decisions?|resolution|agreed|agreement|conclusions?)\b/i;
/**
 * A paragraph that is only a label: "Outcome:", "**Actions:**". The label
 * starts at its first word character, so the expression has one way to
 * match (linear time: test/redos.test.ts).
 */
const labelOnly = /^\W*\w[^.!?:\n]{0,39}:\W*$/;

/** Words that say nothing about what or whom a sentence is about. */
const generic = new Set([
  'that', 'this', 'these', 'those', 'with', 'will', 'would', 'should', 'could', 'shall', 'have', 'having', 'been', 'were',
  'they', 'them', 'their', 'there', 'then', 'than', 'what', 'when', 'where', 'which', 'while', 'whether', 'about', 'after',
  'before', 'also', 'into', 'from', 'onto', 'said', 'says', 'told', 'tell', 'asked', 'felt', 'feel', 'feels', 'think',
  'thinks', 'thought', 'does', 'done', 'doing', 'make', 'made', 'making', 'meeting', 'today', 'week', 'weeks', 'month',
  'months', 'more', 'most', 'some', 'very', 'just', 'only', 'still', 'being', 'each', 'other', 'over', 'such', 'because',
  'since', 'until', 'again', 'like', 'need', 'needs', 'needed', 'want', 'wants', 'wanted', 'going', 'know', 'known',
  'time', 'well', 'good', 'stated', 'states', 'explained', 'discussed', 'discussion', 'including', 'everyone', 'both',
  'all', 'further', 'next', 'last', 'first', 'here', 'your', 'ours', 'mine', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'instead', 'remain', 'remains', 'stay', 'stays', 'continue', 'continues',
]);

type Who = 'professional' | 'family' | 'child' | 'someone';

/** Indexes from `from` towards `to` (exclusive), either way. */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i < to; i++) out.push(i);
  else for (let i = from; i > to; i--) out.push(i);
  return out;
}

/** Index of the term at an offset of the sentence. */
function termAt(terms: readonly Term[], offset: number): number {
  const i = terms.findIndex((t) => t.end > offset);
  return i === -1 ? terms.length : i;
}

export default defineRule({
  id: 'disagreement-outcome',
  meta: {
    type: 'problem',
    description: 'A professional disagreement, dispute, challenge or escalation recorded with how it was addressed',
    guidance: ['dudley:disagreements'],
    messages: {
      noOutcome:
        'This note records a professional disagreement but not how it was addressed. Add the outcome: what was decided and by whom, what was agreed, or the next step (who will take it to whom, and by when).',
    },
    fixable: false,
    defaultSeverity: 'warn',
    examples: {
      bad: 'The school do not agree with the plan staying at child in need level. I will discuss this with my manager.',
      good: 'The school do not agree with the plan staying at child in need level. I will discuss this with my manager, Ms Ferris, by Friday 27 November and phone Mr Pryce with her decision.',
    },
  },
  create(context) {
    return {
      'document:end'() {
        const raised: SentenceInfo[] = [];
        let children: Children | undefined;
        let roles: Map<string, Who | undefined> | undefined;
        for (const sentence of context.sentences) {
          if (!stems.test(sentence.text)) continue;
          const at = triggerOffset(sentence);
          if (at === undefined) continue;
          const offset = sentence.start + at;
          if (context.scopes.has('quote', offset) || context.scopes.has('blockquote', offset)) continue;
          raised.push(sentence);
        }
        if (!raised.length) return;
        const topics = new Map<SentenceInfo, Set<string>>();
        if (context.sentences.some((sentence) => isOutcome(sentence.text) && raised.some((d) => isAbout(sentence, d)))) return;
        context.report({ messageId: 'noOutcome', range: [raised[0].start, raised[0].end] });

        /**
         * Is an outcome about this disagreement, not an unrelated "we agreed"
         * elsewhere in the note? It is when it stands in the same paragraph;
         * or after it, under an outcome heading or label, as an escalation
         * route with a date, or naming someone or something the disagreement
         * names ("Mrs Gale said she was satisfied", "the plan will stay open").
         */
        function isAbout(outcome: SentenceInfo, disagreement: SentenceInfo): boolean {
          if (outcome.paragraph === disagreement.paragraph) return true;
          if (outcome.index < disagreement.index) return false;
          if (underOutcomeTitle(outcome, disagreement)) return true;
          if (aboutIt.test(outcome.text) && date.test(outcome.text)) return true;
          let topic = topics.get(disagreement);
          if (!topic) topics.set(disagreement, (topic = topicWords(disagreement)));
          return [...topicWords(outcome)].some((word) => topic.has(word));
        }

        /** The outcome is, or stands under, a heading or label that names an outcome, between it and the disagreement. */
        function underOutcomeTitle(outcome: SentenceInfo, disagreement: SentenceInfo): boolean {
          for (let k = outcome.index; k > disagreement.index; k--) {
            const s = context.sentences[k];
            if (s.block.block === 'heading' || labelOnly.test(s.text)) return outcomeTitle.test(s.text);
          }
          return false;
        }

        /** People and things a sentence names: names, roles and content words, not the child (who every sentence is about). */
        function topicWords(sentence: SentenceInfo): Set<string> {
          children ??= childrenOf(context);
          const terms = termsOf(sentence.node);
          const words = new Set<string>();
          for (const [i, t] of terms.entries()) {
            const word = t.bare ?? t.norm;
            if (!professionalTerms.has(word) && (word.length < 4 || generic.has(word) || /agree|decid|^\d/.test(word))) continue;
            if (!isChildName(children, sentence.node, i, true)) words.add(word);
          }
          return words;
        }

        /**
         * Who disagrees: the nearest professional, family member, child or
         * name before the disagreement word ("someone" for a name that cannot
         * be placed). A pronoun ("she disagreed") stands for the subject of
         * the sentence, so then the sentence is read from its start; "I" and
         * "we" are the professional writing the note.
         */
        function whoBefore(sentence: Sentence, index: number): Who | undefined {
          const terms = termsOf(sentence);
          let k = index - 1;
          while (k >= 0 && auxiliaries.has(terms[k].norm)) k--;
          if (k < 0) return undefined;
          if (terms[k].norm === 'i' || terms[k].norm === 'we') return 'professional';
          const order = pronouns.has(terms[k].norm) ? range(0, k) : range(k, -1);
          for (const j of order) {
            const who = place(sentence, j);
            if (who) return who;
          }
          return undefined;
        }

        /** What the word at term `i` says about who it is, if anything. */
        function place(sentence: Sentence, i: number): Who | undefined {
          children ??= childrenOf(context);
          const term = termsOf(sentence)[i];
          const word = term.bare ?? term.norm;
          if (professionalTerms.has(word)) return 'professional';
          if (familyAdultWords.has(word)) return 'family';
          // The child's name, hyphenated ("Ellie-Mae") or written with an age ("Mason (13)") too.
          if (isChildName(children, sentence, i, true) || childWords.has(word)) return 'child';
          if (/^[A-Z][a-z]/.test(term.raw) && !notNames.has(word)) return roleOf(term.raw.replace(/['’]s$/, '')) ?? 'someone';
          return undefined;
        }

        /**
         * A name is placed by the words after its first mention that says who
         * they are: "Mr Owen Pryce (head of year...)", "Mr Youssef Haddad
         * (Amir's father)".
         */
        function roleOf(name: string): Who | undefined {
          roles ??= new Map();
          if (roles.has(name)) return roles.get(name);
          let role: Who | undefined;
          for (const sentence of context.sentences) {
            if (role) break;
            const terms = termsOf(sentence.node);
            const at = terms.findIndex((t) => t.raw === name || t.raw === `${name}'s`);
            if (at === -1) continue;
            // "His nan, Mrs Morgan, ..." or "Mrs Morgan (Ella's grandmother)".
            const around = [...terms.slice(Math.max(0, at - 3), Math.max(0, at - 1)).reverse(), ...terms.slice(at + 1, at + 12)];
            for (const t of around) {
              const word = t.bare ?? t.norm;
              if (professionalTerms.has(word)) role = 'professional';
              else if (familyAdultWords.has(word)) role = 'family';
              if (role) break;
            }
          }
          roles.set(name, role);
          return role;
        }

        function triggerOffset(sentence: SentenceInfo): number | undefined {
          const text = sentence.text;
          const lower = text.toLowerCase();
          const run = (trigger: Trigger) => (trigger.needs.some((word) => lower.includes(word)) ? trigger.pattern.exec(text) : null);
          for (const trigger of strongTriggers) {
            const m = run(trigger);
            if (!m || negated.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length))) continue;
            if (answeredNone.test(text.slice(m.index + m[0].length))) continue;
            return m.index;
          }
          const escalate = run(escalateVerb);
          if (escalate && !escalatingThings.test(text.slice(0, escalate.index)) && professional.test(text)) return escalate.index;
          let named: boolean | undefined;
          for (const trigger of weakTriggers) {
            const m = run(trigger);
            if (!m) continue;
            if (negated.test(text.slice(Math.max(0, m.index - 20), m.index + m[0].length))) continue;
            if (answeredNone.test(text.slice(m.index + m[0].length))) continue;
            const terms = termsOf(sentence.node);
            const index = termAt(terms, sentence.start + m.index);
            // A parent or a child who disagrees, or a professional who
            // disputes what a parent said, is not a disagreement between
            // professionals.
            const who = whoBefore(sentence.node, index);
            if (who === 'family' || who === 'child') continue;
            if (who !== 'professional' && !(named ??= professional.test(text))) continue;
            const after = termAt(terms, sentence.start + m.index + m[0].length);
            if (range(after, Math.min(terms.length, after + 4)).some((j) => place(sentence.node, j) === 'family')) continue;
            return m.index;
          }
          return undefined;
        }
      },
    };
  },
});
