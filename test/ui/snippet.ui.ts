import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectedRows } from './expected';
import { config, repoRoot, TIMEOUT } from './config';
import { cliFindingsForText, expandSnippet, positionOf } from './oracles';
import { workbench } from './workbench';

const FILE = 'clean.resume.yaml';

/** What the test types into each slot of the template: realistic values, so the bullet ends up strong. */
const FILL: Record<string, string> = {
  '‹endpoint›': 'the checkout API',
  '‹before›': '900',
  '‹after›': '250',
  '‹how›': 'caching prices in Redis',
  '‹N›': '3',
};

interface SnippetEntry {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

describe('Snippet completion', () => {
  it('completes a bullet template in `highlights` and tabs through its placeholders', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    // The template, from snippets/ (the single source the server bundles).
    const templates = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', 'bullets.json'), 'utf8')) as Record<string, SnippetEntry>;
    const [name, template] = Object.entries(templates).find(([, entry]) => ([] as string[]).concat(entry.prefix).includes('latency')) ?? [];
    assert.ok(name && template, 'snippets/bullets.json has no template with the prefix `latency`');
    const [label] = ([] as string[]).concat(template.prefix);
    assert.ok(label);
    const body = ([] as string[]).concat(template.body).join('\n');
    const { text: inserted, stops } = expandSnippet(body);
    const placeholders = stops.filter((stop) => stop.index > 0);
    assert.ok(placeholders.length >= 2, `the ${name} has fewer than two placeholders`);

    const original = fs.readFileSync(path.join(config.workspace, FILE), 'utf8');
    const lines = original.split('\n');
    // After the last highlight of the first work entry.
    const firstHighlights = lines.findIndex((line) => line.trim() === 'highlights:');
    assert.ok(firstHighlights >= 0, `${FILE} has no highlights`);
    const dashOf = (index: number) => lines[index]?.indexOf('-') ?? -1;
    let last = firstHighlights + 1;
    while (/^\s+- /.test(lines[last + 1] ?? '') && dashOf(last + 1) === dashOf(firstHighlights + 1)) last++;
    const indent = (lines[last] ?? '').slice(0, dashOf(last));
    const line = last + 2; // 1-based number of the new line
    const prefix = `${indent}- `;
    const start = prefix.length; // 0-based column where the template starts

    // What each placeholder holds once filled in, and the text then.
    let filled = inserted;
    for (const stop of [...placeholders].sort((a, b) => b.start - a.start)) {
      filled = filled.slice(0, stop.start) + (FILL[stop.text] ?? stop.text.replace(/[‹›]/g, '')) + filled.slice(stop.end);
    }
    const edited = [...lines.slice(0, line - 1), prefix + filled, ...lines.slice(line - 1)].join('\n');
    const expected = expectedRows(cliFindingsForText(edited, FILE));
    assert.deepEqual(
      expected.filter((row) => row.line === line),
      [],
      `the CLI finds problems in the filled-in template: ${JSON.stringify(expected.filter((row) => row.line === line))}`,
    );

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(FILE);
    await wb.goTo(last + 1, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    // `- ` is a trigger: the server's templates come without Ctrl+Space.
    await wb.page.keyboard.type('- ');
    const suggest = wb.page.locator('.editor-widget.suggest-widget.visible');
    await suggest.waitFor({ timeout: TIMEOUT.firstDiagnostics });
    await wb.page.keyboard.type(label);
    const row = suggest.locator('.monaco-list-row.focused', {
      has: wb.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }),
    });
    await row.waitFor({ timeout: TIMEOUT.ui });
    assert.equal(await row.locator('.codicon-symbol-snippet').count(), 1, `${label} is not offered as a snippet`);
    await wb.screenshot('snippet-completion');
    await wb.page.keyboard.press('Enter');
    await suggest.waitFor({ state: 'hidden', timeout: TIMEOUT.ui });
    await wb.waitForLine(line, prefix + inserted);

    // Each placeholder selected in turn; what is typed replaces it; Tab goes on.
    let typed = inserted;
    let shift = 0;
    for (const [step, stop] of placeholders.entries()) {
      const end = positionOf(typed, stop.end + shift);
      await wb.waitForSelection(line, start + end.column, stop.end - stop.start).catch((error: Error) => {
        throw new Error(`placeholder ${stop.index} (\`${stop.text}\`) is not selected${step ? ' after Tab' : ''}: ${error.message}`);
      });
      if (step === 1) await wb.screenshot('snippet-tabstops');
      const value = FILL[stop.text] ?? stop.text.replace(/[‹›]/g, '');
      await wb.page.keyboard.type(value);
      typed = typed.slice(0, stop.start + shift) + value + typed.slice(stop.end + shift);
      shift += value.length - (stop.end - stop.start);
      await wb.page.keyboard.press('Tab');
    }
    assert.equal(typed, filled);
    await wb.waitForLine(line, prefix + filled);
    // The last Tab leaves the snippet at its end ($0).
    await wb.waitForSelection(line, prefix.length + filled.length + 1);
    await wb.waitForProblems(FILE, expected, TIMEOUT.firstDiagnostics);
    await wb.goTo(line, 1);
    await wb.screenshot('snippet-filled');
    await wb.runCommand('File: Revert File');
  });
});
