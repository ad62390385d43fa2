/**
 * The linter as the server, the CLI and the tests use it: the engine bound
 * to the registered rules. The engine itself imports no rule.
 */
import { allRuleMeta as allRuleMetaOf, lint as lintWith, type LintResult } from './engine/lint';
import type { Rule } from './engine/rule';
import type { LintOptions, RuleMeta } from './engine/types';
import { rules as registeredRules } from './rules/registry';

export { MAX_FINDINGS_PER_RULE, PROSE_RULES_MAX_CHARS, SCHEMA_MAX_NODES, type LintResult } from './engine/lint';
export { registeredRules };

/** Lints `text` with every registered rule (or `rules`); see the engine's `lint` for `previous`. */
export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = registeredRules, previous?: LintResult): LintResult {
  return lintWith(text, options, rules, previous);
}

/** The schema's checks and every registered rule's metadata (or `rules`'). */
export function allRuleMeta(rules: readonly Rule[] = registeredRules): RuleMeta[] {
  return allRuleMetaOf(rules);
}
