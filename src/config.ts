// Configuration: found with cosmiconfig from each note's folder upward (the
// nearest config file wins; share settings between folders with `extends`),
// validated with one-line errors that name the file, the key and what was
// expected, and resolved to the rule settings the Linter runs.
//
//   {
//     "plugins": ["recordlint-plugin-our-team", "./local-rules.mjs"],
//     "extends": ["recordlint:recommended", "../team.recordlintrc.json", "our-team:recommended"],
//     "rules": { "no-email-paste": "error", "some-rule": ["warn", { "option": 1 }] },
//     "ignorePatterns": ["drafts/**"]
//   }
//
// A config without an `extends` key extends "recordlint:recommended", so a file
// that only switches one rule off keeps the rest; `"extends": []` starts from
// nothing. Keys that start with "//" are comments, at the top level and in
// `rules`. When no config file is found, or with --no-config, the
// recommended preset applies.
//
// Paths in a config are relative to the file that holds them: `extends`,
// `plugins` (src/plugins.ts; a bare name is a package found from its folder)
// and the `lexicons` option of any rule (team word lists), which is made
// absolute here before the options reach the rule. Plugins are loaded before
// the rules are checked, with those of the files a config extends, so their
// rule ids and presets can be used there.
import { accessSync, constants as fsConstants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import type { ResolvedConfig, RuleConfig } from './linter.js';
import { presets, type RuleSetting } from './presets.js';
import { RuleRegistry } from './registry.js';
import { nearest } from './suggest.js';
import { OptionsError, resolveOptions, type Rule, type RuleContext } from './rule.js';
import { isPluginPresetName, loadPlugin, loadedPlugins, PluginError, type LoadedPlugin } from './plugins.js';
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
const topLevelKeys = ['extends', 'rules', 'ignorePatterns', 'plugins'];
const severityHelp = '"off", "warn" or "error" (or 0, 1, 2), or [severity, options]';

/** A mistake in a config file or a --rule flag; the message is one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What a config file holds, after validation. */
export interface ConfigObject {
  /** Plugin packages, or paths to plugin modules relative to the config file. */
  plugins?: string[];
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

type Found = { config: unknown; filepath: string; isEmpty?: boolean } | null;

/** What ConfigLoader asks of cosmiconfig (see ConfigLoader.explorer). */
interface Explorer {
  search(from: string): Promise<Found>;
  load(file: string): Promise<Found>;
}

/** cosmiconfig's explorers: the synchronous one returns what the asynchronous one promises. */
interface CosmiconfigExplorer {
  search(from: string): Found | Promise<Found>;
  load(file: string): Found | Promise<Found>;
}

/** Thrown by the synchronous explorer's loader for a module config (see ConfigLoader.explorer). */
class NeedsImport extends Error {}

function needsImport(): never {
  throw new NeedsImport('a module config is loaded with import()');
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
  /** Plugins whose presets were checked. */
  private checkedPlugins = new WeakSet<LoadedPlugin>();

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
    this.checkPassedOver(dir, result?.filepath);
    if (result) return this.resolvedFile(result.filepath);
    // Nothing here: the parent's answer, shared through the cache.
    return parent === dir ? this.defaults() : this.forDirectory(parent);
  }

  /**
   * cosmiconfig passes over a config file it may not read, and a folder with
   * a config file's name, and goes on looking: the note was then linted with
   * another config (or none) and nothing said so. Stop with the usual line
   * instead, for those it passed over before the one it found.
   */
  private checkPassedOver(dir: string, found: string | undefined): void {
    for (const place of searchPlaces) {
      const file = path.join(dir, place);
      if (file === found) return;
      let stats;
      try {
        stats = statSync(file);
        if (!stats.isDirectory()) accessSync(file, fsConstants.R_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        throw this.loadError(error, file);
      }
      if (stats.isDirectory()) throw this.loadError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), file);
    }
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
      const plugins = await this.loadPluginsOf(config, label, this.cwd, '', new Set());
      const checked = withLexiconPaths(validateConfig(config, label, this.registry, '', plugins), this.cwd);
      await this.checkRuleOptions(checked, label);
      return this.withOverrides(await this.resolveObject(checked, label, this.cwd, []));
    })();
    return this.fixed;
  }

  private defaults(): Promise<ResolvedConfig> {
    this.fixed ??= this.withOverrides({ rules: presetRules(defaultPreset), ignorePatterns: [] });
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
    const raw = loaded?.config ?? {};
    const plugins = await this.loadPluginsOf(raw, label, path.dirname(file), keyPrefix, new Set([file]));
    const checked = withLexiconPaths(validateConfig(raw, label, this.registry, keyPrefix, plugins), path.dirname(file));
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
      if (isPluginPresetName(base)) {
        mergeRules(rules, pluginPresetRules(base, this.registry));
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
      await this.checkOptions(id, setting[1], `${label}: ${keyPrefix}rules.${id}`);
    }
  }

  /** A rule's options against its schema, and the team word lists they name (read and validated now). */
  private async checkOptions(id: string, given: unknown, where: string): Promise<void> {
    const rule = await this.registry.load(id);
    let options: Record<string, unknown>;
    try {
      options = resolveOptions(rule, given, where);
    } catch (error) {
      if (error instanceof OptionsError) throw new ConfigError(error.message);
      throw error;
    }
    const lexicons = options.lexicons;
    if (Array.isArray(lexicons) && lexicons.length) await this.checkLexicons(rule, options, lexicons as string[], where);
  }

  /**
   * A word-list rule reads its `lexicons` when it starts on a note; start it
   * once on an empty note now, so that a mistake in a list is one line naming
   * the config, the list and the entry (exit 2), not a failure on every note.
   */
  private async checkLexicons(rule: Rule<any>, options: Record<string, unknown>, lexicons: readonly string[], where: string): Promise<void> {
    const [context, { LexiconError }] = await Promise.all([emptyNoteContext(), import('./lexicon.js')]);
    try {
      rule.create(context, options);
    } catch (error) {
      // Or by name: a plugin may bring its own copy of the lexicon module.
      if (!(error instanceof LexiconError) && (error as object | undefined)?.constructor?.name !== 'LexiconError') return;
      let message = oneLine((error as Error).message);
      for (const file of lexicons) if (message.startsWith(`${file}:`)) message = this.display(file) + message.slice(file.length);
      throw new ConfigError(`${where}: lexicons: ${message}`);
    }
  }

  /** --rule settings, on top of a resolved config. Plugin rule ids are known only now that the config loaded its plugins. */
  private async withOverrides(config: ResolvedConfig): Promise<ResolvedConfig> {
    const overrides = this.options.ruleOverrides;
    if (!overrides || !Object.keys(overrides).length) return config;
    const rules = { ...config.rules };
    for (const [id, given] of Object.entries(overrides)) {
      const where = `--rule ${id}`;
      checkRuleId(id, this.registry, where);
      const setting = lexiconPathsIn(given, this.cwd);
      if (Array.isArray(setting) && setting[1] !== undefined) await this.checkOptions(id, setting[1], where);
      mergeRules(rules, { [id]: toRuleConfig(setting, where) });
    }
    return { ...config, rules };
  }

  /**
   * Load the plugins a config names, and those of the config files it extends
   * (so their rules and presets can be used here). Returns the names of the
   * plugins the config can use. Problems with an extended file itself are
   * left for when the `extends` entry is resolved.
   */
  private async loadPluginsOf(config: unknown, label: string, dir: string, keyPrefix: string, seen: Set<string>): Promise<Set<string>> {
    const names = new Set<string>();
    if (!isPlainObject(config)) return names;
    checkPlugins(config.plugins, `${label}: ${keyPrefix}plugins`);
    for (const spec of (config.plugins as string[] | undefined) ?? []) {
      const where = `${label}: ${keyPrefix}plugins: "${spec}"`;
      let plugin: LoadedPlugin;
      try {
        plugin = await loadPlugin(this.registry, spec, dir);
      } catch (error) {
        if (!(error instanceof PluginError)) throw error;
        const wrapped = new ConfigError(`${where}: ${error.message}`);
        const cause = (error as { cause?: unknown }).cause;
        // --debug shows where a plugin that throws went wrong.
        if (cause instanceof Error && cause.stack) wrapped.stack = `${wrapped.stack}\nCaused by: ${cause.stack}`;
        throw wrapped;
      }
      await this.checkPluginPresets(plugin, where);
      names.add(plugin.name);
    }
    const bases = typeof config.extends === 'string' ? [config.extends] : Array.isArray(config.extends) ? config.extends : [];
    for (const base of bases) {
      if (typeof base !== 'string' || !isPathLike(base)) continue;
      const file = path.resolve(dir, base);
      if (seen.has(file)) continue;
      seen.add(file);
      let loaded;
      try {
        loaded = await (await this.explorer()).load(file);
      } catch {
        continue;
      }
      const prefix = path.basename(file) === 'package.json' ? `${moduleName}.` : '';
      for (const name of await this.loadPluginsOf(loaded?.config, this.display(file), path.dirname(file), prefix, seen)) names.add(name);
    }
    return names;
  }

  /** A plugin's presets name known rules with valid settings (word lists relative to the plugin). */
  private async checkPluginPresets(plugin: LoadedPlugin, where: string): Promise<void> {
    if (this.checkedPlugins.has(plugin)) return;
    for (const [name, preset] of Object.entries(plugin.presets)) {
      for (const [id, setting] of Object.entries(preset.rules)) {
        if (isComment(id)) continue;
        const at = `${where}: presets.${name}.rules.${id}`;
        checkRuleId(id, this.registry, at);
        checkSetting(setting, at);
        const resolved = lexiconPathsIn(setting, path.dirname(plugin.file));
        if (Array.isArray(resolved) && resolved[1] !== undefined) await this.checkOptions(id, resolved[1], at);
      }
    }
    this.checkedPlugins.add(plugin);
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

  /**
   * cosmiconfig's synchronous explorer: a search reads up to eleven files in
   * a folder, and the asynchronous one waited for the thread pool for each
   * (four times for a file it finds). A module config (.js, .cjs, .mjs) is
   * loaded with import(), which only the asynchronous explorer can wait for:
   * its loader stops the synchronous search or load, which the asynchronous
   * explorer then does again from the start, so the result is the same.
   */
  private explorer(): Promise<Explorer> {
    this.explorerReady ??= import('cosmiconfig').then(async ({ cosmiconfig, cosmiconfigSync }) => {
      const options = {
        searchPlaces,
        searchStrategy: 'none',
        // An empty config file is a config ({}): it stops the search upward.
        ignoreEmptySearchPlaces: false,
      } as const;
      const dataLoaders = { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml };
      let sync: CosmiconfigExplorer;
      try {
        sync = cosmiconfigSync(moduleName, { ...options, loaders: { ...dataLoaders, '.js': needsImport, '.cjs': needsImport, '.mjs': needsImport } });
      } catch (error) {
        throw await this.startError(error);
      }
      let withImport: CosmiconfigExplorer | undefined;
      const run = async (step: (explorer: CosmiconfigExplorer) => Found | Promise<Found>): Promise<Found> => {
        try {
          return step(sync);
        } catch (error) {
          if (!(error instanceof NeedsImport)) throw error;
          withImport ??= cosmiconfig(moduleName, { ...options, loaders: { ...dataLoaders, '.js': loadModule, '.cjs': loadModule, '.mjs': loadModule } });
          return step(withImport);
        }
      };
      return { search: (from) => run((explorer) => explorer.search(from)), load: (file) => run((explorer) => explorer.load(file)) };
    });
    return this.explorerReady;
  }

  /**
   * cosmiconfig reads package.json (and package.yaml, .config/config.*) in the
   * working directory for settings of its own when it starts, with its own
   * loaders: a broken one stopped the run with a code frame over several lines
   * and no file name in front. Read it again with ours for the usual one line.
   */
  private async startError(error: unknown): Promise<Error> {
    const message = (error as Error)?.message ?? String(error);
    const first = message.split('\n')[0].trimEnd();
    const named =
      (error as { filepath?: string }).filepath ?? (/^(?:JSON|YAML) Error in /.test(first) && first.endsWith(':') ? first.slice(14, -1) : undefined);
    const file = named ?? path.join(process.cwd(), 'package.json');
    if (named) {
      try {
        const content = readFileSync(file, 'utf8');
        if (/\.json$/i.test(file)) loadJson(file, content);
        else loadYaml(file, content);
      } catch (ours) {
        if (ours instanceof ConfigError) return this.loadError(ours, file);
      }
    }
    return this.loadError(error, file);
  }
}

