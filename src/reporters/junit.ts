// JUnit XML, for CI dashboards (Jenkins, GitLab, Azure DevOps, CircleCI...):
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <testsuites name="recordlint" tests="3" failures="2" errors="0">
//     <testsuite name="notes/visit.md" tests="2" failures="2" errors="0">
//       <testcase classname="no-undefined-abbreviation" name="7:1 &quot;SW&quot; is not written out ..." file="notes/visit.md">
//         <failure type="warning" message="&quot;SW&quot; is not written out ...">notes/visit.md:7:1: warning ...</failure>
//       </testcase>
//       ...
//     </testsuite>
//     <testsuite name="notes/clean.md" tests="1" failures="0" errors="0">
//       <testcase classname="recordlint" name="no problems" file="notes/clean.md"/>
//     </testsuite>
//   </testsuites>
//
// One <testsuite> per note, one <testcase> per problem (classname: the rule;
// name: `line:col message`), one passing <testcase> for a clean note. Errors
// and warnings are <failure>s (type="error" or "warning"); a note that could
// not be linted at all (unreadable, not UTF-8, binary) is an <error>, as JUnit
// calls a test that could not run. Text is XML-escaped, and characters XML 1.0
// cannot hold (control characters, lone surrogates) are dropped. Always a
// complete document, also when there is nothing to report.
import type { LintMessage } from '../types.js';
import type { Formatter } from './index.js';
import { orList, portablePath, ruleName } from './common.js';

export const junit: Formatter = (results, context) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = portablePath(result.filePath, context.cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    for (const m of result.messages) {
      if (m.fatal) suiteErrors++;
      else suiteFailures++;
      cases.push(testcase(m, file));
    }
    if (!cases.length) cases.push(`    <testcase classname="recordlint" name="no problems" file="${attr(file)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="recordlint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
};

function testcase(m: LintMessage, file: string): string {
  const severity = m.severity === 2 ? 'error' : 'warning';
  const details = [`${file}:${m.line}:${m.column}: ${severity} ${m.message} [${ruleName(m.ruleId)}]`];
  if (m.expected?.length) details.push(`Write instead: ${orList(m.expected)}`);
  if (m.note) details.push(`Why: ${m.note}`);
  if (m.url) details.push(`Rule: ${m.url}`);
  const element = m.fatal ? 'error' : 'failure';
  return [
    `    <testcase classname="${attr(ruleName(m.ruleId))}" name="${attr(`${m.line}:${m.column} ${m.message}`)}" file="${attr(file)}">`,
    `      <${element} type="${m.fatal ? 'fatal' : severity}" message="${attr(m.message)}">${text(details.join('\n'))}</${element}>`,
    '    </testcase>',
  ].join('\n');
}

/**
 * Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF. (C1 controls are allowed, if discouraged.)
 */
const illegal = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Element content (a carriage return kept as a character reference: a parser would drop it). */
export function text(value: string): string {
  return value.replace(illegal, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes; line breaks and tabs kept as character references (a parser would turn them into spaces). */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
