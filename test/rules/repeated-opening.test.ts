import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { isKnownVerb, pastTense, pastToPresent } from '../../server/src/engine/verbs';
import { ACTION_VERBS } from '../../server/src/engine/openings';
import rule, { SYNONYMS } from '../../server/src/rules/repeated-opening';
import { applyFix, findingsOfRule, shape, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first, nth, only } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

/** Two work entries with the given highlights, a comment in between. */
function twoRoles(first: string[], second: string[]): string {
  const list = (items: string[]) => items.map((item) => `      - ${item}`).join('\n');
  return `work:\n  - name: Acme\n    highlights:\n${list(first)}\n  # keep me\n  - name: Globex\n    highlights:\n${list(second)}\n`;
}

describe('repeated-opening', () => {
  it('flags the third bullet of a role that opens with the same verb', () => {
    const text = workResume([
      'Built the payouts API in Go',
      'Built a Kafka pipeline for tracking events',
      'Cut p95 latency from 900 ms to 150 ms',
      'Built the on-call runbooks for 12 services',
    ]);
    const finding = only(find(text));
    assert.equal(textAt(text, finding.range), 'Built');
    assert.ok(finding.range.start > text.indexOf('on-call') - 20);
    assert.equal(finding.message, '`Built` opens 3 bullets in this role: vary the verb so each bullet stands apart.');
    assert.equal(finding.severity, 'info');
  });

  it('offers synonyms in the same tense, none preferred or safe, and each clears the finding', () => {
    const text = twoRoles(['Built the payouts API', 'Built the ledger', 'Built the runbooks'], ['Ran the on-call rotation']);
    const finding = first(find(text));
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Change `Built` to `Developed`', 'Change `Built` to `Implemented`', 'Change `Built` to `Created`'],
    );
    for (const fix of finding.fixes) {
      assert.ok(!fix.isPreferred && !fix.safe);
      const out = applyFix(text, fix);
      assert.deepEqual(find(out), []);
      assert.deepEqual(shape(parse(out)), shape(parse(text)));
      assert.ok(out.includes('  # keep me\n'));
    }
    assert.equal(highlightAt(readResume(applyFix(text, first(finding.fixes))), 2), 'Developed the runbooks');
  });

  it('leaves out synonyms that are already used as often as allowed', () => {
    const text = workResume(['Developed the API', 'Developed the SDK', 'Build the ledger', 'Build the queue', 'Build the runbooks']);
    const finding = first(find(text).filter((f) => textAt(text, f.range) === 'Build'));
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ['Change `Build` to `Implement`', 'Change `Build` to `Create`'],
    );
  });

  it('counts forms of one verb together: Led and Lead', () => {
    const text = workResume(['Led the payments squad', 'Lead the platform guild', 'Led the Kafka migration']);
    assert.deepEqual(phrases(text), ['Led']);
    assert.match(first(find(text)).message, /^`Led` opens 3 bullets in this role/);
  });

  it('flags the fourth use in the resume, across roles, without reporting a bullet twice', () => {
    const text = twoRoles(
      ['Designed the payouts API', 'Designed the ledger schema', 'Designed the retry policy'],
      ['Designed the event schema', 'Shipped the tracking API'],
    );
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['Designed', 'Designed'],
    );
    assert.equal(first(findings).message, '`Designed` opens 3 bullets in this role: vary the verb so each bullet stands apart.');
    assert.equal(nth(findings, 1).message, '`Designed` opens 4 bullets in this resume: vary the verb so each bullet stands apart.');
    assert.ok(nth(findings, 1).range.start > text.indexOf('Globex'));
  });

  it('flags an ambiguous verb but offers no synonym for it', () => {
    const text = workResume(['Set up Grafana', 'Set up PagerDuty', 'Set up Sentry for 12 services']);
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['Set'],
    );
    assert.deepEqual(first(findings).fixes, []);
  });

  it('ignores openings that are not listed verbs, summaries, and other languages', () => {
    const text = workResume(
      [
        'Kubernetes migration of 40 services',
        'Kubernetes upgrades every quarter',
        'Kubernetes operators for Postgres',
        'Desarrollé la API de pagos para los comercios',
        'Desarrollé el libro mayor con PostgreSQL para la empresa',
        'Desarrollé las colas con Kafka para los envíos',
      ],
      'summary: Built the payments team.',
    );
    assert.deepEqual(find(text), []);
  });

  it('only suggests verbs that are listed or known, and that conjugate both ways', () => {
    for (const [base, synonyms] of Object.entries(SYNONYMS)) {
      for (const verb of [base, ...synonyms]) {
        assert.ok(ACTION_VERBS.includes(verb) || isKnownVerb(verb), `${base} → ${verb}`);
        assert.equal(pastToPresent(pastTense(verb)), verb, `${base} → ${verb}`);
      }
    }
  });
});
