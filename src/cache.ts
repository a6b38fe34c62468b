// --cache: skip notes that have not changed since the last run.
//
// A note is skipped when its text, the config that applies to it and the
// recordlint version are those of a stored entry. The cache file must hold no
// note text, yet a skipped note must give exactly the report a full run gives,
// and a report quotes the note (`actual`, and messages such as `"aggressive"
// is a label`). So each entry holds:
//
//   - the SHA-256 of the note's path (not the path: folder and file names of
//     case notes can name a child), of its text, and of its config;
//   - the note's messages, sealed with AES-256-GCM under a key derived from
//     the note's own text (SHA-256 of a fixed label and the text; it cannot be
//     worked out from the stored text hash). Opening an entry takes the note
//     itself: whoever can read the messages could read the note anyway, and
//     the cache file on its own gives away nothing a hash does not. Inside the
//     seal, `actual` is left out when it is the reported range of the note
//     and is sliced from the note again on a hit.
//
// The file is JSON, written atomically with owner-only permissions. Anything
// unexpected in it (not JSON, another format or version, another recordlint
// version, a malformed entry) and the whole cache is ignored and rebuilt; an
// entry that does not open is linted again. Results that depend on the time
// of the run (a rule read the clock, such as timely-recording for a note
// without a `recorded` date) are not stored, nor are fixed notes (--fix,
// --fix-dry-run), as in ESLint. Entries unused for 30 days are dropped.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LintMessage, LintResult } from './types.js';
import type { ResolvedConfig } from './linter.js';
import type { Recordlint } from './index.js';
import type { RuleRegistry } from './registry.js';
import { builtinRules } from './registry.js';
import { loadedPlugins } from './plugins.js';
import { makeResult } from './linter.js';
import { writeFileAtomically } from './fix-files.js';

export const defaultCacheName = '.recordlintcache';
export const cacheFormat = 'recordlint-cache';
/** Bump when the file layout or what goes into a key changes. */
export const cacheFormatVersion = 1;
const keepDays = 30;
const day = 86_400_000;

interface Entry {
  /** SHA-256 of the note's text. */
  content: string;
  /** SHA-256 of the config that applied, the rules' fingerprints and the version. */
  config: string;
  /** Day (since 1970) the entry was last used. */
  used: number;
  /** base64: 12-byte IV, 16-byte GCM tag, then the sealed messages. */
  sealed: string;
}

interface CacheFile {
  format: typeof cacheFormat;
  version: typeof cacheFormatVersion;
  recordlint: string;
  entries: Record<string, Entry>;
}

export interface CacheStats {
  /** Notes whose stored messages were used. */
  hits: number;
  /** Notes linted (and stored when they could be). */
  linted: number;
  /** Whether an existing cache file was thrown away (corrupt, another version). */
  rebuilt: boolean;
}

