// Sentence-level fixes to parse-english for the way case notes are written.
import type { Paragraph, Sentence, SentenceContent, WhiteSpace } from 'nlcst';
import { toString } from 'nlcst-to-string';
import type { ScopeIndex } from './scopes.js';

// Abbreviations with a full stop that social-care notes use mid-sentence and
// parse-english does not know ("Dr." and "Mrs." it handles). "no." only counts
// before a number ("ref. no. 12"), since "No." is also a whole answer.
const alwaysAbbreviation = new Set([
  'approx', 'tel', 'ref', 'dob', 'd.o.b', 'cllr', 'prof', 'sgt', 'insp', 'supt', 'det', 'rev',
  'incl', 'mob', 'ext', 'dept', 'nb', 'n.b', 'vs', 'cf', 'e.g', 'i.e', 'a.k.a', 'pp', 'fig', 'est', 'nos',
]);
const beforeNumber = new Set(['no', 'nos']);

export function mergeAbbreviationSentences(paragraph: Paragraph): void {
  const children = paragraph.children;
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index];
    if (sentence.type !== 'SentenceNode') continue;
    const last = sentence.children[sentence.children.length - 1];
    const word = sentence.children[sentence.children.length - 2];
    if (!last || !word || last.type !== 'PunctuationNode' || last.value !== '.' || word.type !== 'WordNode') continue;
    const value = toString(word).toLowerCase();
    const next = nextSentence(children, index);
    if (!next) continue;
    const known = alwaysAbbreviation.has(value) || (beforeNumber.has(value) && startsWithNumber(next.sentence));
    if (!known) continue;
    // Fold the full stop into the word and the next sentence into this one.
    word.children.push(last);
    sentence.children.pop();
    if (word.position && last.position) word.position.end = last.position.end;
    sentence.children.push(...(children.slice(index + 1, next.index) as SentenceContent[]), ...next.sentence.children);
    children.splice(index + 1, next.index - index);
    if (sentence.position && next.sentence.position) sentence.position.end = next.sentence.position.end;
    index--;
  }
}

function nextSentence(children: Paragraph['children'], index: number) {
  for (let i = index + 1; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'SentenceNode') return { sentence: child, index: i };
    if (child.type !== 'WhiteSpaceNode') return undefined;
  }
  return undefined;
}

function startsWithNumber(sentence: Sentence): boolean {
  const first = sentence.children.find((c) => c.type !== 'WhiteSpaceNode');
  return first !== undefined && first.type === 'WordNode' && /^\d/.test(toString(first));
}

const opening = new Set(['“', '‘', '"', "'", '«']);
const closing: Record<string, string[]> = { '“': ['”', '"'], '‘': ['’', "'"], '"': ['"', '”'], "'": ["'", '’'], '«': ['»'] };

/**
 * Mark text between quotation marks as the 'quote' scope: someone's own words.
 * Works on the tokens of one paragraph, so an unclosed quote ends with it.
 * Apostrophes inside words ("don't") are part of the word token and never
 * open a quote; a single quote opens only before a word and after a space.
 */
export function markQuotations(paragraph: Paragraph, scopes: ScopeIndex): void {
  if (!paragraph.children.some((node) => (node.type === 'SentenceNode' ? node.children.some(holdsOpening) : holdsOpening(node as SentenceContent)))) return;
  const tokens: SentenceContent[] = [];
  for (const sentence of paragraph.children) {
    if (sentence.type === 'SentenceNode') tokens.push(...sentence.children);
    else tokens.push(sentence as SentenceContent);
  }
  let open: { mark: string; start: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'PunctuationNode' || !token.position) continue;
    for (const mark of token.value) {
      if (open) {
        if (closing[open.mark].includes(mark) && !(isSingle(mark) && wordFollows(tokens, i))) {
          scopes.add('quote', open.start, token.position.end.offset!);
          open = undefined;
        }
      } else if (opening.has(mark) && (!isSingle(mark) || (wordFollows(tokens, i) && !wordPrecedes(tokens, i)))) {
        open = { mark, start: token.position.start.offset! };
      }
    }
  }
  const lastToken = tokens[tokens.length - 1];
  if (open && lastToken?.position) scopes.add('quote', open.start, lastToken.position.end.offset!);
}

