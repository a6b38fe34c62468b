// Plugins: a package or a local module that brings rules, written with the
// same `defineRule` as the built-in ones, and presets of rule settings.
//
//   // our-team-rules.mjs (or the main module of recordlint-plugin-our-team)
//   import { defineRule, definePlugin } from 'recordlint';
//   export default definePlugin({
//     name: 'our-team',
//     rules: [defineRule({ id: 'no-nicknames', meta: { ... }, create(context) { ... } })],
//     presets: { recommended: { rules: { 'our-team/no-nicknames': 'warn' } } },
//   });
//
// A config names plugins with `"plugins": ["recordlint-plugin-our-team", "./our-team-rules.mjs"]`:
// a path (./, ../ or absolute) is relative to the config file; a bare name is a
// package, found from the config file's folder as Node finds an `import`
// written in a module there. A plugin's rules are namespaced by its name
// (`our-team/no-nicknames`), so they never clash with built-in ids or with
// another plugin's; its presets are extended as `our-team:recommended`.
// Loading a plugin switches nothing on: its rules run when the config (or one
// of its presets) sets them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleSetting } from './presets.js';
import type { Rule, RuleMeta } from './rule.js';
import type { RuleRegistry } from './registry.js';

/** A preset a plugin offers: rule settings by full id (`our-team/no-nicknames`, or a built-in id). */
export interface PluginPreset {
  description?: string;
  rules: Record<string, RuleSetting>;
}

/** What a plugin module exports as its default export. */
export interface Plugin {
  /** The namespace of its rules and presets: kebab-case, such as "our-team". */
  name: string;
  /** Rules made with defineRule; ids are kebab-case without the namespace. */
  rules: Array<Rule<any>> | Record<string, Rule<any>>;
  /** Presets by name, extended in a config as "<name>:<preset>". */
  presets?: Record<string, PluginPreset>;
}

/** A plugin that was loaded into a registry. */
export interface LoadedPlugin {
  name: string;
  /** The module file it was loaded from. */
  file: string;
  /** Full ids of its rules (`name/rule-id`). */
  ruleIds: string[];
  presets: Record<string, PluginPreset>;
}

/** A plugin that cannot be found, loaded or used; the message is one line (the config loader adds where). */
export class PluginError extends Error {
  override name = 'PluginError';
}

const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Type and check a plugin object (for plugin authors; the loader checks again). */
export function definePlugin<P extends Plugin>(plugin: P): P {
  checkPlugin(plugin);
  return plugin;
}

/** Plugins loaded into each registry, by name. */
const loadedByRegistry = new WeakMap<RuleRegistry, Map<string, LoadedPlugin>>();
/** Loads under way or done, by module file, so a plugin named by several configs loads once. */
const loadingByRegistry = new WeakMap<RuleRegistry, Map<string, Promise<LoadedPlugin>>>();

/** The plugins loaded into a registry, by name. */
export function loadedPlugins(registry: RuleRegistry): ReadonlyMap<string, LoadedPlugin> {
  return loadedByRegistry.get(registry) ?? new Map();
}

/** Whether an `extends` entry names a plugin preset ("our-team:recommended"). */
export function isPluginPresetName(base: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[A-Za-z0-9][\w-]*$/.test(base);
}

/**
 * Find, import, check and register a plugin named in a config whose folder is
 * `fromDir`. Throws a PluginError with a one-line message (without the config
 * file: the caller adds it).
 */
export async function loadPlugin(registry: RuleRegistry, spec: string, fromDir: string): Promise<LoadedPlugin> {
  const file = resolvePlugin(spec, fromDir);
  let loading = loadingByRegistry.get(registry);
  if (!loading) loadingByRegistry.set(registry, (loading = new Map()));
  let ready = loading.get(file);
  if (!ready) {
    ready = importPlugin(file).then((plugin) => register(registry, plugin, file, spec));
    loading.set(file, ready);
  }
  return ready;
}

