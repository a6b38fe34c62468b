// One parse per note. Markdown goes through remark-parse (+ front matter) to
// mdast; the prose blocks of that tree (paragraphs, headings) are then
// tokenised with parse-english, the parser inside retext-english, into nlcst.
//
// We build nlcst ourselves instead of using remark-retext because its
// positions are wrong after blockquote and list-item continuation lines,
// backslash escapes and character references (see docs/DESIGN.md): every text
// node's value is aligned with its source slice here, so each word's offsets
// slice back to exactly that word in the original file.
import type {
  Root as MdastRoot,
  Nodes as MdastNodes,
  Parent as MdastParent,
  Paragraph as MdastParagraph,
  Heading as MdastHeading,
} from 'mdast';
import type {
  Root as NlcstRoot,
  Paragraph as NlcstParagraph,
  Sentence,
  SentenceContent,
} from 'nlcst';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { ParseEnglish } from 'parse-english';
import yaml from 'js-yaml';
import { ScopeIndex, type ScopeName } from './scopes.js';
import { alignText, type OffsetMap } from './align.js';
// Before any parse: linear time for notes with many block quotes.
import './micromark-edit-map.js';
import { mergeAbbreviationSentences, markQuotations, breakAtTitleLines } from './sentences.js';

export type NoteKind = 'markdown' | 'text';

export interface FrontMatter {
  /** Parsed YAML mapping, or null when there is none or it is broken. */
  data: Record<string, unknown> | null;
  /** Offsets of the whole front matter block (fences included). */
  range: [number, number] | null;
  /** Set when the YAML could not be read. */
  error?: { message: string; offset: number };
}

/** What a prose block (an nlcst paragraph) came from. */
export interface BlockData {
  /** mdast type of the block: 'paragraph' or 'heading'. */
  block: 'paragraph' | 'heading';
  /** Nesting: inside a Markdown blockquote / list item. */
  inBlockquote: boolean;
  inList: boolean;
}

export interface ParsedNote {
  text: string;
  kind: NoteKind;
  mdast: MdastRoot;
  nlcst: NlcstRoot;
  frontmatter: FrontMatter;
  scopes: ScopeIndex;
  /** 1-based line and column (UTF-16) of an offset. */
  pointAt(offset: number): { line: number; column: number };
}

const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * What in a paragraph's tokens each of parse-english's sentence plugins acts
 * on (flags, found by `triggersOf`). parse-latin runs every plugin over every
 * token of a paragraph, and in most paragraphs most of them find nothing to
 * do: a plugin whose trigger is absent is skipped, which leaves the tree as it
 * was (test/parse.test.ts compares it with stock parse-english's).
 */
const Trigger = {
  /** "'", "’" or "/": English elisions ("'tis", "rock 'n' roll", "w/"). */
  elision: 1,
  /** "&": merged into the word after it. */
  ampersand: 2,
  /** "-": merged into the word before it. */
  hyphen: 4,
  /** A symbol that joins two words ("don't", "e.g"): one of parse-latin's inner-word symbols with a word after it. */
  joined: 8,
  /** "/": between two short words ("n/a"). */
  slash: 16,
  /** ".", after a word that one of the plugins above made of several tokens ("U.S."). */
  initialism: 32,
  /** White space with two line breaks: the end of an implicit sentence. */
  lineBreaks: 64,
} as const;

/** Plugins that merge tokens into words; only after one of them can a word have more than one child. */
const wordMerges = Trigger.elision | Trigger.ampersand | Trigger.hyphen | Trigger.joined | Trigger.slash;

/**
 * The trigger of each of parse-english's sentence plugins, in its order:
 * mergeEnglishElisionExceptions, mergeInitialWordSymbol,
 * mergeFinalWordSymbol, mergeInnerWordSymbol, mergeInnerWordSlash,
 * mergeInitialisms and patchPosition. The last one (0: never run) gives a
 * position to the sentence `tokenizeParagraph` builds only to split it, which
 * nothing reads.
 */
const sentencePluginTriggers = [Trigger.elision, Trigger.ampersand, Trigger.hyphen, Trigger.joined, Trigger.slash, Trigger.initialism, 0];
/** Two of its paragraph plugins (at these indexes) are skipped when they have nothing to do. */
const mergeRemainingFullStops = 7;
const breakImplicitSentences = 10;

/**
 * mergeRemainingFullStops only moves a full stop that is not the last token
 * of its sentence. Sentences are split after each full stop, so there is one
 * only where an earlier plugin merged two sentences.
 */
function hasInnerFullStop(paragraph: NlcstParagraph): boolean {
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue;
    const children = sentence.children;
    for (let i = 0; i < children.length - 1; i++) {
      const child = children[i];
      if ((child.type === 'PunctuationNode' || child.type === 'SymbolNode') && child.value === '.') return true;
    }
  }
  return false;
}

