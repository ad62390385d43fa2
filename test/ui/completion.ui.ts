import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, TIMEOUT } from './config';
import { workbench } from './workbench';

describe('Completion', () => {
  it('offers the keys of a work entry, and inserts the chosen one', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 30_000);
    const lines = fs.readFileSync(path.join(config.workspace, 'clean.resume.yaml'), 'utf8').split('\n');
    // The last line of the Initech entry, which has neither `position` nor `highlights`.
    const last = lines.findIndex((line) => line.trim() === 'endDate: 2021-02') + 1; // 1-based
    assert.ok(last > 0, 'clean.resume.yaml has no `endDate: 2021-02` line');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('clean.resume.yaml');
    await wb.goTo(last, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    const suggest = await wb.triggerSuggest();
    for (const key of ['position', 'highlights']) {
      const row = suggest.locator('.monaco-list-row', {
        has: wb.page.locator('.label-name', { hasText: new RegExp(`^${key}$`) }),
      });
      await row.waitFor({ timeout: TIMEOUT.firstDiagnostics });
      assert.equal(await row.locator('.codicon-symbol-property').count(), 1, `${key} is not offered as a property`);
    }
    await wb.screenshot('completion');

    await wb.page.keyboard.type('posi');
    await suggest
      .locator('.monaco-list-row.focused', { has: wb.page.locator('.label-name', { hasText: /^position$/ }) })
      .waitFor({ timeout: TIMEOUT.ui });
    await wb.page.keyboard.press('Enter');
    await suggest.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
    await wb.waitForLine(last + 1, /^ {4}position: ?$/);
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
  });
});
