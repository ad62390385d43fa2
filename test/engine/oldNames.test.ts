/**
 * Old JSON Resume names (`company`, `website`, `picture`, `gpa`): each is
 * its own finding with its own safe rename, and each also offers one fix
 * that renames them all. Fix all and `--fix` apply every rename once.
 */
import * as assert from 'node:assert/strict';
import { at as offsetOf } from './scalarSupport';
import { applyEdits, findingsOf, lintText } from '../helpers';
import { buildReport } from '../../server/src/engine/report';
import { reportToMarkdown } from '../../server/src/engine/reportMarkdown';
import { renderReportBody } from '../../client/src/reportHtml';
import { fixAll, safeFixEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import type { Finding, Fix } from '../../server/src/engine/types';
import { first } from '../support/lists';

const UNKNOWN_KEY = 'schema/unknown-key';
const RENAME_ALL = (count: number) => `Rename the old JSON Resume keys (${count})`;

/** The range of the `nth` occurrence of `needle`. */
function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  const start = offsetOf(text, needle, nth);
  return { start, end: start + needle.length };
}

function unknownKeys(text: string): Finding[] {
  return findingsOf(text, UNKNOWN_KEY);
}

/** `[title, safe, isPreferred]` of each fix of each finding: what the quick-fix menu lists. */
function menus(findings: readonly Finding[]): [string, boolean | undefined, boolean | undefined][][] {
  return findings.map((finding) => finding.fixes.map((fix) => [fix.title, fix.safe, fix.isPreferred]));
}

function renameAllOf(finding: Finding): Fix {
  const fix = finding.fixes.find((candidate) => candidate.title.startsWith('Rename the old JSON Resume keys'));
  assert.ok(fix, `no rename-all fix on ${finding.message}`);
  return fix;
}

const TODAY = new Date('2026-06-15T00:00:00Z');
const fixAllText = (text: string) => fixAll(text, (current) => lint(current, { today: TODAY }).findings);

/** A resume with a name and an e-mail, and these lines under `work:`. */
const withWork = (...lines: string[]) => ['basics:', '  name: Sam', '  email: sam@example.com', 'work:', ...lines, ''].join('\n');

const YAML_RESUME = [
  'basics:',
  '  name: Sam Lee',
  '  email: sam@example.com',
  '  website: https://sam.dev',
  'work:',
  '  - company: Acme',
  '    "website": https://acme.example',
  '    position: Engineer',
  '    postion: Lead',
  'education:',
  '  - institution: State University',
  '    gpa: "3.8"',
  '',
].join('\n');

