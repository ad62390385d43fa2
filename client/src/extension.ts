/**
 * The VS Code client: starts the bundled language server, restarts it if it
 * dies, and wires a few commands. Everything else lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ReportFeatures } from './report';
import { convertResume } from './convert';
import { exportPdf } from './exportPdf';
import { PreviewFeatures } from './preview/previews';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Bulletproof', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Every YAML and JSON file goes to the server, which decides what is a
    // resume (by name or by its marker) and ignores the rest.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      // The JSON form of the config file, checked like `.bulletproof.yaml`.
      { scheme: 'file', pattern: '**/.bulletproof.json' },
    ],
    synchronize: {
      // Config files, and the job postings a resume may name (any text-like file).
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.bulletproof.{yaml,yml,json},*.{md,markdown,txt,json,yaml,yml}}'),
    },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: restartingErrorHandler(outputChannel),
    middleware: {
      workspace: {
        // VS Code fills every default in: a `role` nobody set is left out, so the server can tell it from one set to `backend`.
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) return answer;
          return answer.map((value: unknown, index) => withoutUnsetRole(value, params.items[index]));
        },
      },
      window: {
        // Rule docs ship as Markdown inside the extension: show them rendered.
        showDocument: async (params, token, next) => {
          if (!params.uri.endsWith('.md')) return next(params, token);
          await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(params.uri));
          return { success: true };
        },
      },
    },
  };
  client = new LanguageClient('bulletproof', 'Bulletproof', serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('bulletproof.restartServer', async () => {
      await client?.restart();
      outputChannel.appendLine('Bulletproof language server restarted.');
    }),
    vscode.commands.registerCommand('bulletproof.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('bulletproof.newResume', () => newResume(context)),
  );
  // Before the client starts: a preview restored with the window waits for it.
  const previews = new PreviewFeatures(context);
  context.subscriptions.push(previews);
  await client.start();
  previews.start(client);
  const report = new ReportFeatures(client);
  context.subscriptions.push(
    report,
    vscode.commands.registerCommand('bulletproof.showReport', () => report.show()),
    vscode.commands.registerCommand('bulletproof.convert', () => (client ? convertResume(client, outputChannel) : undefined)),
    vscode.commands.registerCommand('bulletproof.exportPdf', (resource: unknown) =>
      client ? exportPdf(client, outputChannel, resource) : undefined,
    ),
  );
}

/** The `bulletproof` section without `role` when no settings scope sets it. */
function withoutUnsetRole(value: unknown, item: { scopeUri?: string; section?: string } | undefined): unknown {
  if (item?.section !== 'bulletproof' || !value || typeof value !== 'object' || !('role' in value)) return value;
  const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
  const role = vscode.workspace.getConfiguration('bulletproof', scope).inspect('role');
  const set = [
    role?.globalValue,
    role?.workspaceValue,
    role?.workspaceFolderValue,
    role?.globalLanguageValue,
    role?.workspaceLanguageValue,
    role?.workspaceFolderLanguageValue,
  ].some((setting) => setting !== undefined);
  if (set) return value;
  const rest: Record<string, unknown> = { ...value };
  delete rest.role;
  return rest;
}

/**
 * Restarts a server that died, telling the person once in plain words (the
 * details go to the output channel), and gives up after repeated crashes.
 */
function restartingErrorHandler(outputChannel: vscode.OutputChannel): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue, handled: true }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      const recent = crashes.filter((time) => now - time < 3 * 60_000);
      outputChannel.appendLine(`The language server stopped (${recent.length} time(s) in the last 3 minutes).`);
      if (recent.length < 5) {
        if (recent.length === 1) {
          void vscode.window.showWarningMessage(
            'Bulletproof stopped unexpectedly and was restarted. Details are in the Bulletproof output.',
          );
        }
        return { action: CloseAction.Restart, handled: true };
      }
      void vscode.window.showErrorMessage(
        'Bulletproof stopped 5 times in 3 minutes and will not restart by itself. Run "Bulletproof: Restart Server" to try again.',
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

/** A new, unsaved resume from the backend skeleton; its `# bulletproof` first line gets it checked at once. */
async function newResume(context: vscode.ExtensionContext): Promise<void> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'sections.json');
  const templates = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<
    string,
    { prefix: string[]; body: string[] }
  >;
  const skeleton = Object.values(templates).find((template) => template.prefix.includes('skeleton'));
  if (!skeleton) return;
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(skeleton.body.join('\n')));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
