import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/types';
import { PublishedDiagnostics } from '../../server/src/lsp/published';
import { encodeMessage, GatheringMessageWriter } from '../../server/src/lsp/writer';

const body = (message: Message) => Buffer.concat(encodeMessage(message)).toString('utf8');

describe('the stdio message writer', () => {
  const diagnostic = {
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } },
    severity: 2,
    code: 'weak-opening',
    message: 'A "quoted" message with \\ and\nnewline and emoji 😀',
  };
  const publish = (version: number | undefined, diagnostics: object[]) => ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: version === undefined ? { uri: 'file:///a.yaml', diagnostics } : { uri: 'file:///a.yaml', version, diagnostics },
  });

  it('encodes a publish that parses back to the same message, diagnostics in order', () => {
    const message = publish(7, [diagnostic, { ...diagnostic, code: 'quantify' }, { ...diagnostic, code: 'filler' }]);
    assert.deepEqual(JSON.parse(body(message)), message);
  });

  it('encodes an empty publish, and a publish without a version', () => {
    assert.deepEqual(JSON.parse(body(publish(undefined, []))), publish(undefined, []));
    assert.deepEqual(JSON.parse(body(publish(undefined, [diagnostic]))), publish(undefined, [diagnostic]));
  });

  it('sends a published diagnostic as the bytes encoded when it was published, any other as it is now', () => {
    const document = TextDocument.create('file:///a.yaml', 'yaml', 1, 'basics:\n  nme: Ada\n');
    const finding: Finding = {
      ruleId: 'schema/unknown-key',
      range: { start: 10, end: 13 },
      message: 'original',
      severity: 'warning',
      fixes: [],
    };
    const [published] = new PublishedDiagnostics(() => 'file:///docs').publish(document, [finding]);
    assert.ok(published);
    const plain = { ...diagnostic };
    // Published diagnostics are never changed; the writer relies on it, as this shows.
    published.message = 'changed after publishing';
    plain.message = 'changed before writing';
    const parsed = JSON.parse(body(publish(2, [plain, published]))) as { params: { diagnostics: { message: string }[] } };
    assert.deepEqual(
      parsed.params.diagnostics.map((item) => item.message),
      ['changed before writing', 'original'],
    );
  });

  it('encodes every other message as JSON.stringify does', () => {
    const message = { jsonrpc: '2.0', id: 3, result: { capabilities: { hoverProvider: true } } };
    assert.equal(body(message), JSON.stringify(message));
  });

  it('frames each message with its length in bytes, in the order written', async () => {
    const stream = new PassThrough();
    const writer = new GatheringMessageWriter(stream);
    const first = publish(1, [{ ...diagnostic }, { ...diagnostic, message: 'ünïcödé' }]);
    const second = { jsonrpc: '2.0', id: 1, result: null };
    await Promise.all([writer.write(first), writer.write(second)]);
    stream.end();
    const written = Buffer.concat(await stream.toArray());
    const messages: unknown[] = [];
    for (let at = 0; at < written.length;) {
      const headerEnd = written.indexOf('\r\n\r\n', at);
      const header = written.subarray(at, headerEnd).toString('ascii');
      const length = Number(/^Content-Length: (\d+)$/.exec(header)?.[1]);
      assert.ok(length > 0, `bad header: ${JSON.stringify(header)}`);
      messages.push(JSON.parse(written.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
      at = headerEnd + 4 + length;
    }
    assert.deepEqual(messages, [first, second]);
  });

  it('reports a failed write to the connection and to the caller', async () => {
    const stream = new PassThrough({
      write: (_chunk, _encoding, callback) => callback(new Error('pipe closed')),
    });
    const writer = new GatheringMessageWriter(stream);
    const errors: string[] = [];
    writer.onError(([error]) => errors.push(error.message));
    await assert.rejects(writer.write({ jsonrpc: '2.0', id: 1, result: null } as Message), /pipe closed/);
    assert.ok(errors.includes('pipe closed'), `onError heard ${JSON.stringify(errors)}`);
  });
});
