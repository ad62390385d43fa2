/**
 * The state of a resume at a glance: bullets quantified per role, which
 * backend dimensions the bullets show (and which are missing), the skill
 * categories covered, counts by rule, and the posting match. Computed once
 * here; the CLI prints it, VS Code draws it, the status bar and CodeLens
 * quote it.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { BACKEND_DIMENSIONS, showsDimension, type BackendDimensionId } from './backendTerms';
import type { Bullet, ResumeModel } from './document';
import type { LintResult } from './lint';
import { recognizeMetrics } from './metrics';
import { matchResume, postingReport, SKILLS_CATEGORIES, taxonomy, type PostingReport, type SkillsCategory } from './posting';
import { toProse } from './prose';
import type { OffsetRange, PostingSource, Severity } from './types';
import { printed } from './plainValue';
import { oldNamesReport, type OldNamesReport } from './oldNamesReport';

export interface BulletRef {
  path: string;
  text: string;
  range: OffsetRange;
}

export interface RoleReport {
  /** `work[0]`. */
  path: string;
  /** "Acme — Backend Engineer". */
  title: string;
  /** The entry's range in the file. */
  range: OffsetRange;
  bullets: number;
  quantified: number;
  /** Findings on this role's bullets, by rule id. */
  findings: Record<string, number>;
}

export interface DimensionReport {
  id: BackendDimensionId;
  label: string;
  bullets: BulletRef[];
}

export interface SkillCategoryReport {
  category: SkillsCategory;
  /** The resume's skills that belong to it (by the stack taxonomy or the group's name). */
  keywords: string[];
}

export interface ResumeReport {
  bullets: { total: number; quantified: number };
  roles: RoleReport[];
  dimensions: DimensionReport[];
  missingDimensions: { id: BackendDimensionId; label: string }[];
  skillCategories: SkillCategoryReport[];
  counts: Record<Severity, number>;
  rules: { ruleId: string; severity: Severity; count: number }[];
  /** The `schema/unknown-key` findings on old JSON Resume names, as one line; absent when there are none. */
  oldNames?: OldNamesReport;
  posting?: PostingReport;
}

const ROLE_SECTIONS = new Set(['work', 'volunteer', 'projects']);

/**
 * Whether a bullet states a metric. A bullet with an unfilled template slot
 * (`‹N›`) is not done, whatever else it says (`p99` in a latency template).
 */
export function isQuantified(bullet: Bullet): boolean {
  const metrics = recognizeMetrics(toProse(bullet.text).text);
  return metrics.length > 0 && metrics.every((metric) => metric.kind !== 'template');
}

export function buildReport(result: LintResult, posting?: PostingSource): ResumeReport {
  const { model, findings } = result;
  const highlights = model.bullets.filter((bullet) => bullet.kind === 'highlight');
  const quantified = new Set(highlights.filter(isQuantified));

  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  for (const finding of findings) {
    counts[finding.severity]++;
    const entry = byRule.get(finding.ruleId) ?? { ruleId: finding.ruleId, severity: finding.severity, count: 0 };
    entry.count++;
    byRule.set(finding.ruleId, entry);
  }

  const dimensions = BACKEND_DIMENSIONS.map((dimension) => ({
    id: dimension.id,
    label: dimension.label,
    bullets: highlights
      .filter((bullet) => showsDimension(toProse(bullet.text).text, dimension.id))
      .map((bullet) => ({ path: bullet.path, text: bullet.text, range: bullet.range })),
  }));

  const oldNames = oldNamesReport(model, findings);
  return {
    bullets: { total: highlights.length, quantified: quantified.size },
    roles: roles(model, highlights, quantified, result),
    dimensions: dimensions.filter((dimension) => dimension.bullets.length > 0),
    missingDimensions: dimensions.filter((d) => d.bullets.length === 0).map(({ id, label }) => ({ id, label })),
    skillCategories: skillCategories(model),
    counts,
    rules: [...byRule.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    // Absent, not undefined, when there are none: the report is plain data that survives JSON.
    ...(oldNames ? { oldNames } : {}),
    posting: posting ? postingReport(matchResume(model, posting)) : undefined,
  };
}

function roles(model: ResumeModel, highlights: Bullet[], quantified: Set<Bullet>, result: LintResult): RoleReport[] {
  const reports: RoleReport[] = [];
  for (const entry of model.entries.values()) {
    const [section, index] = entry.segments;
    if (entry.segments.length !== 2 || typeof index !== 'number' || !ROLE_SECTIONS.has(String(section))) continue;
    const bullets = highlights.filter((bullet) => bullet.entryPath === entry.path);
    const findings: Record<string, number> = {};
    for (const finding of result.findings) {
      if (!bullets.some((b) => finding.range.start >= b.range.start && finding.range.end <= b.range.end)) continue;
      findings[finding.ruleId] = (findings[finding.ruleId] ?? 0) + 1;
    }
    reports.push({
      path: entry.path,
      title: roleTitle(entry.node, String(section), index),
      range: entry.valueRange,
      bullets: bullets.length,
      quantified: bullets.filter((bullet) => quantified.has(bullet)).length,
      findings,
    });
  }
  return reports;
}

function roleTitle(node: unknown, section: string, index: number): string {
  if (!isMap(node)) return `${section}[${index}]`;
  const text = (key: string) => {
    const value = node.get(key);
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  };
  const name = text('name') || text('organization') || text('company');
  const role = text('position');
  return [name, role].filter(Boolean).join(' — ') || `${section}[${index}]`;
}

/** Each skill into the seed's categories: by the stack taxonomy, else by its group's name. */
function skillCategories(model: ResumeModel): SkillCategoryReport[] {
  const byCategory = new Map<SkillsCategory, Set<string>>(SKILLS_CATEGORIES.map((category) => [category, new Set()]));
  const skills = model.entries.get('skills')?.node;
  if (isSeq(skills)) {
    for (const group of skills.items) {
      if (!isMap(group)) continue;
      const groupName = printed(group.get('name') ?? '');
      const named = SKILLS_CATEGORIES.find((category) => category.toLowerCase() === groupName.trim().toLowerCase());
      const keywords = group.get('keywords');
      const items = isSeq(keywords) ? keywords.items : [];
      for (const item of items) {
        if (!isScalar(item) || typeof item.value !== 'string') continue;
        const category = taxonomy.formOf(item.value)?.term.skillsCategory ?? named;
        if (category) byCategory.get(category)?.add(item.value);
      }
    }
  }
  return SKILLS_CATEGORIES.map((category) => ({ category, keywords: [...(byCategory.get(category) ?? [])] }));
}
