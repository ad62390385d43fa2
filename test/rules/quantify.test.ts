import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import placeholder from '../../server/src/rules/placeholder';
import rule from '../../server/src/rules/quantify';
import { applyFix, findingsOfRule, lintText, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first, nth, only } from '../support/lists';

const MESSAGE = 'No number in this bullet: add the scale or the result (requests/day, p99 latency, %, team size).';

const find = findingsOfRule(rule);

/** The YAML's shape with every string blanked: a fix may change words, never structure. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value === 'string' ? '' : value;
}

/** A resume with a comment, so each fix can be checked to keep it. */
function commented(bullet: string): string {
  return workResume([bullet]).replace('    highlights:\n', '    # the platform years\n    highlights:\n');
}

/** Applies every fix of the only finding: the finding goes, only `placeholder` slots remain, structure and comment stay. */
function assertFixesWork(text: string): string[] {
  const finding = first(find(text));
  assert.ok(finding, 'expected a finding');
  return finding.fixes.map((fix) => {
    const fixed = applyFix(text, fix);
    const after = lintText(fixed, {}, [rule, placeholder]).findings;
    assert.deepEqual(
      after.filter((f) => f.ruleId === 'quantify'),
      [],
      fix.title,
    );
    assert.ok(
      after.every((f) => f.ruleId === 'placeholder'),
      fix.title,
    );
    assert.deepEqual(shape(parse(fixed)), shape(parse(text)), fix.title);
    assert.ok(fixed.includes('# the platform years'), fix.title);
    assert.equal(fix.safe, undefined, 'templates are never safe');
    return String(highlightAt(readResume(fixed), 0));
  });
}