/** Most paragraphs quote nobody: they are passed over without a list of their tokens. */
function holdsOpening(token: SentenceContent): boolean {
  if (token.type !== 'PunctuationNode') return false;
  for (const mark of token.value) if (opening.has(mark)) return true;
  return false;
}

const isSingle = (mark: string) => mark === "'" || mark === '‘' || mark === '’';
const wordFollows = (tokens: SentenceContent[], i: number) => tokens[i + 1]?.type === 'WordNode';
const wordPrecedes = (tokens: SentenceContent[], i: number) => tokens[i - 1]?.type === 'WordNode';

/** The block a paragraph came from, as `breakAtTitleLines` needs it. */
export interface LineBlock {
  /** Offsets of the block in the note. */
  start: number;
  end: number;
  inList: boolean;
  /** Offsets of its bold and italic runs, in order of their starts. */
  emphasis: ReadonlyArray<readonly [number, number]>;
}

/** The most words in a title or form line: "Return home interview – Leah Marsden (14)". */
const titleWords = 8;
/**
 * The narrowest hard wrap assumed when a block's own lines cannot show its
 * width: notes pasted from email or typed in an editor wrap at 72–80 columns.
 */
const narrowestWrap = 60;
/** A line that ends in one of these runs on into the next: "Present were Mum and⏎Dad". */
const runOnWords = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'with', 'by', 'for', 'in', 'on', 'at', 'from', 'into', 'about',
  'that', 'who', 'which', 'as', 'than', 'is', 'are', 'was', 'were', 'his', 'her', 'their', 'my', 'our', 'your', 'its',
]);
/** Words after the first that make a line a clause, not a title ("Jordan was seen at placement"), unless it opens with a question word. */
const clauseWords = new Set([
  'is', 'are', 'was', 'were', 'am', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could',
  'should', 'shall', 'may', 'might', 'must', 'said', 'says', 'told', 'tells', 'stated', 'states', 'reported', 'reports',
  'explained', 'asked', 'agreed', 'felt', 'feels', 'thinks', 'thought', 'wants', 'wanted',
]);
const questionWords = new Set(['what', 'why', 'how', 'when', 'where', 'who', 'which']);
/** Marks that end a sentence or show that a line goes on. */
const continuingMarks = /[.!?:;,\-–—&/]$/;
/** Marks that close a line without ending it: brackets, quotation marks, emphasis. */
const closingMarks = /^[)\]}”’"'*_»]+$/;
const bullet = /^[-*•+·▪‣◦]$/;
const lineBreak = /\r\n|\r|\n/g;

/**
 * End a sentence at a single line break after a title or form line
 * ("About Ibrahim⏎Ibrahim is 10.", "Placement: Oak House⏎SW: L. Ashworth",
 * "**Parents' views**⏎mum was hostile"), which parse-english joins with the
 * next line; and mark titles and form labels as the 'title' scope.
 *
 * Hard-wrapped prose must stay whole, so a line ends a sentence only when it
 * starts one, is short, has no final punctuation and no word that runs on,
 * the next line starts with a capital, and the break was not the wrap's: the
 * next line's first word would have fitted on the line. A bold or italic line
 * (all of it) ends its sentence whatever follows.
 */
