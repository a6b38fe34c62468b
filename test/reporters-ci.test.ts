// The CI reporters (sarif, github, junit, compact, summary) and the JSON
// output's schema. One set of hand-made results goes through every reporter:
// errors, warnings, a fatal file error, a clean note, a problem with the note
// itself, characters to escape (%, line breaks, commas, colons, <, &, quotes,
// emoji, control characters, a lone surrogate), a Windows path and a note
// outside the working directory. Then each format once end to end, spawned
// on fixtures/notes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { LintMessage, LintResult } from '../src/types.js';
import type { RuleMeta } from '../src/rule.js';
import { makeResult } from '../src/linter.js';
import { fatalResult } from '../src/index.js';
import { guidance } from '../src/guidance.js';
import { formatterNames, getFormatter, type FormatterContext } from '../src/reporters/index.js';
import { json } from '../src/reporters/json.js';
import { sarif, toSarif, type SarifLog } from '../src/reporters/sarif.js';
import { github } from '../src/reporters/github.js';
import { junit } from '../src/reporters/junit.js';
import { compact } from '../src/reporters/compact.js';
import { summary } from '../src/reporters/summary.js';
import { portablePath, relativePath } from '../src/reporters/common.js';
import { cli, ensureBuilt, repo, type Run } from './helpers/spawn-cli.js';
import { fixtureNoteNames, tempRoot } from './helpers/folders.js';


// ---------------------------------------------------------------- the shared results

/** Words that are in the notes but in no message: no report may carry them. */
const secret = 'SECRET-CASE-NOTE-TEXT';

function message(overrides: Partial<LintMessage> = {}): LintMessage {
  return {
    ruleId: 'no-email-paste',
    messageId: 'pasted',
    severity: 2,
    message: 'This looks like a pasted email.',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    range: [0, 4],
    ...overrides,
  };
}

const emailMeta = {
  type: 'problem',
  description: 'Emails pasted into a case note',
  guidance: ['dudley:emails'],
  messages: { pasted: 'This looks like a pasted email.' },
  fixable: false,
  defaultSeverity: 'error',
  url: 'https://github.com/recordlint/recordlint/blob/main/rules/no-email-paste/README.md',
} satisfies RuleMeta;

const jargonMeta = {
  type: 'suggestion',
  description: 'Social work jargon a family would not use',
  guidance: ['coventry:plain-english', 'dudley:comprehensible'],
  messages: { jargon: '"{word}" is jargon.' },
  fixable: 'safe',
  defaultSeverity: 'warn',
  url: 'https://github.com/recordlint/recordlint/blob/main/rules/no-jargon/README.md',
} satisfies RuleMeta;

const cwd = '/work/notes';
const nasty = '50% done, see: <b>&amp;</b> "quoted" \'single\'\nsecond line\r\nthird 😀 ✓';
const oddName = `${cwd}/visits/50% off, "a" & <b>: é 😀#1?.md`;

const results: LintResult[] = [
  makeResult(
    `${cwd}/visits/a.md`,
    [
      message({ actual: 'From:', expected: ['a summary of the email'], note: 'Summarise it: who wrote, when, what they said.', url: emailMeta.url }),
      message({
        ruleId: 'no-jargon',
        messageId: 'jargon',
        severity: 1,
        message: `"LAC" is jargon: ${nasty}`,
        line: 3,
        column: 7,
        endLine: 3,
        endColumn: 10,
        range: [40, 43],
        actual: 'LAC',
        expected: ['looked-after child', 'child in care'],
        fix: { range: [40, 43], text: 'looked-after child' },
        url: jargonMeta.url,
      }),
      message({ ruleId: 'no-jargon', messageId: 'jargon', severity: 1, message: 'Spans lines.', line: 4, column: 3, endLine: 6, endColumn: 2, range: [50, 90] }),
    ],
    `From: school\n${secret}\nSpoke LAC\n`,
  ),
  makeResult(`${cwd}/clean.md`, [], `A clean note. ${secret}`),
  fatalResult(`${cwd}/binary.md`, 'binary', 'This is binary data, not a note (it contains NUL bytes): not linted.'),
  makeResult(
    oddName,
    [
      message({ ruleId: null, messageId: 'frontMatter', message: 'The front matter could not be read: bad, "x": y.', line: 2, column: 1, endLine: 2, endColumn: 1, range: [4, 4] }),
      message({ severity: 1, message: 'Control \u0007 bell, \u001b[2J escape, lone \ud800 surrogate, \u202e override.' }),
    ],
    secret,
  ),
  makeResult('C:\\Users\\sam\\notes\\visit.md', [message({ ruleId: 'no-jargon', messageId: 'jargon', severity: 1, line: 2, column: 2, endLine: 2, endColumn: 4 })], secret),
  makeResult('/elsewhere/outside.md', [message({ line: 9, column: 1, endLine: 9, endColumn: 2 })], secret),
];

