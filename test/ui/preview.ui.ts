import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, repoRoot, TIMEOUT } from './config';
import { workbench, type Workbench } from './workbench';

/** Long enough for the first render: the worker starts and loads the compiler. */
const FIRST_PAGE_MS = 90_000;

/** 1-based line of the first line of weak.resume.yaml that holds `text`. */
function lineOf(text: string): number {
  const lines = fs.readFileSync(path.join(config.workspace, 'weak.resume.yaml'), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `weak.resume.yaml has no line with ${text}`);
  return index + 1;
}

/** The preview's page images' source (a blob URL, new for each page). */
async function pageSource(wb: Workbench): Promise<string> {
  return (await wb.webview('.sheet img').first().getAttribute('src')) ?? '';
}

function pagesItem(wb: Workbench) {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return wb.page.locator(`[id="${manifest.publisher}.${manifest.name}.bulletproof.previewPages"]`);
}

/** Opens weak.resume.yaml and its preview; says whether a page came, or the message of a build with no typesetter. */
async function openPreview(wb: Workbench): Promise<{ page: true } | { page: false; message: string }> {
  await wb.closeAllEditors();
  await wb.openFile('weak.resume.yaml');
  await wb.waitForStatus('bullets quantified', TIMEOUT.firstDiagnostics);
  await wb.runCommand('Bulletproof: Open Preview to the Side');
  await wb.webview('.sheet img, .message').first().waitFor({ timeout: FIRST_PAGE_MS });
  if ((await wb.webview('.message').count()) === 0) return { page: true };
  return { page: false, message: await wb.webview('.message').innerText() };
}

describe('Live preview', () => {
  it('opens beside the editor with the page, or with one clear message in a build with no typesetter', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + FIRST_PAGE_MS + 30_000);
    const wb = workbench();
    const opened = await openPreview(wb);
    if (opened.page) {
      await wb.webview('.sheet img[alt="Page 1 of the resume"]').waitFor({ timeout: TIMEOUT.ui });
    } else {
      assert.match(
        opened.message,
        /^The preview needs the build of Bulletproof for this platform \([\w-]+\): this one checks resumes but cannot typeset them\./,
      );
      assert.equal(await wb.webview('.sheet').count(), 0);
      await wb.screenshot('preview-unavailable');
    }
    await wb.closeAllEditors();
  });

  it('marks the weak bullets, follows typing, and moves the cursor to a clicked bullet and back', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + FIRST_PAGE_MS + 120_000);
    const wb = workbench();
    const restore = await wb.makeRoom({ sideBar: true });
    const opened = await openPreview(wb);
    if (!opened.page) {
      console.log(`      (skipped: this build has no typesetter: "${opened.message}")`);
      await restore();
      this.skip();
    }

    // The page count in the status bar while the resume is the active editor.
    await pagesItem(wb)
      .filter({ hasText: /^\s*1 page\s*$/ })
      .waitFor({ timeout: TIMEOUT.ui });

    // The weak bullet is marked, and its mark tells why on hover.
    const responsible = wb.webview('.mark.flagged[data-id="work[0].highlights[0]"]');
    await responsible.waitFor({ timeout: TIMEOUT.ui });
    await responsible.hover();
    const tooltip = wb.webview('#tooltip');
    await tooltip.filter({ hasText: '`Responsible for` is a weak opening' }).waitFor({ timeout: TIMEOUT.ui });
    assert.match(await tooltip.innerText(), /quantify\s+No number in this bullet/);
    await wb.screenshot('preview');

    // Typing into a bullet gives a new page.
    const before = await pageSource(wb);
    await wb.webview('.mark[data-id="work[0].highlights[1]"][aria-label*="No number in this bullet"]').waitFor({ timeout: TIMEOUT.ui });
    const improved = lineOf('- Improved the API');
    await wb.goTo(improved, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' response time by 40% for 2M daily calls');
    await wb.waitForLine(improved, /Improved the API response time by 40% for 2M daily calls$/);
    const changed = Date.now() + TIMEOUT.ui * 2;
    for (;;) {
      const now = await pageSource(wb);
      if (now !== '' && now !== before) break;
      if (Date.now() > changed) assert.fail('the page did not change after typing into a bullet');
      await wb.page.waitForTimeout(100);
    }
    // Its mark now has the new text's findings: a number, so no `quantify`.
    await wb
      .webview('.mark[data-id="work[0].highlights[1]"]:not([aria-label*="No number in this bullet"])')
      .waitFor({ timeout: TIMEOUT.ui });

    // Clicking a bullet on the page puts the editor's cursor on it.
    await responsible.click();
    await wb.waitForSelection(lineOf('- Responsible for the payments API'), 9);

    // Moving the cursor in the editor lights up its bullet on the page.
    await wb.goTo(lineOf('- Reduced API latency'), 12);
    await wb.webview('.mark.flash[data-id="work[0].highlights[4]"]').waitFor({ timeout: TIMEOUT.ui });

    await wb.runCommand('File: Revert File');
    await wb.closeAllEditors();
    await pagesItem(wb).waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
    await restore();
  });

  it('comes back after a reload of the window, with its toolbar choices', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 2 * FIRST_PAGE_MS + 60_000);
    const wb = workbench();
    const opened = await openPreview(wb);
    if (!opened.page) this.skip();
    await wb.webview('#marks').uncheck();
    await wb.webview('body.hide-marks').waitFor({ timeout: TIMEOUT.ui });

    await wb.runCommand('Developer: Reload Window');
    await wb.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // The panel is restored by its serializer and asks the server for the page again.
    await wb.webview('.sheet img[alt="Page 1 of the resume"]').waitFor({ timeout: FIRST_PAGE_MS });
    assert.equal(await wb.webview('#marks').isChecked(), false, 'the marks stay hidden');
    await wb.webview('body.hide-marks').waitFor({ timeout: TIMEOUT.ui });
    await wb.webview('.mark[data-id="work[0].highlights[0]"]').waitFor({ state: 'attached', timeout: TIMEOUT.ui });
    await wb.closeAllEditors();
  });
});