/** parse-latin's `wordSymbolInner`: symbols that join the words around them. */
const innerWordSymbol = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/;

/** The triggers present in a paragraph's tokens (see `Trigger`). */
function triggersOf(tokens: readonly SentenceContent[]): number {
  let found = 0;
  // mergeInnerWordSymbol joins "word, inner-word symbols, word", so it needs
  // an inner-word symbol just before a word. (The merges before it take out
  // of such a run only "'", "’", "&" and "-", inner-word symbols themselves.)
  let afterInnerSymbol = false;
  for (const token of tokens) {
    if (token.type === 'PunctuationNode' || token.type === 'SymbolNode') {
      const value = token.value;
      if (value === "'" || value === '’') found |= Trigger.elision;
      else if (value === '/') found |= Trigger.elision | Trigger.slash;
      else if (value === '&') found |= Trigger.ampersand;
      else if (value === '-') found |= Trigger.hyphen;
      else if (value === '.' && token.type === 'PunctuationNode') found |= Trigger.initialism;
      afterInnerSymbol = innerWordSymbol.test(value);
    } else {
      if (token.type === 'WordNode' && afterInnerSymbol) found |= Trigger.joined;
      else if (token.type === 'WhiteSpaceNode' && token.value.length > 1 && token.value.split(/\r\n|\r|\n/).length > 2) found |= Trigger.lineBreaks;
      afterInnerSymbol = false;
    }
  }
  // A full stop only joins an initialism that another plugin made.
  if (!(found & wordMerges)) found &= ~Trigger.initialism;
  return found;
}

function onlyIf<Node>(test: (node: Node) => boolean, plugin: (node: Node) => void): (node: Node) => void {
  return (node) => {
    if (test(node)) plugin(node);
  };
}

/** Our parser: parse-english plus social-care abbreviations that end in a dot. */
class NoteParser extends ParseEnglish {
  /** When set, the next `tokenize` call returns these ready-made tokens. */
  pending: SentenceContent[] | undefined;
  /** The triggers in the `pending` tokens. */
  triggers = 0;

  constructor() {
    super();
    if (this.tokenizeSentencePlugins.length !== sentencePluginTriggers.length || this.tokenizeParagraphPlugins.length !== 13) {
      throw new Error('parse-english has other plugins than src/parse.ts expects: check their triggers');
    }
    const present = (trigger: number) => () => (this.triggers & trigger) !== 0;
    this.tokenizeSentencePlugins = this.tokenizeSentencePlugins.map((plugin, i) => onlyIf(present(sentencePluginTriggers[i]), plugin));
    const plugins = this.tokenizeParagraphPlugins;
    plugins[mergeRemainingFullStops] = onlyIf(hasInnerFullStop, plugins[mergeRemainingFullStops]);
    plugins[breakImplicitSentences] = onlyIf(present(Trigger.lineBreaks), plugins[breakImplicitSentences]);
    // Before parse-latin's own merges and position patching run.
    this.tokenizeParagraphPlugins.unshift(mergeAbbreviationSentences);
  }

  /** One nlcst paragraph of ready-made tokens, through parse-english's plugins. */
  paragraphOf(tokens: SentenceContent[]): NlcstParagraph {
    this.pending = tokens;
    this.triggers = triggersOf(tokens);
    try {
      return this.tokenizeParagraph('');
    } finally {
      this.pending = undefined;
    }
  }

  /** parse-latin's tokenizer, without the `pending` tokens. */
  tokenizeWithParseLatin(value: string): SentenceContent[] {
    return super.tokenize(value);
  }

  override tokenize(value: string | null | undefined): SentenceContent[] {
    if (this.pending) {
      const tokens = this.pending;
      this.pending = undefined;
      return tokens;
    }
    return super.tokenize(value);
  }
}

const parser = new NoteParser();

export function kindOf(filePath: string): NoteKind {
  return /\.(txt|text)$/i.test(filePath) ? 'text' : 'markdown';
}

