/**
 * Drives the code-server workbench that scripts/ui/run.mjs starts: one
 * headless chromium page for the whole run, and small helpers that act like a
 * person (keyboard, command palette, mouse) and wait on what the page shows,
 * never on fixed sleeps.
 *
 * Configuration comes from the environment run.mjs sets:
 *   BULLETPROOF_UI_URL        the workbench URL (code-server on 127.0.0.1)
 *   BULLETPROOF_UI_WORKSPACE  the temporary copy of test/ui/workspace it serves
 *   BULLETPROOF_UI_RESULTS    where screenshots go (default test-results/ui)
 *   BULLETPROOF_CHROMIUM      the browser (default /usr/bin/chromium)
 *   BULLETPROOF_UI_TMP        the run's temporary folder (the browser profile goes there)
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  type Diagnostic,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { ResumeReport } from '../../server/src/engine/report';

/**
 * The little of the DOM that the functions run in the page use. The project
 * compiles without the DOM library (it would hide mistakes in Node code), so
 * it is declared here, for this module only.
 */
interface PageRect {
  top: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
declare const document: PageElement;

export const repoRoot = path.resolve(__dirname, '..', '..');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests with \`node scripts/ui/run.mjs\``);
  return value;
}

export const config = {
  get url(): string {
    return requiredEnv('BULLETPROOF_UI_URL');
  },
  get workspace(): string {
    return requiredEnv('BULLETPROOF_UI_WORKSPACE');
  },
  results: path.resolve(repoRoot, process.env.BULLETPROOF_UI_RESULTS ?? path.join('test-results', 'ui')),
  chromium: process.env.BULLETPROOF_CHROMIUM ?? '/usr/bin/chromium',
  /** The run's temporary folder, removed by run.mjs even when interrupted. */
  tmp: process.env.BULLETPROOF_UI_TMP ?? os.tmpdir(),
};

/** How long to wait for something the page should show. */
export const TIMEOUT = {
  /** The first diagnostics: extension activation and language server start included. */
  firstDiagnostics: 45_000,
  ui: 15_000,
};

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding as `bulletproof --format json` prints it (1-based lines and columns). */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/** What the CLI finds in `file`: the expected diagnostics, computed rather than typed. */
export function cliFindings(file: string): CliFinding[] {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--format', 'json', file], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`bulletproof CLI failed (${result.status}) on ${file}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as CliFinding[];
}

/**
 * The CLI's findings for `text` as if it were a file named `name` (for edits
 * made in the editor). `companions` are copied beside it, so that a
 * `meta.posting: ./acme-backend.md` resolves as it does in the workspace.
 */
export function cliFindingsForText(text: string, name: string, companions: readonly string[] = []): CliFinding[] {
  return withTextFile(text, name, companions, cliFindings);
}

/** The resume report `bulletproof --report --format json` computes for `file`. */
export function cliReport(file: string): ResumeReport {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const result = spawnSync(process.execPath, [cli, '--report', '--format', 'json', file], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`bulletproof --report failed (${result.status}) on ${file}: ${result.stderr}`);
  }
  const [entry] = JSON.parse(result.stdout) as { file: string; report: ResumeReport }[];
  if (!entry) throw new Error(`bulletproof --report printed no report for ${file}`);
  return entry.report;
}

/** The report for `text` as if it were a file named `name`, with `companions` beside it. */
export function cliReportForText(text: string, name: string, companions: readonly string[] = []): ResumeReport {
  return withTextFile(text, name, companions, cliReport);
}

