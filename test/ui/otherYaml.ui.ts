import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows, sortRows } from './expected';
import { config, TIMEOUT } from './config';
import { cliFindings } from './oracles';
import { workbench } from './workbench';

describe('Other YAML files', () => {
  it('leaves docker-compose.yml alone (no diagnostics, no completion) but checks a file marked `# bulletproof`', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    const compose = path.join(config.workspace, 'docker-compose.yml');
    // Linted as a resume, the compose file has findings: seeing none proves it is left alone.
    assert.ok(cliFindings(compose).length > 0, 'the CLI finds nothing in docker-compose.yml: the scenario would prove nothing');
    const marked = expectedRows(cliFindings(path.join(config.workspace, 'marked.yaml')));
    assert.ok(marked.length > 0, 'the CLI finds nothing in marked.yaml');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('docker-compose.yml');
    const lines = fs.readFileSync(compose, 'utf8').split('\n');
    await wb.goTo(lines.indexOf('services:') + 1, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    const suggest = await wb.triggerSuggest();
    await suggest.locator('.message', { hasText: 'No suggestions.' }).waitFor({ timeout: TIMEOUT.firstDiagnostics });
    assert.equal(await suggest.locator('.monaco-list-row').count(), 0);
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');

    // The server is up and publishing: a YAML file opened after the compose
    // file, opted in by its first line, gets its diagnostics...
    await wb.openFile('marked.yaml');
    assert.deepEqual(sortRows(await wb.problemsFor('marked.yaml', marked.length, TIMEOUT.firstDiagnostics)), marked);
    // ...and the compose file still has none, in the Problems panel or the editor.
    assert.equal(await wb.hasProblemsFor('docker-compose.yml'), false, 'docker-compose.yml has problems listed');
    await wb.openFile('docker-compose.yml');
    assert.equal(await wb.squiggleCount(), 0, 'docker-compose.yml has squiggles');
    await wb.screenshot('other-yaml');
  });
});