export function parseNote(text: string, kind: NoteKind = 'markdown'): ParsedNote {
  const pointAt = pointLocator(text);
  const scopes = new ScopeIndex();
  const mdast = kind === 'markdown' ? parseMarkdown(text) : parsePlainText(text);
  const frontmatter = readFrontMatter(mdast, text, scopes);
  const paragraphs: NlcstParagraph[] = [];
  collectProse(mdast, text, paragraphs, scopes, { inBlockquote: false, inList: false }, pointAt);
  findUrls(text, mdast, scopes);
  const nlcst: NlcstRoot = { type: 'RootNode', children: paragraphs };
  if (paragraphs.length) {
    nlcst.position = {
      start: paragraphs[0].position!.start,
      end: paragraphs[paragraphs.length - 1].position!.end,
    };
  }
  scopes.seal();
  return { text, kind, mdast, nlcst, frontmatter, scopes, pointAt };
}

/**
 * `offset -> { line, column }` as vfile-location's `toPoint` gives it (a line
 * ends after LF, CRLF or a lone CR; an offset out of range is the end of the
 * text), by binary search over line ends found once: vfile-location scans
 * from the first line on every call, which made a long note quadratic.
 */
export function pointLocator(text: string): ParsedNote['pointAt'] {
  // ends[i]: the offset just after line i + 1 (the last line's is length + 1).
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) ends.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) ends.push(i + 1);
  }
  ends.push(text.length + 1);
  // The line of the last answer: offsets mostly come in order, line by line.
  let last = 0;
  return (offset: number) => {
    if (!(typeof offset === 'number' && offset > -1 && offset <= text.length)) offset = text.length;
    // The line is the first whose end is after the offset.
    let lo = last;
    if (!(ends[lo] > offset && (lo === 0 || ends[lo - 1] <= offset))) {
      lo = 0;
      let hi = ends.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid] > offset) hi = mid;
        else lo = mid + 1;
      }
      last = lo;
    }
    return { line: lo + 1, column: offset - (lo > 0 ? ends[lo - 1] : 0) + 1 };
  };
}

function parseMarkdown(text: string): MdastRoot {
  const tree = markdownProcessor.parse(text) as MdastRoot;
  // micromark drops a byte order mark and counts positions from after it (the
  // command strips it, the API may not): put them back on the text.
  if (text.charCodeAt(0) === 0xfeff) shiftPastByteOrderMark(tree);
  return tree;
}

function shiftPastByteOrderMark(tree: MdastRoot): void {
  const stack: MdastNodes[] = [tree];
  const moved = new Set<object>();
  while (stack.length) {
    const node = stack.pop()!;
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (moved.has(point)) continue;
      moved.add(point);
      if (point.offset !== undefined) point.offset++;
      if (point.line === 1) point.column++;
    }
    if ('children' in node) stack.push(...(node.children as MdastNodes[]));
  }
}

/** A plain-text note: every run of lines between blank lines is a paragraph. */
function parsePlainText(text: string): MdastRoot {
  const children: MdastParagraph[] = [];
  const blank = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))(?:[ \t]*(?:\r\n|\n|\r(?!\n)))*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const value = text.slice(start, end);
    const lead = value.length - value.trimStart().length;
    const trail = value.length - value.trimEnd().length;
    if (lead === value.length) return;
    const s = start + lead;
    const e = end - trail;
    const position = { start: { line: 0, column: 0, offset: s }, end: { line: 0, column: 0, offset: e } };
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value: text.slice(s, e), position }],
      position,
    });
  };
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return { type: 'root', children };
}

function readFrontMatter(mdast: MdastRoot, text: string, scopes: ScopeIndex): FrontMatter {
  const first = mdast.children[0];
  if (!first || first.type !== 'yaml' || !first.position) return { data: null, range: null };
  const range: [number, number] = [first.position.start.offset!, first.position.end.offset!];
  scopes.add('frontmatter', range[0], range[1]);
  // The YAML body starts after the opening fence line.
  const bodyStart = text.indexOf('\n', range[0]) + 1;
  try {
    // The JSON schema keeps dates and times as the strings the author wrote;
    // the rules that need them read them as UK local time.
    const data = yaml.load(first.value, { schema: yaml.JSON_SCHEMA });
    if (data === undefined || data === null) return { data: {}, range };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: null, range, error: { message: 'front matter is not a list of "key: value" lines', offset: range[0] } };
    }
    return { data: data as Record<string, unknown>, range };
  } catch (error) {
    const e = error as { reason?: string; message: string; mark?: { position?: number } };
    const offset = bodyStart + (e.mark?.position ?? 0);
    return {
      data: null,
      range,
      error: { message: e.reason ?? e.message.split('\n')[0], offset: Math.min(offset, range[1]) },
    };
  }
}

interface Nesting {
  inBlockquote: boolean;
  inList: boolean;
}

