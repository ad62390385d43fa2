/**
 * The language server in a Node process, over stdio as every editor starts
 * it: the handlers of `lsp/languageServer.ts` with files read from disk, and
 * what only Node can do here: the renderer (a child process) behind the page
 * checks, the preview and Export PDF. `browserServer.ts` is the same server
 * in a web worker, without those.
 */
import * as path from 'node:path';
import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { PREVIEW_NOTIFICATION } from './protocol';
import { GatheringMessageWriter } from './lsp/writer';
import { startLanguageServer } from './lsp/languageServer';
import { nodeHost } from './lsp/node/nodeHost';
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

const server = startLanguageServer(connection, nodeHost(connection));
const { documents, guard, settings, state } = server;

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
  publish: (uri) => server.publish(uri),
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
server.addPages({
  schedule: (uri) => pageChecks.schedule(uri),
  forget: (uri) => {
    pageChecks.forget(uri);
    previews.forget(uri);
  },
  withPage: (findings, uri, version) => withPageFindings(findings, pageChecks.findingsFor(uri, version)),
  published: (uri) => previews.published(uri),
});
connection.onExit(() => renderService.dispose());
process.on('exit', () => renderService.dispose());

// The last resort behind the guard: what escapes every handler (a library's own, say) is logged, and the server goes on.
process.on('uncaughtException', (error) => lastResort(error));
process.on('unhandledRejection', (reason) => lastResort(reason));
function lastResort(error: unknown): void {
  // The client is gone (a write to a closed pipe): nothing to serve, and nowhere to say it.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') process.exit(1);
  guard.report('the server', undefined, error);
}

registerRenderRequests(connection, guard, renderHost);
registerPreview(connection, guard, previews);

connection.listen();
