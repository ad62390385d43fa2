import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, completionLabels, insertLine, labelOf, open } from './helpers';

describe('completion (twin of the UI "Completion" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('offers the keys of a work entry as properties', async () => {
    const editor = await open('clean.resume.yaml');
    const lines = editor.document.getText().split('\n');
    const last = lines.findIndex((line) => line.trim() === 'endDate: 2021-02'); // 0-based, the Initech entry
    assert.ok(last >= 0);
    await insertLine(editor, last + 1, '    \n');
    const items = await completionLabels(editor.document.uri, new vscode.Position(last + 1, 4));
    for (const key of ['position', 'highlights']) {
      const item = items.find((candidate) => labelOf(candidate) === key);
      assert.ok(item, `${key} is not offered; got ${items.map(labelOf).join(', ')}`);
      assert.equal(item.kind, vscode.CompletionItemKind.Property);
    }
  });
});
