/**
 * What the server asks of a client follows what the client says it can do:
 * no dynamic registration for a client that does not offer it (Emacs/eglot
 * warns about each), no "Show documentation" in a client without
 * `window/showDocument` (Neovim 0.7), where a message would be a prompt in
 * the way. And the docs command opens rule docs only.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { allRuleMeta } from '../../server/src/linter';
import { LspClient } from '../support/lspClient';
import { docsHref, expectedDiagnostics, range, stop } from './helpers';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-capabilities-test')).href;
const uriOf = (name: string) => `${BASE}/${name}`;

const TEXT = 'basics:\n  name: Sam Lee\n  nmae: Sam\n';

describe('what the server asks of the client', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(() => stop(client));

  /** A round trip: anything the server sent on `initialized` has arrived. */
  const settle = () => client!.request(DocumentSymbolRequest.type, { textDocument: { uri: uriOf('none.yaml') } });

  describe('workspace/didChangeConfiguration registration', () => {
    it('registers it when the client supports dynamic registration for it', async () => {
      client = await LspClient.start({ settings: { bulletproof: {} } });
      await settle();
      assert.deepEqual(
        client.registrations.map((registration): [string, unknown] => [registration.method, registration.registerOptions]),
        [[DidChangeConfigurationNotification.method, { section: 'bulletproof' }]],
      );
    });

    for (const [what, didChangeConfiguration] of [
      ['says nothing about it', null],
      ['says dynamicRegistration: false', { dynamicRegistration: false }],
    ] as const) {
      it(`does not register it when the client ${what}, and still follows pushed changes`, async () => {
        const capabilities = { workspace: { didChangeConfiguration } } as ClientCapabilities;
        client = await LspClient.start({ settings: { bulletproof: {} }, capabilities });
        await settle();
        assert.deepEqual(client.registrations, []);
        const uri = uriOf('settings.resume.yaml');
        await client.open(uri, TEXT);
        assert.deepEqual((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics, expectedDiagnostics(TEXT));
        client.settings = { bulletproof: { rules: { 'schema/unknown-key': 'off' } } };
        await client.changeConfiguration({ bulletproof: client.settings.bulletproof });
        const after = await client.waitForDiagnostics(uri, { version: 1 });
        assert.deepEqual(after.diagnostics, expectedDiagnostics(TEXT, { rules: { 'schema/unknown-key': 'off' } }));
      });
    }
  });

  describe('Show documentation', () => {
    const uri = uriOf('docs.resume.yaml');
    async function actionTitles(): Promise<string[]> {
      await client!.open(uri, TEXT);
      await client!.waitForDiagnostics(uri, { version: 1 });
      const actions = await client!.request(CodeActionRequest.type, {
        textDocument: { uri },
        range: range(2, 2, 2, 6),
        context: { diagnostics: [] },
      });
      return (actions ?? []).map((action) => (CodeAction.is(action) ? action.title : action.title));
    }

    it('is offered, and opens the page, where the client can show a document', async () => {
      client = await LspClient.start({ settings: { bulletproof: {} }, showDocument: true });
      assert.ok((await actionTitles()).includes('Show documentation for `schema/unknown-key`'));
      await client.request(ExecuteCommandRequest.type, { command: 'bulletproof.showRuleDocs', arguments: ['schema/unknown-key'] });
      assert.deepEqual(client.shownDocuments, [{ uri: docsHref('schema/unknown-key'), takeFocus: true }]);
    });

    it('is not offered where the client cannot; the command, if run, answers the page and prompts for nothing', async () => {
      client = await LspClient.start({ settings: { bulletproof: {} }, showDocument: false });
      const titles = await actionTitles();
      assert.ok(titles.includes('Disable `schema/unknown-key` for this line'), titles.join('\n'));
      assert.deepEqual(
        titles.filter((title) => title.startsWith('Show documentation')),
        [],
      );
      const result: unknown = await client.request(ExecuteCommandRequest.type, {
        command: 'bulletproof.showRuleDocs',
        arguments: ['schema/unknown-key'],
      });
      assert.equal(result, docsHref('schema/unknown-key'));
      await settle();
      assert.deepEqual(client.shownDocuments, []);
      assert.deepEqual(client.messageRequests, []);
      assert.deepEqual(client.shownMessages, []);
    });
  });

  describe('bulletproof.showRuleDocs', () => {
    it('opens the page of every known rule, and refuses anything else', async () => {
      client = await LspClient.start({ settings: { bulletproof: {} }, showDocument: true });
      for (const { id } of allRuleMeta()) {
        await client.request(ExecuteCommandRequest.type, { command: 'bulletproof.showRuleDocs', arguments: [id] });
      }
      assert.deepEqual(
        client.shownDocuments.map((shown) => shown.uri),
        allRuleMeta().map(({ id }) => docsHref(id)),
      );
      const shown = client.shownDocuments.length;
      for (const argument of [
        '../../../../etc/passwd',
        'quantify/../../../../etc/passwd',
        'no-such-rule',
        '',
        'QUANTIFY',
        42,
        null,
        { id: 'quantify' },
      ]) {
        const response = await client.requestRaw('workspace/executeCommand', {
          command: 'bulletproof.showRuleDocs',
          arguments: [argument],
        });
        assert.equal(response.error?.code, ErrorCodes.InvalidParams, JSON.stringify(argument));
      }
      for (const params of [
        { command: 'bulletproof.showRuleDocs' },
        { command: 'bulletproof.showRuleDocs', arguments: 'quantify' },
        { command: 'no.such.command', arguments: ['quantify'] },
      ]) {
        const response = await client.requestRaw('workspace/executeCommand', params);
        assert.equal(response.error?.code, ErrorCodes.InvalidParams, JSON.stringify(params));
      }
      assert.equal(client.shownDocuments.length, shown, 'nothing else was shown');
      assert.deepEqual(client.messageRequests, []);
    });
  });
});
