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
  it('flags a bullet once, from its first pronoun to its last, and names them all', () => {
    const text = workResume([
      'I led the migration of our ledger to PostgreSQL 15',
      'Using Go, we cut the p99 of my team’s API from 2 s to 300 ms',
      'Wrote the runbook that on-call engineers after me still use',
    ]);
    assert.deepEqual(phrases(text), ['I led the migration of our', 'we cut the p99 of my', 'me']);
    const findings = find(text);
    assert.equal(
      first(findings).message,
      '`I` and `our` are first person: resume bullets leave the subject implied and say what you did, without the pronouns.',
    );
    assert.equal(first(findings).severity, 'warning');
    assert.equal(
      nth(findings, 1).message,
      '`we` and `my` are first person: resume bullets leave the subject implied and say what you did, without the pronouns.',
    );
    assert.equal(nth(findings, 2).message, '`me` is first person: rephrase so the bullet says what you did, without the pronoun.');
  });

  it('names each pronoun once, and keeps the advice of one kind when they are all of it', () => {
    const text = workResume([
      'I designed the API, I wrote the SDK and we shipped both',
      'Moved our team’s jobs to my platform and our queue',
      'Our team and our customers',
    ]);
    assert.deepEqual(
      find(text).map((f) => f.message),
      [
        '`I` and `we` are first person: resume bullets leave the subject implied and start with the verb.',
        "`our` and `my` are first person: write `the`, or name whose it is (the team's, the company's).",
        "`Our` is first person: write `the`, or name whose it is (the team's, the company's).",
      ],
    );
    assert.deepEqual(phrases(text), [
      'I designed the API, I wrote the SDK and we',
      'our team’s jobs to my platform and our',
      'Our team and our',
    ]);
  });

  it('removes every pronoun it can in one fix, keeping the grammar', () => {
    const text = workResume(
      ['I migrated our ledger to PostgreSQL. We cut my team’s pages by half', 'Our platform team owned our payments API'],
      '# keep me',
    );
    const [both, possessives] = find(text);
    assert.ok(both && possessives);
    const fix = only(both.fixes);
    assert.equal(fix.title, 'Remove `I` and `We`; replace `our` with `the`');
    assert.equal(fix.safe, undefined);
    const out = applyFix(text, fix);
    assert.deepEqual(shape(parse(out)), shape(parse(text)));
    // `my team’s` is personal ("my" before a possessive noun is not a work noun): left for a person, and still flagged.
    assert.equal(highlightAt(readResume(out), 0), 'Migrated the ledger to PostgreSQL. Cut my team’s pages by half');
    assert.deepEqual(phrases(out), ['my', 'Our platform team owned our']);
    assert.equal(first(possessives.fixes).title, 'Replace `Our` and `our` with `the`');
    assert.equal(highlightAt(readResume(fixed(text, possessives)), 1), 'The platform team owned the payments API');
  });

  it('drops a leading I or We and capitalises the verb', () => {
    const text = workResume(['I reduced the AWS bill by 31% with spot instances', 'We shipped payouts in 6 weeks'], '# keep me');
    assert.equal(first(find(text)).message, SUBJECT('I'));
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
    // One that can go and one that cannot: the fix takes the one, the finding stays for the other.
    const mixed = workResume(['I rebuilt the queue, as I had planned'], '# keep me');
    const finding = only(find(mixed));
    assert.equal(textAt(mixed, finding.range), 'I rebuilt the queue, as I');
    assert.equal(first(finding.fixes).title, 'Remove `I`');
    const out = applyFix(mixed, first(finding.fixes));
    assert.equal(highlightAt(readResume(out), 0), 'Rebuilt the queue, as I had planned');
    assert.deepEqual(phrases(out), ['I']);
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
