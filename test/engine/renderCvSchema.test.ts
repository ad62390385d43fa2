/**
 * RenderCV files against RenderCV's schema: findings on the exact key or
 * value, one per fault (a section is checked as the one type RenderCV gives
 * it), and the layout fixtures and the corpus as scripts/check-layout-schemas.mjs
 * checks them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, textAt } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layouts', 'rendercv');

function schemaFindings(text: string): [string, string, string, string[]][] {
  return lintText(text)
    .findings.filter((finding) => finding.ruleId.startsWith('schema/'))
    .map((finding) => [finding.ruleId, textAt(text, finding.range), finding.message, finding.fixes.map((fix) => fix.title)]);
}

const experience = (fields: string) =>
  `cv:\n  name: Dana\n  sections:\n    experience:\n      - company: Acme\n        position: Engineer\n${fields}`;

describe('RenderCV schema', () => {
  it('a wrong date is one finding, on the value, with the date to write as a safe fix', () => {
    const text = experience('        start_date: March 2021\n');
    assert.deepEqual(schemaFindings(text), [
      [
        'schema/invalid-date',
        'March 2021',
        '`March 2021` is not a date RenderCV reads in `start_date`: write YYYY-MM, YYYY-MM-DD or YYYY, here `2021-03`.',
        ['Change to `2021-03`'],
      ],
    ]);
    const fix = lintText(text).findings.find((finding) => finding.ruleId === 'schema/invalid-date')?.fixes[0];
    assert.equal(fix?.safe, true);
  });

  it('`end_date: Present` becomes `present`; `present` and real dates are fine; the free-text `date` is free', () => {
    assert.deepEqual(schemaFindings(experience('        start_date: 2021-03\n        end_date: Present\n')), [
      [
        'schema/invalid-date',
        'Present',
        '`Present` is not a date: for a current role, write `end_date: present`.',
        ['Change to `present`'],
      ],
    ]);
    assert.deepEqual(schemaFindings(experience('        start_date: 2021\n        end_date: present\n        date: Summer 2019\n')), []);
  });

  it('a section is checked as the type of its first entry: an education entry among experience entries lacks `company`', () => {
    const text = `${experience('')}      - institution: State University\n        area: Computer Science\n`;
    assert.deepEqual(schemaFindings(text), [
      ['schema/wrong-type', 'institution', 'An experience entry needs `company`: RenderCV rejects it without one.', []],
      ['schema/wrong-type', 'institution', 'An experience entry needs `position`: RenderCV rejects it without one.', []],
    ]);
  });

  it('a section that is not a list, and one whose entries no type fits', () => {
    assert.deepEqual(schemaFindings('cv:\n  sections:\n    summary: Backend engineer\n'), [
      ['schema/wrong-type', 'Backend engineer', 'Each section should be a list of entries, one per line starting with `- `.', []],
    ]);
    const [finding] = schemaFindings('cv:\n  sections:\n    misc:\n      - foo: bar\n');
    assert.equal(finding?.[1], 'misc');
    assert.match(finding?.[2] ?? '', /^RenderCV cannot tell what kind of entries this section holds/);
  });

  it('unknown keys where RenderCV rejects them, with JSON Resume’s names mapped; an entry takes keys of its own', () => {
    assert.deepEqual(schemaFindings('cv:\n  name: Dana\n  label: Backend Engineer\ndesing: {}\n'), [
      [
        'schema/unknown-key',
        'label',
        'Unknown key `label` in `cv`: RenderCV rejects it. Did you mean `headline`?',
        ['Rename to `headline`'],
      ],
      [
        'schema/unknown-key',
        'desing',
        'Unknown key `desing` at the top level: RenderCV rejects it. Did you mean `design`?',
        ['Rename to `design`'],
      ],
    ]);
    assert.deepEqual(schemaFindings(experience('        team_size: 9\n')), []);
  });

  it('contact fields: an e-mail, a phone with its country code, a known network', () => {
    const text = 'cv:\n  email: dana-at-example\n  phone: "030 1234"\n  social_networks:\n    - network: Twitter\n      username: dana\n';
    assert.deepEqual(schemaFindings(text), [
      ['schema/invalid-format', 'dana-at-example', '`email` is not an e-mail address (name@example.com).', []],
      [
        'schema/invalid-format',
        '"030 1234"',
        '`phone` should start with `+` and the country code, e.g. `+49 30 1234 5678`: RenderCV rejects a number without it.',
        [],
      ],
      ['schema/wrong-type', 'Twitter', '`Twitter` is not a network RenderCV knows: write `X`.', ['Change to `X`']],
    ]);
  });

  it('the layout fixtures: the valid ones have no schema finding, each invalid one at least one', () => {
    for (const kind of ['valid', 'invalid']) {
      for (const name of fs.readdirSync(path.join(FIXTURES, kind))) {
        const text = fs.readFileSync(path.join(FIXTURES, kind, name), 'utf8');
        const result = lintText(text);
        assert.equal(result.model.layout.id, 'rendercv', name);
        const count = result.findings.filter((finding) => /^(schema|yaml)\//.test(finding.ruleId)).length;
        if (kind === 'valid') assert.equal(count, 0, `${name} should be valid`);
        else assert.ok(count > 0, `${name} should be invalid`);
      }
    }
  });

  it('scripts/check-layout-schemas.mjs: both layout schemas against the corpus, the fixtures and the examples', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-layout-schemas.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /; 0 failures$/m);
  });
});
