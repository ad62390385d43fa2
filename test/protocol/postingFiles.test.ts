/**
 * A job posting that is there but cannot be read (no permission, a device,
 * a FIFO, a folder, too large) is a `posting-file` warning on
 * `meta.posting`: never an exit, never a read that waits forever, never
 * gigabytes of `/dev/zero` in memory.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, type LspClientOptions } from '../support/lspClient';
import { messageOf, range, stop } from './helpers';

const resumeNaming = (posting: string) => `basics:\n  name: Sam Lee\nmeta:\n  posting: ${posting}\n`;
/** Where `meta.posting`'s value is in {@link resumeNaming}'s text. */
const valueRange = (posting: string) => range(3, 11, 3, 11 + posting.length);

const postingFile = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'posting-file').map((d) => [messageOf(d), d.range]);

/** The id of `nobody`, to run the server as when the tests run as root (root reads a file chmod 000 anyway). */
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

describe('postings that cannot be read', function () {
  this.timeout(30_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-postings-'));
    // Readable by anyone: the server may run as another user, below.
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'locked.md'), '# Backend Engineer\n\n- Go\n');
    fs.chmodSync(path.join(dir, 'locked.md'), 0o000);
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    fs.mkdirSync(path.join(dir, 'folder.md'));
    fs.writeFileSync(path.join(dir, 'huge.md'), `# Backend Engineer\n${'- Go on PostgreSQL\n'.repeat(40_000)}`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function diagnosticsFor(client: LspClient, name: string, posting: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path.join(dir, name)).href;
    await client.open(uri, resumeNaming(posting));
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    // And the server still answers about the same document.
    assert.ok(Array.isArray(await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })));
    await client.close(uri);
    return diagnostics;
  }

  describe("as the server's own user", () => {
    let client: LspClient;
    // The filesystem root as the workspace folder, so that `/dev/zero` is inside it and is actually opened.
    before(async () => {
      client = await LspClient.start({ settings: { bulletproof: {} }, workspaceFolders: [{ uri: pathToFileURL('/').href, name: 'root' }] });
    });
    after(() => stop(client));

    const cases: [string, string, string][] = [
      ['/dev/zero', 'a device', 'The posting `/dev/zero` cannot be read: it is not a regular file (a device, FIFO or socket).'],
      [
        './pipe.md',
        'a FIFO with no writer',
        'The posting `./pipe.md` cannot be read: it is not a regular file (a device, FIFO or socket).',
      ],
      ['./folder.md', 'a folder', 'The posting `./folder.md` cannot be read: it is a folder, not a file.'],
      ['./huge.md', 'over the limit', 'The posting `./huge.md` is over 512 KB: paste just the job description.'],
      ['./nope.md', 'missing', 'The posting `./nope.md` was not found.'],
    ];
    for (const [posting, what, message] of cases) {
      it(`${what} (${posting}) is a posting-file warning on meta.posting`, async () => {
        const diagnostics = await diagnosticsFor(client, `${what.replace(/\W+/g, '-')}.resume.yaml`, posting);
        assert.deepEqual(postingFile(diagnostics), [[message, valueRange(posting)]]);
      });
    }
  });

  it('a posting without read permission (chmod 000) is a posting-file warning', async function () {
    let options: LspClientOptions = {
      settings: { bulletproof: {} },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'postings' }],
    };
    if (isRoot) {
      // Root reads it anyway: run the server as `nobody`, to whom chmod 000 does deny.
      console.log('      (running as root: this server runs as uid 65534, for whom chmod 000 denies reading)');
      options = { ...options, uid: NOBODY, gid: NOBODY };
    }
    let client: LspClient;
    try {
      client = await LspClient.start(options);
    } catch (error) {
      console.log(`      (skipped: the server cannot run as another user here: ${error instanceof Error ? error.message : String(error)})`);
      this.skip();
    }
    try {
      const diagnostics = await diagnosticsFor(client, 'locked.resume.yaml', './locked.md');
      assert.deepEqual(postingFile(diagnostics), [
        ['The posting `./locked.md` cannot be read: permission denied.', valueRange('./locked.md')],
      ]);
    } finally {
      await stop(client);
    }
  });
});