describe('old JSON Resume names', () => {
  it('each has its own safe rename, and all of them one more fix; a typo does not', () => {
    const found = unknownKeys(YAML_RESUME);
    assert.deepEqual(
      found.map((finding) => [YAML_RESUME.slice(finding.range.start, finding.range.end), finding.message]),
      [
        ['website', 'Unknown key `website` in `basics`. Did you mean `url`?'],
        ['company', 'Unknown key `company` in a work entry. Did you mean `name`?'],
        ['"website"', 'Unknown key `website` in a work entry. Did you mean `url`?'],
        ['postion', 'Unknown key `postion` in a work entry. Did you mean `position`?'],
        ['gpa', 'Unknown key `gpa` in an education entry. Did you mean `score`?'],
      ],
    );
    const renameAll: [string, boolean, undefined] = [RENAME_ALL(4), true, undefined];
    assert.deepEqual(menus(found), [
      [['Rename to `url`', true, true], renameAll],
      [['Rename to `name`', true, true], renameAll],
      [['Rename to `url`', true, true], renameAll],
      // `position` is already there: no rename at all.
      [],
      [['Rename to `score`', true, true], renameAll],
    ]);
  });

  it('the one fix renames every old key, each where it is written, quotes kept (YAML)', () => {
    const fix = renameAllOf(first(unknownKeys(YAML_RESUME)));
    assert.deepEqual(fix.edits, [
      { range: at(YAML_RESUME, 'website'), newText: 'url' },
      { range: at(YAML_RESUME, 'company'), newText: 'name' },
      { range: at(YAML_RESUME, '"website"'), newText: '"url"' },
      { range: at(YAML_RESUME, 'gpa'), newText: 'score' },
    ]);
    assert.equal(
      applyEdits(YAML_RESUME, fix.edits),
      YAML_RESUME.replace('  website:', '  url:').replace('company:', 'name:').replace('"website":', '"url":').replace('gpa:', 'score:'),
    );
  });

  it('the one fix writes JSON keys in a JSON file', () => {
    const text =
      '{\n  "basics": {"name": "Sam", "email": "sam@example.com", "picture": "https://sam.dev/me.png"},\n' +
      '  "work": [\n    {"company": "Acme", "website": "https://acme.example", "position": "Engineer"}\n  ]\n}\n';
    const found = unknownKeys(text);
    assert.deepEqual(menus(found), [
      [
        ['Rename to `image`', true, true],
        [RENAME_ALL(3), true, undefined],
      ],
      [
        ['Rename to `name`', true, true],
        [RENAME_ALL(3), true, undefined],
      ],
      [
        ['Rename to `url`', true, true],
        [RENAME_ALL(3), true, undefined],
      ],
    ]);
    const fix = renameAllOf(first(found));
    assert.deepEqual(fix.edits, [
      { range: at(text, '"picture"'), newText: '"image"' },
      { range: at(text, '"company"'), newText: '"name"' },
      { range: at(text, '"website"'), newText: '"url"' },
    ]);
    const renamed = applyEdits(text, fix.edits);
    assert.deepEqual(JSON.parse(renamed), {
      basics: { name: 'Sam', email: 'sam@example.com', image: 'https://sam.dev/me.png' },
      work: [{ name: 'Acme', url: 'https://acme.example', position: 'Engineer' }],
    });
  });

  it('Fix all and --fix rename each key once: the one fix overlaps the keys’ own and is left out', () => {
    const found = unknownKeys(YAML_RESUME);
    const chosen = safeFixEdits(
      YAML_RESUME,
      found.flatMap((finding) => finding.fixes),
    );
    assert.deepEqual(
      chosen.taken.map((fix) => fix.title),
      ['Rename to `url`', 'Rename to `name`', 'Rename to `url`', 'Rename to `score`'],
    );
    const result = fixAllText(YAML_RESUME);
    assert.equal(result.applied[UNKNOWN_KEY], 4);
    assert.deepEqual(result.rejected, {});
    assert.equal(
      result.text,
      YAML_RESUME.replace('  website:', '  url:').replace('company:', 'name:').replace('"website":', '"url":').replace('gpa:', 'score:'),
    );
  });

  it('Fix all on JSON gives the same renames, and the file stays JSON', () => {
    const text = '{\n  "basics": {"name": "Sam", "website": "https://sam.dev"},\n  "work": [{"company": "Acme"}, {"company": "Beta"}]\n}\n';
    const result = fixAllText(text);
    assert.equal(result.applied[UNKNOWN_KEY], 3);
    assert.equal(
      result.text,
      '{\n  "basics": {"name": "Sam", "url": "https://sam.dev"},\n  "work": [{"name": "Acme"}, {"name": "Beta"}]\n}\n',
    );
  });

  it('one old key alone has its own fix only', () => {
    const text = 'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - company: Acme\n    hilights:\n      - Built a queue\n';
    assert.deepEqual(menus(unknownKeys(text)), [[['Rename to `name`', true, true]], [['Rename to `highlights`', true, true]]]);
  });

  it('never renames onto a key already there, nor two keys onto one name', () => {
    const text = withWork(
      '  - company: Acme',
      '    name: Acme Inc',
      '  - Company: Beta',
      '    company: Beta',
      '  - company: Gamma',
      '    website: https://gamma.example',
    );
    const found = unknownKeys(text);
    assert.deepEqual(menus(found), [
      [],
      [['Rename to `name`', undefined, undefined]],
      [['Rename to `name`', undefined, undefined]],
      [
        ['Rename to `name`', true, true],
        [RENAME_ALL(2), true, undefined],
      ],
      [
        ['Rename to `url`', true, true],
        [RENAME_ALL(2), true, undefined],
      ],
    ]);
    assert.deepEqual(renameAllOf(found[3]!).edits, [
      { range: at(text, 'company', 2), newText: 'name' },
      { range: at(text, 'website'), newText: 'url' },
    ]);
    const result = fixAllText(text);
    assert.equal(result.applied[UNKNOWN_KEY], 2);
    assert.equal(result.text, text.replace('company: Gamma', 'name: Gamma').replace('website:', 'url:'));
  });

  it('leaves out a key whose finding is turned off on its line', () => {
    const text = [
      'basics:',
      '  name: Sam',
      '  email: sam@example.com',
      '  # bulletproof-disable-next-line schema/unknown-key',
      '  website: https://sam.dev',
      'work:',
      '  - company: Acme',
      '    website: https://acme.example',
      '',
    ].join('\n');
    const found = unknownKeys(text);
    assert.equal(found.length, 2);
    assert.deepEqual(renameAllOf(first(found)).edits, [
      { range: at(text, 'company'), newText: 'name' },
      { range: at(text, 'website', 1), newText: 'url' },
    ]);
    assert.equal(fixAllText(text).text, text.replace('company:', 'name:').replace('    website:', '    url:'));
  });
});

