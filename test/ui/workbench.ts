/**
 * Drives the code-server workbench that scripts/ui/run.mjs starts: one
 * headless chromium page for the whole run, and small helpers that act like a
 * person (keyboard, command palette, mouse) and wait on what the page shows,
 * never on fixed sleeps.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { config, repoRoot, TIMEOUT } from './config';
import type { Severity } from './oracles';
import { CHROMIUM_ARGS } from '../support/chromium';

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

const BROWSER_ARGS = CHROMIUM_ARGS;

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

  /** Reloads the page, as a person would after changing how extensions run, and waits for the explorer again. */
  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'domcontentloaded' });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /**
   * Shows an output channel (by the command that shows it) and waits until its text matches `text`; returns
   * the text, its lines run together.
   */
  async outputMatching(showCommand: string, text: RegExp, timeout = TIMEOUT.ui): Promise<string> {
    await this.runCommand(showCommand);
    const lines = this.page.locator('.part.panel .output-view .view-lines');
    // The editor lays spaces out as no-break spaces: match the text as a person reads it.
    await this.page
      .waitForFunction(
        ({ source, flags }) =>
          new RegExp(source, flags).test(
            (document.querySelector('.part.panel .output-view .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' '),
          ),
        { source: text.source, flags: text.flags },
        { timeout },
      )
      .catch(async (error: Error) => {
        const output = await lines.innerText({ timeout: 1_000 }).catch(() => '(no output view)');
        throw new Error(`the output shows ${JSON.stringify(output.slice(0, 2_000))}, not ${String(text)}: ${error.message}`);
      });
    // Lines the panel wraps come back whole: the text of the lines, without the breaks the layout adds.
    return (await lines.evaluate((element: PageElement) => element.textContent ?? '')).replace(/\u00a0/g, ' ');
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
    const headerLabel = `[aria-level="1"][aria-label^=${JSON.stringify(`${count} problems in file ${fileName} `)}]`;
    await this.page.waitForFunction(
      ({ fileName, count }) =>
        [...document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="1"]')].some((row) =>
          row.getAttribute('aria-label')?.startsWith(`${count} problems in file ${fileName} `),
        ),
      { fileName, count },
      { timeout },
    );
    // Another file's problems arriving (VS Code's own JSON checks, say) re-sorts the list under the keyboard:
    // then the rows are read again from the header, which is where they are now.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readProblemRows(panel, headerLabel, count);
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** The `count` rows under the file header matching `headerLabel`, read by moving the keyboard focus down from it. */
  private async readProblemRows(panel: Locator, headerLabel: string, count: number): Promise<ProblemRow[]> {
    await panel.locator(`.monaco-list-row${headerLabel}`).click();
    const header = panel.locator(`.monaco-list-row.focused${headerLabel}`);
    await header.waitFor({ timeout: TIMEOUT.ui });
    const headerIndex = Number(await header.getAttribute('data-index'));
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

  /**
   * Every row the Problems panel lists for `fileName` now, from any source,
   * or none when the file has no row. Does not wait for rows to come: wait
   * for what should come first (another file's problems published after it).
   */
  async currentProblemsFor(fileName: string): Promise<ProblemRow[]> {
    await this.showProblems();
    const labels = await this.page
      .locator('.markers-panel .monaco-list-row[aria-level="1"]')
      .evaluateAll((rows: PageElement[]) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    const label = labels.find((candidate) => candidate.replace(/^\d+ /, '').startsWith(`problems in file ${fileName} `));
    return label === undefined ? [] : this.problemsFor(fileName, Number(/^\d+/.exec(label)?.[0]));
  }

  /**
   * Saves the editor of the first group (Ctrl+S), waits until its tab is no
   * longer modified and `file` on disk reads `expected`, or the wait is
   * over, and returns what the file reads.
   */
  async save(file: string, expected: string): Promise<string> {
    await this.focusFirstEditor();
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active:not(.dirty)').waitFor({ timeout: TIMEOUT.ui });
    const deadline = Date.now() + TIMEOUT.ui;
    let text = fs.readFileSync(file, 'utf8');
    // The tab turns clean when the write is acknowledged; read until the disk agrees or the wait is over.
    while (text !== expected && Date.now() < deadline) {
      await this.page.waitForTimeout(100);
      text = fs.readFileSync(file, 'utf8');
    }
    return text;
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
   * Waits until the open suggest widget offers each of `keys` as a property
   * (the first row of that label: another provider may offer it too), then
   * checks that it offers none of `absent`.
   */
  async expectKeySuggestions(keys: readonly string[], absent: readonly string[] = [], timeout = TIMEOUT.firstDiagnostics): Promise<void> {
    const suggest = this.page.locator('.editor-widget.suggest-widget.visible');
    const label = (key: string) => this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(key)}$`) });
    for (const key of keys) {
      const row = suggest.locator('.monaco-list-row', { has: label(key) }).first();
      await row.waitFor({ timeout }).catch((error: Error) => {
        throw new Error(`\`${key}\` is not offered: ${error.message}`);
      });
      if ((await row.locator('.codicon-symbol-property').count()) !== 1) throw new Error(`\`${key}\` is not offered as a property`);
    }
    for (const key of absent) {
      if ((await suggest.locator('.monaco-list-row', { has: label(key) }).count()) > 0) throw new Error(`\`${key}\` is offered`);
    }
  }

  /** Types `typed` into the open suggestions, waits until `label` has the focus, and accepts it (Enter). */
  async acceptSuggestion(typed: string, label: string): Promise<void> {
    const suggest = this.page.locator('.editor-widget.suggest-widget.visible');
    await this.page.keyboard.type(typed);
    await suggest
      .locator('.monaco-list-row.focused', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .waitFor({ timeout: TIMEOUT.ui });
    await this.page.keyboard.press('Enter');
    await suggest.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
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
