// Configuration: found with cosmiconfig from each note's folder upward (the
// nearest config file wins; share settings between folders with `extends`),
// validated with one-line errors that name the file, the key and what was
// expected, and resolved to the rule settings the Linter runs.
//
//   {
//     "extends": ["recordlint:recommended", "../team.recordlintrc.json"],
//     "rules": { "no-email-paste": "error", "some-rule": ["warn", { "option": 1 }] },
//     "ignorePatterns": ["drafts/**"]
//   }
//
// A config without an `extends` key extends "recordlint:recommended", so a file
// that only switches one rule off keeps the rest; `"extends": []` starts from
// nothing. Keys that start with "//" are comments, at the top level and in
// `rules`. When no config file is found, or with --no-config, the
// recommended preset applies.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig, RuleConfig } from './linter.js';
import { presets, type RuleSetting } from './presets.js';
import { RuleRegistry } from './registry.js';
import { nearest } from './suggest.js';
import { OptionsError, resolveOptions } from './rule.js';
import type { Severity, SeverityName } from './types.js';

export const moduleName = 'recordlint';
export const defaultPreset = 'recordlint:recommended';
export const searchPlaces = [
  'package.json',
  `.${moduleName}rc`,
  `.${moduleName}rc.json`,
  `.${moduleName}rc.yaml`,
  `.${moduleName}rc.yml`,
  `.${moduleName}rc.js`,
  `.${moduleName}rc.cjs`,
  `.${moduleName}rc.mjs`,
  `${moduleName}.config.js`,
  `${moduleName}.config.cjs`,
  `${moduleName}.config.mjs`,
];
const topLevelKeys = ['extends', 'rules', 'ignorePatterns'];
const severityHelp = '"off", "warn" or "error" (or 0, 1, 2), or [severity, options]';

/** A mistake in a config file or a --rule flag; the message is one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What a config file holds, after validation. */
export interface ConfigObject {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  ignorePatterns?: string[];
}

export interface ConfigLoaderOptions {
  registry?: RuleRegistry;
  /** Paths in messages are shown relative to it. Default: process.cwd(). */
  cwd?: string;
  /** --config: use this file for every note instead of searching. */
  configFile?: string;
  /** A config given as an object (the API): used for every note, no search. */
  config?: ConfigObject;
  /** false (--no-config): no config files, the recommended preset only. */
  useConfigFiles?: boolean;
  /** --rule: settings applied on top of whatever config a note has. */
  ruleOverrides?: Record<string, RuleSetting>;
}

interface Explorer {
  search(from: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
  load(file: string): Promise<{ config: unknown; filepath: string; isEmpty?: boolean } | null>;
}

export class ConfigLoader {
  readonly registry: RuleRegistry;
  readonly cwd: string;
  private readonly options: ConfigLoaderOptions;
  private explorerReady?: Promise<Explorer>;
  /** Directory -> the config that applies to notes in it. */
  private byDirectory = new Map<string, Promise<ResolvedConfig>>();
  /** Config file -> its resolved config, one object per file so the Linter prepares its rules once. */
  private byFile = new Map<string, Promise<ResolvedConfig>>();
  /** The config when no file applies (the defaults) or the one given as an object. */
  private fixed?: Promise<ResolvedConfig>;

  constructor(options: ConfigLoaderOptions = {}) {
    this.options = options;
    this.registry = options.registry ?? new RuleRegistry();
    this.cwd = options.cwd ?? process.cwd();
  }

  /** The config for a note (it need not exist). */
  forFile(filePath: string): Promise<ResolvedConfig> {
    return this.forDirectory(path.dirname(path.resolve(this.cwd, filePath)));
  }

