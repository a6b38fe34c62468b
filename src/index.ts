// recordlint's public API, and the pipeline the command line runs:
// arguments -> notes -> config per note -> read -> lint (-> fix) -> results.
//
//   import { lintFiles, getFormatter } from 'recordlint';
//   const results = await lintFiles(['notes/']);
//   const stylish = await getFormatter('stylish');
//   console.log(stylish(results, { cwd: process.cwd(), color: false, rulesMeta: {} }));
//
// README "Use it from code" documents it and test/api.test.ts uses it as a
// consumer would (installed in node_modules, and from TypeScript). Plugins
// (src/plugins.ts) import defineRule and definePlugin from here.
import path from 'node:path';
import type { LintMessage, LintResult } from './types.js';
import type { ResolvedConfig } from './linter.js';
import type { RuleSetting } from './presets.js';
import type { Rule, RuleMeta } from './rule.js';
import { Linter, makeResult } from './linter.js';
import { docsUrl } from './engine.js';
import { kindOf, type NoteKind } from './parse.js';
import { RuleRegistry } from './registry.js';
import { ConfigLoader, type ConfigObject } from './config.js';
import { applyFixes } from './fix.js';
import { compileIgnorePatterns, expandPatterns, loadIgnoreFile, readNote } from './files.js';
import { writeFixedNotes } from './fix-files.js';

export type { LintMessage, LintResult, Severity, SeverityName, SeverityInput, Fix } from './types.js';
export type { ResolvedConfig, RuleConfig } from './linter.js';
export type { Rule, RuleMeta, RuleContext, ReportDescriptor, OptionSpec } from './rule.js';
export type { RuleSetting } from './presets.js';
export type { ConfigObject, ConfigLoaderOptions } from './config.js';
export type { Formatter, FormatterContext } from './reporters/index.js';
export { defineRule, OptionsError } from './rule.js';
export { Linter, makeResult } from './linter.js';
export { RuleRegistry } from './registry.js';
export { presets } from './presets.js';
export { guidance } from './guidance.js';
export { ConfigError, ConfigLoader, loadConfig } from './config.js';
export { NoFilesError } from './files.js';
export { getFormatter, formatterNames, FormatterError } from './reporters/index.js';
export type { Plugin, PluginPreset, LoadedPlugin } from './plugins.js';
export { definePlugin, PluginError } from './plugins.js';
export type { Preset } from './presets.js';
export type { Lexicon, LexiconEntry } from './lexicon.js';
export { LexiconError, validateLexicon, loadLexiconFile } from './lexicon.js';

export interface RecordlintOptions {
  /** Base for relative paths and the ignore file. Default: process.cwd(). */
  cwd?: string;
  /** Use this config file for every note instead of searching (--config). */
  configFile?: string;
  /** Use this config object for every note instead of searching. */
  config?: ConfigObject;
  /** false: no config files, only the recommended preset (--no-config). */
  useConfigFiles?: boolean;
  /** Rule settings on top of any config (--rule). */
  rules?: Record<string, RuleSetting>;
  /** false: no ignore file and no ignorePatterns (--no-ignore). */
  ignore?: boolean;
  /** The ignore file. Default: `.recordlintignore` in cwd. */
  ignorePath?: string;
  /** A file, directory or glob that finds nothing is an error. Default true. */
  errorOnUnmatchedPattern?: boolean;
  /** Apply safe fixes (results get `output`; write them with `outputFixes`). */
  fix?: boolean;
  /** The rules: the built-in ones and those the configs' plugins add. Default: a new registry. */
  registry?: RuleRegistry;
}

export interface LintTextOptions {
  /** Where the text would live: picks Markdown or plain text, and the config. */
  filePath?: string;
  /** true: return no result when filePath is ignored (.recordlintignore, ignorePatterns), as the CLI does for stdin. */
  skipIgnored?: boolean;
}

/** The most passes --fix makes (a fix can make room for another), as ESLint. */
const maxFixPasses = 10;

export class Recordlint {
  readonly registry: RuleRegistry;
  readonly linter: Linter;
  readonly configs: ConfigLoader;
  readonly cwd: string;
  private readonly options: RecordlintOptions;
  private ignoreFile?: (file: string) => boolean;

  constructor(options: RecordlintOptions = {}) {
    this.options = options;
    this.cwd = path.resolve(options.cwd ?? process.cwd());
    this.registry = options.registry ?? new RuleRegistry();
    this.linter = new Linter(this.registry);
    this.configs = new ConfigLoader({
      registry: this.registry,
      cwd: this.cwd,
      configFile: options.configFile,
      config: options.config,
      useConfigFiles: options.useConfigFiles,
      ruleOverrides: options.rules,
    });
    if (options.ignore !== false) this.ignoreFile = loadIgnoreFile(path.resolve(this.cwd, options.ignorePath ?? '.recordlintignore'));
  }

  /**
   * Read the config that applies in cwd (or the one given), loading the
   * plugins it names into the registry, so that their rules are listed and
   * explained. Returns the registry.
   */
  async loadPlugins(): Promise<RuleRegistry> {
    await this.configs.forDirectory(this.cwd);
    return this.registry;
  }

  /** The config that applies to a file (it need not exist). */
  calculateConfigForFile(filePath: string): Promise<ResolvedConfig> {
    return this.configs.forFile(path.resolve(this.cwd, filePath));
  }

  /** Whether the ignore file or the config's ignorePatterns exclude a file. */
  async isIgnored(filePath: string): Promise<boolean> {
    if (this.options.ignore === false) return false;
    const file = path.resolve(this.cwd, filePath);
    if (this.ignoreFile?.(file)) return true;
    const config = await this.calculateConfigForFile(file);
    return ignoredBy(config, this.cwd)(file);
  }