function withTextFile<T>(text: string, name: string, companions: readonly string[], use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-ui-text-'));
  try {
    for (const companion of companions) fs.copyFileSync(companion, path.join(dir, path.basename(companion)));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A tab stop of an expanded snippet: offsets into its text, and the text it selects. */
export interface TabStop {
  index: number;
  start: number;
  end: number;
  text: string;
}

/**
 * What a snippet in VS Code's syntax inserts (placeholders' defaults, the
 * first of a choice) and where its tab stops land, in the order Tab visits
 * them: 1, 2, … and `$0` (the end, when the snippet has none) last.
 */
export function expandSnippet(snippet: string): { text: string; stops: TabStop[] } {
  let text = '';
  const found = new Map<number, TabStop>();
  let i = 0;
  const record = (index: number, start: number) => {
    if (!found.has(index)) found.set(index, { index, start, end: text.length, text: text.slice(start) });
  };
  const parse = (until: string | undefined): void => {
    while (i < snippet.length) {
      const ch = snippet[i];
      if (until !== undefined && ch === until) return;
      if (ch === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet.charAt(i + 1))) {
        text += snippet.charAt(i + 1);
        i += 2;
        continue;
      }
      if (ch !== '$') {
        text += ch;
        i++;
        continue;
      }
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      if (simple) {
        record(Number(simple[1]), text.length);
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(snippet.slice(i));
      if (!open) {
        // A variable ($TM_FILENAME, ${NAME:default}): its default, or nothing.
        const variable = /^\$(?:[A-Z_]+|\{[A-Z_]+(?::([^}]*))?\})/.exec(snippet.slice(i));
        if (variable) {
          text += variable[1] ?? '';
          i += variable[0].length;
        } else {
          text += ch;
          i++;
        }
        continue;
      }
      const index = Number(open[1]);
      const start = text.length;
      i += open[0].length;
      if (open[2] === ':') {
        parse('}');
        i++;
      } else if (open[2] === '|') {
        const close = snippet.indexOf('|}', i);
        text += (snippet.slice(i, close).split(/(?<!\\),/)[0] ?? '').replace(/\\(.)/g, '$1');
        i = close + 2;
      }
      // Recorded after its default, so that an inner placeholder keeps its own stop.
      const stop = { index, start, end: text.length, text: text.slice(start) };
      if (!found.has(index)) found.set(index, stop);
    }
  };
  parse(undefined);
  if (!found.has(0)) found.set(0, { index: 0, start: text.length, end: text.length, text: '' });
  const stops = [...found.values()].sort((a, b) => (a.index === 0 ? 1 : b.index === 0 ? -1 : a.index - b.index));
  return { text, stops };
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** One edit of a code action: offsets into the text it applies to; `snippet` when it is a snippet edit. */
export interface ActionEdit {
  start: number;
  end: number;
  newText: string;
  snippet: boolean;
}

/** A code action as the language server offers it to VS Code. */
export interface ServerAction {
  title: string;
  kind?: string;
  isPreferred: boolean;
  /** Codes of the diagnostics it fixes. */
  fixes: string[];
  edits: ActionEdit[];
  command?: string;
}

/**
 * The code actions the bundled language server offers at `line`:`column`
 * (1-based) of `text`, opened as `file`, asked the way VS Code 1.100 asks:
 * an empty range at the cursor, the diagnostics there as context, and a
 * client that supports snippet edits (`workspace.workspaceEdit.snippetEditSupport`).
 * The expectation for the quick-fix menu, computed rather than typed.
 */
export async function serverCodeActions(file: string, text: string, line: number, column: number): Promise<ServerAction[]> {
  const server = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(file).href;
  const published = new Promise<Diagnostic[]>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) resolve(params.diagnostics);
    }),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`the language server did not answer within ${TIMEOUT.firstDiagnostics} ms: ${stderr}`)),
      TIMEOUT.firstDiagnostics,
    ).unref(),
  );
  try {
    return await Promise.race([
      timeout,
      (async () => {
        await connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: pathToFileURL(path.dirname(file)).href,
          workspaceFolders: [{ uri: pathToFileURL(path.dirname(file)).href, name: 'workspace' }],
          capabilities: {
            workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
            // As VS Code does: the server offers "Show documentation" only to clients that can show a document.
            window: { showDocument: { support: true } },
            textDocument: {
              codeAction: {
                codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
                isPreferredSupport: true,
              },
            },
          },
        });
        await connection.sendNotification(InitializedNotification.type, {});
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
        const diagnostics = await published;
        const position: Position = { line: line - 1, character: column - 1 };
        const contains = (diagnostic: Diagnostic) =>
          comparePositions(diagnostic.range.start, position) <= 0 && comparePositions(position, diagnostic.range.end) <= 0;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: diagnostics.filter(contains), only: undefined, triggerKind: 1 },
        });
        return (actions ?? []).filter(CodeAction.is).map((action) => ({
          title: action.title,
          kind: action.kind,
          isPreferred: action.isPreferred === true,
          fixes: (action.diagnostics ?? []).map((diagnostic) => String(diagnostic.code)),
          edits: actionEdits(text, uri, action.edit),
          command: action.command?.command,
        }));
      })(),
    ]);
  } finally {
    connection.dispose();
    server.kill();
  }
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function offsetIn(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

function actionEdits(text: string, uri: string, edit: WorkspaceEdit | undefined): ActionEdit[] {
  const edits: ActionEdit[] = [];
  for (const change of edit?.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change) || change.textDocument.uri !== uri) continue;
    for (const one of change.edits) {
      const start = offsetIn(text, one.range.start);
      const end = offsetIn(text, one.range.end);
      if ('snippet' in one) edits.push({ start, end, newText: one.snippet.value, snippet: true });
      else edits.push({ start, end, newText: one.newText, snippet: false });
    }
  }
  for (const one of edit?.changes?.[uri] ?? []) {
    edits.push({ start: offsetIn(text, one.range.start), end: offsetIn(text, one.range.end), newText: one.newText, snippet: false });
  }
  return edits;
}

