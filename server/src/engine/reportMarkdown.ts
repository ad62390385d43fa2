/**
 * The resume report as Markdown, for the CLI (`bulletproof --report`) and
 * for anything that renders Markdown. Each line names its place in the file.
 */
import type { ResumeReport } from './report';

/** `line` turns an offset into a 1-based line number (the adapter knows the text). */
export function reportToMarkdown(report: ResumeReport, file: string, line: (offset: number) => number): string {
  const out: string[] = [`# Resume report: ${file} (${report.layout.name})`, ''];
  const { total, quantified } = report.bullets;
  out.push(`**${quantified}/${total} bullets quantified** · ${countsText(report.counts)}`, '');

  out.push('## Bullets quantified per role', '');
  if (report.roles.length === 0) out.push('No roles with highlights yet.');
  for (const role of report.roles) {
    const weak = role.findings['weak-opening'] ?? 0;
    out.push(
      `- ${bar(role.quantified, role.bullets)} ${role.quantified}/${role.bullets} — ${role.title} (${file}:${line(role.range.start)})` +
        (weak ? ` · ${weak} weak opening${weak === 1 ? '' : 's'}` : ''),
    );
  }

  out.push('', '## What a backend reviewer looks for', '');
  for (const dimension of report.dimensions) {
    out.push(`- ✓ **${dimension.label}**: ${dimension.bullets.length} bullet${dimension.bullets.length === 1 ? '' : 's'}`);
    for (const bullet of dimension.bullets.slice(0, 3)) out.push(`  - ${file}:${line(bullet.range.start)} ${truncate(bullet.text)}`);
  }
  for (const missing of report.missingDimensions) out.push(`- ✗ **${missing.label}**: no bullet shows it`);

  out.push('', '## Skills by category', '');
  for (const category of report.skillCategories) {
    out.push(`- ${category.keywords.length ? '✓' : '✗'} ${category.category}: ${category.keywords.join(', ') || 'none listed'}`);
  }

  if (report.posting) {
    const { coverage } = report.posting;
    out.push('', `## Posting match: ${coverage.matched}/${coverage.total} terms (${report.posting.posting})`, '');
    for (const category of coverage.byCategory) {
      out.push(`- ${bar(category.matched, category.total)} ${category.category} ${category.matched}/${category.total}`);
    }
    const missing = report.posting.terms.filter((term) => term.status === 'missing').map((term) => term.term);
    if (missing.length) out.push('', `Missing: ${missing.join(', ')}`);
  }

  out.push('', '## Findings by rule', '');
  if (report.rules.length === 0) out.push('None.');
  for (const rule of report.rules) {
    out.push(`- ${rule.count} × \`${rule.ruleId}\` (${rule.severity})`);
    if (rule.ruleId === 'schema/unknown-key' && report.oldNames) out.push(`  - ${report.oldNames.summary}`);
  }
  return `${out.join('\n')}\n`;
}

function countsText(counts: ResumeReport['counts']): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 || severity === 'info' ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** A ten-cell text bar: `█████░░░░░`. */
export function bar(value: number, total: number): string {
  const filled = total === 0 ? 0 : Math.round((10 * value) / total);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

function truncate(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
