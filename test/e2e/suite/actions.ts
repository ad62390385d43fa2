/**
 * Helpers for the quick-fix, snippet, report and posting twins: the CLI's
 * report, the CLI on edited text with the files it refers to beside it, code
 * actions and CodeLens through the VS Code API, and waiting on the editor.
 */
import { inspect } from 'node:util';
import * as vscode from 'vscode';
import { cli } from './helpers';

export const { report: cliReport, findingsForText, reportForText } = cli;

/** The quick fixes at `position`, as the Ctrl+. menu asks for them. */
export async function quickFixes(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    new vscode.Range(position, position),
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter(
    (action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'),
  );
}

export function fixesFor(actions: readonly vscode.CodeAction[], code: string): vscode.CodeAction[] {
  return actions.filter((action) =>
    action.diagnostics?.some(
      (diagnostic) => String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code) === code,
    ),
  );
}

/** Applies a code action as the menu does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert(await vscode.workspace.applyEdit(action.edit), `"${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
}

/** The titles of the CodeLens on `uri`. */
export async function codeLensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return lenses.map((lens) => lens.command?.title ?? '');
}

/**
 * Resolves once `check` returns a value (not undefined), asking again after
 * each change of diagnostics, tabs or selection; rejects after `timeout` ms.
 */
export function waitUntil<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    let last: string | undefined;
    const attempt = async () => {
      if (done) return;
      try {
        const value = await check();
        if (value !== undefined && !done) {
          finish();
          resolve(value);
        }
      } catch (error) {
        last = error instanceof Error ? String(error) : inspect(error);
      }
    };
    const subscriptions = [
      vscode.languages.onDidChangeDiagnostics(() => void attempt()),
      vscode.window.tabGroups.onDidChangeTabs(() => void attempt()),
      vscode.window.onDidChangeTextEditorSelection(() => void attempt()),
      vscode.workspace.onDidChangeTextDocument(() => void attempt()),
    ];
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last}` : ''}`));
    }, timeout);
    function finish(): void {
      done = true;
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
    }
    void attempt();
  });
}

/** A tab whose label is `label`, once it is open. */
export function waitForTab(label: string): Promise<vscode.Tab> {
  return waitUntil(`a tab "${label}"`, () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === label));
}

/** Template slots (`‹N›`, `‹before›`) in a line, as ranges. */
export function slotsIn(document: vscode.TextDocument, line: number): vscode.Range[] {
  const text = document.lineAt(line).text;
  return [...text.matchAll(/‹[^›]*›/g)].map(
    (match) => new vscode.Range(line, match.index ?? 0, line, (match.index ?? 0) + match[0].length),
  );
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
