/**
 * "Bulletproof: Open Preview to the Side": one preview panel per resume,
 * fed by the server's `bulletproof/preview` updates; the editor's cursor
 * scrolls the preview to its bullet; a status bar item gives the page count
 * of the active resume; panels come back after a reload of the window.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  PREVIEW_CLOSE_NOTIFICATION,
  PREVIEW_NOTIFICATION,
  PREVIEW_OPEN_REQUEST,
  type PreviewCloseParams,
  type PreviewOpenParams,
  type PreviewOpenResult,
  type PreviewUpdate,
} from '../../../server/src/protocol';
import { isPreviewState, type Paper, type PreviewState, type Theme } from './messages';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PanelHost } from './panel';

export const OPEN_PREVIEW_COMMAND = 'bulletproof.openPreview';
/** How long the cursor rests before the preview follows it. */
const CURSOR_DELAY_MS = 80;

const SAVE_WORKSPACE = 'Save for Workspace';
const SAVE_USER = 'Save for User';

export class PreviewFeatures implements PanelHost, vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly started: Promise<LanguageClient>;
  private resolveStarted!: (client: LanguageClient) => void;
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly statusItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private cursorTimer: NodeJS.Timeout | undefined;

  /** Registers the command and the panel serializer at once; the rest waits for {@link start}. */
  constructor(private readonly context: vscode.ExtensionContext) {
    this.started = new Promise((resolve) => (this.resolveStarted = resolve));
    this.statusItem = vscode.window.createStatusBarItem('bulletproof.previewPages', vscode.StatusBarAlignment.Right, 99);
    this.statusItem.name = 'Bulletproof Preview Pages';
    this.statusItem.command = OPEN_PREVIEW_COMMAND;
    this.statusItem.tooltip = 'Pages of the typeset resume (Bulletproof preview)';
    this.disposables.push(
      this.statusItem,
      vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, (resource: unknown) => this.openPreview(resource)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.showPages()),
      vscode.window.onDidChangeTextEditorSelection((event) => this.cursorMoved(event)),
    );
  }

  /** The language client is running: updates flow, and previews restored before it started ask for their pages. */
  start(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(
      client.onNotification(PREVIEW_NOTIFICATION, (update: PreviewUpdate) => this.panels.get(update.uri)?.update(update)),
      // A restarted server knows no previews: ask again for each.
      client.onDidChangeState((event) => {
        if (event.newState === State.Running)
          for (const panel of this.panels.values()) void this.open(panel.uri.toString(), panel.settings);
      }),
    );
    this.resolveStarted(client);
  }

  async openPreview(resource: unknown): Promise<void> {
    const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a resume to preview its page.');
      return;
    }
    const existing = this.panels.get(uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'media')] },
    );
    await this.adopt(panel, uri, { uri: uri.toString(), showMarks: true });
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPreviewState(state)) {
      panel.dispose();
      return;
    }
    await this.adopt(panel, vscode.Uri.parse(state.uri), state);
  }

  private async adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, state: PreviewState): Promise<void> {
    const preview = new PreviewPanel(webviewPanel, uri, state, this.context.extensionUri, this);
    this.panels.set(uri.toString(), preview);
    // The server follows the editor's text: the document must be open (a restored panel may come before its editor).
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      preview.update({
        uri: uri.toString(),
        version: Number.MAX_SAFE_INTEGER,
        error: `Could not open ${uri.fsPath}: ${messageOf(error)}`,
        reason: 'failed',
      });
      return;
    }
    await this.open(uri.toString(), preview.settings);
  }

  async open(uri: string, settings: { theme?: Theme; paper?: Paper }): Promise<void> {
    const client = await this.started;
    const params: PreviewOpenParams = { uri, ...((settings.theme || settings.paper) && { settings }) };
    let result: PreviewOpenResult;
    try {
      result = await client.sendRequest<PreviewOpenResult>(PREVIEW_OPEN_REQUEST, params);
    } catch (error) {
      result = { ok: false, message: `Bulletproof could not open the preview: ${messageOf(error)}` };
    }
    if (!result.ok) this.panels.get(uri)?.update({ uri, version: Number.MAX_SAFE_INTEGER, error: result.message, reason: 'failed' });
  }

  closed(panel: PreviewPanel): void {
    const uri = panel.uri.toString();
    if (this.panels.get(uri) !== panel) return;
    this.panels.delete(uri);
    const params: PreviewCloseParams = { uri };
    if (this.client?.isRunning()) void this.client.sendNotification(PREVIEW_CLOSE_NOTIFICATION, params);
    this.showPages();
  }

  /** The toolbar changed the preview's page: offer to make it the resume's own. */
  settingsChosen(panel: PreviewPanel, theme: Theme, paper: Paper): void {
    void vscode.window
      .showInformationMessage(
        `The preview shows the ${theme} theme on ${paper === 'a4' ? 'A4' : 'US Letter'}. Save this as the page for Export PDF and the page checks too?`,
        SAVE_WORKSPACE,
        SAVE_USER,
      )
      .then(async (choice) => {
        if (choice === undefined) return;
        const target = choice === SAVE_USER ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
        const config = vscode.workspace.getConfiguration('bulletproof', panel.uri);
        await config.update('render.theme', theme, target);
        await config.update('render.paper', paper, target);
        panel.useResumeSettings();
        await this.open(panel.uri.toString(), {});
      });
  }

  pagesChanged(): void {
    this.showPages();
  }

  /** "2 pages" while the active editor's resume has a preview with a page. */
  private showPages(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const pages = uri === undefined ? undefined : this.panels.get(uri)?.pages;
    if (pages === undefined) {
      this.statusItem.hide();
      return;
    }
    this.statusItem.text = `$(file) ${pages} page${pages === 1 ? '' : 's'}`;
    this.statusItem.show();
  }

  private cursorMoved(event: vscode.TextEditorSelectionChangeEvent): void {
    const panel = this.panels.get(event.textEditor.document.uri.toString());
    const position = event.selections[0]?.active;
    if (!panel || !position) return;
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => panel.cursorAt(position), CURSOR_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.cursorTimer);
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
