// What a line of a pasted email looks like. Each test looks at ONE line (its
// text after any Markdown list or blockquote markers, trimmed); how lines are
// grouped into an email is in detect.ts.
//
// Sources: shared/research/domain.md section A4 (signs of a pasted email) and
// the known misses of email-reply parsers (peers.md section 7): headers wrapped
// or run together, "On ... wrote:" over two lines, signatures without "-- ",
// Outlook blocks without ">", disclaimers.
//
// Every pattern is compiled once, here, and kept small and linear: no nested
// quantifiers, no two unbounded quantifiers over the same characters in a row,
// unanchored searches start with a literal. Where a search would need an
// unbounded scan backwards (an email address, "On ... wrote:") it is done in
// code with indexOf; fixed phrases (disclaimers) and word lists (sign-offs,
// job titles) are plain strings and sets. `patterns` lists every regex for the
// ReDoS check (each is proved linear by recheck's automaton checker).

// ---------------------------------------------------------------- headers

/** Header names, in the spelling shown in messages. */
export const headerNames: Readonly<Record<string, string>> = {
  from: 'From',
  sent: 'Sent',
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  subject: 'Subject',
  date: 'Date',
  'reply-to': 'Reply-To',
  importance: 'Importance',
  attachments: 'Attachments',
  'message-id': 'Message-ID',
  'in-reply-to': 'In-Reply-To',
  references: 'References',
  'mime-version': 'MIME-Version',
  'content-type': 'Content-Type',
};

/**
 * Headers that only an email has: two header lines with one of these are an
 * email header block. From, To, Date, Cc and Attachments alone also head
 * letters, memos, case-system forms and contact records ("From: 13:00 / To:
 * 14:30", "To: Ms Ellison / Cc: school"), so a pair of those is weak; every
 * mail client's header block also has Sent or Subject.
 */
export const emailOnlyHeaders: ReadonlySet<string> = new Set([
  'sent', 'reply-to', 'importance', 'message-id', 'in-reply-to', 'references', 'mime-version', 'content-type',
]);

/** `From: ...` at the start of a line, also bold (`**From:**`) as a paste from HTML gives. */
const headerLine =
  /^[*_]{0,2}(from|sent|to|cc|bcc|subject|date|reply-to|importance|attachments|message-id|in-reply-to|references|mime-version|content-type)[*_]{0,2}[ \t]*:/i;

/** Header names run together on one line when the line breaks were lost. Case-sensitive: as clients write them. */
const inlineHeader = /(?:^|[ \t*_>|])(From|Sent|To|Cc|Bcc|Subject|Date)[*_]{0,2}:[ \t]/g;

export interface HeaderMatch {
  /** Lower-case header name. */
  key: string;
  /** The rest of the line after the colon. */
  value: string;
}

export function headerOf(line: string): HeaderMatch | undefined {
  const m = headerLine.exec(line);
  if (!m) return undefined;
  return { key: m[1].toLowerCase(), value: line.slice(m[0].length).replace(leadingEmphasis, '').trim() };
}
const leadingEmphasis = /^[*_]{1,2}/;

