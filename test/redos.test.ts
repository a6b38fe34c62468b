// Every regular expression recordlint runs is checked for catastrophic
// backtracking (exponential or polynomial matching time) with recheck.
//
// Nothing is missed by hand: regular expression literals and `new RegExp(...)`
// / `RegExp(...)` calls are found in every source file under src/ and rules/
// (tests aside) with the TypeScript compiler. The source of a `new RegExp` is
// worked out from the code when it is built from constants (strings,
// templates, `[...].join()`, `String.raw`, other constants); one built at run
// time from parameters is caught when it is constructed: the test loads every
// module and lints every fixture note with every rule while `RegExp` is
// watched, and each such call site must have been seen. Word lists that become
// regular expressions (write-good's phrase lists) are checked phrase by phrase,
// ten to an expression, as the code builds them. REDOS_DEBUG=1 prints each
// verdict and how long it took.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { check, type Diagnostics } from 'recheck';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(new URL('..', import.meta.url).pathname);

interface Found {
  source: string;
  flags: string;
  /** file:line (repository-relative). */
  where: string;
}

/**
 * Expressions recheck cannot decide ('unknown'), each looked at by hand.
 * Keyed by source; the reason says why it is safe.
 */
const reviewedUnknown: Record<string, string> = {};

/** Expressions recheck calls vulnerable that cannot take the time it fears, with the reason. Keep empty if you can. */
const acceptedVulnerable: Record<string, string> = {
  '/^([^\\s#:](?:[^:\\r\\n]*[^:\\r\\n \\t])?)[ \\t]*:(?=[ \\t]|$)([^\\r\\n]*)/m':
    'src/frontmatter.ts, a front matter line. recheck\'s fuzzer calls it quadratic only with the m flag (the same expression without it: safe), ' +
    'and V8 runs its attack string (\'\\x00 \' 38,730 times) and a line of 80,000 spaces in about 2 ms: each line start is tried once, ' +
    'and the key\'s greedy run backs off over its line once. (The expression it replaced, with a lazy key, was quadratic in V8 too.)',
};

// ---------------------------------------------------------------- finding them in the code

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(file));
    else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) out.push(file);
  }
  return out;
}

const files = [...sourceFiles(path.join(repo, 'src')), ...sourceFiles(path.join(repo, 'rules'))].sort();

const relative = (file: string) => path.relative(repo, file).split(path.sep).join('/');
const lineOf = (node: ts.Node) => node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
const whereOf = (node: ts.Node) => `${relative(node.getSourceFile().fileName)}:${lineOf(node)}`;

/** The string value of an expression built from constants, or undefined. */
function evaluate(node: ts.Expression, checker: ts.TypeChecker, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const again = (e: ts.Expression) => evaluate(e, checker, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) return again(node.expression);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = again(span.expression);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const template = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(template)) return template.rawText;
    let out = template.head.rawText ?? '';
    for (const span of template.templateSpans) {
      const value = again(span.expression);
      if (value === undefined) return undefined;
      out += value + (span.literal.rawText ?? '');
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = again(node.left);
    const b = again(node.right);
    return a === undefined || b === undefined ? undefined : a + b;
  }
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
      return again(declaration.initializer);
    }
    return undefined;
  }
  // `[...].join(separator)`
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const list = arrayOf(node.expression.expression, checker, depth + 1);
    if (!list) return undefined;
    const separator = node.arguments[0] ? again(node.arguments[0]) : ',';
    return separator === undefined ? undefined : list.join(separator);
  }
  // `someRegex.source`
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source') {
    const regex = regexOf(node.expression, checker);
    return regex?.source;
  }
  return undefined;
}

function arrayOf(node: ts.Expression, checker: ts.TypeChecker, depth: number): string[] | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return arrayOf(node.expression, checker, depth);
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return arrayOf(declaration.initializer, checker, depth);
    return undefined;
  }
  if (!ts.isArrayLiteralExpression(node)) return undefined;
  const out: string[] = [];
  for (const element of node.elements) {
    const value = evaluate(element as ts.Expression, checker, depth);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

function regexOf(node: ts.Expression, checker: ts.TypeChecker): { source: string; flags: string } | undefined {
  if (ts.isRegularExpressionLiteral(node)) return parseLiteral(node.text);
  if (ts.isIdentifier(node)) {
    const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) return regexOf(declaration.initializer, checker);
  }
  return undefined;
}

