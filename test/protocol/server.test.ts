/**
 * Protocol tests: the bundled server (`dist/server.js --stdio`) as a child
 * process, spoken to over LSP the way an editor would. The expectations for
 * diagnostics come from the engine run on the same text, so these tests
 * check the adapter (ranges, versions, settings, actions), not the rules.
 * One server per `describe`; every wait has a timeout, nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  InsertTextFormat,
  SymbolKind,
  TextDocumentEdit,
  TextDocumentSyncKind,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/linter';
import { nonOverlapping } from '../../server/src/engine/fixes';
import { LspClient, REPO_ROOT, type Publish } from '../support/lspClient';
import { docsHref, expectedDiagnostics, messageOf, pos, range, stop } from './helpers';

const WEAK_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'weak.resume.yaml'), 'utf8');
interface SchemaProperty {
  markdownDescription?: string;
  description?: string;
  examples?: string[];
}

/** The parts of the schema these tests read. */
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'resume.schema.json'), 'utf8')) as {
  properties: Record<string, unknown>;
  definitions: {
    workEntry: { properties: Record<string, SchemaProperty> & { highlights: SchemaProperty } };
    language: { properties: { fluency: SchemaProperty } };
  };
};

/** A folder that never exists: documents live only in the editor. */
const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-protocol-test')).href;
const uriOf = (name: string) => `${BASE}/${name}`;

/** A `|` in `source` marks the cursor; returns the text without it and the position. */
function withCursor(source: string): { text: string; position: Position } {
  const offset = source.indexOf('|');
  assert.notEqual(offset, -1, 'put a | where the cursor is');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, position: TextDocument.create('file:///c.yaml', 'yaml', 1, text).positionAt(offset) };
}

/** The range of the `occurrence`-th `search` in `text`. */
function rangeOf(text: string, search: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(search, offset + 1);
    assert.notEqual(offset, -1, `\`${search}\` not found`);
  }
  const document = TextDocument.create('file:///r.yaml', 'yaml', 1, text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
}