/** Distinct header names found anywhere in the line (lost line breaks). */
export function inlineHeaderKeys(line: string): string[] {
  const keys: string[] = [];
  inlineHeader.lastIndex = 0;
  for (let m = inlineHeader.exec(line); m; m = inlineHeader.exec(line)) {
    const key = m[1].toLowerCase();
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

// ------------------------------------------------------------- separators

export type SeparatorKind = 'original' | 'forwarded' | 'beginForwarded' | 'underscores';

const dashedTitle = /(?:original|forwarded)[ \t]+(?:message|by)\b/gi;
const beginForwarded = /\bbegin[ \t]+forwarded[ \t]+message\b/i;

/**
 * `-----Original Message-----`, `---------- Forwarded message ---------`,
 * `-------- Forwarded Message --------`, `----- Forwarded by ... -----`,
 * `Begin forwarded message:`; anywhere in the line (lost line breaks).
 */
export function separatorOf(line: string): Found<SeparatorKind> | undefined {
  const begin = beginForwarded.exec(line);
  if (begin) return { kind: 'beginForwarded', index: begin.index };
  dashedTitle.lastIndex = 0;
  for (let m = dashedTitle.exec(line); m; m = dashedTitle.exec(line)) {
    if (line.slice(Math.max(0, m.index - 40), m.index).trimEnd().endsWith('--')) {
      return { kind: m[0].toLowerCase().startsWith('original') ? 'original' : 'forwarded', index: m.index };
    }
  }
  return undefined;
}

/** A signal found inside a line, and where (so prose that quotes it can be told apart). */
export interface Found<K extends string> {
  kind: K;
  index: number;
}

// ------------------------------------------------------ "On ... wrote:"

const wrote = /\b(?:wrote|writes)[ \t]?:/g;
const wroteAnywhere = /\b(?:wrote|writes)[ \t]?:/;
const letterOrDigit = /[\p{L}\p{N}]/u;
const wroteAtEnd = /\b(?:wrote|writes)[ \t]?:$/;
const startsWithOn = /^On[ \t]/;
/** A clock time as mail clients write it: 10:14, 9:05. */
const clockTime = /\b\d{1,2}:\d{2}\b/;
/** Clients date the attribution fully: a year, a numeric date or a short weekday ("Mon,"). */
const year = /\b(?:19|20)\d{2}\b/;
const numericDate = /\b\d{1,2}\/\d{1,2}\/\d{2}/;
const shortWeekday = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),/;
/** `wrote: "Maya is unwell"`: the worker quoting someone, not a client's attribution. */
const quotationNext = /^[ \t]*["“‘']/;
/** "On 3 March I wrote:" is the worker's own words, not a client's attribution. */
const pronounBeforeWrote = /\b(?:I|we|he|she|they|you|it)[ \t]*$/i;

/**
 * Is `between` (the text from "On " to "wrote:") a mail client's attribution?
 * Clients give the sender's address, or a clock time with a full date ("Mon,
 * 3 Mar 2025 at 10:14", "03/03/2025 10:14"); prose such as "On 3 March the
 * school wrote:" or "On 3 March at 10:14 I wrote:" does not.
 */
function isAttribution(between: string): boolean {
  if (between.length < 5 || between.length > 250) return false;
  if (pronounBeforeWrote.test(between)) return false;
  if (hasEmailAddress(between)) return true;
  return clockTime.test(between) && (year.test(between) || numericDate.test(between) || shortWeekday.test(between));
}

/** `On Mon, 3 Mar 2025 at 10:14, Jo Bloggs <jo@x.org> wrote:` at the start of the line or in it: where its "On" is, or -1. */
export function attributionIn(line: string): number {
  wrote.lastIndex = 0;
  for (let m = wrote.exec(line); m; m = wrote.exec(line)) {
    if (quotationNext.test(line.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue;
    const from = Math.max(0, m.index - 250);
    const window = line.slice(from, m.index);
    let on = window.lastIndexOf('On ');
    // "On" must begin a word: at the start, or after a space, ">" or punctuation.
    while (on > 0 && letterOrDigit.test(window[on - 1])) on = window.lastIndexOf('On ', on - 1);
    if (on < 0) continue;
    if (isAttribution(window.slice(on + 3))) return from + on;
  }
  return -1;
}

/** Does the line end with "wrote:" (the quoted email starts on the next line)? */
export const endsWithWrote = (line: string): boolean => wroteAtEnd.test(line);

/** Gmail wraps a long attribution: `On Mon, 3 Mar 2025 at 10:14, Jo Bloggs <` / `jo@x.org> wrote:`. */
export function isWrappedAttribution(first: string, second: string): boolean {
  if (!startsWithOn.test(first) || first.length > 250 || second.length > 150) return false;
  if (wroteAnywhere.test(first)) return false;
  if (!wroteAtEnd.test(second)) return false;
  const end = second.search(wroteAtEnd);
  return isAttribution(`${first.slice(3)} ${second.slice(0, end)}`);
}

// ------------------------------------------------------ footers and tags

export type FooterKind = 'disclaimer' | 'external' | 'footer';

// Disclaimers, banners and footers are fixed phrases: lists of strings, with
// {a,b} for alternatives, looked up in the line lower-cased with runs of spaces
// made one (so "This  E-mail" finds "this email"). No regex needed.

/** "this {email,message} is" -> ["this email is", "this message is"]; braces may repeat, not nest. */
export function expand(phrase: string): string[] {
  const open = phrase.indexOf('{');
  if (open < 0) return [phrase];
  const close = phrase.indexOf('}', open);
  const head = phrase.slice(0, open);
  const tails = expand(phrase.slice(close + 1));
  return phrase
    .slice(open + 1, close)
    .split(',')
    .flatMap((option) => tails.map((tail) => head + option + tail));
}
const phrases = (...list: string[]): readonly string[] => list.flatMap(expand);

const message = '{email,emails,message,transmission,communication}';

/** Phrases only a confidentiality disclaimer uses: one is enough. */
export const disclaimerPhrases = phrases(
  `${message} and any {files,attachments}`,
  `${message} including any attachments`,
  `received this ${message} in error`,
  `views expressed in this ${message}`,
  `this ${message} is {confidential,strictly confidential,private,privileged}`,
);

/**
 * Phrases a disclaimer uses that prose might too ("I told her to notify the
 * sender"): two in one line make a disclaimer.
 */
export const disclaimerHints = phrases(
  'intended {solely,only,exclusively} for',
  'for the {sole,exclusive} use of',
  'notify the sender',
  'views or opinions expressed',
  'do not necessarily {represent,reflect}',
  'privileged and confidential',
  'confidential and {privileged,legally privileged,may be privileged,may be legally privileged}',
  'unauthori{s,z}ed {use,disclosure,copying,dissemination,distribution}',
  'delete it from your system',
);

/** "[EXTERNAL]" tags and "This email originated from outside the organisation" banners. */
export const externalPhrases = phrases('[external]', 'originated from outside', 'external {email,sender,message}:');

/** Other footers that only email has. */
export const footerPhrases = phrases(
  'consider the environment before printing',
  'think before you print',
  '{email,message} has been {scanned,checked}',
  'virus-free',
  'disclosed under the freedom of information',
  '{email,emails,communication,communications} {may,might,will} be {monitored,recorded}',
);

const mailAfterE = /^mail/i;
const isWordChar = (c: string | undefined) => c !== undefined && letterOrDigit.test(c);

/** What `normalise` changes besides case: tabs, runs of spaces, hyphens ("e-mail"), and anything outside printable ASCII. */
const needsNormalising = /[^ -~]| {2}|-/;

/**
 * The line lower-cased, "e-mail" as "email", runs of spaces as one; `at[i]` is
 * where character i came from (left out when that is i: a line with nothing
 * to change but its case, as most are).
 */
function normalise(line: string): { text: string; at?: number[] } {
  if (!needsNormalising.test(line)) return { text: line.toLowerCase() };
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      if (text.endsWith(' ')) continue;
      text += ' ';
      at.push(i);
      continue;
    }
    if ((c === '-' || c === '\u2011') && (line[i - 1] === 'e' || line[i - 1] === 'E') && !isWordChar(line[i - 2]) && mailAfterE.test(line.slice(i + 1, i + 5))) continue;
    const lower = c.toLowerCase();
    for (let k = 0; k < lower.length; k++) at.push(i);
    text += lower;
  }
  return { text, at };
}

/** A list of phrases, each with the keys it holds (a bit for each of phraseKeys). */
interface KeyedPhrases {
  phrases: readonly string[];
  keys: readonly number[];
}

/**
 * The first of `list` that stands in the normalised line as whole words (other
 * than `skip`), and where in the original line. Only phrases that hold one of
 * the keys the line holds (`present`, bits as in KeyedPhrases) are looked for.
 */
function findPhrase(list: KeyedPhrases, text: string, at: number[] | undefined, present: number, skip?: string): { phrase: string; index: number } | undefined {
  for (let p = 0; p < list.phrases.length; p++) {
    const phrase = list.phrases[p];
    if (!(list.keys[p] & present) || phrase === skip) continue;
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      const end = i + phrase.length;
      const startsWord = !isWordChar(phrase[0]) || !isWordChar(text[i - 1]);
      const endsWord = !isWordChar(phrase[phrase.length - 1]) || !isWordChar(text[end]);
      if (startsWord && endsWord) return { phrase, index: at ? at[i] : i };
    }
  }
  return undefined;
}

/**
 * Every phrase above holds one of these (a test checks it), so a line without
 * any of them is passed over without building its normalised copy.
 */
export const phraseKeys: readonly string[] = [
  'mail', 'message', 'transmission', 'communication', 'intended', 'sole use', 'exclusive use', 'sender', 'opinions', 'necessarily',
  'privileged', 'confidential', 'unauthori', 'delete', 'external', 'outside', 'print', 'virus', 'freedom',
];
/** Any of the keys: one search of the line for all of them. */
const anyPhraseKey = new RegExp(phraseKeys.join('|'));
export const allPhrases = (): readonly string[] => [...disclaimerPhrases, ...disclaimerHints, ...externalPhrases, ...footerPhrases];

/** The keys a text holds, a bit for each of phraseKeys. */
function keysIn(text: string): number {
  let bits = 0;
  phraseKeys.forEach((key, k) => {
    if (text.includes(key)) bits |= 1 << k;
  });
  return bits;
}
const keyed = (phrases: readonly string[]): KeyedPhrases => ({ phrases, keys: phrases.map(keysIn) });
const disclaimers = keyed(disclaimerPhrases);
const hints = keyed(disclaimerHints);
const externals = keyed(externalPhrases);
const footers = keyed(footerPhrases);

export function footerOf(line: string): Found<FooterKind> | undefined {
  if (!anyPhraseKey.test(line.toLowerCase())) return undefined;
  const { text, at } = normalise(line);
  const present = keysIn(text);
  const specific = findPhrase(disclaimers, text, at, present);
  if (specific) return { kind: 'disclaimer', index: specific.index };
  const hint = findPhrase(hints, text, at, present);
  if (hint && findPhrase(hints, text, at, present, hint.phrase)) return { kind: 'disclaimer', index: hint.index };
  const external = findPhrase(externals, text, at, present);
  if (external) return { kind: 'external', index: external.index };
  const footer = findPhrase(footers, text, at, present);
  if (footer) return { kind: 'footer', index: footer.index };
  return undefined;
}

/** "Sent from my iPhone", "Get Outlook for Android": a whole short line. */
const mobile =
  /^(?:sent[ \t]+(?:from|via)[ \t]+(?:my[ \t]|outlook[ \t]|mail[ \t]+for[ \t]|yahoo[ \t]|the[ \t]+(?:outlook|gmail|samsung)|samsung[ \t]|bt[ \t]+mail)|get[ \t]+outlook[ \t]+for[ \t])/i;
export function isMobileSignature(line: string): boolean {
  return line.length <= 60 && mobile.test(line);
}

/** An inline image of an HTML email as it pastes: `[cid:image001.png@01D9...]`. */
const cid = /\[cid:[^\][\s]+\]/i;
const cidImage = /\bcid:image\d+\.(?:png|jpe?g|gif)@/i;
/** Where an inline image reference is, or -1. */
export const inlineImageIn = (line: string): number => {
  const bracketed = line.search(cid);
  return bracketed >= 0 ? bracketed : line.search(cidImage);
};

/** Gmail's plain-text stand-in for an image: `[image: logo.png]`. */
const imagePlaceholder = /\[image:[^\][]*\]/i;
export const isImagePlaceholder = (line: string): boolean => imagePlaceholder.test(line);

/** Protective markings (Government Security Classifications), on a line of their own. */
const markings: readonly string[] = ['OFFICIAL-SENSITIVE', 'OFFICIAL SENSITIVE', 'OFFICIAL', 'NOT PROTECTIVELY MARKED', 'UNCLASSIFIED'];
const classificationPrefix = /^(?:security )?classification: ?/i;
/** After the marking: nothing, or a descriptor such as " - PERSONAL", ": PERSONAL". */
const markingDescriptor = /^(?: ?[-:–] ?[A-Z]+)?$/;

/** The marking without brackets or emphasis around it: "[OFFICIAL]", "**OFFICIAL**". */
export function stripMarkingEdges(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && '[(*_'.includes(line[start])) start++;
  while (end > start && '])*_'.includes(line[end - 1])) end--;
  return line.slice(start, end);
}

