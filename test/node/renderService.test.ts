/**
 * The render service against a stand-in worker (test/fixtures/render/fakeWorker.cjs):
 * bytes survive IPC, a crash or a hang answers `failed` and the next request
 * gets a new worker, a newer page check replaces a waiting one, a missing
 * worker is `unavailable`, and dispose stops it all.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RenderService } from '../../server/src/node/render/service';
import type { RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';
import { REPO_ROOT } from '../support/lspClient';

const FAKE_WORKER = path.join(REPO_ROOT, 'test', 'fixtures', 'render', 'fakeWorker.cjs');

const request = (text: string, output: RenderRequest['output'] = 'pdf'): RenderRequest => ({
  text,
  settings: { theme: 'classic', paper: 'us-letter' },
  output,
  checks: false,
});

/** The worker's pid, which the fake puts in its notes. */
function pidOf(response: RenderResponse | undefined): string {
  assert.ok(response?.ok, `expected an answer, got ${JSON.stringify(response)}`);
  const note = response.notes.find((line) => line.startsWith('pid '));
  assert.ok(note, 'the fake worker names its pid');
  return note;
}

describe('RenderService', function () {
  this.timeout(30_000);
  let service: RenderService;
  const logged: string[] = [];
  const start = (timeoutMs?: number) => {
    service = new RenderService({ workerPath: FAKE_WORKER, timeoutMs, log: (line) => logged.push(line) });
    return service;
  };
  beforeEach(() => {
    logged.length = 0;
  });
  afterEach(() => service.dispose());

  it('answers through the worker, a PDF arriving as bytes', async () => {
    const response = await start().render(request('basics: {}'));
    assert.ok(response.ok);
    assert.ok(response.output instanceof Uint8Array, 'the PDF lost its bytes on the way');
    assert.equal(Buffer.from(response.output).toString('latin1'), '%PDF-1.7\n% fake classic us-letter\n%%EOF\n');
    assert.equal(response.pages, 1);
  });

  it('answers `failed` with the exit code when the worker crashes, and starts a new one for the next request', async () => {
    start();
    const before = pidOf(await service.render(request('ok')));
    const crashed = await service.render(request('fake:crash'));
    assert.deepEqual(crashed, { ok: false, reason: 'failed', message: 'the renderer stopped (exit code 3)', findings: [] });
    assert.ok(
      logged.some((line) => line.includes('exit code 3') && line.includes('fake worker: crashing as asked')),
      `the log says why: ${JSON.stringify(logged)}`,
    );
    const after = pidOf(await service.render(request('ok')));
    assert.notEqual(after, before);
  });

  it('stops a render that takes longer than the timeout, answers `failed`, and the next request is served', async () => {
    start(4000);
    const before = pidOf(await service.render(request('ok')));
    const hanging = service.render(request('fake:hang'));
    const waiting = service.render(request('ok, queued behind the hang'));
    const hung = await hanging;
    assert.deepEqual(hung, { ok: false, reason: 'failed', message: 'the render took longer than 4 s and was stopped', findings: [] });
    const after = pidOf(await waiting);
    assert.notEqual(after, before, 'the hung worker was killed and replaced');
  });

  it('answers `failed` for a reply that is not a render response, and goes on', async () => {
    start();
    const garbage = await service.render(request('fake:garbage'));
    assert.deepEqual(garbage, {
      ok: false,
      reason: 'failed',
      message: 'the renderer answered something that is not a render response',
      findings: [],
    });
    pidOf(await service.render(request('ok')));
  });

  it('replaces a waiting page check of a document by a newer one, and only of that document', async () => {
    start();
    const running = service.check('a', request('fake:slow first', 'none'));
    const older = service.check('a', request('older', 'none'));
    const other = service.check('b', request('other document', 'none'));
    const newer = service.check('a', request('newer', 'none'));
    const asked = service.render(request('an export is never replaced'));
    assert.equal(await older, undefined);
    for (const pending of [running, other, newer, asked]) pidOf(await pending);
  });

  it('serves a render someone waits for before the page checks still waiting, in order otherwise', async () => {
    start();
    const order: string[] = [];
    const done = (text: string) => () => order.push(text);
    const jobs = [
      service.check('a', request('fake:slow running check', 'none')).then(done('running check')),
      service.check('b', request('waiting check', 'none')).then(done('waiting check')),
      service.render(request('preview page', 'svg')).then(done('preview page')),
      service.render(request('export')).then(done('export')),
    ];
    await Promise.all(jobs);
    assert.deepEqual(order, ['running check', 'preview page', 'export', 'waiting check']);
  });

  it('answers one request at a time, in order', async () => {
    start();
    const order: string[] = [];
    await Promise.all(['fake:slow one', 'two', 'three'].map((text) => service.render(request(text)).then(() => order.push(text))));
    assert.deepEqual(order, ['fake:slow one', 'two', 'three']);
  });

  it('answers `unavailable` when the build has no worker', async () => {
    service = new RenderService({ workerPath: path.join(REPO_ROOT, 'no-such-worker.mjs') });
    const response = await service.render(request('ok'));
    assert.equal(response.ok, false);
    assert.ok(!response.ok && response.reason === 'unavailable');
    assert.match(response.message, /no-such-worker\.mjs is missing/);
  });

  it('answers what waits with `failed` on dispose, and nothing after', async () => {
    start();
    const hung = service.render(request('fake:hang'));
    const queued = service.check('a', request('queued', 'none'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    service.dispose();
    const stopped = { ok: false, reason: 'failed', message: 'the renderer was stopped', findings: [] };
    assert.deepEqual(await hung, stopped);
    assert.deepEqual(await queued, stopped);
    assert.deepEqual(await service.render(request('after')), stopped);
  });
});
