/**
 * The live preview over stdio, with the real typesetter behind the server:
 * opening a preview sends the page as SVG with a mark per printed bullet
 * (its range in the file and the messages of the findings on it); an edit
 * sends the new page; a syntax error sends why, and no page. In a build with
 * no compiler the preview says so once, and the rest is skipped.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProtocolRequestType } from 'vscode-languageserver-protocol/node';
import {
  PREVIEW_NOTIFICATION,
  PREVIEW_OPEN_REQUEST,
  type PreviewOpenParams,
  type PreviewOpenResult,
  type PreviewUpdate,
} from '../../server/src/protocol';
import { LspClient } from '../support/lspClient';
import { stop } from './helpers';

export const PreviewOpenRequest = new ProtocolRequestType<PreviewOpenParams, PreviewOpenResult, never, void, void>(PREVIEW_OPEN_REQUEST);

const WAIT_MS = 60_000;
const RESUME = [
  'basics:',
  '  name: Dana Lee',
  '  email: dana@example.com',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    startDate: 2020-01',
  '    highlights:',
  '      - Cut p99 latency of the payments API from 900 ms to 120 ms by caching card tokens',
  '      - Responsible for the payments API',
  '',
].join('\n');

type Page = Extract<PreviewUpdate, { marks: unknown }>;

/** Collects the server's preview updates and waits for the next one that passes `test`. */
class Updates {
  readonly all: PreviewUpdate[] = [];
  private waiters: { test: (update: PreviewUpdate) => boolean; resolve: (update: PreviewUpdate) => void }[] = [];

  constructor(client: LspClient) {
    client.onNotification(PREVIEW_NOTIFICATION, (params) => {
      const update = params as PreviewUpdate;
      this.all.push(update);
      this.waiters = this.waiters.filter((waiter) => (waiter.test(update) ? (waiter.resolve(update), false) : true));
    });
  }

  next(test: (update: PreviewUpdate) => boolean, what: string, from = this.all.length): Promise<PreviewUpdate> {
    const seen = this.all.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no preview update: ${what}; got ${JSON.stringify(this.all.map(brief))}`)), WAIT_MS);
      this.waiters.push({ test, resolve: (update) => (clearTimeout(timer), resolve(update)) });
    });
  }
}

function brief(update: PreviewUpdate): unknown {
  return 'error' in update ? { version: update.version, error: update.error } : { version: update.version, svg: update.svg?.length };
}

describe('live preview over stdio (the typesetter)', function () {
  this.timeout(3 * WAIT_MS);
  let dir: string;
  let client: LspClient | undefined;
  let updates: Updates;
  let uri: string;

  before(async function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-preview-')));
    uri = pathToFileURL(path.join(dir, 'dana.resume.yaml')).href;
    client = await LspClient.start({
      settings: { bulletproof: {} },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'preview' }],
      timeoutMs: WAIT_MS,
    });
    updates = new Updates(client);
    await client.open(uri, RESUME);
    await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(await client.request(PreviewOpenRequest, { uri }), { ok: true });
    const first = await updates.next((update) => update.version === 1, 'the first page');
    if ('error' in first && first.reason === 'unavailable') {
      assert.match(first.error, /needs the build of Bulletproof for this platform/);
      console.log(`      (skipped: ${first.error})`);
      this.skip();
    }
  });
  after(async () => {
    await stop(client);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the page as SVG, with each bullet tied to its range in the file and the messages on it', async () => {
    const page = (await updates.next((update) => update.version === 1, 'the first page', 0)) as Page;
    assert.ok(!('error' in page), JSON.stringify(page));
    assert.match(page.svg ?? '', /^<svg[^>]*class="typst-doc"/);
    assert.equal(page.pages, 1);
    assert.deepEqual(page.settings, { theme: 'classic', paper: 'us-letter' });
    assert.deepEqual(
      page.marks.map((mark) => ({ id: mark.id, range: mark.range, messages: mark.messages })),
      [
        {
          id: 'work[0].highlights[0]',
          range: { start: { line: 8, character: 8 }, end: { line: 8, character: 88 } },
          messages: [],
        },
        {
          id: 'work[0].highlights[1]',
          range: { start: { line: 9, character: 8 }, end: { line: 9, character: 40 } },
          messages: [
            {
              ruleId: 'weak-opening',
              severity: 'warning',
              message: '`Responsible for` is a weak opening: start with what you did (Owned, Ran, Led).',
            },
            {
              ruleId: 'quantify',
              severity: 'warning',
              message: 'No number in this bullet: add the scale or the result (requests/day, p99 latency, %, team size).',
            },
          ],
        },
      ],
    );
    const [cut, responsible] = page.marks;
    // Printed in order on page 1, one under the other.
    assert.equal(cut?.first.page, 1);
    assert.ok(cut && responsible && responsible.first.y > cut.last.y, 'the second bullet prints below the first');
  });

  it('sends the new page after an edit of a bullet, with the marks of the new text', async () => {
    const from = updates.all.length;
    const version = await client!.replace(uri, 'Responsible for the payments API', 'Owned the payments API, 40M calls a day');
    const page = (await updates.next((update) => update.version === version, `version ${version}`, from)) as Page;
    assert.ok(!('error' in page), JSON.stringify(page));
    assert.ok(page.svg && page.svg.length > 1000, 'a new page');
    const owned = page.marks.find((mark) => mark.id === 'work[0].highlights[1]');
    assert.deepEqual(owned?.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 47 } });
    assert.deepEqual(owned?.messages, []);
  });

  it('answers a syntax error with why and no page, and the next good text with a page', async () => {
    let from = updates.all.length;
    const broken = await client!.replace(uri, '    position: Backend Engineer', '    position: [Backend Engineer');
    const failure = await updates.next((update) => update.version === broken, `version ${broken}`, from);
    assert.ok('error' in failure, `a page came for a broken file: ${JSON.stringify(brief(failure))}`);
    assert.equal(failure.reason, 'unrenderable');
    assert.match(failure.error, /^The resume cannot be typeset: the file has syntax errors: fix them and render again\. Line \d+: /);
    assert.ok(!('svg' in failure));

    from = updates.all.length;
    const fixed = await client!.replace(uri, '[Backend Engineer', 'Backend Engineer');
    const page = await updates.next((update) => update.version === fixed, `version ${fixed}`, from);
    assert.ok(!('error' in page) && page.svg, 'the fixed text gives a page again');
  });
});
