/**
 * A small typed LSP client that starts the bundled server (`dist/server.js
 * --stdio`) as a child process and speaks the protocol to it, for protocol
 * tests and benchmarks. It answers the server's own requests
 * (`workspace/configuration`, `client/registerCapability`,
 * `window/showDocument`), keeps a mirror of every open document so edits are
 * sent as incremental changes with the right versions, and records every
 * `publishDiagnostics` so a test can wait for the one it expects, never sleep.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  type CancellationToken,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  DidChangeWorkspaceFoldersNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  type ClientCapabilities,
  type ConfigurationItem,
  type DataCallback,
  type FileEvent,
  type InitializeResult,
  type Message,
  type MessageReader,
  type ProtocolConnection,
  type ProtocolRequestType,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type RequestParam,
  type ResponseMessage,
  type ShowDocumentParams,
  type ShowMessageParams,
  type ShowMessageRequestParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The repository root: the nearest folder above this file with a `package.json`, else the working directory. */
export const REPO_ROOT = findUp(__dirname, 'package.json') ?? process.cwd();

/** The bundled server that `npm run build` writes; `BULLETPROOF_SERVER` points elsewhere (another build, for comparisons). */
export const SERVER_PATH = process.env.BULLETPROOF_SERVER ?? path.join(REPO_ROOT, 'dist', 'server.js');

const DEFAULT_TIMEOUT_MS = 5000;
const STDERR_LIMIT = 64 * 1024;

export interface LspClientOptions {
  /** Defaults to {@link SERVER_PATH}. */
  serverPath?: string;
  /** Client capabilities most tests vary; `capabilities` is merged over them. */
  configuration?: boolean;
  snippetEditSupport?: boolean;
  showDocument?: boolean;
  capabilities?: ClientCapabilities;
  workspaceFolders?: WorkspaceFolder[] | null;
  /** `rootUri` and the older `rootPath` of `initialize`; null by default, as the folders say where the workspace is. */
  rootUri?: string | null;
  rootPath?: string | null;
  initializationOptions?: unknown;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
  /** Run the server as this user and group (the test must be root to ask). */
  uid?: number;
  gid?: number;
  /**
   * The editor's settings tree (`{ bulletproof: { rules: … } }`), read by
   * section for each `workspace/configuration` item. Change it with
   * {@link LspClient.settings} between requests.
   */
  settings?: Record<string, unknown>;
  /** Per-item answer to `workspace/configuration`; overrides `settings`. */
  configurationHandler?: (item: ConfigurationItem) => unknown;
  /** Timeout, in ms, for each request, each wait for diagnostics and shutdown; 5000 by default. */
  timeoutMs?: number;
  /**
   * `latest` keeps the diagnostics of a document's newest publish only, as
   * an editor does: earlier publishes of it stay in {@link LspClient.publishes}
   * with their diagnostics emptied. For long runs (the benchmark), where
   * keeping every list would make the client's own garbage collection part
   * of what is measured. `all` by default.
   */
  retainDiagnostics?: 'all' | 'latest';
}

export interface WaitOptions {
  /** Only a publish for this document version. */
  version?: number;
  /**
   * Only publishes recorded after this {@link LspClient.mark}. Defaults to
   * the mark of the last open/change/close of this document or the last
   * configuration change, whichever is later: "the publish my last action caused".
   */
  since?: number;
  timeoutMs?: number;
}

/** One received `publishDiagnostics`, numbered in arrival order. */
export interface Publish extends PublishDiagnosticsParams {
  seq: number;
}

export interface LogEntry {
  type: number;
  message: string;
}

interface Waiter {
  matches(publish: Publish): boolean;
  resolve(publish: Publish): void;
  reject(error: Error): void;
}

