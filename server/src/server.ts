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
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsPath } from './engine/rule';
import { completionsAt, type CompletionOptions } from './engine/features/completion';
import { jsonCompletionsAt } from './engine/features/jsonCompletion';
import { completionLayoutOf } from './engine/features/completionLayout';
import { hoverAt } from './engine/features/hover';
import { foldingRanges, outline, type OutlineItem } from './engine/features/outline';
import { codeActions, configWorkspaceEdit, FIX_ALL_KIND, SHOW_DOCS_COMMAND, type EditSupport } from './lsp/codeActions';
import { configWriteFor, type SettingValue } from './node/configEdit';
import { filePathOf } from './lsp/uris';
import { configDiagnostics, toRange } from './lsp/diagnostics';
import { PublishedDiagnostics } from './lsp/published';
import { DocumentState, formatOfDocument } from './lsp/documentState';
import { Guard } from './lsp/guard';
import { OpenDocuments } from './lsp/openDocuments';
import { codeActionParams, commandParams, documentParams, isRecord, positionParams, reportParams, type Parsed } from './lsp/params';
import { GatheringMessageWriter } from './lsp/writer';
import { SettingsStore } from './lsp/settings';
import { buildReport, type ResumeReport } from './engine/report';
import { bulletId } from './engine/model';
import { allRuleMeta, type LintResult } from './linter';
import {
  CONVERT_REQUEST,
  PREVIEW_NOTIFICATION,
  REPORT_REQUEST,
  type ConvertParams,
  type ConvertResult,
  type ReportResult,
} from './protocol';
import { convertDocument, convertParams } from './lsp/convert';
import { RenderService } from './node/render/service';
import { PageChecks, registerRenderRequests, withPageFindings, type RenderHost } from './lsp/render';
import { Previews, registerPreview } from './lsp/preview';

const connection = connect();

/**
 * Over stdio (how every editor starts it), with a writer that encodes each
 * diagnostic once; other transports as the library sets them up.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new GatheringMessageWriter(process.stdout);
  // Given the stdin stream (not a reader) the library still exits when the client goes away. Its overloads
  // do not list a stream in and a writer out, but it wraps only an output that is a stream, so the writer
  // is used as it is: the cast tells the types no more than that. The writer needs nothing else from here.
  const created = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  // stdout carries the protocol: anything a dependency logs goes to the client's output instead.
  const log = (...args: unknown[]) => created.console.log(format(...args));
  console.log = console.info = console.debug = log;
  console.warn = (...args: unknown[]) => created.console.warn(format(...args));
  console.error = (...args: unknown[]) => created.console.error(format(...args));
  return created;
}

const guard = new Guard({ logError: (message) => connection.console.error(message), failed });
const documents = new OpenDocuments({
  changed: (document) => {
    state.schedule(document.uri);
    pageChecks.schedule(document.uri);
  },
  closed: (uri) => {
    forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  },
  lostSync: (uri, reason, version) => {
    connection.console.error(
      `Bulletproof lost track of ${uri}: ${reason}. Its diagnostics are cleared until the editor sends its whole text again (closing and reopening the file does).`,
    );
    forget(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
  },
  ignored: (reason) => connection.console.error(`Bulletproof ignored a notification: ${reason}.`),
});
const settings = new SettingsStore(connection);
const state = new DocumentState(documents, settings, guard, publish);

// The renderer: a child process started on the first render (`dist/renderWorker.mjs` beside this bundle).
const renderService = new RenderService({
  workerPath: process.env.BULLETPROOF_RENDER_WORKER ?? path.join(__dirname, 'renderWorker.mjs'),
  log: (line) => connection.console.warn(line),
});
const pageChecks = new PageChecks({
  service: renderService,
  document: (uri) => documents.get(uri),
  checked: (uri, version) => {
    const checked = state.current(uri);
    return checked?.version === version ? { resume: checked.result !== undefined, settings: checked.settings } : undefined;
  },
  publish: (uri) => publish(uri),
  log: (line) => connection.console.warn(line),
});
const renderHost: RenderHost = {
  service: renderService,
  document: (uri) => documents.get(uri),
  settingsFor: async (uri) => (await settings.settingsFor(uri)).settings,
};
const previews = new Previews({
  service: renderService,
  document: (uri) => documents.get(uri),
  checked: (uri, version) => {
    const checked = state.current(uri);
    return checked?.version === version ? checked : undefined;
  },
  pageFindings: (uri, version) => pageChecks.findingsFor(uri, version),
  send: (update) => void connection.sendNotification(PREVIEW_NOTIFICATION, update),
  log: (line) => connection.console.warn(line),
});
connection.onExit(() => renderService.dispose());
process.on('exit', () => renderService.dispose());

/** Settings or files a resume reads changed: check every document's text again, and its page after. */
function revalidateAll(): void {
  state.revalidateAll();
  for (const document of documents.all()) pageChecks.schedule(document.uri);
}

