/**
 * What a resume reads besides itself (a job posting, `.bulletproof.yaml`)
 * can change on disk while its text does not: the editor's file watcher says
 * so, and the server checks the open resumes again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lspClient';
import { messageOf } from './helpers';

const RESUME = [
  'basics:',
  '  name: Ada Example',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    startDate: 2020-01',
  '    highlights:',
  '      - Built order APIs in Go on PostgreSQL serving 4M requests/day',
  'skills:',
  '  - name: Languages',
  '    keywords: [Go]',
  'meta:',
  '  posting: ./job.md',
  '',
].join('\n');

describe('files a resume reads, changed on disk', function () {
  this.timeout(20_000);
  let dir: string;
  let client: LspClient;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-revalidate-'));
    fs.writeFileSync(path.join(dir, 'job.md'), '# Backend Engineer\n\n- Go services on PostgreSQL\n');
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'workspace' }] });
  });

  afterEach(async () => {
    await client.shutdown().catch(() => undefined);
    client.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const missingTerms = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((diagnostic) => diagnostic.code === 'posting-missing-term')
      .map((diagnostic) => /^`([^`]+)`/.exec(messageOf(diagnostic))?.[1]);

  it('checks the open resume again when its posting changes, though the resume itself did not', async () => {
    const uri = pathToFileURL(path.join(dir, 'ada.resume.yaml')).href;
    await client.open(uri, RESUME);
    const first = await client.waitForDiagnostics(uri);
    assert.deepEqual(missingTerms(first.diagnostics), []);

    fs.writeFileSync(path.join(dir, 'job.md'), '# Backend Engineer\n\n- Go services on PostgreSQL\n- Events on Kafka\n');
    const since = client.mark();
    await client.filesChanged([pathToFileURL(path.join(dir, 'job.md')).href]);
    const again = await client.waitForDiagnostics(uri, { since });
    assert.equal(again.version, first.version);
    assert.deepEqual(missingTerms(again.diagnostics), ['Kafka']);
  });
});
