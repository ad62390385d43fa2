/**
 * A fix on a JSON file writes JSON. The YAML parser reads JSON as flow YAML,
 * so without care a fix writes YAML into it: `"startDate": 2018-09`, a
 * trailing comma, an unquoted key. Here each writer, with exact edits.
 * (Every corpus JSON file, each fix alone and fix-all: fixAll.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseResume } from '../../server/src/engine/document';
import { isJsonText, jsonString } from '../../server/src/engine/json';
import { lint } from '../../server/src/linter';
import { addSkillFix } from '../../server/src/engine/posting';
import { snippetToPlainText } from '../../server/src/engine/scalarSource';
import type { Finding, Fix } from '../../server/src/engine/types';
import { codeActions } from '../../server/src/lsp/codeActions';
import { applyFixPlain, fixAllOf, lintOptions } from './support';
import { highlightAt, readJsonResume, workEntry } from './readBack';
import { first } from '../support/lists';

function findings(text: string, ruleId: string): Finding[] {
  return lint(text, lintOptions()).findings.filter((finding) => finding.ruleId === ruleId);
}

function onlyFix(text: string, ruleId: string, title?: string): Fix {
  const fixes = findings(text, ruleId)
    .flatMap((finding) => finding.fixes)
    .filter((fix) => !title || fix.title === title);
  assert.equal(fixes.length, 1, `${ruleId}: ${fixes.map((fix) => fix.title).join(', ')}`);
  return first(fixes);
}

/** The range of `needle` in `text` (its first occurrence). */
function at(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.notEqual(start, -1, needle);
  return { start, end: start + needle.length };
}

const job = (pairs: string) => `{\n  "basics": {"name": "Ada", "email": "ada@example.com"},\n  "work": [\n    {\n${pairs}\n    }\n  ]\n}\n`;

