/**
 * Every JSON resume we have (the corpus, the example, the JSON fixture with a
 * BOM and CRLF), parsed as JSON: every code action the editor offers, applied
 * alone to a fresh copy, and fix-all, leave a file `JSON.parse` reads (a BOM
 * aside). A file that was not JSON to begin with (a trailing comma) gets no
 * new error, and fix-all makes it JSON. (`--fix` on the corpus: corpus.test.ts.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseJson } from '../../server/src/engine/jsonParse';
import { lint } from '../../server/src/linter';
import { codeActions, FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { corpusSamples, hostileSamples, isJsonSample, lintOptions, parsesAsJson, ROOT, type Sample } from './support';

function jsonSamples(): Sample[] {
  const example = path.join(ROOT, 'examples', 'backend.resume.json');
  return [
    { name: 'examples/backend.resume.json', text: fs.readFileSync(example, 'utf8') },
    ...hostileSamples().filter((sample) => isJsonSample(sample.name)),
    ...corpusSamples().filter((sample) => isJsonSample(sample.name)),
  ];
}

/** Every action that edits the file, for the whole file: each quick fix, each "fix all of a rule", and fix-all. */
function editingActions(text: string): { document: TextDocument; actions: CodeAction[] } {
  const document = TextDocument.create('file:///work/resume.json', 'json', 1, text);
  const result = lint(text, lintOptions({ format: 'json' }));
  const params = {
    textDocument: { uri: document.uri },
    range: { start: document.positionAt(0), end: document.positionAt(text.length) },
    context: { diagnostics: [] },
  };
  const actions = codeActions(document, result, params, { snippetSupport: false, showDocs: false });
  return { document, actions: actions.filter((action) => action.edit !== undefined) };
}

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'edits' in change, `${action.title}: no text edits`);
  return change.edits.map((edit) => ('newText' in edit ? edit : { range: edit.range, newText: edit.snippet.value }));
}

function jsonErrors(text: string): number {
  return parseJson(text)?.problems.length ?? Infinity;
}

describe('code actions on a JSON resume leave JSON', function () {
  this.timeout(300_000);
  const samples = jsonSamples();

  it('has JSON resumes to try, and they offer fixes', () => {
    assert.ok(samples.length >= 2);
    assert.ok(samples.some((sample) => editingActions(sample.text).actions.length > 0));
  });

  for (const sample of samples) {
    it(sample.name, () => {
      const { document, actions } = editingActions(sample.text);
      const wasJson = parsesAsJson(sample.text);
      for (const action of actions) {
        const fixed = TextDocument.applyEdits(document, editsOf(action));
        const where = `${sample.name}: "${action.title}"`;
        if (wasJson) assert.ok(parsesAsJson(fixed), `${where} left a file JSON.parse cannot read`);
        else assert.ok(jsonErrors(fixed) <= jsonErrors(sample.text), `${where} added a JSON error`);
        if (action.kind === FIX_ALL_KIND) assert.ok(parsesAsJson(fixed), `${where}: fix-all left a file JSON.parse cannot read`);
      }
      // Comments cannot be written into JSON: no "disable" action.
      assert.deepEqual(
        actions.filter((action) => action.kind === CodeActionKind.QuickFix && /^Disable /.test(action.title)).map((a) => a.title),
        [],
      );
    });
  }
});
