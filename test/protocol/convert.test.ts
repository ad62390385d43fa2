/**
 * `bulletproof/convert` over stdio, as the VS Code command uses it: the
 * open document's text converted, with the notes as lines and a summary;
 * the text the client sends when the server does not have the document;
 * a refusal as a message; malformed params as InvalidParams.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ProtocolRequestType } from 'vscode-languageserver-protocol/node';
import { convertResume } from '../../server/src/engine/convert/convert';
import { CONVERT_REQUEST, type ConvertParams, type ConvertResult } from '../../server/src/protocol';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { stop } from './helpers';

const ConvertRequest = new ProtocolRequestType<ConvertParams, ConvertResult, never, void, void>(CONVERT_REQUEST);
const BACKEND_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'backend.resume.yaml'), 'utf8');
const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-convert-protocol')).href;

describe('bulletproof/convert over stdio', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { bulletproof: {} } });
  });
  after(() => stop(client));

  it('converts the open document, the notes as `path: message` lines', async () => {
    const uri = `${BASE}/backend.resume.yaml`;
    await client.open(uri, BACKEND_TEXT);
    const engine = convertResume(BACKEND_TEXT, 'rendercv');
    assert.ok(engine.ok);
    const result = await client.request(ConvertRequest, { uri, to: 'rendercv', text: 'ignored: the open text wins' });
    assert.deepEqual(result, {
      ok: true,
      text: engine.text,
      language: 'yaml',
      notes: [
        '3 comments not carried over: comments have no place in the converted layout',
        'work[0].url: kept only as a link on the company',
        'projects[0].url: kept only as a link on the name',
        'basics.location: flattened to "Chicago, Illinois, US"',
        'basics.profiles[0]: its link https://example.com/github/alexrivera is not the one RenderCV makes from the username (https://github.com/alexrivera): kept as a custom connection (RenderCV 2.4 or later)',
      ],
      summary: 'Converted JSON Resume (YAML) to RenderCV: 5 notes.',
    });
    await client.close(uri);
  });

  it('converts the text the client sends for a document the server does not have', async () => {
    const result = await client.request(ConvertRequest, {
      uri: `${BASE}/resume.json`,
      to: 'yaml',
      text: '\ufeff{"basics": {"name": "Dana"}}',
    });
    assert.deepEqual(result, {
      ok: true,
      text: 'basics:\n  name: Dana\n',
      language: 'yaml',
      notes: [],
      summary: 'Converted JSON Resume (JSON) to JSON Resume (YAML): nothing changed form.',
    });
  });

  it('answers a refusal with its reason', async () => {
    const result = await client.request(ConvertRequest, { uri: `${BASE}/resume.yaml`, to: 'yaml', text: 'basics: {}\n' });
    assert.deepEqual(result, { ok: false, message: 'Cannot convert this resume: it is JSON Resume as YAML already.' });
    const closed = await client.request(ConvertRequest, { uri: `${BASE}/nowhere.yaml`, to: 'json' });
    assert.deepEqual(closed, { ok: false, message: 'The document is not open.' });
  });

  it('refuses malformed params', async () => {
    for (const params of [{ uri: 'x', to: 'pdf' }, { to: 'json' }, { uri: 'x', to: 'json', text: 3 }]) {
      const response = await client.requestRaw(CONVERT_REQUEST, params);
      assert.equal(response.error?.code, ErrorCodes.InvalidParams, JSON.stringify(params));
    }
  });
});