  /** Lint files, directories and globs. Problems with single files become fatal messages. */
  lintFiles(patterns: readonly string[]): Promise<LintResult[]> {
    return this.lintFilesWith(patterns, (file, text) => this.lintFile(file, text));
  }

  /**
   * The notes that patterns find, in order, each read and given to lintNote;
   * a note that cannot be found or read becomes a fatal result. --cache
   * (src/cache.ts) lints through here too, so it finds the same notes.
   */
  async lintFilesWith(patterns: readonly string[], lintNote: (file: string, text: string) => Promise<LintResult>): Promise<LintResult[]> {
    const { entries } = await expandPatterns(patterns, {
      cwd: this.cwd,
      errorOnUnmatchedPattern: this.options.errorOnUnmatchedPattern,
      isIgnored: (file) => this.isIgnored(file),
    });
    const results: LintResult[] = [];
    for (const { filePath, problem } of entries) {
      if (problem) {
        results.push(fatalResult(filePath, problem.messageId, problem.message));
        continue;
      }
      const read = readNote(filePath);
      results.push(read.ok ? await lintNote(filePath, read.text) : fatalResult(filePath, read.messageId, read.message));
    }
    return results;
  }

  private async lintFile(file: string, text: string): Promise<LintResult> {
    const config = await this.calculateConfigForFile(file);
    return this.lintWithFixes(text, file, config, kindOf(file));
  }

  /** Lint a text, such as stdin. Without filePath it is Markdown and the config is searched from cwd. */
  async lintText(text: string, options: LintTextOptions = {}): Promise<LintResult[]> {
    const filePath = options.filePath ? path.resolve(this.cwd, options.filePath) : '<text>';
    const config = options.filePath ? await this.calculateConfigForFile(filePath) : await this.configs.forDirectory(this.cwd);
    if (options.filePath && options.skipIgnored && (await this.isIgnored(filePath))) return [];
    return [await this.lintWithFixes(text, filePath, config, options.filePath ? kindOf(filePath) : 'markdown')];
  }

  private async lintWithFixes(text: string, filePath: string, config: ResolvedConfig, kind: NoteKind): Promise<LintResult> {
    let result = await this.linter.lintText(text, filePath, config, kind);
    if (!this.options.fix) return result;
    let current = text;
    for (let pass = 0; pass < maxFixPasses && result.messages.some((m) => m.fix); pass++) {
      const { output, applied } = applyFixes(current, result.messages);
      if (!applied.length || output === current) break;
      current = output;
      result = await this.linter.lintText(current, filePath, config, kind);
    }
    if (current !== text) result.output = current;
    return result;
  }

  /** Metadata of the rules that appear in results, for reporters. */
  async rulesMetaFor(results: readonly LintResult[]): Promise<Record<string, RuleMeta>> {
    const meta: Record<string, RuleMeta> = {};
    for (const result of results) {
      for (const m of result.messages) {
        if (!m.ruleId || meta[m.ruleId] || !this.registry.has(m.ruleId)) continue;
        const rule = await this.registry.load(m.ruleId);
        meta[m.ruleId] = { ...rule.meta, url: docsUrl(rule) };
      }
    }
    return meta;
  }

  loadAllRules(): Promise<Array<Rule<any>>> {
    return this.registry.loadAll();
  }
}

/** Write fixed notes back (atomically, keeping a byte order mark the file had). */
export function outputFixes(results: readonly LintResult[]): void {
  // The same writer as --fix: atomic, keeps the note's mode, owner and byte order mark.
  const { failures } = writeFixedNotes(results);
  if (failures.length) {
    const [first] = failures;
    throw Object.assign(new Error(`cannot write the fixed note "${first.filePath}": ${first.reason}`), { filePath: first.filePath });
  }
}

/** Only the errors (--quiet). Counts are recomputed; the source is kept. */
export function errorsOnly(results: readonly LintResult[]): LintResult[] {
  return results.map((r) => {
    const kept = makeResult(r.filePath, r.messages.filter((m) => m.severity === 2), r.source);
    if (r.output !== undefined) kept.output = r.output;
    return kept;
  });
}

/** A file that could not be linted: one fatal error at 1:1, shown by every reporter. */
export function fatalResult(filePath: string, messageId: string, message: string): LintResult {
  const fatal: LintMessage = { ruleId: null, messageId, severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1, range: [0, 0], fatal: true };
  return makeResult(filePath, [fatal]);
}

function ignoredBy(config: ResolvedConfig, cwd: string): (file: string) => boolean {
  let matcher = ignoreMatchers.get(config);
  if (!matcher) {
    matcher = compileIgnorePatterns(config.ignorePatterns, config.filePath ? path.dirname(config.filePath) : cwd);
    ignoreMatchers.set(config, matcher);
  }
  return matcher;
}
const ignoreMatchers = new WeakMap<ResolvedConfig, (file: string) => boolean>();

/** Lint a text with the config that applies to `filePath` (or the given config). */
export async function lintText(text: string, options: Omit<LintTextOptions, 'skipIgnored'> & RecordlintOptions = {}): Promise<LintResult> {
  const [result] = await new Recordlint(options).lintText(text, { filePath: options.filePath });
  return result;
}

/** Lint files, directories and globs, as the command line does. */
export function lintFiles(patterns: string | readonly string[], options: RecordlintOptions = {}): Promise<LintResult[]> {
  return new Recordlint(options).lintFiles(typeof patterns === 'string' ? [patterns] : patterns);
}
