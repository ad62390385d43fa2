import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { expectedRows, sortRows } from './expected';
import { config, TIMEOUT } from './config';
import { cliFindings } from './oracles';
import { workbench } from './workbench';

describe('Problems panel', () => {
  it('lists the problems of examples/weak.resume.yaml at the lines and columns the CLI reports', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    const expected = expectedRows(cliFindings(path.join(config.workspace, 'weak.resume.yaml')));
    assert.ok(expected.length > 0, 'the CLI finds nothing in weak.resume.yaml: the scenario would prove nothing');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('weak.resume.yaml');
    const rows = await wb.problemsFor('weak.resume.yaml', expected.length, TIMEOUT.firstDiagnostics);

    assert.deepEqual(sortRows(rows), expected);
    // The squiggles match too: one of the right severity on each reported line in view.
    const [first] = expected;
    assert.ok(first, 'the CLI finds nothing');
    await wb.goTo(first.line, first.column);
    await wb.squiggle(first.line, first.severity);
    await wb.screenshot('problems');
  });
});
