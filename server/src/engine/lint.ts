/**
 * Text in, findings out: parse, validate against the schema, run the rules,
 * then apply the person's choices (levels, role, disable comments).
 */
import { parseResume, type ResumeModel } from './document';
import type { Report, ResolvedOptions, Rule } from './rule';
import { structuralChecks } from './schema/checks';
import { validateAgainstSchema, type RawFinding } from './schema/validateSchema';
import type { Finding, Fix, LintOptions, PostingSource, RuleLevel, RuleMeta, Severity } from './types';
import { rules as registeredRules } from '../rules/registry';
import { disabledRules } from './disableComments';
import { postingReference } from './posting';

export interface LintResult {
  model: ResumeModel;
  findings: Finding[];
  /** Rules that threw: a bug in the rule, never the person's fault. */
  ruleErrors: { ruleId: string; error: unknown }[];
  /** The job posting the resume was matched against, if any. */
  posting?: PostingSource;
}

/** Past this size the prose rules are skipped: they read every bullet on every keystroke. */
export const PROSE_RULES_MAX_CHARS = 1_000_000;

/** Past this many nodes the schema is not checked: the validator's error list grows quadratically. */
export const SCHEMA_MAX_NODES = 50_000;

/** A rule reports at most this many findings; more say nothing new and slow every editor down. */
export const MAX_FINDINGS_PER_RULE = 200;

export function allRuleMeta(rules: readonly Rule[] = registeredRules): RuleMeta[] {
  return [...structuralChecks, ...rules.map((rule) => rule.meta)];
}

export function lint(text: string, options: LintOptions = {}, rules: readonly Rule[] = registeredRules): LintResult {
  const model = parseResume(text);
  const resolved: ResolvedOptions = {
    role: options.role ?? 'backend',
    today: options.today ?? new Date(),
    ...resolvePosting(model, options),
  };
  const raw: RawFinding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];

  for (const problem of model.syntaxProblems) {
    raw.push({ ruleId: 'yaml/syntax', range: problem.range, message: problem.message });
  }
  if (model.valueProblem) {
    raw.push({ ruleId: 'yaml/limits', range: model.valueProblem.range, message: model.valueProblem.message });
  }
  const extra = model.extraDocuments[0];
  if (extra?.range) {
    raw.push({
      ruleId: 'yaml/multiple-documents',
      range: { start: extra.range[0], end: extra.range[0] },
      message: 'Only the first YAML document is the resume; what follows this point is not checked.',
    });
  }
  if (model.entries.size > SCHEMA_MAX_NODES) {
    raw.push({
      ruleId: 'yaml/limits',
      range: { start: 0, end: 0 },
      message: `This file has over ${SCHEMA_MAX_NODES.toLocaleString('en-US')} keys and values, so the schema is not checked: a resume has a few hundred.`,
    });
  } else {
    for (const finding of validateAgainstSchema(model)) raw.push(finding);
  }

  const skipProse = text.length > PROSE_RULES_MAX_CHARS;
  if (skipProse) {
    raw.push({
      ruleId: 'yaml/limits',
      range: { start: 0, end: 0 },
      message: `This file is over ${PROSE_RULES_MAX_CHARS.toLocaleString('en-US')} characters, so only YAML and schema checks run; the bullet rules are skipped.`,
    });
  }

  const levels = options.rules ?? {};
  for (const rule of rules) {
    const level = effectiveLevel(rule.meta, levels, resolved);
    if (level === 'off' || (skipProse && rule.meta.tags.includes('prose'))) continue;
    const context = {
      model,
      options: resolved,
      report: (report: Report) => raw.push({ ruleId: rule.meta.id, ...report }),
    };
    try {
      rule.check(context);
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, error });
    }
  }

  const metaById = new Map(allRuleMeta(rules).map((meta) => [meta.id, meta]));
  const disabled = disabledRules(model);
  const findings: Finding[] = [];
  for (const finding of raw) {
    const meta = metaById.get(finding.ruleId);
    const level = meta ? effectiveLevel(meta, levels, resolved) : 'error';
    if (level === 'off' || disabled.isDisabled(finding.ruleId, finding.range.start)) continue;
    findings.push(toFinding(finding, level));
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
  return { model, findings: capPerRule(findings), ruleErrors, posting: resolved.posting };
}

/** The first findings of each rule, in file order, and one note per rule that had more. */
function capPerRule(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const count = (counts.get(finding.ruleId) ?? 0) + 1;
    counts.set(finding.ruleId, count);
    if (count <= MAX_FINDINGS_PER_RULE) kept.push(finding);
  }
  for (const [ruleId, count] of counts) {
    if (count <= MAX_FINDINGS_PER_RULE) continue;
    const last = kept.filter((finding) => finding.ruleId === ruleId).pop();
    if (!last) continue;
    kept.push({
      ruleId,
      range: last.range,
      message: `${(count - MAX_FINDINGS_PER_RULE).toLocaleString('en-US')} more \`${ruleId}\` findings after this one are not shown.`,
      severity: last.severity,
      fixes: [],
    });
  }
  return kept;
}

/** A finding whose fixes, when a rule gave a builder, are built on first read and kept. */
function toFinding(raw: RawFinding, severity: Severity): Finding {
  const { ruleId, range, message, fixes } = raw;
  if (typeof fixes !== 'function') return { ruleId, range, message, severity, fixes: fixes ?? [] };
  let built: Fix[] | undefined;
  const finding = { ruleId, range, message, severity } as Finding;
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    get: () => (built ??= safely(fixes)),
  });
  return finding;
}

/** A fix builder that throws costs the person the fix, not the finding. */
function safely(build: () => Fix[]): Fix[] {
  try {
    return build();
  } catch {
    return [];
  }
}

function resolvePosting(model: ResumeModel, options: LintOptions): Pick<ResolvedOptions, 'posting' | 'postingError'> {
  if (options.posting) return { posting: options.posting };
  const loaded = options.loadPosting?.(postingReference(model));
  if (!loaded) return {};
  return 'error' in loaded ? { postingError: loaded.error } : { posting: loaded };
}

function effectiveLevel(meta: RuleMeta, levels: Record<string, RuleLevel>, options: ResolvedOptions): Severity | 'off' {
  const override = levels[meta.id];
  if (override) return override;
  if (meta.backendOnly && options.role !== 'backend') return 'off';
  return meta.severity;
}