/** OFFICIAL, OFFICIAL-SENSITIVE, "Classification: OFFICIAL", "[OFFICIAL-SENSITIVE - PERSONAL]". */
export function isMarking(line: string): boolean {
  if (line.length > 60) return false;
  const text = stripMarkingEdges(line).split(spaces).join(' ').replace(classificationPrefix, '');
  return markings.some((m) => text.startsWith(m) && markingDescriptor.test(text.slice(m.length)));
}

/** The signature delimiter "-- ". */
export const isSignatureDelimiter = (line: string): boolean => line === '--';

// ------------------------------------------------- greeting and sign-off

const greeting = /^(?:hi|hello|hey|hiya|dear|good[ \t]+(?:morning|afternoon|evening)|morning|afternoon)\b/i;
/** Words that may follow a greeting besides names: "Hi all,", "Dear Sir/Madam,". */
const greetingWords = new Set(['all', 'both', 'everyone', 'team', 'there', 'again', 'sir', 'madam', 'sir/madam', 'colleagues', 'and']);

/** A short line that opens a letter or email: "Hi Jess,", "Dear Maya,", "Good morning all". */
export function isGreeting(line: string): boolean {
  if (line.length > 60) return false;
  const m = greeting.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length).replace(trailingPunctuation, '').trim();
  const closed = greetingEnd.test(line);
  if (!rest) return closed;
  const words = rest.replace(leadingComma, '').split(spaces);
  if (words.length > 4) return false;
  return words.every((w) => greetingWords.has(w.toLowerCase()) || isNameWord(w));
}
const trailingPunctuation = /[,.!:;]{1,3}$/;
/** "Hi," and "Hello!" close a greeting line. */
const greetingEnd = /[,!]$/;
const leadingComma = /^,[ \t]*/;
const spaces = /[ \t]+/;

