// esbuild plugins and steps of scripts/bundle.mjs that make the command start
// faster without changing what it does (README, "Performance"). Each is
// tested in test/bundle-plugins.test.ts.
import { readFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { dirname } from 'node:path';

/**
 * JSON modules (the rules' word lists) as `JSON.parse('...')` instead of an
 * object literal: V8 parses JSON faster than a literal, and the code cache
 * then holds one string for a list instead of the objects of a literal.
 *
 * With `lexiconForms` ({ field, forms } from src/lexicon.ts: precompiledForms
 * and phraseForms), each entry of a word list also gets the words of its
 * phrases, which Matcher would otherwise work out at every start.
 */
export function jsonParse({ lexiconForms } = {}) {
  return {
    name: 'json-parse',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, async ({ path }) => {
        const data = JSON.parse(await readFile(path, 'utf8'));
        if (lexiconForms && isLexicon(data)) for (const entry of data.entries) entry[lexiconForms.field] = lexiconForms.forms(entry);
        const text = JSON.stringify(data);
        return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
      });
    },
  };
}

/** A word list in the lexicon format (docs/LEXICON-FORMAT.md): entries with phrases to match. */
function isLexicon(data) {
  return Array.isArray(data?.entries) && data.entries.length > 0 && data.entries.every((entry) => Array.isArray(entry?.match));
}

/**
 * Some modules require, as they load, modules that only paths the command
 * never takes use: commander node:child_process (for executable
 * subcommands), cosmiconfig crypto (for a TypeScript config) and fs/promises
 * (for its asynchronous explorer), write-good the checks plain-english
 * replaces with its own. Loading each cost milliseconds on every run. `rules`
 * lists them, as `{ importer: /path/, modules: [...] }`: the importer gets a
 * stand-in that requires the module the first time it is called or a
 * property of it is read, and passes the call or the read on.
 */
export function lazyRequires(rules) {
  return {
    name: 'lazy-requires',
    setup(build) {
      for (const { importer, modules } of rules) {
        const filter = new RegExp(`^(${modules.map(escapeRegExp).join('|')})$`);
        build.onResolve({ filter }, (args) => {
          if (args.namespace !== 'file' || !importer.test(args.importer)) return undefined;
          return { path: `${args.path} from ${args.resolveDir}`, namespace: 'lazy-require', pluginData: { specifier: args.path, resolveDir: args.resolveDir } };
        });
      }
      build.onLoad({ filter: /.*/, namespace: 'lazy-require' }, ({ pluginData: { specifier, resolveDir } }) => ({
        contents: lazyModuleSource(specifier),
        resolveDir,
        loader: 'js',
      }));
    },
  };
}

/**
 * The stand-in: a function (so that a module that is a function can be
 * called) whose calls and property reads go to the module. A builtin has no
 * `__esModule`, which TypeScript's `__importDefault` reads at once: the
 * stand-in of a builtin answers that without loading it.
 */
function lazyModuleSource(specifier) {
  const esModule = isBuiltin(specifier) ? "key === '__esModule' ? undefined : " : '';
  return `let loaded;
const load = () => (loaded ??= require(${JSON.stringify(specifier)}));
module.exports = new Proxy(() => undefined, {
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  get: (_, key) => ${esModule}load()[key],
});
`;
}

const escapeRegExp = (text) => text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * write-good and its checks are CommonJS written for sloppy mode
 * (weasel-words and e-prime assign an undeclared `match`),
 * which the bundle, strict throughout (its TypeScript is), would turn into a
 * ReferenceError. Node's loader took 12 ms to find and load them from
 * node_modules. Instead, `file` (rules/plain-english/write-good-modules.ts,
 * which requires them from node_modules) becomes, in the bundle, a module
 * that runs them as Node would (sloppy, in a function with `module` and
 * `exports`) from a second, sloppy bundle of them built here, which the
 * bundle holds as a string. write-good's own checks that plain-english
 * replaces load on first use (lazyRequires). Same modules, same code.
 */
export function sloppyWriteGood(esbuild, file) {
  return {
    name: 'sloppy-write-good',
    setup(build) {
      build.onLoad({ filter: /[\\/]write-good-modules\.ts$/ }, async ({ path }) => {
        if (path !== file) return undefined;
        const exported = writeGoodExports(await readFile(path, 'utf8'));
        const code = await sloppyBundle(esbuild, exported);
        return {
          contents: `// write-good's modules, sloppy CommonJS, run as Node would run them (scripts/bundle-plugins.mjs).
const module = { exports: {} };
new Function('module', 'exports', ${JSON.stringify(code)})(module, module.exports);
export const { ${exported.map(([name]) => name).join(', ')} } = module.exports;
`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * What write-good-modules.ts exports, as [name, module] pairs, from its lines
 * `export const name = from...('module') as Type;`. Anything else there is an
 * error: the bundle would not have it.
 */
export function writeGoodExports(source) {
  const exported = [...source.matchAll(/^export const (\w+) = \w+\('([\w-]+)'\)(?: as (?:typeof )?\w+)?;$/gm)].map((m) => [m[1], m[2]]);
  const exports = source.match(/^export\b.*$/gm) ?? [];
  if (!exported.length || exports.length !== exported.length) {
    throw new Error(`bundle: write-good-modules.ts should only export \`export const name = fromWriteGood('module') as Type;\` lines: ${exports.join(' | ')}`);
  }
  return exported;
}

/** One sloppy-mode CommonJS script that sets module.exports to the named modules, as write-good resolves them. */
async function sloppyBundle(esbuild, exported) {
  const writeGoodDir = dirname(createRequire(import.meta.url).resolve('write-good'));
  const result = await esbuild.build({
    stdin: {
      contents: `module.exports = { ${exported.map(([name, id]) => `${name}: require(${JSON.stringify(id)})`).join(', ')} };`,
      resolveDir: writeGoodDir,
      loader: 'js',
    },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    plugins: [
      lazyRequires([
        {
          importer: /[\\/]write-good[\\/]write-good\.js$/,
          modules: ['too-wordy', 'no-cliches', 'passive-voice', './lib/lexical-illusions', './lib/starts-with-so', './lib/there-is', './lib/annotate'],
        },
      ]),
    ],
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const external = Object.values(result.metafile.outputs)[0].imports.filter((i) => i.external);
  if (external.length) throw new Error(`bundle: write-good's modules require ${external.map((i) => i.path).join(', ')}, which the sloppy bundle does not provide`);
  if (/^\s*["']use strict["']/.test(code)) throw new Error('bundle: the sloppy bundle of write-good came out strict');
  return code;
}

/**
 * esbuild's `charset: 'ascii'` escapes every character outside ASCII except
 * in regular expression literals (and tagged templates, whose raw text it
 * must keep). Escape those in regular expressions too, as \uXXXX for each
 * UTF-16 code unit, which means the same character there with or without the
 * u flag. `ts` (TypeScript) finds the literals. A literal where such a
 * character follows a backslash is left as it is.
 */
export function asciiRegExps(code, ts) {
  const source = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const start = node.getStart(source);
      const text = code.slice(start, node.end);
      if (/[^\0-\x7f]/.test(text) && !/\\[^\0-\x7f]/.test(text)) {
        edits.push([start, node.end, text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}
