import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expectedRows, sortRows } from './expected';
import { config, TIMEOUT } from './config';
import { applyAction, cliFindings, cliFindingsForText, findingOf, quickFixMenu, serverCodeActions } from './oracles';
import { workbench, type ProblemRow } from './workbench';

/** A resume in another layout than JSON Resume as YAML, and what the workbench should do with it. */
interface LayoutCase {
  layout: string;
  file: string;
  /** The exact messages of two findings: the panel must show them word for word. */
  messages: Record<'quantify' | 'schema/invalid-date', string>;
  /** The line of the bad date once its quick fix is applied. */
  fixedDateLine: string;
  /** Throws when `text` is not valid in the file's own format. */
  parse(text: string): unknown;
}

const CASES: readonly LayoutCase[] = [
  {
    layout: 'JSON Resume as JSON',
    file: 'resume.json',
    messages: {
      quantify: 'No number in this bullet: add the scale or the result (requests/day, p99 latency, %, team size).',
      'schema/invalid-date': '`2019-3` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, here `2019-03`.',
    },
    fixedDateLine: '      "endDate": "2019-03"',
    parse: (text) => JSON.parse(text) as unknown,
  },
  {
    layout: 'RenderCV',
    file: 'Jordan_CV.yaml',
    messages: {
      quantify: 'No number in this bullet: add the scale or the result (requests/day, p99 latency, %, team size).',
      'schema/invalid-date': '`2020-1` is not a date RenderCV reads in `end_date`: write YYYY-MM, YYYY-MM-DD or YYYY, here `2020-01`.',
    },
    fixedDateLine: '        end_date: 2020-01',
    parse: (text) => parseYaml(text, { prettyErrors: true }) as unknown,
  },
];

/** 1-based number of the line of `text` that reads `line` exactly. */
function lineNumber(text: string, line: string, file: string): number {
  const index = text.split('\n').indexOf(line);
  assert.ok(index >= 0, `${file} has no line \`${line}\``);
  return index + 1;
}

