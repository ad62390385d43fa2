import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import rule from '../../server/src/rules/backend-signals';
import { BACKEND_DIMENSIONS, dimensionsOf, type BackendDimensionId } from '../../server/src/engine/backendTerms';
import placeholder from '../../server/src/rules/placeholder';
import type { Finding, Fix } from '../../server/src/engine/types';
import { applyFix, findingsOf, lintText, textAt, workResume } from '../helpers';
import { first, nth, only } from '../support/lists';

const ID = 'backend-signals';
const alone = [rule];

const DATA =
  'No bullet shows database work (indexing, replicas, query tuning, schema design, caching): if you have done it, add it with its result; reviewers look for data you made fast.';
const RELIABILITY =
  'No bullet shows a reliability pattern (idempotency, retries with backoff, queues, circuit breakers, rate limiting): if you have built one, add it; it shows you have run production.';
const OBSERVABILITY =
  'No bullet shows observability (logging, tracing, alerting, dashboards, SLOs): if you have instrumented a service, add what you added and what it caught.';

function findings(text: string): Finding[] {
  return findingsOf(text, ID, {}, alone);
}

function fixFor(text: string, message: string): Fix {
  const found = findings(text).find((f) => f.message === message);
  assert.ok(found, `no finding "${message}"`);
  return only(found.fixes);
}

type Resume = { work: { name: string; highlights: string[] }[] };

const TWO_JOBS = [
  '# Sam Lee, backend',
  'basics:',
  '  name: Sam Lee',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    startDate: 2019-01',
  '    endDate: 2021-06',
  '    highlights:',
  '      - Built the partner onboarding API in Go',
  '  - name: Globex # current job',
  '    position: Senior Backend Engineer',
  '    startDate: 2021-07',
  '    highlights:',
  "      - 'Designed the payments API used by 40 merchants'",
  "      - 'Mentored three engineers' # keep",
  'education:',
  '  - institution: State University',
  '',
].join('\n');