/** Load the config for one file (or the working directory): the public API. */
export async function loadConfig(options: ConfigLoaderOptions & { filePath?: string } = {}): Promise<ResolvedConfig> {
  const loader = new ConfigLoader(options);
  return options.filePath ? loader.forFile(options.filePath) : loader.forDirectory(loader.cwd);
}

// ---------------------------------------------------------------- validation

/**
 * Check the shape of a config object; throws a one-line ConfigError. With
 * `plugins` (the names of the plugins this config loads, directly or through
 * what it extends), plugin rules and presets are known only from those.
 */
export function validateConfig(data: unknown, label: string, registry: RuleRegistry, keyPrefix = '', plugins?: ReadonlySet<string>): ConfigObject {
  const at = (key: string) => `${label}: ${keyPrefix}${key}`;
  if (!isPlainObject(data)) {
    throw new ConfigError(`${label}: expected an object with "extends", "rules" and "ignorePatterns", got ${describe(data)}`);
  }
  for (const key of Object.keys(data)) {
    if (topLevelKeys.includes(key) || isComment(key)) continue;
    const guess = nearest(key, topLevelKeys);
    throw new ConfigError(`${at(key)}: unknown key (expected ${topLevelKeys.map((k) => `"${k}"`).join(', ')}${guess ? `; did you mean "${guess}"?` : ''})`);
  }
  checkPlugins(data.plugins, at('plugins'));
  checkExtends(data.extends, at('extends'), registry, plugins);
  if (data.rules !== undefined) {
    if (!isPlainObject(data.rules)) throw new ConfigError(`${at('rules')}: expected an object of rule ids and severities, got ${describe(data.rules)}`);
    for (const [id, setting] of Object.entries(data.rules)) {
      if (isComment(id)) continue;
      checkRuleId(id, registry, at(`rules.${id}`), plugins);
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
    ...(data.plugins !== undefined && { plugins: data.plugins as string[] }),
    ...(data.extends !== undefined && { extends: data.extends as string | string[] }),
    ...(rules && { rules: rules as Record<string, RuleSetting> }),
    ...(data.ignorePatterns !== undefined && { ignorePatterns: data.ignorePatterns as string[] }),
  };
}

function checkPlugins(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((p) => typeof p === 'string' && p.trim() !== '')) {
    throw new ConfigError(`${where}: expected a list of plugin packages or paths to plugin modules (strings), got ${describe(value)}`);
  }
}

