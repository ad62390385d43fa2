/**
 * Structural findings: YAML syntax and limits, and the schema checks, each
 * at its exact range with its exact message; every fix is applied, the text
 * linted again, and the finding must be gone with nothing else changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, findingsOf, lintText, textAt } from '../helpers';
import type { Finding, OffsetRange } from '../../server/src/engine/types';
import { allRuleMeta } from '../../server/src/linter';
import { editDistance } from '../../server/src/engine/similar';
import completeness from '../../server/src/rules/completeness';
import dateOrder from '../../server/src/rules/date-order';
import futureDate from '../../server/src/rules/future-date';
import { first, take } from '../support/lists';

const STRUCTURAL_RULES = [completeness, dateOrder, futureDate];

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The range of the `nth` occurrence of `needle`; fails when there is none. */
function rangeOf(text: string, needle: string, nth = 0): OffsetRange {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    assert.notEqual(start, -1, `\`${needle}\` (occurrence ${nth}) not in the text`);
  }
  return { start, end: start + needle.length };
}

function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId}, got ${JSON.stringify(found.map((f) => f.message))}`);
  return first(found);
}

function signature(text: string, finding: Finding): string {
  return `${finding.ruleId} ${finding.severity} ${JSON.stringify(textAt(text, finding.range))} ${finding.message}`;
}

/**
 * Applies the finding's first fix, checks the new text, lints it again and
 * expects exactly the other findings: the fixed one gone, nothing new.
 */
function assertFix(text: string, finding: Finding, expected: string): void {
  assert.ok(finding.fixes.length > 0, `${finding.ruleId} has no fix`);
  const fixed = applyEdits(text, first(finding.fixes).edits);
  assert.equal(fixed, expected);
  // Only the structural checks: a fix that reveals bullets changes the prose rules' findings, by design.
  const before = lintText(text, {}, STRUCTURAL_RULES).findings.map((f) => signature(text, f));
  const index = before.indexOf(signature(text, finding));
  assert.notEqual(index, -1);
  before.splice(index, 1);
  const after = lintText(fixed, {}, STRUCTURAL_RULES).findings.map((f) => signature(fixed, f));
  assert.deepEqual(after.sort(), before.sort());
}

/** A resume complete enough that completeness is quiet; `extra` lines go into the work entry. */
function resume(extra: string[] = [], basics: string[] = []): string {
  return [
    '# My resume',
    'basics:',
    '  name: Sam Lee',
    '  email: sam@example.com',
    ...basics.map((line) => `  ${line}`),
    'work:',
    '  - name: Acme',
    '    position: Backend Engineer',
    ...extra.map((line) => `    ${line}`),
    '    highlights:',
    '      - Cut p99 latency from 850 ms to 210 ms',
    '',
  ].join('\n');
}

describe('yaml/syntax', () => {
  it('an unterminated flow sequence: one error at the line that breaks it; the keys before and after are still checked', () => {
    const text = 'basics:\n  name: Sam\n  nmae: Sam\n  label: [Backend\nwork:\n  - nmae: x\n';
    const syntax = only(text, 'yaml/syntax');
    assert.deepEqual(syntax.range, { start: text.indexOf('work:'), end: text.indexOf('work:') + 1 });
    assert.equal(syntax.message, 'Flow sequence in block collection must be sufficiently indented and end with a ]');
    assert.equal(syntax.severity, 'error');
    const unknown = findingsOf(text, 'schema/unknown-key');
    assert.deepEqual(
      unknown.map((f) => f.range),
      [rangeOf(text, 'nmae'), rangeOf(text, 'nmae', 1)],
    );
  });

  it('an unterminated double quote: one error, and an unknown key before it is still reported', () => {
    const text = 'basics:\n  name: Sam\n  nmae: Sam\n  label: "oops\n';
    const syntax = only(text, 'yaml/syntax');
    // The parser notices the missing quote at the end of the text.
    assert.deepEqual(syntax.range, { start: text.length, end: text.length });
    assert.equal(syntax.message, 'Missing closing "quote');
    const unknown = only(text, 'schema/unknown-key');
    assert.deepEqual(unknown.range, rangeOf(text, 'nmae'));
    assert.equal(unknown.message, 'Unknown key `nmae` in `basics`. Did you mean `name`?');
  });

  it('a duplicate key: one error starting at the second key', () => {
    const text = 'basics:\n  name: Sam\n  name: Lee\n  email: sam@example.com\n';
    const syntax = only(text, 'yaml/syntax');
    const second = rangeOf(text, 'name', 1);
    assert.equal(syntax.range.start, second.start);
    assert.ok(syntax.range.end > second.start && syntax.range.end <= second.end);
    assert.equal(syntax.message, 'Map keys must be unique: `name` is already set above.');
  });

  it('a tab used as indentation: one error on the tab', () => {
    const text = 'basics:\n\tname: Sam\n';
    const syntax = only(text, 'yaml/syntax');
    assert.deepEqual(syntax.range, rangeOf(text, '\t'));
    assert.equal(syntax.message, 'Tabs are not allowed as indentation');
  });

  it('a key and a value on one line after another key: one error at the nested key', () => {
    const text = 'basics:\n  nmae: x\n  name: Sam: Lee\n';
    const found = findingsOf(text, 'yaml/syntax');
    assert.ok(found.length >= 1);
    assert.deepEqual(first(found).range, { start: rangeOf(text, 'Sam').start, end: rangeOf(text, 'Sam').start + 1 });
    assert.equal(first(found).message, 'Nested mappings are not allowed in compact mappings');
    assert.deepEqual(only(text, 'schema/unknown-key').range, rangeOf(text, 'nmae'));
  });

  it('messages carry no "at line N, column M" suffix: the position is the diagnostic range', () => {
    for (const text of ['a: [1, 2\nb: 3\n', 'basics:\n  name: "x\n', 'a: b: c\n']) {
      for (const finding of findingsOf(text, 'yaml/syntax')) {
        assert.doesNotMatch(finding.message, /at line \d+|column \d+|\n/);
      }
    }
  });

  it('valid YAML gives no syntax finding', () => {
    assert.deepEqual(findingsOf(resume(), 'yaml/syntax'), []);
  });
});

describe('yaml/multiple-documents', () => {
  it('a second document: one warning, zero-width at its `---`; the second document is not checked', () => {
    const text = 'basics:\n  name: Sam\n---\nfoo: bar\n';
    const finding = only(text, 'yaml/multiple-documents');
    const at = text.indexOf('---');
    assert.deepEqual(finding.range, { start: at, end: at });
    assert.equal(finding.message, 'Only the first YAML document is the resume; what follows this point is not checked.');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(findingsOf(text, 'schema/unknown-key'), []);
  });

  it('front matter first: the resume is read from the document after it, with one note where it starts', () => {
    const text = 'permalink: /resume/\n---\nbasics:\n  name: Sam\n  email: sam@example.com\n';
    const at = text.indexOf('---');
    const note = only(text, 'yaml/front-matter');
    assert.deepEqual(note.range, { start: at, end: at });
    assert.equal(note.severity, 'info');
    assert.equal(
      note.message,
      'The resume is read from the YAML document that starts here; what comes before it (front matter for a site generator) is not checked.',
    );
    assert.deepEqual(findingsOf(text, 'yaml/multiple-documents'), []);
    assert.deepEqual(findingsOf(text, 'schema/unknown-key'), []);
    const completeness = findingsOf(text, 'completeness').map((finding) => finding.message);
    assert.ok(!completeness.some((message) => /no name|no way to reach/.test(message)), completeness.join('; '));
  });

  it('a document after the resume read from front matter is said to be unchecked, at its `---`', () => {
    const text = 'layout: page\n---\nbasics:\n  name: Sam\n---\nfoo: bar\n';
    const finding = only(text, 'yaml/multiple-documents');
    const at = text.lastIndexOf('---');
    assert.deepEqual(finding.range, { start: at, end: at });
    assert.equal(finding.message, 'Only the YAML document above is the resume; what follows this point is not checked.');
  });

  it('two documents neither of which is a resume: the first is read, as before', () => {
    const text = 'foo: 1\n---\nbar: 2\n';
    assert.deepEqual(findingsOf(text, 'yaml/front-matter'), []);
    assert.equal(only(text, 'yaml/multiple-documents').range.start, text.indexOf('---'));
  });

  it('a leading `---` or a closing `...` is one document', () => {
    assert.deepEqual(findingsOf('---\nbasics:\n  name: Sam\n', 'yaml/multiple-documents'), []);
    assert.deepEqual(findingsOf('basics:\n  name: Sam\n...\n', 'yaml/multiple-documents'), []);
  });
});

describe('yaml/limits', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
    'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
    'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
    '',
  ].join('\n');

  it('an alias bomb: one finding over the whole document, in bounded time', () => {
    const started = Date.now();
    const { findings, ruleErrors } = lintText(bomb);
    assert.ok(Date.now() - started < 2000, 'an alias bomb must not be expanded');
    assert.deepEqual(ruleErrors, []);
    assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.ruleId)));
    const finding = first(findings);
    assert.equal(finding.ruleId, 'yaml/limits');
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, { start: 0, end: bomb.length });
    assert.equal(
      finding.message,
      "Aliases here expand to far too much data, so the resume's content was not checked. Write the repeated text out, or use fewer aliases.",
    );
  });

  it('a few ordinary aliases are fine', () => {
    const text = resume([], ['label: &label Backend Engineer', 'summary: *label']);
    assert.deepEqual(findingsOf(text, 'yaml/limits'), []);
  });
});

describe('schema/unknown-key', () => {
  it('a typo: a warning on the key, "did you mean", and a rename suggestion (a guess, never applied by --fix)', () => {
    const text = resume(['startDate: 2020-01', 'postion: Lead']);
    const finding = only(text, 'schema/unknown-key');
    assert.deepEqual(finding.range, rangeOf(text, 'postion'));
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, 'Unknown key `postion` in a work entry. Did you mean `position`?');
    const text2 = resume(['startDate: 2020-01', 'sumary: Payments team.']);
    const finding2 = only(text2, 'schema/unknown-key');
    assert.deepEqual(finding2.range, rangeOf(text2, 'sumary'));
    assert.equal(finding2.message, 'Unknown key `sumary` in a work entry. Did you mean `summary`?');
    assert.equal(first(finding2.fixes).title, 'Rename to `summary`');
    assert.deepEqual([first(finding2.fixes).safe, first(finding2.fixes).isPreferred], [undefined, undefined]);
    assertFix(text2, finding2, text2.replace('sumary:', 'summary:'));
  });

  it('an old JSON Resume name: a safe, preferred fix, quoted as the key was', () => {
    const text = resume(['startDate: 2020-01', "'website': https://example.com"]);
    const finding = only(text, 'schema/unknown-key');
    assert.equal(finding.message, 'Unknown key `website` in a work entry. Did you mean `url`?');
    assert.deepEqual(
      [first(finding.fixes).title, first(finding.fixes).safe, first(finding.fixes).isPreferred],
      ['Rename to `url`', true, true],
    );
    assert.deepEqual(first(finding.fixes).edits, [{ range: rangeOf(text, "'website'"), newText: "'url'" }]);
    assertFix(text, finding, text.replace("'website':", "'url':"));
  });

  it('does not offer a rename that would duplicate a key already there', () => {
    const text = resume(['startDate: 2020-01', 'postion: Lead']);
    assert.deepEqual(only(text, 'schema/unknown-key').fixes, []);
  });

  it('a swap of two letters counts as one edit: `hgihlights` → `highlights`', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    hgihlights:\n      - Cut p99 latency\n  - name: Beta\n    highlights:\n      - Built a queue\n';
    const finding = only(text, 'schema/unknown-key');
    assert.deepEqual(finding.range, rangeOf(text, 'hgihlights'));
    assert.equal(finding.message, 'Unknown key `hgihlights` in a work entry. Did you mean `highlights`?');
    assertFix(text, finding, text.replace('hgihlights', 'highlights'));
  });

  // Bug: the swap case in editDistance reads the previous row (i-1) where
  // it needs the one before it (i-2), so a swap costs 2 and short keys with
  // two letters swapped get no suggestion.
  it('a swap of two letters in a short key: `emial` → `email`, `naem` → `name`', () => {
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('emial', 'email'), 1);
    const text = resume([], ['emial: sam@example.org']).replace('  name: Sam Lee', '  naem: Sam Lee');
    assert.deepEqual(
      findingsOf(text, 'schema/unknown-key').map((f) => f.message),
      ['Unknown key `naem` in `basics`. Did you mean `name`?', 'Unknown key `emial` in `basics`. Did you mean `email`?'],
    );
  });

  it('old JSON Resume names: `company` → `name`, `website` → `url`, `hilights` → `highlights`', () => {
    const company = 'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - company: Acme\n    highlights:\n      - Built a queue\n';
    const companyFinding = only(company, 'schema/unknown-key');
    assert.deepEqual(companyFinding.range, rangeOf(company, 'company'));
    assert.equal(companyFinding.message, 'Unknown key `company` in a work entry. Did you mean `name`?');
    assertFix(company, companyFinding, company.replace('company:', 'name:'));

    const website = resume([], ['website: https://example.com/sam']);
    const websiteFinding = only(website, 'schema/unknown-key');
    assert.deepEqual(websiteFinding.range, rangeOf(website, 'website'));
    assert.equal(websiteFinding.message, 'Unknown key `website` in `basics`. Did you mean `url`?');
    assertFix(website, websiteFinding, website.replace('website:', 'url:'));

    const hilights =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    hilights:\n      - Built a queue\n  - name: Beta\n    highlights:\n      - Ran the on-call\n';
    const hilightsFinding = only(hilights, 'schema/unknown-key');
    assert.deepEqual(hilightsFinding.range, rangeOf(hilights, 'hilights'));
    assert.equal(hilightsFinding.message, 'Unknown key `hilights` in a work entry. Did you mean `highlights`?');
    assertFix(hilights, hilightsFinding, hilights.replace('hilights:', 'highlights:'));
  });

  it('`hilights` next to `highlights`: did-you-mean, but no rename (it would duplicate the key)', () => {
    const text = resume(['hilights:', '  - Was tasked with reports']);
    const finding = only(text, 'schema/unknown-key');
    assert.equal(finding.message, 'Unknown key `hilights` in a work entry. Did you mean `highlights`?');
    assert.deepEqual(finding.fixes, []);
  });

  it('no close match: says where, and offers nothing', () => {
    const text = resume(['zzzqqq: 1'], ['location:', '  city: Berlin', '  zip: "10115"']) + 'hobbies:\n  - chess\n';
    const found = findingsOf(text, 'schema/unknown-key');
    assert.deepEqual(
      found.map((f) => [textAt(text, f.range), f.message, f.fixes.length]),
      [
        ['zip', 'Unknown key `zip` in `basics.location`: JSON Resume themes will ignore it.', 0],
        ['zzzqqq', 'Unknown key `zzzqqq` in a work entry: JSON Resume themes will ignore it.', 0],
        ['hobbies', 'Unknown key `hobbies` at the top level: JSON Resume themes will ignore it.', 0],
      ],
    );
  });

  it('is a warning, never an error; a per-rule level changes that', () => {
    const text = resume(['zzzqqq: 1']);
    assert.equal(only(text, 'schema/unknown-key').severity, 'warning');
    const asError = lintText(text, { rules: { 'schema/unknown-key': 'error' } }).findings.filter((f) => f.ruleId === 'schema/unknown-key');
    assert.deepEqual(
      asError.map((f) => f.severity),
      ['error'],
    );
    assert.deepEqual(findingsOf(text, 'schema/unknown-key', { rules: { 'schema/unknown-key': 'off' } }), []);
  });
});

describe('schema/wrong-type', () => {
  it('a number where text belongs: an error on the value, with a safe quote fix that keeps the digits as written', () => {
    const text = resume([], ['phone: 5551234']);
    const finding = only(text, 'schema/wrong-type');
    assert.deepEqual(finding.range, rangeOf(text, '5551234'));
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '`phone` should be text, not a whole number. Quote it to keep it as text: "5551234".');
    assert.equal(first(finding.fixes).safe, true);
    assertFix(text, finding, text.replace('phone: 5551234', 'phone: "5551234"'));
  });

  it('a decimal keeps its trailing zero when quoted', () => {
    const text = resume().replace('work:', 'education:\n  - institution: City College\n    score: 3.60\nwork:');
    const finding = only(text, 'schema/wrong-type');
    assert.deepEqual(finding.range, rangeOf(text, '3.60'));
    assert.equal(finding.message, '`score` should be text, not a number. Quote it to keep it as text: "3.60".');
    assertFix(text, finding, text.replace('score: 3.60', 'score: "3.60"'));
  });

  it('true or false where text belongs', () => {
    const text = resume([], ['label: true']);
    const finding = only(text, 'schema/wrong-type');
    assert.deepEqual(finding.range, rangeOf(text, 'true'));
    assert.equal(finding.message, '`label` should be text, not true or false. Quote it to keep it as text: "true".');
    assertFix(text, finding, text.replace('label: true', 'label: "true"'));
  });

  it('text where a list belongs: says to write one item per line, no fix', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    highlights: Built the payments API\n  - name: Beta\n    highlights:\n      - Ran the on-call\n';
    const finding = only(text, 'schema/wrong-type');
    assert.deepEqual(finding.range, rangeOf(text, 'Built the payments API'));
    assert.equal(finding.message, '`highlights` should be a list, with one item per line starting with `- `, not a single piece of text.');
    assert.deepEqual(finding.fixes, []);
  });

  it('a list where text belongs: the whole list is underlined', () => {
    const flow = resume([], ['summary: [Go, Java]']);
    const flowFinding = only(flow, 'schema/wrong-type');
    assert.deepEqual(flowFinding.range, rangeOf(flow, '[Go, Java]'));
    assert.equal(flowFinding.message, '`summary` should be text, not a list.');

    const block = resume([], ['summary:', '  - Backend engineer', '  - Go and Java']);
    const blockFinding = only(block, 'schema/wrong-type');
    assert.equal(textAt(block, blockFinding.range), '- Backend engineer\n    - Go and Java\n');
    assert.equal(blockFinding.message, '`summary` should be text, not a list.');
  });

  it('an empty value: says to write one or remove the key', () => {
    const text = resume([], ['label:']);
    const finding = only(text, 'schema/wrong-type');
    const afterColon = text.indexOf('label:') + 'label:'.length;
    assert.deepEqual(finding.range, { start: afterColon, end: afterColon });
    assert.equal(finding.message, '`label` is empty: write a value or remove the key.');
  });

  it('a number as a bullet: "This value", with the quote fix', () => {
    const text = resume().replace('      - Cut p99', '      - 42\n      - Cut p99');
    const finding = only(text, 'schema/wrong-type');
    assert.deepEqual(finding.range, rangeOf(text, '42'));
    assert.equal(finding.message, 'This value should be text, not a whole number. Quote it to keep it as text: "42".');
    assertFix(text, finding, text.replace('- 42', '- "42"'));
  });

  it('a file that is a list or plain text, not a mapping: one error over the whole value', () => {
    const list = '- a\n- b\n';
    const listFinding = only(list, 'schema/wrong-type');
    assert.deepEqual(listFinding.range, { start: 0, end: list.length });
    assert.equal(listFinding.message, 'This value should be a set of `key: value` fields, not a list.');
    const prose = 'just some prose\n';
    const proseFinding = only(prose, 'schema/wrong-type');
    assert.deepEqual(proseFinding.range, rangeOf(prose, 'just some prose'));
    assert.equal(proseFinding.message, 'This value should be a set of `key: value` fields, not text.');
  });
});

describe('schema/invalid-date', () => {
  it('`September 2018` → `2018-09`, with a safe fix', () => {
    const text = resume(['startDate: September 2018']);
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.range, rangeOf(text, 'September 2018'));
    assert.equal(finding.severity, 'error');
    assert.equal(
      finding.message,
      '`September 2018` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, here `2018-09`.',
    );
    assert.equal(first(finding.fixes).title, 'Change to `2018-09`');
    assert.equal(first(finding.fixes).safe, true);
    assertFix(text, finding, text.replace('September 2018', '2018-09'));
  });

  it('`2023-9-28` → `2023-09-28`', () => {
    const text = resume(['startDate: 2023-9-28']);
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.range, rangeOf(text, '2023-9-28'));
    assert.equal(
      finding.message,
      '`2023-9-28` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, here `2023-09-28`.',
    );
    // Quoted: unquoted, YAML 1.1 readers (PyYAML, js-yaml's default) would read a full date as a timestamp.
    assertFix(text, finding, text.replace('2023-9-28', '"2023-09-28"'));
  });

  it('a quoted date keeps its quotes', () => {
    const text = resume(['startDate: "Sep 2018"', "endDate: 'Nov 2019'"]);
    const [start, end] = take(findingsOf(text, 'schema/invalid-date'), 2);
    assert.deepEqual(start.range, rangeOf(text, '"Sep 2018"'));
    assertFix(text, start, text.replace('"Sep 2018"', '"2018-09"'));
    assertFix(text, end, text.replace("'Nov 2019'", "'2019-11'"));
  });

  it('`Present` in endDate: says to leave endDate out; the fix removes the line and keeps the comments', () => {
    const text = resume(['startDate: 2019-09 # joined after the merger', 'endDate: Present', '# the team moved to Go']);
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.range, rangeOf(text, 'Present'));
    assert.equal(finding.message, '`Present` is not a date: for a current role, leave `endDate` out.');
    assert.equal(first(finding.fixes).title, 'Remove `endDate` (a current role has none)');
    assert.equal(first(finding.fixes).safe, true);
    assertFix(text, finding, text.replace('    endDate: Present\n', ''));
  });

  it('`Present` as the last line without a line break', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    highlights:\n      - Built a queue\n    endDate: Present';
    const finding = only(text, 'schema/invalid-date');
    assertFix(text, finding, text.replace('\n    endDate: Present', '\n'));
  });

  it('`Present` with CRLF line endings removes the whole line, \\r\\n included', () => {
    const text = resume(['startDate: 2019-09', 'endDate: Present']).replace(/\n/g, '\r\n');
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.range, rangeOf(text, 'Present'));
    assertFix(text, finding, text.replace('    endDate: Present\r\n', ''));
  });

  // Bug: the fix deletes the whole line, which here is the whole work entry
  // (and `--fix` applies it, since it is marked safe).
  it('`Present` inside a flow mapping: the fix removes only `endDate`, not the entry', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - {name: Acme, startDate: 2019-01, endDate: Present, highlights: [Built a queue]}\n';
    const finding = only(text, 'schema/invalid-date');
    const fixed = applyEdits(text, first(finding.fixes).edits);
    assert.match(fixed, /name: Acme/, 'the fix deleted the work entry');
    assert.doesNotMatch(fixed, /Present/);
    assert.deepEqual(findingsOf(fixed, 'schema/invalid-date'), []);
    assert.deepEqual(findingsOf(fixed, 'schema/wrong-type'), []);
  });

  // Bug: the fix deletes `- ` with the line, so the entry's other keys are
  // no longer a list item: `work` becomes a mapping.
  it('`Present` as the first key of a list item: the fix keeps the item', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - endDate: Present\n    name: Acme\n    highlights:\n      - Built a queue\n';
    const finding = only(text, 'schema/invalid-date');
    const fixed = applyEdits(text, first(finding.fixes).edits);
    assert.doesNotMatch(fixed, /Present/);
    assert.deepEqual(findingsOf(fixed, 'schema/wrong-type'), [], `the fix broke the list:\n${fixed}`);
    assert.deepEqual(findingsOf(fixed, 'yaml/syntax'), []);
  });

  it('`Present` in startDate gives the general advice and no fix', () => {
    const text = resume(['startDate: Present']);
    const finding = only(text, 'schema/invalid-date');
    assert.equal(
      finding.message,
      '`Present` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, for example `2018-09`.',
    );
    assert.deepEqual(finding.fixes, []);
  });

  it('junk: the general advice, no fix', () => {
    const text = resume(['startDate: 2019-01', 'endDate: sometime soon']);
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.range, rangeOf(text, 'sometime soon'));
    assert.equal(
      finding.message,
      '`sometime soon` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, for example `2018-09`.',
    );
    assert.deepEqual(finding.fixes, []);
  });

  it('a month that does not exist is not "fixed" into another date', () => {
    const text = resume(['startDate: 2023-13']);
    const finding = only(text, 'schema/invalid-date');
    assert.deepEqual(finding.fixes, []);
  });

  it('every date field is checked: awards, certificates, publications, education', () => {
    const text =
      resume() +
      'awards:\n  - title: Best talk\n    date: June 2021\ncertificates:\n  - name: CKA\n    date: 2022/03\npublications:\n  - name: Paper\n    releaseDate: 05/2020\neducation:\n  - institution: U\n    endDate: Sept 2012\n';
    assert.deepEqual(
      findingsOf(text, 'schema/invalid-date').map((f) => [textAt(text, f.range), f.fixes[0]?.edits[0]?.newText]),
      [
        ['June 2021', '2021-06'],
        ['2022/03', '2022-03'],
        ['05/2020', '2020-05'],
        ['Sept 2012', '2012-09'],
      ],
    );
  });

  it('valid dates, an unquoted year included, give nothing', () => {
    const text = resume(['startDate: 2019', 'endDate: 2021-03-15']);
    assert.deepEqual(findingsOf(text, 'schema/invalid-date'), []);
  });

  // Bug: a year the schema rejects is also read as a date by the date
  // rules, so one mistake gets two diagnostics, the second one wrong
  // ("in the future. For a current role, leave `endDate` out").
  it('a five-digit year gives one diagnostic, not also future-date', () => {
    const text = resume(['startDate: 2019', 'endDate: 20201']);
    const all = lintText(text).findings.filter((f) => textAt(text, f.range) === '20201');
    assert.deepEqual(
      all.map((f) => f.ruleId),
      ['schema/invalid-date'],
    );
  });
});

describe('schema/invalid-format', () => {
  it('an e-mail address without a domain, a URL without a scheme: warnings on the values', () => {
    const text = resume(['url: example.com/acme']).replace('sam@example.com', 'sam.lee@example');
    const found = findingsOf(text, 'schema/invalid-format');
    assert.deepEqual(
      found.map((f) => [f.range, f.severity, f.message]),
      [
        [rangeOf(text, 'sam.lee@example'), 'warning', '`email` is not an e-mail address (name@example.com).'],
        [rangeOf(text, 'example.com/acme'), 'warning', '`url` should be a full address starting with https://.'],
      ],
    );
  });

  it('well-formed addresses give nothing', () => {
    const text = resume(['url: https://example.com/acme'], ['url: https://example.com/sam']);
    assert.deepEqual(findingsOf(text, 'schema/invalid-format'), []);
  });
});

describe('complete resumes', () => {
  it('the complete JSON Resume fixture, as YAML, gives no schema finding', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/jsonresume-complete.resume.yaml'), 'utf8');
    const { findings, ruleErrors } = lintText(text);
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('yaml/')).map((f) => signature(text, f)),
      [],
    );
  });

  it('the same resume as JSON (JSON is YAML) gives no schema finding', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/jsonresume-complete.json'), 'utf8');
    const { findings, ruleErrors } = lintText(text);
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('yaml/')).map((f) => signature(text, f)),
      [],
    );
  });

  it('examples/backend.resume.yaml gives no schema, YAML, date or completeness finding', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/backend.resume.yaml'), 'utf8');
    const structural = /^(schema\/|yaml\/|completeness$|date-order$|future-date$)/;
    const { findings, ruleErrors } = lintText(text);
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(
      findings.filter((f) => structural.test(f.ruleId)).map((f) => signature(text, f)),
      [],
    );
  });

  it('examples/weak.resume.yaml gives each typical mistake at its place', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/weak.resume.yaml'), 'utf8');
    const structural = /^(schema\/|yaml\/|completeness$|date-order$|future-date$)/;
    const found = lintText(text).findings.filter((f) => structural.test(f.ruleId));
    assert.deepEqual(
      found.map((f) => [f.ruleId, textAt(text, f.range)]),
      [
        ['schema/invalid-format', 'sam.lee@example'],
        ['schema/unknown-key', 'website'],
        ['schema/unknown-key', 'company'],
        ['schema/invalid-date', 'September 2019'],
        ['schema/invalid-date', 'Present'],
        ['date-order', '2017-11'],
        ['schema/unknown-key', 'hilights'],
        ['schema/wrong-type', '3.6'],
        ['future-date', '2031-05'],
      ],
    );
  });
});

describe('every finding', () => {
  it('has a range inside the text and the severity its rule declares', () => {
    const texts = [
      resume(['startDate: September 2018', 'endDate: Present', 'zzz: 1'], ['phone: 123']),
      'basics:\n  name: "x\n',
      'a: [1, 2\n',
      '',
      '# only a comment\n',
      '---\n---\n',
    ];
    const declared = new Map(allRuleMeta().map((meta) => [meta.id, meta.severity]));
    for (const text of texts) {
      const { findings, ruleErrors } = lintText(text);
      assert.deepEqual(ruleErrors, []);
      for (const finding of findings) {
        assert.equal(finding.severity, declared.get(finding.ruleId), finding.ruleId);
        assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length);
        for (const fix of finding.fixes) {
          for (const edit of fix.edits) assert.ok(edit.range.start >= 0 && edit.range.end <= text.length);
        }
      }
    }
  });
});
