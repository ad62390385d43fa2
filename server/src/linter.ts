/**
 * The linter as the server, the CLI and the tests use it: the engine bound
 * to the registered rules. The engine itself imports no rule.
 */
import { allRuleMeta as allRuleMetaOf, Linter, type LintResult } from './engine/lint';
import type { PageRule } from './engine/page/pageRule';
import type { Rule } from './engine/rule';
import type { LintOptions, RuleMeta } from './engine/types';
import { pageRules, rules as registeredRules } from './rules/registry';

export { MAX_FINDINGS_PER_RULE, PROSE_RULES_MAX_CHARS, SCHEMA_MAX_NODES, type LintResult } from './engine/lint';
export { registeredRules };

/** The registered rules' linter, for the life of the process: what it remembers serves every file it lints. */
const registered = new Linter(registeredRules);

/**
 * Lints `text` with every registered rule (or `rules`, by a linter of their
 * own that remembers nothing from earlier lints); see the engine's `Linter`
 * for `previous`.
 */
export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = registeredRules, previous?: LintResult): LintResult {
  const linter = rules === registeredRules ? registered : new Linter(rules);
  return linter.lint(text, options, previous);
}

/** The schema's checks, then every registered rule's metadata (or `rules`'), then the page rules' (or `page`'s). */
export function allRuleMeta(rules: readonly Rule[] = registeredRules, page: readonly PageRule[] = pageRules): RuleMeta[] {
  return [...allRuleMetaOf(rules), ...page.map((rule) => rule.meta)];
}