describe('quantify', () => {
  it('flags a highlight with no number, over the whole bullet', () => {
    const text = workResume(['Built the billing service in Go']);
    const finding = only(find(text));
    assert.equal(textAt(text, finding.range), '"Built the billing service in Go"');
    assert.equal(finding.message, MESSAGE);
    assert.equal(finding.severity, 'warning');
  });

  it('is quiet when the bullet states a number, a scale or a result', () => {
    const bullets = [
      'Designed a payments API handling 4M requests/day at 99.98% availability',
      'Led a team of five engineers through the Kafka migration',
      'Cut p99 latency from 800 ms to 120 ms by adding read replicas',
      'Served millions of users across hundreds of stores',
      'Cut deploys from hours to minutes with a new pipeline',
      'Won 2nd place at the regional hackathon',
      'Migrated the ledger to Postgres with zero downtime',
      'Saved $200k/year by moving batch jobs to spot instances',
    ];
    for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
  });

  it('is quiet on a change measured in words, from a quantity to a quantity', () => {
    const bullets = [
      'Cut environment setup from hours to a single click',
      'Moved deploys from monthly to daily',
      'Took report generation from a full day to a few clicks',
      'Turned hours of manual reconciliation into a single click',
    ];
    for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
  });

  it('still asks for a number when a change measures nothing', () => {
    const bullets = [
      'Migrated the billing service from Python to Go',
      'Took the mobile app from idea to launch',
      'Scaled the workers from one server to an autoscaling cluster',
      'Moved reporting from a nightly cron to an event-driven pipeline',
    ];
    for (const bullet of bullets) {
      const text = workResume([bullet]);
      assert.deepEqual(
        find(text).map((finding) => [textAt(text, finding.range), finding.message]),
        [[JSON.stringify(bullet), MESSAGE]],
        bullet,
      );
    }
  });

  it('does not count version numbers, names and years as metrics', () => {
    const bullets = [
      'Migrated the API from Python 2 to Python 3 in 2019',
      'Moved static assets to S3 and EC2 behind an F5 load balancer',
      'Built the 3D viewer with Vue 3 and HTML5',
      'Ran 24/7 on-call for the K8s platform',
    ];
    for (const bullet of bullets) assert.equal(find(workResume([bullet])).length, 1, bullet);
  });

  it('reads highlights of work, volunteer and projects, not summaries', () => {
    const text = [
      'basics:',
      '  summary: Backend engineer who builds payment systems',
      'work:',
      '  - name: Acme',
      '    summary: Payments platform team',
      '    highlights:',
      '      - Built the ledger service',
      'volunteer:',
      '  - organization: Code Club',
      '    highlights:',
      '      - Taught Python to students',
      'projects:',
      '  - name: Bulletproof',
      '    highlights:',
      '      - Wrote a resume linter',
      '',
    ].join('\n');
    assert.deepEqual(
      find(text).map((f) => textAt(text, f.range)),
      ['Built the ledger service', 'Taught Python to students', 'Wrote a resume linter'],
    );
  });

  it('sees through markdown, links and HTML in a bullet', () => {
    assert.deepEqual(find(workResume(['Cut costs by **40%** on [the cluster](https://example.com/2023/42)'])), []);
    assert.equal(find(workResume(['Wrote the [v2 docs](https://example.com/v2/2023) for <b>S3</b>'])).length, 1);
  });

  it('warns on other languages too, but offers the English templates only in English', () => {
    const text = workResume(['Développement du portail client en React']);
    const finding = first(find(text));
    assert.equal(finding.message, MESSAGE);
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(find(workResume(['Réduit les temps de chargement de 80 %'])), []);
  });

  it('skips empty bullets and ones without words', () => {
    assert.deepEqual(find(workResume(['', '—'])), []);
  });

  it('offers templates in the dimensions the bullet is about, appended before the final period', () => {
    const text = commented('Designed the payments API.');
    const finding = first(find(text));
    assert.deepEqual(
      finding.fixes.map((fix) => fix.title),
      ['Add a metric: throughput and availability', 'Add a metric: latency'],
    );
    assert.ok(finding.fixes.every((fix) => fix.edits.every((edit) => edit.snippet)));
    assert.equal(
      first(first(finding.fixes).edits).newText,
      '"Designed the payments API, handling ${1:‹N›} requests/day at ${2:‹N›}% availability."',
    );
    assert.deepEqual(assertFixesWork(text), [
      'Designed the payments API, handling ‹N› requests/day at ‹N›% availability.',
      'Designed the payments API, cutting p99 latency from ‹before› ms to ‹after› ms.',
    ]);
  });

  it('picks database, pipeline, migration and people templates', () => {
    const titles = (bullet: string) => first(find(workResume([bullet]))).fixes.map((fix) => fix.title);
    assert.deepEqual(titles('Tuned slow Postgres queries'), ['Add a metric: query latency', 'Add a metric: data volume']);
    assert.deepEqual(titles('Built the Airflow ETL for finance'), ['Add a metric: data volume', 'Add a metric: run time']);
    assert.deepEqual(titles('Migrated the monolith to Kubernetes'), ['Add a metric: duration and downtime', 'Add a metric: cost']);
    assert.deepEqual(titles('Mentored junior engineers'), ['Add a metric: team size']);
    assert.deepEqual(titles('Wrote the onboarding guide'), ['Add a metric: result']);
  });

  it('keeps every fix valid YAML in plain, single-quoted and block scalars', () => {
    const texts = [
      commented('Mentored junior engineers'),
      "work:\n  - name: Acme\n    # the platform years\n    highlights:\n      - 'Migrated the ''legacy'' monolith to Kubernetes'\n",
      'work:\n  - name: Acme\n    # the platform years\n    highlights:\n      - >-\n        Built the Airflow ETL\n        for finance\n',
      'work:\n  - name: Acme\n    # the platform years\n    highlights:\n      - Wrote the onboarding guide # keep this comment\n',
    ];
    assert.deepEqual(assertFixesWork(first(texts)), ['Mentored junior engineers (‹N› people)']);
    assert.deepEqual(assertFixesWork(nth(texts, 1)), [
      "Migrated the 'legacy' monolith to Kubernetes in ‹N› weeks with ‹N› minutes of downtime",
      "Migrated the 'legacy' monolith to Kubernetes, cutting costs by ‹N›%",
    ]);
    assert.deepEqual(assertFixesWork(nth(texts, 2)), [
      'Built the Airflow ETL for finance, processing ‹N› GB/day',
      'Built the Airflow ETL for finance, cutting run time from ‹before› to ‹after› minutes',
    ]);
    const fixed = applyFix(nth(texts, 3), first(first(find(nth(texts, 3))).fixes));
    assert.ok(fixed.includes('# keep this comment'));
  });
});
