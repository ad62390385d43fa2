/**
 * Completion and hover in a YAMLResume file over LSP: the server reads the
 * layout from `content.basics` and answers with YAMLResume's templates, the
 * `template` values of the layout the cursor is in, and its schema's words
 * on hover. The exact texts are tested in test/engine/yamlResumeCompletion.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionItemKind, HoverRequest, MarkupKind } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspClient } from '../support/lspClient';
import { completeAt, startInRepository, stop } from './helpers';

const URI = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-yamlresume-protocol')).href}/jordan.yamlresume.yaml`;
const HEAD = 'content:\n  basics:\n    name: Jordan Lee\n';

describe('completion and hover in a YAMLResume file over stdio', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await startInRepository();
  });
  after(() => stop(client));

  const complete = (source: string) => completeAt(client, URI, source, '‸');

  it('a new `content.work` entry: the work template, then the entry’s keys', async () => {
    const { items, document, offset } = await complete(`${HEAD}  work:\n    - ‸\n`);
    assert.deepEqual(
      items.map((item) => [item.label, item.kind]),
      [
        ['work', CompletionItemKind.Snippet],
        ...['name', 'position', 'startDate', 'endDate', 'summary', 'keywords', 'url'].map((key) => [key, CompletionItemKind.Property]),
      ],
    );
    assert.equal(items[0]?.detail, 'YAMLResume work entry');
    assert.deepEqual(items.find((item) => item.label === 'summary')?.textEdit, {
      range: { start: document.positionAt(offset), end: document.positionAt(offset) },
      newText: 'summary: |\n        - $0',
    });
  });

  it('a layout’s `template`: the templates of the engine of the layout the cursor is in', async () => {
    const { items } = await complete(`${HEAD}layouts:\n  - engine: markdown\n  - engine: html\n    template: ‸\n`);
    assert.deepEqual(
      items.map((item) => [item.label, item.kind]),
      [
        ['calm', CompletionItemKind.Value],
        ['vscode', CompletionItemKind.Value],
      ],
    );
  });

  it('hover on a key: its title and description from YAMLResume’s schema', async () => {
    const text = `${HEAD}  skills:\n    - name: Data\n      level: Advanced\n`;
    const document = TextDocument.create(URI, 'yaml', 1, text);
    await client.open(URI, text);
    const hover = await client.request(HoverRequest.type, {
      textDocument: { uri: URI },
      position: document.positionAt(text.indexOf('level') + 1),
    });
    await client.close(URI);
    const start = text.indexOf('level');
    assert.deepEqual(hover, {
      contents: {
        kind: MarkupKind.Markdown,
        value:
          '**Level** (`content.skills[0].level`)\n\nHow good you are: `Novice`, `Beginner`, `Intermediate`, `Advanced`, `Expert` or `Master`.',
      },
      range: { start: document.positionAt(start), end: document.positionAt(start + 'level'.length) },
    });
  });
});