// The last resort behind the guard: what escapes every handler (a library's own, say) is logged, and the server goes on.
process.on('uncaughtException', (error) => lastResort(error));
process.on('unhandledRejection', (reason) => lastResort(reason));
function lastResort(error: unknown): void {
  // The client is gone (a write to a closed pipe): nothing to serve, and nowhere to say it.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') process.exit(1);
  guard.report('the server', undefined, error);
}

let snippetEditSupport = false;
let editSupport: EditSupport = { documentChanges: false, createFiles: false };
let showDocumentSupport = false;

/** Every id a diagnostic can carry, so the docs command opens those pages and nothing else. */
const KNOWN_RULE_IDS = new Set(allRuleMeta().map((meta) => meta.id));

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

connection.onInitialize((params): InitializeResult => {
  guard.run(
    'initialize',
    undefined,
    () => {
      settings.initialize(params);
      const workspaceEdit = params.capabilities?.workspace?.workspaceEdit;
      snippetEditSupport = workspaceEdit?.snippetEditSupport === true;
      editSupport = {
        documentChanges: workspaceEdit?.documentChanges === true,
        createFiles: Array.isArray(workspaceEdit?.resourceOperations) && workspaceEdit.resourceOperations.includes('create'),
      };
      showDocumentSupport = params.capabilities?.window?.showDocument?.support === true;
    },
    undefined,
  );
  // Ours, not the library's (set up just before this runs): that one reads `params.event` unchecked.
  connection.onNotification(
    DidChangeWorkspaceFoldersNotification.type,
    guard.notification('workspace/didChangeWorkspaceFolders', (raw) => {
      if (settings.foldersChanged(raw)) revalidateAll();
    }),
  );
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
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'bulletproof', version: VERSION },
  };
});

connection.onInitialized(
  guard.notification('initialized', () => {
    // Only when the client offers it: eglot warns about every registration it did not.
    if (settings.canPullConfiguration && settings.canRegisterConfigurationChange) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'bulletproof' })
        .catch((error: unknown) => connection.console.warn(`The client refused to register for configuration changes: ${String(error)}`));
    }
  }),
);

connection.onDidChangeConfiguration(
  guard.notification('workspace/didChangeConfiguration', (raw) => {
    settings.changed(isRecord(raw) ? raw.settings : undefined);
    revalidateAll();
  }),
);

// A `.bulletproof.yaml` changed on disk (the client watches them).
connection.onDidChangeWatchedFiles(
  guard.notification('workspace/didChangeWatchedFiles', () => {
    settings.changed();
    revalidateAll();
  }),
);

connection.onDidOpenTextDocument(guard.notification('textDocument/didOpen', (raw) => documents.open(raw)));
connection.onDidChangeTextDocument(guard.notification('textDocument/didChange', (raw) => documents.change(raw)));
connection.onDidCloseTextDocument(guard.notification('textDocument/didClose', (raw) => documents.close(raw)));

const published = new PublishedDiagnostics(docsUri);

/** A failure the guard reported, per document: shown beside its findings until the next version is checked. */
const failures = new Map<string, { version: number; diagnostic: Diagnostic }>();

function failed(uri: string, diagnostic: Diagnostic): void {
  const document = documents.get(uri);
  if (!document) return;
  failures.set(uri, { version: document.version, diagnostic });
  publish(uri);
}

