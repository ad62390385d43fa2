import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { config, TIMEOUT } from './config';
import { cliFindings } from './oracles';
import { workbench } from './workbench';

describe('Hover', () => {
  it('shows the message and the rule id, linked to its doc, when hovering a squiggle', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 30_000);
    const findings = cliFindings(path.join(config.workspace, 'weak.resume.yaml'));
    const finding = findings.find((candidate) => candidate.code === 'schema/unknown-key') ?? findings[0];
    assert.ok(finding, 'the CLI finds nothing in weak.resume.yaml');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('weak.resume.yaml');
    await wb.squiggle(finding.line, finding.severity, TIMEOUT.firstDiagnostics);
    await wb.goTo(finding.line, finding.column);
    const hover = await wb.hoverSquiggleAtCursor(finding.severity, finding.line, finding.message);

    const marker = hover.locator('.marker.hover-contents');
    const text = (await marker.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes(finding.message), `hover shows "${text}"`);
    assert.ok(text.includes('bulletproof'), `hover does not name the source: "${text}"`);
    const codeLink = marker.locator('a.code-link');
    assert.equal((await codeLink.innerText()).trim(), finding.code);
    assert.ok(await codeLink.getAttribute('href'), 'the rule id is not a link to its doc');
    await wb.screenshot('hover');
  });
});