const allMessages = results.flatMap((r) => r.messages.map((m) => ({ result: r, m })));
const totalErrors = results.reduce((n, r) => n + r.errorCount, 0);
const totalWarnings = results.reduce((n, r) => n + r.warningCount, 0);

const context = (overrides: Partial<FormatterContext> = {}): FormatterContext => ({
  cwd,
  color: false,
  rulesMeta: { 'no-email-paste': emailMeta, 'no-jargon': jargonMeta },
  version: '9.9.9',
  ...overrides,
});

const ciFormats = { sarif, github, junit, compact, summary };

// ---------------------------------------------------------------- schemas

// ajv-formats is CommonJS: its module.exports is the plugin, and so is its .default (the one TypeScript sees).
const addFormats = ajvFormats.default;

function sarifValidator(): ValidateFunction {
  // The official schema (test/schemas/README.md); strict mode off because the
  // schema itself trips Ajv's strict checks (anyOf branches with `required` only).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(repo, 'test/schemas/sarif-schema-2.1.0.json'), 'utf8')));
}

function outputValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(repo, 'docs/output-schema.json'), 'utf8')));
}

function expectValid(validate: ValidateFunction, data: unknown): void {
  const ok = validate(data);
  expect(ok ? [] : validate.errors).toEqual([]);
}

// ---------------------------------------------------------------- all five

describe('the CI reporters', () => {
  it('are registered for --format', async () => {
    expect(formatterNames).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'compact', 'summary']);
    for (const [name, formatter] of Object.entries(ciFormats)) expect(await getFormatter(name)).toBe(formatter);
  });

  it('are pure: same output for the same input, and the input is left alone', () => {
    const before = JSON.stringify(results);
    for (const format of Object.values(ciFormats)) expect(format(results, context())).toBe(format(results, context()));
    expect(JSON.stringify(results)).toBe(before);
  });

  it("never carry the note's text, only the reported words", () => {
    for (const [name, format] of Object.entries(ciFormats)) {
      const out = format(results, context());
      expect(out, name).not.toContain(secret);
      expect(out, name).not.toMatch(/"(?:source|snippet|contextRegion)"/);
    }
  });

  it('have no colour codes, whatever the context says', () => {
    for (const format of Object.values(ciFormats)) expect(format(results, context({ color: true }))).not.toContain('\u001b[');
  });
});

// ---------------------------------------------------------------- SARIF