function checkExtends(value: unknown, where: string, registry?: RuleRegistry, plugins?: ReadonlySet<string>): void {
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
    if (isPathLike(base)) continue;
    if (isPluginPresetName(base) && registry) {
      const [name, preset] = base.split(':');
      const plugin = loadedPlugins(registry).get(name);
      if (!plugin || (plugins && !plugins.has(name))) throw new ConfigError(`${where}: "${base}": no plugin named "${name}" is loaded (add it to "plugins")`);
      if (Object.hasOwn(plugin.presets, preset)) continue;
      const names = Object.keys(plugin.presets);
      const guess = nearest(preset, names);
      throw new ConfigError(`${where}: "${base}": the plugin "${name}" has no preset "${preset}" (${guess ? `did you mean "${name}:${guess}"?` : names.length ? `presets: ${names.map((n) => `${name}:${n}`).join(', ')}` : 'it has no presets'})`);
    }
    throw new ConfigError(`${where}: "${base}" is neither a preset (${Object.keys(presets).join(', ')}, or a plugin's, such as "our-team:recommended") nor a path to a config file starting with ./ or ../`);
  }
}

function checkRuleId(id: string, registry: RuleRegistry, where: string, plugins?: ReadonlySet<string>): void {
  const slash = id.indexOf('/');
  const namespace = slash > 0 ? id.slice(0, slash) : undefined;
  const visible = (ruleId: string) => !ruleId.includes('/') || !plugins || plugins.has(ruleId.slice(0, ruleId.indexOf('/')));
  if (registry.has(id) && visible(id)) return;
  if (namespace && (plugins ? !plugins.has(namespace) : !loadedPlugins(registry).has(namespace))) {
    throw new ConfigError(`${where}: unknown rule: no plugin named "${namespace}" is loaded (add it to "plugins")`);
  }
  const guess = nearest(id, registry.ids().filter(visible));
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

/** A plugin preset's settings ("our-team:recommended"); word lists are relative to the plugin. */
function pluginPresetRules(name: string, registry: RuleRegistry): Record<string, RuleConfig> {
  const [pluginName, presetName] = name.split(':');
  const plugin = loadedPlugins(registry).get(pluginName);
  const preset = plugin && Object.hasOwn(plugin.presets, presetName) ? plugin.presets[presetName] : undefined;
  if (!plugin || !preset) throw new ConfigError(`unknown preset "${name}"`);
  const rules: Record<string, RuleConfig> = {};
  for (const [id, setting] of Object.entries(preset.rules)) {
    if (!isComment(id)) rules[id] = toRuleConfig(lexiconPathsIn(setting, path.dirname(plugin.file)), name);
  }
  return rules;
}

/** The presets that switch a rule on (with the presets of the plugins loaded into `registry`). */
export function presetsEnabling(id: string, registry?: RuleRegistry): string[] {
  const all: Array<[string, { rules: Record<string, RuleSetting> }]> = Object.entries(presets);
  for (const plugin of registry ? loadedPlugins(registry).values() : []) {
    for (const [name, preset] of Object.entries(plugin.presets)) all.push([`${plugin.name}:${name}`, preset]);
  }
  return all
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
  // A plugin's rule is known once the config that loads the plugin is read (checked then).
  if (!id.includes('/') || registry.has(id)) checkRuleId(id, registry, `--rule ${id}`);
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
  // The plugins of the rules it sets, so that the output is a config that works on its own.
  const plugins = new Set<string>();
  for (const id of Object.keys(config.rules)) {
    const plugin = id.includes('/') ? loadedPlugins(registry).get(id.slice(0, id.indexOf('/'))) : undefined;
    if (plugin) plugins.add(plugin.file);
  }
  return {
    '//': note ?? `Resolved from ${config.filePath ?? `the defaults (${defaultPreset})`}`,
    ...(plugins.size && { plugins: [...plugins] }),
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
    const message = beforeWhileParsing((error as Error).message);
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` (line ${lineColumn(content, Number(position[1]))})` : '';
    throw Object.assign(new ConfigError(`invalid JSON: ${withoutPosition(message)}${where}`), { filepath: file });
  }
}

// JSON.parse's message without "while parsing ..." and "(in JSON) at position N ...": what
// `.replace(/\s*while parsing[\s\S]*$/, '')` and `.replace(/\s*(in JSON )?at position \d+.*$/, '')`
// give, without their quadratic backtracking.
function beforeWhileParsing(message: string): string {
  const at = message.indexOf('while parsing');
  return at < 0 ? message : message.slice(0, at).trimEnd();
}

function withoutPosition(message: string): string {
  const lastBreak = Math.max(message.lastIndexOf('\n'), message.lastIndexOf('\r'), message.lastIndexOf('\u2028'), message.lastIndexOf('\u2029'));
  const position = /at position \d/g;
  position.lastIndex = Math.max(0, lastBreak - 11);
  const m = position.exec(message);
  if (!m) return message;
  let start = m.index >= 8 && message.slice(m.index - 8, m.index) === 'in JSON ' ? m.index - 8 : m.index;
  while (start > 0 && /\s/.test(message[start - 1])) start--;
  return message.slice(0, start);
}

function loadYaml(file: string, content: string): unknown {
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

// ---------------------------------------------------------------- paths

function isPathLike(value: string): boolean {
  return /^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/])/.test(value);
}

