/**
 * Backend advice on a resume that is plainly not a backend one, over the
 * protocol: one `backend-off-role` note whose quick fix writes
 * `role: general` into the config file (a new `.bulletproof.yaml`, or the
 * existing one, comments kept), after which the resume gets neither the note
 * nor backend advice. And each code action belongs to its own diagnostic:
 * two findings on one key never share their fixes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/lsp/codeActions';
import { lint } from '../../server/src/linter';
import type { Finding } from '../../server/src/engine/types';
import { LspClient } from '../support/lspClient';
import { range, stop } from './helpers';

const IOS_RESUME = [
  'basics:',
  '  name: Sam Lee',
  '  label: iOS Engineer',
  'work:',
  '  - name: Acme',
  '    position: iOS Engineer',
  '    startDate: 2021-01',
  '    highlights:',
  '      - Rebuilt the checkout screen in SwiftUI, cutting crashes by 40%',
  '',
].join('\n');

const BACKEND_RESUME = [
  'basics:',
  '  name: Sam Lee',
  '  label: Backend Engineer',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    startDate: 2021-01',
  '    highlights:',
  '      - Added tracing to the checkout API, cutting time to detect incidents from 30 to 4 minutes',
  '',
].join('\n');

const NOTE =
  'This reads as a mobile resume (from the headline `iOS Engineer`), so the backend advice is held back: ' +
  'set `role: general` to say so and drop this note, or `role: backend` to get the backend advice.';
const FIX_TITLE = 'Set `role: general` in .bulletproof.yaml';
const BACKEND_RULES = ['backend-signals', 'latency-percentile', 'availability-nines', 'skills-grouping'];

const roots: string[] = [];

function removeWorkspaces(): void {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A fresh workspace folder with the resume in it (and a config file when given). */
function workspace(resume: string, config?: string): { root: string; resumeUri: string; configPath: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-offrole-'));
  roots.push(root);
  fs.writeFileSync(path.join(root, 'resume.yaml'), resume);
  const configPath = path.join(root, '.bulletproof.yaml');
  if (config !== undefined) fs.writeFileSync(configPath, config);
  return { root, resumeUri: pathToFileURL(path.join(root, 'resume.yaml')).href, configPath };
}

interface Capabilities {
  create: boolean;
  documentChanges?: boolean;
}

async function start(root: string, capabilities: Capabilities): Promise<LspClient> {
  return LspClient.start({
    settings: { bulletproof: {} },
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'resumes' }],
    capabilities: {
      workspace: {
        workspaceEdit: {
          documentChanges: capabilities.documentChanges ?? true,
          ...(capabilities.create && { resourceOperations: ['create'] }),
        },
      },
    },
  });
}

async function quickFixes(client: LspClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const first = diagnostics[0];
  assert.ok(first, 'no diagnostic to ask about');
  const result = await client.request(CodeActionRequest.type, {
    textDocument: { uri },
    range: first.range,
    context: { diagnostics, only: [CodeActionKind.QuickFix] },
  });
  return (result ?? []).filter((item): item is CodeAction => CodeAction.is(item));
}

/** Applies the edit as a client would: the file is created or changed on disk, and the watcher says so. */
async function applyToDisk(client: LspClient, edit: WorkspaceEdit, file: string): Promise<void> {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) continue;
    const lines = text.split('\n');
    for (const one of [...change.edits].reverse()) {
      assert.ok('newText' in one);
      const offset = (line: number, character: number) => lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
      const start = offset(one.range.start.line, one.range.start.character);
      text = text.slice(0, start) + one.newText + text.slice(offset(one.range.end.line, one.range.end.character));
    }
  }
  fs.writeFileSync(file, text);
  await client.filesChanged([pathToFileURL(file).href]);
}

