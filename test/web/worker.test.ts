/**
 * The language server as a web worker (`dist/browserServer.js`), in headless
 * Chromium: a page served from a local HTTP server starts it as a `Worker`
 * and speaks LSP over `postMessage`. Its diagnostics, code actions and
 * completions for `examples/weak.resume.yaml` equal the Node server's over
 * stdio, and `.bulletproof.yaml` is read through the page (`bulletproof/readFile`).
 * Where there is no Chromium the suite is skipped, and says why.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CodeAction, CompletionItem, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { CHROMIUM_ARGS } from '../support/chromium';
import { LspClient, REPO_ROOT } from '../support/lspClient';

const CHROMIUM = process.env.BULLETPROOF_CHROMIUM ?? '/usr/bin/chromium';
const WORKER = path.join(REPO_ROOT, 'dist', 'browserServer.js');
const PAGE = path.join(REPO_ROOT, 'test', 'web', 'fixtures', 'lspPage.html');
const EXAMPLE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'weak.resume.yaml'), 'utf8');
/** The same address for both servers: the docs links (`docs/rules/<id>.md`) then agree too. */
const DOCS_BASE = pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules')).toString();
const FOLDER = 'file:///home/sam/resumes';
const URI = `${FOLDER}/weak.resume.yaml`;
/** Generous: the machine is shared, and a cold worker parses a 2 MB script. */
const TIMEOUT_MS = 60_000;

/** What both clients tell the server they can do (the Node test client's defaults, without pulled settings). */
const CAPABILITIES = {
  workspace: { configuration: false, workspaceEdit: { documentChanges: true, snippetEditSupport: false } },
  window: { showDocument: { support: true } },
  textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } } },
};

/** Serves the page and the worker script, nothing else. */
function serve(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const file = request.url === '/' ? PAGE : request.url === '/dist/browserServer.js' ? WORKER : undefined;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html' : 'text/javascript' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The worker's client in the page: a fresh page (and worker) per call. */
class WorkerClient {
  private constructor(readonly page: Page) {}

  static async start(
    browser: Browser,
    url: string,
    workspaceFolders: { uri: string; name: string }[] | null = null,
    settings?: unknown,
  ): Promise<WorkerClient> {
    const page = await browser.newPage();
    await page.goto(url);
    const client = new WorkerClient(page);
    const result = await client.request<{ capabilities: { completionProvider?: unknown } }>('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders,
      capabilities: CAPABILITIES,
      initializationOptions: { docsBaseUri: DOCS_BASE, settings },
    });
    assert.ok(result.capabilities.completionProvider, 'the worker answered initialize with its capabilities');
    await client.notify('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.page.evaluate(([m, p]) => (globalThis as unknown as PageLsp).lsp.request(m, p), [method, params] as const) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.page.evaluate(([m, p]) => (globalThis as unknown as PageLsp).lsp.notify(m, p), [method, params] as const);
  }

  open(uri: string, text: string): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.page.evaluate(([u, v]) => (globalThis as unknown as PageLsp).lsp.diagnostics(u, v), [uri, version] as const);
  }

  /** Sets what `bulletproof/readFile` answers (URI → file text, or null for no file), or refuses every read. */
  answerReads(files: Record<string, string | null>, refuse = false): Promise<void> {
    const encoded = Object.fromEntries(
      Object.entries(files).map(([uri, text]) => [uri, text === null ? null : Buffer.from(text, 'utf8').toString('base64')]),
    );
    return this.page.evaluate(
      ([f, r]) => {
        const w = globalThis as unknown as PageLsp;
        w.files = f;
        w.refuseReads = r;
      },
      [encoded, refuse] as const,
    );
  }

  reads(): Promise<{ uri: string; maxBytes: number }[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageLsp).reads);
  }

  errors(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageLsp).workerErrors);
  }

  logs(): Promise<string[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageLsp).logs);
  }
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** What the page's script puts on `window`. */
interface PageLsp {
  lsp: {
    request(method: string, params: unknown): Promise<unknown>;
    notify(method: string, params: unknown): void;
    diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  };
  files: Record<string, string | null>;
  refuseReads: boolean;
  reads: { uri: string; maxBytes: number }[];
  workerErrors: string[];
  logs: string[];
}

