// Finds pasted emails in a note, as blocks of lines.
//
// 1. Lines: each line of the raw text, with its Markdown list and blockquote
//    markers stripped (a `>` marks the line as quoted), trailing whitespace
//    trimmed (CRLF and CR handled). Lines in code or front matter, headings and
//    thematic breaks are barriers: nothing is found in them and no block
//    crosses them. Lines that are only HTML count as blank.
// 2. Segments: runs of lines that carry a signal (signals.ts), each with a
//    role: a HEAD opens an email (header block, separator, "On ... wrote:",
//    greeting), a TAIL closes one (sign-off or "-- " with the short lines
//    under it, signature block, disclaimer paragraph, "Sent from my iPhone"),
//    a MID can stand anywhere (inline image, protective marking,
//    external-email banner).
// 3. Blocks: segments are joined in order. The next segment joins the block
//    when only blank lines (at most two) lie between them, or, while the block
//    is open (its last head was not yet followed by a tail), when at most
//    MAX_BODY_LINES lines of body lie between: the email's own text between
//    its head and its tail. A head after body joins only an email opened by a
//    strong head (a chain of replies with no sign-off between them).
//    A block takes in the whole `>`-quoted run it touches, and the quoted run
//    right after an "On ... wrote:", header block or separator. A block that
//    ends on its head (no tail followed) takes the paragraph after the head:
//    the email's body, as far as it can be told.
// 4. A block is a pasted email when it has a strong signal, or weak ones that
//    only an email has together (see `isPastedEmail`).
//
// Linear in the length of the note: every line is classified once, and the
// gaps between segments are disjoint.
import type { ScopeIndex } from '../../src/scopes.js';
import * as S from './signals.js';

/** Non-blank lines of body allowed between an email's head and what follows it. */
export const MAX_BODY_LINES = 40;

export type StrongKind = 'headers' | 'separator' | 'attribution' | 'disclaimer' | 'external' | 'footer' | 'mobile' | 'inlineImage';
export type WeakKind = 'headerPair' | 'greeting' | 'signOff' | 'signature' | 'contact' | 'marking' | 'sigDelimiter' | 'imagePlaceholder' | 'quoted';
export type SignalKind = StrongKind | WeakKind;

const strongKinds: ReadonlySet<SignalKind> = new Set<SignalKind>(['headers', 'separator', 'attribution', 'disclaimer', 'external', 'footer', 'mobile', 'inlineImage']);

export interface Signal {
  kind: SignalKind;
  /** 0-based line where it starts. */
  line: number;
  /** Header names, separator kind, signature line kinds, the line's text: whatever the label needs. */
  detail: string[];
}

type Role = 'head' | 'tail' | 'mid';

interface Segment {
  start: number;
  end: number;
  role: Role;
  strong: boolean;
  signal: Signal;
  /** A head whose email text follows on the same line (line breaks lost): no body to take below it. */
  inline?: boolean;
}

interface Line {
  /** Offset where the line's text starts, after indentation and list/blockquote markers. */
  contentStart: number;
  /** Offset after the line's last non-blank character. */
  end: number;
  content: string;
  quote: boolean;
  blank: boolean;
  barrier: boolean;
  /** A line of ten or more underscores (Outlook's separator, or a thematic break). */
  underscores: boolean;
  /** The line starts a list item: a new paragraph. */
  item: boolean;
}

export interface EmailBlock {
  /** Offsets of the block: the first line's text to the end of the last line's text. */
  start: number;
  end: number;
  /** 0-based first and last line. */
  startLine: number;
  endLine: number;
  signals: Signal[];
}

export interface DetectOptions {
  /** The note's scopes, to leave code and front matter alone. */
  scopes?: Pick<ScopeIndex, 'has'>;
  /** Markdown: `#` lines are headings, lazy blockquote lines are quoted. */
  markdown: boolean;
  /** The child's name from the front matter: a letter to the child is not an email. */
  child?: string;
}