function parseLiteral(text: string): { source: string; flags: string } {
  const end = text.lastIndexOf('/');
  return { source: text.slice(1, end), flags: text.slice(end + 1) };
}

interface StaticScan {
  found: Found[];
  /** `new RegExp(...)` calls whose source is only known at run time. */
  dynamic: Array<{ file: string; line: number; where: string; code: string }>;
}

function scanSources(): StaticScan {
  const program = ts.createProgram(files, { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022, allowJs: false, types: [] });
  const checker = program.getTypeChecker();
  const found: Found[] = [];
  const dynamic: StaticScan['dynamic'] = [];
  for (const file of files) {
    const sourceFile = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        found.push({ ...parseLiteral(node.text), where: whereOf(node) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [sourceArg, flagsArg] = node.arguments ?? [];
        const source = sourceArg ? evaluate(sourceArg, checker) : '';
        const flags = flagsArg ? evaluate(flagsArg, checker) : '';
        if (source !== undefined && flags !== undefined) found.push({ source, flags, where: whereOf(node) });
        else dynamic.push({ file: relative(file), line: lineOf(node), where: whereOf(node), code: node.getText().slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { found, dynamic };
}

/**
 * JSON files under rules/ and src/ that are not word lists in the lexicon
 * format (matched word by word by a trie, never as regular expressions) but
 * lists of regular expression pieces: each list, by key, and whether
 * phraseMatchers build it with `(?<!-)`.
 */
const regexLists: Record<string, Record<string, boolean>> = {
  'rules/plain-english/write-good-phrases.json': { cliches: false, tooWordy: true },
};
/**
 * Where phraseMatchers build its expressions at run time: from the phrases of a
 * sentence, so whatever the fixture notes happen to contain. The lists are
 * checked instead, ten phrases at a time, as phraseMatchers write them (one
 * expression of all 934 is more than recheck can decide; an alternation of
 * phrases that each match at least one letter adds work per position, not
 * backtracking).
 */
const listSites = ['rules/plain-english/write-good-checks.ts:'];
const listGroup = 10;

function listExpressions(): Found[] {
  const out: Found[] = [];
  for (const [file, lists] of Object.entries(regexLists)) {
    const data = JSON.parse(readFileSync(path.join(repo, file), 'utf8')) as Record<string, string[]>;
    for (const [name, notAfterHyphen] of Object.entries(lists)) {
      const phrases = data[name].map((phrase) => phrase.replace(/ /g, '[\\b\\s\\u200C]*'));
      for (let i = 0; i < phrases.length; i += listGroup) {
        const group = phrases.slice(i, i + listGroup);
        out.push({ source: `\\b${notAfterHyphen ? '(?<!-)' : ''}(${group.join('|')})\\b`, flags: 'gi', where: `${file} (${name} ${i + 1}-${i + group.length})` });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- catching them at run time

interface Constructed {
  source: string;
  flags: string;
  /** file:line of the first frame in src/ or rules/, when the stack shows one. */
  where?: string;
}

async function constructedAtRunTime(): Promise<Constructed[]> {
  const seen: Constructed[] = [];
  const Original = globalThis.RegExp;
  const record = (args: unknown[]) => {
    const [pattern, flags] = args;
    const source = pattern instanceof Original ? pattern.source : String(pattern ?? '');
    const flagText = flags === undefined ? (pattern instanceof Original ? pattern.flags : '') : String(flags);
    const stack = new Error().stack ?? '';
    // The caller: the first frame outside this file. In src/ or rules/ it is ours; anywhere else, a library's.
    const caller = stack.split('\n').slice(1).find((line) => /\bat\b/.test(line) && !line.includes('redos.test'));
    const m = caller ? /\/((?:src|rules)\/[^\s:()]+\.ts):(\d+):\d+/.exec(caller) : null;
    seen.push({ source, flags: flagText, where: m && !caller!.includes('node_modules') ? `${m[1]}:${m[2]}` : undefined });
  };
  const Watched = new Proxy(Original, {
    construct(target, args, newTarget) {
      record(args);
      return Reflect.construct(target, args, newTarget === Watched ? target : newTarget);
    },
    apply(target, thisArg, args) {
      record(args);
      return Reflect.apply(target, thisArg, args);
    },
  });
  globalThis.RegExp = Watched;
  try {
    for (const file of files) await import(/* @vite-ignore */ file);
    // Run everything that builds expressions when it lints: every rule, every preset's options, every fixture note.
    const { builtinRules } = await import('../src/registry.js');
    const { presets } = await import('../src/presets.js');
    const { resolveOptions } = await import('../src/rule.js');
    const { parseNote, kindOf } = await import('../src/parse.js');
    const { runRules } = await import('../src/engine.js');
    const rules = await Promise.all(Object.values(builtinRules).map(async (load) => (await load()).default));
    const enabled = rules.flatMap((rule) => {
      const settings: unknown[] = [undefined];
      for (const preset of Object.values(presets)) {
        const setting = preset.rules[rule.id];
        if (Array.isArray(setting) && setting[1] !== undefined) settings.push(setting[1]);
      }
      return settings.map((given) => ({ rule, severity: 1 as const, options: resolveOptions(rule, given, rule.id) }));
    });
    const notes = noteFiles(path.join(repo, 'fixtures'));
    const knownRuleIds = new Set(Object.keys(builtinRules));
    for (const file of notes) {
      const note = parseNote(readFileSync(file, 'utf8'), kindOf(file));
      runRules(note, enabled, { filePath: file, knownRuleIds });
    }
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

function noteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...noteFiles(file));
    else if (/\.(md|markdown|txt)$/.test(entry.name)) out.push(file);
  }
  return out;
}

// ---------------------------------------------------------------- the check

let scan: StaticScan;
let runtime: Constructed[];
/** Every distinct expression, with every place it comes from. */
const expressions = new Map<string, { source: string; flags: string; where: Set<string> }>();
const results = new Map<string, Diagnostics>();

/**
 * Verdicts from step counts, not from the clock, so they do not depend on how
 * busy the machine is (recheck's fuzzer otherwise calls an expression
 * vulnerable when a slow run of it times out).
 */
const params = { timeout: 60_000, attackTimeout: null, incubationTimeout: null, randomSeed: 1 } as const;

const keyOf = (source: string, flags: string) => `/${source}/${flags}`;
function add(source: string, flags: string, where: string): void {
  // Only flags that change matching: g and d do not (y does: a sticky expression is tried at one place only).
  const kept = [...new Set(flags.replace(/[gd]/g, ''))].sort().join('');
  const key = keyOf(source, kept);
  let entry = expressions.get(key);
  if (!entry) expressions.set(key, (entry = { source, flags: kept, where: new Set() }));
  entry.where.add(where);
}

beforeAll(async () => {
  scan = scanSources();
  runtime = await constructedAtRunTime();
  for (const f of scan.found) add(f.source, f.flags, f.where);
  for (const r of runtime) if (r.where && !listSites.some((site) => r.where!.startsWith(site))) add(r.source, r.flags, `${r.where} (built at run time)`);
  for (const f of listExpressions()) add(f.source, f.flags, f.where);
  // recheck's native checker runs one expression at a time; a few in flight keep both cores busy.
  const queue = [...expressions.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, { source, flags }] = next;
      const started = performance.now();
      // recheck's automaton checker is exact but can take half a minute on a long alternation with \w and
      // the i flag; past a few seconds its fuzzer (seeded, so the same every run) decides instead.
      const fromList = [...expressions.get(key)!.where].every((w) => w.includes('.json ('));
      let diagnostics = fromList ? await check(source, flags, { ...params, checker: 'fuzz' }) : await check(source, flags, { ...params, timeout: 5_000 });
      if (diagnostics.status === 'unknown' && diagnostics.error?.kind === 'timeout') diagnostics = await check(source, flags, { ...params, checker: 'fuzz' });
      results.set(key, diagnostics);
      if (process.env.REDOS_DEBUG) console.log(Math.round(performance.now() - started), results.get(key)!.status, key.slice(0, 100));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}, 600_000);

describe('ReDoS: every regular expression in src/ and rules/', () => {
  it('finds the expressions in every source file', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(scan.found.length).toBeGreaterThan(100);
    // Spot checks that the scan sees literals, constant `new RegExp`s and run-time ones.
    const wheres = [...expressions.values()].flatMap((e) => [...e.where]);
    expect(wheres.some((w) => w.startsWith('src/parse.ts:'))).toBe(true);
    expect(wheres.some((w) => w.includes('(built at run time)'))).toBe(true);
  });

  it('knows every JSON file that is not a word list (its strings may be regular expressions)', () => {
    const json = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? json(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
    const others = [...json(path.join(repo, 'src')), ...json(path.join(repo, 'rules'))]
      .filter((file) => !Array.isArray((JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown }).entries))
      .map(relative);
    expect(others.sort(), 'a new list of patterns: add it to regexLists and build its expressions above').toEqual(Object.keys(regexLists).sort());
    // Every phrase of each list was checked.
    for (const [file, lists] of Object.entries(regexLists)) {
      const data = JSON.parse(readFileSync(path.join(repo, file), 'utf8')) as Record<string, string[]>;
      const wheres = [...expressions.values()].flatMap((e) => [...e.where]);
      for (const name of Object.keys(lists)) {
        const checked = wheres.filter((w) => w.startsWith(`${file} (${name} `)).reduce((n, w) => n + (Number(/-(\d+)\)$/.exec(w)![1]) - Number(/ (\d+)-/.exec(w)![1]) + 1), 0);
        expect(checked, `${file} ${name}`).toBe(data[name].length);
      }
    }
  });

  it('sees every `new RegExp` whose source is only known at run time being built', () => {
    const builtAt = new Set(runtime.map((r) => r.where).filter(Boolean));
    const missed = scan.dynamic.filter((d) => !builtAt.has(`${d.file}:${d.line}`));
    expect(missed.map((d) => `${d.where}: ${d.code}`), 'make the source a constant, or make sure linting the fixture notes builds it').toEqual([]);
  });

  it('none is vulnerable to catastrophic backtracking', () => {
    const vulnerable: string[] = [];
    for (const [key, diagnostics] of results) {
      if (diagnostics.status !== 'vulnerable' || key in acceptedVulnerable) continue;
      const { where } = expressions.get(key)!;
      const attack = diagnostics.attack ? ` attack: ${diagnostics.attack.pattern}` : '';
      vulnerable.push(`${[...where].join(', ')}: ${truncate(key)} is ${diagnostics.complexity.summary};${attack}`);
    }
    expect(vulnerable).toEqual([]);
  });

  it('recheck decides every one (or it was reviewed by hand)', () => {
    const unknown: string[] = [];
    for (const [key, diagnostics] of results) {
      if (diagnostics.status !== 'unknown' || key in reviewedUnknown) continue;
      const { where } = expressions.get(key)!;
      unknown.push(`${[...where].join(', ')}: ${truncate(key)} (${diagnostics.error?.kind ?? 'unknown'})`);
    }
    expect(unknown).toEqual([]);
  });

  it('every allow-list entry is still in the code and still needs to be there', () => {
    for (const key of [...Object.keys(reviewedUnknown), ...Object.keys(acceptedVulnerable)]) {
      expect(results.has(key), `${key} is no longer in the code: remove it from the list`).toBe(true);
    }
    for (const key of Object.keys(reviewedUnknown)) expect(results.get(key)?.status).toBe('unknown');
    for (const key of Object.keys(acceptedVulnerable)) expect(results.get(key)?.status).toBe('vulnerable');
  });
});

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