function forget(uri: string): void {
  state.forget(uri);
  pageChecks.forget(uri);
  previews.forget(uri);
  published.forget(uri);
  failures.delete(uri);
  guard.forget(uri);
}

function publish(uri: string): void {
  const document = documents.get(uri);
  if (!document) return;
  const checked = state.current(uri);
  // A check that failed left no result for this version: the findings of an older text would be in the wrong places.
  const findings = checked?.version === document.version ? (checked.result?.findings ?? []) : [];
  const page = pageChecks.findingsFor(uri, document.version);
  let diagnostics = checked?.configProblems
    ? configDiagnostics(document, checked.configProblems)
    : published.publish(document, withPageFindings(findings, page));
  const failure = failures.get(uri);
  if (failure && failure.version === document.version) diagnostics = [...diagnostics, failure.diagnostic];
  else failures.delete(uri);
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  previews.published(uri);
}

interface Resume {
  document: TextDocument;
  result: LintResult;
}

/** The document and its current result, when it is open, known and a resume. */
function resumeOf(uri: string): Resume | undefined {
  const document = documents.get(uri);
  const result = document && state.resultFor(document);
  return document && result ? { document, result } : undefined;
}

const uriOfDocument = (params: { textDocument: { uri: string } }) => params.textDocument.uri;

/** A request about one document, behind the guard: answered from its result when it is an open resume, else `empty`. */
function resumeRequest<P, R>(
  method: string,
  parse: (raw: unknown) => Parsed<P>,
  uriOf: (params: P) => string,
  empty: R,
  answer: (resume: Resume, params: P) => R,
) {
  return guard.request(
    method,
    parse,
    uriOf,
    (params) => {
      const resume = resumeOf(uriOf(params));
      return resume ? answer(resume, params) : empty;
    },
    empty,
  );
}

connection.onCodeAction(
  resumeRequest('textDocument/codeAction', codeActionParams, uriOfDocument, [] as CodeAction[], ({ document, result }, params) =>
    codeActions(document, result, params, {
      snippetSupport: snippetEditSupport,
      showDocs: showDocumentSupport,
      settingsEdit: (changes) => settingsEdit(document.uri, changes),
    }),
  ),
);

/** A fix's settings written into the config file the resume is checked with; none for a resume with no local path. */
function settingsEdit(uri: string, changes: readonly SettingValue[]): WorkspaceEdit | undefined {
  const resumePath = filePathOf(uri);
  if (resumePath === undefined) return undefined;
  // An open config file is edited as the editor has it, saved or not.
  const openAt = (file: string) => documents.all().find((open) => filePathOf(open.uri) === file);
  const write = configWriteFor(resumePath, settings.rootOf(resumePath), changes, (file) => openAt(file)?.getText());
  if (!write) return undefined;
  const open = openAt(write.path);
  return configWorkspaceEdit(write, open?.uri ?? pathToFileURL(write.path).toString(), editSupport, open?.version ?? null);
}

connection.onExecuteCommand(
  guard.request(
    'workspace/executeCommand',
    commandParams,
    () => undefined,
    async (params) => {
      if (params.command !== SHOW_DOCS_COMMAND) return invalidParams(`unknown command ${JSON.stringify(params.command)}`);
      const ruleId = params.arguments[0];
      // Only a known rule id becomes a path: anything else (`../../etc/passwd`) is refused.
      if (typeof ruleId !== 'string' || !KNOWN_RULE_IDS.has(ruleId))
        return invalidParams(`${JSON.stringify(ruleId) ?? 'nothing'} is not a Bulletproof rule id`);
      const uri = docsUri(ruleId);
      if (showDocumentSupport) {
        await connection.window.showDocument({ uri, takeFocus: true });
        return null;
      }
      // No showDocument (Neovim 0.7): a message would be a prompt in the way. The log and the answer carry the link.
      connection.console.info(`Documentation for ${ruleId}: ${uri}`);
      return uri;
    },
    null,
  ),
);

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

const COMPLETION_KINDS = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
} as const;