  forDirectory(dir: string): Promise<ResolvedConfig> {
    const { configFile, config, useConfigFiles = true } = this.options;
    if (config) return this.resolvedObject(config);
    if (configFile) return this.resolvedFile(path.resolve(this.cwd, configFile));
    if (!useConfigFiles) return this.defaults();
    const absolute = path.resolve(this.cwd, dir);
    let found = this.byDirectory.get(absolute);
    if (!found) {
      found = this.search(absolute);
      this.byDirectory.set(absolute, found);
    }
    return found;
  }

  /** The file a config came from, for messages; undefined for the defaults. */
  display(file: string): string {
    const rel = path.relative(this.cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  }

  private async search(dir: string): Promise<ResolvedConfig> {
    const parent = path.dirname(dir);
    const explorer = await this.explorer();
    let result;
    try {
      result = await explorer.search(dir);
    } catch (error) {
      throw this.loadError(error, (error as { filepath?: string }).filepath ?? dir);
    }
    if (result) return this.resolvedFile(result.filepath);
    // Nothing here: the parent's answer, shared through the cache.
    return parent === dir ? this.defaults() : this.forDirectory(parent);
  }

  private resolvedFile(file: string): Promise<ResolvedConfig> {
    let ready = this.byFile.get(file);
    if (!ready) {
      ready = this.resolveFile(file, []).then((resolved) => this.withOverrides({ ...resolved, filePath: file }));
      this.byFile.set(file, ready);
    }
    return ready;
  }

  private resolvedObject(config: ConfigObject): Promise<ResolvedConfig> {
    this.fixed ??= (async () => {
      const label = 'options.config';
      const checked = validateConfig(config, label, this.registry);
      await this.checkRuleOptions(checked, label);
      return this.withOverrides(await this.resolveObject(checked, label, this.cwd, []));
    })();
    return this.fixed;
  }

  private defaults(): Promise<ResolvedConfig> {
    this.fixed ??= Promise.resolve(this.withOverrides({ rules: presetRules(defaultPreset), ignorePatterns: [] }));
    return this.fixed;
  }

  /** Read, validate and resolve one config file and what it extends. */
  private async resolveFile(file: string, chain: readonly string[]): Promise<ResolvedConfig> {
    const label = this.display(file);
    const explorer = await this.explorer();
    let loaded;
    try {
      loaded = await explorer.load(file);
    } catch (error) {
      throw this.loadError(error, file);
    }
    const keyPrefix = path.basename(file) === 'package.json' ? `${moduleName}.` : '';
    const checked = validateConfig(loaded?.config ?? {}, label, this.registry, keyPrefix);
    await this.checkRuleOptions(checked, label, keyPrefix);
    return this.resolveObject(checked, label, path.dirname(file), [...chain, file], keyPrefix);
  }

  private async resolveObject(config: ConfigObject, label: string, dir: string, chain: readonly string[], keyPrefix = ''): Promise<ResolvedConfig> {
    const bases = config.extends === undefined ? [defaultPreset] : typeof config.extends === 'string' ? [config.extends] : config.extends;
    const rules: Record<string, RuleConfig> = {};
    const ignorePatterns: string[] = [];
    for (const base of bases) {
      if (base.startsWith(`${moduleName}:`)) {
        mergeRules(rules, presetRules(base));
        continue;
      }
      const file = path.resolve(dir, base);
      if (chain.includes(file)) {
        const loop = [...chain.slice(chain.indexOf(file)), file].map((f) => this.display(f)).join(' -> ');
        throw new ConfigError(`${label}: ${keyPrefix}extends: "${base}" extends itself in a loop (${loop})`);
      }
      const extended = await this.resolveFile(file, chain).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new ConfigError(`${label}: ${keyPrefix}extends: "${base}": no such file (looked for ${this.display(file)})`);
        }
        throw error;
      });
      mergeRules(rules, extended.rules);
      ignorePatterns.push(...extended.ignorePatterns);
    }
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      mergeRules(rules, { [id]: toRuleConfig(setting, `${label}: ${keyPrefix}rules.${id}`) });
    }
    ignorePatterns.push(...(config.ignorePatterns ?? []));
    return { rules, ignorePatterns };
  }

  /** Options are checked when the config is read, so a mistake stops the run before any note is linted. */
  private async checkRuleOptions(config: ConfigObject, label: string, keyPrefix = ''): Promise<void> {
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      if (!Array.isArray(setting) || setting[1] === undefined) continue;
      const rule = await this.registry.load(id);
      try {
        resolveOptions(rule, setting[1], `${label}: ${keyPrefix}rules.${id}`);
      } catch (error) {
        if (error instanceof OptionsError) throw new ConfigError(error.message);
        throw error;
      }
    }
  }

  private withOverrides(config: ResolvedConfig): ResolvedConfig {
    const overrides = this.options.ruleOverrides;
    if (!overrides || !Object.keys(overrides).length) return config;
    const rules = { ...config.rules };
    for (const [id, setting] of Object.entries(overrides)) mergeRules(rules, { [id]: toRuleConfig(setting, `--rule ${id}`) });
    return { ...config, rules };
  }

  private loadError(error: unknown, file: string): Error {
    // Errors of our own are complete, except a loader's, which cannot know how to show the path.
    if (error instanceof ConfigError && !(error as { filepath?: string }).filepath) return error;
    const code = (error as NodeJS.ErrnoException).code;
    const where = this.display((error as { filepath?: string }).filepath ?? file);
    if (code === 'ENOENT') return Object.assign(new ConfigError(`${where}: config file not found`), { code });
    if (code === 'EISDIR') return new ConfigError(`${where}: is a directory, not a config file`);
    if (code === 'EACCES' || code === 'EPERM') return new ConfigError(`${where}: cannot read the config file (permission denied)`);
    const message = (error as Error).message ?? String(error);
    return new ConfigError(`${where}: ${oneLine(message)}`);
  }

  private explorer(): Promise<Explorer> {
    this.explorerReady ??= import('cosmiconfig').then(({ cosmiconfig }) =>
      cosmiconfig(moduleName, {
        searchPlaces,
        searchStrategy: 'none',
        // An empty config file is a config ({}): it stops the search upward.
        ignoreEmptySearchPlaces: false,
        loaders: { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml, '.js': loadModule, '.cjs': loadModule, '.mjs': loadModule },
      }) as Explorer,
    );
    return this.explorerReady;
  }
}

