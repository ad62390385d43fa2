/**
 * The report dashboard's HTML: bars, not a wall of text, in the editor's
 * own theme colours, under a strict content security policy (no remote
 * content, one nonce'd script that only re-renders and posts clicks).
 */
import type { ReportResult } from '../../server/src/protocol';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** Text with `code` spans, escaped. */
function withCode(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function meter(value: number, total: number, label: string): string {
  const percent = total === 0 ? 0 : Math.round((100 * value) / total);
  const tone = percent >= 80 ? 'good' : percent >= 50 ? 'fair' : 'poor';
  return `<div class="meter" role="img" aria-label="${escape(label)}: ${value} of ${total}"><div class="fill ${tone}" data-width="${percent}"></div></div>`;
}

function link(line: number | undefined, text: string): string {
  if (line === undefined) return escape(text);
  return `<a href="#" data-line="${line}" title="Go to line ${line + 1}">${escape(text)}</a>`;
}

/** The dashboard's content, re-rendered on every update. */
export function renderReportBody(result: ReportResult): string {
  const { report } = result;
  const { total, quantified } = report.bullets;
  const cards = [
    `<div class="card"><div class="big">${quantified}/${total}</div><div>bullets quantified</div>${meter(quantified, total, 'Bullets quantified')}</div>`,
    `<div class="card"><div class="big">${report.dimensions.length}/${report.dimensions.length + report.missingDimensions.length}</div><div>backend dimensions shown</div>${meter(report.dimensions.length, report.dimensions.length + report.missingDimensions.length, 'Backend dimensions')}</div>`,
    `<div class="card"><div class="big counts"><span class="error">${report.counts.error}</span> · <span class="warning">${report.counts.warning}</span> · <span class="info">${report.counts.info}</span></div><div>errors · warnings · info</div></div>`,
  ];
  if (report.posting) {
    const { matched, total: terms } = report.posting.coverage;
    cards.push(
      `<div class="card"><div class="big">${matched}/${terms}</div><div>posting terms matched</div>${meter(matched, terms, 'Posting match')}</div>`,
    );
  }

  const roles = report.roles
    .map(
      (role) =>
        `<tr><td>${link(result.roleLines[role.path], role.title)}</td><td class="bar">${meter(role.quantified, role.bullets, role.title)}</td><td class="num">${role.quantified}/${role.bullets}</td><td class="num">${role.findings['weak-opening'] ?? 0}</td></tr>`,
    )
    .join('');

  const dimensions = [
    ...report.dimensions.map(
      (dimension) =>
        `<li class="shown"><span class="mark">✓</span> <strong>${escape(dimension.label)}</strong> <span class="muted">${dimension.bullets.length} bullet${dimension.bullets.length === 1 ? '' : 's'}</span><ul>${dimension.bullets
          .slice(0, 3)
          .map((bullet) => `<li>${link(result.bulletLines[bullet.path], bullet.text)}</li>`)
          .join('')}</ul></li>`,
    ),
    ...report.missingDimensions.map(
      (dimension) =>
        `<li class="missing"><span class="mark">✗</span> <strong>${escape(dimension.label)}</strong> <span class="muted">no bullet shows it</span></li>`,
    ),
  ].join('');

  const skills = report.skillCategories
    .map(
      (category) =>
        `<li class="${category.keywords.length ? 'shown' : 'missing'}"><span class="mark">${category.keywords.length ? '✓' : '✗'}</span> <strong>${escape(category.category)}</strong> <span class="muted">${escape(category.keywords.join(', ') || 'none listed')}</span></li>`,
    )
    .join('');

  const maxRule = Math.max(1, ...report.rules.map((rule) => rule.count));
  const rules = report.rules
    .map(
      (rule) =>
        `<tr><td><code>${escape(rule.ruleId)}</code></td><td class="bar"><div class="meter"><div class="fill ${rule.severity}" data-width="${Math.round((100 * rule.count) / maxRule)}"></div></div></td><td class="num">${rule.count}</td></tr>` +
        (rule.ruleId === 'schema/unknown-key' && report.oldNames
          ? `<tr><td colspan="3" class="muted">${withCode(report.oldNames.summary)}</td></tr>`
          : ''),
    )
    .join('');

  let posting = '';
  if (report.posting) {
    const missing = report.posting.terms.filter((term) => term.status === 'missing').map((term) => term.term);
    posting = `<section><h2>Posting match <span class="muted">${escape(report.posting.posting)}</span></h2><table>${report.posting.coverage.byCategory
      .map(
        (category) =>
          `<tr><td>${escape(category.category)}</td><td class="bar">${meter(category.matched, category.total, category.category)}</td><td class="num">${category.matched}/${category.total}</td></tr>`,
      )
      .join('')}</table>${missing.length ? `<p class="muted">Missing: ${escape(missing.join(', '))}</p>` : ''}</section>`;
  }

  return `<div class="cards">${cards.join('')}</div>
<section><h2>Bullets quantified per role</h2><table><tr><th>Role</th><th></th><th class="num">Quantified</th><th class="num">Weak openings</th></tr>${roles || '<tr><td colspan="4" class="muted">No roles with highlights yet.</td></tr>'}</table></section>
<div class="columns"><section><h2>What a backend reviewer looks for</h2><ul class="checks">${dimensions}</ul></section>
<section><h2>Skills by category</h2><ul class="checks">${skills}</ul></section></div>
${posting}
<section><h2>Findings by rule</h2><table>${rules || '<tr><td class="muted">No findings.</td></tr>'}</table></section>`;
}

export function renderReportHtml(result: ReportResult, name: string, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resume report</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 20px 24px; }
h1 { font-size: 1.4em; font-weight: 600; } h2 { font-size: 1.05em; font-weight: 600; margin: 1.4em 0 .6em; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); border-radius: 6px; padding: 12px; background: var(--vscode-sideBar-background, transparent); }
.big { font-size: 1.8em; font-weight: 600; margin-bottom: 2px; }
.meter { height: 8px; border-radius: 4px; background: var(--vscode-editorWidget-border, rgba(128,128,128,.25)); overflow: hidden; margin-top: 8px; min-width: 80px; }
.fill { height: 100%; border-radius: 4px; }
.good { background: var(--vscode-testing-iconPassed, #3fb950); } .fair { background: var(--vscode-editorWarning-foreground, #d29922); }
.poor, .fill.error { background: var(--vscode-editorError-foreground, #f85149); } .fill.warning { background: var(--vscode-editorWarning-foreground, #d29922); }
.fill.info, .fill.hint { background: var(--vscode-editorInfo-foreground, #3794ff); }
.counts .error { color: var(--vscode-editorError-foreground); } .counts .warning { color: var(--vscode-editorWarning-foreground); } .counts .info { color: var(--vscode-editorInfo-foreground); }
table { border-collapse: collapse; width: 100%; } td, th { padding: 4px 8px; text-align: left; vertical-align: middle; } th { font-weight: 600; color: var(--vscode-descriptionForeground); }
td.bar { width: 40%; } td.bar .meter { margin: 0; } .num { text-align: right; white-space: nowrap; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 0 24px; }
ul.checks { list-style: none; padding: 0; } ul.checks > li { margin: 6px 0; } ul.checks ul { margin: 2px 0 0 1.4em; padding: 0; list-style: disc; font-size: .92em; }
.shown .mark { color: var(--vscode-testing-iconPassed, #3fb950); } .missing .mark { color: var(--vscode-editorError-foreground, #f85149); }
.muted { color: var(--vscode-descriptionForeground); } a { color: var(--vscode-textLink-foreground); text-decoration: none; } a:hover { text-decoration: underline; }
</style></head>
<body><h1>Resume report: ${escape(name)}${result.report.layout ? ` (${escape(result.report.layout.name)})` : ''}</h1><div id="report">${renderReportBody(result)}</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target.closest('a[data-line]');
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ command: 'reveal', line: Number(target.dataset.line) });
});
// Widths set from script: the policy allows no inline style attributes.
function applyWidths() {
  for (const fill of document.querySelectorAll('.fill[data-width]')) fill.style.width = fill.dataset.width + '%';
}
window.addEventListener('message', (event) => {
  if (!event.data || event.data.command !== 'update') return;
  document.getElementById('report').innerHTML = event.data.html;
  applyWidths();
});
applyWidths();
</script></body></html>`;
}
