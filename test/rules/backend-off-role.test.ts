import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../../server/src/engine/fixes';
import { titleClass } from '../../server/src/engine/roleGuess';
import { lint } from '../../server/src/linter';
import { FIXED_TODAY, lintText, textAt } from '../helpers';
import { only } from '../support/lists';
import { cli, tempDir } from '../cli/run';

const ID = 'backend-off-role';
const BACKEND_RULES = ['backend-signals', 'latency-percentile', 'availability-nines', 'skills-grouping'];

/** A JSON Resume with a headline (when given), positions newest first, one plain bullet each, and a flat skills list. */
function resume(label: string | undefined, positions: string[], skills: string[] = ['Go', 'Python']): string {
  const lines = ['basics:', '  name: Sam Lee'];
  if (label !== undefined) lines.push(`  label: ${JSON.stringify(label)}`);
  lines.push('work:');
  positions.forEach((position, index) => {
    lines.push('  - name: Acme', `    position: ${JSON.stringify(position)}`, `    startDate: ${2020 - index}-01`);
    lines.push('    highlights:', '      - Shipped the checkout flow used by 40 teams, cutting latency from 900 ms to 200 ms');
  });
  lines.push('skills:', '  - name: Everything', `    keywords: [${skills.join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** `[rule id, text under the range]` of the off-role note and every backend finding. */
function backendAdvice(text: string, options = {}): [string, string][] {
  return lintText(text, options)
    .findings.filter((finding) => finding.ruleId === ID || BACKEND_RULES.includes(finding.ruleId))
    .map((finding) => [finding.ruleId, textAt(text, finding.range)]);
}

function note(text: string): string | undefined {
  return lintText(text).findings.find((finding) => finding.ruleId === ID)?.message;
}

const held = (role: string, from: string) =>
  `This reads as a ${role} resume (from ${from}), so the backend advice is held back: ` +
  'set `role: general` to say so and drop this note, or `role: backend` to get the backend advice.';

describe('backend-off-role', () => {
  it('one note on the headline, instead of every backend finding', () => {
    const text = resume('iOS Engineer', ['iOS Engineer']);
    assert.deepEqual(backendAdvice(text), [[ID, '"iOS Engineer"']]);
    assert.equal(note(text), held('mobile', 'the headline `iOS Engineer`'));
    // The same resume read as backend gets the advice the note stands for.
    assert.deepEqual(
      backendAdvice(text, { role: 'backend' }).map(([id]) => id),
      ['backend-signals', 'backend-signals', 'backend-signals', 'latency-percentile'],
    );
  });

  it('names each plain role from the headline', () => {
    const cases: [string, string][] = [
      ['QA Automation Engineer', 'QA / test'],
      ['Senior Android Developer', 'mobile'],
      ['Frontend Engineer', 'front-end'],
      ['Embedded Firmware Engineer', 'embedded / hardware'],
      ['Data Analyst', 'data analyst / BI'],
      ['Lead Data Scientist', 'data science / machine learning'],
      ['Technical Project Manager', 'management'],
      ['Product Designer', 'design'],
      ['Penetration Tester', 'security'],
      ['Clinical Research Coordinator', 'non-software'],
    ];
    for (const [label, role] of cases) {
      assert.equal(note(resume(label, ['Engineer'])), held(role, `the headline \`${label}\``), label);
    }
  });

  it('says nothing on a generic, backend-leaning or mixed headline', () => {
    for (const label of [
      'Software Engineer',
      'Backend Engineer',
      'Full-stack Developer',
      'DevOps Engineer',
      'Site Reliability Engineer',
      'Java Developer',
      'Software Developer/Data Scientist',
      'Android & Backend Engineer',
      'iOS Engineer | Node.js',
    ]) {
      assert.equal(note(resume(label, ['Software Engineer'])), undefined, label);
    }
  });

  it('reads the positions, newest first, under a generic headline or none', () => {
    const frontend = resume('Software Engineer', ['Senior Frontend Engineer', 'Front End Developer', 'Web Developer']);
    assert.equal(note(frontend), held('front-end', 'the positions `Senior Frontend Engineer`, `Front End Developer`'));
    assert.equal(
      note(resume(undefined, ['QA Engineer', 'Test Analyst'])),
      held('QA / test', 'the positions `QA Engineer`, `Test Analyst`'),
    );
    // With no headline the note goes on the first key.
    const text = resume(undefined, ['QA Engineer']);
    assert.deepEqual(backendAdvice(text), [[ID, 'basics']]);
  });

  it('keeps the advice when the positions are mixed, generic, or newest backend', () => {
    for (const positions of [
      ['Frontend Engineer', 'Backend Engineer', 'Full Stack Engineer'],
      ['Software Engineer', 'Frontend Engineer'],
      ['Frontend Engineer', 'Software Engineer', 'Software Engineer'],
      ['Founder', 'QA Engineer'],
      ['Research Assistant', 'Software Engineer'],
    ]) {
      assert.equal(note(resume('Software Engineer', positions)), undefined, positions.join(', '));
    }
    // An iOS headline over a current backend job is a mix too.
    assert.equal(note(resume('iOS Engineer', ['Backend Engineer', 'iOS Engineer'])), undefined);
  });

  it('research counts only when every position is research', () => {
    assert.equal(
      note(resume(undefined, ['Research Assistant', 'Student Researcher'])),
      held('research', 'the positions `Research Assistant`, `Student Researcher`'),
    );
  });

  it('a front-end title over a backend skills list is a mix; with no titles, skills alone can say the role', () => {
    const heavy = resume(undefined, ['Frontend Engineer'], ['PostgreSQL', 'Kafka', 'Redis', 'Go', 'React']);
    assert.equal(note(heavy), undefined);
    const text = resume(undefined, [], ['Swift', 'SwiftUI', 'UIKit', 'Xcode']);
    assert.equal(note(text), held('mobile', 'the skills `Swift`, `SwiftUI`, `UIKit`'));
    assert.equal(note(resume(undefined, [], ['Swift', 'SwiftUI', 'UIKit', 'PostgreSQL'])), undefined);
  });

  it('an explicit role is followed: `backend` gives the advice and no note, `general` neither', () => {
    const text = resume('iOS Engineer', ['iOS Engineer']);
    assert.equal(
      backendAdvice(text, { role: 'backend' }).some(([id]) => id === ID),
      false,
    );
    assert.deepEqual(backendAdvice(text, { role: 'general' }), []);
  });

  it('a level set for one backend rule turns it on whatever was read', () => {
    const text = resume('iOS Engineer', ['iOS Engineer']);
    assert.deepEqual(
      backendAdvice(text, { rules: { 'latency-percentile': 'info' } }).map(([id]) => id),
      [ID, 'latency-percentile'],
    );
  });

  it('follows the headline as it is typed, after an edit that reuses the previous result', () => {
    const backend = resume('Backend Engineer', ['iOS Engineer']);
    const ids = (result: ReturnType<typeof lint>) =>
      result.findings.filter((f) => f.ruleId === ID || BACKEND_RULES.includes(f.ruleId)).map((f) => f.ruleId);
    const first = lint(backend, { today: FIXED_TODAY });
    assert.deepEqual(ids(first), ['backend-signals', 'backend-signals', 'backend-signals', 'latency-percentile']);
    const ios = backend.replace('Backend Engineer', 'iOS Engineer');
    const second = lint(ios, { today: FIXED_TODAY }, undefined, first);
    assert.deepEqual(ids(second), [ID]);
    const third = lint(backend, { today: FIXED_TODAY }, undefined, second);
    assert.deepEqual(ids(third), ids(lint(backend, { today: FIXED_TODAY })));
  });

  it('reads the headline of RenderCV and YAMLResume too', () => {
    const renderCv = [
      'cv:',
      '  name: Sam Lee',
      '  headline: Android Engineer',
      '  sections:',
      '    experience:',
      '      - company: Acme',
      '        position: Android Engineer',
      '        start_date: 2020-01',
      '        highlights:',
      '          - Shipped the offline mode',
      '',
    ].join('\n');
    assert.deepEqual(backendAdvice(renderCv), [[ID, 'Android Engineer']]);
    const yamlResume = [
      'content:',
      '  basics:',
      '    name: Sam Lee',
      '    headline: Frontend Developer',
      '  work:',
      '    - name: Acme',
      '      position: Frontend Developer',
      '      startDate: 2020-01',
      '      summary: |',
      '        - Shipped the design system',
      '',
    ].join('\n');
    assert.deepEqual(backendAdvice(yamlResume), [[ID, 'Frontend Developer']]);
  });

  it('offers a suggestion that changes the settings, not the resume, which `--fix` never applies', () => {
    const text = resume('iOS Engineer', ['iOS Engineer']);
    const finding = only(lintText(text).findings.filter((f) => f.ruleId === ID));
    assert.deepEqual(finding.fixes, [
      { title: 'Set `role: general` in .bulletproof.yaml', edits: [], settings: [{ name: 'role', value: 'general' }] },
    ]);
    assert.deepEqual(
      fixAll(text, (current) => lintText(current).findings),
      { text, applied: {}, rejected: {} },
    );
  });

  it('the CLI’s --fix writes no config file', () => {
    const dir = tempDir('bulletproof-offrole-fix-');
    try {
      fs.writeFileSync(path.join(dir, 'ios.resume.yaml'), resume('iOS Engineer', ['iOS Engineer']));
      cli(['--fix', 'ios.resume.yaml'], dir);
      assert.deepEqual(fs.readdirSync(dir), ['ios.resume.yaml']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('roleGuess.titleClass', () => {
  const cases: [string, string][] = [
    ['iOS Software Engineer', 'mobile'],
    ['Trading Systems Developer', 'generic'],
    ['Financial Analyst', 'non-software'],
    ['Head of UI/UX', 'design'],
    ['ML/CV Engineer', 'data-science'],
    ['Mobile/Web developer', 'mixed'],
    ['Senior DevSecOps Consultant', 'backend'],
    ['JavaScript Developer', 'generic'],
    ['Senior .NET Developer', 'backend'],
    ['Team Lead', 'neutral'],
  ];
  for (const [title, expected] of cases) {
    it(`${title}: ${expected}`, () => {
      const found = titleClass(title);
      assert.equal(found.kind === 'role' ? found.role : found.kind, expected);
    });
  }
});
