/**
 * Document sync from a client that gets it wrong: a `didOpen` whose text is
 * not a string, a `didChange` for a document never opened, an edit at a
 * position that is not a whole number. Such an edit is not applied (applied,
 * it shifted every later diagnostic by a column): the server logs it, clears
 * the document's diagnostics, answers nothing about it, and takes the text
 * again from the next change that sends all of it.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, HoverRequest, MessageType } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { expectedDiagnostics, pos, range, stop } from './helpers';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-sync-test')).href;
const uriOf = (name: string) => `${BASE}/${name}`;

const TEXT = 'basics:\n  name: Sam Lee\n  nmae: Sam\nwork:\n  - name: Acme\n    startDate: September 2019\n';

describe('document sync from a careless client', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { bulletproof: {} } });
  });
  after(() => stop(client));

  /** Error lines the server logged since `since` (an index into `client.log`). */
  const errorsSince = (since: number) =>
    client.log
      .slice(since)
      .filter((entry) => entry.type === MessageType.Error)
      .map((entry) => entry.message);

  /** A request round trip: whatever the server did with earlier notifications is done, and it still answers. */
  async function stillAnswers(): Promise<void> {
    const uri = uriOf('alive.resume.yaml');
    await client.open(uri, TEXT);
    const published = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(published.diagnostics, expectedDiagnostics(TEXT));
    await client.close(uri);
  }

  for (const [what, text] of [
    ['a number', 42],
    ['null', null],
    ['an object', { text: TEXT }],
  ] as const) {
    it(`didOpen with ${what} as its text: logged, nothing checked, then resynchronised by a full-text change`, async () => {
      const uri = uriOf(`open-${what.replace(/\W/g, '')}.resume.yaml`);
      const logged = client.log.length;
      await client.notifyRaw('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await stillAnswers();
      assert.deepEqual(
        client.publishes.filter((publish) => publish.uri === uri && publish.diagnostics.length > 0),
        [],
      );
      assert.equal(await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(1, 3) }), null);
      const errors = errorsSince(logged);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0] ?? '', new RegExp(`${uri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*text`));

      // The whole text arrives: from here on the document is known again.
      await client.notifyRaw('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEXT }] });
      const published = await client.waitForDiagnostics(uri, { version: 2 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(TEXT));
      await client.notifyRaw('textDocument/didClose', { textDocument: { uri } });
    });
  }

  it('a didChange for a document never opened is logged and changes nothing', async () => {
    const uri = uriOf('never-opened.resume.yaml');
    const logged = client.log.length;
    await client.notifyRaw('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: range(0, 0, 0, 0), text: 'x' }],
    });
    await stillAnswers();
    assert.deepEqual(
      client.publishes.filter((publish) => publish.uri === uri),
      [],
    );
    assert.equal(errorsSince(logged).filter((message) => message.includes(uri)).length, 1);
  });

  const BAD_RANGES: [string, unknown][] = [
    ['character 1.5', { start: { line: 1, character: 1.5 }, end: { line: 1, character: 2 } }],
    ['character "3"', { start: { line: 1, character: '3' }, end: { line: 1, character: 4 } }],
    ['a negative character', { start: { line: 1, character: -1 }, end: { line: 1, character: 2 } }],
    ['character null (NaN on the wire)', { start: { line: 1, character: null }, end: { line: 1, character: 2 } }],
    ['line 0.5', { start: { line: 0.5, character: 0 }, end: { line: 1, character: 0 } }],
    ['no end', { start: { line: 1, character: 0 } }],
    ['a range that is a string', '1:2-1:3'],
  ];
  for (const [what, badRange] of BAD_RANGES) {
    it(`an edit at ${what} is rejected: diagnostics cleared, no answers, until the next full text`, async () => {
      const uri = uriOf(`edit-${what.replace(/\W+/g, '-')}.resume.yaml`);
      await client.open(uri, TEXT);
      await client.waitForDiagnostics(uri, { version: 1 });
      const logged = client.log.length;
      const mark = client.mark();
      await client.notifyRaw('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: badRange, text: 'X' }],
      });
      const cleared = await client.waitForDiagnostics(uri, { since: mark });
      assert.deepEqual(cleared.diagnostics, []);
      const errors = errorsSince(logged);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.ok(errors[0]?.includes(uri), errors[0]);

      // Out of sync: a later incremental edit cannot be placed, and nothing is said about the file.
      await client.notifyRaw('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [{ range: range(0, 0, 0, 0), text: '# ' }],
      });
      assert.deepEqual(await client.request(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      assert.equal(await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(1, 3) }), null);
      assert.deepEqual(
        client.publishes
          .slice(mark)
          .filter((publish) => publish.uri === uri)
          .map((publish) => publish.diagnostics),
        [[]],
      );

      // The full text: checked again, every range where the text puts it.
      const resent = `basics:\n  name: Sam X Lee\n${TEXT.slice(TEXT.indexOf('  nmae'))}`;
      await client.change(uri, [{ text: resent }], 4);
      const published = await client.waitForDiagnostics(uri, { version: 4 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(resent));
      assert.deepEqual(published.diagnostics.find((d) => d.code === 'schema/unknown-key')?.range, range(2, 2, 2, 6));
      // And incremental edits apply again.
      await client.replace(uri, 'nmae', 'name');
      const after = await client.waitForDiagnostics(uri, { version: 5 });
      assert.deepEqual(after.diagnostics, expectedDiagnostics(client.document(uri).getText()));
      await client.close(uri);
    });
  }

  it('a change list that is not a list, or a change whose text is not a string, is rejected the same way', async () => {
    for (const contentChanges of [null, 'abc', [{ range: range(0, 0, 0, 0), text: 7 }], [null]]) {
      const uri = uriOf('bad-changes.resume.yaml');
      await client.open(uri, TEXT);
      await client.waitForDiagnostics(uri, { version: 1 });
      const mark = client.mark();
      await client.notifyRaw('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
      const cleared = await client.waitForDiagnostics(uri, { since: mark });
      assert.deepEqual(cleared.diagnostics, [], JSON.stringify(contentChanges));
      await client.close(uri);
    }
    await stillAnswers();
  });

  it('notifications with no params or the wrong shape leave the server answering', async () => {
    for (const method of [
      '$/cancelRequest',
      'textDocument/didOpen',
      'textDocument/didChange',
      'textDocument/didClose',
      'workspace/didChangeConfiguration',
      'workspace/didChangeWatchedFiles',
      'workspace/didChangeWorkspaceFolders',
    ]) {
      for (const params of [null, 42, 'x', [], { textDocument: null }, { textDocument: { uri: 42 } }]) {
        await client.notifyRaw(method, params);
      }
    }
    await stillAnswers();
  });
});
