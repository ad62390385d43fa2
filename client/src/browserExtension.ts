/**
 * The web client (vscode.dev, github.dev, and any workbench that runs the
 * extension in its browser extension host): the same language server, built
 * for the browser, runs in a web worker (`dist/browserServer.js`) and reads
 * `.bulletproof.yaml` through the client (`common.ts` answers
 * `bulletproof/readFile` with `vscode.workspace.fs`); job postings are not read. Export PDF and the
 * preview need the Typst compiler and a child process: their menus are
 * hidden in the web, and the commands say why if run anyway.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { answerFileReads, clientOptions, documentSelector, registerClientCommands, registerStartedFeatures } from './common';

/**
 * The schemes of the documents checked in the browser: files on disk
 * (vscode.dev's opened folders), unsaved files, github.dev and Remote
 * Repositories (`vscode-vfs`), a workbench served by a remote server
 * (`vscode-remote`), and the test workbench (`vscode-test-web`).
 */
export const WEB_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'] as const;

/** The worker script the extension host can start directly; others are read and started from a blob. */
const DIRECT_SCHEMES = ['http', 'https', 'file'];

/** Said by the commands that need Node when run in the browser. */
export const DESKTOP_ONLY_MESSAGE =
  'Export PDF and the preview need VS Code on the desktop: they typeset the resume with the Typst compiler, which does not run in the browser.';

let client: LanguageClient | undefined;
/** The worker the client talks to: a restart starts a new one, and the old one would idle on (neither side ends it). */
let serverWorker: BrowserWorker | undefined;

/** The browser's worker, declared here: the project compiles without the DOM library (it would hide mistakes in Node code). */
interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => BrowserWorker;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Bulletproof', { log: true });
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  const options = clientOptions(documentSelector(WEB_SCHEMES), outputChannel, {
    // The rule docs are inside the extension, not at a path the worker can see.
    docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
  });
  const started = new LanguageClient('bulletproof', 'Bulletproof', () => connectToWorker(script, outputChannel), options);
  client = started;
  registerClientCommands(context, outputChannel, async () => {
    await client?.stop();
    await client?.start();
  });
  answerFileReads(started);
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletproof.exportPdf', () => vscode.window.showInformationMessage(DESKTOP_ONLY_MESSAGE)),
    vscode.commands.registerCommand('bulletproof.openPreview', () => vscode.window.showInformationMessage(DESKTOP_ONLY_MESSAGE)),
  );
  await started.start();
  registerStartedFeatures(context, started, outputChannel);
}

/**
 * The language server in a web worker. An extension served over HTTP (vscode.dev's
 * marketplace, the test workbench) starts it from its URL; one installed on a
 * remote server has a `vscode-remote:` URI, from which the extension host
 * cannot start a worker, so the script is read through the file system and
 * started from a blob URL. The transports are built here: the extension host
 * replaces `Worker` with a function, so the client's own `instanceof Worker`
 * test would not know the worker it returns.
 */
async function connectToWorker(script: vscode.Uri, outputChannel: vscode.LogOutputChannel): Promise<MessageTransports> {
  const name = 'Bulletproof language server';
  serverWorker?.terminate();
  let worker: BrowserWorker;
  if (DIRECT_SCHEMES.includes(script.scheme)) {
    outputChannel.info(`Starting the language server in a web worker from ${script.toString(true)}`);
    worker = new Worker(script.toString(true), { name });
  } else {
    const bytes = await vscode.workspace.fs.readFile(script);
    outputChannel.info(`Starting the language server in a web worker from ${script.toString(true)} (${bytes.byteLength} bytes, as a blob)`);
    worker = new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })), { name });
  }
  serverWorker = worker;
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  serverWorker?.terminate();
  serverWorker = undefined;
}
