import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliFindings, closeAll, codeOf, open, waitForDiagnostics, workspaceFile } from './helpers';

describe('hover (twin of the UI "Hover" scenario)', () => {
  before(closeAll);

  it('the squiggle under a position carries the message and the rule id linked to its doc', async () => {
    const uri = workspaceFile('weak.resume.yaml');
    const findings = cliFindings(uri.fsPath);
    const finding = findings.find((candidate) => candidate.code === 'schema/unknown-key') ?? findings[0];
    assert.ok(finding, 'the CLI finds nothing in weak.resume.yaml');
    await open('weak.resume.yaml');
    const position = new vscode.Position(finding.line - 1, finding.column - 1);
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((diagnostic) => diagnostic.range.contains(position)));
    const diagnostic = diagnostics.find((candidate) => candidate.range.contains(position) && codeOf(candidate) === finding.code);
    assert.ok(diagnostic, `no ${finding.code} diagnostic at ${finding.line}:${finding.column}`);
    assert.equal(diagnostic.message, finding.message);
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes(finding.code), 'the rule id does not link to its doc');
  });

  it('hovering a known key explains it from the schema', async () => {
    const editor = await open('weak.resume.yaml');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((text) => text.trim().startsWith('position:'));
    assert.ok(line >= 0);
    const character = editor.document.lineAt(line).text.indexOf('position') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, character),
    );
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /position/);
  });
});
