import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, TIMEOUT } from './config';
import { cliFindings, cliReport, cliReportForText } from './oracles';
import { workbench } from './workbench';

const FILE = 'posting.resume.yaml';
const POSTING = 'acme-backend.md';
/** Typed at the end of a bullet that states no number. */
const TYPED = ' across 3 payment providers';

const quantifiedLabel = (quantified: number, total: number) => `${quantified}/${total} bullets quantified`;

describe('Resume report', () => {
  it('shows the report as a dashboard beside the resume, and follows the typing there and in the status bar', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 90_000);
    const file = path.join(config.workspace, FILE);
    const report = cliReport(file);
    assert.ok(report.posting, `the CLI matches ${FILE} against no posting: check its meta.posting`);
    const bare = cliFindings(file).find((finding) => finding.code === 'quantify');
    assert.ok(bare, `every bullet of ${FILE} has a number: the scenario would prove nothing`);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const edited = lines.map((line, index) => (index === bare.line - 1 ? line + TYPED : line)).join('\n');
    const after = cliReportForText(edited, FILE, [path.join(config.workspace, POSTING)]);
    assert.equal(after.bullets.quantified, report.bullets.quantified + 1, `the CLI does not count "${TYPED.trim()}" as a number`);
    const changedRole = after.roles.find((role, index) => role.quantified !== report.roles[index]?.quantified);
    assert.ok(changedRole, 'no role gained a quantified bullet');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    await wb.waitForStatus(quantifiedLabel(report.bullets.quantified, report.bullets.total), TIMEOUT.firstDiagnostics);

    await wb.runCommand('Bulletproof: Show Resume Report');
    await wb.page.locator(`.tab[aria-label^="Report: ${FILE}"]`).waitFor({ timeout: TIMEOUT.ui });
    // Bars, not text: one meter per number, each labelled with what it measures.
    const meter = (label: string, value: number, total: number) => wb.webview(`[role="img"][aria-label="${label}: ${value} of ${total}"]`);
    const bullets = meter('Bullets quantified', report.bullets.quantified, report.bullets.total);
    await bullets.waitFor({ timeout: TIMEOUT.ui });
    for (const role of report.roles) await meter(role.title, role.quantified, role.bullets).waitFor();
    const { matched, total, byCategory } = report.posting.coverage;
    await meter('Posting match', matched, total).waitFor();
    for (const category of byCategory) await meter(category.category, category.matched, category.total).waitFor();
    for (const dimension of report.dimensions) await wb.webview('li.shown strong').filter({ hasText: dimension.label }).first().waitFor();
    for (const dimension of report.missingDimensions)
      await wb.webview('li.missing strong').filter({ hasText: dimension.label }).first().waitFor();
    // The bars are drawn (their widths are set by the page's script, which the content security policy lets run).
    const percent = Math.round((100 * report.bullets.quantified) / report.bullets.total);
    assert.equal(await bullets.locator('.fill').evaluate((fill: { style: { width: string } }) => fill.style.width), `${percent}%`);

    // The resume with its CodeLens and status bar on the left, the dashboard on the right.
    await wb.focusFirstEditor();
    const restore = await wb.makeRoom({ sideBar: true });
    await wb.goTo(1, 1);
    await wb.waitForStatus(quantifiedLabel(report.bullets.quantified, report.bullets.total));
    await wb.editor.locator('.codelens-decoration').first().waitFor();
    await bullets.waitFor();
    await wb.screenshot('report');
    await restore();
    await wb.focusFirstEditor();

    // Typing a number into a bullet moves the dashboard, the status bar and the CodeLens.
    await wb.goTo(bare.line, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(TYPED);
    await meter('Bullets quantified', after.bullets.quantified, after.bullets.total).waitFor({ timeout: TIMEOUT.ui });
    await wb
      .webview('.card .big')
      .filter({ hasText: `${after.bullets.quantified}/${after.bullets.total}` })
      .first()
      .waitFor();
    await meter(changedRole.title, changedRole.quantified, changedRole.bullets).waitFor();
    await wb.waitForStatus(quantifiedLabel(after.bullets.quantified, after.bullets.total));
    await wb.editor
      .locator('.codelens-decoration', { hasText: `${changedRole.quantified}/${changedRole.bullets} quantified` })
      .first()
      .waitFor({ timeout: TIMEOUT.ui });
    await wb.screenshot('report-updated');
    await wb.runCommand('File: Revert File');
    await meter('Bullets quantified', report.bullets.quantified, report.bullets.total).waitFor({ timeout: TIMEOUT.ui });
    await wb.closeAllEditors();
  });
});
