/**
 * The language server: the LSP adapter around the engine. It reads
 * settings, decides which documents are resumes, calls the engine and
 * translates findings, completions and outlines into the protocol.
 */
import * as path from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DidChangeConfigurationNotification,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docsPath } from './engine/rule';
import { completionsAt } from './engine/features/completion';
import { hoverAt } from './engine/features/hover';
import { foldingRanges, outline, type OutlineItem } from './engine/features/outline';
import { codeActions, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './lsp/codeActions';
import { toRange } from './lsp/diagnostics';
import { PublishedDiagnostics } from './lsp/published';
import { DocumentState } from './lsp/documentState';
import { GatheringMessageWriter } from './lsp/writer';
import { SettingsStore } from './lsp/settings';
import { buildReport, type ResumeReport } from './engine/report';
import type { LintResult } from './engine/lint';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from './protocol';

const connection = connect();

/**
 * Over stdio (how every editor starts it), with a writer that encodes each
 * diagnostic once; other transports as the library sets them up.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new GatheringMessageWriter(process.stdout);
  // Given the stdin stream (not a reader) the library still exits when the client goes away.
  const created = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  // stdout carries the protocol: anything a dependency logs goes to the client's output instead.
  const log = (...args: unknown[]) => created.console.log(format(...args));
  console.log = console.info = console.debug = log;
  console.warn = (...args: unknown[]) => created.console.warn(format(...args));
  console.error = (...args: unknown[]) => created.console.error(format(...args));
  return created;
}
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const state = new DocumentState(documents, settings, publish);

let snippetEditSupport = false;
let showDocumentSupport = false;

/** The rule docs ship beside the bundle: `dist/server.js` → `docs/rules/<id>.md`. Every diagnostic links one: built once per rule. */
const docsUris = new Map<string, string>();
function docsUri(ruleId: string): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(__dirname, '..', docsPath(ruleId))).toString();
    docsUris.set(ruleId, uri);
  }
  return uri;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  settings.initialize(params);
  snippetEditSupport = params.capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
  showDocumentSupport = params.capabilities.window?.showDocument?.support === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [SHOW_DOCS_COMMAND] },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'bulletproof', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (settings.canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulletproof' });
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  state.revalidateAll();
});

// A `.bulletproof.yaml` changed on disk (the client watches them).
connection.onDidChangeWatchedFiles(() => {
  settings.changed();
  state.revalidateAll();
});

documents.onDidOpen((event) => state.schedule(event.document.uri));
documents.onDidChangeContent((event) => state.schedule(event.document.uri));
documents.onDidClose((event) => {
  state.forget(event.document.uri);
  published.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

const published = new PublishedDiagnostics(docsUri);

function publish(uri: string): void {
  const checked = state.current(uri);
  const document = documents.get(uri);
  if (!checked || !document) return;
  const diagnostics = published.publish(document, checked.result?.findings ?? []);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return [];
  return codeActions(document, result, params, { snippetSupport: snippetEditSupport });
});

connection.onExecuteCommand(async (params) => {
  if (params.command !== SHOW_DOCS_COMMAND) return;
  const ruleId = params.arguments?.[0];
  if (typeof ruleId !== 'string') return;
  if (showDocumentSupport) await connection.window.showDocument({ uri: docsUri(ruleId), takeFocus: true });
  else connection.window.showInformationMessage(`Documentation for ${ruleId}: ${docsUri(ruleId)}`);
});

const COMPLETION_KINDS = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
} as const;

connection.onCompletion((params): CompletionItem[] => {
  const document = documents.get(params.textDocument.uri);
  if (!document || !state.isResume(document)) return [];
  const offset = document.offsetAt(params.position);
  return completionsAt(document.getText(), offset).map((entry) => ({
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(document, entry.replace), newText: entry.insertText },
    filterText: entry.filterText,
    sortText: entry.sortText,
  }));
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return null;
  const hover = hoverAt(result.model, document.offsetAt(params.position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.range) };
});

connection.onDocumentSymbol((params): DocumentSymbol[] => {
  const document = documents.get(params.textDocument.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return [];
  const toSymbol = (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    detail: item.detail,
    kind: item.kind === 'section' ? SymbolKind.Module : SymbolKind.Object,
    range: toRange(document, item.range),
    selectionRange: toRange(document, item.selectionRange),
    children: item.children.map(toSymbol),
  });
  return outline(result.model).map(toSymbol);
});

/** The status bar, the report view and CodeLens all ask after each edit: build it once per result. */
const reports = new WeakMap<LintResult, ResumeReport>();
function reportOf(result: LintResult): ResumeReport {
  let report = reports.get(result);
  if (!report) {
    report = buildReport(result, result.posting);
    reports.set(result, report);
  }
  return report;
}

connection.onRequest(REPORT_REQUEST, (params: ReportParams): ReportResult | null => {
  const document = documents.get(params.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return null;
  const report = reportOf(result);
  const lineOf = (offset: number) => document.positionAt(offset).line;
  return {
    uri: document.uri,
    version: document.version,
    report,
    roleLines: Object.fromEntries(report.roles.map((role) => [role.path, lineOf(role.range.start)])),
    bulletLines: Object.fromEntries(result.model.bullets.map((bullet) => [bullet.path, lineOf(bullet.range.start)])),
  };
});

/** Above each role: "4/5 quantified · 1 weak opening". */
connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return [];
  return reportOf(result).roles.flatMap((role) => {
    if (role.bullets === 0) return [];
    const weak = role.findings['weak-opening'] ?? 0;
    const title = `${role.quantified}/${role.bullets} quantified${weak ? ` · ${weak} weak opening${weak === 1 ? '' : 's'}` : ''}`;
    const line = document.positionAt(role.range.start).line;
    return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } }];
  });
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  const result = document && state.resultFor(document);
  if (!document || !result) return [];
  return foldingRanges(result.model)
    .map((range) => {
      const end = document.positionAt(range.end);
      // A block node's range ends at the start of the next line: fold to the line before.
      return { startLine: document.positionAt(range.start).line, endLine: end.character === 0 ? end.line - 1 : end.line };
    })
    .filter((range) => range.endLine > range.startLine);
});

declare const VERSION: string;

documents.listen(connection);
connection.listen();