export class LspClient {
  /** Every `publishDiagnostics`, in arrival order; `publishes[i].seq === i`. */
  readonly publishes: Publish[] = [];
  /** Every `window/showDocument` the server sent. */
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** Every item the server asked for with `workspace/configuration`. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** `window/logMessage` and `window/showMessage`, for failure messages. */
  readonly log: LogEntry[] = [];
  /** Every `window/showMessage` notification alone. */
  readonly shownMessages: ShowMessageParams[] = [];
  /** Every `window/showMessageRequest` (a prompt that waits for the person); answered with no choice. */
  readonly messageRequests: ShowMessageRequestParams[] = [];
  /** Every registration the server asked for with `client/registerCapability`. */
  readonly registrations: Registration[] = [];
  /** The editor settings tree `workspace/configuration` answers from. */
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;

  private readonly connection: ProtocolConnection;
  private readonly writer: StreamMessageWriter;
  private readonly rawAnswers = new Map<string, (response: ResponseMessage) => void>();
  private rawCount = 0;
  private readonly documents = new Map<string, TextDocument>();
  private readonly actionMarks = new Map<string, number>();
  private readonly latestPublish = new Map<string, Publish>();
  private globalMark = 0;
  private waiters: Waiter[] = [];
  private stderrText = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly timeoutMs: number;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly options: LspClientOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.settings = options.settings ?? {};
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderrText = (this.stderrText + chunk).slice(-STDERR_LIMIT);
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        this.failWaiters(new Error(`server exited (code ${code}, signal ${signal})${this.diagnosis()}`));
        resolve(this.exitInfo);
      });
    });
    // A spawn failure (missing node, say) surfaces as an exit-like failure.
    child.on('error', (error) => this.failWaiters(new Error(`server process error: ${error.message}${this.diagnosis()}`)));

    this.writer = new StreamMessageWriter(child.stdin);
    this.connection = createProtocolConnection(
      new TappedReader(new StreamMessageReader(child.stdout), (message) => this.tookRawAnswer(message)),
      this.writer,
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.received(params));
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.log.push({ type: params.type, message: params.message });
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shownMessages.push(params);
      this.log.push({ type: params.type, message: params.message });
    });
    this.connection.onRequest(ShowMessageRequest.type, (params) => {
      this.messageRequests.push(params);
      return null;
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item);
        return this.options.configurationHandler ? this.options.configurationHandler(item) : this.section(item.section);
      }),
    );
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.onRequest(UnregistrationRequest.type, () => undefined);
    this.connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.listen();
  }

  /** Spawns the server, sends `initialize` and `initialized`. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const serverPath = options.serverPath ?? SERVER_PATH;
    if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} does not exist: run \`npm run build\` first`);
    const child = spawn(process.execPath, [serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ? { ...process.env, ...options.env } : process.env,
      uid: options.uid,
      gid: options.gid,
    });
    const client = new LspClient(child, options);
    try {
      client.initializeResult = await client.request(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'bulletproof-test-client' },
        rootUri: options.rootUri ?? null,
        ...(options.rootPath === undefined ? {} : { rootPath: options.rootPath }),
        workspaceFolders: options.workspaceFolders ?? null,
        capabilities: client.capabilities(),
        initializationOptions: options.initializationOptions,
      });
      await client.connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      client.kill();
      throw error;
    }
    return client;
  }

  /** The server's stderr so far (the last 64 KiB). */
  get stderr(): string {
    return this.stderrText;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The client's copy of an open document. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** A cursor into {@link publishes}: pass it as `since` to wait only for later publishes. */
  mark(): number {
    return this.publishes.length;
  }

  /** Calls `handler` with each notification of `method` the server sends (one the client has no type for). */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.connection.onNotification(method, handler);
  }

  /** Sends any request with the client's timeout; the error says which request and what the server printed. */
  request<P, R, PR, E, RO>(type: ProtocolRequestType<P, R, PR, E, RO>, params: RequestParam<P>, timeoutMs = this.timeoutMs): Promise<R> {
    return this.withTimeout(type.method, (token) => this.connection.sendRequest(type, params, token), timeoutMs);
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    this.actionMarks.set(uri, this.mark());
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return document;
  }

  /**
   * Sends changes (incremental, or the whole text when a change has no
   * range), applied in order as in the protocol, as the next version unless
   * `version` is given. The mirror is updated before this returns its
   * promise, so several calls may be made without awaiting each.
   */
  change(uri: string, changes: TextDocumentContentChangeEvent[], version?: number): Promise<number>;
  change(uri: string, changes: { range: Range; text: string }[], version?: number): Promise<number>;
  change(uri: string, changes: TextDocumentContentChangeEvent[], version = this.document(uri).version + 1): Promise<number> {
    const before = this.document(uri);
    this.documents.set(uri, TextDocument.update(before, changes, version));
    this.actionMarks.set(uri, this.mark());
    return this.connection
      .sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes })
      .then(() => version);
  }

  /** Replaces the `occurrence`-th (0-based) `search` in the current text; throws when it is not there. */
  replace(uri: string, search: string, replacement: string, occurrence = 0): Promise<number> {
    const document = this.document(uri);
    const text = document.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
      offset = text.indexOf(search, offset + 1);
      if (offset === -1) throw new Error(`\`${search}\` (occurrence ${occurrence}) is not in ${uri}`);
    }
    const range = { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
    return this.change(uri, [{ range, text: replacement }]);
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    this.actionMarks.set(uri, this.mark());
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /**
   * Tells the server settings changed. With pull configuration the server
   * asks again (answered from {@link settings}); pass `settings` to push them.
   */
  /** Tells the server that files it may read changed on disk, as an editor's file watcher does. */
  async filesChanged(uris: string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: uris.map((uri): FileEvent => ({ uri, type: FileChangeType.Changed })),
    });
  }

  async changeConfiguration(settings: unknown = null): Promise<void> {
    this.globalMark = this.mark();
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Tells the server workspace folders were added or removed. */
  async workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    this.globalMark = this.mark();
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event });
  }

  /**
   * Sends a notification exactly as given, `params` and all (null, a number,
   * the wrong shape): what a broken client might send. The mirror of open
   * documents is not touched.
   */
  async notifyRaw(method: string, params: unknown): Promise<void> {
    await this.writer.write({ jsonrpc: '2.0', method, params } as Message);
  }

  /** Sends a request exactly as given and resolves with the whole response, `result` or `error`. */
  async requestRaw(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<ResponseMessage> {
    const id = `raw-${++this.rawCount}`;
    const answered = new Promise<ResponseMessage>((resolve) => this.rawAnswers.set(id, resolve));
    await this.writer.write({ jsonrpc: '2.0', id, method, params } as Message);
    return this.withTimeout(method, () => answered, timeoutMs).finally(() => this.rawAnswers.delete(id));
  }

  /** Resolves with the first matching `publishDiagnostics` for `uri`, already received or still to come. */
  waitForDiagnostics(uri: string, options: WaitOptions = {}): Promise<Publish> {
    const since = options.since ?? Math.max(this.actionMarks.get(uri) ?? 0, this.globalMark);
    const matches = (publish: Publish) =>
      publish.uri === uri && publish.seq >= since && (options.version === undefined || publish.version === options.version);
    const found = this.publishes.find(matches);
    if (found) return Promise.resolve(found);
    if (this.exitInfo) return Promise.reject(new Error(`server already exited (code ${this.exitInfo.code})${this.diagnosis()}`));
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return new Promise<Publish>((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        resolve: (publish) => {
          clearTimeout(timer);
          resolve(publish);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        const seen = this.publishes.filter((publish) => publish.uri === uri).map((publish) => `v${publish.version}#${publish.seq}`);
        const wanted = options.version === undefined ? '' : ` version ${options.version}`;
        reject(
          new Error(
            `no publishDiagnostics for ${uri}${wanted} after #${since} within ${timeoutMs} ms (seen: ${seen.join(', ') || 'none'})${this.diagnosis()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** `shutdown` then `exit`; resolves with the exit code, killing the process if it does not exit in time. */
  async shutdown(timeoutMs = this.timeoutMs): Promise<number | null> {
    if (this.exitInfo) return this.exitInfo.code;
    try {
      await this.withTimeout(ShutdownRequest.method, (token) => this.connection.sendRequest(ShutdownRequest.type, token), timeoutMs);
      await this.connection.sendNotification(ExitNotification.type);
    } catch (error) {
      this.kill();
      throw error;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    this.connection.dispose();
    if (outcome === 'timeout') {
      this.kill();
      throw new Error(`server did not exit within ${timeoutMs} ms of \`exit\`${this.diagnosis()}`);
    }
    return outcome.code;
  }

  /** Ends the process now, whatever state it is in; for `after` hooks. */
  kill(): void {
    this.connection.dispose();
    if (!this.exitInfo && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private capabilities(): ClientCapabilities {
    const base: ClientCapabilities = {
      workspace: {
        configuration: this.options.configuration ?? true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, snippetEditSupport: this.options.snippetEditSupport ?? false },
        executeCommand: { dynamicRegistration: false },
      },
      window: { showDocument: { support: this.options.showDocument ?? true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
      },
    };
    return mergeDeep(base, this.options.capabilities ?? {});
  }

  /** The settings tree at a dotted section, as VS Code answers `workspace/configuration`. */
  private section(section: string | undefined): unknown {
    let value: unknown = this.settings;
    for (const part of section ? section.split('.') : []) {
      if (value === null || typeof value !== 'object') return null;
      value = (value as Record<string, unknown>)[part];
    }
    return value ?? null;
  }

  private received(params: PublishDiagnosticsParams): void {
    const publish: Publish = { ...params, seq: this.publishes.length };
    if (this.options.retainDiagnostics === 'latest') {
      const previous = this.latestPublish.get(publish.uri);
      if (previous) previous.diagnostics = [];
      this.latestPublish.set(publish.uri, publish);
    }
    this.publishes.push(publish);
    const ready = this.waiters.filter((waiter) => waiter.matches(publish));
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(publish);
  }

  /** A response to {@link requestRaw}: taken here, as the connection knows no request with that id. */
  private tookRawAnswer(message: Message): boolean {
    const id = (message as { id?: unknown }).id;
    const answer = typeof id === 'string' && !('method' in message) ? this.rawAnswers.get(id) : undefined;
    answer?.(message as ResponseMessage);
    return answer !== undefined;
  }

  private failWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  private async withTimeout<R>(method: string, send: (token: CancellationToken) => Promise<R>, timeoutMs: number): Promise<R> {
    const cancel = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        cancel.cancel();
        reject(new Error(`${method} got no answer within ${timeoutMs} ms${this.diagnosis()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([send(cancel.token), timeout, this.exitedEarly(method)]);
    } finally {
      clearTimeout(timer);
      cancel.dispose();
    }
  }

  private exitedEarly(method: string): Promise<never> {
    return this.exited.then(({ code, signal }) => {
      throw new Error(`server exited (code ${code}, signal ${signal}) before answering ${method}${this.diagnosis()}`);
    });
  }

  /** What a failure message should show: the server's stderr and log, if any. */
  private diagnosis(): string {
    const parts: string[] = [];
    if (this.stderrText.trim()) parts.push(`server stderr:\n${this.stderrText.trimEnd().slice(-4000)}`);
    if (this.log.length)
      parts.push(
        `server log:\n${this.log
          .slice(-20)
          .map((entry) => entry.message)
          .join('\n')}`,
      );
    return parts.length ? `\n${parts.join('\n')}` : '';
  }
}

/** A reader that lets `take` have a message before the connection sees it. */
class TappedReader implements MessageReader {
  constructor(
    private readonly reader: MessageReader,
    private readonly take: (message: Message) => boolean,
  ) {}

  get onError() {
    return this.reader.onError;
  }

  get onClose() {
    return this.reader.onClose;
  }

  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback) {
    return this.reader.listen((message) => {
      if (!this.take(message)) callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }
}

function findUp(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, name))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeDeep<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeDeep(merged[key], value);
  return merged as T;
}
