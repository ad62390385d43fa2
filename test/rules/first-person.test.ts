import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import rule from '../../server/src/rules/first-person';
import { applyFix, findingsOfRule, shape, textAt, workResume } from '../helpers';
import { highlightAt, readResume, workEntry } from '../fixes/readBack';
import { first, nth, only } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

/** Applies the finding's fix: the pronoun is gone, the structure and the comment are kept. */
function fixed(text: string, finding: Finding): string {
  const out = applyFix(text, only(finding.fixes));
  assert.deepEqual(shape(parse(out)), shape(parse(text)));
  assert.equal(find(out).length, find(text).length - 1);
  assert.ok(out.includes('# keep me'));
  return out;
}

const SUBJECT = (w: string) => `\`${w}\` is first person: resume bullets leave the subject implied and start with the verb.`;

describe('first-person', () => {
  it('flags each pronoun in a bullet, exactly', () => {
    const text = workResume([
      'I led the migration of our ledger to PostgreSQL 15',
      'Using Go, we cut the p99 of my team’s API from 2 s to 300 ms',
      'Wrote the runbook that on-call engineers after me still use',
    ]);
    assert.deepEqual(phrases(text), ['I', 'our', 'we', 'my', 'me']);
    const findings = find(text);
    assert.equal(first(findings).message, SUBJECT('I'));
    assert.equal(first(findings).severity, 'warning');
    assert.equal(nth(findings, 1).message, "`our` is first person: write `the`, or name whose it is (the team's, the company's).");
    assert.equal(nth(findings, 4).message, '`me` is first person: rephrase so the bullet says what you did, without the pronoun.');
  });

  it('drops a leading I or We and capitalises the verb', () => {
    const text = workResume(['I reduced the AWS bill by 31% with spot instances', 'We shipped payouts in 6 weeks'], '# keep me');
    const out = fixed(text, first(find(text)));
    assert.equal(highlightAt(readResume(out), 0), 'Reduced the AWS bill by 31% with spot instances');
    const out2 = fixed(text, nth(find(text), 1));
    assert.equal(highlightAt(readResume(out2), 1), 'Shipped payouts in 6 weeks');
    assert.equal(first(nth(find(text), 1).fixes).title, 'Remove `We`');
  });

  it('replaces our, and my before a work noun, with "the"', () => {
    const text = [
      'work:',
      '  - name: Acme # keep me',
      '    summary: Our platform team owned payments.',
      '    highlights:',
      '      - Moved my team to trunk-based development',
      '',
    ].join('\n');
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['Our', 'my'],
    );
    assert.equal(workEntry(readResume(fixed(text, first(findings)))).summary, 'The platform team owned payments.');
    assert.equal(first(nth(findings, 1).fixes).title, 'Replace `my` with `the`');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 1))), 0), 'Moved the team to trunk-based development');
  });

  it('offers no fix where only a person can rephrase', () => {
    const text = workResume([
      'I was the on-call lead for the payments API',
      'Honed my leadership skills mentoring 3 engineers',
      'Rebuilt the queue, as we had planned',
      'Built our own load tester in Go',
    ]);
    assert.deepEqual(phrases(text), ['I', 'my', 'we', 'our']);
    assert.deepEqual(
      find(text).map((f) => f.fixes.length),
      [0, 0, 0, 0],
    );
  });

  it('does not read numerals, acronyms, names or quotes as pronouns', () => {
    const text = workResume([
      'Cut disk I/O on the ingest nodes by 40% and sped up CI/CD',
      'Built the data pipeline for a phase I clinical trial',
      'Promoted from Software Engineer I to II in 14 months',
      'Expanded the checkout service to US and EU regions in us-east-1',
      'Redesigned the My Account page, lifting retention 8%',
      'Quoted in the postmortem review: "we were blind without traces"',
      'Built the Nara.me REST client',
      'Built the data room for the Series I funding round',
    ]);
    assert.deepEqual(find(text), []);
  });

  it('reads work summaries but not basics.summary, where first person is normal', () => {
    const text = [
      'basics:',
      '  name: Dana',
      '  summary: I build payment systems that stay boring under load.',
      'work:',
      '  - name: Acme',
      '    summary: I ran the ledger team.',
      '',
    ].join('\n');
    assert.deepEqual(phrases(text), ['I']);
    assert.equal(textAt(text, first(find(text)).range), 'I');
    assert.ok(first(find(text)).range.start > text.indexOf('work:'));
  });

  it('stays quiet on bullets in other languages', () => {
    const text = workResume(['Me encargué de la migración de los servicios a Kubernetes con Helm']);
    assert.deepEqual(find(text), []);
  });
});
