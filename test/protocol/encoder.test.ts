import * as assert from 'node:assert/strict';
import { encodeMessage } from '../../server/src/lsp/encoder';

describe('the JSON-RPC encoder', () => {
  const diagnostic = {
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } },
    severity: 2,
    code: 'weak-opening',
    message: 'A "quoted" message with \\ and\nnewline and emoji 😀',
  };

  it('writes a publish that parses back to the same message, diagnostics in order', () => {
    const message = {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a.yaml', version: 7, diagnostics: [diagnostic, { ...diagnostic, code: 'quantify' }] },
    };
    assert.deepEqual(JSON.parse(encodeMessage(message)), message);
  });

  it('writes an empty publish, and a publish without a version', () => {
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.yaml', diagnostics: [] } };
    assert.deepEqual(JSON.parse(encodeMessage(message)), message);
  });

  it('reuses the JSON of a diagnostic it has written before', () => {
    const message = (version: number) => ({
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'file:///a.yaml', version, diagnostics: [diagnostic] },
    });
    encodeMessage(message(1));
    // Published diagnostics are never changed; the encoder relies on it, as this shows.
    const changed = { ...diagnostic };
    Object.assign(diagnostic, { message: 'changed after publishing' });
    assert.equal((JSON.parse(encodeMessage(message(2))) as { params: { diagnostics: { message: string }[] } }).params.diagnostics[0].message, changed.message);
    Object.assign(diagnostic, changed);
  });

  it('writes every other message as JSON.stringify does', () => {
    const message = { jsonrpc: '2.0', id: 3, result: { capabilities: { hoverProvider: true } } };
    assert.equal(encodeMessage(message), JSON.stringify(message));
  });
});
