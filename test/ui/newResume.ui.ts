import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows } from './expected';
import { repoRoot, TIMEOUT } from './config';
import { cliFindingsForText, expandSnippet, positionOf } from './oracles';
import { workbench } from './workbench';

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
}

describe('New resume', () => {
  it('opens an untitled resume from the backend skeleton, its first placeholder selected, and checks it before it is saved', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    // The skeleton, from snippets/ (where the command reads it), as the editor inserts it.
    const sections = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'sections.json'), 'utf8')) as Record<string, SnippetEntry>;
    const skeleton = Object.values(sections).find((entry) => ([] as string[]).concat(entry.prefix).includes('skeleton'));
    assert.ok(skeleton, 'snippets/sections.json has no template with the prefix `skeleton`');
    const { text, stops } = expandSnippet(([] as string[]).concat(skeleton.body).join('\n'));
    const lines = text.split('\n');
    assert.equal(lines[0], '# bulletproof', 'the skeleton does not start with the `# bulletproof` marker');
    const expected = expectedRows(cliFindingsForText(text, 'new.resume.yaml'));
    assert.ok(expected.length > 0, 'the CLI finds nothing in the skeleton: the scenario would not show it is checked');

    const wb = workbench();
    await wb.closeAllEditors();
    // In a workbench that has just opened, the palette lists the extension's commands once its
    // host has loaded it: wait for that on a resume, as a person would have one open.
    await wb.openFile('clean.resume.yaml');
    await wb.waitForStatus('bullets quantified', TIMEOUT.firstDiagnostics);
    await wb.closeAllEditors();
    await wb.runCommand('Bulletproof: New Resume from Backend Example');
    const tab = wb.page.locator('.tab.active', { hasText: /Untitled-\d+/ });
    await tab.waitFor({ timeout: TIMEOUT.firstDiagnostics });
    const name = /Untitled-\d+/.exec((await tab.getAttribute('aria-label')) ?? '')?.[0];
    assert.ok(name, 'the new editor is not an untitled file');

    // The skeleton's lines in view, and its first placeholder selected: it was inserted as a snippet.
    for (let line = 1; line <= Math.min(lines.length, 12); line++) await wb.waitForLine(line, lines[line - 1] ?? '');
    const [first] = stops;
    assert.ok(first, 'the skeleton has no tab stop');
    const end = positionOf(text, first.end);
    await wb.waitForSelection(end.line, end.column, first.end - first.start);

    // Checked at once, unsaved: the Problems panel lists what the CLI finds in the same text.
    await wb.waitForProblems(name, expected, TIMEOUT.firstDiagnostics);
    const shown = expected.find((row) => row.severity !== 'info') ?? expected[0];
    assert.ok(shown, 'the CLI finds nothing in the skeleton');
    await wb.goTo(shown.line, shown.column);
    await wb.squiggle(shown.line, shown.severity);
    await wb.screenshot('new-resume');
    await wb.closeAllEditors();
  });
});