/** Sign-offs, lower case, one space between words. */
const signOffs: ReadonlySet<string> = new Set([
  'regards', 'kind regards', 'kindest regards', 'best regards', 'warm regards', 'warmest regards', 'many regards', 'with regards',
  'with kind regards', 'with best regards', 'with warm regards', 'best wishes', 'with best wishes', 'warm wishes', 'warmest wishes',
  'all the best', 'best', 'thanks', 'thank you', 'thanks again', 'many thanks', 'many many thanks', 'thanks very much',
  'thank you very much', 'thanks so much', 'thank you so much', 'thanks in advance', 'with thanks', 'with many thanks', 'cheers',
  'yours sincerely', 'yours faithfully', 'yours truly', 'sincerely', 'speak soon', 'take care', 'rgds', 'thx',
]);

/** "Yours sincerely", "Yours faithfully": how a letter closes. A letter copied into the note is not a pasted email. */
const letterCloseStart = /^yours[ \t]+(?:sincerely|faithfully)\b/i;
export const isLetterClose = (line: string): boolean => letterCloseStart.test(line);

/**
 * A line that closes an email: "Kind regards,", "Many thanks, Nicola",
 * "Thanks". Not "with regards to the plan" or "Thanks for your call".
 */
export function isSignOff(line: string): boolean {
  if (line.length > 50) return false;
  const parts = line.split(spaces);
  for (let k = Math.min(4, parts.length); k >= 1; k--) {
    const phrase = parts.slice(0, k).join(' ').toLowerCase().replace(trailingPunctuation, '');
    if (!signOffs.has(phrase)) continue;
    const rest = parts.slice(k).join(' ').replace(leadingComma, '').replace(trailingPunctuation, '');
    if (!rest || isNameLike(rest, 3)) return true;
  }
  return false;
}

