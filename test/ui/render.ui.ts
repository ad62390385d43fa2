import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, TIMEOUT } from './config';
import { workbench } from './workbench';

describe('Export PDF', () => {
  it('writes the resume’s PDF beside it and offers to open it', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 120_000);
    const pdf = path.join(config.workspace, 'clean.resume.pdf');
    fs.rmSync(pdf, { force: true });

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('clean.resume.yaml');
    // The extension is up once the resume is checked: its commands are in the palette.
    await wb.waitForStatus('bullets quantified', TIMEOUT.firstDiagnostics);
    await wb.runCommand('Bulletproof: Export PDF');

    // One message either way: what was written, or why nothing was.
    // (Not the progress notification, which may linger a moment.)
    const toast = wb.page.locator('.notification-toast', { hasText: /Wrote |needs |cannot|failed|exists and|Could not/ });
    await toast.first().waitFor({ timeout: 90_000 });
    const message = (await toast.first().innerText()).trim();
    assert.match(message, /Wrote clean\.resume\.pdf \(\d+ pages?\)\./, `the export did not succeed: ${message}`);
    for (const action of ['Open PDF', 'Reveal in Explorer']) {
      await toast.first().locator('.monaco-button', { hasText: action }).waitFor({ timeout: TIMEOUT.ui });
    }
    assert.equal(fs.readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    await wb.screenshot('export-pdf');

    // Leave the workspace as it was.
    await wb.page.keyboard.press('Escape');
    fs.rmSync(pdf, { force: true });
    await wb.closeAllEditors();
  });
});
