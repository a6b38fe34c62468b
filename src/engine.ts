// The engine: gives each enabled rule a context, walks the two trees once
// dispatching every node to the rules that asked for its type, then turns
// reports into messages (ids, URLs, severities, filled templates, positions),
// drops those in excluded scopes or switched off by comments, and sorts them.
import type { Nodes as MdastNodes } from 'mdast';
import type { Paragraph as NlcstParagraph } from 'nlcst';
import type { LintMessage } from './types.js';
import type { ParsedNote, BlockData } from './parse.js';
import { alwaysExcluded, type ScopeName } from './scopes.js';
import { docsBase, fillTemplate, type ReportDescriptor, type Rule, type RuleContext, type RuleVisitors, type SentenceInfo } from './rule.js';
import { readDirectives, isSuppressed } from './directives.js';

export interface EnabledRule {
  rule: Rule<any>;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

export interface EngineOptions {
  filePath: string;
  /** Every rule id that exists (enabled or not), to check in-note comments. */
  knownRuleIds: ReadonlySet<string>;
}

export function docsUrl(rule: Rule<any>): string {
  return rule.meta.url ?? `${docsBase}${rule.id}/README.md`;
}

/** docsUrl once per rule: every message carries it, and a long run keeps tens of thousands. */
const docsUrls = new WeakMap<Rule<any>, string>();
function cachedDocsUrl(rule: Rule<any>): string {
  let url = docsUrls.get(rule);
  if (url === undefined) docsUrls.set(rule, (url = docsUrl(rule)));
  return url;
}

/** The scopes where a rule's reports are dropped, once per rule. */
const excludedScopeLists = new WeakMap<Rule<any>, ScopeName[]>();
function cachedExcludedScopes(rule: Rule<any>): ScopeName[] {
  let scopes = excludedScopeLists.get(rule);
  if (!scopes) {
    const excluded = new Set<ScopeName>([...alwaysExcluded, ...(rule.meta.ignore ?? [])]);
    for (const scope of rule.meta.reportIn ?? []) excluded.delete(scope);
    excludedScopeLists.set(rule, (scopes = [...excluded]));
  }
  return scopes;
}

export function runRules(note: ParsedNote, rules: readonly EnabledRule[], options: EngineOptions): LintMessage[] {
  const messages: LintMessage[] = [];
  const sentences = collectSentences(note);
  const sentenceAt = (offset: number) => findSentence(sentences, offset);

  const noteMessage = (start: number, end: number, messageId: string, message: string, severity: 1 | 2 = 2): LintMessage => {
    const a = note.pointAt(start);
    const b = note.pointAt(end);
    return { ruleId: null, messageId, severity, message, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, range: [start, end] };
  };

  if (note.frontmatter.error) {
    const at = note.frontmatter.error.offset;
    messages.push(noteMessage(at, at, 'frontMatter', `The front matter could not be read: ${note.frontmatter.error.message}. Rules that need it (dates, author, child) were skipped for it.`));
  }

  const directives = readDirectives(note, options.knownRuleIds);
  for (const problem of directives.problems) messages.push(noteMessage(problem.start, problem.end, 'unknownRule', problem.message));

  const dispatch = new Map<string, Array<(node: unknown) => void>>();
  const finishers: Array<() => void> = [];

  for (const enabled of rules) {
    const { rule } = enabled;
    const excludedScopes = cachedExcludedScopes(rule);
    // A rule that throws is reported once and not called again on this note.
    const guard = (fn: (node?: unknown) => void) => (node?: unknown) => {
      if (failed) return;
      try {
        fn(node);
      } catch (error) {
        messages.push(noteMessage(0, 0, 'ruleFailed', `Rule "${rule.id}" failed on this note and was skipped: ${(error as Error).message}. Please report this.`));
        failed = true;
      }
    };
    let failed = false;
    const context: RuleContext = {
      filePath: options.filePath,
      text: note.text,
      kind: note.kind,
      frontmatter: note.frontmatter,
      mdast: note.mdast,
      nlcst: note.nlcst,
      scopes: note.scopes,
      sentences,
      sentenceAt,
      pointAt: note.pointAt,
      report: (descriptor) => {
        const message = toMessage(descriptor, enabled, note);
        if (excludedScopes.some((scope) => note.scopes.has(scope, message.range[0]))) return;
        if (isSuppressed(directives, rule.id, message)) return;
        messages.push(message);
      },
    };
    let visitors: RuleVisitors = {};
    guard(() => {
      visitors = enabled.rule.create(context, enabled.options);
    })();
    if (failed) continue;
    for (const [type, visitor] of Object.entries(visitors)) {
      if (!visitor) continue;
      // Wrapped once per rule and note, not once per node.
      const guarded = guard(visitor as (node?: unknown) => void);
      if (type === 'document:end') {
        finishers.push(guarded);
        continue;
      }
      let list = dispatch.get(type);
      if (!list) dispatch.set(type, (list = []));
      list.push(guarded);
    }
  }

  // nlcst types end in "Node" (rule.ts): a walk of the mdast only when some
  // rule visits an mdast type, and into sentences only when one visits what
  // they hold (most rules stop at 'SentenceNode').
  const types = [...dispatch.keys()];
  if (types.some((type) => !type.endsWith('Node'))) walk(note.mdast as MdastNodes, dispatch, true);
  if (types.some((type) => type.endsWith('Node'))) walk(note.nlcst as unknown as MdastNodes, dispatch, types.some((type) => insideSentences.has(type)));
  for (const finish of finishers) finish();

  return withoutHidden(messages, rules).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || String(a.ruleId).localeCompare(String(b.ruleId)));
}

