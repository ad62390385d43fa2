/**
 * Runs the page rules on a rendered page: the same levels and disable
 * comments as the text rules, and a rule that throws is reported, never
 * fatal.
 */
import { disabledRules } from '../disableComments';
import { levelOf } from '../lint';
import type { ResumeModel } from '../model';
import type { ResolvedOptions } from '../rule';
import type { Finding } from '../types';
import type { PageLintOptions, PageRule } from './pageRule';
import type { PageDoc, PageFacts } from './types';

export interface PageLintResult {
  findings: Finding[];
  ruleErrors: { ruleId: string; error: unknown }[];
}

export function lintPage(
  rules: readonly PageRule[],
  model: ResumeModel,
  doc: PageDoc,
  page: PageFacts,
  options: PageLintOptions,
): PageLintResult {
  const resolved: ResolvedOptions & { maxPages?: number } = {
    role: options.role ?? 'backend',
    today: options.today ?? new Date(),
    ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
  };
  const levels = options.rules ?? {};
  const disabled = disabledRules(model);
  const findings: Finding[] = [];
  const ruleErrors: PageLintResult['ruleErrors'] = [];
  for (const rule of rules) {
    const level = levelOf(rule.meta, levels, resolved);
    if (level === 'off') continue;
    try {
      rule.checkPage({
        model,
        options: resolved,
        doc,
        page,
        report: ({ range, message }) => {
          if (!disabled.isDisabled(rule.meta.id, range.start))
            findings.push({ ruleId: rule.meta.id, range, message, severity: level, fixes: [] });
        },
      });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, error });
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { findings, ruleErrors };
}
