import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  cliFindings,
  closeAll,
  completionLabels,
  fromCli,
  fromDiagnostics,
  insertLine,
  labelOf,
  open,
  ours,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

describe('other YAML files (twin of the UI "Other YAML files" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('leave docker-compose.yml alone (no diagnostics, no completion) but check a file marked `# bulletproof`', async () => {
    const compose = workspaceFile('docker-compose.yml');
    assert.ok(cliFindings(compose.fsPath).length > 0, 'linted as a resume, the compose file would have findings');
    const editor = await open('docker-compose.yml');
    const services = editor.document.getText().split('\n').indexOf('services:');
    await insertLine(editor, services + 1, '  \n');
    const items = await completionLabels(compose, new vscode.Position(services + 1, 2));
    assert.deepEqual(items.map(labelOf), [], 'completion items in docker-compose.yml');

    // Opened after the compose file, a YAML file opted in by its first line gets diagnostics...
    const marked = workspaceFile('marked.yaml');
    const expected = fromCli(cliFindings(marked.fsPath));
    await open('marked.yaml');
    const diagnostics = await waitForDiagnostics(marked, (found) => found.length >= expected.length);
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
    // ...and the compose file has none.
    assert.deepEqual(ours(compose), []);
  });
});