export function breakAtTitleLines(paragraph: Paragraph, text: string, block: LineBlock, scopes: ScopeIndex): void {
  const children = paragraph.children;
  let widest = -1;
  // Runs that are one line at most ("*Mum said she was fine⏎and left*" is wrapped prose), visited line by line.
  const lineRuns = block.emphasis.filter(([from, to]) => !/[\r\n]/.test(text.slice(from, to)));
  let run = 0;
  const emphasised = (start: number, end: number) => {
    while (run < lineRuns.length && lineRuns[run][1] < start) run++;
    for (let i = run; i < lineRuns.length && lineRuns[i][0] <= start; i++) if (lineRuns[i][1] >= end) return true;
    return false;
  };
  const firstSentence = children.findIndex((child) => child.type === 'SentenceNode');
  /** The sentence after the last line this ended one at. */
  let afterBreak = -1;
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index];
    if (sentence.type !== 'SentenceNode' || !startsLine(children, index)) continue;
    const tokens = sentence.children;
    markLabel(tokens, text, scopes);
    let end = tokens.findIndex((token, i) => i > 0 && token.type === 'WhiteSpaceNode' && /[\r\n]/.test(token.value));
    const last = end < 0;
    if (last) end = tokens.length;
    const line = lineOf(tokens, end, block, emphasised);
    if (!line) continue;
    if (last) {
      // A line on its own before more of the note ("Return home interview – Leah (14)", then a blank line), or a
      // form's last line, is a title; the last line of prose ("... went home.⏎Next visit in two weeks") is not.
      const alone = index === firstSentence || index === afterBreak;
      if (alone && index === lastSentence(children) && line.title && /\S/.test(text.slice(block.end, block.end + 200))) addTitle(scopes, tokens, end);
      continue;
    }
    if (!line.emphasised) {
      if (!line.plain) continue;
      const at = firstWord(tokens, end + 1);
      const next = tokens[at];
      if (!next || !capitalised(next)) continue;
      // A name or title that goes on across the break: "The Multi-Agency⏎Safeguarding Hub (MASH)".
      if (line.capitalisedEnd && tokens[at + 1]?.type === 'WhiteSpaceNode' && !/[\r\n]/.test(toString(tokens[at + 1])) && capitalised(tokens[at + 2])) continue;
      if (widest < 0) widest = widestLine(text, block.start, block.end);
      const lineStart = lineStartOf(text, line.start);
      const fits = line.end - lineStart + 1 + (next.position!.end.offset! - next.position!.start.offset!) <= Math.max(widest, narrowestWrap);
      if (!fits) continue;
    }
    if (line.title) addTitle(scopes, tokens, end);
    splitSentence(children, index, end);
    afterBreak = index + 2;
  }
}

/**
 * Where the line holding `offset` starts (after LF, CR or CRLF). It scans back
 * over that line only: lastIndexOf('\r') on a note without CRs would scan to
 * the start of the note at every title line, quadratic on a long note.
 */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Is this sentence the first thing on its line? (Only then can it be a title.) */
function startsLine(children: Paragraph['children'], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const child = children[i];
    if (child.type !== 'WhiteSpaceNode') return false;
    if (/[\r\n]/.test(child.value)) return true;
  }
  return true;
}

function lastSentence(children: Paragraph['children']): number {
  for (let i = children.length - 1; i >= 0; i--) if (children[i].type === 'SentenceNode') return i;
  return -1;
}

/** What the line made of `tokens[0, end)` is. */
function lineOf(tokens: SentenceContent[], end: number, block: LineBlock, isEmphasised: (start: number, end: number) => boolean) {
  let words = 0;
  let clause = false;
  let question = false;
  for (let i = 0; i < end; i++) {
    const token = tokens[i];
    if (token.type !== 'WordNode') continue;
    const word = toString(token).toLowerCase();
    if (words === 0) question = questionWords.has(word);
    // Not the first word: "Agreed actions" is a title, "Mum agreed" a sentence.
    else clause ||= clauseWords.has(word);
    words++;
  }
  if (words === 0 || words > titleWords) return undefined;
  const start = tokens[0].position!.start.offset!;
  const lineEnd = tokens[end - 1].position!.end.offset!;
  const emphasised = isEmphasised(start, lineEnd);
  let final = end - 1;
  while (final > 0 && tokens[final].type !== 'WordNode' && closingMarks.test(toString(tokens[final]))) final--;
  const finalToken = tokens[final];
  const plain =
    !(finalToken.type !== 'WordNode' && continuingMarks.test(toString(finalToken))) &&
    !(finalToken.type === 'WordNode' && runOnWords.has(toString(finalToken).toLowerCase()));
  const bulleted = tokens[0].type !== 'WordNode' && bullet.test(toString(tokens[0]));
  // "What Leah told me" and "Why I was there" are section titles; "Jordan was seen" is a sentence without its full stop.
  const title = emphasised || (plain && (question || !clause) && !bulleted && !block.inList);
  return { start, end: lineEnd, emphasised, plain, title, capitalisedEnd: capitalised(finalToken) };
}