describe('sarif reporter', () => {
  const validate = sarifValidator();
  const log = JSON.parse(sarif(results, context())) as SarifLog;
  const run = log.runs[0];

  it('is valid against the official SARIF 2.1.0 schema', () => {
    expectValid(validate, log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
  });

  it('is valid with no results, and with only a clean note', () => {
    for (const input of [[], [makeResult(`${cwd}/clean.md`, [])]]) {
      const empty = JSON.parse(sarif(input, context({ rulesMeta: {} }))) as SarifLog;
      expectValid(validate, empty);
      expect(empty.runs[0].results).toEqual([]);
      expect(empty.runs[0].tool.driver.rules).toEqual([]);
    }
  });

  it('names the tool, its version and home, and counts columns in UTF-16 code units', () => {
    expect(run.tool.driver).toMatchObject({ name: 'recordlint', version: '9.9.9', informationUri: 'https://github.com/recordlint/recordlint' });
    expect(run.columnKind).toBe('utf16CodeUnits');
    const noVersion = toSarif(results, context({ version: undefined }));
    expect(noVersion.runs[0].tool.driver).not.toHaveProperty('version');
    expectValid(validate, noVersion);
  });

  it('describes each rule that reported, once, with its help text, the standard it enforces and its URL', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(['no-email-paste', 'no-jargon', 'recordlint/file-error', 'recordlint/front-matter']);
    const [email, jargon] = run.tool.driver.rules;
    expect(email).toMatchObject({
      id: 'no-email-paste',
      name: 'NoEmailPaste',
      shortDescription: { text: 'Emails pasted into a case note' },
      helpUri: emailMeta.url,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['problem'] },
    });
    expect(email.fullDescription.text).toBe('Emails pasted into a case note. Practice standards: Dudley Practice Standard: Recording, Emails.');
    expect(email.help.text).toContain(guidance['dudley:emails'].quote);
    expect(email.help.markdown).toContain(`> ${guidance['dudley:emails'].quote}`);
    expect(email.help.markdown).toContain(`[Documentation](${emailMeta.url})`);
    expect(email.help.text).toContain('recordlint --explain no-email-paste');
    expect(jargon.defaultConfiguration.level).toBe('warning');
    expect(jargon.help.text).toContain(guidance['coventry:plain-english'].quote);
    expect(jargon.help.text).toContain(guidance['dudley:comprehensible'].quote);
  });

  it('falls back to the message for a rule without metadata', () => {
    const out = toSarif([makeResult(`${cwd}/a.md`, [message({ ruleId: 'plugin-rule', severity: 1, url: 'https://example.org/plugin-rule' })])], context({ rulesMeta: {} }));
    expect(out.runs[0].tool.driver.rules[0]).toMatchObject({
      id: 'plugin-rule',
      name: 'PluginRule',
      shortDescription: { text: 'plugin-rule' },
      helpUri: 'https://example.org/plugin-rule',
      defaultConfiguration: { level: 'warning' },
    });
    expectValid(validate, out);
  });

  it('has one result per message, pointing at its rule, with level, message and region', () => {
    expect(run.results).toHaveLength(allMessages.length);
    run.results.forEach((r, i) => {
      const { m } = allMessages[i];
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.level).toBe(m.severity === 2 ? 'error' : 'warning');
      expect(r.message.text).toBe(m.message);
      expect(r.locations[0].physicalLocation.region).toEqual({ startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn });
    });
    expect(run.results[1].properties).toEqual({ messageId: 'jargon', actual: 'LAC', expected: ['looked-after child', 'child in care'] });
  });

  it('gives problems with the note itself a rule of their own, so code scanning shows them', () => {
    const fatal = run.results.find((r) => r.ruleId === 'recordlint/file-error')!;
    expect(fatal).toMatchObject({ level: 'error', message: { text: 'This is binary data, not a note (it contains NUL bytes): not linted.' } });
    expect(fatal.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'binary.md', uriBaseId: '%SRCROOT%' });
    const frontMatter = run.tool.driver.rules.find((r) => r.id === 'recordlint/front-matter')!;
    expect(frontMatter).toMatchObject({ name: 'FrontMatter', defaultConfiguration: { level: 'error' } });
    expect(frontMatter.helpUri).toMatch(/^https:\/\//);
  });

  it('gives paths relative to the working directory under %SRCROOT%, percent-encoded, and file:// URIs outside it', () => {
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'visits/a.md', uriBaseId: '%SRCROOT%' });
    const odd = uris[allMessages.findIndex((x) => x.result.filePath === oddName)];
    expect(odd.uriBaseId).toBe('%SRCROOT%');
    expect(odd.uri).toBe('visits/50%25%20off%2C%20%22a%22%20%26%20%3Cb%3E%3A%20%C3%A9%20%F0%9F%98%80%231%3F.md');
    expect(decodeURIComponent(odd.uri)).toBe(path.relative(cwd, oddName));
    expect(uris[uris.length - 2]).toEqual({ uri: 'file:///C:/Users/sam/notes/visit.md' });
    expect(uris[uris.length - 1]).toEqual({ uri: 'file:///elsewhere/outside.md' });
  });

  it('makes Windows paths relative to a Windows working directory, with forward slashes', () => {
    const out = toSarif([makeResult('C:\\Users\\sam\\notes\\visit one.md', [message()])], context({ cwd: 'C:\\Users\\sam' }));
    expect(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'notes/visit%20one.md', uriBaseId: '%SRCROOT%' });
    expectValid(validate, out);
  });
});

// ---------------------------------------------------------------- GitHub

interface Annotation {
  kind: string;
  props: Record<string, string>;
  text: string;
}

