import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliFindings, closeAll, codeOf, fromCli, fromDiagnostics, open, SOURCE, waitForDiagnostics, workspaceFile } from './helpers';

describe('diagnostics of examples/weak.resume.yaml (twin of the UI "Problems panel" scenario)', () => {
  before(closeAll);

  it('match the CLI: codes, ranges, severities and messages', async () => {
    const uri = workspaceFile('weak.resume.yaml');
    const expected = fromCli(cliFindings(uri.fsPath));
    assert.ok(expected.length > 0, 'the CLI finds nothing in weak.resume.yaml');
    await open('weak.resume.yaml');
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= expected.length);
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, SOURCE);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, `${codeOf(diagnostic)} has no link to its doc`);
    }
  });
});