/** The index of the first word from `tokens[from]` on its line, past opening quotation marks and bullets (-1: none). */
function firstWord(tokens: SentenceContent[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'WordNode') return i;
    if (token.type === 'WhiteSpaceNode' && /[\r\n]/.test(token.value)) return -1;
  }
  return -1;
}

const capitalised = (token: SentenceContent | undefined) => token?.type === 'WordNode' && /^\p{Lu}/u.test(toString(token));

/** The length of the block's longest line in the source (its wrap width, if it was wrapped). */
function widestLine(text: string, start: number, end: number): number {
  let widest = 0;
  let from = start;
  lineBreak.lastIndex = start;
  for (let m = lineBreak.exec(text); ; m = lineBreak.exec(text)) {
    const to = m && m.index < end ? m.index : end;
    let width = to - from;
    while (width > 0 && (text[from + width - 1] === ' ' || text[from + width - 1] === '\t')) width--;
    widest = Math.max(widest, width);
    if (!m || m.index >= end) return widest;
    from = m.index + m[0].length;
  }
}

function addTitle(scopes: ScopeIndex, tokens: SentenceContent[], end: number): void {
  scopes.add('title', tokens[0].position!.start.offset!, tokens[end - 1].position!.end.offset!);
}

/** Make `tokens[at]` (white space) the end of the sentence at `index`, as parse-latin breaks a sentence at a blank line. */
function splitSentence(children: Paragraph['children'], index: number, at: number): void {
  const sentence = children[index] as Sentence;
  const tokens = sentence.children;
  const space = tokens[at] as WhiteSpace;
  const rest: Sentence = { type: 'SentenceNode', children: tokens.slice(at + 1) };
  sentence.children = tokens.slice(0, at);
  if (sentence.position) {
    rest.position = { start: tokens[at + 1].position!.start, end: sentence.position.end };
    sentence.position = { start: sentence.position.start, end: tokens[at - 1].position!.end };
  }
  children.splice(index + 1, 0, space, rest);
}

/**
 * A form field's label at the start of a short line ("Placement: Oak House (residential)", "**Views of the child:**"):
 * up to four words before a colon, none of them a clause's ("Mum said: ..." is speech). Before a
 * paragraph of prose ("Reason for strat: Kacey disclosed ...") the label is the author's own words.
 */
function markLabel(tokens: SentenceContent[], text: string, scopes: ScopeIndex): void {
  let words = 0;
  for (let i = 0; i < tokens.length && i < 12; i++) {
    const token = tokens[i];
    const value = toString(token);
    if (i === 0 && (token.type !== 'WordNode' || !/^\p{L}/u.test(value))) return;
    if (token.type === 'WordNode') {
      if (++words > 4 || clauseWords.has(value.toLowerCase())) return;
    } else if (token.type === 'PunctuationNode' && value === ':') {
      const start = tokens[0].position!.start.offset!;
      const after = text.charAt(token.position!.end.offset!);
      if (words > 0 && (after === '' || /[\s*_]/.test(after)) && isShortLine(text, start)) scopes.add('title', start, tokens[i - 1].position!.end.offset!);
      return;
    } else if (token.type === 'WhiteSpaceNode' ? /[\r\n]/.test(value) : !/^[-'’/&()*_]+$/.test(value)) {
      return;
    }
  }
}

/** Has the line from `start` on at most `titleWords` words? */
function isShortLine(text: string, start: number): boolean {
  let words = 0;
  const word = /[\p{L}\p{N}]+|[\r\n]/gu;
  word.lastIndex = start;
  for (let m = word.exec(text); m && m[0] !== '\n' && m[0] !== '\r'; m = word.exec(text)) if (++words > titleWords) return false;
  return true;
}