const atxHeading = /^#{1,6}(?:[ \t]|$)/;
const whitespace = /\s+/;
const nonNameChars = /[^\p{L}'’-]+/u;

// ------------------------------------------------------------------ lines

function readLines(text: string, options: DetectOptions): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let eol = start;
    while (eol < text.length) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    lines.push(readLine(text, start, eol, options, lines[lines.length - 1]));
    if (eol >= text.length) break;
    start = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
  }
  return lines;
}

const isSpace = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

function readLine(text: string, start: number, eol: number, options: DetectOptions, previous: Line | undefined): Line {
  let end = eol;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const rule = thematicBreak(text, start, end);
  let i = start;
  let quote = false;
  let item = false;
  // Strip indentation, blockquote markers and list markers, in any order.
  for (;;) {
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i >= end) break;
    if (c === 62 /* > */) {
      quote = true;
      i++;
      continue;
    }
    const next = i + 1 >= end || isSpace(text.charCodeAt(i + 1));
    if ((c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */ || c === 0x2022 /* • */) && next) {
      i++;
      item = true;
      continue;
    }
    let j = i;
    while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    const after = text.charCodeAt(j);
    if (j > i && (after === 46 /* . */ || after === 41 /* ) */) && (j + 1 >= end || isSpace(text.charCodeAt(j + 1)))) {
      i = j + 1;
      item = true;
      continue;
    }
    break;
  }
  const contentStart = Math.min(i, end);
  const content = text.slice(contentStart, end);
  let blank = content.length === 0;
  let barrier = rule !== 'none';
  const scopes = options.scopes;
  if (scopes) {
    const first = blank ? start : contentStart;
    const last = blank ? start : end - 1;
    const hidden = (offset: number) => scopes.has('code', offset) || scopes.has('frontmatter', offset);
    if (hidden(first) && hidden(last)) barrier = true;
    else if (!blank && scopes.has('html', first) && scopes.has('html', last)) blank = true;
    // A lazy continuation line of a Markdown blockquote.
    if (!quote && !blank && options.markdown && previous?.quote && !previous.blank && scopes.has('blockquote', contentStart)) quote = true;
  }
  if (!barrier && !blank && options.markdown && atxHeading.test(content)) barrier = true;
  return { contentStart, end, content, quote, blank, barrier, underscores: rule === 'underscores', item };
}

/** `---`, `***`, `___` (spaces allowed): a Markdown thematic break; ten or more underscores may be Outlook's. */
function thematicBreak(text: string, start: number, end: number): 'none' | 'rule' | 'underscores' {
  let mark = 0;
  let count = 0;
  let spaced = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (count) spaced = true;
      continue;
    }
    if (c !== 45 && c !== 42 && c !== 95) return 'none';
    if (mark && c !== mark) return 'none';
    mark = c;
    count++;
  }
  if (count < 3) return 'none';
  return mark === 95 && count >= 10 && !spaced ? 'underscores' : 'rule';
}

// --------------------------------------------------------------- segments

