// The command line. Exit codes as ESLint's: 0 no errors (and warnings within
// --max-warnings), 1 errors or too many warnings, 2 a usage, config or file
// problem. Every failure is one line on stderr (a stack trace only with
// --debug). Only commander and Node built-ins load at start-up: the linter,
// cosmiconfig and chalk load when a run needs them, so --help, --version and
// usage errors stay fast.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { LintResult } from './types.js';
import type { RuleSetting } from './presets.js';
import type { RuleRegistry } from './registry.js';
import type { Recordlint } from './index.js';

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

interface CliOptions {
  config?: string | false;
  rule?: string[];
  ignorePath?: string;
  ignore: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings: number;
  color?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  init?: boolean;
  preset?: string;
  printConfig?: string;
  listRules?: boolean;
  explain?: string;
  errorOnUnmatchedPattern: boolean;
  debug?: boolean;
}

/** A mistake in how recordlint was called: exit 2 with a pointer to --help. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** Commander finished on its own: --help or --version. */
class Done extends Error {
  constructor(readonly code: number) {
    super('done');
  }
}

const examples = `
Examples:
  recordlint notes/                             lint every note under notes/ (.md, .markdown, .txt)
  recordlint "notes/**/*.md"                    a glob, expanded by recordlint in any shell
  recordlint --stdin --stdin-filename visit.md < visit.md
  recordlint -f json -o report.json notes/      ESLint-style JSON, written whole or not at all
  recordlint --max-warnings 0 notes/            fail on any warning too
  recordlint --rule no-email-paste:off notes/   change one rule for this run
  recordlint --list-rules                       every rule, its default and description
  recordlint --explain no-email-paste           what a rule checks and the standard behind it
  recordlint --print-config notes/visit.md      the config that applies to a note
  recordlint --fix-dry-run notes/               the safe fixes as a diff, nothing written (--fix writes them)
  recordlint --cache notes/                     lint only the notes that changed since the last run
  recordlint --init --preset dudley             write a starter .recordlintrc.json (without --preset: asks)

Config: .recordlintrc(.json|.yaml|.yml|.js|.cjs|.mjs), recordlint.config.(js|cjs|mjs) or
"recordlint" in package.json, nearest to each note. Ignore file: .recordlintignore.
Exit codes: 0 no errors (warnings within --max-warnings), 1 errors or too many warnings,
2 a usage, config or file problem.`;

export async function main(argv: readonly string[] = process.argv, io: CliIO = processIO()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const { paths, options } = parseArguments(argv, io);
    debug = Boolean(options.debug);
    return await run(paths, options, io);
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}

/** Standard error and input are opened when used: each is a stream to set up (a pipe or terminal loads node:net), and most runs use neither. */
function processIO(): CliIO {
  return {
    stdout: process.stdout,
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

// ---------------------------------------------------------------- arguments

function buildProgram(io: CliIO): Command {
  return new Command('recordlint')
    .description("Lint children's social care case notes against the Coventry and Dudley recording standards.")
    .usage('[options] [files, directories or globs...]')
    .argument('[paths...]', 'notes to lint: files, directories or globs; - for stdin')
    .version(readVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('-c, --config <path>', 'use this config file for every note (no search)')
    .option('--no-config', 'use no config file: the recommended preset only')
    .option('--rule <id:severity>', 'set a rule for this run, e.g. no-email-paste:off (repeatable)', collect)
    .option('--ignore-path <file>', 'ignore file in .gitignore syntax', undefined)
    .option('--no-ignore', 'lint ignored notes too (no ignore file, no ignorePatterns)')
    .option('--stdin', 'lint standard input (also: -)')
    .option('--stdin-filename <name>', 'the name of the note on stdin: picks Markdown or text, and the config')
    .option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, compact or summary', 'stylish')
    .option('-o, --output-file <path>', 'write the report to a file (never coloured)')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseMaxWarnings, -1)
    .option('--color', 'colour the output')
    .option('--no-color', 'do not colour the output (also NO_COLOR=1)')
    .option('--fix', 'apply safe fixes to the notes')
    .option('--fix-dry-run', 'show safe fixes as a unified diff, writing nothing (the fixed text is "output" in -f json)')
    .option('--cache', 'lint only notes that changed since the last run (the cache holds no note text)')
    .option('--cache-location <path>', 'the cache file, or a folder for it (default: .recordlintcache)')
    .option('--init', 'write a starter .recordlintrc.json here (asks which standard; never overwrites)')
    .option('--preset <name>', 'with --init: recommended, coventry or dudley, without asking')
    .option('--print-config <file>', 'print the config that applies to a note, as JSON')
    .option('--list-rules', 'list every rule with its default severity and description')
    .option('--explain <rule-id>', 'what a rule checks, why, the standard behind it and examples')
    .option('--no-error-on-unmatched-pattern', 'a file, directory or glob that finds no notes is not an error')
    .option('--debug', 'show stack traces')
    .addHelpText('after', examples)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: () => undefined,
      outputError: () => undefined,
    });
}