describe('the language server in a web worker (headless Chromium)', function () {
  this.timeout(4 * TIMEOUT_MS);
  let browser: Browser | undefined;
  let server: http.Server | undefined;
  let url = '';
  let node: LspClient | undefined;
  let nodeDiagnostics: Diagnostic[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      console.log(`      web worker: skipped (no Chromium at ${CHROMIUM}; set BULLETPROOF_CHROMIUM)`);
      this.skip();
    }
    assert.ok(fs.existsSync(WORKER), `${WORKER} does not exist: run \`npm run build\` first`);
    server = await serve();
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    node = await LspClient.start({ configuration: false, showDocument: true, timeoutMs: TIMEOUT_MS });
    await node.open(URI, EXAMPLE);
    nodeDiagnostics = (await node.waitForDiagnostics(URI, { version: 1 })).diagnostics;
    assert.ok(nodeDiagnostics.length > 3, `the Node server found only ${nodeDiagnostics.length} problems in the weak example`);
  });

  after(async () => {
    await node?.shutdown();
    await browser?.close();
    server?.close();
  });

  const nodeClient = () => {
    assert.ok(node);
    return node;
  };
  const startWorker = (folders?: { uri: string; name: string }[], settings?: unknown) => {
    assert.ok(browser);
    return WorkerClient.start(browser, url, folders, settings);
  };

  it('publishes the same diagnostics as the Node server for examples/weak.resume.yaml, and no error in the worker', async () => {
    const worker = await startWorker();
    await worker.open(URI, EXAMPLE);
    const published = await worker.diagnostics(URI, 1);
    assert.deepEqual(published.diagnostics, nodeDiagnostics);
    assert.deepEqual(await worker.errors(), []);
    // No folder: only the document's own folder is asked for a config file, each name once.
    assert.deepEqual(
      (await worker.reads()).map((read) => read.uri),
      ['.bulletproof.yaml', '.bulletproof.yml', '.bulletproof.json'].map((name) => `${FOLDER}/${name}`),
    );
    await worker.page.close();
  });

  it('answers a code action and a completion as the Node server does', async () => {
    const worker = await startWorker();
    await worker.open(URI, EXAMPLE);
    await worker.diagnostics(URI, 1);
    const fixable = nodeDiagnostics.find((diagnostic) => diagnostic.code === 'weak-opening') ?? nodeDiagnostics[0];
    assert.ok(fixable);
    const params = { textDocument: { uri: URI }, range: fixable.range, context: { diagnostics: [fixable] } };
    const fromWorker = await worker.request<CodeAction[]>('textDocument/codeAction', params);
    const fromNode = (await nodeClient().requestRaw('textDocument/codeAction', params)).result;
    assert.ok(fromWorker.length > 0, 'the worker offers an action');
    // As JSON on the wire: an absent `isPreferred` is no key at all, whichever way each side left it.
    assert.deepEqual(asJson(fromWorker), asJson(fromNode));

    // A new key at the top level: every key JSON Resume has that the file lacks.
    const line = EXAMPLE.split('\n').length - 1;
    const completion = { textDocument: { uri: URI }, position: { line, character: 0 } };
    const items = await worker.request<CompletionItem[]>('textDocument/completion', completion);
    assert.ok(items.length > 0, 'the worker offers completions');
    assert.deepEqual(asJson(items), asJson((await nodeClient().requestRaw('textDocument/completion', completion)).result));
    await worker.page.close();
  });

  it('reads .bulletproof.yaml through the page: a rule it turns off is gone, up the folders to the workspace folder', async () => {
    const worker = await startWorker([{ uri: FOLDER, name: 'resumes' }]);
    const ruleOff = String(nodeDiagnostics[0]?.code);
    const uri = `${FOLDER}/2026/weak.resume.yaml`;
    await worker.answerReads({ [`${FOLDER}/.bulletproof.yaml`]: `rules:\n  ${ruleOff}: off\n` });
    await worker.open(uri, EXAMPLE);
    const published = await worker.diagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics,
      nodeDiagnostics.filter((diagnostic) => diagnostic.code !== ruleOff),
    );
    assert.deepEqual(
      (await worker.reads()).map((read) => [read.uri, read.maxBytes]),
      [
        [`${FOLDER}/2026/.bulletproof.yaml`, 512 * 1024],
        [`${FOLDER}/2026/.bulletproof.yml`, 512 * 1024],
        [`${FOLDER}/2026/.bulletproof.json`, 512 * 1024],
        [`${FOLDER}/.bulletproof.yaml`, 512 * 1024],
      ],
    );
    await worker.page.close();
  });

  it('goes on with the editor settings when the client does not read files, and says so once', async () => {
    const worker = await startWorker([{ uri: FOLDER, name: 'resumes' }]);
    await worker.answerReads({}, true);
    await worker.open(URI, EXAMPLE);
    assert.deepEqual((await worker.diagnostics(URI, 1)).diagnostics, nodeDiagnostics);
    assert.equal((await worker.reads()).length, 1, 'asked once, then never again');
    const said = (await worker.logs()).filter((line) => line.includes('.bulletproof.yaml files are not read'));
    assert.equal(said.length, 1, said.join('\n'));
    await worker.page.close();
  });

  it('matches the `files` globs relative to the workspace folder the URI is in', async () => {
    const worker = await startWorker([{ uri: FOLDER, name: 'resumes' }], { files: ['cv/*.yaml'] });
    const inCv = `${FOLDER}/cv/mine.yaml`;
    const elsewhere = `${FOLDER}/notes/mine.yaml`;
    await worker.open(inCv, EXAMPLE);
    await worker.open(elsewhere, EXAMPLE);
    assert.equal((await worker.diagnostics(inCv, 1)).diagnostics.length, nodeDiagnostics.length);
    assert.deepEqual((await worker.diagnostics(elsewhere, 1)).diagnostics, []);
    await worker.page.close();
  });
});
