// The rule API. A rule is metadata plus `create(context, options)`, which
// returns visitors keyed by node type: mdast types are lower case
// ('paragraph', 'heading', 'code', 'yaml', 'blockquote'...), nlcst types end
// in "Node" ('ParagraphNode', 'SentenceNode', 'WordNode'...), so one object
// can hold both. 'document:end' runs once after both trees were walked.
import type { Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot, Sentence } from 'nlcst';
import type { GuidanceId } from './guidance.js';
import type { FrontMatter, NoteKind, BlockData } from './parse.js';
import type { ScopeIndex, ScopeName } from './scopes.js';

export type OptionSpec =
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'number'; default: number; description: string; min?: number; integer?: boolean }
  | { type: 'string'; default: string; description: string }
  | { type: 'enum'; default: string; values: readonly string[]; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string }
  /** A map of string to string, such as a glossary of abbreviations. */
  | { type: 'record'; default: Readonly<Record<string, string>>; description: string }
  /** A map of check names to on/off. */
  | { type: 'switches'; default: Readonly<Record<string, boolean>>; description: string };

export interface RuleMeta {
  type: 'problem' | 'suggestion';
  description: string;
  /** Passages of the practice standards this rule enforces. */
  guidance: GuidanceId[];
  /** Message templates by message id; placeholders are `{name}`. */
  messages: Record<string, string>;
  /** 'safe': some reports carry a fix --fix applies. 'suggestion': reports only suggest. */
  fixable: false | 'suggestion' | 'safe';
  options?: Record<string, OptionSpec>;
  defaultSeverity: 'warn' | 'error';
  /**
   * Scopes where this rule's reports are dropped, on top of code, front
   * matter, HTML and URLs (which are never prose).
   */
  ignore?: ScopeName[];
  /**
   * Scopes this rule is allowed to report in although they are normally
   * excluded ('frontmatter' for metadata rules, for example).
   */
  reportIn?: ScopeName[];
  /**
   * Rules whose reports inside one of this rule's reports are dropped ('*':
   * every other rule), because this report already asks for that text to
   * change: a pasted email is summarised as a whole, a jargon phrase
   * replaced as a whole takes its abbreviation with it.
   */
  hides?: string[];
  /** Docs URL; built-in rules default to their README. */
  url?: string;
  /** A bad and a good example for --explain. */
  examples?: { bad: string; good: string };
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Offsets in the note; or give `node` with a position. */
  range?: [number, number];
  node?: { position?: { start: { offset?: number }; end: { offset?: number } } };
  actual?: string;
  expected?: string[];
  note?: string;
  /** A replacement for `range` (or the given range); only when the rule is fixable 'safe'. */
  fix?: { range?: [number, number]; text: string };
}

export interface SentenceInfo {
  node: Sentence;
  /** Offsets of the sentence in the note. */
  start: number;
  end: number;
  /** The sentence as written in the source (with Markdown inside it). */
  text: string;
  /** Index in `context.sentences`. */
  index: number;
  /** Where its paragraph came from. */
  block: BlockData;
  /** Index of its nlcst paragraph in the note. */
  paragraph: number;
}

export interface RuleContext {
  readonly filePath: string;
  readonly text: string;
  readonly kind: NoteKind;
  readonly frontmatter: FrontMatter;
  readonly mdast: MdastRoot;
  readonly nlcst: NlcstRoot;
  readonly scopes: ScopeIndex;
  /** Every prose sentence of the note in order, built once and shared by all rules. */
  readonly sentences: readonly SentenceInfo[];
  /** The sentence that holds an offset. */
  sentenceAt(offset: number): SentenceInfo | undefined;
  pointAt(offset: number): { line: number; column: number };
  report(descriptor: ReportDescriptor): void;
}

type Visitor = (node: any) => void;

export interface RuleVisitors {
  [nodeType: string]: Visitor | undefined;
  'document:end'?: () => void;
}

export interface Rule<Options = Record<string, unknown>> {
  id: string;
  meta: RuleMeta;
  create(context: RuleContext, options: Options): RuleVisitors;
}

/** Docs for every built-in rule live beside it. */
export const docsBase = 'https://github.com/recordlint/recordlint/blob/main/rules/';

export function defineRule<Options = Record<string, unknown>>(rule: Rule<Options>): Rule<Options> {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(rule.id)) throw new Error(`rule id "${rule.id}" must be kebab-case`);
  for (const id of Object.keys(rule.meta.messages)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) throw new Error(`rule ${rule.id}: message id "${id}" must be camelCase`);
  }
  return rule;
}

export class OptionsError extends Error {}

/** Defaults merged with what the config gives, checked against the schema. */
export function resolveOptions(rule: Rule<any>, given: unknown, where: string): Record<string, unknown> {
  const schema = rule.meta.options ?? {};
  const result: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) result[name] = structuredClone(spec.default);
  if (given === undefined) return result;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new OptionsError(`${where}: options for "${rule.id}" must be an object`);
  }
  for (const [name, value] of Object.entries(given)) {
    const spec = schema[name];
    if (!spec) {
      const known = Object.keys(schema);
      throw new OptionsError(
        `${where}: "${rule.id}" has no option "${name}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes no options)'}`,
      );
    }
    const problem = checkOption(spec, value);
    if (problem) throw new OptionsError(`${where}: option "${name}" of "${rule.id}" ${problem}`);
    result[name] = spec.type === 'switches' ? { ...(spec.default as object), ...(value as object) } : value;
  }
  return result;
}

function checkOption(spec: OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (spec.integer && !Number.isInteger(value)) return 'must be a whole number';
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
      return undefined;
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? undefined : `must be one of ${spec.values.map((v) => `"${v}"`).join(', ')}`;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'must be a list of strings';
    case 'record':
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string') ? undefined : 'must be an object of "key": "text" pairs';
    case 'switches': {
      if (!isPlainObject(value)) return 'must be an object of "check": true/false pairs';
      const known = Object.keys(spec.default);
      for (const [key, v] of Object.entries(value)) {
        if (!known.includes(key)) return `has no check "${key}" (checks: ${known.join(', ')})`;
        if (typeof v !== 'boolean') return `"${key}" must be true or false`;
      }
      return undefined;
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each template split once at its placeholders: text, name, text, name, ..., text. */
const templateParts = new Map<string, string[]>();

/** Fill `{name}` placeholders; a missing value is a bug in the rule. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}, ruleId = ''): string {
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (!(name in data)) throw new Error(`rule ${ruleId}: message needs "{${name}}" but the report gave no such data`);
    message += String(data[name]) + parts[i + 1];
  }
  return message;
}
