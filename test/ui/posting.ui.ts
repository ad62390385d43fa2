import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows } from './expected';
import { config, TIMEOUT } from './config';
import { applyAction, cliFindingsForText, cliReportForText, serverCodeActions, type ServerAction } from './oracles';
import { workbench } from './workbench';

const FILE = 'posting.resume.yaml';
const POSTING = 'acme-backend.md';

interface Step {
  action: ServerAction;
  text: string;
  matched: number;
}

describe('Posting match', () => {
  it('shows "posting match N/M" in the status bar, and adding a missing term with its quick fix raises N', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 120_000);
    const file = path.join(config.workspace, FILE);
    const companions = [path.join(config.workspace, POSTING)];
    const original = fs.readFileSync(file, 'utf8');
    const before = cliReportForText(original, FILE, companions).posting;
    assert.ok(before, `the CLI matches ${FILE} against no posting: check its meta.posting`);
    const { total } = before.coverage;
    const missing = cliFindingsForText(original, FILE, companions).find((finding) => finding.code === 'posting-missing-term');
    assert.ok(missing, `${FILE} misses no posting term: the scenario would prove nothing`);

    // Two fixes in a row: one adds to a skills group the resume has, one creates the group (expected from the server and the CLI).
    const steps: Step[] = [];
    let text = original;
    for (const pick of [/ to the /, / in a new /]) {
      const actions = await serverCodeActions(file, text, missing.line, missing.column);
      const action = actions.find((candidate) => candidate.fixes.includes('posting-missing-term') && pick.test(candidate.title));
      if (!action) {
        assert.ok(steps.length > 0, `the server offers no "Add …${pick.source}…" fix: ${actions.map((a) => a.title).join(' | ')}`);
        continue;
      }
      text = applyAction(text, action).text;
      const matched = cliReportForText(text, FILE, companions).posting?.coverage.matched ?? -1;
      assert.ok(matched > (steps.at(-1)?.matched ?? before.coverage.matched), `"${action.title}" does not raise the CLI's posting match`);
      steps.push({ action, text, matched });
    }
    const expected = expectedRows(cliFindingsForText(text, FILE, companions));

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    await wb.waitForStatus(`posting match ${before.coverage.matched}/${total}`, TIMEOUT.firstDiagnostics);
    await wb.screenshot('posting');
    for (const step of steps) {
      await wb.goTo(missing.line, missing.column);
      const titles = await wb.openQuickFix();
      assert.ok(titles.includes(step.action.title), `the menu has no "${step.action.title}": ${titles.join(' | ')}`);
      if (step === steps[0]) await wb.screenshot('posting-quickfix');
      await wb.applyQuickFix(step.action.title);
      await wb.waitForStatus(`posting match ${step.matched}/${total}`);
    }
    // Only the terms still missing are listed, and the skills stay valid YAML.
    const rows = await wb.waitForProblems(FILE, expected, TIMEOUT.firstDiagnostics);
    assert.deepEqual(
      rows.filter((row) => row.code.startsWith('yaml/') || row.code.startsWith('schema/')),
      [],
    );
    await wb.goTo(missing.line, missing.column);
    await wb.screenshot('posting-added');
    await wb.runCommand('File: Revert File');
    await wb.waitForStatus(`posting match ${before.coverage.matched}/${total}`);
  });
});
