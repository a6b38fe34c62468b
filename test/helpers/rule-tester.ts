// A RuleTester in the manner of ESLint's: valid notes must give no report from
// the rule; invalid ones exactly the listed reports (rule id, message id and,
// when given, positions and data), and `output` is the text after --fix.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/rule.js';
import { parseNote, kindOf } from '../../src/parse.js';
import { runRules } from '../../src/engine.js';
import { resolveOptions } from '../../src/rule.js';
import { applyFixes } from '../../src/fix.js';
import { builtinRules } from '../../src/registry.js';
import type { LintMessage } from '../../src/types.js';

export interface ValidCase {
  code: string;
  name?: string;
  options?: Record<string, unknown>;
  filename?: string;
}

export interface ExpectedError {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The reported words, sliced from the note. */
  text?: string;
  /** Substring the message must contain. */
  message?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The note after safe fixes; omit when the rule offers none. */
  output?: string;
}

export function lintWithRule(rule: Rule<any>, code: string, options?: Record<string, unknown>, filename = 'note.md'): LintMessage[] {
  const note = parseNote(code, kindOf(filename));
  const enabled = [{ rule, severity: 2 as const, options: resolveOptions(rule, options, 'test') }];
  const known = new Set([...Object.keys(builtinRules), rule.id]);
  return runRules(note, enabled, { filePath: filename, knownRuleIds: known }).filter((m) => m.ruleId === rule.id || m.messageId === 'ruleFailed');
}

export function ruleTester(rule: Rule<any>, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  const label = (c: ValidCase) => c.name ?? c.code.replace(/\s+/g, ' ').slice(0, 70);
  describe(rule.id, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        it(label(c), () => {
          const messages = lintWithRule(rule, c.code, c.options, c.filename);
          expect(messages.map((m) => `${m.messageId}@${m.line}:${m.column} ${m.actual}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c), () => {
          const messages = lintWithRule(rule, c.code, c.options, c.filename);
          const seen = messages.map((m) => {
            const want = c.errors[messages.indexOf(m)] ?? {};
            const got: Record<string, unknown> = { messageId: m.messageId };
            if (want.line !== undefined) got.line = m.line;
            if (want.column !== undefined) got.column = m.column;
            if (want.endLine !== undefined) got.endLine = m.endLine;
            if (want.endColumn !== undefined) got.endColumn = m.endColumn;
            if (want.text !== undefined) got.text = c.code.slice(m.range[0], m.range[1]);
            if (want.message !== undefined) got.message = m.message.includes(want.message) ? want.message : m.message;
            return got;
          });
          expect(seen).toEqual(c.errors.map((e) => ({ ...e })));
          for (const m of messages) expect(m.ruleId).toBe(rule.id);
          if (c.output !== undefined) expect(applyFixes(c.code, messages).output).toBe(c.output);
          else expect(messages.filter((m) => m.fix)).toEqual([]);
        });
      }
    });
  });
}