describe('backend-signals', () => {
  it('names each missing area once, on the `work` key', () => {
    const found = findings(TWO_JOBS);
    assert.deepEqual(
      found.map((f) => f.message),
      [DATA, RELIABILITY, OBSERVABILITY],
    );
    for (const finding of found) {
      assert.equal(textAt(TWO_JOBS, finding.range), 'work');
      assert.equal(finding.severity, 'info');
    }
  });

  it('is quiet when bullets show all three areas', () => {
    const text = workResume([
      'Cut p95 query time on the orders table from 900 ms to 40 ms with a composite index',
      'Made webhook delivery safe to retry with idempotency keys and exponential backoff',
      'Added OpenTelemetry tracing to the checkout path, catching 3 slow dependencies',
    ]);
    assert.deepEqual(findings(text), []);
  });

  it('names only the missing area', () => {
    const text = workResume([
      'Moved order events onto a Kafka topic with a dead-letter queue for poison messages',
      'Sharded the sessions table by tenant to spread write load across 4 Postgres nodes',
    ]);
    assert.deepEqual(
      findings(text).map((f) => f.message),
      [OBSERVABILITY],
    );
  });

  it('counts project bullets and summaries as evidence too', () => {
    const text =
      workResume(['Designed the payments API used by 40 merchants']) +
      'projects:\n  - name: Side project\n    description: A URL shortener\n    highlights:\n      - Added Redis caching and Prometheus alerts to a URL shortener\n      - Retried failed writes with backoff\n';
    assert.deepEqual(findings(text), []);
  });

  it('says nothing without a work highlight', () => {
    const text = 'basics:\n  name: Sam\nwork:\n  - name: Acme\n    position: Engineer\n';
    assert.deepEqual(findings(text), []);
  });

  it('says nothing on a resume written in another language', () => {
    const text = workResume([
      'Diseñé la API de pagos para los comercios de la empresa',
      'Dirigí el equipo de backend con cinco personas en dos países',
    ]);
    assert.deepEqual(findings(text), []);
  });

  it('is off for a general role', () => {
    assert.deepEqual(findingsOf(TWO_JOBS, ID, { role: 'general' }, alone), []);
  });

  describe('fix', () => {
    it('adds a template bullet to the current job, in its siblings’ quoting style', () => {
      const fix = fixFor(TWO_JOBS, RELIABILITY);
      assert.ok(!fix.safe);
      assert.ok(first(fix.edits).snippet);
      const fixed = applyFix(TWO_JOBS, fix);
      assert.ok(
        fixed.includes(
          "      - 'Mentored three engineers' # keep\n      - 'Made ‹service› safe to retry with idempotency keys, cutting duplicate ‹operations› by ‹N›%'\neducation:",
        ),
        fixed,
      );
      const before = parse(TWO_JOBS) as Resume;
      const after = parse(fixed) as Resume;
      assert.deepEqual(Object.keys(after), Object.keys(before));
      assert.deepEqual(after.work[0], before.work[0]);
      assert.deepEqual(nth(after.work, 1).highlights.slice(0, 2), nth(before.work, 1).highlights);
      assert.equal(nth(after.work, 1).highlights.length, 3);
      assert.ok(fixed.startsWith('# Sam Lee, backend\n') && fixed.includes('# current job'));
      // The area is now shown; what remains is the template's slots and the other two areas.
      assert.deepEqual(
        findings(fixed).map((f) => f.message),
        [DATA, OBSERVABILITY],
      );
      const slots = lintText(fixed, {}, [placeholder]).findings.filter((f) => f.ruleId === 'placeholder');
      assert.deepEqual(
        slots.map((f) => textAt(fixed, f.range)),
        ['‹service›', '‹operations›', '‹N›'],
      );
    });

    it('every area’s template removes its own finding', () => {
      for (const message of [DATA, RELIABILITY, OBSERVABILITY]) {
        const fixed = applyFix(TWO_JOBS, fixFor(TWO_JOBS, message));
        assert.ok(!findings(fixed).some((f) => f.message === message), message);
        assert.equal(findings(fixed).length, 2);
      }
    });

    it('writes plain items next to plain ones, with the list’s indentation', () => {
      const text = 'work:\n- name: Acme\n  highlights:\n  - Built the partner onboarding API in Go\n  - Mentored three engineers\n';
      const fixed = applyFix(text, fixFor(text, OBSERVABILITY));
      assert.equal(
        fixed,
        'work:\n- name: Acme\n  highlights:\n  - Built the partner onboarding API in Go\n  - Mentored three engineers\n  - Added ‹tracing / alerting› to ‹service›, cutting time to detect incidents from ‹before› to ‹after›\n',
      );
    });

    it('double-quotes next to a block scalar', () => {
      const text = 'work:\n  - name: Acme\n    highlights:\n      - |\n        Built the partner onboarding API in Go\n';
      const fixed = applyFix(text, fixFor(text, DATA));
      assert.equal(
        fixed,
        'work:\n  - name: Acme\n    highlights:\n      - |\n        Built the partner onboarding API in Go\n      - "Cut ‹query› p95 from ‹before› to ‹after› ms by ‹adding an index / read replica›"\n',
      );
    });

    it('keeps a JSON resume valid JSON', () => {
      const text =
        JSON.stringify(
          { basics: { name: 'Sam' }, work: [{ name: 'Acme', highlights: ['Built the partner onboarding API in Go'] }] },
          null,
          2,
        ) + '\n';
      const fixed = applyFix(text, fixFor(text, RELIABILITY));
      const value = JSON.parse(fixed) as Resume;
      assert.deepEqual(first(value.work).highlights, [
        'Built the partner onboarding API in Go',
        'Made ‹service› safe to retry with idempotency keys, cutting duplicate ‹operations› by ‹N›%',
      ]);
    });

    it('picks the entry with the latest end date when none is current', () => {
      const text = [
        'work:',
        '  - name: Older',
        '    startDate: 2015-01',
        '    endDate: 2017-01',
        '    highlights:',
        '      - Built the partner onboarding API in Go',
        '  - name: Newer',
        '    startDate: 2017-02',
        '    endDate: 2020-05',
        '    highlights:',
        '      - Designed the payments API used by 40 merchants',
        '',
      ].join('\n');
      const fixed = applyFix(text, fixFor(text, OBSERVABILITY));
      const value = parse(fixed) as Resume;
      assert.equal(first(value.work).highlights.length, 1);
      assert.equal(nth(value.work, 1).highlights.length, 2);
    });
  });
});