/** Parse workflow commands back, undoing GitHub's escaping. */
function parseCommands(out: string): Annotation[] {
  const unescape = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  return out.split('\n').map((line) => {
    const match = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
    if (!match) throw new Error(`not a workflow command: ${line}`);
    const props: Record<string, string> = {};
    for (const pair of match[2].split(',')) {
      const eq = pair.indexOf('=');
      expect(eq).toBeGreaterThan(0);
      const key = pair.slice(0, eq);
      expect(props).not.toHaveProperty(key);
      props[key] = unescape(pair.slice(eq + 1));
    }
    expect(match[3]).not.toMatch(/[\r\n]|%(?!25|0D|0A)/);
    return { kind: match[1], props, text: unescape(match[3]) };
  });
}

describe('github reporter', () => {
  const out = github(results, context());
  const annotations = parseCommands(out);

  it('prints one workflow command per problem, nothing else, and nothing when there are none', () => {
    expect(annotations).toHaveLength(allMessages.length);
    expect(github([], context())).toBe('');
    expect(github([makeResult(`${cwd}/clean.md`, [])], context())).toBe('');
  });

  it('uses ::error for errors, ::warning for warnings, the rule as title and the position', () => {
    annotations.forEach((a, i) => {
      const { m } = allMessages[i];
      expect(a.kind).toBe(m.severity === 2 ? 'error' : 'warning');
      expect(a.props.title).toBe(m.ruleId ?? 'recordlint');
      expect(a.props.line).toBe(String(m.line));
      expect(a.props.endLine).toBe(String(m.endLine));
    });
    expect(out.split('\n')[0]).toBe(
      '::error file=visits/a.md,line=1,col=1,endLine=1,endColumn=5,title=no-email-paste::This looks like a pasted email.%0AWrite instead: "a summary of the email"%0AWhy: Summarise it: who wrote, when, what they said.',
    );
  });

  it('gives columns only for a problem on one line', () => {
    const spans = annotations[2];
    expect(spans.props).toEqual({ file: 'visits/a.md', line: '4', endLine: '6', title: 'no-jargon' });
  });

  it('escapes % and line breaks in the message, and also : and , in properties', () => {
    expect(annotations[1].text).toBe(`"LAC" is jargon: ${nasty}\nWrite instead: "looked-after child" or "child in care"`);
    expect(out.split('\n')[1]).toContain('50%25 done, see: <b>&amp;</b>');
    expect(out.split('\n')[1]).toContain('%0Asecond line%0D%0Athird 😀 ✓');
    const odd = annotations.find((a) => a.props.file.includes('50%'))!;
    expect(odd.props.file).toBe('visits/50% off, "a" & <b>: é 😀#1?.md');
    expect(out).toContain('file=visits/50%25 off%2C "a" & <b>%3A é 😀#1?.md,');
    const frontMatter = annotations.find((a) => a.props.title === 'recordlint' && a.text.startsWith('The front matter'))!;
    expect(frontMatter.text).toBe('The front matter could not be read: bad, "x": y.');
  });

  it('keeps control characters and bidi overrides out of the log', () => {
    expect(out).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(annotations.find((a) => a.text.startsWith('Control'))!.text).toContain('\ufffd bell');
  });

  it('gives paths relative to the working directory with forward slashes', () => {
    expect(annotations.map((a) => a.props.file)).toContain('C:/Users/sam/notes/visit.md');
    expect(annotations.map((a) => a.props.file)).toContain('/elsewhere/outside.md');
    const win = parseCommands(github([makeResult('C:\\Users\\sam\\notes\\visit.md', [message()])], context({ cwd: 'C:\\Users\\sam' })));
    expect(win[0].props.file).toBe('notes/visit.md');
  });
});

// ---------------------------------------------------------------- JUnit

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A strict little XML 1.0 parser, enough for JUnit: elements, attributes,
 * text, the five predefined entities and character references; an XML
 * declaration; no comments, CDATA, DTDs or processing instructions. Throws on
 * anything not well-formed (unclosed or mismatched tags, a raw & or <, an
 * unknown entity, a duplicate attribute, a character XML cannot hold).
 */
