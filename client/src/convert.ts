/**
 * "Convert Resume to Another Layout…": asks which layout, lets the server
 * convert the active document, and opens the result unsaved beside it. The
 * notes go to the output channel, with a summary in one message.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONVERT_REQUEST, type ConvertParams, type ConvertResult, type ConvertTarget } from '../../server/src/protocol';

const TARGETS: { target: ConvertTarget; label: string; description: string }[] = [
  { target: 'json', label: 'JSON Resume (JSON)', description: 'resume.json' },
  { target: 'yaml', label: 'JSON Resume (YAML)', description: 'resume.yaml' },
  { target: 'rendercv', label: 'RenderCV', description: 'Name_CV.yaml' },
  { target: 'yamlresume', label: 'YAMLResume', description: 'resume.yamlresume.yaml' },
];

export async function convertResume(client: BaseLanguageClient, output: vscode.OutputChannel): Promise<void> {
  const source = vscode.window.activeTextEditor?.document;
  if (!source) {
    void vscode.window.showInformationMessage('Open a resume to convert it.');
    return;
  }
  const picked = await vscode.window.showQuickPick(TARGETS, { title: 'Convert Resume to Another Layout', placeHolder: 'Convert to…' });
  if (!picked) return;
  const params: ConvertParams = { uri: source.uri.toString(), to: picked.target, text: source.getText() };
  let result: ConvertResult;
  try {
    result = await client.sendRequest<ConvertResult>(CONVERT_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Bulletproof could not convert the resume: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: result.language, content: result.text });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
  if (result.notes.length > 0) {
    output.appendLine(`${result.summary} (${source.uri.fsPath})`);
    for (const note of result.notes) output.appendLine(`  ${note}`);
  }
  const action = result.notes.length > 0 ? await vscode.window.showInformationMessage(result.summary, 'Show Notes') : undefined;
  if (result.notes.length === 0) void vscode.window.showInformationMessage(result.summary);
  if (action === 'Show Notes') output.show(true);
}
