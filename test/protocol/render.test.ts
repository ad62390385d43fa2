/**
 * The server's render wiring over stdio, with a stand-in worker
 * (test/fixtures/render/fakeWorker.cjs, through BULLETPROOF_RENDER_WORKER) so
 * that what is checked is the wiring, whatever the typesetter does: page
 * findings after typing stops, published with that version's text findings
 * and never with another's; settings passed on; `bulletproof/render`;
 * `bulletproof/exportPdf` writing beside the resume and refusing what is
 * not a PDF; a worker that crashes or has no compiler never takes the
 * server down.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, ErrorCodes, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { RENDER_REQUEST } from '../../server/src/protocol';
import type { RenderRequest } from '../../server/src/node/render/protocol';
import { LspClient, REPO_ROOT, type Publish } from '../support/lspClient';
import { docsHref, expectedDiagnostics, stop } from './helpers';
import { ExportPdfRequest, RenderRequestType } from './renderRequests';

const FAKE_WORKER = path.join(REPO_ROOT, 'test', 'fixtures', 'render', 'fakeWorker.cjs');
const RESUME = 'basics:\n  name: Dana Lee\n  email: dana@example.com\n';
/** Well past the server's quiet time before a page check (1.5 s), on a busy machine. */
const PAGE_WAIT_MS = 20_000;

const isPageCount = (diagnostic: Diagnostic) => diagnostic.code === 'page-count';

/** The requests the fake worker was sent, in order. */
function requestsIn(logFile: string): RenderRequest[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { request: RenderRequest }).request);
}

