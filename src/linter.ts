// Lint one text with a resolved configuration: parse once, run the enabled
// rules, count. Rules are loaded and their options validated once per
// configuration, not once per note.
import type { LintMessage, LintResult, Severity } from './types.js';
import { parseNote, kindOf, type NoteKind } from './parse.js';
import { runRules, type EnabledRule } from './engine.js';
import { RuleRegistry } from './registry.js';
import { resolveOptions } from './rule.js';

/** A rule's effective setting after presets, config files and flags. */
export interface RuleConfig {
  severity: Severity;
  options?: unknown;
  /** Where the setting came from, for error messages. */
  from: string;
}

export interface ResolvedConfig {
  rules: Record<string, RuleConfig>;
  ignorePatterns: string[];
  /** The config file, if one was found. */
  filePath?: string;
}

export class Linter {
  private prepared = new WeakMap<ResolvedConfig, Promise<EnabledRule[]>>();

  constructor(readonly registry: RuleRegistry = new RuleRegistry()) {}

  /** Load and check the rules a config enables (throws on a config mistake). */
  enabledRules(config: ResolvedConfig): Promise<EnabledRule[]> {
    let ready = this.prepared.get(config);
    if (!ready) {
      ready = this.prepare(config);
      this.prepared.set(config, ready);
    }
    return ready;
  }

  private async prepare(config: ResolvedConfig): Promise<EnabledRule[]> {
    const enabled: EnabledRule[] = [];
    for (const [id, setting] of Object.entries(config.rules)) {
      if (setting.severity === 0) continue;
      const rule = await this.registry.load(id);
      enabled.push({ rule, severity: setting.severity, options: resolveOptions(rule, setting.options, setting.from) });
    }
    return enabled;
  }

  async lintText(text: string, filePath: string, config: ResolvedConfig, kind: NoteKind = kindOf(filePath)): Promise<LintResult> {
    const rules = await this.enabledRules(config);
    const note = parseNote(text, kind);
    const messages = runRules(note, rules, { filePath, knownRuleIds: new Set(this.registry.ids()) });
    return makeResult(filePath, messages, text);
  }
}

export function makeResult(filePath: string, messages: LintMessage[], source?: string): LintResult {
  const result: LintResult = { filePath, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  if (source !== undefined) result.source = source;
  return result;
}
