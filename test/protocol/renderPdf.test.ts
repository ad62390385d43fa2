/**
 * The real typesetter behind the server (dist/renderWorker.mjs): Export PDF
 * on an example writes a PDF, atomically, and never replaces a file that is
 * not one; a resume too long for its pages gets `page-count` once typing
 * stops. A build with no compiler answers `unavailable`: then these are
 * skipped, and the stand-in worker's tests (render.test.ts) still cover the
 * wiring.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT, type Publish } from '../support/lspClient';
import { pageRules } from '../../server/src/rules/registry';
import { stop } from './helpers';
import { ExportPdfRequest } from './renderRequests';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'backend.resume.yaml');
const WAIT_MS = 60_000;

/** A resume that cannot fit two pages: twelve roles of six long bullets each. */
function longResume(): string {
  const lines = ['basics:', '  name: Pat Long', '  email: pat@example.com', 'work:'];
  for (let role = 1; role <= 12; role++) {
    const year = 2000 + role;
    lines.push(
      `  - name: Company ${role}`,
      '    position: Backend Engineer',
      `    startDate: ${year}-01`,
      `    endDate: ${year + 1}-01`,
      '    highlights:',
    );
    for (let bullet = 1; bullet <= 6; bullet++) {
      lines.push(
        `      - Built service ${role}.${bullet} that handled ${bullet * 3}M requests a day at 99.9% availability, cutting p99 latency from ${400 + bullet} ms to ${90 + bullet} ms by moving hot reads to a cache and batching writes to the ledger`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('rendering over stdio (the typesetter)', function () {
  this.timeout(2 * WAIT_MS);
  let dir: string;
  let client: LspClient | undefined;
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-pdf-')));
    client = await LspClient.start({
      settings: { bulletproof: {} },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'pdf' }],
      timeoutMs: WAIT_MS,
    });
    fs.copyFileSync(EXAMPLE, path.join(dir, 'backend.resume.yaml'));
    const probe = await client.request(ExportPdfRequest, { uri: uriOf('backend.resume.yaml') });
    if (!probe.ok && probe.reason === 'unavailable') {
      console.log(`      (skipped: ${probe.message})`);
      this.skip();
    }
    assert.ok(probe.ok, JSON.stringify(probe));
  });
  after(async () => {
    await stop(client);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Export PDF writes `<name>.pdf` beside the example: a PDF, and nothing else left in the folder', async () => {
    const pdf = path.join(dir, 'backend.resume.pdf');
    fs.rmSync(pdf, { force: true });
    const result = await client!.request(ExportPdfRequest, { uri: uriOf('backend.resume.yaml') });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.path, pdf);
    assert.ok(result.pages >= 1);
    const bytes = fs.readFileSync(pdf);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 1000, `a PDF of ${bytes.length} bytes`);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['backend.resume.pdf', 'backend.resume.yaml']);
  });

  it('refuses to replace a file that is not a PDF, and leaves it as it was', async () => {
    fs.copyFileSync(EXAMPLE, path.join(dir, 'mine.resume.yaml'));
    fs.writeFileSync(path.join(dir, 'mine.resume.pdf'), 'a letter, not a PDF\n');
    const result = await client!.request(ExportPdfRequest, { uri: uriOf('mine.resume.yaml') });
    assert.deepEqual(result, {
      ok: false,
      reason: 'refused',
      message: 'mine.resume.pdf exists and is not a PDF: it is left as it is. Move or rename it, then export again.',
    });
    assert.equal(fs.readFileSync(path.join(dir, 'mine.resume.pdf'), 'utf8'), 'a letter, not a PDF\n');
  });

  it('a resume longer than two pages gets `page-count` once typing stops', async function () {
    if (!pageRules.some((rule) => rule.meta.id === 'page-count')) {
      console.log('      (skipped: no `page-count` rule in this build)');
      this.skip();
    }
    const uri = uriOf('long.resume.yaml');
    await client!.open(uri, longResume());
    const first = await client!.waitForDiagnostics(uri, { version: 1 });
    let publish: Publish = first;
    while (!publish.diagnostics.some((diagnostic) => diagnostic.code === 'page-count')) {
      publish = await client!.waitForDiagnostics(uri, { since: publish.seq + 1, timeoutMs: WAIT_MS });
    }
    assert.equal(publish.version, 1);
    const pageCount = publish.diagnostics.filter((diagnostic) => diagnostic.code === 'page-count');
    assert.equal(pageCount.length, 1);
    assert.equal(pageCount[0]?.source, 'bulletproof');
  });
});