describe('old JSON Resume names in the report', () => {
  const reportOf = (text: string) => buildReport(lintText(text));

  it('one line for all of them, under the rule, in Markdown, JSON and the panel', () => {
    const report = reportOf(YAML_RESUME);
    const summary = '4 keys use old JSON Resume names (`company`, `gpa`, `website` ×2): one fix renames them all';
    assert.deepEqual(report.oldNames, {
      count: 4,
      keys: [
        { key: 'company', count: 1 },
        { key: 'gpa', count: 1 },
        { key: 'website', count: 2 },
      ],
      renamedByOneFix: 4,
      summary,
    });
    // The rule's own count still counts every finding: the totals add up.
    assert.deepEqual(
      report.rules.find((rule) => rule.ruleId === UNKNOWN_KEY),
      { ruleId: UNKNOWN_KEY, severity: 'warning', count: 5 },
    );
    const markdown = reportToMarkdown(report, 'resume.yaml', () => 1);
    const lines = markdown.split('\n');
    const at = lines.indexOf(`- 5 × \`${UNKNOWN_KEY}\` (warning)`);
    assert.notEqual(at, -1, markdown);
    assert.equal(lines[at + 1], `  - ${summary}`);
    assert.equal(lines.filter((line) => line.includes('old JSON Resume')).length, 1);
    const html = renderReportBody({ uri: 'file:///resume.yaml', version: 1, report, roleLines: {}, bulletLines: {} });
    assert.ok(
      html.includes(
        '<tr><td colspan="3" class="muted">4 keys use old JSON Resume names (<code>company</code>, <code>gpa</code>, <code>website</code> ×2): one fix renames them all</td></tr>',
      ),
      html,
    );
  });

  it('says how many the one fix renames when some cannot be renamed', () => {
    const text = withWork('  - company: Acme', '    name: Acme Inc', '  - company: Beta', '  - company: Gamma');
    assert.equal(reportOf(text).oldNames?.summary, '3 keys use old JSON Resume names (`company` ×3): one fix renames 2 of them');
  });

  it('one key: no fix for them all to mention; none: no line', () => {
    const one = 'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - company: Acme\n';
    assert.equal(reportOf(one).oldNames?.summary, '1 key uses an old JSON Resume name (`company`)');
    const typo = 'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    postion: Lead\n';
    const report = reportOf(typo);
    assert.equal(report.oldNames, undefined);
    assert.ok(!reportToMarkdown(report, 'resume.yaml', () => 1).includes('old JSON Resume'));
  });
});
