import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/types';
import { encodedDiagnostic, PublishedDiagnostics } from '../../server/src/lsp/published';

const URI = 'file:///a.resume.yaml';
const docsUri = (ruleId: string) => `file:///docs/rules/${ruleId}.md`;

function finding(text: string, word: string, ruleId = 'schema/unknown-key', message = `\`${word}\` is not a key`): Finding {
  const start = text.indexOf(word);
  assert.ok(start >= 0, `${word} is not in the text`);
  return { ruleId, range: { start, end: start + word.length }, message, severity: 'warning', fixes: [] };
}

describe('published diagnostics', () => {
  const before = 'basics:\n  nme: Ada\nwork:\n  - compny: Acme\n';
  const after = 'basics:\n  nme: Adax\nwork:\n  - compny: Acme\n';

  it('gives a finding the engine kept the diagnostic it had', () => {
    const published = new PublishedDiagnostics(docsUri);
    const kept = finding(before, 'nme');
    const [first] = published.publish(TextDocument.create(URI, 'yaml', 1, before), [kept]);
    const [again] = published.publish(TextDocument.create(URI, 'yaml', 2, after), [kept]);
    assert.equal(again, first);
  });

  it('gives a finding a new diagnostic when an edit above moved its line', () => {
    const published = new PublishedDiagnostics(docsUri);
    const kept = finding(before, 'compny');
    const [first] = published.publish(TextDocument.create(URI, 'yaml', 1, before), [kept]);
    const inserted = `# top\n${before}`;
    const moved = { ...kept, range: { start: kept.range.start + 6, end: kept.range.end + 6 } };
    const [again] = published.publish(TextDocument.create(URI, 'yaml', 2, inserted), [moved]);
    assert.notEqual(again, first);
    assert.deepEqual(again?.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } });
  });

  it('encodes each diagnostic once: a publish that reads the same reuses the bytes', () => {
    const published = new PublishedDiagnostics(docsUri);
    const first = published.publish(TextDocument.create(URI, 'yaml', 1, before), [finding(before, 'nme'), finding(before, 'compny')]);
    const bytes = first.map((diagnostic) => encodedDiagnostic(diagnostic));
    assert.deepEqual(
      bytes.map((encoded) => encoded?.toString('utf8')),
      first.map((diagnostic) => `,${JSON.stringify(diagnostic)}`),
    );
    const second = published.publish(TextDocument.create(URI, 'yaml', 2, after), [finding(after, 'nme'), finding(after, 'compny')]);
    second.forEach((diagnostic, index) => assert.equal(encodedDiagnostic(diagnostic), bytes[index]));
    const [copied] = first;
    assert.ok(copied);
    assert.equal(encodedDiagnostic({ ...copied }), undefined);
  });

  it('gives a new finding that reads the same, where it stood, the last diagnostic', () => {
    const published = new PublishedDiagnostics(docsUri);
    const first = published.publish(TextDocument.create(URI, 'yaml', 1, before), [finding(before, 'nme'), finding(before, 'compny')]);
    const second = published.publish(TextDocument.create(URI, 'yaml', 2, after), [finding(after, 'nme'), finding(after, 'compny')]);
    assert.equal(second[0], first[0]);
    // Its offset moved with the typed `x`, its line and column did not.
    assert.equal(second[1], first[1]);
    assert.deepEqual(second[1]?.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 10 } });
  });

  it('makes a new diagnostic when the message, the severity or the place differs', () => {
    const published = new PublishedDiagnostics(docsUri);
    const [first] = published.publish(TextDocument.create(URI, 'yaml', 1, before), [finding(before, 'compny')]);
    const moved = 'basics:\n  nme: Ada\nwork:\n  -  compny: Acme\n';
    const [elsewhere] = published.publish(TextDocument.create(URI, 'yaml', 2, moved), [finding(moved, 'compny')]);
    assert.notEqual(elsewhere, first);
    assert.deepEqual(elsewhere?.range.start, { line: 3, character: 5 });
    const [reworded] = published.publish(TextDocument.create(URI, 'yaml', 3, moved), [
      finding(moved, 'compny', 'schema/unknown-key', 'other'),
    ]);
    assert.notEqual(reworded, elsewhere);
    assert.equal(reworded?.message, 'other');
    const louder = { ...finding(moved, 'compny', 'schema/unknown-key', 'other'), severity: 'error' as const };
    const [error] = published.publish(TextDocument.create(URI, 'yaml', 4, moved), [louder]);
    assert.notEqual(error, reworded);
    assert.equal(error?.severity, 1);
  });

  it('reuses nothing of a document it was told to forget, or of another document', () => {
    const published = new PublishedDiagnostics(docsUri);
    const [first] = published.publish(TextDocument.create(URI, 'yaml', 1, before), [finding(before, 'nme')]);
    const [other] = published.publish(TextDocument.create('file:///b.resume.yaml', 'yaml', 1, before), [finding(before, 'nme')]);
    assert.notEqual(other, first);
    published.forget(URI);
    const [reopened] = published.publish(TextDocument.create(URI, 'yaml', 1, before), [finding(before, 'nme')]);
    assert.notEqual(reopened, first);
    assert.deepEqual(reopened, first);
  });
});