/** Load the config for one file (or the working directory): the public API. */
export async function loadConfig(options: ConfigLoaderOptions & { filePath?: string } = {}): Promise<ResolvedConfig> {
  const loader = new ConfigLoader(options);
  return options.filePath ? loader.forFile(options.filePath) : loader.forDirectory(loader.cwd);
}

// ---------------------------------------------------------------- validation

/** Check the shape of a config object; throws a one-line ConfigError. */
export function validateConfig(data: unknown, label: string, registry: RuleRegistry, keyPrefix = ''): ConfigObject {
  const at = (key: string) => `${label}: ${keyPrefix}${key}`;
  if (!isPlainObject(data)) {
    throw new ConfigError(`${label}: expected an object with "extends", "rules" and "ignorePatterns", got ${describe(data)}`);
  }
  for (const key of Object.keys(data)) {
    if (topLevelKeys.includes(key) || isComment(key)) continue;
    const guess = nearest(key, topLevelKeys);
    throw new ConfigError(`${at(key)}: unknown key (expected ${topLevelKeys.map((k) => `"${k}"`).join(', ')}${guess ? `; did you mean "${guess}"?` : ''})`);
  }
  checkExtends(data.extends, at('extends'));
  if (data.rules !== undefined) {
    if (!isPlainObject(data.rules)) throw new ConfigError(`${at('rules')}: expected an object of rule ids and severities, got ${describe(data.rules)}`);
    for (const [id, setting] of Object.entries(data.rules)) {
      if (isComment(id)) continue;
      checkRuleId(id, registry, at(`rules.${id}`));
      checkSetting(setting, at(`rules.${id}`));
    }
  }
  if (data.ignorePatterns !== undefined) {
    if (!Array.isArray(data.ignorePatterns) || !data.ignorePatterns.every((p) => typeof p === 'string')) {
      throw new ConfigError(`${at('ignorePatterns')}: expected a list of glob patterns (strings), got ${describe(data.ignorePatterns)}`);
    }
  }
  const rules = data.rules ? Object.fromEntries(Object.entries(data.rules).filter(([id]) => !isComment(id))) : undefined;
  return {
    ...(data.extends !== undefined && { extends: data.extends as string | string[] }),
    ...(rules && { rules: rules as Record<string, RuleSetting> }),
    ...(data.ignorePatterns !== undefined && { ignorePatterns: data.ignorePatterns as string[] }),
  };
}