/** The module file a plugin name or path stands for. */
export function resolvePlugin(spec: string, fromDir: string): string {
  if (isPath(spec)) {
    const file = path.resolve(fromDir, spec);
    if (!existsSync(file)) throw new PluginError(`no such file (looked for ${file})`);
    if (statSync(file).isDirectory()) throw new PluginError(`is a folder: name the plugin's module file (such as ${path.join(spec, 'index.mjs')})`);
    return file;
  }
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/.+)?$/i.test(spec)) {
    throw new PluginError('expected a package name (recordlint-plugin-x) or a path to a module starting with ./ or ../');
  }
  const require = createRequire(path.join(fromDir, 'recordlint-plugin-resolver.js'));
  try {
    return require.resolve(spec);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // An ES module package whose "exports" only has an "import" condition.
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      const found = resolveImportCondition(spec, fromDir);
      if (found) return found;
    }
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      throw new PluginError(`cannot find the package in node_modules up from ${fromDir} (install it: npm install --save-dev ${packageName(spec)})`);
    }
    throw new PluginError(`cannot find the package: ${oneLine((error as Error).message)}`);
  }
}

async function importPlugin(file: string): Promise<Plugin> {
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw Object.assign(new PluginError(`cannot load it: ${describeError(error)}`), { cause: error });
  }
  // The default export; or, for a module without one, its named exports `name`, `rules` and `presets`.
  const plugin = (module.default ?? module) as unknown;
  if (module.default === undefined && module.name === undefined && module.rules === undefined) {
    throw new PluginError('it has no default export: export default a plugin { name, rules, presets } (see definePlugin)');
  }
  checkPlugin(plugin);
  return plugin;
}

/** The shape of a plugin; throws a PluginError naming what is wrong. */
function checkPlugin(value: unknown): asserts value is Plugin {
  if (!isObject(value)) throw new PluginError(`expected its default export to be a plugin { name, rules, presets }, got ${describe(value)}`);
  const { name, rules, presets } = value;
  if (typeof name !== 'string' || !kebab.test(name)) throw new PluginError(`"name" must be kebab-case, such as "our-team" (it prefixes the rule ids), got ${describe(name)}`);
  if (name === 'recordlint') throw new PluginError('"name" cannot be "recordlint": that is the namespace of the built-in presets');
  const list = Array.isArray(rules) ? rules.map((rule, i) => [`rules[${i}]`, rule] as const) : isObject(rules) ? Object.entries(rules).map(([key, rule]) => [`rules.${key}`, rule] as const) : undefined;
  if (!list) throw new PluginError(`"rules" must be a list of rules made with defineRule (or an object of them by id), got ${describe(rules)}`);
  const ids = new Set<string>();
  for (const [where, rule] of list) {
    if (!isObject(rule)) throw new PluginError(`${where}: expected a rule made with defineRule, got ${describe(rule)}`);
    const id = rule.id;
    if (typeof id !== 'string' || !kebab.test(id)) throw new PluginError(`${where}: "id" must be kebab-case without the plugin's name (it becomes "${name}/<id>"), got ${describe(id)}`);
    if (!Array.isArray(rules) && where !== `rules.${id}`) throw new PluginError(`${where}: the key and the rule's id ("${id}") differ`);
    if (ids.has(id)) throw new PluginError(`${where}: rule "${id}" is defined twice`);
    ids.add(id);
    const meta = rule.meta;
    if (!isObject(meta)) throw new PluginError(`rule "${id}": expected "meta" (description, messages...), got ${describe(meta)}`);
    if (typeof meta.description !== 'string') throw new PluginError(`rule "${id}": meta.description must be a string`);
    if (!isObject(meta.messages)) throw new PluginError(`rule "${id}": meta.messages must be an object of message templates by id`);
    if (meta.defaultSeverity !== undefined && meta.defaultSeverity !== 'warn' && meta.defaultSeverity !== 'error') throw new PluginError(`rule "${id}": meta.defaultSeverity must be "warn" or "error"`);
    if (typeof rule.create !== 'function') throw new PluginError(`rule "${id}": "create" must be a function`);
  }
  if (presets !== undefined) {
    if (!isObject(presets)) throw new PluginError(`"presets" must be an object of presets by name, got ${describe(presets)}`);
    for (const [presetName, preset] of Object.entries(presets)) {
      if (!/^[A-Za-z0-9][\w-]*$/.test(presetName)) throw new PluginError(`presets.${presetName}: a preset name is letters, digits and dashes`);
      if (!isObject(preset) || !isObject(preset.rules)) throw new PluginError(`presets.${presetName}: expected { description, rules }`);
    }
  }
}

