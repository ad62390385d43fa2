/** completeness: a name, a way to reach the person, and work highlights. */
import * as assert from 'node:assert/strict';
import completeness from '../../server/src/rules/completeness';
import { findingsOf, lintText, textAt } from '../helpers';
import { first } from '../support/lists';

function found(text: string): [string, string][] {
  return findingsOf(text, 'completeness', {}, [completeness]).map((f) => [textAt(text, f.range), f.message]);
}

const NO_NAME = 'The resume has no name: add `basics.name`.';
const NO_CONTACT = 'The resume gives no way to reach you: add `basics.email`, `basics.phone`, `basics.url` or a profile.';
const NO_WORK = 'The resume has no work experience: add a `work` entry with `highlights`, the bullets reviewers read first.';
const NO_HIGHLIGHTS = 'No work entry has `highlights`: add the bullets reviewers read first, one achievement each.';

const WORK = 'work:\n  - name: Acme\n    highlights:\n      - Built the payments API\n';

describe('completeness', () => {
  it('a complete resume: nothing', () => {
    assert.deepEqual(found(`basics:\n  name: Sam Lee\n  email: sam@example.com\n${WORK}`), []);
  });

  it('no name: a warning on the `basics` key', () => {
    const text = `basics:\n  label: Backend Engineer\n  email: sam@example.com\n${WORK}`;
    assert.deepEqual(found(text), [['basics', NO_NAME]]);
    const finding = first(findingsOf(text, 'completeness', {}, [completeness]));
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: 0, end: 6 });
  });

  it('a blank name counts as no name', () => {
    assert.deepEqual(found(`basics:\n  name: "  "\n  email: sam@example.com\n${WORK}`), [['basics', NO_NAME]]);
  });

  it('no way to reach the person; any one of email, phone, url or a profile is enough', () => {
    assert.deepEqual(found(`basics:\n  name: Sam\n  label: Engineer\n${WORK}`), [['basics', NO_CONTACT]]);
    for (const contact of [
      'email: sam@example.com',
      'phone: "+1 555 0142"',
      'url: https://example.com',
      'profiles:\n    - network: GitHub\n      username: sam',
    ]) {
      assert.deepEqual(found(`basics:\n  name: Sam\n  ${contact}\n${WORK}`), [], contact);
    }
  });

  it('work without highlights: a warning on the `work` key', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\nwork:\n  - name: Acme\n    position: Engineer\n  - name: Beta\n    highlights: []\n';
    assert.deepEqual(found(text), [['work', NO_HIGHLIGHTS]]);
  });

  it('no work at all: a warning on the first key when there is no `work`', () => {
    const text = 'basics:\n  name: Sam\n  email: sam@example.com\neducation:\n  - institution: U\n';
    assert.deepEqual(found(text), [['basics', NO_WORK]]);
  });

  it('no basics at all: the first two warnings sit on the first key', () => {
    const text = `# A resume\n${WORK}`;
    assert.deepEqual(found(text), [
      ['work', NO_NAME],
      ['work', NO_CONTACT],
    ]);
  });

  it('is not a schema error: a JSON Resume file stays valid', () => {
    const text = 'basics:\n  label: Engineer\n';
    const ids = lintText(text).findings.map((f) => f.ruleId);
    assert.ok(ids.includes('completeness'));
    assert.ok(!ids.some((id) => id.startsWith('schema/')));
  });

  it('says nothing about a document that is not a mapping (the schema does)', () => {
    assert.deepEqual(found('- a\n- b\n'), []);
    assert.deepEqual(found(''), []);
  });

  it('can be turned off', () => {
    assert.deepEqual(findingsOf('basics:\n  label: x\n', 'completeness', { rules: { completeness: 'off' } }), []);
  });
});

describe('completeness in RenderCV', () => {
  const found = (text: string) => findingsOf(text, 'completeness', {}, [completeness]).map((f) => [textAt(text, f.range), f.message]);

  it('names RenderCV’s own fields, on the `cv` key', () => {
    assert.deepEqual(found('cv:\n  location: Berlin\n  sections:\n    projects:\n      - name: ledger-lite\n'), [
      ['cv', 'The resume has no name: add `cv.name`.'],
      ['cv', 'The resume gives no way to reach you: add `cv.email`, `cv.phone`, `cv.website` or a social network.'],
      [
        'cv',
        'The resume has no work experience: add an experience entry (`company`, `position`, `highlights`) under `cv.sections`, the bullets reviewers read first.',
      ],
    ]);
  });

  it('experience entries under any section title count as work; a social network is a way to reach you', () => {
    const text = [
      'cv:',
      '  name: Alex Rivera',
      '  social_networks:',
      '    - network: GitHub',
      '      username: alexrivera',
      '  sections:',
      '    Berufserfahrung:',
      '      - company: Acme',
      '        position: Engineer',
      '        highlights:',
      '          - Built the **payments** API',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
    assert.deepEqual(found(text.replace(/ {8}highlights:\n.*\n/, '')), [
      ['Berufserfahrung', 'No experience entry has `highlights`: add the bullets reviewers read first, one achievement each.'],
    ]);
  });
});
