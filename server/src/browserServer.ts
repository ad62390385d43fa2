/**
 * The language server in a browser's web worker (vscode.dev, github.dev): the
 * same handlers as `server.ts`, with files read through the client. No
 * renderer here: the page checks, the preview and Export PDF need Node.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './lsp/browserHost';
import { startLanguageServer } from './lsp/languageServer';

/** The worker's own scope, as the library's reader and writer take it. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
/** The part of the worker's scope the last resort needs (no DOM types in this build). */
const scope = self as unknown as {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown }) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { guard } = startLanguageServer(connection, browserHost(connection));

// The last resort behind the guard: what escapes every handler is logged, and the server goes on.
scope.addEventListener('error', (event) => guard.report('the server', undefined, event.error));
scope.addEventListener('unhandledrejection', (event) => guard.report('the server', undefined, event.reason));

connection.listen();
