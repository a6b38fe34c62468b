// Sentence-level fixes to parse-english for the way case notes are written.
import type { Paragraph, Sentence, SentenceContent } from 'nlcst';
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
