/**
 * The resume report as a dashboard (a webview), and the status bar item
 * that summarises it. Both ask the server for the report whenever the
 * resume's diagnostics change, so they follow the person's typing.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol';
import { renderReportBody, renderReportHtml } from './reportHtml';

export class ReportFeatures implements vscode.Disposable {
  private readonly statusBar = vscode.window.createStatusBarItem('bulletproof.status', vscode.StatusBarAlignment.Left, 100);
  private panel: vscode.WebviewPanel | undefined;
  /** The resume the panel shows. */
  private panelUri: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The resume whose page the panel holds. */
  private renderedUri: string | undefined;

  constructor(private readonly client: BaseLanguageClient) {
    this.statusBar.name = 'Bulletproof';
    this.statusBar.command = 'bulletproof.showReport';
    this.disposables.push(
      this.statusBar,
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const watched = [vscode.window.activeTextEditor?.document.uri.toString(), this.panelUri];
        if (event.uris.some((uri) => watched.includes(uri.toString()))) this.refreshSoon();
      }),
    );
    this.refreshSoon();
  }

  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = editor && isResumeLanguage(editor.document.languageId) ? editor.document.uri.toString() : this.panelUri;
    if (!uri) {
      void vscode.window.showInformationMessage(
        'Open a resume (a YAML or JSON file named like resume.yaml or resume.json) to see its report.',
      );
      return;
    }
    const result = await this.request(uri);
    if (!result) {
      void vscode.window.showInformationMessage('This file is not a resume Bulletproof checks (see the bulletproof.files setting).');
      return;
    }
    this.panelUri = uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('bulletproof.report', 'Resume Report', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.panelUri = undefined;
        this.renderedUri = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: { command?: string; line?: number }) => {
        if (message.command === 'reveal' && typeof message.line === 'number') void this.reveal(message.line);
      });
    }
    this.render(result);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Coalesces a burst of diagnostics changes (typing) into one request. */
  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 50);
  }

  private async refresh(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const activeResult = active && isResumeLanguage(active.languageId) ? await this.request(active.uri.toString()) : undefined;
    // With the report (a webview) focused there is no active editor: keep what the status bar says.
    if (active) this.updateStatusBar(activeResult);
    if (this.panel && this.panelUri) {
      const result = this.panelUri === activeResult?.uri ? activeResult : await this.request(this.panelUri);
      if (result) this.render(result);
    }
  }

  private async request(uri: string): Promise<ReportResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    try {
      return (await this.client.sendRequest<ReportResult | null>(REPORT_REQUEST, { uri } satisfies ReportParams)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private updateStatusBar(result: ReportResult | undefined): void {
    if (!result) {
      this.statusBar.hide();
      return;
    }
    const { report } = result;
    const problems = report.counts.error + report.counts.warning;
    const mark = report.counts.error > 0 ? '$(error)' : problems > 0 ? '$(warning)' : '$(check)';
    const parts = [`${mark} ${report.bullets.quantified}/${report.bullets.total} bullets quantified`];
    if (problems > 0) parts.push(`${problems} ${problems === 1 ? 'problem' : 'problems'}`);
    if (report.posting) parts.push(`posting match ${report.posting.coverage.matched}/${report.posting.coverage.total}`);
    this.statusBar.text = parts.join(' · ');
    this.statusBar.tooltip = 'Bulletproof: show the resume report';
    this.statusBar.show();
  }

  /** The first time a whole page; after that only the content, so scrolling survives typing. */
  private render(result: ReportResult): void {
    if (!this.panel) return;
    const name = vscode.Uri.parse(result.uri).path.split('/').pop() ?? 'resume';
    if (this.renderedUri === result.uri) {
      void this.panel.webview.postMessage({ command: 'update', html: renderReportBody(result) });
      return;
    }
    this.renderedUri = result.uri;
    this.panel.title = `Report: ${name}`;
    this.panel.webview.html = renderReportHtml(result, name, nonce());
  }

  private async reveal(line: number): Promise<void> {
    if (!this.panelUri) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.panelUri));
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(document, {
      viewColumn: vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }
}

function nonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/** The languages a resume is written in: the server says which of their files are resumes. */
function isResumeLanguage(languageId: string): boolean {
  return languageId === 'yaml' || languageId === 'json';
}
