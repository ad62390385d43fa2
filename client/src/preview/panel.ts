/**
 * One preview panel: the webview beside the resume's editor. It turns the
 * server's updates into what the webview draws (boxes in points from the
 * SVG's geometry), and the webview's clicks and choices into editor moves
 * and page settings.
 */
import * as vscode from 'vscode';
import type { PreviewMark, PreviewUpdate } from '../../../server/src/protocol';
import { markAt, markRects, pageGeometry, type PageGeometry } from './geometry';
import { previewHtml } from './html';
import { isFromWebview, type FromWebview, type Paper, type PreviewState, type Theme, type ToWebview } from './messages';

export const PREVIEW_VIEW_TYPE = 'bulletproof.preview';

export interface PanelHost {
  /** Ask the server for this preview's page, with these page settings (none: the resume's own). */
  open(uri: string, settings: { theme?: Theme; paper?: Paper }): Promise<void>;
  closed(panel: PreviewPanel): void;
  /** The person chose another theme or paper in the toolbar. */
  settingsChosen(panel: PreviewPanel, theme: Theme, paper: Paper): void;
  pagesChanged(panel: PreviewPanel): void;
}

export class PreviewPanel {
  private marks: PreviewMark[] = [];
  private geometry: PageGeometry | undefined;
  private version = -1;
  /** Pages of the page on screen; undefined before the first. */
  pages: number | undefined;
  private ready = false;
  private lastPage: Extract<ToWebview, { type: 'page' }> | undefined;
  private lastError: Extract<ToWebview, { type: 'error' }> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private state: PreviewState,
    extensionUri: vscode.Uri,
    private readonly host: PanelHost,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
    });
    panel.title = `Preview ${basename(uri)}`;
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'images', 'icon.png');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromWebview(message)) void this.received(message);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    this.post({ type: 'options', state: this.state });
  }

  get settings(): { theme?: Theme; paper?: Paper } {
    return { ...(this.state.theme && { theme: this.state.theme }), ...(this.state.paper && { paper: this.state.paper }) };
  }

  /** The preview's own theme and paper are set aside: the resume's settings now say the same. */
  useResumeSettings(): void {
    this.state = { uri: this.state.uri, showMarks: this.state.showMarks };
    this.post({ type: 'options', state: this.state });
  }

  update(update: PreviewUpdate): void {
    if (update.version < this.version) return;
    if ('error' in update) {
      this.post({ type: 'error', message: update.error, reason: update.reason });
      return;
    }
    this.version = update.version;
    if (update.svg !== undefined) this.geometry = pageGeometry(update.svg);
    const geometry = this.geometry;
    if (!geometry) return;
    this.marks = update.marks;
    this.pages = update.pages;
    this.post({
      type: 'page',
      version: update.version,
      ...(update.svg !== undefined && { svg: update.svg }),
      geometry,
      pages: update.pages,
      marks: update.marks.map((mark) => ({ id: mark.id, rects: markRects(mark, geometry), messages: mark.messages })),
      notes: update.notes,
      settings: update.settings,
    });
    this.host.pagesChanged(this);
  }

  /** The editor's cursor moved: show the bullet it is in. */
  cursorAt(position: vscode.Position): void {
    const id = markAt(this.marks, position);
    if (id !== undefined) this.post({ type: 'reveal', id });
  }

  private async received(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.resend();
        return;
      case 'goto':
        return this.goTo(message.id);
      case 'settings':
        this.state = { ...this.state, theme: message.theme, paper: message.paper };
        this.post({ type: 'options', state: this.state });
        await this.host.open(this.uri.toString(), this.settings);
        this.host.settingsChosen(this, message.theme, message.paper);
        return;
      case 'marks':
        this.state = { ...this.state, showMarks: message.show };
        return;
    }
  }

  /** Moves the resume editor's cursor to the bullet and shows it. */
  private async goTo(id: string): Promise<void> {
    const mark = this.marks.find((candidate) => candidate.id === id);
    if (!mark) return;
    const start = new vscode.Position(mark.range.start.line, mark.range.start.character);
    const end = new vscode.Position(mark.range.end.line, mark.range.end.character);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(this.uri, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Sends to the webview, and keeps what it needs to draw itself again: a
   * hidden webview is torn down and says `ready` when it is shown again.
   */
  private post(message: ToWebview): void {
    if (message.type === 'page') {
      this.lastPage = message.svg === undefined && this.lastPage ? { ...message, svg: this.lastPage.svg } : message;
      this.lastError = undefined;
    } else if (message.type === 'error') {
      this.lastError = message;
    }
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private resend(): void {
    void this.panel.webview.postMessage({ type: 'options', state: this.state } satisfies ToWebview);
    if (this.lastPage) void this.panel.webview.postMessage(this.lastPage);
    if (this.lastError) void this.panel.webview.postMessage(this.lastError);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.host.closed(this);
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
