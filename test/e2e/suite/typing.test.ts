import * as assert from 'node:assert/strict';
import { cliFindingsForText, closeAll, fromCli, fromDiagnostics, insertLine, open, waitForDiagnostics, workspaceFile } from './helpers';

describe('typing (twin of the UI "Typing" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('warns about a misspelt key as soon as it is typed', async () => {
    const editor = await open('clean.resume.yaml');
    const uri = workspaceFile('clean.resume.yaml');
    const lines = editor.document.getText().split('\n');
    const after = lines.findIndex((line) => line.trim() === 'position: Backend Engineer') + 1; // 0-based line to insert at
    assert.ok(after > 0);
    const edited = [...lines.slice(0, after), '    hilights:', ...lines.slice(after)].join('\n');
    const expected = fromCli(cliFindingsForText(edited, 'clean.resume.yaml'));
    assert.ok(
      expected.some((row) => row.line === after + 1 && row.code === 'schema/unknown-key'),
      'the CLI does not flag the typo',
    );

    await insertLine(editor, after, '    hilights:\n');
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= expected.length);
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
  });
});
