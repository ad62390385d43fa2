import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingsForText, slotsIn } from './actions';
import { closeAll, completionLabels, fromCli, fromDiagnostics, insertLine, labelOf, open, waitForDiagnostics } from './helpers';

const FILE = 'clean.resume.yaml';
const FILL: Record<string, string> = {
  '‹endpoint›': 'the checkout API',
  '‹before›': '900',
  '‹after›': '250',
  '‹how›': 'caching prices in Redis',
};

describe('snippet completion (twin of the UI "Snippet completion" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('offers the latency bullet template in `highlights`; its placeholders are tab stops', async () => {
    const editor = await open(FILE);
    const lines = editor.document.getText().split('\n');
    const first = lines.findIndex((line) => line.trim() === 'highlights:') + 1; // 0-based first highlight
    assert.ok(first > 0);
    const dashOf = (index: number) => lines[index]?.indexOf('-') ?? -1;
    let last = first;
    while (lines[last + 1]?.trimStart().startsWith('- ') && dashOf(last + 1) === dashOf(first)) last++;
    const prefix = `${(lines[first] ?? '').slice(0, dashOf(first))}- `;
    const line = last + 1;
    await insertLine(editor, line, `${prefix}latency\n`);

    const items = await completionLabels(editor.document.uri, new vscode.Position(line, prefix.length + 'latency'.length));
    const item = items.find((candidate) => labelOf(candidate) === 'latency');
    assert.ok(item, `no latency template; got ${items.map(labelOf).join(', ')}`);
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    assert.ok(item.insertText instanceof vscode.SnippetString, 'the template is not a snippet');
    const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
    assert.ok(range, 'the template has no range');
    assert.ok(await editor.insertSnippet(item.insertText, range));

    // Each placeholder selected in turn; typing replaces it; the next tab stop follows.
    const slots = slotsIn(editor.document, line);
    assert.ok(slots.length >= 2, `the template has no placeholders: ${editor.document.lineAt(line).text}`);
    for (let index = 0; ; index++) {
      const slot = slotsIn(editor.document, line)[0];
      if (!slot) break;
      assert.ok(editor.selection.isEqual(slot), `placeholder ${index + 1} is not selected: ${editor.document.getText(editor.selection)}`);
      const token = editor.document.getText(slot);
      await vscode.commands.executeCommand('type', { text: FILL[token] ?? token.slice(1, -1) });
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    const expected = fromCli(findingsForText(editor.document.getText(), FILE));
    assert.deepEqual(
      expected.filter((row) => row.line === line + 1),
      [],
      'the filled-in template has problems',
    );
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (found) => JSON.stringify(fromDiagnostics(found)) === JSON.stringify(expected),
    );
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
  });
});
