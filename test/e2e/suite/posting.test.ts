import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyAction, fixesFor, findingsForText, quickFixes, reportForText } from './actions';
import { closeAll, codeOf, fromCli, fromDiagnostics, open, waitForDiagnostics, workspaceFile } from './helpers';

const FILE = 'posting.resume.yaml';

describe('posting match (twin of the UI "Posting match" scenario)', () => {
  before(closeAll);
  after(closeAll);

  it('adds a missing posting term with its quick fix, and the match rises', async () => {
    const uri = workspaceFile(FILE);
    const companions = [path.join(path.dirname(uri.fsPath), 'acme-backend.md')];
    const editor = await open(FILE);
    const before = reportForText(editor.document.getText(), FILE, companions).posting;
    assert.ok(before, `${FILE} is matched against no posting`);
    const expected = fromCli(findingsForText(editor.document.getText(), FILE, companions));
    const diagnostics = await waitForDiagnostics(uri, (found) => found.length >= expected.length);
    assert.deepEqual(fromDiagnostics(diagnostics), expected);
    const missing = diagnostics.filter((diagnostic) => codeOf(diagnostic) === 'posting-missing-term');
    const [firstMissing] = missing;
    assert.ok(firstMissing, 'no posting term is missing');

    const add = fixesFor(await quickFixes(uri, firstMissing.range.start), 'posting-missing-term').find((action) =>
      / to the /.test(action.title),
    );
    assert.ok(add, 'no "Add … to the … skills" fix');
    await applyAction(add);
    const text = editor.document.getText();
    const after = reportForText(text, FILE, companions).posting;
    assert.ok(after && after.coverage.matched > before.coverage.matched, `"${add.title}" does not raise the posting match`);
    const now = fromCli(findingsForText(text, FILE, companions));
    assert.equal(now.filter((row) => row.code === 'posting-missing-term').length, missing.length - 1);
    assert.ok(!now.some((row) => row.code.startsWith('yaml/') || row.code.startsWith('schema/')), 'the skills are no longer valid');
    const updated = await waitForDiagnostics(uri, (found) => JSON.stringify(fromDiagnostics(found)) === JSON.stringify(now));
    assert.deepEqual(fromDiagnostics(updated), now);
  });
});