// --------------------------------------------------------------- signatures

const nameWord = /^(?:[A-Z][\p{L}'’-]*\.?|[A-Z]\.)$/u;
const nameParticles = new Set(['de', 'van', 'von', 'der', 'da', 'di', 'la', 'le', 'bin', 'al', 'el']);
export const isNameWord = (word: string): boolean => word.length <= 30 && nameWord.test(word);

/** "Nicola", "Nicola Barratt", "Dr Grace Okafor": 1 to `max` capitalised words, nothing else. */
export function isNameLike(line: string, max = 4): boolean {
  if (!line || line.length > 40) return false;
  const words = line.split(spaces);
  if (words.length > max) return false;
  return isNameWord(words[0]) && words.every((w) => isNameWord(w) || nameParticles.has(w));
}

/** What a line of a signature block can be. */
export type SignatureLine = 'name' | 'role' | 'phone' | 'email' | 'web' | 'address';

/** Job titles and organisations: a short line with one of these words (or pairs) is a signature's role line. */
const roleWords: ReadonlySet<string> = new Set([
  'officer', 'manager', 'worker', 'lead', 'leader', 'coordinator', 'co-ordinator', 'practitioner', 'teacher', 'headteacher', 'nurse',
  'midwife', 'adviser', 'advisor', 'assistant', 'director', 'administrator', 'consultant', 'specialist', 'psychologist', 'psychiatrist',
  'therapist', 'clinician', 'counsellor', 'counselor', 'senco', 'dsl', 'supervisor', 'inspector', 'constable', 'sergeant', 'detective',
  'paediatrician', 'solicitor', 'guardian', 'mentor', 'caseworker', 'chair', 'secretary', 'principal', 'deputy',
  'council', 'school', 'academy', 'college', 'university', 'nhs', 'trust', 'hospital', 'surgery', 'police', 'constabulary', 'services',
  'department', 'directorate', 'team', 'hub', 'partnership', 'foundation', 'charity', 'ltd', 'limited', 'cic', 'borough', 'county',
  'nursery', 'pre-school', 'centre', 'center',
]);
const rolePairs: ReadonlySet<string> = new Set(['head of', 'health visitor', 'designated safeguarding', 'social care', 'local authority']);
const nonWordChars = /[^a-z'’-]+/;

function hasRoleWord(line: string): boolean {
  const list = line.toLowerCase().split(nonWordChars);
  for (let i = 0; i < list.length; i++) {
    if (roleWords.has(list[i])) return true;
    if (i + 1 < list.length && rolePairs.has(`${list[i]} ${list[i + 1]}`)) return true;
  }
  return false;
}

const phoneNumber = /(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\b0)\d[\d \t-]{7,14}\d/;
const phoneLabel = /^(?:tel(?:ephone)?|phone|mob(?:ile)?|direct(?:[ \t]+(?:line|dial))?|office|work|switchboard|fax|ddi|[tmpw])\b/i;
const emailLabel = /^(?:e-?mail|e)\b/i;
const webLine = /^(?:web(?:site)?[ \t]*(?::[ \t]*)?)?(?:https?:\/\/|www\.)[^\s]+$/i;
const postcode = /\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b/;
/**
 * Ends like a sentence: "?" or "!", or a full stop after three lower-case
 * letters or digits ("...this week.", "in 2026."), not "Ltd.", "Inc." or "J.".
 */
const sentenceStop = /[\p{Ll}\d"'”’)]{3}\.$|[?!]$/u;
export const endsLikeSentence = (line: string): boolean => sentenceStop.test(line);
const nonDigits = /\D/g;

/** Classify a short line as part of a signature block, or not. */
export function signatureLineOf(line: string): SignatureLine | undefined {
  if (line.length > 100) return undefined;
  const phone = phoneNumber.exec(line);
  const digits = phone ? phone[0].replace(nonDigits, '').length : 0;
  if (phone && digits >= 10 && digits <= 13) {
    if (phoneLabel.test(line) || line.length - phone[0].length <= 15) return 'phone';
  }
  const email = emailSpan(line);
  if (email) {
    if (emailLabel.test(line) || line.length - (email[1] - email[0]) <= 12) return 'email';
  }
  if (webLine.test(line)) return 'web';
  if (postcode.test(line) && line.length <= 80) return 'address';
  if (endsLikeSentence(line) || line.length > 80 || line.split(spaces).length > 10) return undefined;
  if (hasRoleWord(line)) return 'role';
  if (isNameLike(line)) return 'name';
  return undefined;
}

// ------------------------------------------------------------ email address

const localChar = /[\w.+-]/;
const domainAfter = /^[A-Za-z0-9-]+\.[A-Za-z0-9]/;
const domainChar = /[A-Za-z0-9.-]/;

/** Offsets of the first email address in `s` (found from its "@", so linear). */
export function emailSpan(s: string): [number, number] | undefined {
  for (let at = s.indexOf('@'); at > 0; at = s.indexOf('@', at + 1)) {
    if (!localChar.test(s[at - 1]) || !domainAfter.test(s.slice(at + 1, at + 66))) continue;
    let start = at;
    while (start > 0 && localChar.test(s[start - 1])) start--;
    let end = at + 1;
    while (end < s.length && domainChar.test(s[end])) end++;
    while (s[end - 1] === '.') end--;
    return [start, end];
  }
  return undefined;
}

export const hasEmailAddress = (s: string): boolean => emailSpan(s) !== undefined;

/** Every pattern in this module, for the ReDoS check. */
export const patterns: readonly RegExp[] = [
  headerLine, inlineHeader, leadingEmphasis, dashedTitle, beginForwarded, wrote, wroteAnywhere, letterOrDigit, wroteAtEnd,
  startsWithOn, clockTime, year, numericDate, shortWeekday, quotationNext, pronounBeforeWrote, mailAfterE, needsNormalising, anyPhraseKey, mobile, cid, cidImage, imagePlaceholder, classificationPrefix,
  markingDescriptor, greeting, trailingPunctuation, letterCloseStart, greetingEnd, leadingComma, spaces, nameWord, nonWordChars, phoneNumber, phoneLabel,
  emailLabel, webLine, postcode, sentenceStop, nonDigits, localChar, domainAfter, domainChar,
];
