// SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers:
// upload the file with github/codeql-action/upload-sarif and each problem
// becomes an alert on the note, with the rule's description, the passage of
// the practice standard it enforces and a link to its documentation.
//
//   { "version": "2.1.0", "$schema": "...sarif-schema-2.1.0.json",
//     "runs": [{ "tool": { "driver": { "name": "recordlint", "version", "informationUri", "rules": [...] } },
//                "columnKind": "utf16CodeUnits",
//                "results": [{ "ruleId", "ruleIndex", "level", "message": { "text" },
//                              "locations": [{ "physicalLocation": {
//                                "artifactLocation": { "uri": "notes/visit.md", "uriBaseId": "%SRCROOT%" },
//                                "region": { "startLine", "startColumn", "endLine", "endColumn" } } }],
//                              "properties": { "messageId", "actual", "expected", "note" } }] }] }
//
// - rules: the rules that appear in the results, in order of first
//   appearance, from the metadata the caller passes (context.rulesMeta):
//   description, the standard's words (help), docs URL (helpUri), default
//   level. A rule without metadata gets its id and the message's URL.
// - Problems with the note itself have no rule in recordlint (ruleId null);
//   here they get one, so that code scanning shows them as alerts (it does
//   not show toolExecutionNotifications next to files): a note that could not
//   be linted at all is "recordlint/file-error"; broken front matter, an
//   unknown rule in a disable comment and a rule that failed are
//   "recordlint/front-matter", "recordlint/unknown-rule", "recordlint/rule-failed".
// - Paths are relative to the working directory (run recordlint from the
//   repository root) under uriBaseId %SRCROOT%, percent-encoded; a note
//   outside it is a file:// URI.
// - Columns count UTF-16 code units, as recordlint's do (columnKind).
// - Case notes are confidential: the report carries the message and the
//   reported words only, never the note's text (no snippet, no contextRegion,
//   no fixes, no artifact contents).
import type { LintMessage } from '../types.js';
import type { RuleMeta } from '../rule.js';
import { guidance, type GuidanceId } from '../guidance.js';
import type { Formatter, FormatterContext } from './index.js';
import { isAbsolutePath, portablePath } from './common.js';

const schemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const repository = 'https://github.com/recordlint/recordlint';

type Level = 'error' | 'warning';

interface MultiformatMessage {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: MultiformatMessage;
  fullDescription: MultiformatMessage;
  helpUri?: string;
  help: MultiformatMessage;
  defaultConfiguration: { level: Level };
  properties?: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }>;
  properties?: { messageId?: string; actual?: string; expected?: string[]; note?: string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: { driver: { name: string; version?: string; informationUri: string; rules: SarifRule[] } };
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }>;
}

/** The SARIF log as an object (the formatter prints it). */
export function toSarif(results: Parameters<Formatter>[0], context: FormatterContext): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const out: SarifResult[] = [];
  for (const result of results) {
    const location = artifactLocation(portablePath(result.filePath, context.cwd));
    for (const m of result.messages) {
      const id = sarifRuleId(m);
      let index = ruleIndex.get(id);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(id, index);
        rules.push(m.ruleId ? describeRule(m.ruleId, context.rulesMeta[m.ruleId], m) : describeNoteProblem(id, m));
      }
      const entry: SarifResult = {
        ruleId: id,
        ruleIndex: index,
        level: level(m.severity),
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...location },
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
      };
      const properties: NonNullable<SarifResult['properties']> = {};
      if (m.messageId !== undefined) properties.messageId = m.messageId;
      if (m.actual !== undefined) properties.actual = m.actual;
      if (m.expected !== undefined) properties.expected = [...m.expected];
      if (m.note !== undefined) properties.note = m.note;
      if (Object.keys(properties).length) entry.properties = properties;
      out.push(entry);
    }
  }
  const driver: SarifLog['runs'][number]['tool']['driver'] = {
    name: 'recordlint',
    ...(context.version && { version: context.version }),
    informationUri: repository,
    rules,
  };
  return {
    $schema: schemaUri,
    version: '2.1.0',
    runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results: out }],
  };
}

