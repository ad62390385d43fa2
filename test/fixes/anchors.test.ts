/**
 * Anchors and aliases: a fix never removes a value an alias still uses,
 * keeps the anchor on a value it rewrites, and never writes over an alias:
 * it fixes the anchored value where it is defined, or offers nothing.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/linter';
import type { Finding } from '../../server/src/engine/types';
import { applyFixPlain, fixAllOf, lintOptions, yamlErrors } from './support';
import { readResume, workEntry } from './readBack';
import { first, take } from '../support/lists';

function findingsOf(text: string, ruleId: string): Finding[] {
  return lint(text, lintOptions()).findings.filter((finding) => finding.ruleId === ruleId);
}

/** The range of the `nth` occurrence of `needle`. */
function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.notEqual(start, -1, needle);
  return { start, end: start + needle.length };
}

const BASICS = 'basics:\n  name: Ada\n  email: ada@example.com\n';

describe('fixes and anchors', () => {
  it('never removes an anchored `Present` that an alias still uses; removing the alias is fine', () => {
    const text = `${BASICS}work:\n  - name: Acme\n    endDate: &cur Present\n  - name: Beta\n    endDate: *cur\n`;
    const [anchored, alias] = take(findingsOf(text, 'schema/invalid-date'), 2);
    assert.deepEqual(anchored.range, at(text, 'Present'));
    assert.equal(anchored.message, '`Present` is not a date: for a current role, leave `endDate` out.');
    assert.deepEqual(anchored.fixes, []);
    assert.deepEqual(alias.range, at(text, '*cur'));
    assert.equal(alias.message, '`Present` is not a date: for a current role, leave `endDate` out.');
    assert.deepEqual(
      alias.fixes.map((fix) => [fix.safe, fix.edits]),
      [[true, [{ range: at(text, '    endDate: *cur\n'), newText: '' }]]],
    );
    // Fix-all takes the alias first; with no alias left, the anchored value goes on the next pass.
    assert.equal(fixAllOf(text).text, `${BASICS}work:\n  - name: Acme\n  - name: Beta\n`);
  });

  it('quotes an aliased number where the anchor is, keeping the anchor and the alias', () => {
    const text = `${BASICS}  location:\n    postalCode: &zip 94107\nreferences:\n  - name: *zip\n`;
    const [own, alias] = take(findingsOf(text, 'schema/wrong-type'), 2);
    const edit = { range: at(text, '94107'), newText: '"94107"' };
    assert.deepEqual(
      own.fixes.map((fix) => [fix.title, fix.safe, fix.edits]),
      [['Quote it: "94107"', true, [edit]]],
    );
    assert.deepEqual(alias.range, at(text, '*zip'));
    assert.equal(alias.message, '`name` should be text, not a whole number. Quote it to keep it as text: "94107".');
    assert.deepEqual(
      alias.fixes.map((fix) => [fix.title, fix.safe, fix.edits]),
      [['Quote it: "94107"', true, [edit]]],
    );
    const fixed = fixAllOf(text).text;
    assert.equal(fixed, text.replace('&zip 94107', '&zip "94107"'));
    assert.deepEqual(readResume(fixed).references, [{ name: '94107' }]);
  });

  it('rewrites an aliased date where the anchor is, when every use is a date', () => {
    const text = `${BASICS}work:\n  - name: Acme\n    startDate: &joined September 2018\nvolunteer:\n  - organization: Code Club\n    startDate: *joined\n`;
    const [, alias] = take(findingsOf(text, 'schema/invalid-date'), 2);
    assert.deepEqual(alias.range, at(text, '*joined'));
    assert.deepEqual(
      alias.fixes.map((fix) => [fix.title, fix.safe, fix.isPreferred, fix.edits]),
      [['Change to `2018-09`', true, true, [{ range: at(text, 'September 2018'), newText: '2018-09' }]]],
    );
    assert.equal(fixAllOf(text).text, text.replace('&joined September 2018', '&joined 2018-09'));
  });

  it('only suggests rewriting an anchored date that is also used as text', () => {
    const text = `${BASICS}work:\n  - name: Acme\n    startDate: &d September 2018\n    summary: *d\n`;
    const finding = first(findingsOf(text, 'schema/invalid-date'));
    assert.deepEqual(
      finding.fixes.map((fix) => [fix.title, fix.safe, fix.isPreferred, fix.edits]),
      [['Change to `2018-09`', undefined, undefined, [{ range: at(text, 'September 2018'), newText: '2018-09' }]]],
    );
    assert.equal(fixAllOf(text).text, text);
  });

  it('only suggests when an alias of the value is a list item, whose path the index does not hold', () => {
    const text = `${BASICS}  location:\n    postalCode: &zip 94107\n  profiles:\n    - *zip\n`;
    const finding = first(findingsOf(text, 'schema/wrong-type'));
    assert.deepEqual(finding.range, at(text, '94107'));
    assert.deepEqual(
      finding.fixes.map((fix) => [fix.safe, fix.edits]),
      [[undefined, [{ range: at(text, '94107'), newText: '"94107"' }]]],
    );
  });

  it('keeps the anchor on a bullet it rewrites, and the alias that repeats it', () => {
    const text = `${BASICS}work:\n  - name: Acme\n    endDate: 2020-01\n    highlights:\n      - &b Manage the ETL jobs for 40 teams\n  - name: Beta\n    endDate: 2019-01\n    highlights:\n      - *b\n`;
    const fixed = fixAllOf(text).text;
    assert.equal(fixed, text.replace('&b Manage', '&b Managed'));
    assert.deepEqual(yamlErrors(fixed), []);
    assert.deepEqual(workEntry(readResume(fixed), 1).highlights, ['Managed the ETL jobs for 40 teams']);
  });

  it('never breaks an alias used as a key or a whole entry', () => {
    const text = `${BASICS}work:\n  - &job\n    name: Acme\n    startDate: Sep 2018\n    endDate: Present\n  - *job\n`;
    const fixed = fixAllOf(text).text;
    assert.equal(fixed, `${BASICS}work:\n  - &job\n    name: Acme\n    startDate: 2018-09\n  - *job\n`);
    assert.deepEqual(yamlErrors(fixed), []);
    assert.equal(applyFixPlain(text, first(first(findingsOf(text, 'schema/invalid-date')).fixes)), text.replace('Sep 2018', '2018-09'));
  });
});
