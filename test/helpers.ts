/** Small builders shared by the engine and rule tests. */
import { lint, type LintResult } from '../server/src/linter';
import type { Rule } from '../server/src/engine/rule';
import type { Finding, Fix, LintOptions, OffsetRange } from '../server/src/engine/types';
import { applyEdits } from '../server/src/engine/fixes';
import { snippetToPlainText } from '../server/src/engine/scalarSource';

export { applyEdits };
import { rules } from '../server/src/rules/registry';

export const FIXED_TODAY = new Date('2026-06-15T00:00:00Z');

/** Lints with a fixed "today", every rule by default, or just the given ones. */
export function lintText(text: string, options: LintOptions = {}, only?: readonly Rule[]): LintResult {
  return lint(text, { today: FIXED_TODAY, ...options }, only ?? rules);
}

/** Findings of one rule, as `[text under the range, message]` pairs: readable in assertions. */
export function findingsOf(text: string, ruleId: string, options: LintOptions = {}, only?: readonly Rule[]): Finding[] {
  return lintText(text, options, only).findings.filter((finding) => finding.ruleId === ruleId);
}

/** A finder for one rule run alone, what most rule tests assert on: `const find = findingsOfRule(rule)`. */
export function findingsOfRule(rule: Rule, options: LintOptions = {}): (text: string) => Finding[] {
  return (text) => findingsOf(text, rule.meta.id, options, [rule]);
}

export function textAt(text: string, range: OffsetRange): string {
  return text.slice(range.start, range.end);
}

/** A bullet list under one work entry, the shape most rule tests need. */
export function workResume(highlights: string[], extra = ''): string {
  const lines = ['work:', '  - name: Acme', '    position: Backend Engineer', '    startDate: 2020-01'];
  if (extra) lines.push(...extra.split('\n').map((line) => `    ${line}`));
  lines.push('    highlights:');
  for (const highlight of highlights) lines.push(`      - ${JSON.stringify(highlight)}`);
  return lines.join('\n') + '\n';
}

/** Applies one fix as a client without snippet support would: placeholders become their default text. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(
    text,
    fix.edits.map((e) => ({ ...e, newText: e.snippet ? snippetToPlainText(e.newText) : e.newText })),
  );
}

/** The structure of a parsed value with every leaf replaced by its type: "same keys, same nesting". */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

/** Each bullet's text with the rule ids and messages of the findings inside it, sorted. */
export function adviceByBullet(result: LintResult): Map<string, string[]> {
  const byText = new Map<string, string[]>();
  for (const bullet of result.model.bullets) {
    const advice = result.findings
      .filter((finding) => bullet.range.start <= finding.range.start && finding.range.end <= bullet.range.end)
      .map((finding) => `${finding.ruleId}: ${finding.message}`)
      .sort();
    byText.set(bullet.text, advice);
  }
  return byText;
}
