/**
 * The desktop client: starts the bundled language server as a Node process,
 * restarts it if it dies, and wires a few commands. What it shares with the
 * web entry (`browserExtension.ts`) lives in `common.ts`; here is only what
 * needs Node: the server process, Export PDF and the preview. Everything
 * else lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { answerFileReads, clientOptions, documentSelector, registerClientCommands, registerStartedFeatures } from './common';
import { exportPdf } from './exportPdf';
import { PreviewFeatures } from './preview/previews';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // Export PDF and the preview show where this entry runs (desktop, code-server, Codespaces), not where the
  // web worker entry does: `isWeb` is true in every browser workbench, a Node extension host or not.
  void vscode.commands.executeCommand('setContext', 'bulletproof.canTypeset', true);
  const outputChannel = vscode.window.createOutputChannel('Bulletproof', { log: true });
  const started = new LanguageClient(
    'bulletproof',
    'Bulletproof',
    serverOptions,
    clientOptions(documentSelector(['file', 'untitled']), outputChannel),
  );
  client = started;
  registerClientCommands(context, outputChannel, async () => client?.restart());
  answerFileReads(started);
  // Before the client starts: a preview restored with the window waits for it.
  const previews = new PreviewFeatures(context);
  context.subscriptions.push(previews);
  await started.start();
  previews.start(started);
  registerStartedFeatures(context, started, outputChannel);
  context.subscriptions.push(
    vscode.commands.registerCommand('bulletproof.exportPdf', (resource: unknown) =>
      client ? exportPdf(client, outputChannel, resource) : undefined,
    ),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
