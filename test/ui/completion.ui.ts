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
    await wb.triggerSuggest();
    await wb.expectKeySuggestions(['position', 'highlights']);
    await wb.screenshot('completion');

    await wb.acceptSuggestion('posi', 'position');
    await wb.waitForLine(last + 1, /^ {4}position: ?$/);
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
  });
});