describe('over the protocol', function () {
  this.timeout(30_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await stop(client);
    removeWorkspaces();
  });

  /** The resume opened in a fresh workspace (with a config file when given), and its first diagnostics. */
  async function opened(resume: string, config?: string, capabilities: Capabilities = { create: true }) {
    const place = workspace(resume, config);
    const started = await start(place.root, capabilities);
    client = started;
    await started.open(place.resumeUri, resume);
    const { diagnostics } = await started.waitForDiagnostics(place.resumeUri, { version: 1 });
    return { ...place, client: started, diagnostics };
  }

  describe('backend-off-role', () => {
    it('one note on the headline; its fix creates .bulletproof.yaml, after which no backend advice is given', async () => {
      const { resumeUri, configPath, client, diagnostics } = await opened(IOS_RESUME);
      const notes = diagnostics.filter((d) => d.code === 'backend-off-role');
      assert.deepEqual(
        notes.map((d) => [d.range, d.message]),
        [[range(2, 9, 2, 21), NOTE]],
      );
      assert.deepEqual(
        diagnostics.filter((d) => BACKEND_RULES.includes(String(d.code))),
        [],
      );

      const actions = await quickFixes(client, resumeUri, notes);
      const fix = actions.find((action) => action.title === FIX_TITLE);
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(fix.isPreferred, undefined, 'a suggestion is never preferred');
      assert.deepEqual(fix.diagnostics, notes);
      const configUri = pathToFileURL(configPath).href;
      assert.deepEqual(fix.edit, {
        documentChanges: [
          { kind: 'create', uri: configUri },
          {
            textDocument: { uri: configUri, version: null },
            edits: [
              {
                range: range(0, 0, 0, 0),
                newText: '# Bulletproof settings for the resumes in this folder and below.\nrole: general\n',
              },
            ],
          },
        ],
      });

      const since = client.mark();
      await applyToDisk(client, fix.edit, configPath);
      const after = await client.waitForDiagnostics(resumeUri, { since });
      assert.deepEqual(
        after.diagnostics.filter((d) => d.code === 'backend-off-role' || BACKEND_RULES.includes(String(d.code))),
        [],
      );
    });

    it('edits an existing .bulletproof.yaml in place, keeping its comment', async () => {
      const config = '# shared by the team\nrules:\n  quantify: info\n';
      const { resumeUri, configPath, client, diagnostics } = await opened(IOS_RESUME, config);
      const notes = diagnostics.filter((d) => d.code === 'backend-off-role');
      assert.equal(notes.length, 1);
      const fix = (await quickFixes(client, resumeUri, notes)).find((action) => action.title === FIX_TITLE);
      assert.ok(fix?.edit);
      const configUri = pathToFileURL(configPath).href;
      assert.deepEqual(fix.edit, {
        documentChanges: [
          { textDocument: { uri: configUri, version: null }, edits: [{ range: range(3, 0, 3, 0), newText: 'role: general\n' }] },
        ],
      });
      const since = client.mark();
      await applyToDisk(client, fix.edit, configPath);
      assert.equal(fs.readFileSync(configPath, 'utf8'), `${config}role: general\n`);
      const after = await client.waitForDiagnostics(resumeUri, { since });
      assert.deepEqual(
        after.diagnostics.filter((d) => d.code === 'backend-off-role' || BACKEND_RULES.includes(String(d.code))),
        [],
      );
    });

    it('a client that cannot create files is offered no new file; one without documentChanges gets plain changes', async () => {
      const bare = await opened(IOS_RESUME, undefined, { create: false });
      const notes = bare.diagnostics.filter((d) => d.code === 'backend-off-role');
      assert.deepEqual(
        (await quickFixes(bare.client, bare.resumeUri, notes)).filter((action) => action.title === FIX_TITLE),
        [],
      );
      await stop(bare.client);

      const withConfig = await opened(IOS_RESUME, 'rules: {}\n', { create: false, documentChanges: false });
      const found = withConfig.diagnostics.filter((d) => d.code === 'backend-off-role');
      const fix = (await quickFixes(withConfig.client, withConfig.resumeUri, found)).find((action) => action.title === FIX_TITLE);
      assert.deepEqual(fix?.edit, {
        changes: { [pathToFileURL(withConfig.configPath).href]: [{ range: range(1, 0, 1, 0), newText: 'role: general\n' }] },
      });
    });

    it('`role: backend` set in the config file is followed: no note, the backend advice given', async () => {
      const { diagnostics } = await opened(IOS_RESUME, 'role: backend\n');
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'backend-off-role'),
        [],
      );
      assert.equal(diagnostics.filter((d) => d.code === 'backend-signals').length, 3);
    });
  });

  describe('code actions belong to their diagnostic', () => {
    it("two findings on one key: each diagnostic gets its own fix, never the other's", async () => {
      const { resumeUri, client, diagnostics } = await opened(BACKEND_RESUME);
      const signals = diagnostics.filter((d) => d.code === 'backend-signals');
      assert.equal(signals.length, 2);
      const [database, reliability] = signals as [Diagnostic, Diagnostic];
      assert.deepEqual(database.range, reliability.range, 'both on the `work` key');

      const onlyReliability = await quickFixes(client, resumeUri, [reliability]);
      assert.deepEqual(
        onlyReliability.filter((action) => action.edit).map((action) => [action.title, action.diagnostics]),
        [
          ['Add a reliability bullet to fill in', [reliability]],
          ['Disable `backend-signals` for this line', undefined],
          ['Disable `backend-signals` for this file', undefined],
        ],
      );

      const both = await quickFixes(client, resumeUri, [database, reliability]);
      assert.deepEqual(
        both.filter((action) => action.diagnostics).map((action) => [action.title, action.diagnostics, action.isPreferred]),
        [
          ['Add a database-performance bullet to fill in', [database], undefined],
          ['Add a reliability bullet to fill in', [reliability], undefined],
        ],
      );
    });

    it("a diagnostic's one best safe fix is preferred, so an editor's auto-fix can apply it", async () => {
      const text =
        'basics:\n  name: Sam Lee\nwork:\n  - name: Acme\n    position: Backend Engineer\n    startDate: 2021-01\n    endDate: Present\n';
      const { resumeUri, client, diagnostics } = await opened(text);
      const date = diagnostics.filter((d) => d.code === 'schema/invalid-date');
      assert.equal(date.length, 1);
      const actions = await quickFixes(client, resumeUri, date);
      assert.deepEqual(
        actions.filter((action) => action.diagnostics).map((action) => [action.title, action.isPreferred]),
        [['Remove `endDate` (a current role has none)', true]],
      );
    });
  });
});