function register(registry: RuleRegistry, plugin: Plugin, file: string, spec: string): LoadedPlugin {
  let loaded = loadedByRegistry.get(registry);
  if (!loaded) loadedByRegistry.set(registry, (loaded = new Map()));
  const other = loaded.get(plugin.name);
  if (other) throw new PluginError(`another plugin named "${plugin.name}" is already loaded (from ${other.file}); rule ids would clash`);
  const docs = docsFor(spec, file);
  const rules = (Array.isArray(plugin.rules) ? plugin.rules : Object.values(plugin.rules)).map((rule): Rule<any> => {
    // Defaults for what a plugin written in plain JavaScript may leave out.
    const given: Partial<RuleMeta> = rule.meta;
    const meta: RuleMeta = { ...rule.meta, type: given.type ?? 'suggestion', guidance: given.guidance ?? [], fixable: given.fixable ?? false, defaultSeverity: given.defaultSeverity ?? 'warn', url: given.url ?? docs };
    return { id: `${plugin.name}/${rule.id}`, meta, create: rule.create.bind(rule) };
  });
  registry.addRules(rules, `plugin "${plugin.name}"`);
  const entry: LoadedPlugin = { name: plugin.name, file, ruleIds: rules.map((r) => r.id), presets: { ...plugin.presets } };
  loaded.set(plugin.name, entry);
  return entry;
}

/** Where a plugin rule without meta.url is documented: its package's homepage or npm page, or its file. */
function docsFor(spec: string, file: string): string {
  if (isPath(spec)) return pathToFileURL(file).href;
  const name = packageName(spec);
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; homepage?: unknown };
      if (pkg.name !== name) continue;
      if (typeof pkg.homepage === 'string') return pkg.homepage;
      break;
    } catch {
      // No package.json here (or a broken one): look further up.
    }
  }
  return `https://www.npmjs.com/package/${name}`;
}

/** Node's ESM lookup for a package whose exports only offer "import": node_modules up from `fromDir`. */
function resolveImportCondition(spec: string, fromDir: string): string | undefined {
  const name = packageName(spec);
  const subpath = `.${spec.slice(name.length)}`;
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const root = path.join(dir, 'node_modules', name);
    const manifest = path.join(root, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown };
      const exports = pkg.exports;
      const entry = typeof exports === 'string' || Array.isArray(exports) || (isObject(exports) && !Object.keys(exports).some((k) => k.startsWith('.')))
        ? subpath === '.' ? exports : undefined
        : isObject(exports) ? exports[subpath] : undefined;
      const target = pickCondition(entry);
      return target ? path.join(root, target) : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function pickCondition(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const found = pickCondition(item);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(entry)) {
    for (const [condition, target] of Object.entries(entry)) {
      if (condition === 'import' || condition === 'node' || condition === 'default') {
        const found = pickCondition(target);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function isPath(spec: string): boolean {
  return /^(\.{1,2}[\\/]|\/|[A-Za-z]:[\\/])/.test(spec) || spec === '.' || spec === '..';
}

function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(String(error));
  return `${error.name}: ${oneLine(error.message)}`;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
  if (typeof value === 'function') return 'a function';
  return typeof value === 'object' ? 'an object' : String(value);
}

function oneLine(message: string): string {
  return message
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}
