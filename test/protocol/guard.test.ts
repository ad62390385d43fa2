/**
 * One guard around every handler and every check: an exception becomes one
 * logged error with its stack and one `bulletproof/internal` diagnostic on
 * the document, and the server goes on answering. The fault is injected
 * with `BULLETPROOF_TEST_FAULT=<operation>@<part of the URI>`, which makes
 * that operation throw for those documents only.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DocumentSymbolRequest, HoverRequest, MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { expectedDiagnostics, pos, range, stop } from './helpers';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-guard-test')).href;
const uriOf = (name: string) => `${BASE}/${name}`;

const TEXT = 'basics:\n  name: Sam Lee\n  nmae: Sam\nwork:\n  - name: Acme\n    startDate: September 2019\n';

function internal(operation: string): Diagnostic {
  return {
    range: range(0, 0, 0, 0),
    severity: DiagnosticSeverity.Warning,
    code: 'bulletproof/internal',
    source: 'bulletproof',
    message: `Bulletproof could not check this file: injected fault in ${operation}. Details are in the Bulletproof output.`,
  };
}

describe('one guard around every handler and check', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(() => stop(client));

  const errors = () => client!.log.filter((entry) => entry.type === MessageType.Error).map((entry) => entry.message);

  it('a check that throws: one logged error with the stack, one diagnostic, and the server keeps serving', async () => {
    client = await LspClient.start({ settings: { bulletproof: {} }, env: { BULLETPROOF_TEST_FAULT: 'check@broken' } });
    const broken = uriOf('broken.resume.yaml');
    await client.open(broken, TEXT);
    const published = await client.waitForDiagnostics(broken, { version: 1 });
    assert.deepEqual(published.diagnostics, [internal('check')]);
    assert.equal(errors().length, 1, errors().join('\n'));
    assert.match(errors()[0] ?? '', /injected fault in check/);
    assert.match(errors()[0] ?? '', /\n\s+at /, 'the stack is logged');
    assert.ok(errors()[0]?.includes(broken), errors()[0]);

    // Other documents are checked as ever; requests still answer.
    const fine = uriOf('fine.resume.yaml');
    await client.open(fine, TEXT);
    assert.deepEqual((await client.waitForDiagnostics(fine, { version: 1 })).diagnostics, expectedDiagnostics(TEXT));
    const symbols = await client.request(DocumentSymbolRequest.type, { textDocument: { uri: fine } });
    assert.deepEqual(
      symbols?.map((symbol) => symbol.name),
      ['Basics', 'Work'],
    );

    // The next version fails the same way: one diagnostic again, not one more log line per keystroke.
    await client.replace(broken, 'nmae', 'name');
    assert.deepEqual((await client.waitForDiagnostics(broken, { version: 2 })).diagnostics, [internal('check')]);
    assert.equal(errors().length, 1, errors().join('\n'));
  });

  it('a request handler that throws: an empty answer, the diagnostic beside the findings, then it answers again', async () => {
    client = await LspClient.start({ settings: { bulletproof: {} }, env: { BULLETPROOF_TEST_FAULT: 'textDocument/hover@broken' } });
    const broken = uriOf('broken.resume.yaml');
    await client.open(broken, TEXT);
    const first = await client.waitForDiagnostics(broken, { version: 1 });
    assert.deepEqual(first.diagnostics, expectedDiagnostics(TEXT));

    const mark = client.mark();
    assert.equal(await client.request(HoverRequest.type, { textDocument: { uri: broken }, position: pos(1, 3) }), null);
    const second = await client.waitForDiagnostics(broken, { since: mark });
    assert.deepEqual(second.diagnostics, [...expectedDiagnostics(TEXT), internal('textDocument/hover')]);
    assert.equal(second.version, 1);
    assert.equal(errors().length, 1, errors().join('\n'));
    assert.match(errors()[0] ?? '', /hover/);

    // Other requests on the same document answer as ever.
    const symbols = await client.request(DocumentSymbolRequest.type, { textDocument: { uri: broken } });
    assert.deepEqual(
      symbols?.map((symbol) => symbol.name),
      ['Basics', 'Work'],
    );
    // An edit checks the file again: the findings, and no stale internal diagnostic.
    await client.replace(broken, 'nmae', 'name');
    const third = await client.waitForDiagnostics(broken, { version: 2 });
    assert.deepEqual(third.diagnostics, expectedDiagnostics(client.document(broken).getText()));
  });
});