function parseXml(xml: string): XmlElement {
  const legal = /^[\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
  if (!legal.test(xml)) throw new Error('a character XML 1.0 cannot hold');
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const name = (): string => {
    const m = /^[A-Za-z_][\w.-]*/.exec(xml.slice(i));
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const space = () => {
    while (/\s/.test(xml[i] ?? '')) i++;
  };
  const decode = (raw: string): string => {
    if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) fail('raw < or & or an unknown entity');
    return raw.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (e in named) return named[e];
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      const ch = String.fromCodePoint(code);
      if (!legal.test(ch)) fail('a character reference XML cannot hold');
      return ch;
    });
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      space();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected space before an attribute');
      const key = name();
      if (key in el.attributes) fail(`duplicate attribute ${key}`);
      if (xml[i] !== '=' || xml[i + 1] !== '"') fail('expected ="');
      const end = xml.indexOf('"', i + 2);
      if (end < 0) fail('unclosed attribute');
      // Attribute-value normalisation: literal whitespace becomes a space.
      el.attributes[key] = decode(xml.slice(i + 2, end).replace(/[\t\n\r]/g, ' '));
      i = end + 1;
    }
    for (;;) {
      if (i >= xml.length) fail(`unclosed <${el.name}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched </...> for <${el.name}>`);
        space();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (xml[i] === '<') el.children.push(element());
      else {
        const end = xml.indexOf('<', i);
        el.text += decode(xml.slice(i, end < 0 ? xml.length : end).replace(/\r\n?/g, '\n'));
        i = end < 0 ? xml.length : end;
      }
    }
  };
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!declaration) fail('expected the XML declaration');
  i = declaration![0].length;
  const root = element();
  space();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

describe('junit reporter', () => {
  const out = junit(results, context());
  const root = parseXml(out);
  const elementsOnly = (el: XmlElement) => el.children.every((c) => c.name) && el.text.trim() === '';

  it('is well-formed XML, also with nothing to report', () => {
    expect(root.name).toBe('testsuites');
    expect(elementsOnly(root)).toBe(true);
    const empty = parseXml(junit([], context()));
    expect(empty).toEqual({ name: 'testsuites', attributes: { name: 'recordlint', tests: '0', failures: '0', errors: '0' }, children: [], text: '\n' });
  });

  it('the little parser rejects what is not well-formed', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of ['<a>', '<a></b>', '<a x="1" x="2"/>', '<a>&</a>', '<a>&nbsp;</a>', '<a x="<"/>', '<a>\u0001</a>', '<a/><b/>', '<a>&#1;</a>']) {
      expect(() => parseXml(head + bad), bad).toThrow();
    }
    expect(parseXml(`${head}<a x="1&#10;2 &amp; 3">t &lt; u</a>`)).toEqual({ name: 'a', attributes: { x: '1\n2 & 3' }, children: [], text: 't < u' });
  });

  it('has one testsuite per note with its counts, and totals on testsuites', () => {
    expect(root.children.map((s) => s.name)).toEqual(results.map(() => 'testsuite'));
    root.children.forEach((suite, i) => {
      const r = results[i];
      const fatal = r.messages.filter((m) => m.fatal).length;
      expect(suite.attributes.name).toBe(portablePath(r.filePath, cwd));
      expect(suite.attributes.tests).toBe(String(Math.max(1, r.messages.length)));
      expect(suite.attributes.failures).toBe(String(r.errorCount + r.warningCount - fatal));
      expect(suite.attributes.errors).toBe(String(fatal));
      expect(suite.children).toHaveLength(Math.max(1, r.messages.length));
      expect(elementsOnly(suite)).toBe(true);
    });
    expect(root.attributes).toEqual({
      name: 'recordlint',
      tests: String(results.reduce((n, r) => n + Math.max(1, r.messages.length), 0)),
      failures: String(totalErrors + totalWarnings - 1),
      errors: '1',
    });
  });

  it('has a testcase per problem: classname the rule, name line:col message, a failure with the details', () => {
    const cases = root.children.flatMap((s) => s.children).filter((c) => c.children.length);
    expect(cases).toHaveLength(allMessages.length);
    cases.forEach((c, i) => {
      const { m } = allMessages[i];
      const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff](?<![\ud800-\udbff][\udc00-\udfff])(?![\udc00-\udfff])/g, '');
      expect(c.attributes.classname).toBe(m.ruleId ?? 'recordlint');
      expect(c.attributes.name).toBe(clean(`${m.line}:${m.column} ${m.message}`));
      const [failure] = c.children;
      expect(failure.name).toBe(m.fatal ? 'error' : 'failure');
      expect(failure.attributes.type).toBe(m.fatal ? 'fatal' : m.severity === 2 ? 'error' : 'warning');
      expect(failure.attributes.message).toBe(clean(m.message));
    });
    const [email] = cases;
    expect(email.children[0].text).toBe(
      `visits/a.md:1:1: error This looks like a pasted email. [no-email-paste]\nWrite instead: "a summary of the email"\nWhy: Summarise it: who wrote, when, what they said.\nRule: ${emailMeta.url}`,
    );
  });

  it('keeps the text exact through escaping, line breaks included', () => {
    const jargon = root.children[0].children[1];
    expect(jargon.attributes.name).toBe(`3:7 "LAC" is jargon: ${nasty}`);
    expect(jargon.children[0].text).toContain(`"LAC" is jargon: ${nasty}`);
  });

  it('drops the characters XML 1.0 cannot hold', () => {
    expect(out).not.toMatch(/[\u0007\u001b]/);
    const control = root.children[3].children[1].children[0];
    expect(control.attributes.message).toBe('Control  bell, [2J escape, lone  surrogate, \u202e override.');
  });

  it('has a passing testcase for a clean note', () => {
    expect(root.children[1]).toMatchObject({ attributes: { name: 'clean.md', tests: '1', failures: '0', errors: '0' } });
    expect(root.children[1].children).toEqual([{ name: 'testcase', attributes: { classname: 'recordlint', name: 'no problems', file: 'clean.md' }, children: [], text: '' }]);
  });
});