/** Drops the reports inside a report of a rule whose meta.hides names their rule. */
function withoutHidden(messages: LintMessage[], rules: readonly EnabledRule[]): LintMessage[] {
  const covers: Cover[] = [];
  for (const { rule } of rules) {
    if (!rule.meta.hides?.length) continue;
    const ranges = messages.filter((m) => m.ruleId === rule.id).map((m) => m.range).sort((a, b) => a[0] - b[0]);
    if (ranges.length === 0) continue;
    let furthest = -1;
    covers.push({ ruleId: rule.id, hides: rule.meta.hides, starts: ranges.map((r) => r[0]), furthestEnds: ranges.map((r) => (furthest = Math.max(furthest, r[1]))) });
  }
  if (covers.length === 0) return messages;
  const hidden = ({ ruleId, range }: LintMessage) =>
    ruleId !== null && covers.some((c) => c.ruleId !== ruleId && (c.hides.includes('*') || c.hides.includes(ruleId)) && covered(c, range));
  return messages.filter((m) => !hidden(m));
}

/** One rule's reports, by start, and the furthest end of any of them up to each. */
interface Cover {
  ruleId: string;
  hides: readonly string[];
  starts: number[];
  furthestEnds: number[];
}

/** Whether some report of the cover starts at or before the range and ends at or after it (binary search: a long note has thousands). */
function covered(cover: Cover, [start, end]: [number, number]): boolean {
  let lo = 0;
  let hi = cover.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cover.starts[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && cover.furthestEnds[lo - 1] >= end;
}

/** The nlcst types found only inside sentences, and white space, also found outside them. */
const insideSentences = new Set(['WordNode', 'TextNode', 'SymbolNode', 'PunctuationNode', 'WhiteSpaceNode', 'SourceNode']);

/**
 * One depth-first walk, no recursion (a note may nest lists 1,000 deep);
 * `intoSentences: false` leaves out what is inside nlcst sentences.
 */
function walk(root: MdastNodes, dispatch: Map<string, Array<(node: unknown) => void>>, intoSentences: boolean): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop() as { type: string; children?: unknown[] };
    const visitors = dispatch.get(node.type);
    if (visitors) for (const visit of visitors) visit(node);
    if (node.children && (intoSentences || node.type !== 'SentenceNode')) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function toMessage(descriptor: ReportDescriptor, enabled: EnabledRule, note: ParsedNote): LintMessage {
  const { rule, severity } = enabled;
  const template = rule.meta.messages[descriptor.messageId];
  if (template === undefined) throw new Error(`reported unknown message id "${descriptor.messageId}"`);
  const range = descriptor.range ?? nodeRange(descriptor.node);
  if (!range) throw new Error(`reported "${descriptor.messageId}" without a position`);
  const [start, end] = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= note.text.length)) {
    throw new Error(`reported "${descriptor.messageId}" at an invalid range ${start}-${end}`);
  }
  const a = note.pointAt(start);
  const b = note.pointAt(end);
  const message: LintMessage = {
    ruleId: rule.id,
    messageId: descriptor.messageId,
    severity,
    message: fillTemplate(template, descriptor.data, rule.id),
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    range: [start, end],
    actual: descriptor.actual ?? note.text.slice(start, end),
    expected: descriptor.expected ?? [],
    url: cachedDocsUrl(rule),
  };
  if (descriptor.note) message.note = descriptor.note;
  if (descriptor.fix) {
    if (rule.meta.fixable !== 'safe') throw new Error('reported a fix but its meta.fixable is not "safe"');
    const fixRange = descriptor.fix.range ?? range;
    if (!(fixRange[0] >= 0 && fixRange[0] <= fixRange[1] && fixRange[1] <= note.text.length)) throw new Error('reported a fix outside the note');
    message.fix = { range: [fixRange[0], fixRange[1]], text: descriptor.fix.text };
  }
  return message;
}

function nodeRange(node: ReportDescriptor['node']): [number, number] | undefined {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

function collectSentences(note: ParsedNote): SentenceInfo[] {
  const sentences: SentenceInfo[] = [];
  note.nlcst.children.forEach((paragraph, p) => {
    if (paragraph.type !== 'ParagraphNode') return;
    const block = (paragraph as NlcstParagraph).data as unknown as BlockData;
    for (const node of paragraph.children) {
      if (node.type !== 'SentenceNode' || !node.position) continue;
      const start = node.position.start.offset!;
      const end = node.position.end.offset!;
      sentences.push({ node, start, end, text: note.text.slice(start, end), index: sentences.length, block, paragraph: p });
    }
  });
  return sentences;
}

function findSentence(sentences: readonly SentenceInfo[], offset: number): SentenceInfo | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
