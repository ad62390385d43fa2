import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/placeholder';
import { findingsOfRule, textAt, workResume } from '../helpers';
import { first, nth, only } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

describe('placeholder', () => {
  it('flags each template token left in a bullet, exactly', () => {
    const text = workResume(['Cut p95 latency from ‹before› to ‹after› by ‹how›']);
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['‹before›', '‹after›', '‹how›'],
    );
    assert.equal(first(findings).message, '`‹before›` is an unfilled template slot: replace it with your own words or figure.');
    assert.equal(first(findings).severity, 'error');
    assert.deepEqual(first(findings).fixes, []);
  });

  it('flags TODO and TBD as whole upper-case words', () => {
    const text = workResume(['Migrated billing to Postgres, saving TBD per month', 'TODO: add the on-call bullet']);
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['TBD', 'TODO'],
    );
    assert.equal(nth(findings, 1).message, '`TODO` marks unfinished text: finish it or remove it before you send the resume.');
  });

  it('checks every string in the resume, not just bullets', () => {
    const text = [
      'basics:',
      '  name: ‹Your name›',
      '  label: Backend Engineer',
      '  summary: >-',
      '    Backend engineer with ‹N› years of',
      '    experience. TODO',
      'skills:',
      '  - name: Databases',
      '    keywords: [PostgreSQL, "‹datastore›"]',
      'education:',
      '  - institution: TBD',
      '',
    ].join('\n');
    assert.deepEqual(phrases(text), ['‹Your name›', '‹N›', 'TODO', '‹datastore›', 'TBD']);
  });

  it('checks keys too: an unquoted "TODO: …" bullet parses as a mapping', () => {
    const text = 'work:\n  - name: Acme\n    highlights:\n      - TODO: the Kafka migration\n';
    assert.deepEqual(phrases(text), ['TODO']);
  });

  it('underlines the token inside single-quoted, folded and literal scalars', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    highlights:',
      "      - 'It''s ‹N›% faster'",
      '      - >',
      '        Reduced the bill',
      '        by ‹N›% with spot nodes',
      '      - |',
      '        Wrote the runbook (‹how›)',
      '',
    ].join('\n');
    assert.deepEqual(phrases(text), ['‹N›', '‹N›', '‹how›']);
  });

  it('leaves ordinary text alone', () => {
    const text = workResume([
      'Removed N+1 queries from the orders endpoint, cutting p95 from 800 ms to 120 ms',
      'Built a todo app in Elm to learn the architecture',
      'Built a TODO list app with offline sync in React Native',
      'Wrote a linter that reports stale TODO comments in CI',
      'Shipped telemetry for SpaceX-style launch dashboards',
      'Drafted the TBDs and TODOs policy for the PTBD project',
      'Escaped «quotes» and <angle> brackets in the exporter',
    ]);
    assert.deepEqual(find(text), []);
  });

  it('works in any language', () => {
    const text = workResume(['결제 API 지연 시간을 ‹N›% 줄였습니다', 'Réduit la latence de ‹avant› à ‹après›']);
    assert.deepEqual(phrases(text), ['‹N›', '‹avant›', '‹après›']);
  });

  it('ignores comments, which are not part of the resume', () => {
    const text = '# TODO: add the Globex job\n' + workResume(['Led the ledger migration to PostgreSQL 15 with zero downtime']);
    assert.deepEqual(find(text), []);
  });

  it('can be disabled for one line', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    highlights:',
      '      # bulletproof-disable-next-line placeholder',
      '      - Cut costs by ‹N›%',
      '      - Cut latency by ‹N›%',
      '',
    ].join('\n');
    const findings = find(text);
    assert.equal(text.slice(0, only(findings).range.start).split('\n').length, 6);
  });
});
