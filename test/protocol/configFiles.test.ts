/**
 * The settings people get wrong, said where they look: a `.bulletproof.yaml`
 * open in the editor gets the same problems the CLI exits 2 for, on the key
 * or value at fault; an editor setting that cannot be used is said once.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient';
import { messageOf, stop } from './helpers';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-config-test')).href;

describe('config files and settings in the editor', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(() => stop(client));

  it('a .bulletproof.yaml gets a diagnostic on each mistake, with a "did you mean"', async () => {
    client = await LspClient.start({ settings: { bulletproof: {} } });
    const uri = `${BASE}/.bulletproof.yaml`;
    const text = 'role: backend\nrules:\n  quantfy: off\n  tense: loud\nfiles:\n  - ""\n';
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code, d.message]),
      [
        [2, 2, 9, DiagnosticSeverity.Warning, 'config', 'unknown rule `quantfy`; did you mean `quantify`?'],
        [3, 9, 13, DiagnosticSeverity.Error, 'config', 'rule `tense`: `loud` is not one of off, error, warning, info, hint'],
        [5, 4, 6, DiagnosticSeverity.Error, 'config', '`files` item 1: an empty glob matches no file'],
      ],
    );
    // Fixing it as one types clears them.
    await client.replace(uri, 'quantfy', 'quantify');
    const after = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(
      after.diagnostics.map((d) => d.message),
      ['rule `tense`: `loud` is not one of off, error, warning, info, hint', '`files` item 1: an empty glob matches no file'],
    );
  });

  it('broken YAML in a config file is an error there, and a clean one has no diagnostics', async () => {
    client = await LspClient.start({ settings: { bulletproof: {} } });
    const broken = `${BASE}/a/.bulletproof.yml`;
    await client.open(broken, 'rules: [quantify\n');
    const { diagnostics } = await client.waitForDiagnostics(broken, { version: 1 });
    assert.equal(diagnostics.length > 0, true);
    assert.ok(
      diagnostics.every((d) => d.code === 'config' && messageOf(d).startsWith('YAML: ')),
      JSON.stringify(diagnostics),
    );
    assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Error);
    const clean = `${BASE}/b/.bulletproof.yaml`;
    await client.open(clean, 'role: general\nrules:\n  quantify: error\n');
    assert.deepEqual((await client.waitForDiagnostics(clean, { version: 1 })).diagnostics, []);
  });

  it('an editor setting that cannot be used is said once, and the rest still applies', async () => {
    client = await LspClient.start({ settings: { bulletproof: { files: ['', '**/*resume*.yaml'], trace: { server: 'off' } } } });
    const uri = `${BASE}/c/me.resume.yaml`;
    await client.open(uri, 'basics:\n  name: Sam Lee\n  nmae: Sam\n');
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(
      diagnostics.some((d) => d.code === 'schema/unknown-key'),
      'the resume is still checked',
    );
    await client.open(`${BASE}/c/other.resume.yaml`, 'basics:\n  name: Sam Lee\n');
    await client.waitForDiagnostics(`${BASE}/c/other.resume.yaml`, { version: 1 });
    assert.deepEqual(
      client.shownMessages.map((m) => m.message),
      ['Bulletproof settings: `files` item 1: an empty glob matches no file. Those values are ignored.'],
    );
    assert.deepEqual(client.messageRequests, [], 'no prompt');
  });
});