connection.onCompletion(
  guard.request(
    'textDocument/completion',
    positionParams,
    uriOfDocument,
    (params): CompletionItem[] => {
      const document = documents.get(params.textDocument.uri);
      if (!document || !state.isResume(document)) return [];
      const offset = document.offsetAt(params.position);
      const text = document.getText();
      // The layout as the last reading says (the file name, when the text is empty or broken), or JSON Resume.
      const model = state.resultFor(document)?.model;
      const options: CompletionOptions = model ? completionLayoutOf(model) : {};
      const entries =
        formatOfDocument(document) === 'json'
          ? jsonCompletionsAt(text, offset, options.layout, model)
          : completionsAt(text, offset, options);
      return entries.map((entry) => ({
        label: entry.label,
        kind: COMPLETION_KINDS[entry.kind],
        detail: entry.detail,
        documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: toRange(document, entry.replace), newText: entry.insertText },
        filterText: entry.filterText,
        sortText: entry.sortText,
      }));
    },
    [],
  ),
);

connection.onHover(
  resumeRequest('textDocument/hover', positionParams, uriOfDocument, null as Hover | null, ({ document, result }, params) => {
    const hover = hoverAt(result.model, document.offsetAt(params.position));
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.range) };
  }),
);

connection.onDocumentSymbol(
  resumeRequest('textDocument/documentSymbol', documentParams, uriOfDocument, [] as DocumentSymbol[], ({ document, result }) => {
    const toSymbol = (item: OutlineItem): DocumentSymbol => ({
      name: item.name,
      detail: item.detail,
      kind: item.kind === 'section' ? SymbolKind.Module : SymbolKind.Object,
      range: toRange(document, item.range),
      selectionRange: toRange(document, item.selectionRange),
      children: item.children.map(toSymbol),
    });
    return outline(result.model).map(toSymbol);
  }),
);

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

connection.onRequest(
  REPORT_REQUEST,
  resumeRequest(
    'bulletproof/report',
    reportParams,
    (params) => params.uri,
    null as ReportResult | null,
    ({ document, result }) => {
      const report = reportOf(result);
      const lineOf = (offset: number) => document.positionAt(offset).line;
      return {
        uri: document.uri,
        version: document.version,
        report,
        roleLines: Object.fromEntries(report.roles.map((role) => [role.path, lineOf(role.range.start)])),
        bulletLines: Object.fromEntries(result.model.bullets.map((bullet) => [bulletId(bullet), lineOf(bullet.range.start)])),
      };
    },
  ),
);

/** Above each role: "4/5 quantified · 1 weak opening". */
connection.onCodeLens(
  resumeRequest('textDocument/codeLens', documentParams, uriOfDocument, [] as CodeLens[], ({ document, result }) =>
    reportOf(result).roles.flatMap((role) => {
      if (role.bullets === 0) return [];
      const weak = role.findings['weak-opening'] ?? 0;
      const title = `${role.quantified}/${role.bullets} quantified${weak ? ` · ${weak} weak opening${weak === 1 ? '' : 's'}` : ''}`;
      const line = document.positionAt(role.range.start).line;
      return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title, command: '' } }];
    }),
  ),
);

connection.onFoldingRanges(
  resumeRequest('textDocument/foldingRange', documentParams, uriOfDocument, [] as FoldingRange[], ({ document, result }) =>
    foldingRanges(result.model)
      .map((range) => {
        const end = document.positionAt(range.end);
        // A block node's range ends at the start of the next line: fold to the line before.
        return { startLine: document.positionAt(range.start).line, endLine: end.character === 0 ? end.line - 1 : end.line };
      })
      .filter((range) => range.endLine > range.startLine),
  ),
);

connection.onRequest<ConvertResult, void>(
  CONVERT_REQUEST,
  guard.request<ConvertParams, ConvertResult>(
    CONVERT_REQUEST,
    convertParams,
    (params) => params.uri,
    (params) => convertDocument(params, documents.get(params.uri)),
    { ok: false, message: 'Bulletproof failed to convert this resume; details are in the Bulletproof output.' },
  ),
);

registerRenderRequests(connection, guard, renderHost);
registerPreview(connection, guard, previews);

declare const VERSION: string;

connection.listen();
