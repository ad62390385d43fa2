import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeLensTitles, cliReport, reportForText, waitForTab, waitUntil } from './actions';
import { cliFindings, closeAll, open, waitForDiagnostics, workspaceFile } from './helpers';

const FILE = 'posting.resume.yaml';
const TYPED = ' across 3 payment providers';

describe('resume report (twin of the UI "Resume report" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('opens the report beside the resume; the CodeLens follow a number typed into a bullet', async () => {
    const uri = workspaceFile(FILE);
    const report = cliReport(uri.fsPath);
    const bare = cliFindings(uri.fsPath).find((finding) => finding.code === 'quantify');
    assert.ok(bare, `every bullet of ${FILE} has a number`);
    const editor = await open(FILE);
    await waitForDiagnostics(uri, (found) => found.length > 0);

    const lensFor = (role: { quantified: number; bullets: number }) => `${role.quantified}/${role.bullets} quantified`;
    const titles = await codeLensTitles(uri);
    for (const role of report.roles.filter((candidate) => candidate.bullets > 0)) {
      assert.ok(
        titles.some((title) => title.startsWith(lensFor(role))),
        `no CodeLens "${lensFor(role)}" in ${titles.join(' | ')}`,
      );
    }

    await vscode.commands.executeCommand('bulletproof.showReport');
    const tab = await waitForTab(`Report: ${FILE}`);
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'the report is not a webview');

    const shown = await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const line = shown.document.lineAt(bare.line - 1);
    assert.ok(await shown.edit((edit) => edit.insert(line.range.end, TYPED)));
    const after = reportForText(shown.document.getText(), FILE, [path.join(path.dirname(uri.fsPath), 'acme-backend.md')]);
    assert.equal(after.bullets.quantified, report.bullets.quantified + 1);
    const changed = after.roles.find((role, index) => role.quantified !== report.roles[index]?.quantified);
    assert.ok(changed);
    await waitUntil(`the CodeLens "${lensFor(changed)}"`, async () =>
      (await codeLensTitles(uri)).some((title) => title.startsWith(lensFor(changed))) ? true : undefined,
    );
  });
});
