import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingsForText, waitUntil } from './actions';
import { closeAll, fromCli, fromDiagnostics, waitForDiagnostics } from './helpers';

describe('new resume (twin of the UI "New resume" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('opens an untitled resume from the skeleton, first placeholder selected, and checks it unsaved', async () => {
    await vscode.commands.executeCommand('bulletproof.newResume');
    const editor = await waitUntil('an untitled YAML editor with the skeleton', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'untitled' && active.document.getText().length > 0 ? active : undefined;
    });
    const { document } = editor;
    assert.equal(document.languageId, 'yaml');
    assert.equal(document.lineAt(0).text, '# bulletproof');
    assert.ok(!/\$\{\d+[:|]/.test(document.getText()), 'the skeleton was inserted as text, not as a snippet');
    assert.match(document.getText(editor.selection), /^‹[^›]+›$/, 'the first placeholder is not selected');

    const expected = fromCli(findingsForText(document.getText(), 'new.resume.yaml'));
    assert.ok(expected.length > 0, 'the CLI finds nothing in the skeleton');
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length >= expected.length);
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
  });
});
