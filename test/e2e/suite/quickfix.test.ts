import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, fixesFor, findingsForText, quickFixes, slotsIn, waitForTab, waitUntil } from './actions';
import { cliFindings, closeAll, codeOf, fromCli, fromDiagnostics, open, waitForDiagnostics, workspaceFile } from './helpers';

const FILE = 'weak.resume.yaml';

/** Opens the weak example and waits for all its diagnostics; returns the first with `code`. */
async function openAt(code: string): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const uri = workspaceFile(FILE);
  const expected = cliFindings(uri.fsPath);
  const editor = await open(FILE);
  const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= expected.length);
  const diagnostic = diagnostics.find((candidate) => codeOf(candidate) === code);
  assert.ok(diagnostic, `no \`${code}\` diagnostic in ${FILE}`);
  return { editor, diagnostic };
}

describe('quick fixes (twin of the UI "Quick fixes" scenarios)', () => {
  beforeEach(closeAll);
  after(closeAll);

  it('rewrite a weak opening, next to "Disable" and "Show documentation"; the finding goes and the YAML stays valid', async () => {
    const { editor, diagnostic } = await openAt('weak-opening');
    const uri = editor.document.uri;
    const actions = await quickFixes(uri, diagnostic.range.start);
    const titles = actions.map((action) => action.title);
    for (const title of ['Disable `weak-opening` for this line', 'Show documentation for `weak-opening`']) {
      assert.ok(titles.includes(title), `no "${title}" in ${titles.join(' | ')}`);
    }
    const rewrites = fixesFor(actions, 'weak-opening');
    // Rewrites are suggestions, never preferred: take the first.
    assert.ok(
      rewrites.every((action) => !action.isPreferred),
      'a rewrite is marked preferred',
    );
    const rewrite = rewrites[0];
    assert.ok(rewrite, `no rewrite for the weak opening in ${titles.join(' | ')}`);

    await applyAction(rewrite);
    const expected = fromCli(findingsForText(editor.document.getText(), FILE));
    assert.ok(!expected.some((row) => row.line === diagnostic.range.start.line + 1 && row.code === 'weak-opening'));
    assert.ok(!expected.some((row) => row.code.startsWith('yaml/')), 'the rewrite broke the YAML');
    const diagnostics = await waitForDiagnostics(uri, (found) => JSON.stringify(fromDiagnostics(found)) === JSON.stringify(expected));
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
  });

  it('"Show documentation" opens the rule doc as a rendered preview', async () => {
    const { editor, diagnostic } = await openAt('weak-opening');
    const actions = await quickFixes(editor.document.uri, diagnostic.range.start);
    const docs = actions.find((action) => action.title === 'Show documentation for `weak-opening`');
    assert.ok(docs, 'no "Show documentation" action');
    await applyAction(docs);
    await waitForTab('Preview weak-opening.md');
  });

  it('"Add a metric" leaves its first placeholder selected, and the next placeholder is the next tab stop', async () => {
    const { editor, diagnostic } = await openAt('quantify');
    const line = diagnostic.range.start.line;
    const metric = fixesFor(await quickFixes(editor.document.uri, diagnostic.range.start), 'quantify').find((action) =>
      action.title.startsWith('Add a metric'),
    );
    assert.ok(metric, 'no "Add a metric" fix');
    await applyAction(metric);
    const [first, second] = await waitUntil('the template in the bullet', () => {
      const [a, b] = slotsIn(editor.document, line);
      return a && b ? [a, b] : undefined;
    });
    await waitUntil(
      'the first placeholder selected',
      () => (editor.selection.isEqual(new vscode.Selection(first.start, first.end)) ? true : undefined),
      5_000,
    ).catch((error: Error) => {
      throw new Error(`the snippet edit did not become tab stops (selection ${JSON.stringify(editor.selection)}): ${error.message}`);
    });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.ok(editor.selection.isEqual(new vscode.Selection(second.start, second.end)), 'Tab does not move to the next placeholder');
  });
});