/** A rule setting with its `lexicons` option made absolute from `dir`. */
function lexiconPathsIn(setting: RuleSetting, dir: string): RuleSetting {
  if (!Array.isArray(setting) || !isPlainObject(setting[1])) return setting;
  const lexicons = setting[1].lexicons;
  if (!Array.isArray(lexicons)) return setting;
  const absolute = lexicons.map((file) => (typeof file === 'string' && file.trim() ? path.resolve(dir, file) : file));
  return [setting[0], { ...setting[1], lexicons: absolute }];
}

/** A config with the word lists its rules name made absolute from the config file's folder. */
function withLexiconPaths(config: ConfigObject, dir: string): ConfigObject {
  if (!config.rules) return config;
  const rules = Object.fromEntries(Object.entries(config.rules).map(([id, setting]) => [id, lexiconPathsIn(setting, dir)]));
  return { ...config, rules };
}

/** What a rule gets when it starts on an empty note (to check its options, such as word lists, up front). */
async function emptyNoteContext(): Promise<RuleContext> {
  const { parseNote } = await import('./parse.js');
  const note = parseNote('', 'markdown');
  return {
    filePath: '<config>',
    text: '',
    kind: note.kind,
    frontmatter: note.frontmatter,
    mdast: note.mdast,
    nlcst: note.nlcst,
    scopes: note.scopes,
    sentences: [],
    sentenceAt: () => undefined,
    pointAt: note.pointAt,
    report: () => undefined,
  };
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
