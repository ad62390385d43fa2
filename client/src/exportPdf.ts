/**
 * "Export PDF": the server typesets the resume (the editor's text, saved or
 * not) and writes `<name>.pdf` beside it; this shows the progress and offers
 * to open the PDF or show it in the Explorer.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_PDF_REQUEST, type ExportPdfParams, type ExportPdfResult } from '../../server/src/protocol';

const OPEN = 'Open PDF';
const REVEAL = 'Reveal in Explorer';

/** `resource`: the file a menu was opened on; else the active editor's. */
export async function exportPdf(client: LanguageClient, output: vscode.OutputChannel, resource: unknown): Promise<void> {
  const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a resume to export it as a PDF.');
    return;
  }
  const params: ExportPdfParams = { uri: uri.toString() };
  let result: ExportPdfResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Bulletproof: exporting PDF…' },
      () => client.sendRequest<ExportPdfResult>(EXPORT_PDF_REQUEST, params),
    );
  } catch (error) {
    void vscode.window.showErrorMessage(`Bulletproof could not export the PDF: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!result.ok) {
    output.appendLine(`Export PDF of ${uri.toString()}: ${result.message}`);
    const message =
      result.reason === 'unavailable'
        ? 'Exporting a PDF needs the platform build of the Bulletproof extension (the .vsix for your system); this one checks resumes but cannot typeset them. Details are in the Bulletproof output.'
        : result.message;
    void vscode.window.showErrorMessage(message);
    return;
  }
  const pdf = vscode.Uri.file(result.path);
  const action = await vscode.window.showInformationMessage(result.message, OPEN, REVEAL);
  if (action === OPEN) await vscode.env.openExternal(pdf);
  else if (action === REVEAL) await vscode.commands.executeCommand('revealInExplorer', pdf);
}