export const sarif: Formatter = (results, context) => JSON.stringify(toSarif(results, context), null, 2);

function level(severity: 1 | 2): Level {
  return severity === 2 ? 'error' : 'warning';
}

function sarifRuleId(m: LintMessage): string {
  if (m.ruleId) return m.ruleId;
  if (m.fatal) return 'recordlint/file-error';
  return `recordlint/${kebab(m.messageId ?? 'error')}`;
}

function kebab(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** SARIF's "name": a readable identifier, by convention in PascalCase ("NoUnevidencedLabel"). */
function pascal(id: string): string {
  return id
    .replace(/^recordlint\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function isAbsoluteUri(url: string | undefined): url is string {
  return url !== undefined && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(url);
}

function describeRule(id: string, meta: RuleMeta | undefined, m: LintMessage): SarifRule {
  const url = meta?.url ?? m.url;
  const description = meta?.description ?? id;
  const passages = (meta?.guidance ?? []).filter((gid): gid is GuidanceId => gid in guidance).map((gid) => guidance[gid]);
  const standards = passages.map((p) => `${p.standard}, ${p.section}`);
  const text = [`${description}.`];
  const markdown = [`**${markdownEscape(description)}.**`];
  for (const p of passages) {
    text.push(`${p.standard}, ${p.section}:\n“${p.quote}”`);
    markdown.push(`> ${markdownEscape(p.quote)}\n>\n> — *${markdownEscape(p.standard)}*, ${markdownEscape(p.section)}`);
  }
  text.push(`What it checks, with examples: recordlint --explain ${id}`);
  markdown.push(`What it checks, with examples: \`recordlint --explain ${id}\``);
  if (isAbsoluteUri(url)) {
    text.push(`Documentation: ${url}`);
    markdown.push(`[Documentation](${url})`);
  }
  const rule: SarifRule = {
    id,
    name: pascal(id),
    shortDescription: { text: description },
    fullDescription: { text: standards.length ? `${description}. Practice standards: ${standards.join('; ')}.` : `${description}.` },
    help: { text: text.join('\n\n'), markdown: markdown.join('\n\n') },
    defaultConfiguration: { level: meta ? (meta.defaultSeverity === 'error' ? 'error' : 'warning') : level(m.severity) },
  };
  if (isAbsoluteUri(url)) rule.helpUri = url;
  if (meta) rule.properties = { tags: [meta.type] };
  return rule;
}

const noteProblems: Record<string, string> = {
  'recordlint/file-error': 'The note could not be linted: it is missing, unreadable, binary or not UTF-8',
  'recordlint/front-matter': "The note's front matter could not be read; rules that need it were skipped",
  'recordlint/unknown-rule': 'A recordlint-disable comment names a rule that does not exist',
  'recordlint/rule-failed': 'A rule failed on the note and was skipped',
};

function describeNoteProblem(id: string, m: LintMessage): SarifRule {
  const description = noteProblems[id] ?? 'A problem with the note itself';
  const helpUri = `${repository}#what-counts-as-bad-input`;
  return {
    id,
    name: pascal(id),
    shortDescription: { text: description },
    fullDescription: { text: `${description}.` },
    helpUri,
    help: { text: `${description}. See "What counts as bad input" in recordlint's README: ${helpUri}`, markdown: `${description}. See [What counts as bad input](${helpUri}).` },
    defaultConfiguration: { level: level(m.severity) },
  };
}

function markdownEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

/** A relative path under %SRCROOT%, or a file:// URI for a path outside the working directory. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (!isAbsolutePath(file)) return { uri: encodePath(file), uriBaseId: '%SRCROOT%' };
  const slashes = file.replace(/\\/g, '/');
  const drive = /^([A-Za-z]:)(\/.*)$/.exec(slashes);
  if (drive) return { uri: `file:///${drive[1]}${encodePath(drive[2])}` };
  if (slashes.startsWith('//')) return { uri: `file:${encodePath(slashes)}` };
  return { uri: `file://${encodePath(slashes)}` };
}

function encodePath(p: string): string {
  const wellFormed = p.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return wellFormed.split('/').map(encodeURIComponent).join('/');
}