describe('the preferred fix of each diagnostic', () => {
  const text = 'basics:\n  name: Ada\n';
  const document = TextDocument.create('file:///r.resume.yaml', 'yaml', 1, text);
  const at = { start: 10, end: 13 };
  const params = (diagnostics: Diagnostic[]): CodeActionParams => ({
    textDocument: { uri: document.uri },
    range: { start: document.positionAt(at.start), end: document.positionAt(at.end) },
    context: { diagnostics, only: [CodeActionKind.QuickFix] },
  });
  const edits = [{ range: at, newText: 'Grace' }];

  it('is the safe fix the rule prefers, else its first safe fix; never a suggestion or a second one', () => {
    const findings: Finding[] = [
      {
        ruleId: 'x',
        range: at,
        message: 'one',
        severity: 'info',
        fixes: [
          { title: 'Rewrite', edits },
          { title: 'Safe A', edits, safe: true },
          { title: 'Safe B', edits, safe: true },
        ],
      },
      {
        ruleId: 'x',
        range: at,
        message: 'two',
        severity: 'info',
        fixes: [
          { title: 'Safe C', edits, safe: true },
          { title: 'Safe D', edits, safe: true, isPreferred: true },
        ],
      },
    ];
    const actions = codeActions(document, { findings, model: lint(text).model }, params([]), { snippetSupport: false });
    assert.deepEqual(
      actions.filter((action) => action.title.startsWith('Safe') || action.title === 'Rewrite').map((a) => [a.title, a.isPreferred]),
      [
        ['Rewrite', undefined],
        ['Safe A', true],
        ['Safe B', undefined],
        ['Safe C', undefined],
        ['Safe D', true],
      ],
    );
  });

  it('a request naming one diagnostic gets only its fixes, matched by rule, message and range', () => {
    const findings: Finding[] = [
      { ruleId: 'x', range: at, message: 'one', severity: 'info', fixes: [{ title: 'Fix one', edits }] },
      { ruleId: 'x', range: at, message: 'two', severity: 'info', fixes: [{ title: 'Fix two', edits }] },
    ];
    const diagnostic = (message: string): Diagnostic => ({ range: params([]).range, code: 'x', source: 'bulletproof', message });
    const two = diagnostic('two');
    const actions = codeActions(document, { findings, model: lint(text).model }, params([two]), { snippetSupport: false });
    assert.deepEqual(
      actions.filter((action) => action.title.startsWith('Fix')).map((a) => [a.title, a.diagnostics]),
      [['Fix two', [two]]],
    );
    // A diagnostic of another tool at the same place changes nothing: both are answered, by range.
    const other = { ...diagnostic('two'), source: 'yaml' };
    const all = codeActions(document, { findings, model: lint(text).model }, params([other]), { snippetSupport: false });
    assert.deepEqual(
      all.filter((action) => action.title.startsWith('Fix')).map((a) => [a.title, a.diagnostics]),
      [
        ['Fix one', undefined],
        ['Fix two', undefined],
      ],
    );
  });
});