/**
 * `text` after a code action's edits, and where the tab stops of its
 * snippet edit land in it (offsets into the new text), as VS Code applies it.
 */
export function applyAction(text: string, action: ServerAction): { text: string; stops: TabStop[] } {
  let result = text;
  let stops: TabStop[] = [];
  for (const edit of [...action.edits].sort((a, b) => b.start - a.start)) {
    const inserted = edit.snippet ? expandSnippet(edit.newText) : { text: edit.newText, stops: [] };
    const shift = inserted.text.length - (edit.end - edit.start);
    stops = stops.map((stop) => ({ ...stop, start: stop.start + shift, end: stop.end + shift }));
    stops.push(...inserted.stops.map((stop) => ({ ...stop, start: stop.start + edit.start, end: stop.end + edit.start })));
    result = result.slice(0, edit.start) + inserted.text + result.slice(edit.end);
  }
  return { text: result, stops };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A row of the Problems panel, read from its accessible label and its parts. */
export interface ProblemRow {
  severity: Severity;
  message: string;
  line: number;
  column: number;
  source: string;
  code: string;
}

const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(): Promise<Workbench> {
    // A fresh profile inside the run's temporary folder.
    const profile = fs.mkdtempSync(path.join(config.tmp, 'chromium-'));
    const home = path.join(profile, 'home');
    const context = await chromium.launchPersistentContext(path.join(profile, 'profile'), {
      executablePath: config.chromium,
      headless: true,
      args: BROWSER_ARGS,
      viewport: { width: 1280, height: 800 },
      // Nothing of the browser's lands in the real home folder.
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    });
    launched = context;
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(TIMEOUT.ui);
    const workbench = new Workbench(context, page);
    await page.goto(config.url, { waitUntil: 'domcontentloaded' });
    // The explorer lists the workspace once the remote connection is up.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return workbench;
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  /** The active editor. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(config.results, { recursive: true });
    const file = path.join(config.results, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Closes hovers, suggestions and quick inputs left open. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
  }

  /** Runs a command from the palette (F1) by its exact label, e.g. `View: Close All Editors`. */
  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('input');
    await input.waitFor({ timeout: TIMEOUT.ui });
    await input.fill(`>${label}`);
    await this.quickInput
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .waitFor({ timeout: TIMEOUT.ui });
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
  }

  /** Opens a workspace file by name with Quick Open (Ctrl+P). */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput.locator('input');
    await input.waitFor({ timeout: TIMEOUT.ui });
    await input.fill(name);
    // The first file result, once the file search has answered.
    await this.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: TIMEOUT.ui });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor({ timeout: TIMEOUT.ui });
    await this.editor.locator('.view-lines').waitFor({ timeout: TIMEOUT.ui });
  }

  /**
   * Closes every editor, answering "Don't Save" if a test left one modified,
   * so each scenario starts from an empty editor area (and the server clears
   * the diagnostics of closed files).
   */
  async closeAllEditors(): Promise<void> {
    await this.page.keyboard.press('Escape');
    if ((await this.page.locator('.tabs-container .tab').count()) === 0) return;
    await this.runCommand('View: Close All Editors');
    for (;;) {
      await this.page.waitForFunction(
        () => document.querySelector('.monaco-dialog-box') !== null || [...document.querySelectorAll('.tabs-container .tab')].length === 0,
        undefined,
        { timeout: TIMEOUT.ui },
      );
      const dialog = this.page.locator('.monaco-dialog-box');
      if ((await dialog.count()) === 0) return;
      await dialog.getByRole('button', { name: "Don't Save" }).click();
    }
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based, and waits for the status bar to show it. */
  async goTo(line: number, column = 1): Promise<void> {
    // From the editor, as a person would: keys pressed while the Problems panel has the focus open its rows.
    await this.focusFirstEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.quickInput.locator('input');
    await input.waitFor({ timeout: TIMEOUT.ui });
    await input.fill(`:${line}:${column}`);
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
    await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: TIMEOUT.ui });
  }

  /**
   * Waits until the active editor shows a squiggle of `severity` on `line`
   * (1-based, in view), and returns where the squiggles of that line are.
   */
  async squiggle(line: number, severity: Severity, timeout = TIMEOUT.ui): Promise<Box[]> {
    const handle = await this.page.waitForFunction(
      ({ line, severity }) => {
        const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
        const number = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find(
          (element) => element.textContent?.trim() === String(line),
        );
        if (!editor || !number) return false;
        const top = number.getBoundingClientRect().top;
        const boxes = [...editor.querySelectorAll(`.view-overlays .squiggly-${severity}`)]
          .map((element) => element.getBoundingClientRect())
          .filter((rect) => Math.abs(rect.top - top) < 2)
          .map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height }));
        return boxes.length > 0 ? boxes : false;
      },
      { line, severity },
      { timeout },
    );
    return (await handle.jsonValue()) as Box[];
  }

  /** The number of squiggles of any severity in the active editor. */
  async squiggleCount(): Promise<number> {
    return this.editor.locator('.view-overlays [class*="squiggly-"]').count();
  }

  /**
   * Hovers the squiggle that starts at the cursor and returns the hover
   * widget once it shows `text`. Moves the mouse again if a hover does not
   * come (a hover can be swallowed while the editor is still laying out).
   */
  async hoverSquiggleAtCursor(severity: Severity, line: number, text: string): Promise<Locator> {
    const cursor = await this.editor.locator('.cursors-layer .cursor').first().boundingBox();
    if (!cursor) throw new Error('no cursor in the active editor');
    const box = (await this.squiggle(line, severity)).find(
      (candidate) => cursor.x >= candidate.x - 1 && cursor.x < candidate.x + candidate.width,
    );
    if (!box) throw new Error(`no ${severity} squiggle under the cursor on line ${line}`);
    const target = { x: box.x + Math.min(box.width / 2, 20), y: box.y + box.height / 2 };
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first();
    const deadline = Date.now() + TIMEOUT.ui;
    for (let attempt = 0; ; attempt++) {
      await this.page.mouse.move(target.x + attempt, target.y);
      try {
        await hover.waitFor({ timeout: 3_000 });
        return hover;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.mouse.move(0, 0);
      }
    }
  }

  /** Opens the Problems panel (without toggling it closed when it is open) and focuses its tree. */
  async showProblems(): Promise<Locator> {
    await this.runCommand('Problems: Focus on Problems View');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: TIMEOUT.ui });
    return panel;
  }

  /**
   * Waits for the Problems panel to list `count` problems for `fileName`,
   * then reads them all by walking the tree with the keyboard (the list only
   * renders the rows in view, so rows are read as they get focus).
   */
  async problemsFor(fileName: string, count: number, timeout = TIMEOUT.ui): Promise<ProblemRow[]> {
    const panel = await this.showProblems();
    // By its accessible name: an untitled file's row shows its first line, but is named `Untitled-1`.
    const header = panel.locator(
      `.monaco-list-row[aria-level="1"][aria-label^=${JSON.stringify(`${count} problems in file ${fileName} `)}]`,
    );
    await this.page.waitForFunction(
      ({ fileName, count }) =>
        [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="1"]')].some((row) =>
          row.getAttribute('aria-label')?.startsWith(`${count} problems in file ${fileName} `),
        ),
      { fileName, count },
      { timeout },
    );
    const headerIndex = Number(await header.getAttribute('data-index'));
    await header.click();
    await panel.locator(`.monaco-list-row.focused[data-index="${headerIndex}"]`).waitFor({ timeout: TIMEOUT.ui });
    if ((await header.getAttribute('aria-expanded')) === 'false') await this.page.keyboard.press('ArrowRight');
    const rows: ProblemRow[] = [];
    for (let index = headerIndex + 1; index <= headerIndex + count; index++) {
      await this.page.keyboard.press('ArrowDown');
      const row = panel.locator(`.monaco-list-row.focused[data-index="${index}"]`);
      await row.waitFor({ timeout: TIMEOUT.ui });
      rows.push(await readProblemRow(row));
    }
    return rows;
  }

  /** Rows of the Problems panel for `fileName`, or none when the file has no row. */
  async hasProblemsFor(fileName: string): Promise<boolean> {
    return (
      (await this.page
        .locator('.markers-panel .monaco-list-row[aria-level="1"]', {
          has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(fileName)}$`) }),
        })
        .count()) > 0
    );
  }

  /** Triggers suggestions (Ctrl+Space) and returns the visible widget. */
  async triggerSuggest(): Promise<Locator> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor({ timeout: TIMEOUT.ui });
    return widget;
  }

  /**
   * Opens the quick-fix menu (Ctrl+.) at the cursor and returns the titles of
   * its actions, in the order it lists them (group headers left out).
   */
  async openQuickFix(): Promise<string[]> {
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.action-widget');
    await menu.locator('.monaco-list-row.action.focused').waitFor({ timeout: TIMEOUT.ui });
    const rows = menu.locator('.monaco-list-row');
    const size = Number(await rows.first().getAttribute('aria-setsize'));
    if ((await rows.count()) !== size)
      throw new Error(`the quick-fix menu shows ${await rows.count()} of its ${size} rows: make the window taller`);
    return menu
      .locator('.monaco-list-row.action')
      .evaluateAll((elements: { getAttribute(name: string): string | null }[]) =>
        elements.map((element) => element.getAttribute('aria-label') ?? ''),
      );
  }

  /** The quick-fix menu, while it is open. */
  get quickFixMenu(): Locator {
    return this.page.locator('.action-widget');
  }

  /** In the open quick-fix menu, moves to the action titled `title` with the keyboard and applies it (Enter). */
  async applyQuickFix(title: string): Promise<void> {
    const menu = this.quickFixMenu;
    const focused = menu.locator('.monaco-list-row.action.focused');
    const size = Number(await menu.locator('.monaco-list-row').first().getAttribute('aria-setsize'));
    for (let step = 0; (await focused.getAttribute('aria-label')) !== title; step++) {
      if (step > size) throw new Error(`the quick-fix menu has no action "${title}"`);
      const before = await focused.getAttribute('data-index');
      await this.page.keyboard.press('ArrowDown');
      await menu.locator(`.monaco-list-row.action.focused:not([data-index="${before}"])`).waitFor({ timeout: TIMEOUT.ui });
    }
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
  }

  /**
   * Waits until the status bar shows the cursor at `line`:`column` (1-based)
   * with `selected` characters selected: a selection made by a snippet's tab
   * stop ends at the cursor.
   */
  async waitForSelection(line: number, column: number, selected = 0, timeout = TIMEOUT.ui): Promise<void> {
    const text = `Ln ${line}, Col ${column}${selected ? ` (${selected} selected)` : ''}`;
    await this.page
      .locator('#status\\.editor\\.selection', { hasText: new RegExp(`^${escapeRegExp(text)}$`) })
      .waitFor({ timeout })
      .catch(async (error: Error) => {
        const shown = await this.page
          .locator('#status\\.editor\\.selection')
          .innerText()
          .catch(() => '(nothing)');
        throw new Error(`the status bar shows "${shown}", not "${text}": ${error.message}`);
      });
  }

  /** Bulletproof's status bar item ("✓ 14/18 bullets quantified · …"), by the id VS Code gives it. */
  get statusItem(): Locator {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
    return this.page.locator(`[id="${manifest.publisher}.${manifest.name}.bulletproof.status"]`);
  }

  /** Waits until Bulletproof's status bar item shows `text` (a substring, or a pattern) and returns what it shows. */
  async waitForStatus(text: string | RegExp, timeout = TIMEOUT.ui): Promise<string> {
    const item = this.statusItem.filter({ hasText: text });
    await item.waitFor({ timeout }).catch(async (error: Error) => {
      const shown = await this.statusItem.innerText({ timeout: 1_000 }).catch(() => '(no item)');
      throw new Error(`Bulletproof's status bar item shows "${shown}", not ${String(text)}: ${error.message}`);
    });
    return (await item.innerText()).trim();
  }

  /**
   * Elements matching `selector` inside the visible webview (the report, a
   * Markdown preview): VS Code nests a webview's page in two iframes.
   */
  webview(selector: string): Locator {
    return this.page
      .locator('iframe.webview.ready')
      .filter({ visible: true })
      .contentFrame()
      .locator('iframe#active-frame')
      .contentFrame()
      .locator(selector);
  }

  /**
   * Hides the panel (Problems) and, with `sideBar`, the primary side bar, so
   * that a screenshot shows the editors large; returns a function that shows
   * again whichever of them is still hidden.
   */
  async makeRoom({ sideBar = false } = {}): Promise<() => Promise<void>> {
    const parts = [{ selector: '#workbench\\.parts\\.panel', hide: 'View: Hide Panel', show: 'View: Toggle Panel Visibility' }];
    if (sideBar) {
      const toggle = 'View: Toggle Primary Side Bar Visibility';
      parts.push({ selector: '#workbench\\.parts\\.sidebar', hide: toggle, show: toggle });
    }
    const hidden: typeof parts = [];
    for (const part of parts) {
      const element = this.page.locator(part.selector);
      if (!(await element.isVisible())) continue;
      await this.runCommand(part.hide);
      await element.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
      hidden.push(part);
    }
    return async () => {
      for (const part of hidden.reverse()) {
        const element = this.page.locator(part.selector);
        if (await element.isVisible()) continue;
        await this.runCommand(part.show);
        await element.waitFor({ timeout: TIMEOUT.ui });
      }
    };
  }

  /** Moves the focus back to the text editor in the first editor group (after a webview opened beside it). */
  async focusFirstEditor(): Promise<void> {
    await this.runCommand('View: Focus First Editor Group');
    await this.page.locator('.editor-group-container.active .editor-instance .monaco-editor.focused').waitFor({ timeout: TIMEOUT.ui });
  }

  /**
   * Waits until line `line` (1-based, in view) of the active editor reads `text`
   * (or matches it): the editor renders typed keys a frame or more after they are sent.
   */
  async waitForLine(line: number, text: string | RegExp, timeout = TIMEOUT.ui): Promise<void> {
    const pattern = typeof text === 'string' ? undefined : { source: text.source, flags: text.flags };
    await this.page
      .waitForFunction(
        ({ line, text, pattern }) => {
          const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
          const number = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find(
            (element) => element.textContent?.trim() === String(line),
          );
          if (!editor || !number) return false;
          const top = number.getBoundingClientRect().top;
          const view = [...editor.querySelectorAll('.view-lines .view-line')].find(
            (element) => Math.abs(element.getBoundingClientRect().top - top) < 2,
          );
          const shown = (view?.textContent ?? '').replace(/\u00a0/g, ' ');
          return pattern ? new RegExp(pattern.source, pattern.flags).test(shown) : shown === text;
        },
        { line, text: typeof text === 'string' ? text : '', pattern },
        { timeout },
      )
      .catch(async (error: Error) => {
        const shown = await this.lineText(line).catch((reason: Error) => reason.message);
        throw new Error(`line ${line} reads "${shown}", not "${String(text)}": ${error.message}`);
      });
  }

  /**
   * Waits until the Problems panel lists exactly `expected` for `fileName`
   * (in any order), reading it again while it still shows something else.
   */
  async waitForProblems(fileName: string, expected: readonly ProblemRow[], timeout = TIMEOUT.ui): Promise<ProblemRow[]> {
    const deadline = Date.now() + timeout;
    const key = (row: ProblemRow) => JSON.stringify([row.line, row.column, row.severity, row.code, row.source, row.message]);
    const want = expected.map(key).sort();
    for (;;) {
      const rows = await this.problemsFor(fileName, expected.length, Math.max(1_000, deadline - Date.now()));
      if (JSON.stringify(rows.map(key).sort()) === JSON.stringify(want)) return rows;
      if (Date.now() > deadline) {
        throw new Error(`the Problems panel lists for ${fileName}:\n${rows.map(key).join('\n')}\nnot:\n${want.join('\n')}`);
      }
      // Same count, other rows: a publish for an older version. Read the panel again.
    }
  }

  /** The text of line `line` (1-based) of the active editor, as rendered. */
  async lineText(line: number): Promise<string> {
    const lines = await this.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
      if (!editor) return [];
      const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((element) => ({
        number: Number(element.textContent?.trim()),
        top: element.getBoundingClientRect().top,
      }));
      return [...editor.querySelectorAll('.view-lines .view-line')].map((element) => {
        const top = element.getBoundingClientRect().top;
        const number = numbers.find((candidate) => Math.abs(candidate.top - top) < 2)?.number ?? -1;
        return { number, text: (element.textContent ?? '').replace(/\u00a0/g, ' ') };
      });
    });
    const found = lines.find((candidate) => candidate.number === line);
    if (!found) throw new Error(`line ${line} is not in view`);
    return found.text;
  }
}

