/**
 * Completion in a RenderCV file over LSP: the server reads the file's
 * layout (here from its `*_CV.yaml` name and its `cv.sections`) and answers
 * with RenderCV's keys and templates at exact ranges.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import { parseResume } from '../../server/src/engine/document';
import { completionsAt } from '../../server/src/engine/features/completion';
import { completionLayoutOf } from '../../server/src/engine/features/renderCvCompletion';
import type { LspClient } from '../support/lspClient';
import { completeAt, startInRepository, stop } from './helpers';

const URI = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-rendercv-protocol')).href}/Jordan_Lee_CV.yaml`;

describe('completion in a RenderCV file over stdio', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await startInRepository();
  });
  after(() => stop(client));

  const complete = (source: string) => completeAt(client, URI, source, '|');

  it('a new entry of an experience section: the experience template, then the entry’s keys, each replacing the word typed', async () => {
    const { items, document, offset } = await complete(
      'cv:\n  name: Jordan Lee\n  sections:\n    experience:\n      - company: Initech\n        position: Backend Engineer\n      - ex|\n',
    );
    const range = { start: document.positionAt(offset - 2), end: document.positionAt(offset) };
    assert.deepEqual(
      items.map((item) => [item.label, item.kind]),
      [
        ['experience', CompletionItemKind.Snippet],
        ...['company', 'position', 'date', 'start_date', 'end_date', 'location', 'summary', 'highlights'].map((key) => [
          key,
          CompletionItemKind.Property,
        ]),
      ],
    );
    const [template] = items;
    assert.equal(template?.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(template?.detail, 'RenderCV experience entry');
    // The engine's answer for the same text and name (its exact text is tested in test/engine/renderCvCompletion.test.ts).
    const text = document.getText();
    const engine = completionsAt(text, offset, completionLayoutOf(parseResume(text, { fileName: 'Jordan_Lee_CV.yaml' })));
    assert.deepEqual(template?.textEdit, { range, newText: engine[0]?.insertText });
    assert.match(template?.textEdit?.newText ?? '', /^company: \$\{1:‹company›\}\n {8}position: .*\n {8}\$0$/s);
    assert.deepEqual(items.find((item) => item.label === 'highlights')?.textEdit, { range, newText: 'highlights:\n          - $0' });
  });

  it('`end_date`: `present`', async () => {
    const { items, document, offset } = await complete(
      'cv:\n  sections:\n    experience:\n      - company: Initech\n        position: Engineer\n        end_date: |\n',
    );
    assert.deepEqual(
      items.map((item) => [item.label, item.kind, item.textEdit]),
      [
        [
          'present',
          CompletionItemKind.Value,
          { range: { start: document.positionAt(offset), end: document.positionAt(offset) }, newText: 'present' },
        ],
      ],
    );
  });
});
