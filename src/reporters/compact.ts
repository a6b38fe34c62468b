// One line per problem, for editors (Vim's errorformat, Emacs compile mode,
// VS Code problem matchers) and grep:
//
//   notes/visit.md:7:1: warning "SW" is not written out before it is used here. ... [no-undefined-abbreviation]
//
// `path:line:col: severity message [rule]`, nothing else: no summary line, so
// `recordlint -f compact notes | wc -l` counts the problems, and nothing at
// all is printed when there are none. Paths are relative to the working
// directory when the note is inside it; a problem with the note itself (an
// unreadable file, broken front matter) is `[recordlint]`. Line breaks and
// control characters in messages become spaces and U+FFFD.
import type { Formatter } from './index.js';
import { oneLine, relativePath, ruleName } from './common.js';

export const compact: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = oneLine(relativePath(result.filePath, context.cwd));
    for (const m of result.messages) {
      const severity = m.severity === 2 ? 'error' : 'warning';
      lines.push(`${file}:${m.line}:${m.column}: ${severity} ${oneLine(m.message)} [${ruleName(m.ruleId)}]`);
    }
  }
  return lines.join('\n');
};