describe('fixes on a JSON file', () => {
  it('knows a JSON file by its first character, after a BOM and blanks', () => {
    assert.deepEqual(['{}', '\uFEFF  \r\n {"a": 1}', 'a: {b: 1}', '# c\n{}', '', '[1]'].map(isJsonText), [
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('writes a date as a JSON string: `"2018-09"`, never `2018-09`', () => {
    const text = job('      "name": "Acme",\n      "startDate": "September 2018"');
    const fix = onlyFix(text, 'schema/invalid-date');
    assert.deepEqual(fix.edits, [{ range: at(text, '"September 2018"'), newText: '"2018-09"' }]);
    assert.equal(workEntry(readJsonResume(applyFixPlain(text, fix))).startDate, '2018-09');
  });

  it('removes `"endDate": "Present"` with one comma, first, middle, last or alone', () => {
    const first = job('      "endDate": "Present",\n      "name": "Acme"');
    assert.equal(applyFixPlain(first, onlyFix(first, 'schema/invalid-date')), job('      "name": "Acme"'));
    const middle = job('      "name": "Acme",\n      "endDate": "Present",\n      "position": "Engineer"');
    assert.equal(applyFixPlain(middle, onlyFix(middle, 'schema/invalid-date')), job('      "name": "Acme",\n      "position": "Engineer"'));
    const last = job('      "name": "Acme",\n      "endDate": "Present"');
    const lastFix = onlyFix(last, 'schema/invalid-date');
    assert.deepEqual(lastFix.edits, [{ range: at(last, ',\n      "endDate": "Present"'), newText: '' }]);
    assert.equal(applyFixPlain(last, lastFix), job('      "name": "Acme"'));
    const inline = '{"work": [{"name": "Acme", "endDate": "present"}, {"endDate": "Present"}]}';
    const fixed = fixAllOf(inline).text;
    assert.equal(fixed, '{"work": [{"name": "Acme"}, {}]}');
    assert.deepEqual(JSON.parse(fixed), { work: [{ name: 'Acme' }, {}] });
  });

  it('renames an old key as a JSON string, and quotes a number', () => {
    const text = job('      "company": "Acme",\n      "phone": 5551234');
    assert.deepEqual(onlyFix(text, 'schema/unknown-key').edits, [{ range: at(text, '"company"'), newText: '"name"' }]);
    const basics = '{"basics": {"name": "Ada", "phone": 5551234}}';
    assert.deepEqual(onlyFix(basics, 'schema/wrong-type').edits, [{ range: at(basics, '5551234'), newText: '"5551234"' }]);
    assert.deepEqual(JSON.parse(fixAllOf(basics).text), { basics: { name: 'Ada', phone: '5551234' } });
  });

  it("changes only the verb for a tense fix, keeping the bullet's own escapes", () => {
    const text = '{"work": [{"name": "Acme", "endDate": "2020-01", "highlights": ["Manage the \\"billing\\" service \\ud83d\\ude80"]}]}';
    const fix = onlyFix(text, 'tense');
    assert.equal(fix.safe, true);
    const afterVerb = at(text, 'Manage').end;
    assert.deepEqual(fix.edits, [{ range: { start: afterVerb, end: afterVerb }, newText: 'd', snippet: false }]);
    assert.equal(applyFixPlain(text, fix), text.replace('Manage', 'Managed'));
  });

  it('rewrites a whole bullet as a JSON string: JSON escapes only, no folding, the value kept', () => {
    // Quotes, a backslash, a tab, an emoji, DEL, U+2028 and a long line that YAML would fold.
    const rest = `40 "billing" services\\ledgers\tto Kubernetes 🚀\u007f\u2028${' and more'.repeat(12)}`;
    const text = `{"work": [{"name": "Acme", "highlights": [${JSON.stringify(`Was responsible for migrating ${rest}`)}]}]}`;
    const fix = onlyFix(text, 'passive-voice');
    const edit = first(fix.edits);
    assert.equal(edit.newText, jsonString(`Migrated ${rest}`));
    assert.doesNotMatch(edit.newText, /[\n\r]|\\[eNLPxa_v0 ]/, 'a YAML-only escape or a folded line');
    assert.match(edit.newText, /\\u007f\\u2028/);
    assert.equal(highlightAt(readJsonResume(applyFixPlain(text, fix)), 0), `Migrated ${rest}`);
  });

  it('keeps snippet placeholders inside the quotes, and escapes `$` and `}` around them', () => {
    const text = '{"work": [{"name": "Acme", "highlights": ["Improved the \\"API\\" for ${cost}"]}]}';
    const fix = onlyFix(text, 'quantify', 'Add a metric: latency');
    const edit = first(fix.edits);
    assert.equal(edit.snippet, true);
    // The JSON escape `\"` has its backslash escaped again for snippet syntax, as `$` and `}` are.
    assert.equal(
      edit.newText,
      '"Improved the \\\\"API\\\\" for \\${cost\\}, cutting p99 latency from ${1:‹before›} ms to ${2:‹after›} ms"',
    );
    assert.equal(
      snippetToPlainText(edit.newText),
      '"Improved the \\"API\\" for ${cost}, cutting p99 latency from ‹before› ms to ‹after› ms"',
    );
    assert.deepEqual(workEntry(readJsonResume(applyFixPlain(text, fix))).highlights, [
      'Improved the "API" for ${cost}, cutting p99 latency from ‹before› ms to ‹after› ms',
    ]);
  });

  it('adds a skill as JSON: to a group, as a new group, or as the whole list', () => {
    const group = '{"skills": [{"name": "Data", "keywords": ["PostgreSQL"]}]}';
    const toGroup = addSkillFix(parseResume(group), 'Data', 'Redis');
    assert.ok(toGroup);
    assert.equal(applyFixPlain(group, toGroup), '{"skills": [{"name": "Data", "keywords": ["PostgreSQL", "Redis"]}]}');
    const none = '{"basics": {"name": "Ada"}}';
    const asList = addSkillFix(parseResume(none), 'Data', 'Redis');
    assert.ok(asList);
    assert.deepEqual(JSON.parse(applyFixPlain(none, asList)), { basics: { name: 'Ada' }, skills: [{ name: 'Data', keywords: ['Redis'] }] });
    const empty = '{"skills": null}';
    const replaced = addSkillFix(parseResume(empty), 'Data', 'Redis');
    assert.ok(replaced);
    assert.deepEqual(JSON.parse(applyFixPlain(empty, replaced)), { skills: [{ name: 'Data', keywords: ['Redis'] }] });
    const otherGroup = '{"skills": [{"name": "Languages", "keywords": ["Go"]}]}';
    const newGroup = addSkillFix(parseResume(otherGroup), 'Data', 'Redis');
    assert.ok(newGroup);
    assert.deepEqual(readJsonResume(applyFixPlain(otherGroup, newGroup)).skills[1], { name: 'Data', keywords: ['Redis'] });
  });

  it('does not offer a fix that would leave a JSON file invalid, whichever rule made it', () => {
    const text = '{"basics": {"name": "Ada"}}';
    const document = TextDocument.create('file:///r.json', 'json', 1, text);
    const range = at(text, '"Ada"');
    const yamlTemplate = { title: 'Add a YAML line', edits: [{ range, newText: '"Ada"\n  label: ${1:‹label›}', snippet: true }] };
    const json = { title: 'Write JSON', edits: [{ range, newText: '"Grace"' }] };
    const findings: Finding[] = [{ ruleId: 'x', range, message: 'm', severity: 'info', fixes: [yamlTemplate, json] }];
    const params: CodeActionParams = {
      textDocument: { uri: document.uri },
      range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    };
    const titles = codeActions(document, { findings, model: parseResume(text) }, params, { snippetSupport: true }).map(
      (action) => action.title,
    );
    assert.deepEqual(titles, ['Write JSON', 'Show documentation for `x`']);
  });

  it('offers no disable comment in a JSON file: JSON has no comments', () => {
    const text = job('      "name": "Acme",\n      "startDate": "September 2018"');
    const yaml = 'work:\n  - name: Acme\n    startDate: September 2018\n';
    const titles = (source: string, uri: string) => {
      const document = TextDocument.create(uri, 'json', 1, source);
      const range = at(source, 'September 2018');
      const params: CodeActionParams = {
        textDocument: { uri },
        range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
        context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
      };
      return codeActions(document, lint(source, lintOptions()), params, { snippetSupport: false }).map((action) => action.title);
    };
    assert.deepEqual(titles(text, 'file:///r.json'), ['Change to `2018-09`', 'Show documentation for `schema/invalid-date`']);
    assert.deepEqual(titles(yaml, 'file:///r.yaml'), [
      'Change to `2018-09`',
      'Disable `schema/invalid-date` for this line',
      'Disable `schema/invalid-date` for this file',
      'Show documentation for `schema/invalid-date`',
    ]);
  });
});