// ---------------------------------------------------------------- compact

describe('compact reporter', () => {
  const out = compact(results, context());
  const line = /^(.+):(\d+):(\d+): (error|warning) (.*) \[([^\]]+)\]$/;

  it('prints path:line:col: severity message [rule], one line per problem, nothing else', () => {
    const lines = out.split('\n');
    expect(lines).toHaveLength(allMessages.length);
    lines.forEach((l, i) => {
      const { result, m } = allMessages[i];
      const match = line.exec(l);
      expect(match, l).not.toBeNull();
      expect(match!.slice(1)).toEqual([
        relativePath(result.filePath, cwd),
        String(m.line),
        String(m.column),
        m.severity === 2 ? 'error' : 'warning',
        expect.any(String),
        m.ruleId ?? 'recordlint',
      ]);
    });
    expect(lines[0]).toBe('visits/a.md:1:1: error This looks like a pasted email. [no-email-paste]');
    expect(lines[1]).toBe(`visits/a.md:3:7: warning "LAC" is jargon: 50% done, see: <b>&amp;</b> "quoted" 'single' second line third 😀 ✓ [no-jargon]`);
  });

  it('prints nothing when there are no problems', () => {
    expect(compact([], context())).toBe('');
    expect(compact([makeResult(`${cwd}/clean.md`, [])], context())).toBe('');
  });

  it('keeps control characters and bidi overrides out of the terminal', () => {
    expect(out).not.toMatch(/[\u0007\u001b\u202e\r]/);
  });

  it('shows a Windows path whole when it is outside the working directory, and relative inside it', () => {
    expect(out).toContain('C:\\Users\\sam\\notes\\visit.md:2:2: warning');
    expect(compact([makeResult('C:\\Users\\sam\\notes\\visit.md', [message()])], context({ cwd: 'C:\\Users\\sam' }))).toBe(
      'notes\\visit.md:1:1: error This looks like a pasted email. [no-email-paste]',
    );
  });
});

// ---------------------------------------------------------------- summary