/** Walk the blocks; tokenise each paragraph and heading; record scopes. */
function collectProse(
  node: MdastNodes,
  text: string,
  out: NlcstParagraph[],
  scopes: ScopeIndex,
  nesting: Nesting,
  pointAt: ParsedNote['pointAt'],
): void {
  const pos = node.position;
  const range = pos ? ([pos.start.offset!, pos.end.offset!] as const) : undefined;
  switch (node.type) {
    case 'code':
    case 'inlineCode':
      if (range) scopes.add('code', range[0], range[1]);
      return;
    case 'html':
      if (range) scopes.add('html', range[0], range[1]);
      return;
    case 'yaml':
      // Its scope is 'frontmatter', added by readFrontMatter.
      return;
    case 'definition':
      if (range) scopes.add('code', range[0], range[1]);
      return;
    case 'paragraph':
    case 'heading': {
      if (range && node.type === 'heading') scopes.add('heading', range[0], range[1]);
      const emphasis: Array<[number, number]> = [];
      const paragraph = tokenizeBlock(node, text, scopes, pointAt, emphasis);
      if (paragraph) {
        paragraph.data = { block: node.type, ...nesting } satisfies BlockData;
        if (range && node.type === 'paragraph') breakAtTitleLines(paragraph, text, { start: range[0], end: range[1], inList: nesting.inList, emphasis }, scopes);
        markQuotations(paragraph, scopes);
        out.push(paragraph);
      }
      return;
    }
    case 'blockquote':
      if (range) scopes.add('blockquote', range[0], range[1]);
      for (const child of node.children) collectProse(child, text, out, scopes, { ...nesting, inBlockquote: true }, pointAt);
      return;
    case 'listItem':
      for (const child of node.children) collectProse(child, text, out, scopes, { ...nesting, inList: true }, pointAt);
      return;
    default:
      if ('children' in node) {
        for (const child of (node as MdastParent).children) collectProse(child as MdastNodes, text, out, scopes, nesting, pointAt);
      }
  }
}

/** Tokenise the inline content of one block into an nlcst paragraph; put the offsets of its bold and italic runs in `emphasis`. */
function tokenizeBlock(
  block: MdastParagraph | MdastHeading,
  text: string,
  scopes: ScopeIndex,
  pointAt: ParsedNote['pointAt'],
  emphasis: Array<[number, number]>,
): NlcstParagraph | undefined {
  const tokens: SentenceContent[] = [];
  const visit = (node: MdastNodes) => {
    const pos = node.position;
    switch (node.type) {
      case 'text': {
        if (!pos || !node.value) return;
        const from = pos.start.offset!;
        const to = pos.end.offset!;
        // Most text is the source as it is (no escapes, references or line prefixes).
        const map = to - from === node.value.length && text.startsWith(node.value, from) ? from : alignText(node.value, text, from, to);
        tokenizeText(node.value, map, pointAt, tokens);
        return;
      }
      case 'inlineCode':
        if (pos) {
          scopes.add('code', pos.start.offset!, pos.end.offset!);
          tokens.push({ type: 'SourceNode', value: node.value, position: positionOf(pos.start.offset!, pos.end.offset!, pointAt) });
        }
        return;
      case 'break':
        if (pos) tokens.push({ type: 'WhiteSpaceNode', value: '\n', position: positionOf(pos.start.offset!, pos.end.offset!, pointAt) });
        return;
      case 'html':
        if (pos) scopes.add('html', pos.start.offset!, pos.end.offset!);
        return;
      case 'image':
      case 'imageReference':
        if (pos) scopes.add('code', pos.start.offset!, pos.end.offset!);
        return;
      case 'strong':
      case 'emphasis':
        if (pos) emphasis.push([pos.start.offset!, pos.end.offset!]);
        for (const child of node.children) visit(child);
        return;
      default:
        if ('children' in node) for (const child of (node as MdastParent).children) visit(child as MdastNodes);
    }
  };
  for (const child of block.children) visit(child as MdastNodes);
  if (!tokens.some((t) => t.type === 'WordNode')) return undefined;
  return parser.paragraphOf(tokens);
}

function positionOf(start: number, end: number, pointAt: ParsedNote['pointAt']) {
  const a = pointAt(start);
  const b = pointAt(end);
  return { start: { line: a.line, column: a.column, offset: start }, end: { line: b.line, column: b.column, offset: end } };
}

type Point = { line: number; column: number; offset: number };

/** parse-latin's node type for each UTF-16 code unit, found once per process (0: not yet). */
const typeNames = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const;
const codeTypes = new Uint8Array(0x10000);
function typeOf(code: number): number {
  let type = codeTypes[code];
  if (type === 0) {
    // parse-latin's own answer for this character on its own.
    type = typeNames.indexOf(parser.tokenizeWithParseLatin(String.fromCharCode(code))[0].type as (typeof typeNames)[number]);
    codeTypes[code] = type;
  }
  return type;
}

