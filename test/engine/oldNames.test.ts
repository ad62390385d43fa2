/**
 * Old JSON Resume names (`company`, `website`, `picture`, `gpa`): each is
 * its own finding with its own safe rename, and each also offers one fix
 * that renames them all. Fix all and `--fix` apply every rename once.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, findingsOf } from '../helpers';
import { fixAll, safeFixEdits } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import type { Finding, Fix } from '../../server/src/engine/types';
import { first } from '../support/lists';

const UNKNOWN_KEY = 'schema/unknown-key';
const RENAME_ALL = (count: number) => `Rename the old JSON Resume keys (${count})`;

function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    assert.notEqual(start, -1, `${needle} (${nth})`);
  }
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
    const text = [
      'basics:',
      '  name: Sam',
      '  email: sam@example.com',
      'work:',
      '  - company: Acme',
      '    name: Acme Inc',
      '  - Company: Beta',
      '    company: Beta',
      '  - company: Gamma',
      '    website: https://gamma.example',
      '',
    ].join('\n');
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