function checkExtends(value: unknown, where: string): void {
  if (value === undefined) return;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new ConfigError(`${where}: expected a preset name or a list of them, got ${describe(value)}`);
  for (const base of list) {
    if (typeof base !== 'string') throw new ConfigError(`${where}: expected preset names or paths (strings), got ${describe(base)}`);
    if (base.startsWith(`${moduleName}:`)) {
      if (base in presets) continue;
      const guess = nearest(base, Object.keys(presets));
      throw new ConfigError(`${where}: unknown preset "${base}" (${guess ? `did you mean "${guess}"?` : `presets: ${Object.keys(presets).join(', ')}`})`);
    }
    if (!/^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/])/.test(base)) {
      throw new ConfigError(`${where}: "${base}" is neither a preset (${Object.keys(presets).join(', ')}) nor a path to a config file starting with ./ or ../`);
    }
  }
}

function checkRuleId(id: string, registry: RuleRegistry, where: string): void {
  if (registry.has(id)) return;
  const guess = nearest(id, registry.ids());
  throw new ConfigError(`${where}: unknown rule${guess ? ` (did you mean "${guess}"?)` : ''}; run recordlint --list-rules to see them`);
}

function checkSetting(setting: unknown, where: string): void {
  const parts = Array.isArray(setting) ? setting : [setting];
  if (!parts.length || parts.length > 2) throw new ConfigError(`${where}: expected ${severityHelp}, got ${describe(setting)}`);
  if (parseSeverity(parts[0]) === undefined) {
    const guess = typeof parts[0] === 'string' ? nearest(parts[0], ['off', 'warn', 'error']) : undefined;
    throw new ConfigError(`${where}${Array.isArray(setting) ? '[0]' : ''}: expected ${severityHelp}, got ${describe(parts[0])}${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  if (parts.length === 2 && !isPlainObject(parts[1])) {
    throw new ConfigError(`${where}[1]: expected an object of options, got ${describe(parts[1])}`);
  }
}

// ---------------------------------------------------------------- settings

export function parseSeverity(value: unknown): Severity | undefined {
  switch (value) {
    case 'off':
    case 0:
      return 0;
    case 'warn':
    case 1:
      return 1;
    case 'error':
    case 2:
      return 2;
    default:
      return undefined;
  }
}

export function severityName(severity: Severity): SeverityName {
  return severity === 2 ? 'error' : severity === 1 ? 'warn' : 'off';
}

function toRuleConfig(setting: RuleSetting, from: string): RuleConfig {
  const [severity, options] = Array.isArray(setting) ? setting : [setting];
  const config: RuleConfig = { severity: parseSeverity(severity)!, from };
  if (options !== undefined) config.options = options;
  return config;
}

/** Later settings win; a severity alone keeps the options set earlier (as ESLint does). */
function mergeRules(into: Record<string, RuleConfig>, from: Record<string, RuleConfig>): void {
  for (const [id, setting] of Object.entries(from)) {
    const previous = into[id];
    into[id] = setting.options === undefined && previous?.options !== undefined ? { ...setting, options: previous.options } : { ...setting };
  }
}

export function presetRules(name: string): Record<string, RuleConfig> {
  const preset = presets[name];
  if (!preset) throw new ConfigError(`unknown preset "${name}"`);
  const rules: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(preset.rules)) rules[id] = toRuleConfig(setting, name);
  return rules;
}

/** The presets that switch a rule on. */
export function presetsEnabling(id: string): string[] {
  return Object.entries(presets)
    .filter(([, preset]) => {
      const setting = preset.rules[id];
      return setting !== undefined && parseSeverity(Array.isArray(setting) ? setting[0] : setting) !== 0;
    })
    .map(([name]) => name);
}

/**
 * `--rule id:severity` (or `id:[severity, {options}]` in JSON). Unknown ids
 * and severities are one-line errors with a suggestion.
 */
export function parseRuleFlag(flag: string, registry: RuleRegistry): [string, RuleSetting] {
  const colon = flag.indexOf(':');
  if (colon < 1) throw new ConfigError(`--rule "${flag}": expected <rule-id>:<severity>, such as no-email-paste:off`);
  const id = flag.slice(0, colon).trim();
  const raw = flag.slice(colon + 1).trim();
  let setting: unknown = /^\d$/.test(raw) ? Number(raw) : raw;
  if (raw.startsWith('[')) {
    try {
      setting = JSON.parse(raw);
    } catch {
      throw new ConfigError(`--rule "${flag}": the setting is not valid JSON (expected ["warn", { "option": value }])`);
    }
  }
  checkRuleId(id, registry, `--rule ${id}`);
  checkSetting(setting, `--rule ${id}`);
  return [id, setting as RuleSetting];
}

/**
 * The resolved config as a config file (what --print-config shows): rule
 * severities as words, each rule's options with its defaults filled in, and
 * `"extends": []` so the output can be saved and used as it is.
 */
export async function describeConfig(config: ResolvedConfig, registry: RuleRegistry, note?: string): Promise<Record<string, unknown>> {
  const rules: Record<string, unknown> = {};
  for (const id of Object.keys(config.rules).sort()) {
    const setting = config.rules[id];
    const word = severityName(setting.severity);
    const rule = registry.has(id) ? await registry.load(id) : undefined;
    const hasOptions = rule?.meta.options && Object.keys(rule.meta.options).length > 0;
    rules[id] = hasOptions ? [word, resolveOptions(rule, setting.options, setting.from)] : word;
  }
  return {
    '//': note ?? `Resolved from ${config.filePath ?? `the defaults (${defaultPreset})`}`,
    extends: [],
    rules,
    ignorePatterns: config.ignorePatterns,
  };
}

// ---------------------------------------------------------------- loaders

function loadJson(file: string, content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    const message = (error as Error).message.replace(/\s*while parsing[\s\S]*$/, '');
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` (line ${lineColumn(content, Number(position[1]))})` : '';
    throw Object.assign(new ConfigError(`invalid JSON: ${message.replace(/\s*(in JSON )?at position \d+.*$/, '')}${where}`), { filepath: file });
  }
}

async function loadYaml(file: string, content: string): Promise<unknown> {
  const { default: yaml } = await import('js-yaml');
  try {
    return yaml.load(content);
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    const where = mark ? ` (line ${mark.line + 1}, column ${mark.column + 1})` : '';
    throw Object.assign(new ConfigError(`invalid YAML: ${reason ?? oneLine((error as Error).message)}${where}`), { filepath: file });
  }
}

async function loadModule(file: string): Promise<unknown> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw Object.assign(new ConfigError(`cannot load the config module: ${oneLine((error as Error).message ?? String(error))}`), { filepath: file });
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return `${before.length}, column ${before[before.length - 1].length + 1}`;
}

// ---------------------------------------------------------------- helpers

function isComment(key: string): boolean {
  return key.startsWith('//');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (${truncate(JSON.stringify(value))})`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  return String(value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
