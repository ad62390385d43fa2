/**
 * What the desktop entry (`extension.ts`, Node) and the web entry
 * (`browserExtension.ts`, vscode.dev and github.dev) share: the client
 * options and middleware, the error handler that restarts the server, and
 * the commands that need only the language client. Node-free: it imports
 * neither Node nor `vscode-languageclient/node`, so the web bundle can hold it.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  RevealOutputChannelOn,
  type BaseLanguageClient,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { READ_FILE_REQUEST, type ReadFileParams } from '../../server/src/protocol';
import { convertResume } from './convert';
import { readFileForServer, type ReadableFileSystem } from './readFile';
import { ReportFeatures } from './report';

/** The YAML and JSON documents of these URI schemes go to the server, which decides what is a resume. */
export function documentSelector(schemes: readonly string[]): DocumentSelector {
  return [
    ...schemes.flatMap((scheme) => [
      { scheme, language: 'yaml' },
      { scheme, language: 'json' },
    ]),
    // The JSON form of the config file, checked like `.bulletproof.yaml`.
    ...schemes.filter((scheme) => scheme !== 'untitled').map((scheme) => ({ scheme, pattern: '**/.bulletproof.json' })),
  ];
}

export function clientOptions(
  selector: DocumentSelector,
  outputChannel: vscode.LogOutputChannel,
  initializationOptions?: Record<string, unknown>,
): LanguageClientOptions {
  return {
    // Every YAML and JSON file goes to the server, which decides what is a
    // resume (by name or by its marker) and ignores the rest.
    documentSelector: selector,
    synchronize: {
      // Config files, and the job postings a resume may name (any text-like file).
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.bulletproof.{yaml,yml,json},*.{md,markdown,txt,json,yaml,yml}}'),
    },
    ...(initializationOptions ? { initializationOptions } : {}),
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
}

/** The commands that work before the server is up: restart, output, a new resume. */
export function registerClientCommands(
  context: vscode.ExtensionContext,
  outputChannel: vscode.OutputChannel,
  restart: () => Promise<void>,
): void {
  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand('bulletproof.restartServer', async () => {
      await restart();
      outputChannel.appendLine('Bulletproof language server restarted.');
    }),
    vscode.commands.registerCommand('bulletproof.showOutput', () => outputChannel.show(true)),
    vscode.commands.registerCommand('bulletproof.newResume', () => newResume(context)),
  );
}

/**
 * Answers the server's requests to read a file through the editor (a server
 * in a web worker has no file system); before `start()`, so the first
 * configuration lookup is answered.
 */
export function answerFileReads(client: BaseLanguageClient): void {
  const fs: ReadableFileSystem = {
    stat: (uri) => vscode.workspace.fs.stat(vscode.Uri.parse(uri)),
    readFile: (uri) => vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
  };
  client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFileForServer(fs, params));
}

/** The report, its status bar item and Convert: once the client runs. */
export function registerStartedFeatures(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  outputChannel: vscode.OutputChannel,
): void {
  const report = new ReportFeatures(client);
  context.subscriptions.push(
    report,
    vscode.commands.registerCommand('bulletproof.showReport', () => report.show()),
    vscode.commands.registerCommand('bulletproof.convert', () => convertResume(client, outputChannel)),
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
