/** Helpers for the extension-host suite: the workspace, the CLI's expectations, waiting on diagnostics. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cliOracle, type CliFinding, type Severity } from '../../ui/cliOracle';

export const SOURCE = 'bulletproof';
export const DIAGNOSTICS_TIMEOUT = 30_000;

const root = process.env.BULLETPROOF_E2E_ROOT ?? path.resolve(__dirname, '..', '..', '..');

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Reverts and closes every editor, so that each test starts from nothing open. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export type { CliFinding, Severity };

/** The bundled CLI: what the editor should show, computed rather than typed. */
export const cli = cliOracle(path.join(root, 'dist', 'cli.js'));
export const { findings: cliFindings, findingsForText: cliFindingsForText } = cli;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic reduced to what the CLI also reports, 1-based like the CLI. */
export interface Reported {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: vscode.DiagnosticSeverity;
  code: string;
  message: string;
}

export function fromCli(findings: readonly CliFinding[]): Reported[] {
  return sorted(
    findings.map((finding) => ({
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      severity: SEVERITIES[finding.severity],
      code: finding.code,
      message: finding.message,
    })),
  );
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

export function fromDiagnostics(diagnostics: readonly vscode.Diagnostic[]): Reported[] {
  return sorted(
    diagnostics.map((diagnostic) => ({
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
      severity: diagnostic.severity,
      code: codeOf(diagnostic),
      message: diagnostic.message,
    })),
  );
}

function sorted(rows: Reported[]): Reported[] {
  const key = (row: Reported) => `${String(row.line).padStart(6, '0')}:${String(row.column).padStart(6, '0')}:${row.code}:${row.message}`;
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Bulletproof's diagnostics for `uri`, right now. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/**
 * Resolves with Bulletproof's diagnostics for `uri` once `done` accepts them,
 * listening to onDidChangeDiagnostics; rejects after `timeout` ms with what
 * there was.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeout = DIAGNOSTICS_TIMEOUT,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ours(uri);
      if (!done(diagnostics)) return false;
      cleanup();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `timed out after ${timeout} ms waiting for diagnostics on ${uri.fsPath}; have: ${JSON.stringify(fromDiagnostics(ours(uri)))}`,
        ),
      );
    }, timeout);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Inserts `text` at the start of `line` (0-based) of the active editor. */
export async function insertLine(editor: vscode.TextEditor, line: number, text: string): Promise<void> {
  const ok = await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), text));
  if (!ok) throw new Error('the edit was not applied');
}