describe('backendTerms.dimensionsOf', () => {
  const cases: [string, BackendDimensionId[]][] = [
    ['Designed a payments API handling 4M requests/day at 99.98% availability', ['throughput', 'availability', 'architecture']],
    ['Cut p99 latency from 800 ms to 120 ms with a read replica and a Redis cache', ['latency', 'database', 'architecture']],
    ['Backfilled 2.4 TB of events into partitioned tables', ['data-volume', 'database']],
    ['Made webhook delivery idempotent, with retries and a dead-letter queue', ['reliability']],
    ['Added OpenTelemetry tracing and Grafana dashboards to checkout', ['observability']],
    ['Split the monolith into event-driven services', ['architecture']],
    ['Mentored three engineers', []],
    // Database work beyond indexes and replicas.
    ['Split the orders database by region, halving write contention', ['database']],
    ['Led the database split of the billing service', ['database']],
    ['Ran the major-version upgrade of our PostgreSQL fleet with 4 minutes of downtime', ['availability', 'database']],
    ['Upgraded MySQL 5.7 to 8.0 across 40 services', ['database']],
    ['Replaced MongoDB with PostgreSQL for the ledger', ['database']],
    ['Migrated the catalog from MySQL to Postgres', ['database']],
    ['Built a key-value data store for session state', ['database']],
    ['Did a major-version upgrade of React', []],
    // Reliability beyond retries and queues.
    ['Designed the ingestion pipeline for fault tolerance across zones', ['reliability']],
    ['Introduced per-tenant quotas on the export API', ['reliability', 'architecture']],
    ['Built bandwidth control for video uploads', ['reliability']],
    ['Added rate control to the SMS gateway', ['reliability']],
    ['Moved report generation to background jobs', ['reliability']],
    ['Built the background processing of invoices', ['reliability']],
    // A dashboard is observability when it watches a system, not when it is the product.
    ['Built an admin dashboard for support agents', []],
    ['Built the merchant dashboard in React', []],
    ['Built Grafana dashboards for checkout latency', ['latency', 'observability']],
    ['Added a dashboard of error rates per endpoint', ['observability']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(dimensionsOf(text), expected));
  }

  it('lists every dimension once, with a label and patterns', () => {
    assert.deepEqual(
      BACKEND_DIMENSIONS.map((d) => d.id),
      ['throughput', 'latency', 'availability', 'data-volume', 'database', 'reliability', 'observability', 'architecture'],
    );
    for (const dimension of BACKEND_DIMENSIONS) {
      assert.ok(dimension.label && dimension.patterns.length > 0);
      // No `g` flag: `test` must not carry state from one call to the next.
      for (const pattern of dimension.patterns) assert.ok(!pattern.global, String(pattern));
    }
  });
});

describe('backend-signals in RenderCV', () => {
  it('on the first experience section’s key, whatever its title; the fix adds to the newest role’s highlights', () => {
    const text = [
      'cv:',
      '  sections:',
      '    Professional Experience:',
      '      - company: Old Co',
      '        position: Engineer',
      '        start_date: 2015-01',
      '        end_date: 2018-01',
      '        highlights:',
      '          - Built a checkout page used by 2M people',
      '      - company: New Co',
      '        position: Engineer',
      '        start_date: 2019-01',
      '        end_date: present',
      '        highlights:',
      '          - Added tracing with OpenTelemetry to 12 services',
      '          - Made payments idempotent with retries and a queue',
      '',
    ].join('\n');
    const finding = only(findingsOf(text, 'backend-signals', {}, [rule]));
    assert.equal(textAt(text, finding.range), 'Professional Experience');
    assert.match(finding.message, /^No bullet shows database work/);
    const fixed = applyFix(text, first(finding.fixes));
    assert.match(
      fixed,
      /Made payments idempotent with retries and a queue\n {10}- Cut ‹query› p95 from ‹before› to ‹after› ms by ‹adding an index \/ read replica›\n$/,
    );
  });
});
