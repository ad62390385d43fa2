/**
 * The language server's handlers: settings, which documents are resumes,
 * diagnostics, code actions, completion, hover, outline, folding, CodeLens,
 * the report and convert. No file system and no Node: the host (`host.ts`)
 * places files and reads config files, so the same handlers run in a Node
 * process (`server.ts`) and in a browser's web worker (`browserServer.ts`).
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  InsertTextFormat,
  MarkupKind,
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
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, type CompletionOptions } from '../engine/features/completion';
import { jsonCompletionsAt } from '../engine/features/jsonCompletion';
import { completionLayoutOf } from '../engine/features/completionLayout';
import { hoverAt } from '../engine/features/hover';
import { foldingRanges, outline, type OutlineItem } from '../engine/features/outline';
import { buildReport, type ResumeReport } from '../engine/report';
import { bulletId } from '../engine/model';
import type { Finding } from '../engine/types';
import { allRuleMeta, type LintResult } from '../linter';
import { CONVERT_REQUEST, REPORT_REQUEST, type ConvertParams, type ConvertResult, type ReportResult } from '../protocol';
import { codeActions, FIX_ALL_KIND, SHOW_DOCS_COMMAND, type EditSupport } from './codeActions';
import { configDiagnostics, toRange } from './diagnostics';
import { PublishedDiagnostics } from './published';
import { DocumentState, formatOfDocument } from './documentState';
import { Guard } from './guard';
import { OpenDocuments } from './openDocuments';
import { codeActionParams, commandParams, documentParams, isRecord, positionParams, reportParams, type Parsed } from './params';
import { SettingsStore } from './settings';
import { convertDocument, convertParams } from './convert';
import type { ServerHost } from './host';

/** What the Node entry adds: the page checks after a check of the text, and the preview. */
export interface PageHooks {
  /** A document's text changed, or settings did: check its page again. */
  schedule(uri: string): void;
  forget(uri: string): void;
  /** The findings of the text with those of the page, for this version. */
  withPage(findings: readonly Finding[], uri: string, version: number): readonly Finding[];
  /** The diagnostics of `uri` went out. */
  published(uri: string): void;
}

export interface LanguageServer {
  readonly connection: Connection;
  readonly guard: Guard;
  readonly documents: OpenDocuments;
  readonly settings: SettingsStore;
  readonly state: DocumentState;
  /** Publishes the diagnostics of `uri` as they are now. */
  publish(uri: string): void;
  /** Hooks the page checks in; once, before `listen`. */
  addPages(pages: PageHooks): void;
}

/** The client can apply these; set by `initialize`. */
export interface ClientSupport {
  snippetEdits: boolean;
  edits: EditSupport;
  showDocument: boolean;
}

/** Every id a diagnostic can carry, so the docs command opens those pages and nothing else. */
const KNOWN_RULE_IDS = new Set(allRuleMeta().map((meta) => meta.id));

const NO_PAGES: PageHooks = { schedule: () => {}, forget: () => {}, withPage: (findings) => findings, published: () => {} };

/** Registers every handler on `connection`; the caller adds its own and calls `listen`. */
export function startLanguageServer(connection: Connection, host: ServerHost): LanguageServer {
  let pages = NO_PAGES;
  const support: ClientSupport = { snippetEdits: false, edits: { documentChanges: false, createFiles: false }, showDocument: false };
  const guard = new Guard({ logError: (message) => connection.console.error(message), failed });
  const documents = new OpenDocuments({
    changed: (document) => {
      state.schedule(document.uri);
      pages.schedule(document.uri);
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
  const settings = new SettingsStore(connection, host.files);
  const state = new DocumentState(documents, settings, guard, publish);

  /** Settings or files a resume reads changed: check every document's text again, and its page after. */
  function revalidateAll(): void {
    state.revalidateAll();
    for (const document of documents.all()) pages.schedule(document.uri);
  }

  connection.onInitialize((params): InitializeResult => {
    guard.run(
      'initialize',
      undefined,
      () => {
        settings.initialize(params);
        const workspaceEdit = params.capabilities?.workspace?.workspaceEdit;
        support.snippetEdits = workspaceEdit?.snippetEditSupport === true;
        support.edits = {
          documentChanges: workspaceEdit?.documentChanges === true,
          createFiles: Array.isArray(workspaceEdit?.resourceOperations) && workspaceEdit.resourceOperations.includes('create'),
        };
        support.showDocument = params.capabilities?.window?.showDocument?.support === true;
        host.initialize?.(params);
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

  const published = new PublishedDiagnostics((ruleId) => host.docsUri(ruleId));

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
    pages.forget(uri);
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
    let diagnostics = checked?.configProblems
      ? configDiagnostics(document, checked.configProblems)
      : published.publish(document, pages.withPage(findings, uri, document.version));
    const failure = failures.get(uri);
    if (failure && failure.version === document.version) diagnostics = [...diagnostics, failure.diagnostic];
    else failures.delete(uri);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    pages.published(uri);
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
        snippetSupport: support.snippetEdits,
        showDocs: support.showDocument && host.hasDocs(),
        settingsEdit: (changes) => host.settingsEdit(document.uri, changes, { documents, settings, edits: support.edits }),
      }),
    ),
  );

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
        const uri = host.docsUri(ruleId);
        if (uri === undefined) return invalidParams('the rule documentation is not available here');
        if (support.showDocument) {
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

  return { connection, guard, documents, settings, state, publish, addPages: (added) => (pages = added) };
}

declare const VERSION: string;