describe('rendering over stdio (a stand-in worker)', function () {
  this.timeout(60_000);
  let dir: string;
  let logFile: string;
  let client: LspClient | undefined;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const start = (settings: Record<string, unknown> = {}, env: Record<string, string> = {}) =>
    LspClient.start({
      settings: { bulletproof: settings },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'render' }],
      env: { BULLETPROOF_RENDER_WORKER: FAKE_WORKER, FAKE_RENDER_LOG: logFile, ...env },
      timeoutMs: PAGE_WAIT_MS,
    });
  /** The first publish for `uri` after `after` that holds a page finding. */
  const pagePublish = (uri: string, after: Publish) =>
    waitForPublish(client!, uri, after.seq + 1, (publish) => publish.diagnostics.some(isPageCount));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-render-')));
    logFile = path.join(os.tmpdir(), `${path.basename(dir)}.log`);
  });
  afterEach(async () => {
    await stop(client);
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(logFile, { force: true });
  });

  it('publishes page findings with the text findings of the same version once typing stops, and drops them on the next edit', async () => {
    client = await start({ render: { theme: 'compact', maxPages: 1 } });
    const uri = uriOf('dana.resume.yaml');
    const text = `# fake:page fake:page fake:page\n${RESUME}`;
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(first.diagnostics, expectedDiagnostics(text), 'the text findings come first, alone');

    const withPage = await pagePublish(uri, first);
    assert.equal(withPage.version, 1);
    const page: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 31 } },
      severity: DiagnosticSeverity.Warning,
      code: 'page-count',
      codeDescription: { href: docsHref('page-count') },
      source: 'bulletproof',
      message: '3 pages (fake)',
    };
    assert.deepEqual(withPage.diagnostics, [page, ...expectedDiagnostics(text)], 'in file order, beside the text findings');
    const [asked, ...more] = requestsIn(logFile);
    assert.deepEqual(more, [], 'one page check for one quiet spell');
    assert.deepEqual(asked, {
      text,
      fileName: path.join(dir, 'dana.resume.yaml'),
      settings: { theme: 'compact', paper: 'us-letter' },
      output: 'none',
      checks: true,
      lint: { rules: {}, layout: 'auto', format: 'yaml', maxPages: 1 },
    });

    // An edit: its text findings alone, then its own page findings.
    const version = await client.replace(uri, 'Dana Lee', 'Dana M. Lee');
    const edited = await client.waitForDiagnostics(uri, { version });
    assert.equal(edited.diagnostics.filter(isPageCount).length, 0, 'page findings of the last version are dropped');
    const again = await pagePublish(uri, edited);
    assert.equal(again.version, version);
    assert.deepEqual(again.diagnostics.filter(isPageCount), [page]);
  });

  it('never publishes the page findings of a version the text has moved on from', async () => {
    client = await start({}, { FAKE_RENDER_SLOW_MS: '3000' });
    const uri = uriOf('slow.resume.yaml');
    await client.open(uri, `# fake:slow\n${RESUME}`);
    // The worker has the first version: edit while it typesets.
    await waitFor(() => requestsIn(logFile).length === 1, 'the first page check');
    const version = await client.replace(uri, 'Dana Lee', 'Dana M. Lee');
    const edited = await client.waitForDiagnostics(uri, { version });
    const page = await pagePublish(uri, edited);
    assert.equal(page.version, version);
    const stale = client.publishes.filter(
      (publish) => publish.uri === uri && publish.version === 1 && publish.diagnostics.some(isPageCount),
    );
    assert.deepEqual(stale, []);
    assert.equal(requestsIn(logFile).length, 2);
  });

  it('asks nothing for a resume whose `.bulletproof.yaml` turns page checks off, nor for a file that is not a resume', async () => {
    fs.mkdirSync(path.join(dir, 'off'));
    fs.writeFileSync(path.join(dir, 'off', '.bulletproof.yaml'), 'render:\n  checks: false\n');
    client = await start();
    const off = uriOf('off/off.resume.yaml');
    const other = uriOf('notes.yaml');
    const on = uriOf('on.resume.yaml');
    await client.open(off, `# off\n${RESUME}`);
    await client.open(other, 'title: not a resume\n');
    await client.open(on, RESUME);
    await pagePublish(on, await client.waitForDiagnostics(on, { version: 1 }));
    assert.deepEqual(
      requestsIn(logFile).map((request) => request.text),
      [RESUME],
    );
    const offPublishes = client.publishes.filter((publish) => publish.uri === off);
    assert.ok(offPublishes.every((publish) => !publish.diagnostics.some(isPageCount)));
  });

  it('stops page checks for the session when the build has no compiler, saying so once', async () => {
    client = await start();
    const uri = uriOf('a.resume.yaml');
    await client.open(uri, `# fake:unavailable\n${RESUME}`);
    await waitFor(() => client!.log.some((entry) => entry.message.includes('Page checks are off')), 'the log line');
    const second = uriOf('b.resume.yaml');
    await client.open(second, RESUME);
    await client.waitForDiagnostics(second, { version: 1 });
    // Absence takes a wait: twice the quiet time, and then some.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.equal(requestsIn(logFile).length, 1, 'nothing asked after `unavailable`');
    assert.deepEqual(
      client.log.filter((entry) => entry.message.includes('Page checks are off')).map((entry) => entry.message),
      ['Page checks are off for this session: no compiler in the fake.'],
    );
    // An export still asks: page checks are off, not rendering.
    fs.writeFileSync(path.join(dir, 'b.resume.yaml'), RESUME);
    const exported = await client.request(ExportPdfRequest, { uri: second });
    assert.equal(exported.ok, true, 'the stand-in renders this one');
  });

  it('exportPdf writes `<name>.pdf` beside the resume from the editor’s text, with the settings of its `.bulletproof.yaml`', async () => {
    fs.writeFileSync(path.join(dir, '.bulletproof.yaml'), 'render:\n  theme: compact\n  paper: a4\n');
    fs.writeFileSync(path.join(dir, 'dana.resume.yaml'), RESUME);
    client = await start({ render: { checks: false } });
    const uri = uriOf('dana.resume.yaml');
    await client.open(uri, `# unsaved: fake:page fake:page\n${RESUME}`);
    const result = await client.request(ExportPdfRequest, { uri });
    const pdf = path.join(dir, 'dana.resume.pdf');
    assert.deepEqual({ ...result, message: undefined }, { ok: true, path: pdf, pages: 2, message: undefined });
    assert.ok(result.ok);
    assert.match(result.message, /^Wrote dana\.resume\.pdf \(2 pages\)\./);
    assert.equal(fs.readFileSync(pdf, 'latin1'), '%PDF-1.7\n% fake compact a4\n%%EOF\n');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.bulletproof.yaml', 'dana.resume.pdf', 'dana.resume.yaml'], 'no temporary file left');
    // Again, over the PDF it wrote: replaced.
    fs.writeFileSync(pdf, '%PDF-1.4 older\n');
    assert.equal((await client.request(ExportPdfRequest, { uri })).ok, true);
    assert.equal(fs.readFileSync(pdf, 'latin1'), '%PDF-1.7\n% fake compact a4\n%%EOF\n');
    const [request] = requestsIn(logFile);
    assert.deepEqual(request?.settings, { theme: 'compact', paper: 'a4' });
    assert.equal(request?.output, 'pdf');
  });

  it('exportPdf reads a resume that is not open from its file, and refuses to replace what is not a PDF', async () => {
    client = await start();
    fs.writeFileSync(path.join(dir, 'closed.resume.yaml'), RESUME);
    const closed = await client.request(ExportPdfRequest, { uri: uriOf('closed.resume.yaml') });
    assert.ok(closed.ok, JSON.stringify(closed));
    assert.equal(requestsIn(logFile)[0]?.text, RESUME);

    fs.writeFileSync(path.join(dir, 'notes.resume.yaml'), RESUME);
    fs.writeFileSync(path.join(dir, 'notes.resume.pdf'), 'my notes, not a PDF\n');
    assert.deepEqual(await client.request(ExportPdfRequest, { uri: uriOf('notes.resume.yaml') }), {
      ok: false,
      reason: 'refused',
      message: 'notes.resume.pdf exists and is not a PDF: it is left as it is. Move or rename it, then export again.',
    });
    assert.equal(fs.readFileSync(path.join(dir, 'notes.resume.pdf'), 'utf8'), 'my notes, not a PDF\n');

    fs.writeFileSync(path.join(dir, 'folder.resume.yaml'), RESUME);
    fs.mkdirSync(path.join(dir, 'folder.resume.pdf'));
    const folder = await client.request(ExportPdfRequest, { uri: uriOf('folder.resume.yaml') });
    assert.equal(
      folder.ok === false && folder.message,
      'folder.resume.pdf exists and is not a regular file: it is left as it is. Move or rename it, then export again.',
    );

    assert.deepEqual(await client.request(ExportPdfRequest, { uri: 'untitled:Untitled-1' }), {
      ok: false,
      reason: 'unreadable',
      message: 'Save the resume as a local file first: the PDF is written beside it.',
    });
    const missing = await client.request(ExportPdfRequest, { uri: uriOf('gone.resume.yaml') });
    assert.equal(missing.ok === false && missing.reason, 'unreadable');
  });

  it('a worker that crashes is a message, and the next export is served by a new one', async () => {
    client = await start({ render: { checks: false } });
    fs.writeFileSync(path.join(dir, 'crash.resume.yaml'), `# fake:crash\n${RESUME}`);
    fs.writeFileSync(path.join(dir, 'fine.resume.yaml'), RESUME);
    assert.deepEqual(await client.request(ExportPdfRequest, { uri: uriOf('crash.resume.yaml') }), {
      ok: false,
      reason: 'failed',
      message: 'Rendering failed: the renderer stopped (exit code 3)',
    });
    assert.equal(fs.existsSync(path.join(dir, 'crash.resume.pdf')), false);
    assert.equal((await client.request(ExportPdfRequest, { uri: uriOf('fine.resume.yaml') })).ok, true);
  });

  it('bulletproof/render: a PDF as base64, markup as text, settings for once; bad params refused', async () => {
    client = await start({ render: { checks: false } });
    const uri = uriOf('r.resume.yaml');
    await client.open(uri, RESUME);
    const pdf = await client.request(RenderRequestType, { uri, output: 'pdf' });
    assert.ok(pdf.ok && pdf.encoding === 'base64', JSON.stringify(pdf));
    assert.equal(Buffer.from(pdf.data, 'base64').toString('latin1'), '%PDF-1.7\n% fake classic us-letter\n%%EOF\n');
    const typst = await client.request(RenderRequestType, { uri, output: 'typst', settings: { theme: 'compact', margin: '18mm' } });
    assert.ok(typst.ok);
    assert.deepEqual(
      { data: typst.data, encoding: typst.encoding, pages: typst.pages },
      { data: '<typst compact>', encoding: 'text', pages: 1 },
    );
    assert.deepEqual(requestsIn(logFile)[1]?.settings, { theme: 'compact', paper: 'us-letter', margin: '18mm' });

    const refused = async (params: unknown) => (await client!.requestRaw(RENDER_REQUEST, params)).error;
    assert.deepEqual(await refused({ uri, output: 'png' }), {
      code: ErrorCodes.InvalidParams,
      message: 'bulletproof/render: output should be pdf, svg, typst; not "png"',
    });
    const margin = await refused({ uri, output: 'pdf', settings: { margin: '1in); #read("/etc/passwd")' } });
    assert.equal(margin?.code, ErrorCodes.InvalidParams);
    assert.match(margin?.message ?? '', /`render\.margin` should be a length with a unit/);
    assert.equal(
      (await refused({ uri, output: 'pdf', settings: { checks: false } }))?.message,
      'bulletproof/render: settings cannot set checks',
    );
    assert.equal(requestsIn(logFile).length, 2, 'refused requests never reach the worker');
  });
});

/** Polls a condition of the file system or the log, which no publish announces. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = PAGE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The first publish for `uri` numbered `since` or later that `matches`, already received or still to come. */
async function waitForPublish(client: LspClient, uri: string, since: number, matches: (publish: Publish) => boolean): Promise<Publish> {
  let from = since;
  for (;;) {
    const publish = await client.waitForDiagnostics(uri, { since: from, timeoutMs: PAGE_WAIT_MS });
    if (matches(publish)) return publish;
    from = publish.seq + 1;
  }
}