async function readProblemRow(row: Locator): Promise<ProblemRow> {
  const label = (await row.getAttribute('aria-label')) ?? '';
  const match = /^(Error|Warning|Info|Hint): ([\s\S]*) at line (\d+) and character (\d+)\./.exec(label);
  if (!match) throw new Error(`unexpected Problems row: ${label}`);
  const [, severity = '', message = '', line, column] = match;
  return {
    severity: severity.toLowerCase() as Severity,
    message,
    line: Number(line),
    column: Number(column),
    source: ((await row.locator('.marker-source').textContent()) ?? '').trim(),
    code: ((await row.locator('.marker-code').textContent()) ?? '').trim(),
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let current: Workbench | undefined;
/** The browser as soon as it is launched, so that an interrupt can close it while the workbench loads. */
let launched: BrowserContext | undefined;

/** The workbench of this run, opened by the root hook below. */
export function workbench(): Workbench {
  if (!current) throw new Error('the workbench is not open');
  return current;
}

/** Closes the browser if it is open (run.mjs calls this when interrupted). */
export async function closeWorkbench(): Promise<void> {
  const closing = launched;
  current = undefined;
  launched = undefined;
  await closing?.close();
}

/** Mocha root hooks: run.mjs passes these to Mocha. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(90_000);
    current = await Workbench.open();
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      const name = test
        .fullTitle()
        .replace(/[^\w-]+/g, '-')
        .slice(0, 100);
      const file = await current.screenshot(`FAILED-${name}`).catch(() => undefined);
      if (file) console.log(`      screenshot of the failure: ${path.relative(repoRoot, file)}`);
    }
  },
  async afterAll(): Promise<void> {
    await closeWorkbench();
  },
};
