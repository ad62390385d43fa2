/**
 * Addresses no file path can be made of: a Latin-1 name as Neovim encodes
 * it (`%E9`), a broken escape (`%zz`), an encoded slash (`a%2Fb`), a file
 * on another host (`file://host/share/…`). As documents they are linted when
 * their name says resume, with no config lookup and no posting; as
 * workspace folders they are passed over. Nothing throws, nothing exits.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  ProtocolRequestType,
} from 'vscode-languageserver-protocol/node';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient';
import { expectedDiagnostics, messageOf, pos, range, stop } from './helpers';

const ReportRequest = new ProtocolRequestType<ReportParams, ReportResult | null, never, void, void>(REPORT_REQUEST);

const ODD_URIS = [
  'file:///srv/cv/%E9.resume.yaml',
  'file:///srv/cv/%zz.resume.yaml',
  'file:///srv/cv/a%2Fb.resume.yaml',
  'file://host/share/cv.resume.yaml',
];

/** No name, no contact, a misspelt key: `completeness` and the schema have something to say. */
const RESUME =
  'basics:\n  label: Backend Engineer\n  nmae: Sam\nwork:\n  - name: Acme\n    highlights:\n      - Cut p99 latency from 800 ms to 120 ms\n';

describe('addresses that are not file paths', function () {
  this.timeout(30_000);

  describe('as documents', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({
        settings: { bulletproof: {} },
        rootUri: 'file:///srv/%E9',
        workspaceFolders: ODD_URIS.map((uri, index) => ({ uri: uri.replace(/\/[^/]*$/, ''), name: `odd-${index}` })),
      });
    });
    after(() => stop(client));

    for (const uri of ODD_URIS) {
      it(`lints ${uri} by its name, and answers every request on it`, async () => {
        await client.open(uri, RESUME);
        const published = await client.waitForDiagnostics(uri, { version: 1 });
        assert.deepEqual(published.diagnostics, expectedDiagnostics(RESUME));
        assert.ok(published.diagnostics.some((d) => d.code === 'schema/unknown-key'));

        const textDocument = { uri };
        const hover = await client.request(HoverRequest.type, { textDocument, position: pos(1, 3) });
        assert.deepEqual(hover?.range, range(1, 2, 1, 7));
        const symbols = await client.request(DocumentSymbolRequest.type, { textDocument });
        assert.deepEqual(
          symbols?.map((symbol) => symbol.name),
          ['Basics', 'Work'],
        );
        const folds = await client.request(FoldingRangeRequest.type, { textDocument });
        assert.ok(folds && folds.length > 0);
        const lenses = await client.request(CodeLensRequest.type, { textDocument });
        assert.deepEqual(
          lenses?.map((lens) => lens.command?.title),
          ['1/1 quantified'],
        );
        const actions = await client.request(CodeActionRequest.type, {
          textDocument,
          range: range(2, 2, 2, 6),
          context: { diagnostics: [] },
        });
        assert.ok(actions?.some((action) => action.title === 'Disable `schema/unknown-key` for this line'));
        const completion = await client.request(CompletionRequest.type, { textDocument, position: pos(3, 0) });
        assert.ok(completion && (Array.isArray(completion) ? completion : completion.items).length > 0);
        const report = await client.request(ReportRequest, { uri });
        assert.equal(report?.uri, uri);

        await client.replace(uri, 'nmae', 'name');
        const second = await client.waitForDiagnostics(uri, { version: 2 });
        assert.deepEqual(second.diagnostics, expectedDiagnostics(client.document(uri).getText()));
        const mark = client.mark();
        await client.close(uri);
        assert.deepEqual((await client.waitForDiagnostics(uri, { since: mark })).diagnostics, []);
      });
    }

    it('leaves such a file alone when its name is not a resume, and checks it when its first line opts in', async () => {
      const notes = 'file:///srv/cv/%E9-notes.yaml';
      const marked = 'file://host/share/%zz-notes.yaml';
      await client.open(notes, RESUME);
      await client.open(marked, `# bulletproof\n${RESUME}`);
      const published = await client.waitForDiagnostics(marked, { version: 1 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(`# bulletproof\n${RESUME}`));
      // Checked in the order opened: the marked file's publish comes after any for the notes.
      assert.deepEqual(
        client.publishes.filter((publish) => publish.uri === notes).flatMap((publish) => publish.diagnostics),
        [],
      );
      await client.close(notes);
      await client.close(marked);
    });

    it('reads no posting beside such a file, and says why on `meta.posting`', async () => {
      const uri = 'file:///srv/cv/%E9-posting.resume.yaml';
      const text = `${RESUME}meta:\n  posting: ./job.md\n`;
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      const postingFile = published.diagnostics.filter((d) => d.code === 'posting-file');
      assert.deepEqual(
        postingFile.map((d) => [messageOf(d), d.range]),
        [["The posting `./job.md` is not read: this resume's address is not a local file path.", range(8, 11, 8, 19)]],
      );
      await client.close(uri);
    });
  });

  describe('as workspace folders', () => {
    let workspace: string;
    let resumeUri: string;
    before(() => {
      // A config at the folder's top, the resume a folder below: only a known workspace folder lets the lookup climb to it.
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-odd-folders-'));
      fs.mkdirSync(path.join(workspace, 'cv'));
      fs.writeFileSync(path.join(workspace, '.bulletproof.yaml'), 'rules:\n  completeness: off\n');
      resumeUri = pathToFileURL(path.join(workspace, 'cv', 'sam.resume.yaml')).href;
    });
    after(() => fs.rmSync(workspace, { recursive: true, force: true }));

    const completeness = (diagnostics: { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'completeness').length;

    it('passes over odd folders in initialize and keeps the good one', async () => {
      const client = await LspClient.start({
        settings: { bulletproof: {} },
        rootUri: 'file:///%zz',
        workspaceFolders: [
          ...ODD_URIS.map((uri, index) => ({ uri, name: `odd-${index}` })),
          { uri: pathToFileURL(workspace).href, name: 'good' },
        ],
      });
      try {
        await client.open(resumeUri, RESUME);
        const published = await client.waitForDiagnostics(resumeUri, { version: 1 });
        assert.deepEqual(published.diagnostics, expectedDiagnostics(RESUME, { rules: { completeness: 'off' } }));
      } finally {
        await stop(client);
      }
    });

    it('takes rootPath when there is neither a folder list nor a rootUri, and survives one that is not a string', async () => {
      for (const rootPath of [workspace, 42 as unknown as string]) {
        const client = await LspClient.start({ settings: { bulletproof: {} }, rootPath, rootUri: null, workspaceFolders: null });
        try {
          await client.open(resumeUri, RESUME);
          const published = await client.waitForDiagnostics(resumeUri, { version: 1 });
          assert.equal(completeness(published.diagnostics), rootPath === workspace ? 0 : 2, `rootPath ${String(rootPath)}`);
        } finally {
          await stop(client);
        }
      }
    });

    it('follows didChangeWorkspaceFolders, passing over odd and malformed folders', async () => {
      const client = await LspClient.start({ settings: { bulletproof: {} }, workspaceFolders: [] });
      try {
        await client.open(resumeUri, RESUME);
        const first = await client.waitForDiagnostics(resumeUri, { version: 1 });
        assert.equal(completeness(first.diagnostics), 2, 'no workspace folder yet: the config above the resume is not read');

        await client.workspaceFoldersChanged({
          added: [...ODD_URIS.map((uri, index) => ({ uri, name: `odd-${index}` })), { uri: pathToFileURL(workspace).href, name: 'good' }],
          removed: [{ uri: 'file:///%zz', name: 'never-added' }],
        });
        const second = await client.waitForDiagnostics(resumeUri, { version: 1 });
        assert.deepEqual(second.diagnostics, expectedDiagnostics(RESUME, { rules: { completeness: 'off' } }));

        for (const event of [null, 42, { added: null, removed: 'x' }, { added: [{ uri: 7 }, null, 'file:///a'], removed: [{}] }]) {
          await client.notifyRaw('workspace/didChangeWorkspaceFolders', { event });
        }
        await client.notifyRaw('workspace/didChangeWorkspaceFolders', null);

        await client.workspaceFoldersChanged({ added: [], removed: [{ uri: pathToFileURL(workspace).href, name: 'good' }] });
        const third = await client.waitForDiagnostics(resumeUri, { version: 1 });
        assert.equal(completeness(third.diagnostics), 2, 'the folder is gone: its config is not read');
        assert.equal(client.initializeResult?.capabilities.workspace?.workspaceFolders?.changeNotifications, true);
      } finally {
        await stop(client);
      }
    });
  });
});
