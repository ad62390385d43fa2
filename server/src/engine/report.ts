/**
 * The state of a resume at a glance: bullets quantified per role, which
 * backend dimensions the bullets show (and which are missing), the skill
 * categories covered, counts by rule, and the posting match. Computed once
 * here; the CLI prints it, VS Code draws it, the status bar and CodeLens
 * quote it.
 */
import { BACKEND_DIMENSIONS, showsDimension, type BackendDimensionId } from './backendTerms';
import { formatPath, type Bullet, type ResumeModel } from './document';
import { bulletId } from './model';
import { describeLayout, LAYOUT_NAMES, resumeView, type EntryKind, type LayoutId } from './layouts';
import type { LintResult } from './lint';
import { recognizeMetrics } from './metrics';
import { matchResume, postingReport, SKILLS_CATEGORIES, taxonomy, type PostingReport, type SkillsCategory } from './posting';
import { toProse } from './prose';
import type { OffsetRange, PostingSource, Severity } from './types';
import { oldNamesReport, type OldNamesReport } from './oldNamesReport';

export interface BulletRef {
  /** The bullet's path; for one of several bullets in one text (a Markdown list item), `#` and where it starts there (`bulletId`). */
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
  /** The layout the file was read as, and why: `read as RenderCV (detected from \`cv.sections\`)`. */
  layout: { id: LayoutId; name: string; description: string };
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

const ROLE_KINDS: ReadonlySet<EntryKind> = new Set(['work', 'volunteer', 'project']);

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
      .map((bullet) => ({ path: bulletId(bullet), text: bullet.text, range: bullet.range })),
  }));

  const oldNames = oldNamesReport(model, findings);
  return {
    layout: { id: model.layout.id, name: LAYOUT_NAMES[model.layout.id], description: describeLayout(model.layout) },
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
  const written = resumeView(model).entries.filter((entry) => ROLE_KINDS.has(entry.kind) && entry.range);
  // In file order, whichever section each is in.
  for (const entry of written.sort((a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0))) {
    const bullets = highlights.filter((bullet) => bullet.entryPath === entry.path);
    const findings: Record<string, number> = {};
    for (const finding of result.findings) {
      if (!bullets.some((b) => finding.range.start >= b.range.start && finding.range.end <= b.range.end)) continue;
      findings[finding.ruleId] = (findings[finding.ruleId] ?? 0) + 1;
    }
    reports.push({
      path: entry.path,
      title: [entry.organisation, entry.title].filter(Boolean).join(' — ') || formatPath([entry.sectionPath, entry.index]),
      range: entry.range ?? { start: 0, end: 0 },
      bullets: bullets.length,
      quantified: bullets.filter((bullet) => quantified.has(bullet)).length,
      findings,
    });
  }
  return reports;
}

/** Each skill into the seed's categories: by the stack taxonomy, else by its group's name. */
function skillCategories(model: ResumeModel): SkillCategoryReport[] {
  const byCategory = new Map<SkillsCategory, Set<string>>(SKILLS_CATEGORIES.map((category) => [category, new Set()]));
  for (const group of resumeView(model).skills.groups) {
    if (group.bare) continue;
    const named = SKILLS_CATEGORIES.find((category) => category.toLowerCase() === group.name.toLowerCase());
    for (const item of group.items) {
      const category = taxonomy.formOf(item)?.term.skillsCategory ?? named;
      if (category) byCategory.get(category)?.add(item);
    }
  }
  return SKILLS_CATEGORIES.map((category) => ({ category, keywords: [...(byCategory.get(category) ?? [])] }));
}
