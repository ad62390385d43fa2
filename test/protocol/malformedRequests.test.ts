/**
 * Requests of the wrong shape on every handler the server exposes: no
 * params, a position that is a string, a URI that is a number, and a
 * bounded fuzz that breaks valid params one value at a time. Each answers an
 * error or an empty result, none reaches a handler to throw there, and the
 * server answers properly afterwards.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, MessageType, type ResponseMessage } from 'vscode-languageserver-protocol/node';
import { REPORT_REQUEST } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient';
import { expectedDiagnostics, pos, range, stop } from './helpers';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-malformed-test')).href;
const URI = `${BASE}/open.resume.yaml`;
const TEXT =
  'basics:\n  name: Sam Lee\n  nmae: Sam\nwork:\n  - name: Acme\n    startDate: September 2019\n    highlights:\n      - Built the API\n';

/** Each handler with params it answers properly. */
const VALID: Record<string, unknown> = {
  'textDocument/hover': { textDocument: { uri: URI }, position: pos(1, 3) },
  'textDocument/completion': { textDocument: { uri: URI }, position: pos(3, 0) },
  'textDocument/codeAction': { textDocument: { uri: URI }, range: range(2, 2, 2, 6), context: { diagnostics: [], only: ['quickfix'] } },
  'textDocument/documentSymbol': { textDocument: { uri: URI } },
  'textDocument/foldingRange': { textDocument: { uri: URI } },
  'textDocument/codeLens': { textDocument: { uri: URI } },
  [REPORT_REQUEST]: { uri: URI },
  'workspace/executeCommand': { command: 'bulletproof.showRuleDocs', arguments: ['quantify'] },
};

/** Values that do not belong where they are put. */
const GARBAGE: unknown[] = [null, 42, -1, 1.5, 2 ** 53, '', 'x', '3', true, [], [1, 2], {}, { line: 'a', character: null }, { uri: 42 }];

const isEmpty = (response: ResponseMessage) =>
  response.error !== undefined || response.result === null || (Array.isArray(response.result) && response.result.length === 0);

/** Every path to a value in `value`, `[]` being the value itself. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) paths.push(...pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return paths;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** A copy of `value` with the value at `at` replaced. */
function replaced(value: unknown, at: (string | number)[], by: unknown): unknown {
  const [key, ...rest] = at;
  if (key === undefined) return by;
  const copy = (isList(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[key] = replaced(copy[key], rest, by);
  return copy;
}

describe('requests of the wrong shape', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { bulletproof: {} } });
    await client.open(URI, TEXT);
    await client.waitForDiagnostics(URI, { version: 1 });
  });
  after(() => stop(client));

  const errorsLogged = () => client.log.filter((entry) => entry.type === MessageType.Error).map((entry) => entry.message);

  /** The server is alive and right: the open document's diagnostics and outline are what they were. */
  async function answersProperly(): Promise<void> {
    const symbols = await client.request(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(
      symbols?.map((symbol) => symbol.name),
      ['Basics', 'Work'],
    );
    const internal = client.publishes.flatMap((publish) => publish.diagnostics).filter((d) => d.code === 'bulletproof/internal');
    assert.deepEqual(internal, [], 'a malformed request reached a handler and threw');
    assert.deepEqual(errorsLogged(), []);
    assert.deepEqual(client.publishes.filter((publish) => publish.uri === URI).at(-1)?.diagnostics, expectedDiagnostics(TEXT));
  }

  for (const method of Object.keys(VALID)) {
    it(`${method}: null params, a string position, a number URI and friends answer an error or nothing`, async () => {
      const valid = VALID[method];
      const where = new Set(pathsOf(valid).map((at) => at.join('.')));
      // Only where the valid params have a value: a key they lack would be ignored, not wrong.
      const breakAt = (at: string[], by: unknown) => (where.has(at.join('.')) ? [replaced(valid, at, by)] : []);
      const broken: unknown[] = [
        null,
        42,
        'params',
        [42],
        {},
        ...breakAt(['textDocument'], null),
        ...breakAt(['textDocument', 'uri'], 42),
        ...breakAt(['uri'], 42),
        ...breakAt(['position'], '1:3'),
        ...breakAt(['position', 'line'], 1.5),
        ...breakAt(['position', 'character'], -1),
        ...breakAt(['range'], 'all'),
        ...breakAt(['range', 'end'], null),
        ...breakAt(['context'], null),
        ...breakAt(['context', 'diagnostics'], 'none'),
        ...breakAt(['context', 'only'], 'quickfix'),
        ...breakAt(['command'], 42),
        ...breakAt(['arguments'], { 0: 'quantify' }),
      ];
      for (const params of broken) {
        const response = await client.requestRaw(method, params);
        assert.ok(isEmpty(response), `${method} ${JSON.stringify(params)} answered ${JSON.stringify(response)}`);
      }
      await answersProperly();
    });
  }

  it('survives a bounded fuzz: valid params with one value replaced, over and over', async () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const methods = Object.keys(VALID);
    for (let round = 0; round < 400; round++) {
      const method = methods[random(methods.length)];
      assert.ok(method);
      let params = VALID[method];
      // One to three values replaced, anywhere in the params, the params themselves included.
      for (let times = 1 + random(3); times > 0; times--) {
        const paths = pathsOf(params);
        params = replaced(params, paths[random(paths.length)] ?? [], GARBAGE[random(GARBAGE.length)]);
      }
      const response = await client.requestRaw(method, params);
      assert.ok('result' in response || 'error' in response, `${method} ${JSON.stringify(params)}: ${JSON.stringify(response)}`);
    }
    await answersProperly();
  });
});