describe('Layouts: JSON Resume as JSON, RenderCV, and JSON that is not a resume', () => {
  for (const layout of CASES) {
    it(`${layout.layout} (${layout.file}): the Problems panel lists what the CLI finds, word for word`, async function () {
      this.timeout(TIMEOUT.firstDiagnostics + 60_000);
      const expected = expectedRows(cliFindings(path.join(config.workspace, layout.file)));
      for (const [code, message] of Object.entries(layout.messages)) {
        assert.ok(
          expected.some((row) => row.code === code && row.message === message),
          `the CLI gives no \`${code}\` "${message}" in ${layout.file}: ${JSON.stringify(expected)}`,
        );
      }

      const wb = workbench();
      await wb.closeAllEditors();
      await wb.openFile(layout.file);
      const rows = await wb.problemsFor(layout.file, expected.length, TIMEOUT.firstDiagnostics);
      assert.deepEqual(sortRows(rows), expected);
      for (const [code, message] of Object.entries(layout.messages)) {
        assert.ok(
          rows.some((row) => row.code === code && row.message === message && row.source === 'bulletproof'),
          `no \`${code}\` row "${message}"`,
        );
      }
      await wb.screenshot(`layout-${layout.file}-problems`);
    });

    it(`${layout.layout} (${layout.file}): the bad date's quick fix from the Ctrl+. menu writes the date, and the file stays valid`, async function () {
      this.timeout(TIMEOUT.firstDiagnostics + 90_000);
      const file = path.join(config.workspace, layout.file);
      const original = fs.readFileSync(file, 'utf8');
      const date = findingOf(cliFindings(file), 'schema/invalid-date', file);
      const menu = quickFixMenu(await serverCodeActions(file, original, date.line, date.column));
      const fix = menu.find((action) => action.fixes.includes('schema/invalid-date') && action.isPreferred);
      assert.ok(fix, `the server offers no fix for the date at ${date.line}:${date.column}: ${menu.map((a) => a.title).join(' | ')}`);
      const after = applyAction(original, fix).text;
      // The fix changes that line alone, to the date in full, and the file still reads.
      const lines = original.split('\n');
      lines[date.line - 1] = layout.fixedDateLine;
      assert.equal(after, lines.join('\n'));
      layout.parse(after);
      const expected = expectedRows(cliFindingsForText(after, layout.file));
      assert.ok(!expected.some((row) => row.code === 'schema/invalid-date'), `the CLI still finds a bad date after "${fix.title}"`);

      const wb = workbench();
      await wb.closeAllEditors();
      await wb.openFile(layout.file);
      const restore = await wb.makeRoom();
      await wb.goTo(date.line, date.column);
      await wb.squiggle(date.line, date.severity, TIMEOUT.firstDiagnostics);
      const titles = await wb.openQuickFix();
      assert.deepEqual(
        [...titles].sort(),
        menu.map((action) => action.title).sort(),
        'the menu lists other actions than the server offers',
      );
      await wb.applyQuickFix(fix.title);
      await wb.waitForLine(date.line, layout.fixedDateLine);
      await wb.screenshot(`layout-${layout.file}-quickfix`);
      await restore();
      // The date's problem goes, nothing else changes, and no syntax error appears.
      const rows = await wb.waitForProblems(layout.file, expected, TIMEOUT.firstDiagnostics);
      assert.deepEqual(
        rows.filter((row) => row.code.startsWith('yaml/') || row.code.startsWith('json/')),
        [],
        'the fix broke the file',
      );

      // What the editor holds, saved, is the expected text; undone and saved again, the file is as it was.
      const saved = await wb.save(file, after);
      assert.equal(saved, after);
      layout.parse(saved);
      await wb.focusFirstEditor();
      await wb.page.keyboard.press('Control+Z');
      await wb.waitForLine(date.line, original.split('\n')[date.line - 1] ?? '');
      assert.equal(await wb.save(file, original), original);
    });
  }

  it('JSON Resume as JSON (resume.json): completion offers the keys a work entry lacks, quoted, and inserts one with its value', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 30_000);
    const text = fs.readFileSync(path.join(config.workspace, 'resume.json'), 'utf8');
    // The Initech entry, which has neither `summary` nor `highlights`.
    const start = lineNumber(text, '      "startDate": "2016-01",', 'resume.json');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('resume.json');
    await wb.goTo(start, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    // A key is typed inside its quotes.
    await wb.page.keyboard.type('""');
    await wb.waitForLine(start + 1, '      ""');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.triggerSuggest();
    // Not the keys the entry has. (VS Code's own JSON completion also offers `highlights`, a key of the entry beside it.)
    await wb.expectKeySuggestions(['summary', 'highlights'], ['name', 'position', 'startDate']);
    await wb.screenshot('layout-resume.json-completion');

    await wb.acceptSuggestion('sum', 'summary');
    // The key, its empty value and the comma the next key needs: still JSON.
    await wb.waitForLine(start + 1, '      "summary": "",');
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
  });

  // Checks RenderCV key completion: until the completion in RenderCV files
  // offers RenderCV's keys, nothing is offered inside an experience entry and
  // this scenario fails by saying so.
  it('RenderCV (Jordan_CV.yaml): completion in an experience entry offers its RenderCV keys, not JSON Resume ones, and inserts one', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 30_000);
    const text = fs.readFileSync(path.join(config.workspace, 'Jordan_CV.yaml'), 'utf8');
    // The last line of the Initech entry, which has neither `highlights` nor `location`.
    const last = lineNumber(text, '        end_date: 2020-1', 'Jordan_CV.yaml');

    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile('Jordan_CV.yaml');
    await wb.goTo(last, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    await wb.triggerSuggest();
    // RenderCV's keys; JSON Resume's names for what the entry has, or could have, are wrong here.
    await wb.expectKeySuggestions(['highlights', 'location'], ['startDate', 'endDate', 'name', 'url']).catch((error: Error) => {
      throw new Error(`in a RenderCV experience entry: ${error.message}`);
    });
    await wb.screenshot('layout-Jordan_CV.yaml-completion');

    await wb.acceptSuggestion('highl', 'highlights');
    await wb.waitForLine(last + 1, /^ {8}highlights:/);
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
  });

  it('leaves package.json and tsconfig.json alone while resume.json beside them is checked', async function () {
    this.timeout(TIMEOUT.firstDiagnostics + 60_000);
    const others = ['package.json', 'tsconfig.json'];
    // Linted as resumes, they have findings: seeing none of Bulletproof's proves they are left alone.
    for (const name of others) {
      assert.ok(
        cliFindings(path.join(config.workspace, name)).length > 0,
        `the CLI finds nothing in ${name}: the scenario would prove nothing`,
      );
    }
    const resume = expectedRows(cliFindings(path.join(config.workspace, 'resume.json')));

    const wb = workbench();
    await wb.closeAllEditors();
    for (const name of others) await wb.openFile(name);
    // Opened after them, the resume gets its diagnostics: the server is up and publishing...
    await wb.openFile('resume.json');
    assert.deepEqual(sortRows(await wb.problemsFor('resume.json', resume.length, TIMEOUT.firstDiagnostics)), resume);
    // ...and the other JSON files have none of Bulletproof's (VS Code's own JSON checks may list theirs).
    for (const name of others) {
      const ours = (await wb.currentProblemsFor(name)).filter((row: ProblemRow) => row.source === 'bulletproof');
      assert.deepEqual(ours, [], `${name} has Bulletproof problems`);
    }
    await wb.screenshot('layout-other-json');
  });
});