/** The plain text edits a workspace edit makes to `uri`, in either of the two shapes. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'the action has no edit');
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    assert.ok(TextDocumentEdit.is(change), 'only text document edits are expected');
    if (change.textDocument.uri !== uri) continue;
    for (const one of change.edits) {
      assert.ok('newText' in one, 'a snippet edit was sent to a client without snippetEditSupport');
      edits.push({ range: one.range, newText: one.newText });
    }
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return edits;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///a.yaml', 'yaml', 1, text), edits);
}

function actionsOnly(result: (CodeAction | { command: string })[] | null): CodeAction[] {
  assert.ok(result, 'codeAction returned null');
  return result.map((item) => {
    assert.ok(CodeAction.is(item), `expected code actions only, got ${JSON.stringify(item)}`);
    return item;
  });
}

function completionItems(result: CompletionItem[] | { items: CompletionItem[] } | null): CompletionItem[] {
  if (result === null) return [];
  return Array.isArray(result) ? result : result.items;
}

describe('language server over stdio', function () {
  describe('initialize, diagnostics and versions', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ settings: { bulletproof: {} } });
    });
    after(() => client?.kill());

    it('advertises incremental sync, completion, hover, symbols, folding, code actions, CodeLens, the docs command and workspace folders', () => {
      assert.deepEqual(client.initializeResult?.capabilities, {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.bulletproof'] },
        executeCommandProvider: { commands: ['bulletproof.showRuleDocs'] },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      });
      assert.equal(client.initializeResult?.serverInfo?.name, 'bulletproof');
    });

    it('publishes what the engine finds in examples/weak.resume.yaml, with the diagnostic contract', async () => {
      const uri = uriOf('weak.resume.yaml');
      await client.open(uri, WEAK_TEXT);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(WEAK_TEXT));
      assert.ok(published.diagnostics.length > 0);
      for (const diagnostic of published.diagnostics) {
        assert.equal(diagnostic.source, 'bulletproof');
        const href = diagnostic.codeDescription?.href ?? '';
        assert.match(href, /^file:\/\//);
        assert.ok(href.endsWith(`docs/rules/${String(diagnostic.code)}.md`), href);
      }
      // Pinned by hand, so a shared mistake in the engine and the expectation cannot hide.
      const date = published.diagnostics.find((d) => d.code === 'schema/invalid-date' && messageOf(d).includes('September 2019'));
      assert.deepEqual(date?.range, rangeOf(WEAK_TEXT, 'September 2019'));
      assert.equal(date?.severity, DiagnosticSeverity.Error);
    });

    it('after an incremental edit that misspells a key, publishes schema/unknown-key at that key for that version', async () => {
      const uri = uriOf('weak.resume.yaml');
      const keyRange = rangeOf(WEAK_TEXT, 'highlights:');
      const version = await client.change(uri, [
        { range: { start: keyRange.start, end: pos(keyRange.start.line, keyRange.start.character + 10) }, text: 'hilights' },
      ]);
      assert.equal(version, 2);
      const published = await client.waitForDiagnostics(uri, { version: 2 });
      const text = client.document(uri).getText();
      assert.deepEqual(published.diagnostics, expectedDiagnostics(text));
      const typo = published.diagnostics.filter((d) => d.code === 'schema/unknown-key' && d.range.start.line === keyRange.start.line);
      assert.deepEqual(
        typo.map((d) => d.range),
        [range(keyRange.start.line, keyRange.start.character, keyRange.start.line, keyRange.start.character + 'hilights'.length)],
      );
      assert.equal(published.version, 2);
    });

    it('leaves a YAML file that is not a resume alone: no diagnostics, no completion', async () => {
      const compose = uriOf('docker-compose.yml');
      await client.open(compose, 'services:\n  web:\n    image: nginx\n    portz: ["80:80"]\n');
      // A resume opened after it is checked after it: once its publish arrives, any for the compose file has too.
      const barrier = uriOf('barrier.resume.yaml');
      await client.open(barrier, 'basics:\n  name: Sam\n');
      await client.waitForDiagnostics(barrier, { version: 1 });
      const forCompose = client.publishes.filter((publish) => publish.uri === compose);
      assert.deepEqual(
        forCompose.flatMap((publish) => publish.diagnostics),
        [],
      );
      const completion = await client.request(CompletionRequest.type, { textDocument: { uri: compose }, position: pos(2, 4) });
      assert.deepEqual(completionItems(completion), []);
      await client.close(compose);
      await client.close(barrier);
    });

    it('checks any YAML file whose first line is `# bulletproof`', async () => {
      const marked = uriOf('notes.yaml');
      const text = '# bulletproof\nbasics:\n  nmae: Sam Lee\n  email: sam@example.com\n';
      await client.open(marked, text);
      const published = await client.waitForDiagnostics(marked, { version: 1 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(text));
      assert.deepEqual(
        published.diagnostics.filter((d) => d.code === 'schema/unknown-key').map((d) => d.range),
        [range(2, 2, 2, 6)],
      );
      await client.close(marked);
    });

    it('is never stale: after 20 rapid edits the last publish is for the last version and text, and versions only grow', async () => {
      const uri = uriOf('rapid.resume.yaml');
      const initial =
        'basics:\n  name: Sam Lee\n  email: sam@example.com\nwork:\n  - name: Acme\n    startDate: 2020-01\n\n    highlights:\n      - Cut p99 latency from 800 ms to 120 ms\n';
      await client.open(uri, initial);
      // Type `    endDate: Present` into the empty line, one character per change, without waiting.
      const typed = '    endDate: Present';
      assert.equal(typed.length, 20);
      const sent: Promise<number>[] = [];
      for (let i = 0; i < typed.length; i++) {
        sent.push(client.change(uri, [{ range: range(6, i, 6, i), text: typed.charAt(i) }]));
      }
      const versions = await Promise.all(sent);
      assert.deepEqual(
        versions,
        Array.from({ length: 20 }, (_, i) => i + 2),
      );
      const last = await client.waitForDiagnostics(uri, { version: 21, since: 0 });
      const finalText = client.document(uri).getText();
      assert.equal(finalText, initial.replace('\n\n', `\n${typed}\n`));
      assert.deepEqual(last.diagnostics, expectedDiagnostics(finalText));
      assert.ok(last.diagnostics.some((d) => d.code === 'schema/invalid-date'));
      // A request round trip, so a late stale publish would have arrived by now.
      await client.request(DocumentSymbolRequest.type, { textDocument: { uri } });
      const seen = client.publishes.filter((publish) => publish.uri === uri).map((publish) => publish.version ?? -1);
      assert.deepEqual(
        seen,
        [...seen].sort((a, b) => a - b),
        `versions out of order: ${seen.join(', ')}`,
      );
      assert.equal(seen[seen.length - 1], 21);
      await client.close(uri);
    });

    it('drops superseded work: a burst of edits publishes each version at most once', async () => {
      // Sent before the server has its settings for this document, so every
      // check started for an older version finds a newer one when they arrive.
      const uri = uriOf('burst.resume.yaml');
      await client.open(uri, 'basics:\n  name: Sam Lee\n');
      const sent: Promise<number>[] = [];
      for (let i = 0; i < 20; i++) sent.push(client.change(uri, [{ range: range(1, 8, 1, 8), text: 'x' }]));
      await Promise.all(sent);
      await client.waitForDiagnostics(uri, { version: 21, since: 0 });
      await client.request(DocumentSymbolRequest.type, { textDocument: { uri } });
      const seen = client.publishes.filter((publish) => publish.uri === uri).map((publish) => publish.version);
      assert.deepEqual(seen, [...new Set(seen)], `versions published more than once: ${seen.join(', ')}`);
      await client.close(uri);
    });

    it('clears diagnostics when a document is closed', async () => {
      const uri = uriOf('weak.resume.yaml');
      const mark = client.mark();
      await client.close(uri);
      const published = await client.waitForDiagnostics(uri, { since: mark });
      assert.deepEqual(published.diagnostics, []);
    });

    it('ends with exit code 0 after shutdown and exit', async () => {
      assert.equal(await client.shutdown(), 0);
    });
  });

  describe('completion, hover, symbols and folding', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ settings: { bulletproof: {} } });
    });
    after(() => stop(client));

    /** Key completions only: templates (snippets) may come first where they fit. */
    const keysIn = (items: CompletionItem[]) => items.filter((item) => item.kind === CompletionItemKind.Property);

    async function complete(name: string, source: string): Promise<{ items: CompletionItem[]; position: Position }> {
      const { text, position } = withCursor(source);
      const uri = uriOf(name);
      await client.open(uri, text);
      const items = completionItems(await client.request(CompletionRequest.type, { textDocument: { uri }, position }));
      await client.close(uri);
      return { items, position };
    }

    const workKeys = () => Object.keys(SCHEMA.definitions.workEntry.properties);

    it('completes the keys a work entry may still have, with snippets indented under the key', async () => {
      const { items, position } = await complete(
        'complete-work.resume.yaml',
        'basics:\n  name: Sam\nwork:\n  - name: Acme\n    startDate: 2020-01\n    |\n    summary: Payments\n',
      );
      assert.deepEqual(
        keysIn(items).map((item) => item.label),
        workKeys().filter((key) => !['name', 'startDate', 'summary'].includes(key)),
      );
      assert.ok(items.some((item) => item.label === 'position'));
      const highlights = items.find((item) => item.label === 'highlights');
      assert.deepEqual(highlights?.textEdit, { range: { start: position, end: position }, newText: 'highlights:\n      - $0' });
      assert.equal(highlights?.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(highlights?.kind, CompletionItemKind.Property);
      const positionItem = items.find((item) => item.label === 'position');
      assert.deepEqual(positionItem?.textEdit, { range: { start: position, end: position }, newText: 'position: $0' });
    });

    it('replaces the partial key being typed', async () => {
      const { items, position } = await complete('complete-prefix.resume.yaml', 'work:\n  - name: Acme\n    hi|\n');
      const highlights = items.find((item) => item.label === 'highlights');
      assert.deepEqual(highlights?.textEdit, { range: { start: pos(2, 4), end: position }, newText: 'highlights:\n      - $0' });
    });

    it('completes top-level sections not yet in the file', async () => {
      const { items } = await complete('complete-top.resume.yaml', 'basics:\n  name: Sam\n|\nskills: []\n');
      assert.deepEqual(
        keysIn(items).map((item) => item.label),
        Object.keys(SCHEMA.properties).filter((key) => !['basics', 'skills'].includes(key)),
      );
      assert.deepEqual(items.find((item) => item.label === 'work')?.textEdit, { range: range(2, 0, 2, 0), newText: 'work:\n  - $0' });
    });

    it('offers the schema examples as values for languages[].fluency', async () => {
      const { items, position } = await complete('complete-fluency.resume.yaml', 'languages:\n  - language: Dutch\n    fluency: Fl|\n');
      const fluency = SCHEMA.definitions.language.properties.fluency;
      assert.deepEqual(
        items.map((item) => item.label),
        fluency.examples,
      );
      for (const item of items) {
        assert.equal(item.kind, CompletionItemKind.Value);
        assert.deepEqual(item.textEdit, { range: { start: pos(2, 13), end: position }, newText: item.label });
      }
    });

    it('shows the schema description when hovering a key', async () => {
      const uri = uriOf('hover.resume.yaml');
      const text = 'work:\n  - name: Acme\n    highlights:\n      - Cut p99 latency from 800 ms to 120 ms\n';
      await client.open(uri, text);
      const hover = await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(2, 7) });
      const description = SCHEMA.definitions.workEntry.properties.highlights.markdownDescription;
      assert.ok(description);
      assert.deepEqual(hover, {
        contents: { kind: 'markdown', value: `\`work[0].highlights\`\n\n${description}` },
        range: range(2, 4, 2, 14),
      });
      // On a bullet: what its numbers were read as.
      assert.deepEqual(await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(3, 12) }), {
        contents: { kind: 'markdown', value: '**Numbers in this bullet:** p99 — latency; 800 ms to 120 ms — latency' },
        range: range(3, 8, 3, 45),
      });
      // A value that is neither a key nor a bullet: nothing to say.
      assert.equal(await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(1, 13) }), null);
      await client.close(uri);
    });

    const OUTLINED = [
      'basics:', //                                       0
      '  name: Sam Lee', //                               1
      '  email: sam@example.com', //                      2
      'work:', //                                         3
      '  - name: Acme Payments', //                       4
      '    position: Backend Engineer', //                5
      '    highlights:', //                               6
      '      - Cut p99 latency from 800 ms to 120 ms', // 7
      '  - company: Globex', //                           8
      '    position: Developer', //                       9
      '    startDate: 2018-01', //                        10
      '', //                                              11
      'skills:', //                                       12
      '  - name: Go', //                                  13
      '', //                                              14
    ].join('\n');

    it('outlines Basics and Work with entries named "Company — Position"', async () => {
      const uri = uriOf('outline.resume.yaml');
      await client.open(uri, OUTLINED);
      const symbols = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      await client.close(uri);
      const entry = (name: string, r: Range): DocumentSymbol => ({
        name,
        kind: SymbolKind.Object,
        range: r,
        selectionRange: r,
        children: [],
      });
      assert.deepEqual(symbols, [
        {
          name: 'Basics',
          detail: 'Sam Lee',
          kind: SymbolKind.Module,
          range: range(0, 0, 3, 0),
          selectionRange: range(0, 0, 0, 6),
          children: [],
        },
        {
          name: 'Work',
          kind: SymbolKind.Module,
          range: range(3, 0, 11, 0),
          selectionRange: range(3, 0, 3, 4),
          children: [entry('Acme Payments — Backend Engineer', range(4, 4, 8, 0)), entry('Globex — Developer', range(8, 4, 11, 0))],
        },
        {
          name: 'Skills',
          kind: SymbolKind.Module,
          range: range(12, 0, 14, 0),
          selectionRange: range(12, 0, 12, 6),
          children: [entry('Go', range(13, 4, 14, 0))],
        },
      ]);
    });

    async function foldsOf(text: string): Promise<number[][]> {
      const uri = uriOf('folding.resume.yaml');
      await client.open(uri, text);
      const folds = await client.request(FoldingRangeRequest.type, { textDocument: { uri } });
      await client.close(uri);
      return (folds ?? []).map((fold): [number, number] => [fold.startLine, fold.endLine]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    }

    it('never returns two folding ranges that start on the same line', async () => {
      // An editor keeps one range per start line: a second one hides the first.
      const starts = (await foldsOf(OUTLINED)).map(([start]) => start);
      assert.deepEqual(starts, [...new Set(starts)], `ranges share a start line: ${starts.join(', ')}`);
    });

    it('folds each section, entry and list from its key to its own last line', async () => {
      assert.deepEqual(await foldsOf(OUTLINED), [
        [0, 2], // basics
        [3, 10], // work
        [4, 7], // Acme Payments
        [6, 7], // its highlights
        [8, 10], // Globex
        [12, 13], // skills
      ]);
    });
  });

  describe('code actions and commands', () => {
    let client: LspClient;
    /** Started only when some rule offers a snippet fix on the example. */
    let snippetClient: LspClient | undefined;
    let diagnostics: Diagnostic[];
    const uri = uriOf('actions/weak.resume.yaml');
    const snippetFinding = lint(WEAK_TEXT).findings.find((finding) => finding.fixes.some((fix) => fix.edits.some((edit) => edit.snippet)));
    before(async () => {
      [client, snippetClient] = await Promise.all([
        LspClient.start({ settings: { bulletproof: {} }, showDocument: true }),
        snippetFinding ? LspClient.start({ settings: { bulletproof: {} }, snippetEditSupport: true }) : undefined,
      ]);
      await client.open(uri, WEAK_TEXT);
      diagnostics = (await client.waitForDiagnostics(uri, { version: 1 })).diagnostics;
    });
    after(async () => {
      await stop(snippetClient);
      await stop(client);
    });

    function actionsAt(at: Range, only?: string[]): Promise<CodeAction[]> {
      const params: CodeActionParams = {
        textDocument: { uri },
        range: at,
        context: { diagnostics: diagnostics.filter((d) => d.range.start.line <= at.end.line && d.range.end.line >= at.start.line), only },
      };
      return client.request(CodeActionRequest.type, params).then(actionsOnly);
    }

    it('offers the date quick fix: `September 2019` becomes `2019-09`', async () => {
      const at = rangeOf(WEAK_TEXT, 'September 2019');
      const actions = await actionsAt(at);
      const fix = actions.find((action) => action.title === 'Change to `2019-09`');
      assert.ok(fix, `no date fix among ${actions.map((a) => a.title).join(', ')}`);
      assert.equal(fix.kind, CodeActionKind.QuickFix);
      assert.equal(fix.isPreferred, true);
      assert.deepEqual(
        fix.diagnostics,
        diagnostics.filter((d) => d.code === 'schema/invalid-date' && d.range.start.line === at.start.line),
      );
      assert.deepEqual(
        fix.edit?.documentChanges?.map((change) => TextDocumentEdit.is(change) && change.textDocument),
        [{ uri, version: 1 }],
      );
      assert.deepEqual(editsFor(fix.edit, uri), [{ range: at, newText: '2019-09' }]);
      const fixed = apply(WEAK_TEXT, editsFor(fix.edit, uri));
      assert.equal(fixed, WEAK_TEXT.replace('startDate: September 2019', 'startDate: 2019-09'));
    });

    it('"Disable … for this line" inserts the directive above the line, at the key\'s indentation, and silences only that finding', async () => {
      const at = rangeOf(WEAK_TEXT, 'September 2019');
      const actions = await actionsAt(at);
      const disable = actions.find((action) => action.title === 'Disable `schema/invalid-date` for this line');
      assert.ok(disable);
      assert.equal(disable.kind, CodeActionKind.QuickFix);
      assert.deepEqual(editsFor(disable.edit, uri), [
        { range: range(at.start.line, 0, at.start.line, 0), newText: '    # bulletproof-disable-next-line schema/invalid-date\n' },
      ]);
      const fixed = apply(WEAK_TEXT, editsFor(disable.edit, uri));
      const before = lint(WEAK_TEXT)
        .findings.filter((f) => f.ruleId === 'schema/invalid-date')
        .map((f) => f.message);
      const after = lint(fixed)
        .findings.filter((f) => f.ruleId === 'schema/invalid-date')
        .map((f) => f.message);
      assert.deepEqual(
        after,
        before.filter((message) => !message.includes('September 2019')),
      );
      assert.equal(lint(fixed).findings.filter((f) => f.ruleId.startsWith('yaml/')).length, 0);
    });

    it('"Disable … for this line" on a sequence item indents the directive to the item\'s key', async () => {
      const at = rangeOf(WEAK_TEXT, 'company');
      const actions = await actionsAt(at);
      const disable = actions.find((action) => action.title === 'Disable `schema/unknown-key` for this line');
      assert.ok(disable);
      assert.deepEqual(editsFor(disable.edit, uri), [
        { range: range(at.start.line, 0, at.start.line, 0), newText: '    # bulletproof-disable-next-line schema/unknown-key\n' },
      ]);
      const fixed = apply(WEAK_TEXT, editsFor(disable.edit, uri));
      assert.equal(lint(fixed).findings.filter((f) => f.ruleId === 'schema/unknown-key' && f.message.includes('`company`')).length, 0);
      assert.equal(lint(fixed).findings.length, lint(WEAK_TEXT).findings.length - 1);
    });

    it('source.fixAll.bulletproof applies the safe fixes only', async () => {
      const whole = range(0, 0, client.document(uri).lineCount, 0);
      const actions = await actionsAt(whole, ['source.fixAll.bulletproof']);
      assert.deepEqual(
        actions.map((action) => [action.title, action.kind]),
        [['Fix all safe Bulletproof problems', 'source.fixAll.bulletproof']],
      );
      const edits = editsFor(actions[0]?.edit, uri);
      const document = client.document(uri);
      const safe = nonOverlapping(lint(WEAK_TEXT).findings.flatMap((finding) => finding.fixes.filter((fix) => fix.safe)));
      assert.deepEqual(
        edits,
        safe.map((edit) => ({
          range: { start: document.positionAt(edit.range.start), end: document.positionAt(edit.range.end) },
          newText: edit.newText,
        })),
      );
      assert.ok(edits.some((edit) => edit.newText === '2019-09'));
      // Old JSON Resume names have one right new name: renamed.
      assert.ok(edits.some((edit) => edit.newText === 'url') && edits.some((edit) => edit.newText === 'name'), JSON.stringify(edits));
      const fixed = apply(WEAK_TEXT, edits);
      assert.ok(fixed.includes('    startDate: 2019-09\n') && !fixed.includes('endDate: Present') && fixed.includes('score: "3.6"'));
      // Suggestions (deleting a word, a rewrite) are never part of it.
      assert.ok(
        fixed.includes('      - Successfully delivered several features\n') && fixed.includes('      - Responsible for the payments API\n'),
      );
      const left = lint(fixed).findings;
      assert.deepEqual(
        left.filter((finding) => ['schema/invalid-date', 'schema/wrong-type', 'yaml/syntax'].includes(finding.ruleId)),
        [],
      );
      assert.ok(!left.some((finding) => finding.ruleId === 'schema/unknown-key' && finding.message.includes('`website`')));
    });

    it('respects context.only', async () => {
      const at = rangeOf(WEAK_TEXT, 'September 2019');
      const quickFixes = await actionsAt(at, [CodeActionKind.QuickFix]);
      assert.ok(quickFixes.length > 0);
      assert.deepEqual([...new Set(quickFixes.map((action) => action.kind))], [CodeActionKind.QuickFix]);
      const source = await actionsAt(at, [CodeActionKind.Source]);
      assert.deepEqual(
        source.map((action) => action.kind),
        ['source.fixAll.bulletproof'],
      );
      const fixAll = await actionsAt(at, [CodeActionKind.SourceFixAll]);
      assert.deepEqual(
        fixAll.map((action) => action.kind),
        ['source.fixAll.bulletproof'],
      );
      assert.deepEqual(await actionsAt(at, [CodeActionKind.Refactor]), []);
      assert.deepEqual(await actionsAt(at, ['source.fixAll.eslint']), []);
    });

    it("bulletproof.showRuleDocs asks the client to show the rule's doc page", async () => {
      const before = client.shownDocuments.length;
      const result: unknown = await client.request(ExecuteCommandRequest.type, {
        command: 'bulletproof.showRuleDocs',
        arguments: ['schema/invalid-date'],
      });
      assert.equal(result, null);
      assert.deepEqual(client.shownDocuments.slice(before), [{ uri: docsHref('schema/invalid-date'), takeFocus: true }]);
      assert.ok(fs.existsSync(fileURLToPath(docsHref('schema/invalid-date'))), 'the doc page the server points to is missing');
    });

    it('sends snippet edits only to clients that support them', async function () {
      if (!snippetFinding || !snippetClient) this.skip(); // no registered rule offers a snippet fix on this example yet
      const document = client.document(uri);
      const at = { start: document.positionAt(snippetFinding.range.start), end: document.positionAt(snippetFinding.range.end) };
      const fix = snippetFinding.fixes.find((candidate) => candidate.edits.some((edit) => edit.snippet));
      assert.ok(fix);
      // Without support: plain text, tab stops reduced to their placeholders.
      const plain = (await actionsAt(at, [CodeActionKind.QuickFix])).find((action) => action.title === fix.title);
      assert.ok(plain);
      for (const edit of editsFor(plain.edit, uri)) assert.doesNotMatch(edit.newText, /\$\{\d+:/);
      // With support: the engine's snippet, as a snippet edit.
      await snippetClient.open(uri, WEAK_TEXT);
      await snippetClient.waitForDiagnostics(uri, { version: 1 });
      const result = actionsOnly(
        await snippetClient.request(CodeActionRequest.type, {
          textDocument: { uri },
          range: at,
          context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
        }),
      );
      const change = result.find((action) => action.title === fix.title)?.edit?.documentChanges?.[0];
      assert.ok(change && TextDocumentEdit.is(change));
      assert.deepEqual(
        change.edits,
        fix.edits.map((edit) => {
          const editRange = { start: document.positionAt(edit.range.start), end: document.positionAt(edit.range.end) };
          return edit.snippet
            ? { range: editRange, snippet: { kind: 'snippet', value: edit.newText } }
            : { range: editRange, newText: edit.newText };
        }),
      );
    });
  });

  describe('settings', () => {
    let client: LspClient;
    let withConfig: string;
    let withoutConfig: string;
    before(async () => {
      withConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-config-'));
      withoutConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-noconfig-'));
      fs.writeFileSync(path.join(withConfig, '.bulletproof.yaml'), 'rules:\n  completeness: off\n');
      client = await LspClient.start({
        settings: { bulletproof: { rules: { completeness: 'error' } } },
        workspaceFolders: [
          { uri: pathToFileURL(withConfig).href, name: 'with-config' },
          { uri: pathToFileURL(withoutConfig).href, name: 'without-config' },
        ],
      });
    });
    after(async () => {
      await stop(client);
      fs.rmSync(withConfig, { recursive: true, force: true });
      fs.rmSync(withoutConfig, { recursive: true, force: true });
    });

    // No name, no contact: `completeness` has something to say.
    const INCOMPLETE =
      'basics:\n  label: Backend Engineer\nwork:\n  - name: Acme\n    highlights:\n      - Cut p99 latency from 800 ms to 120 ms\n';

    it('a .bulletproof.yaml in the workspace folder wins over editor settings', async () => {
      const governed = pathToFileURL(path.join(withConfig, 'resume.yaml')).href;
      const free = pathToFileURL(path.join(withoutConfig, 'resume.yaml')).href;
      await client.open(governed, INCOMPLETE);
      await client.open(free, INCOMPLETE);
      const [governedPublish, freePublish] = await Promise.all([
        client.waitForDiagnostics(governed, { version: 1 }),
        client.waitForDiagnostics(free, { version: 1 }),
      ]);
      assert.deepEqual(governedPublish.diagnostics, expectedDiagnostics(INCOMPLETE, { rules: { completeness: 'off' } }));
      assert.deepEqual(
        governedPublish.diagnostics.filter((d) => d.code === 'completeness'),
        [],
      );
      // The same text beside no config file: the editor's `error` applies.
      assert.deepEqual(freePublish.diagnostics, expectedDiagnostics(INCOMPLETE, { rules: { completeness: 'error' } }));
      const completeness = freePublish.diagnostics.filter((d) => d.code === 'completeness');
      assert.equal(completeness.length, 2);
      assert.ok(completeness.every((d) => d.severity === DiagnosticSeverity.Error));
      assert.ok(client.configurationRequests.some((item) => item.scopeUri === governed && item.section === 'bulletproof'));
      await client.close(governed);
      await client.close(free);
    });

    it('turning a rule off in the editor removes its diagnostics after workspace/didChangeConfiguration', async () => {
      const uri = uriOf('settings/weak.resume.yaml');
      client.settings = { bulletproof: {} };
      await client.changeConfiguration();
      await client.open(uri, WEAK_TEXT);
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(first.diagnostics.some((d) => d.code === 'schema/unknown-key'));
      client.settings = { bulletproof: { rules: { 'schema/unknown-key': 'off' } } };
      await client.changeConfiguration();
      const second = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(second.diagnostics, expectedDiagnostics(WEAK_TEXT, { rules: { 'schema/unknown-key': 'off' } }));
      assert.deepEqual(
        second.diagnostics.filter((d) => d.code === 'schema/unknown-key'),
        [],
      );
      await client.close(uri);
    });
  });

  describe('positions', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ settings: { bulletproof: {} } });
    });
    after(() => stop(client));

    it('counts UTF-16 code units after emoji, CJK and tabs, on CRLF lines', async () => {
      const lines = [
        'basics:', //                                                 line 0
        '  name: "Zoë\t李小龙 🚀"', //                                 line 1
        '  email: "📧\tnot-an-email"', //                             line 2
        'work:', //                                                   line 3
        '  - { name: "🍣\t寿司", startDate: "2019年9月", hilightz: x }', // line 4
        '',
      ];
      const text = lines.join('\r\n');
      const uri = uriOf('crlf.resume.yaml');
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      await client.close(uri);
      const rangeOfCode = (code: string) => published.diagnostics.filter((d) => d.code === code).map((d) => d.range);

      // Line 2: `  email: ` is 9 units; the value is `"` + 📧 (a surrogate pair, 2) + tab + `not-an-email` (12) + `"` = 17.
      assert.deepEqual(rangeOfCode('schema/invalid-format'), [range(2, 9, 2, 26)]);
      // Line 4: `  - { name: "` is 13 units; 🍣 is 2 (13–14), the tab 15, 寿司 16–17, `"` 18, `, ` 19–20,
      // `startDate` 21–29, `: ` 30–31; the value `"2019年9月"` is 9 units from 32; `, ` 41–42; `hilightz` 43–50.
      assert.deepEqual(rangeOfCode('schema/invalid-date'), [range(4, 32, 4, 41)]);
      assert.deepEqual(rangeOfCode('schema/unknown-key'), [range(4, 43, 4, 51)]);
      assert.equal(published.version, 1);
    });
  });

  describe('robustness', () => {
    let client: LspClient;
    before(async () => {
      // The deeply nested file takes the engine a while; give the slow machine room.
      client = await LspClient.start({ settings: { bulletproof: {} }, timeoutMs: 10000 });
    });
    after(() => stop(client));

    /** Opens `text`, expects at least one diagnostic, then checks the server still answers. */
    async function survives(name: string, text: string): Promise<Publish> {
      const uri = uriOf(name);
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      assert.ok(published.diagnostics.length > 0, `no diagnostic for ${name}`);
      const symbols = await client.request(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      return published;
    }

    it('survives binary junk', async () => {
      let junk = '';
      let seed = 42;
      for (let i = 0; i < 4096; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        junk += String.fromCharCode(seed % 256);
      }
      const published = await survives('junk.resume.yaml', junk);
      assert.deepEqual(published.diagnostics, expectedDiagnostics(junk));
    });

    it('survives a "billion laughs" alias bomb with a yaml/limits diagnostic', async () => {
      const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const name = String.fromCharCode(97 + i);
        const previous = `*${String.fromCharCode(96 + i)}`;
        lines.push(`${name}: &${name} [${Array(9).fill(previous).join(', ')}]`);
      }
      const bomb = lines.join('\n') + '\n';
      const published = await survives('laughs.resume.yaml', bomb);
      assert.deepEqual(published.diagnostics, expectedDiagnostics(bomb));
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['yaml/limits'],
      );
    });

    it('survives a 10,000-deep nested flow sequence, and an edit to it', async () => {
      const uri = uriOf('deep.resume.yaml');
      const deep = '['.repeat(10000) + ']'.repeat(10000);
      const published = await survives('deep.resume.yaml', deep);
      assert.ok(
        published.diagnostics.some((d) => String(d.code).startsWith('yaml/')),
        JSON.stringify(published.diagnostics),
      );
      // A keystroke in the same file: the server must still be there.
      await client.change(uri, [{ range: range(0, 20000, 0, 20000), text: '\n' }]);
      const again = await client.waitForDiagnostics(uri, { version: 2 });
      assert.ok(again.diagnostics.length > 0);
      await client.request(HoverRequest.type, { textDocument: { uri }, position: pos(0, 0) });
      await client.close(uri);
    });
  });
});