/** Where the cache lives: a file, or `.recordlintcache` in a folder (an existing one, or a path ending in a slash). */
export function resolveCacheLocation(cwd: string, location?: string): string {
  if (location === undefined || location === '') return path.join(cwd, defaultCacheName);
  const absolute = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || isDirectory(absolute)) return path.join(absolute, defaultCacheName);
  return absolute;
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export class LintCache {
  readonly stats: CacheStats = { hits: 0, linted: 0, rebuilt: false };
  private entries = new Map<string, Entry>();
  private changed = false;
  private readonly today: number;

  private constructor(
    readonly file: string,
    readonly version: string,
    now: number,
  ) {
    this.today = Math.floor(now / day);
  }

  /** Read the cache file; a missing one is an empty cache, a bad one is ignored (and rebuilt on save). */
  static load(file: string, version: string, now = Date.now()): LintCache {
    const cache = new LintCache(file, version, now);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') cache.discard();
      return cache;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      cache.discard();
      return cache;
    }
    if (!isCacheFile(data) || data.recordlint !== version) {
      cache.discard();
      return cache;
    }
    for (const [key, entry] of Object.entries(data.entries)) cache.entries.set(key, entry);
    return cache;
  }

  private discard(): void {
    this.stats.rebuilt = true;
    this.changed = true;
    this.entries.clear();
  }

  /** The stored messages for a note, or undefined when it changed, its config changed, or the entry does not open. */
  lookup(filePath: string, text: string, configHash: string): LintMessage[] | undefined {
    const key = pathKey(filePath);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const content = contentHash(text);
    if (entry.content !== content || entry.config !== configHash) return undefined;
    const messages = unseal(entry, key, text);
    if (!messages) {
      this.entries.delete(key);
      this.changed = true;
      return undefined;
    }
    if (entry.used !== this.today) {
      entry.used = this.today;
      this.changed = true;
    }
    return messages;
  }

  store(filePath: string, text: string, configHash: string, messages: readonly LintMessage[]): void {
    const key = pathKey(filePath);
    const content = contentHash(text);
    this.entries.set(key, { content, config: configHash, used: this.today, sealed: seal(key, content, configHash, text, messages) });
    this.changed = true;
  }

  forget(filePath: string): void {
    if (this.entries.delete(pathKey(filePath))) this.changed = true;
  }

  /** Write the cache (when anything changed): atomically, owner-only (0600). */
  save(): void {
    for (const [key, entry] of this.entries) {
      if (this.today - entry.used > keepDays) {
        this.entries.delete(key);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    const data: CacheFile = { format: cacheFormat, version: cacheFormatVersion, recordlint: this.version, entries: Object.fromEntries(this.entries) };
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomically(this.file, Buffer.from(`${JSON.stringify(data)}\n`), { mode: 0o600 });
    this.changed = false;
  }
}

// ---------------------------------------------------------------- linting with the cache

export interface CachedLintOptions {
  cache: LintCache;
  /** --fix or --fix-dry-run: a stored result with fixable problems is linted again so its fixes apply. */
  fix?: boolean;
}

/**
 * `engine.lintFiles`, with the cache: the same notes in the same order, the
 * same results, but unchanged notes are not linted again. The cache is not
 * saved here (the caller saves it once fixes are written).
 */
export function lintFilesCached(engine: Recordlint, patterns: readonly string[], options: CachedLintOptions): Promise<LintResult[]> {
  const { cache } = options;
  return engine.lintFilesWith(patterns, async (filePath, text) => {
    const config = await engine.calculateConfigForFile(filePath);
    const configKey = await configHash(config, engine.registry, cache.version);
    const stored = cache.lookup(filePath, text, configKey);
    if (stored && !(options.fix && stored.some((m) => m.fix))) {
      cache.stats.hits++;
      return makeResult(filePath, stored, text);
    }
    cache.stats.linted++;
    const { value: linted, readClock } = await watchingClock(() => engine.lintText(text, { filePath }));
    const result = linted[0];
    // Fixed notes change on disk (or would): not stored, as in ESLint.
    if (result.output !== undefined || readClock) cache.forget(filePath);
    else cache.store(filePath, text, configKey, result.messages);
    return result;
  });
}

// ---------------------------------------------------------------- keys

const configHashes = new WeakMap<ResolvedConfig, Promise<string>>();

/**
 * What decides a note's messages besides its text: the rules that are on,
 * their severities and options, the contents of team word lists they name,
 * what plugin rules are (their metadata and code), every rule id known (an
 * unknown id in a disable comment is reported), and the recordlint version.
 */
export function configHash(config: ResolvedConfig, registry: RuleRegistry, version: string): Promise<string> {
  let ready = configHashes.get(config);
  if (!ready) {
    ready = computeConfigHash(config, registry, version);
    configHashes.set(config, ready);
  }
  return ready;
}

async function computeConfigHash(config: ResolvedConfig, registry: RuleRegistry, version: string): Promise<string> {
  const rules: unknown[] = [];
  for (const id of Object.keys(config.rules).sort()) {
    const { severity, options } = config.rules[id];
    if (severity === 0) continue;
    const entry: Record<string, unknown> = { id, severity, options: options ?? null };
    if (!Object.hasOwn(builtinRules, id) && registry.has(id)) {
      // A plugin rule: its metadata and code, and the plugin's module file and
      // package version (which catch changes in the helpers it imports too).
      const rule = await registry.load(id);
      entry.rule = sha256(`${canonicalJson(rule.meta)}\n${rule.create.toString()}`);
      const plugin = [...loadedPlugins(registry).values()].find((p) => p.ruleIds.includes(id));
      if (plugin) entry.plugin = { module: fileHash(plugin.file), version: packageVersionOf(plugin.file) };
    }
    const lexicons = (options as { lexicons?: unknown } | undefined)?.lexicons;
    if (Array.isArray(lexicons)) entry.lexicons = lexicons.map((file) => (typeof file === 'string' ? fileHash(file) : null));
    rules.push(entry);
  }
  return sha256(canonicalJson({ format: cacheFormatVersion, recordlint: version, rules, known: registry.ids() }));
}

/** The version in the package.json nearest above a file, if any. */
function packageVersionOf(file: string): string | null {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    try {
      const data = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown };
      return typeof data.version === 'string' ? data.version : null;
    } catch {
      /* none here */
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function fileHash(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** JSON with object keys sorted, so equal configs hash equally whatever order they were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function contentHash(text: string): string {
  return sha256(text);
}

function pathKey(filePath: string): string {
  return sha256(`recordlint-cache-path/v1\0${path.resolve(filePath)}`);
}

// ---------------------------------------------------------------- sealing

/** The note's own key: not derivable from its stored content hash (another label goes in first). */
function noteKey(text: string): Buffer {
  return createHash('sha256').update('recordlint-cache-key/v1\0', 'utf8').update(text, 'utf8').digest();
}

/** Marks `actual` that is exactly the reported range of the note. */
const slicedFromNote = 0;

function seal(key: string, content: string, config: string, text: string, messages: readonly LintMessage[]): string {
  const slim = messages.map((m) => (m.actual !== undefined && m.actual === text.slice(m.range[0], m.range[1]) ? { ...m, actual: slicedFromNote } : m));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', noteKey(text), iv);
  cipher.setAAD(Buffer.from(`${key}\0${content}\0${config}`));
  const body = Buffer.concat([cipher.update(JSON.stringify(slim), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(entry: Entry, key: string, text: string): LintMessage[] | undefined {
  try {
    const raw = Buffer.from(entry.sealed, 'base64');
    if (raw.length < 28) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', noteKey(text), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    decipher.setAAD(Buffer.from(`${key}\0${entry.content}\0${entry.config}`));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const messages = JSON.parse(json) as unknown;
    if (!Array.isArray(messages) || !messages.every(isStoredMessage)) return undefined;
    for (const m of messages as LintMessage[]) {
      if ((m.actual as unknown) === slicedFromNote) m.actual = text.slice(m.range[0], m.range[1]);
    }
    return messages as LintMessage[];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- shapes

const hex64 = /^[0-9a-f]{64}$/;

function isCacheFile(data: unknown): data is CacheFile {
  if (!isObject(data)) return false;
  if (data.format !== cacheFormat || data.version !== cacheFormatVersion || typeof data.recordlint !== 'string') return false;
  if (!isObject(data.entries)) return false;
  return Object.entries(data.entries).every(([key, entry]) => hex64.test(key) && isEntry(entry));
}

function isEntry(entry: unknown): entry is Entry {
  return (
    isObject(entry) &&
    typeof entry.content === 'string' &&
    hex64.test(entry.content) &&
    typeof entry.config === 'string' &&
    hex64.test(entry.config) &&
    Number.isInteger(entry.used) &&
    typeof entry.sealed === 'string' &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(entry.sealed)
  );
}

function isStoredMessage(m: unknown): boolean {
  if (!isObject(m)) return false;
  const range = m.range;
  return (
    (typeof m.ruleId === 'string' || m.ruleId === null) &&
    (m.severity === 1 || m.severity === 2) &&
    typeof m.message === 'string' &&
    Array.isArray(range) &&
    range.length === 2 &&
    range.every((n) => Number.isInteger(n)) &&
    [m.line, m.column, m.endLine, m.endColumn].every((n) => Number.isInteger(n))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------- the clock

let clockReads = 0;
let watchers = 0;
let realNow: () => number = Date.now;

/**
 * Run `lint` noting whether anything read the clock (Date.now) meanwhile:
 * such a result can change with no change to the note or config, so it is
 * not stored. Overlapping runs can only mark more results, never fewer.
 */
export async function watchingClock<T>(lint: () => Promise<T>): Promise<{ value: T; readClock: boolean }> {
  if (watchers++ === 0) {
    realNow = Date.now;
    Date.now = () => {
      clockReads++;
      return realNow.call(Date);
    };
  }
  const before = clockReads;
  try {
    const value = await lint();
    return { value, readClock: clockReads !== before };
  } finally {
    if (--watchers === 0) Date.now = realNow;
  }
}
