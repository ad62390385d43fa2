import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows, sortRows } from './expected';
import { config, TIMEOUT } from './config';
import { cliFindingsForText } from './oracles';
import { workbench } from './workbench';

describe('Typing', () => {
  it('warns about a misspelt key as soon as it is typed', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 30_000);
    const original = fs.readFileSync(path.join(config.workspace, 'clean.resume.yaml'), 'utf8');
    const lines = original.split('\n');
    const after = lines.findIndex((line) => line.trim() === 'position: Backend Engineer') + 1; // 1-based
    assert.ok(after > 0, 'clean.resume.yaml has no `position: Backend Engineer` line');
    const typedLine = after + 1;
    const edited = [...lines.slice(0, after), '    hilights:', ...lines.slice(after)].join('\n');
    const expected = expectedRows(cliFindingsForText(edited, 'clean.resume.yaml'));
    assert.ok(
      expected.some((row) => row.line === typedLine && row.code === 'schema/unknown-key'),
      `the CLI does not flag the typo: ${JSON.stringify(expected)}`,
    );

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('clean.resume.yaml');
    await wb.goTo(after, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('hilights:');
    await wb.waitForLine(typedLine, '    hilights:');

    const typo = expected.find((row) => row.line === typedLine)!;
    await wb.squiggle(typedLine, typo.severity, TIMEOUT.firstDiagnostics);
    assert.deepEqual(sortRows(await wb.problemsFor('clean.resume.yaml', expected.length, TIMEOUT.firstDiagnostics)), expected);
    await wb.screenshot('typing');
    await wb.runCommand('File: Revert File');
  });
});
