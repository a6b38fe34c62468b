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
  Word,
} from 'nlcst';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { ParseEnglish } from 'parse-english';
import { location } from 'vfile-location';
import yaml from 'js-yaml';
import { ScopeIndex, type ScopeName } from './scopes.js';
import { alignText } from './align.js';
import { mergeAbbreviationSentences, markQuotations } from './sentences.js';

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

/** Our parser: parse-english plus social-care abbreviations that end in a dot. */
class NoteParser extends ParseEnglish {
  /** When set, the next `tokenize` call returns these ready-made tokens. */
  pending: SentenceContent[] | undefined;

  constructor() {
    super();
    // Before parse-latin's own merges and position patching run.
    this.tokenizeParagraphPlugins.unshift(mergeAbbreviationSentences);
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
  const place = location(text);
  const pointAt = (offset: number) => {
    const point = place.toPoint(offset) ?? place.toPoint(text.length);
    if (point) return { line: point.line, column: point.column };
    return { line: 1, column: 1 };
  };
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

function parseMarkdown(text: string): MdastRoot {
  return markdownProcessor.parse(text) as MdastRoot;
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
      const paragraph = tokenizeBlock(node, text, scopes, pointAt);
      if (paragraph) {
        paragraph.data = { block: node.type, ...nesting } satisfies BlockData;
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

/** Tokenise the inline content of one block into an nlcst paragraph. */
function tokenizeBlock(
  block: MdastParagraph | MdastHeading,
  text: string,
  scopes: ScopeIndex,
  pointAt: ParsedNote['pointAt'],
): NlcstParagraph | undefined {
  const tokens: SentenceContent[] = [];
  const visit = (node: MdastNodes) => {
    const pos = node.position;
    switch (node.type) {
      case 'text': {
        if (!pos || !node.value) return;
        const map = alignText(node.value, text, pos.start.offset!, pos.end.offset!);
        for (const token of parser.tokenize(node.value)) {
          relocate(token, map, pointAt);
          tokens.push(token);
        }
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
      default:
        if ('children' in node) for (const child of (node as MdastParent).children) visit(child as MdastNodes);
    }
  };
  for (const child of block.children) visit(child as MdastNodes);
  if (!tokens.some((t) => t.type === 'WordNode')) return undefined;
  parser.pending = tokens;
  const paragraph = parser.tokenizeParagraph('');
  parser.pending = undefined;
  return paragraph;
}

function positionOf(start: number, end: number, pointAt: ParsedNote['pointAt']) {
  return { start: { ...pointAt(start), offset: start }, end: { ...pointAt(end), offset: end } };
}

/** Move a token (and its children) from value offsets to source offsets. */
function relocate(
  node: SentenceContent | Word['children'][number],
  map: { start: Int32Array; end: Int32Array },
  pointAt: ParsedNote['pointAt'],
): void {
  if (node.position) {
    const s = node.position.start.offset!;
    const e = node.position.end.offset!;
    const start = map.start[s] ?? map.start[map.start.length - 1];
    const end = e > s ? map.end[e - 1] : start;
    node.position = positionOf(start, end, pointAt);
  }
  if ('children' in node) for (const child of node.children) relocate(child as SentenceContent, map, pointAt);
}

/** Bare URLs and email addresses in prose are never linted as words. */
const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+|\bmailto:[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
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
      urlPattern.lastIndex = 0;
      for (let m = urlPattern.exec(slice); m; m = urlPattern.exec(slice)) {
        const value = m[0].replace(/[.,;:!?]+$/, '');
        scopes.add('url', start + m.index, start + m.index + value.length);
      }
    }
    if ('children' in node) for (const child of (node as MdastParent).children) visit(child as MdastNodes);
  };
  visit(mdast);
}

export type { ScopeName, Sentence };