function findSegments(lines: Line[], paragraphEnd: Int32Array, paragraphStart: Int32Array, options: DetectOptions): Segment[] {
  // A signal inside quotation marks or inline code is prose about an email ("the footer said 'please notify the sender'").
  const cited = (line: Line, index: number) => {
    const at = line.contentStart + index;
    return !!options.scopes && (options.scopes.has('quote', at) || options.scopes.has('code', at));
  };
  const segments: Segment[] = [];
  const push = (start: number, end: number, role: Role, kind: SignalKind, detail: string[] = [], inline = false) => {
    segments.push({ start, end, role, strong: strongKinds.has(kind), signal: { kind, line: start, detail }, inline });
  };
  // What each line would be in a signature, and where the run of such lines from it ends.
  const signatureKind: Array<S.SignatureLine | undefined> = lines.map((l) =>
    l.blank || l.barrier || S.headerOf(l.content) ? undefined : S.signatureLineOf(l.content),
  );
  // Under a sign-off or "-- ", any short line that is not a sentence is signature too ("Single Point of Access").
  const underSignOff = (i: number) => {
    const line = lines[i];
    if (line.blank || line.barrier) return false;
    if (signatureKind[i]) return true;
    return line.content.length <= 60 && !S.endsLikeSentence(line.content) && !S.headerOf(line.content) && !S.isSignOff(line.content);
  };
  // Computed only under sign-offs, and each line at most once.
  const signatureRunEnd = new Int32Array(lines.length).fill(-1);
  /** The signature under a sign-off or "-- ": the run of short lines after line `i`, up to a blank line or a sentence. */
  const signatureEnd = (i: number): number => {
    let end = i;
    while (signatureRunEnd[end] < 0 && end + 1 < lines.length && underSignOff(end + 1)) end++;
    if (signatureRunEnd[end] >= 0) end = signatureRunEnd[end];
    for (let k = i; k <= end && signatureRunEnd[k] < 0; k++) signatureRunEnd[k] = end;
    return end;
  };

  let headers: { start: number; end: number; keys: string[]; address: boolean; inline: boolean } | undefined;
  const flushHeaders = () => {
    if (!headers) return;
    const { start, end, keys, address, inline } = headers;
    headers = undefined;
    if (keys.length < 2) return;
    const emailOnly = keys.some((k) => S.emailOnlyHeaders.has(k));
    const subjectWithSender = keys.includes('subject') && (keys.includes('from') || keys.includes('to'));
    const names = keys.map((k) => S.headerNames[k]);
    push(start, end, 'head', emailOnly || subjectWithSender || address ? 'headers' : 'headerPair', names, inline);
  };

  let signature: { start: number; end: number; kinds: S.SignatureLine[] } | undefined;
  const flushSignature = () => {
    if (!signature) return;
    const { start, end, kinds } = signature;
    signature = undefined;
    if (end === start) return;
    const contact = kinds.some((k) => k === 'phone' || k === 'email' || k === 'web');
    if (!contact) return;
    const details = kinds.filter((k) => k !== 'name');
    push(start, end, 'tail', details.length >= 2 ? 'signature' : 'contact', details);
  };

  const nextNonBlank = (i: number, maxBlanks: number): number => {
    let j = i + 1;
    for (let blanks = 0; j < lines.length && lines[j].blank && !lines[j].barrier && blanks < maxBlanks; blanks++) j++;
    return j < lines.length && !lines[j].blank && !lines[j].barrier ? j : -1;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (headers && i - headers.end > 2) flushHeaders();
    if (line.barrier) {
      const next = line.underscores ? nextNonBlank(i, 1) : -1;
      if (next >= 0 && S.headerOf(lines[next].content)) {
        // Outlook's line of underscores before a reply's headers.
        line.barrier = false;
        flushSignature();
        push(i, i, 'head', 'separator', ['underscores']);
        continue;
      }
      flushHeaders();
      flushSignature();
      continue;
    }
    if (line.blank) {
      flushSignature();
      continue;
    }
    const text = line.content;

    // Header lines, and header names run together on one line.
    const header = S.headerOf(text);
    const inline = text.indexOf(':') !== text.lastIndexOf(':') ? S.inlineHeaderKeys(text) : [];
    if (header || inline.length >= 2) {
      if (!headers || i - headers.end > 2) {
        flushHeaders();
        headers = { start: i, end: i, keys: [], address: false, inline: false };
      }
      headers.end = i;
      // Three or more header names on one line: the breaks were lost and the email runs on in this line.
      headers.inline = inline.length >= 3;
      for (const key of header ? [header.key, ...inline] : inline) if (!headers.keys.includes(key)) headers.keys.push(key);
      if (header && (header.key === 'from' || header.key === 'to' || header.key === 'cc' || header.key === 'reply-to') && S.hasEmailAddress(header.value)) {
        headers.address = true;
      }
    }

    const separator = S.separatorOf(text);
    if (separator && !cited(line, separator.index)) push(i, i, 'head', 'separator', [separator.kind]);

    const on = S.attributionIn(text);
    if (on >= 0) {
      if (!cited(line, on)) push(i, i, 'head', 'attribution', [], !S.endsWithWrote(text));
    } else {
      const next = i + 1 < lines.length && !lines[i + 1].blank && !lines[i + 1].barrier ? i + 1 : -1;
      if (next >= 0 && S.isWrappedAttribution(text, lines[next].content)) push(i, next, 'head', 'attribution');
    }

    const footer = S.footerOf(text);
    if (footer && !cited(line, footer.index)) {
      // A disclaimer is a paragraph: take all of it.
      push(paragraphStart[i], paragraphEnd[i], footer.kind === 'external' ? 'mid' : 'tail', footer.kind);
    }
    if (S.isMobileSignature(text)) push(i, i, 'tail', 'mobile', [text]);
    const image = S.inlineImageIn(text);
    if (image >= 0 && !cited(line, image)) push(i, i, 'mid', 'inlineImage');
    else if (S.isImagePlaceholder(text)) push(i, i, 'mid', 'imagePlaceholder');
    if (S.isMarking(text)) push(i, i, 'mid', 'marking', [S.stripMarkingEdges(text)]);
    if (S.isSignatureDelimiter(text)) push(i, signatureEnd(i), 'tail', 'sigDelimiter');

    if (header || inline.length >= 2) {
      flushSignature();
      continue;
    }
    if (S.isGreeting(text)) {
      flushSignature();
      push(i, i, 'head', 'greeting', [text]);
      continue;
    }
    if (S.isSignOff(text)) {
      flushSignature();
      // "Many thanks," and the name (and signature) under it, a blank line apart at most.
      const next = nextNonBlank(i, 1);
      const end = next >= 0 && underSignOff(next) ? signatureEnd(next) : i;
      push(i, end, 'tail', 'signOff', S.isLetterClose(text) ? ['letter'] : []);
      continue;
    }
    const kind = signatureKind[i];
    if (kind) {
      if (signature && signature.end === i - 1) {
        signature.end = i;
        if (!signature.kinds.includes(kind)) signature.kinds.push(kind);
      } else {
        flushSignature();
        signature = { start: i, end: i, kinds: [kind] };
      }
    } else flushSignature();
  }
  flushHeaders();
  flushSignature();
  return segments.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ----------------------------------------------------------------- blocks

interface Block {
  start: number;
  end: number;
  signals: Signal[];
  last: Segment;
  /** The head that opened the email, until a tail closes it. */
  openHead: Segment | undefined;
}

export function findPastedEmails(text: string, options: DetectOptions): EmailBlock[] {
  const lines = readLines(text, options);
  const n = lines.length;

  // Paragraphs (runs of non-blank lines; a list item starts a new one) and `>`-quoted runs, both ways.
  const paragraphStart = new Int32Array(n);
  const paragraphEnd = new Int32Array(n);
  const quoteStart = new Int32Array(n);
  const quoteEnd = new Int32Array(n);
  const inParagraph = (l: Line) => !l.blank && !l.barrier;
  const quoted = (l: Line) => l.quote && !l.barrier;
  for (let i = 0; i < n; i++) {
    paragraphStart[i] = i > 0 && inParagraph(lines[i]) && inParagraph(lines[i - 1]) && !lines[i].item ? paragraphStart[i - 1] : i;
    quoteStart[i] = i > 0 && quoted(lines[i]) && quoted(lines[i - 1]) ? quoteStart[i - 1] : i;
  }
  for (let i = n - 1; i >= 0; i--) {
    paragraphEnd[i] = i < n - 1 && inParagraph(lines[i]) && inParagraph(lines[i + 1]) && !lines[i + 1].item ? paragraphEnd[i + 1] : i;
    quoteEnd[i] = i < n - 1 && quoted(lines[i]) && quoted(lines[i + 1]) ? quoteEnd[i + 1] : i;
  }

  const segments = findSegments(lines, paragraphEnd, paragraphStart, options);
  const blocks: EmailBlock[] = [];

  const absorb = (block: Block, segment: Segment) => {
    block.end = Math.max(block.end, segment.end);
    block.signals.push(segment.signal);
    block.last = segment;
    if (segment.role === 'head') block.openHead ??= segment;
    else if (segment.role === 'tail') block.openHead = undefined;
    extendOverQuotes(block);
  };

  const extendOverQuotes = (block: Block) => {
    if (quoted(lines[block.start])) block.start = quoteStart[block.start];
    if (quoted(lines[block.end])) {
      block.end = quoteEnd[block.end];
      return;
    }
    const last = block.last;
    if (!(last.strong && last.role === 'head' && last.end === block.end)) return;
    let j = block.end + 1;
    if (j < n && lines[j].blank && !lines[j].quote && !lines[j].barrier) j++;
    if (j < n && quoted(lines[j])) {
      block.end = quoteEnd[j];
      block.signals.push({ kind: 'quoted', line: j, detail: [] });
    }
  };

  const canJoin = (block: Block, segment: Segment): boolean => {
    let blanks = 0;
    let body = 0;
    for (let k = block.end + 1; k < segment.start; k++) {
      const line = lines[k];
      if (line.barrier) return false;
      if (line.blank) blanks++;
      else body++;
    }
    if (body === 0) return blanks <= 2;
    const head = block.openHead;
    if (!head || body > MAX_BODY_LINES) return false;
    return segment.role !== 'head' || head.strong;
  };

  const finish = (block: Block, limit: number) => {
    // An email that ends on its head: take the paragraph after it, its body
    // (not a list item: that is the note's own next point).
    if (block.last.role === 'head' && !block.last.inline && block.end === block.last.end) {
      let j = block.end + 1;
      for (let blanks = 0; j < limit && lines[j].blank && !lines[j].barrier && blanks < 2; blanks++) j++;
      if (j < limit && inParagraph(lines[j]) && !lines[j].item) block.end = Math.min(quoted(lines[j]) ? Math.max(paragraphEnd[j], quoteEnd[j]) : paragraphEnd[j], limit - 1);
    }
    let { start, end } = block;
    while (end > start && lines[end].blank) end--;
    while (start < end && lines[start].blank) start++;
    blocks.push({ start: lines[start].contentStart, end: lines[end].end, startLine: start, endLine: end, signals: block.signals });
  };

  let block: Block | undefined;
  for (const segment of segments) {
    if (block && (segment.start <= block.end || canJoin(block, segment))) {
      absorb(block, segment);
      continue;
    }
    if (block) finish(block, segment.start);
    block = { start: segment.start, end: segment.end, signals: [], last: segment, openHead: undefined };
    absorb(block, segment);
  }
  if (block) finish(block, n);

  return blocks.filter((b) => isPastedEmail(b.signals, options.child));
}

// ---------------------------------------------------------------- verdict

/**
 * Strong: any one of header block, separator, "On ... wrote:", disclaimer,
 * external-email banner, email footer, "Sent from my ...", [cid:...].
 * Weak, only together: a sign-off followed by a full signature block (a job
 * title, phone, email, web or postal address: two kinds, one a contact), or
 * three of greeting / sign-off / signature / From-To header pair / protective
 * marking / "-- " / image placeholder, one of them a signature or header pair.
 * A letter to the child ("Dear Maya,") with weak signals only is not an email,
 * and a letter's close ("Yours sincerely") is not an email's sign-off.
 */
export function isPastedEmail(signals: readonly Signal[], child: string | undefined): boolean {
  const kinds = new Set(signals.map((s) => s.kind));
  if (signals.some((s) => strongKinds.has(s.kind))) return true;
  if (child) {
    const first = child.trim().split(whitespace)[0]?.toLowerCase();
    const greeting = signals.find((s) => s.kind === 'greeting');
    if (first && greeting && greeting.detail[0]?.toLowerCase().split(nonNameChars).includes(first)) return false;
  }
  // "Yours sincerely" closes a letter, not an email: it does not count as a sign-off.
  const signOff = signals.some((s) => s.kind === 'signOff' && !s.detail.includes('letter'));
  if (signOff && kinds.has('signature')) return true;
  const signature = kinds.has('signature') || kinds.has('contact');
  const weak = [kinds.has('greeting'), signOff, signature, kinds.has('headerPair'), kinds.has('marking'), kinds.has('sigDelimiter'), kinds.has('imagePlaceholder')];
  return weak.filter(Boolean).length >= 3 && (signature || kinds.has('headerPair'));
}

// ------------------------------------------------------------- description

const separatorLabels: Record<string, string> = {
  original: 'an "Original Message" separator',
  forwarded: 'a "Forwarded message" separator',
  beginForwarded: '"Begin forwarded message:"',
  underscores: 'Outlook\'s line of underscores',
};
const signatureWords: Record<string, string> = {
  role: 'job title',
  phone: 'phone number',
  email: 'email address',
  web: 'web address',
  address: 'postal address',
};
/** The reasons a message gives, most telling first. */
const strongOrder: StrongKind[] = ['headers', 'attribution', 'disclaimer', 'separator', 'mobile', 'external', 'footer', 'inlineImage'];
const weakOrder: WeakKind[] = ['quoted', 'signature', 'contact', 'greeting', 'signOff', 'headerPair', 'marking', 'sigDelimiter', 'imagePlaceholder'];

function label(kind: SignalKind, all: Signal[]): string {
  const first = all[0];
  switch (kind) {
    case 'headers': {
      const names: string[] = [];
      for (const s of all) for (const name of s.detail) if (!names.includes(name)) names.push(name);
      return all.length > 1 ? `${all.length} ${names.join('/')} header blocks` : `a ${names.join('/')} header block`;
    }
    case 'headerPair':
      return `a ${first.detail.join('/')} header pair`;
    case 'separator':
      return all.length > 1 ? `${all.length} reply or forward separators` : separatorLabels[first.detail[0]];
    case 'attribution':
      return all.length > 1 ? `${all.length} "On … wrote:" reply lines` : 'an "On … wrote:" reply line';
    case 'quoted':
      return '">"-quoted reply text';
    case 'disclaimer':
      return 'a confidentiality disclaimer';
    case 'external':
      return 'an "external email" warning';
    case 'footer':
      return 'an email footer notice';
    case 'mobile':
      return `"${first.detail[0]}"`;
    case 'inlineImage':
      return 'an inline image reference ([cid:…])';
    case 'imagePlaceholder':
      return 'an "[image: …]" placeholder';
    case 'marking':
      return `a protective marking (${first.detail[0]})`;
    case 'greeting':
      return 'a greeting';
    case 'signOff':
      return 'a sign-off';
    case 'signature':
    case 'contact': {
      const words: string[] = [];
      for (const s of all) for (const d of s.detail) if (signatureWords[d] && !words.includes(signatureWords[d])) words.push(signatureWords[d]);
      return `a signature block (${words.join(', ')})`;
    }
    case 'sigDelimiter':
      return 'a "-- " signature line';
  }
}

/** "a From/Sent/To/Subject header block and a confidentiality disclaimer": why the block looks pasted. At most `max` reasons. */
export function describeSignals(signals: readonly Signal[], max = 4): string {
  const byKind = new Map<SignalKind, Signal[]>();
  for (const s of signals) {
    // A full signature and a contact-only one read the same.
    const kind = s.kind === 'contact' ? 'signature' : s.kind;
    const list = byKind.get(kind);
    if (list) list.push(s);
    else byKind.set(kind, [s]);
  }
  const kinds = [...strongOrder, ...weakOrder].filter((k) => byKind.has(k));
  const labels = kinds.slice(0, max).map((k) => label(k, byKind.get(k)!));
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Every pattern in this module, for the ReDoS check (signals.ts has its own list). */
export const patterns: readonly RegExp[] = [atxHeading, whitespace, nonNameChars];