function parseArguments(argv: readonly string[], io: CliIO): { paths: string[]; options: CliOptions } {
  const program = buildProgram(io);
  try {
    program.parse([...argv], { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) throw new Done(0);
      throw new UsageError(error.message.replace(/^error:\s*/i, ''));
    }
    throw error;
  }
  return { paths: program.args, options: program.opts<CliOptions>() };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number (-1 for no limit).');
  const n = Number(value);
  if (n < -1) throw new InvalidArgumentError('expected 0 or more, or -1 for no limit.');
  return n;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- the run

async function run(paths: string[], options: CliOptions, io: CliIO): Promise<number> {
  if (options.init || options.preset !== undefined) return initCommand(paths, options, io);
  const useStdin = Boolean(options.stdin) || paths.includes('-');
  checkCombination(paths, options, useStdin, io);
  checkCacheFlags(options);
  await checkFormat(options.format);
  // The rules of the plugins that the config in the working directory loads are listed and explained too.
  if (options.listRules) return listRules(options, io, await (await createEngine(options, io)).loadPlugins());
  if (options.explain !== undefined) return explainRule(options.explain, io, await (await createEngine(options, io)).loadPlugins());

  const engine = await createEngine(options, io);
  if (options.printConfig !== undefined) return printConfig(engine, options.printConfig, io);

  const cache = options.cache && !useStdin ? await openCache(options, io) : undefined;
  const results = useStdin ? await lintStdin(engine, options, io) : cache ? await lintCached(engine, paths, cache, options) : await engine.lintFiles(paths);
  const api = await import('./index.js');
  const fixesFailed = await handleFixes(results, options, io);
  if (cache) saveCache(cache, options, io);
  if (options.format !== 'stylish' || options.outputFile !== undefined) reportFileProblems(results, io);
  const shown = options.quiet ? api.errorsOnly(results) : results;
  await writeReport(shown, engine, options, io);
  return Math.max(exitCode(results, options.maxWarnings, io), fixesFailed ? 2 : 0);
}

/** Flags that make no sense together, and a run with nothing to lint. */
function checkCombination(paths: string[], o: CliOptions, useStdin: boolean, io: CliIO): void {
  const files = paths.filter((p) => p !== '-');
  const modes = [o.listRules && '--list-rules', o.explain !== undefined && '--explain', o.printConfig !== undefined && '--print-config'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be used together`);
  if (modes.length && (paths.length || o.stdin)) throw new UsageError(`${modes[0]} takes no notes to lint: remove ${paths.length ? `"${paths[0]}"` : '--stdin'}`);
  if (modes.length) return;
  if (useStdin && files.length) throw new UsageError(`--stdin lints standard input only: remove "${files[0]}" or --stdin`);
  if (o.stdinFilename !== undefined && !useStdin) throw new UsageError('--stdin-filename names the note on standard input: add --stdin');
  if (o.fix && o.fixDryRun) throw new UsageError('use --fix or --fix-dry-run, not both');
  if (o.fix && useStdin) throw new UsageError('--fix cannot write to standard input: use --fix-dry-run with -f json to get the fixed text');
  if (o.ignorePath !== undefined && !existsSync(path.resolve(io.cwd, o.ignorePath))) throw new UsageError(`--ignore-path: cannot find "${o.ignorePath}"`);
  if (useStdin && io.stdin.isTTY) throw new UsageError('--stdin: nothing is piped to standard input (try: recordlint --stdin < note.md)');
  if (!useStdin && !files.length) throw new UsageError('no notes given: name files, directories or globs (recordlint notes/), or pipe a note with --stdin');
}

async function checkFormat(name: string): Promise<void> {
  const { checkFormatterName } = await import('./reporters/index.js');
  try {
    checkFormatterName(name);
  } catch (error) {
    throw new UsageError(`--format: ${(error as Error).message}`);
  }
}

async function createEngine(o: CliOptions, io: CliIO): Promise<Recordlint> {
  const [{ Recordlint }, { RuleRegistry }, { parseRuleFlag }] = await Promise.all([import('./index.js'), import('./registry.js'), import('./config.js')]);
  const registry = new RuleRegistry();
  const rules: Record<string, RuleSetting> = {};
  for (const flag of o.rule ?? []) {
    const [id, setting] = parseRuleFlag(flag, registry);
    rules[id] = setting;
  }
  return new Recordlint({
    cwd: io.cwd,
    registry,
    configFile: typeof o.config === 'string' ? o.config : undefined,
    useConfigFiles: o.config !== false,
    rules,
    ignore: o.ignore,
    ignorePath: o.ignorePath,
    errorOnUnmatchedPattern: o.errorOnUnmatchedPattern,
    fix: Boolean(o.fix || o.fixDryRun),
  });
}

async function lintStdin(engine: Recordlint, o: CliOptions, io: CliIO): Promise<LintResult[]> {
  const [{ decodeNote }, { fatalResult }] = await Promise.all([import('./files.js'), import('./index.js')]);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const decoded = decodeNote(Buffer.concat(chunks));
  const filePath = o.stdinFilename;
  if (!decoded.ok) return [fatalResult(filePath ? path.resolve(io.cwd, filePath) : '<text>', decoded.messageId, decoded.message)];
  // An empty note, like an empty file, is linted: no problems (README: "What counts as bad input").
  const results = await engine.lintText(decoded.text, { filePath, skipIgnored: true });
  // --fix-dry-run shows a diff against the text that came in.
  if (o.fixDryRun) (await import('./fix-files.js')).rememberOriginal(results, decoded.text);
  return results;
}

// ---------------------------------------------------------------- --fix, --fix-dry-run, --cache, --init
// (src/fix-files.ts, src/cache.ts, src/init.ts; README "Fixing, caching and starting a config")

/** Report formats for people: a --fix-dry-run diff can go on stdout before them. */
const humanFormats = new Set(['stylish', 'compact', 'summary']);

/**
 * --fix: write the fixed notes (one line on stderr for each that cannot be
 * written; the others still are). --fix-dry-run: print a unified diff on
 * stdout, unless stdout carries a machine-readable report (then the fixed text
 * is only in it, as "output" in JSON). True when a fixed note could not be written.
 */
async function handleFixes(results: LintResult[], o: CliOptions, io: CliIO): Promise<boolean> {
  if (!o.fix && !o.fixDryRun) return false;
  const { writeFixedNotes, fixDiff } = await import('./fix-files.js');
  if (o.fixDryRun) {
    if (o.outputFile === undefined && !humanFormats.has(o.format)) return false;
    const diff = await fixDiff(results, { cwd: io.cwd, color: useColor({ color: o.color }, io) });
    if (diff) io.stdout.write(`${diff}\n`);
    return false;
  }
  const { failures } = writeFixedNotes(results);
  for (const failure of failures) io.stderr.write(`recordlint: cannot write the fixed note "${displayPath(failure.filePath, io.cwd)}": ${failure.reason}\n`);
  return failures.length > 0;
}

function checkCacheFlags(o: CliOptions): void {
  if (o.cacheLocation !== undefined && !o.cache) throw new UsageError('--cache-location says where the cache goes: add --cache');
}

async function openCache(o: CliOptions, io: CliIO): Promise<import('./cache.js').LintCache> {
  const { LintCache, resolveCacheLocation } = await import('./cache.js');
  return LintCache.load(resolveCacheLocation(io.cwd, o.cacheLocation), readVersion());
}

async function lintCached(engine: Recordlint, paths: string[], cache: import('./cache.js').LintCache, o: CliOptions): Promise<LintResult[]> {
  const { lintFilesCached } = await import('./cache.js');
  return lintFilesCached(engine, paths, { cache, fix: Boolean(o.fix || o.fixDryRun) });
}

/** A cache that cannot be written costs the next run time, not this run its result: one line on stderr. */
function saveCache(cache: import('./cache.js').LintCache, o: CliOptions, io: CliIO): void {
  try {
    cache.save();
  } catch (error) {
    io.stderr.write(`recordlint: cannot write the cache "${displayPath(cache.file, io.cwd)}": ${describeIOError(error)}\n`);
  }
  if (o.debug) {
    const { hits, linted, rebuilt } = cache.stats;
    io.stderr.write(`recordlint: cache ${displayPath(cache.file, io.cwd)}: ${hits} unchanged, ${linted} linted${rebuilt ? ' (the old cache could not be used and was rebuilt)' : ''}\n`);
  }
}

async function initCommand(paths: string[], o: CliOptions, io: CliIO): Promise<number> {
  if (!o.init) throw new UsageError('--preset goes with --init (recordlint --init --preset dudley)');
  if (paths.length || o.stdin) throw new UsageError(`--init takes no notes: remove ${paths.length ? `"${paths[0]}"` : '--stdin'}`);
  const { runInit, terminalPrompt, InitError } = await import('./init.js');
  const stdin = io.stdin as unknown as NodeJS.ReadableStream;
  // Ask only when a person is at a terminal on both ends.
  const interactive = o.preset === undefined && Boolean(io.stdin.isTTY && io.stdout.isTTY) && typeof stdin.on === 'function';
  const prompt = interactive ? terminalPrompt(stdin, io.stdout as unknown as NodeJS.WritableStream) : undefined;
  try {
    await runInit({ cwd: io.cwd, out: (text) => io.stdout.write(text), ask: prompt?.ask }, o.preset);
    return 0;
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.stderr.write(`recordlint: ${error.message}\n`);
    return 2;
  } finally {
    prompt?.close();
  }
}

/**
 * Notes that could not be linted: one line each on stderr, when the report
 * is not already showing them in the terminal (JSON, or a report file).
 */
function reportFileProblems(results: LintResult[], io: CliIO): void {
  for (const result of results) {
    for (const m of result.messages) if (m.fatal) io.stderr.write(`recordlint: ${displayPath(result.filePath, io.cwd)}: ${m.message}\n`);
  }
}

async function writeReport(results: LintResult[], engine: Recordlint, o: CliOptions, io: CliIO): Promise<void> {
  const { getFormatter } = await import('./reporters/index.js');
  const format = await getFormatter(o.format);
  const text = format(results, { cwd: io.cwd, color: useColor(o, io), rulesMeta: await engine.rulesMetaFor(results), version: readVersion() });
  if (o.outputFile === undefined) {
    if (text) io.stdout.write(`${text}\n`);
    return;
  }
  const { writeFileAtomic } = await import('./files.js');
  try {
    // In two parts: appending the newline would copy a long report whole.
    writeFileAtomic(path.resolve(io.cwd, o.outputFile), text ? [text, '\n'] : '');
  } catch (error) {
    throw new IOError(`cannot write the report to "${o.outputFile}": ${describeIOError(error)}`);
  }
}

class IOError extends Error {
  override name = 'IOError';
}

export function useColor(o: Pick<CliOptions, 'color' | 'outputFile'>, io: Pick<CliIO, 'env' | 'stdout'>): boolean {
  if (o.outputFile !== undefined) return false;
  if (o.color !== undefined) return o.color;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(io.stdout.isTTY);
}

function exitCode(results: LintResult[], maxWarnings: number, io: CliIO): number {
  let errors = 0;
  let warnings = 0;
  let fatal = false;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    fatal ||= r.messages.some((m) => m.fatal);
  }
  const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`recordlint: too many warnings (${warnings}; --max-warnings is ${maxWarnings})\n`);
  if (fatal) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

// ---------------------------------------------------------------- rule docs and config

async function listRules(o: CliOptions, io: CliIO, registry: RuleRegistry): Promise<number> {
  const [rules, { presetsEnabling }, { docsUrl }] = await Promise.all([registry.loadAll(), import('./config.js'), import('./engine.js')]);
  const rows = rules.map((rule) => ({
    id: rule.id,
    defaultSeverity: rule.meta.defaultSeverity,
    presets: presetsEnabling(rule.id, registry),
    fixable: rule.meta.fixable,
    description: rule.meta.description,
    url: docsUrl(rule),
  }));
  if (o.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const presetText = (r: (typeof rows)[number]) => (r.presets.length ? r.presets.map((p) => p.replace(/^recordlint:/, '')).join(', ') : '-');
  const presetWidth = Math.max(7, ...rows.map((r) => presetText(r).length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(idWidth)}  ${b.padEnd(7)}  ${c.padEnd(presetWidth)}  ${d}`.trimEnd();
  const out = [line('Rule', 'Default', 'Presets', 'Description'), ...rows.map((r) => line(r.id, r.defaultSeverity, presetText(r), r.description + (r.fixable === 'safe' ? ' (fixable)' : '')))];
  out.push('', `${rows.length} rule${rows.length === 1 ? '' : 's'}. Details: recordlint --explain <rule-id>`);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

async function explainRule(id: string, io: CliIO, registry: RuleRegistry): Promise<number> {
  const [{ presetsEnabling }, { guidance }, { docsUrl }, { nearest }] = await Promise.all([
    import('./config.js'),
    import('./guidance.js'),
    import('./engine.js'),
    import('./suggest.js'),
  ]);
  if (!registry.has(id)) {
    const guess = nearest(id, registry.ids());
    // A plugin's rules are known where a config that names the plugin applies (the working directory's).
    const where = id.includes('/') && !guess ? ' (a plugin rule: run this in the folder whose config names the plugin)' : '';
    throw new UsageError(`--explain: unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : where}; run recordlint --list-rules to see them`);
  }
  const rule = await registry.load(id);
  const { meta } = rule;
  const presetNames = presetsEnabling(id, registry);
  const out = [
    `${rule.id}: ${meta.description}`,
    '',
    `  Type: ${meta.type}   Default: ${meta.defaultSeverity}   Presets: ${presetNames.length ? presetNames.join(', ') : 'none'}   Fixable: ${meta.fixable === 'safe' ? 'yes (--fix)' : meta.fixable === 'suggestion' ? 'suggests what to write' : 'no'}`,
  ];
  const passages = meta.guidance.map((gid) => guidance[gid]).filter(Boolean);
  if (passages.length) {
    out.push('', 'Why: the practice standards say');
    for (const p of passages) out.push(`  ${p.standard}, ${p.section}:`, ...wrapText(`“${p.quote}”`, 96).map((l) => `    ${l}`));
  }
  out.push('', 'What it reports');
  for (const [messageId, template] of Object.entries(meta.messages)) out.push(`  ${messageId}: ${template}`);
  out.push('', 'Options');
  const options = Object.entries(meta.options ?? {});
  if (!options.length) out.push('  none');
  for (const [name, spec] of options) out.push(`  ${name} (${spec.type}, default ${JSON.stringify(spec.default)}): ${spec.description}`);
  if (meta.examples) {
    out.push('', 'Bad', ...indentBlock(meta.examples.bad), '', 'Good', ...indentBlock(meta.examples.good));
  }
  out.push('', `Docs: ${docsUrl(rule)}`);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function indentBlock(text: string): string[] {
  return text.trimEnd().split(/\r?\n/).map((l) => `  | ${l}`.trimEnd());
}

function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

async function printConfig(engine: Recordlint, file: string, io: CliIO): Promise<number> {
  const { describeConfig } = await import('./config.js');
  const config = await engine.calculateConfigForFile(file);
  const described = await describeConfig(config, engine.registry, `The config for ${file}, from ${config.filePath ?? 'the defaults (recordlint:recommended)'}`);
  io.stdout.write(`${JSON.stringify(described, null, 2)}\n`);
  return 0;
}

// ---------------------------------------------------------------- failures

/** Errors that are the user's to fix: their message says it all, no hint about --debug. */
const expectedErrors = new Set(['UsageError', 'ConfigError', 'FormatterError', 'NoFilesError', 'IOError', 'OptionsError', 'IgnoreFileError']);

function reportFailure(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof Done) return error.code;
  const kind = (error as object | undefined)?.constructor?.name ?? '';
  // Each run of spaces with a line break in it becomes one space (as /\s*\n\s*/g, without its quadratic backtracking).
  const message = String((error as Error)?.message ?? error).replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run));
  io.stderr.write(`recordlint: ${message}\n`);
  if (error instanceof UsageError) io.stderr.write('Run recordlint --help for usage.\n');
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  else if (!expectedErrors.has(kind)) io.stderr.write('(run with --debug to see where it failed)\n');
  return 2;
}

function displayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const rel = path.relative(cwd, filePath);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : filePath;
}

function describeIOError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String((error as Error).message);
}
