/**
 * What stands around a fixed value survives it: a comment on the line (kept
 * on its own line at the key's indentation when the pair goes), a tag, flow
 * style, block scalars, CRLF line endings and a BOM. Exact edits.
 */
import * as assert from 'node:assert/strict';
import { CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/linter';
import type { Finding } from '../../server/src/engine/types';
import { codeActions } from '../../server/src/lsp/codeActions';
import { applyFixPlain, commentsOf, fixAllOf, lintOptions, yamlErrors } from './support';
import { readResume, workEntry } from './readBack';
import { first, only } from '../support/lists';

function findingsOf(text: string, ruleId: string): Finding[] {
  return lint(text, lintOptions()).findings.filter((finding) => finding.ruleId === ruleId);
}

/** The text after applying the only fix of the only finding of `ruleId`. */
function fixedBy(text: string, ruleId: string): string {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, found.map((finding) => finding.message).join('\n'));
  const fixed = applyFixPlain(text, only(first(found).fixes));
  assert.deepEqual(yamlErrors(fixed), []);
  assert.deepEqual(commentsOf(fixed), commentsOf(text));
  return fixed;
}

const head = 'basics:\n  name: Ada\n  email: ada@example.com\nwork:\n';

describe('fixes keep what stands around them', () => {
  it('removes `endDate: Present` but keeps its comment, on its own line at the same indentation', () => {
    const text = `${head}  - name: Acme\n    endDate: Present   # still here!\n    position: Engineer\n`;
    assert.equal(fixedBy(text, 'schema/invalid-date'), `${head}  - name: Acme\n    # still here!\n    position: Engineer\n`);
  });

  it('keeps the comment of a pair that opens a list item, above the item, which keeps its dash', () => {
    const text = `${head}  - endDate: present # ongoing\n    name: Beta\n`;
    const finding = first(findingsOf(text, 'schema/invalid-date'));
    assert.deepEqual(first(finding.fixes).edits, [
      { range: { start: head.length, end: text.indexOf('name: Beta') }, newText: '    # ongoing\n  - ' },
    ]);
    assert.equal(fixedBy(text, 'schema/invalid-date'), `${head}    # ongoing\n  - name: Beta\n`);
  });

  it('keeps a comment after the key when the value is on the next line', () => {
    const text = `${head}  - name: Delta\n    endDate: # why\n      Present\n    position: Engineer\n`;
    assert.equal(fixedBy(text, 'schema/invalid-date'), `${head}  - name: Delta\n    # why\n    position: Engineer\n`);
  });

  it('removes a block scalar `Present` with its lines, keeping its header comment and not the next line', () => {
    const text = `${head}  - name: Delta\n    endDate: | # why\n      Present\n    # the next comment\n    position: Engineer\n`;
    assert.equal(
      fixedBy(text, 'schema/invalid-date'),
      `${head}  - name: Delta\n    # why\n    # the next comment\n    position: Engineer\n`,
    );
  });

  it('keeps the comment with CRLF line endings, and the last line without a line break', () => {
    const text = `${head}  - name: Acme\n    position: Engineer\n    endDate: Present # here`.replace(/\n/g, '\r\n');
    assert.equal(fixedBy(text, 'schema/invalid-date'), `${head}  - name: Acme\n    position: Engineer\n    # here`.replace(/\n/g, '\r\n'));
  });

  it('keeps a `!!str` tag on a rewritten date, and does not quote a value under another tag', () => {
    const text = `${head}  - name: Acme\n    startDate: !!str September 2018 # joined\n`;
    assert.equal(fixedBy(text, 'schema/invalid-date'), `${head}  - name: Acme\n    startDate: !!str 2018-09 # joined\n`);
    const tagged = 'basics:\n  name: Ada\n  phone: !!int 5551234\n';
    const finding = first(findingsOf(tagged, 'schema/wrong-type'));
    // Quoted, it would still be read as an int: the tag says so.
    assert.deepEqual(finding.fixes, []);
  });

  it('removes `endDate` from a flow mapping with its comma: alone, first, last, or before a comment', () => {
    const flow = (entry: string) => `${head}  - ${entry}\n`;
    assert.equal(fixedBy(flow('{endDate: Present}'), 'schema/invalid-date'), flow('{}'));
    assert.equal(fixedBy(flow('{endDate: Present, name: Acme}'), 'schema/invalid-date'), flow('{name: Acme}'));
    assert.equal(fixedBy(flow('{name: Acme, endDate: Present}'), 'schema/invalid-date'), flow('{name: Acme}'));
    const commented = `${head}  - {name: Acme, endDate: Present, # current\n     position: Engineer}\n`;
    assert.equal(fixedBy(commented, 'schema/invalid-date'), `${head}  - {name: Acme, # current\n     position: Engineer}\n`);
  });

  it('rewrites block scalar bullets as block scalars', () => {
    const text = `${head}  - name: Acme\n    endDate: 2020-01\n    highlights:\n      - |\n        Design the schema for 3 services\n      - >-\n        Manage a queue handling\n        10k jobs a day\n`;
    const fixed = fixAllOf(text).text;
    assert.equal(
      fixed,
      `${head}  - name: Acme\n    endDate: 2020-01\n    highlights:\n      - |\n        Designed the schema for 3 services\n      - >-\n        Managed a queue handling\n        10k jobs a day\n`,
    );
    assert.deepEqual(workEntry(readResume(fixed)).highlights, [
      'Designed the schema for 3 services\n',
      'Managed a queue handling 10k jobs a day',
    ]);
  });

  it('keeps a BOM, and the comment on a quoted number it quotes', () => {
    const text = '\uFEFFbasics:\n  name: Ada\n  phone: 5551234 # call after 5\n';
    assert.equal(fixAllOf(text).text, '\uFEFFbasics:\n  name: Ada\n  phone: "5551234" # call after 5\n');
  });

  it('keeps a BOM first when a disable comment goes on the first line', () => {
    const text = '\uFEFFbasic:\n  name: Ada\n';
    const document = TextDocument.create('file:///r.resume.yaml', 'yaml', 1, text);
    const params: CodeActionParams = {
      textDocument: { uri: document.uri },
      range: { start: document.positionAt(1), end: document.positionAt(6) },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    };
    const fixed = codeActions(document, lint(text, lintOptions()), params, { snippetSupport: false })
      .filter((action) => action.title.startsWith('Disable `schema/unknown-key`'))
      .map((action) => TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []));
    assert.deepEqual(fixed, [
      '\uFEFF# bulletproof-disable-next-line schema/unknown-key\nbasic:\n  name: Ada\n',
      '\uFEFF# bulletproof-disable schema/unknown-key\nbasic:\n  name: Ada\n',
    ]);
  });
});