/**
 * The tokens of a text node, exactly as parse-latin's `tokenize` splits the
 * value (runs of word characters, of white space, of one punctuation mark or
 * symbol repeated), with positions in the source: through `map` (from
 * `alignText`), or, when the value is the source as it is, from the offset
 * where it starts there. Tokenising the value and then moving every node to
 * the source cost three position objects per node, and parse-latin tests each
 * character against three large regular expressions; this classifies each
 * character once per process and builds each point once: a token starts at
 * the point object where the one before it ends (nothing changes a point,
 * parse-latin's plugins only move them from node to node).
 */
export function tokenizeText(value: string, map: OffsetMap | number, pointAt: ParsedNote['pointAt'], out: SentenceContent[]): void {
  const length = value.length;
  let from = 0;
  let previousType = 0;
  let previous = -1;
  let last: Point = { line: 0, column: 0, offset: -1 };
  const pointOf = (offset: number): Point => {
    if (offset !== last.offset) {
      const { line, column } = pointAt(offset);
      last = { line, column, offset };
    }
    return last;
  };
  const flush = (type: number, to: number) => {
    const start = pointOf(typeof map === 'number' ? map + from : map.start[from]);
    const end = pointOf(typeof map === 'number' ? map + to : map.end[to - 1]);
    const chunk = value.slice(from, to);
    if (type === 3) {
      out.push({
        type: 'WordNode',
        children: [{ type: 'TextNode', value: chunk, position: { start, end } }],
        position: { start, end },
      });
    } else {
      out.push({ type: typeNames[type] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value: chunk, position: { start, end } });
    }
  };
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    const type = typeOf(code);
    if (
      from < index &&
      !(previousType === type && (type === 3 || type === 1 || code === previous || (code >= 0xd800 && code <= 0xdfff)))
    ) {
      flush(previousType, index);
      from = index;
    }
    previousType = type;
    previous = code;
  }
  if (from < length) flush(previousType, length);
}

/**
 * Bare URLs and email addresses in prose are never linted as words.
 *
 * An address is looked for only where a run of its characters starts
 * (`(?<![\w.+-])`): tried from every position of a long run with no "@",
 * `[\w.+-]+@` read to the end of the run each time (quadratic: a 100,000-letter
 * word took seconds). The search without that condition could start an
 * address inside a run only just after its previous match ("a@b.c+d@e.f"), so
 * that one place is tried with the expression as it was (`urlAt`): the matches
 * are the same as before.
 */
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+|\bmailto:[^\s<>]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
const urlAt = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+|\bmailto:[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/iy;
/** `urlPattern` without addresses, for text with no "@": trying an address at every run of word characters was most of the search. */
const webPattern = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+|\bmailto:[^\s<>]+/gi;
const addressCharacter = /[\w.+-]/;
const trailingPunctuation = '.,;:!?';
function findUrls(text: string, mdast: MdastRoot, scopes: ScopeIndex): void {
  const visit = (node: MdastNodes) => {
    if (node.type === 'link' && node.position) {
      // Autolinks (<https://...>) show the URL as their text.
      const first = node.children[0];
      if (first && first.type === 'text' && first.value === node.url.replace(/^mailto:/, '')) {
        scopes.add('url', node.position.start.offset!, node.position.end.offset!);
      }
    }
    if (node.type === 'text' && node.position) {
      const start = node.position.start.offset!;
      const slice = text.slice(start, node.position.end.offset!);
      const addresses = slice.includes('@');
      const pattern = addresses ? urlPattern : webPattern;
      for (let from = 0; ; ) {
        let m: RegExpExecArray | null = null;
        if (addresses && from > 0 && addressCharacter.test(slice[from - 1])) {
          urlAt.lastIndex = from;
          m = urlAt.exec(slice);
        }
        if (!m) {
          pattern.lastIndex = from;
          m = pattern.exec(slice);
        }
        if (!m) break;
        from = m.index + m[0].length;
        // Without the punctuation that ends a sentence (a loop: /[.,;:!?]+$/ is quadratic on a long run of it).
        let length = m[0].length;
        while (length > 0 && trailingPunctuation.includes(m[0][length - 1])) length--;
        scopes.add('url', start + m.index, start + m.index + length);
      }
    }
    if ('children' in node) for (const child of (node as MdastParent).children) visit(child as MdastNodes);
  };
  visit(mdast);
}

export type { ScopeName, Sentence };