describe('summary reporter', () => {
  const out = summary(results, context());

  it('counts problems per rule and per note, sorted by count, with totals', () => {
    const odd = path.relative(cwd, oddName);
    const pad = (name: string) => name + ' '.repeat(odd.length - name.length);
    expect(out).toBe(
      [
        'Problems by rule',
        '',
        '  Rule            Errors  Warnings  Notes',
        '  no-email-paste       2         1      3',
        '  no-jargon            0         3      2',
        '  recordlint           2         0      2',
        '  Total                4         4      5',
        '',
        'Problems by note',
        '',
        `  ${pad('Note')}  Errors  Warnings`,
        `  ${pad('visits/a.md')}       1         2`,
        `  ${odd}       1         1`,
        `  ${pad('/elsewhere/outside.md')}       1         0`,
        `  ${pad('binary.md')}       1         0  (not linted)`,
        `  ${pad('C:\\Users\\sam\\notes\\visit.md')}       0         1`,
        `  ${pad('Total')}       4         4`,
        '',
        '8 problems (4 errors, 4 warnings) in 5 of 6 notes; 1 note has none. 1 note could not be linted.',
      ].join('\n'),
    );
  });

  it('adds up to the same totals as the results', () => {
    const total = out.split('\n').filter((l) => l.startsWith('  Total '));
    expect(total).toHaveLength(2);
    for (const row of total) {
      const [errors, warnings] = row.trim().split(/\s+/).slice(1).map(Number);
      expect([errors, warnings]).toEqual([totalErrors, totalWarnings]);
    }
  });

  it('prints one line when there is nothing to report', () => {
    expect(summary([], context())).toBe('No notes were linted.');
    expect(summary([makeResult(`${cwd}/a.md`, []), makeResult(`${cwd}/b.md`, [])], context())).toBe('No problems in 2 notes.');
  });

  it('says "1 problem" and leaves out the clean-notes clause when every note has problems', () => {
    expect(summary([makeResult(`${cwd}/a.md`, [message({ severity: 1 })])], context()).split('\n').pop()).toBe('1 problem (0 errors, 1 warning) in 1 of 1 note.');
  });
});

// ---------------------------------------------------------------- the JSON schema

describe('docs/output-schema.json', () => {
  const validate = outputValidator();

  it('accepts the json reporter on the shared results, [] and a per-file error', () => {
    expectValid(validate, JSON.parse(json(results, context())));
    expectValid(validate, JSON.parse(json([], context())));
    expectValid(validate, JSON.parse(json([fatalResult('/work/notes/b.md', 'unreadable', 'Cannot read the file: permission denied.')], context())));
    const fixed = makeResult('/a.md', [message({ fix: { range: [0, 4], text: 'Email' } })], 'From x');
    fixed.output = 'Email x';
    expectValid(validate, JSON.parse(json([fixed], context())));
  });

  it('rejects what recordlint never prints', () => {
    const good = JSON.parse(json(results, context())) as Array<Record<string, any>>;
    const variants: Array<(r: Array<Record<string, any>>) => void> = [
      (r) => (r[0].source = 'the note'),
      (r) => delete r[0].fatalErrorCount,
      (r) => (r[0].messages[0].severity = 0),
      (r) => (r[0].messages[0].line = 0),
      (r) => (r[0].messages[0].range = [0, 1]),
      (r) => (r[0].messages[0].fatal = false),
      (r) => (r[2].messages[0].ruleId = 'no-email-paste'),
      (r) => (r[0].messages[1].fix.range = [1]),
      (r) => (r[0].messages[0].expected = 'a summary'),
      (r) => (r[0].messages[0].url = 'not a url'),
    ];
    for (const change of variants) {
      const bad = structuredClone(good);
      change(bad);
      expect(validate(bad), change.toString()).toBe(false);
    }
  });
});

// ---------------------------------------------------------------- end to end

/** Each spawn lints all of fixtures/notes; generous, for a busy machine. */
const spawnTimeout = 120_000;

