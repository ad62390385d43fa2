import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows } from './expected';
import { config, repoRoot, TIMEOUT } from './config';
import {
  applyAction,
  cliFindings,
  cliFindingsForText,
  findingOf,
  positionOf,
  quickFixMenu,
  serverCodeActions,
  type CliFinding,
} from './oracles';
import { workbench } from './workbench';

const FILE = 'weak.resume.yaml';

function firstFinding(findings: readonly CliFinding[], code: string): CliFinding {
  return findingOf(findings, code, FILE);
}

describe('Quick fixes', () => {
  it('rewrites a weak opening from the Ctrl+. menu, which also offers to disable the rule or show its doc, and the YAML stays valid', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 90_000);
    const file = path.join(config.workspace, FILE);
    const original = fs.readFileSync(file, 'utf8');
    const weak = firstFinding(cliFindings(file), 'weak-opening');
    const menu = quickFixMenu(await serverCodeActions(file, original, weak.line, weak.column));
    const rewrite = menu.find((action) => action.fixes.includes('weak-opening'));
    assert.ok(
      rewrite,
      `the server offers no rewrite for \`weak-opening\` at ${weak.line}:${weak.column}: ${menu.map((a) => a.title).join(' | ')}`,
    );
    // A rewrite is a suggestion: an editor's auto-fix must never apply it.
    assert.deepEqual(
      menu.filter((action) => action.isPreferred && action.fixes.includes('weak-opening')).map((a) => a.title),
      [],
    );
    const after = applyAction(original, rewrite).text;
    const expected = expectedRows(cliFindingsForText(after, FILE));
    assert.ok(
      !expected.some((row) => row.line === weak.line && row.code === 'weak-opening'),
      `the CLI still finds a weak opening on line ${weak.line} after "${rewrite.title}"`,
    );

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    const restore = await wb.makeRoom();
    await wb.goTo(weak.line, weak.column);
    await wb.squiggle(weak.line, weak.severity, TIMEOUT.firstDiagnostics);
    const titles = await wb.openQuickFix();
    assert.deepEqual([...titles].sort(), menu.map((action) => action.title).sort(), 'the menu lists other actions than the server offers');
    for (const title of [rewrite.title, 'Disable `weak-opening` for this line', 'Show documentation for `weak-opening`']) {
      assert.ok(titles.includes(title), `the menu has no "${title}": ${titles.join(' | ')}`);
    }
    await wb.screenshot('quickfix');

    await wb.applyQuickFix(rewrite.title);
    await wb.waitForLine(weak.line, after.split('\n')[weak.line - 1] ?? '');
    // The weak opening's squiggle goes (its Problems row with it); nothing else changes, and no YAML error appears.
    const rows = await wb.waitForProblems(FILE, expected, TIMEOUT.firstDiagnostics);
    assert.deepEqual(
      rows.filter((row) => row.code.startsWith('yaml/')),
      [],
      'the rewrite broke the YAML',
    );
    await wb.goTo(weak.line, weak.column);
    await wb.screenshot('quickfix-applied');
    await wb.runCommand('File: Revert File');
    await restore();
  });

  it('opens the rule doc, rendered, from "Show documentation"', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    const file = path.join(config.workspace, FILE);
    const weak = firstFinding(cliFindings(file), 'weak-opening');
    const title = 'Show documentation for `weak-opening`';
    const heading = /^#\s+(.+)$/m.exec(fs.readFileSync(path.join(repoRoot, 'docs', 'rules', 'weak-opening.md'), 'utf8'))?.[1];
    assert.ok(heading, 'docs/rules/weak-opening.md has no heading');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    await wb.goTo(weak.line, weak.column);
    await wb.squiggle(weak.line, weak.severity, TIMEOUT.firstDiagnostics);
    await wb.openQuickFix();
    await wb.applyQuickFix(title);
    await wb.page.locator('.tab.active[aria-label="Preview weak-opening.md"]').waitFor({ timeout: TIMEOUT.ui });
    await wb.webview('h1').filter({ hasText: heading }).waitFor({ timeout: TIMEOUT.ui });
    await wb.screenshot('quickfix-docs');
  });

  it('leaves the first placeholder of "Add a metric" selected, and Tab moves to the next (snippet tab stops)', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    const file = path.join(config.workspace, FILE);
    const original = fs.readFileSync(file, 'utf8');
    const bare = firstFinding(cliFindings(file), 'quantify');
    const menu = quickFixMenu(await serverCodeActions(file, original, bare.line, bare.column));
    const metric = menu.find((action) => action.fixes.includes('quantify') && action.title.startsWith('Add a metric'));
    assert.ok(metric, `the server offers no "Add a metric" at ${bare.line}:${bare.column}: ${menu.map((a) => a.title).join(' | ')}`);
    assert.ok(
      metric.edits.some((edit) => edit.snippet),
      `"${metric.title}" is plain text although the client advertises snippetEditSupport: ${JSON.stringify(metric.edits)}`,
    );
    const { text: after, stops } = applyAction(original, metric);
    const placeholders = stops.filter((stop) => stop.index > 0);
    assert.ok(placeholders.length >= 2, `"${metric.title}" has fewer than two placeholders: ${JSON.stringify(stops)}`);
    const expected = expectedRows(cliFindingsForText(after, FILE));

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    await wb.goTo(bare.line, bare.column);
    await wb.squiggle(bare.line, bare.severity, TIMEOUT.firstDiagnostics);
    await wb.openQuickFix();
    await wb.applyQuickFix(metric.title);
    await wb.waitForLine(bare.line, after.split('\n')[bare.line - 1] ?? '');

    // Plain text would leave the cursor at the end of the edit and Tab would indent:
    // a selected placeholder, and Tab selecting the next, are the snippet's tab stops.
    for (const [step, stop] of placeholders.entries()) {
      if (step > 0) await wb.page.keyboard.press('Tab');
      const end = positionOf(after, stop.end);
      await wb.waitForSelection(end.line, end.column, stop.end - stop.start).catch((error: Error) => {
        throw new Error(
          `placeholder ${stop.index} (\`${stop.text}\`) of "${metric.title}" is not selected${step === 0 ? ' after applying it' : ' after Tab'}: ` +
            `the workbench did not turn the snippet edit into tab stops (the client needs middleware to apply SnippetTextEdit). ${error.message}`,
        );
      });
      if (step === 0) await wb.screenshot('quickfix-tabstop');
    }
    await wb.page.keyboard.press('Escape');
    // The template's slots are for the person to fill; until then the text is still valid YAML.
    await wb.waitForProblems(FILE, expected, TIMEOUT.firstDiagnostics);
    await wb.runCommand('File: Revert File');
  });
});