describe.concurrent('recordlint -f <format> fixtures/notes (spawned)', () => {
  const { root: tmp } = tempRoot('recordlint-ci-');
  let referenceRun: Run;
  let reference: Array<{ filePath: string; messages: Array<{ ruleId: string | null; severity: number }>; errorCount: number; warningCount: number }>;
  let problems = 0;
  let expectedCode = 0;

  beforeAll(async () => {
    ensureBuilt();
    const run = (referenceRun = await cli(['-f', 'json', 'fixtures/notes'], { cwd: repo }));
    if (!run.stdout.startsWith('[')) throw new Error(`recordlint -f json fixtures/notes printed no JSON (exit ${run.code}): ${run.stderr}`);
    reference = JSON.parse(run.stdout);
    problems = reference.reduce((n, r) => n + r.messages.length, 0);
    const errors = reference.reduce((n, r) => n + r.errorCount, 0);
    expectedCode = errors > 0 ? 1 : 0;
    expect(run.code).toBe(expectedCode);
  }, spawnTimeout);

  it('json: valid against docs/output-schema.json', () => {
    const run = referenceRun;
    expect(run.stderr).toBe('');
    expectValid(outputValidator(), JSON.parse(run.stdout));
    expect(reference).toHaveLength(fixtureNoteNames.length);
  });

  it('json: a note that cannot be read, and no notes at all', async () => {
    writeFileSync(path.join(tmp, 'binary.md'), Buffer.from([0x46, 0x00, 0x41]));
    writeFileSync(path.join(tmp, '.recordlintrc.json'), '{ "extends": [] }\n');
    const run = await cli(['-f', 'json', 'binary.md'], { cwd: tmp });
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expectValid(outputValidator(), out);
    expect(out[0].messages[0]).toMatchObject({ fatal: true, ruleId: null, severity: 2 });
    const none = await cli(['-f', 'json', '--no-error-on-unmatched-pattern', 'nothing-here/'], { cwd: tmp });
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expectValid(outputValidator(), []);
  }, spawnTimeout);

  it('sarif: valid against the official schema, every problem a result, the version from package.json', async () => {
    const run = await cli(['-f', 'sarif', 'fixtures/notes'], { cwd: repo });
    expect(run.code).toBe(expectedCode);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValid(sarifValidator(), log);
    expect(log.runs[0].results).toHaveLength(problems);
    const version = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string }).version;
    expect(log.runs[0].tool.driver.version).toBe(version);
    const reported = new Set(reference.flatMap((r) => r.messages.map((m) => m.ruleId ?? '')));
    for (const rule of log.runs[0].tool.driver.rules) {
      expect(reported.has(rule.id)).toBe(true);
      expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/recordlint\/recordlint\/blob\/main\/rules\/[a-z-]+\/README\.md$/);
      expect(rule.help.text.length).toBeGreaterThan(rule.shortDescription.text.length);
    }
    expect(log.runs[0].results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('fixtures/notes/'))).toBe(true);
  }, spawnTimeout);

  it('github: one workflow command per problem', async () => {
    const run = await cli(['-f', 'github', 'fixtures/notes'], { cwd: repo });
    expect(run.code).toBe(expectedCode);
    const annotations = run.stdout ? parseCommands(run.stdout.replace(/\n$/, '')) : [];
    expect(annotations).toHaveLength(problems);
    expect(annotations.every((a) => a.props.file.startsWith('fixtures/notes/'))).toBe(true);
  }, spawnTimeout);

  it('junit: well-formed, one testsuite per note', async () => {
    const run = await cli(['-f', 'junit', 'fixtures/notes'], { cwd: repo });
    expect(run.code).toBe(expectedCode);
    const root = parseXml(run.stdout.replace(/\n$/, ''));
    expect(root.children).toHaveLength(fixtureNoteNames.length);
    expect(root.attributes.failures).toBe(String(problems));
  }, spawnTimeout);

  it('compact: one line per problem', async () => {
    const run = await cli(['-f', 'compact', 'fixtures/notes'], { cwd: repo });
    expect(run.code).toBe(expectedCode);
    const lines = run.stdout ? run.stdout.replace(/\n$/, '').split('\n') : [];
    expect(lines).toHaveLength(problems);
    for (const l of lines) expect(l).toMatch(/^fixtures\/notes\/[^:]+:\d+:\d+: (error|warning) .+ \[[a-z-]+\]$/);
  }, spawnTimeout);

  it('summary: the totals of the JSON run', async () => {
    const run = await cli(['-f', 'summary', 'fixtures/notes'], { cwd: repo });
    expect(run.code).toBe(expectedCode);
    const errors = reference.reduce((n, r) => n + r.errorCount, 0);
    const warnings = reference.reduce((n, r) => n + r.warningCount, 0);
    const last = run.stdout.trimEnd().split('\n').pop();
    if (problems) expect(last).toMatch(new RegExp(`^${problems} problems? \\(${errors} errors?, ${warnings} warnings?\\) in \\d+ of ${fixtureNoteNames.length} notes`));
    else expect(last).toBe(`No problems in ${fixtureNoteNames.length} notes.`);
  }, spawnTimeout);

  it('--help lists every format', async () => {
    const run = await cli(['--help'], { cwd: repo });
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('output format: stylish, json, sarif, github, junit, compact or summary');
  }, spawnTimeout);
});
