import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import rule from '../../server/src/rules/show-the-why';
import placeholder from '../../server/src/rules/placeholder';
import { applyFix, findingsOf, lintText, shape, textAt, workResume } from '../helpers';
import { first, only } from '../support/lists';

const ID = 'show-the-why';
const alone = [rule];

const message = (phrase: string) =>
  `\`${phrase}\` is a decision with no reason or result: add why (so that …, to …) or what it changed, the judgment reviewers screen for.`;

function findings(text: string) {
  return findingsOf(text, ID, {}, alone);
}

function highlights(text: string): string[] {
  return first((parse(text) as { work: { highlights: string[] }[] }).work).highlights;
}

describe('show-the-why', () => {
  describe('flags a decision with no reason or outcome', () => {
    const cases: [string, string][] = [
      ['Migrated the session store from Memcached to Redis', 'Migrated the session store from Memcached to Redis'],
      ['Split the order monolith into six services on Kubernetes.', 'Split the order monolith into six services on Kubernetes'],
      ['Rewrote the invoicing service in Go, with contract tests', 'Rewrote the invoicing service in Go'],
      ['Adopted gRPC for all internal service calls', 'Adopted gRPC for all internal service calls'],
      ['Designed and introduced an event bus between the warehouse systems', 'introduced an event bus between the warehouse systems'],
      ['Led the migration of 40 services from ECS to EKS', 'Led the migration of 40 services from ECS to EKS'],
      ['Switched the job queue from Resque to Sidekiq', 'Switched the job queue from Resque to Sidekiq'],
      // A destination, not a purpose: "to" after "from", before a noun or a name; "or so", "so-called".
      ['Migrated billing from cron to stream processing', 'Migrated billing from cron to stream processing'],
      ['Moved the monolith to production on Kubernetes', 'Moved the monolith to production on Kubernetes'],
      ['Migrated the importer to Go', 'Migrated the importer to Go'],
      ['Moved 30 or so services to Kubernetes', 'Moved 30 or so services to Kubernetes'],
      ['Migrated the so-called v2 API to gRPC', 'Migrated the so-called v2 API to gRPC'],
      // A long clause: only the verb is underlined.
      [
        'Replaced the nightly cron jobs that reconciled invoices between the billing database and the ledger with Kafka consumers',
        'Replaced',
      ],
    ];
    for (const [bullet, phrase] of cases) {
      it(bullet, () => {
        const text = workResume([bullet]);
        const finding = only(findings(text));
        assert.equal(textAt(text, finding.range), phrase);
        assert.equal(finding.message, message(phrase));
        assert.equal(finding.severity, 'info');
      });
    }
  });

  describe('leaves alone', () => {
    const cases = [
      'Migrated billing from cron jobs to an event-driven service on Kafka, cutting settlement time from 6 h to 4 min',
      'Moved image resizing to SQS workers so that uploads never block the API',
      'Chose PostgreSQL over MongoDB because orders need multi-row transactions',
      'Adopted gRPC between internal services to shrink payloads by 60%',
      'Rewrote the report generator in Go for lower memory use on the shared nodes',
      'Replaced polling with webhooks, which removed 2M wasted requests a day',
      'Split the search index by tenant to keep one noisy customer from slowing the rest',
      'Migrated 30 services to Kubernetes with zero downtime',
      'Re-architected the ledger around an outbox table; duplicate payouts dropped to zero',
      // A reason or an outcome, in each of the ways a bullet states one.
      'Moved image resizing to SQS workers so uploads never block the API',
      'Moved image resizing to SQS workers, so uploads never block the API',
      'Introduced feature flags so product could ship dark launches',
      'Replaced cron with Temporal to retry failed payouts automatically',
      'Migrated CI to Buildkite to parallelize the test suite',
      'Switched the ledger to event sourcing in order to replay any day',
      'Migrated the ledger to Postgres because MySQL lacked partial indexes',
      'Migrated to Kafka, letting three teams consume the same events',
      'Replaced polling with webhooks which cut API traffic in half',
      'Migrated auth to OIDC, enabling SSO for enterprise customers',
      'Moved builds to GitHub Actions, allowing contributors to run CI on forks',
      // Not a decision about a system.
      'Moved to the platform team in 2021 to lead the storage squad',
      'Switched to a staff engineer role in the data organization',
      'Built internal tools adopted by 12 product teams',
      'Built a CLI that migrated 300 repositories from Bitbucket',
      'Added an A/B split test harness for the pricing page',
      // The verb is not the bullet's action.
      'Owned the billing API',
      // Not English.
      'Migré la base de datos de MySQL a PostgreSQL para el equipo de pagos',
    ];
    for (const bullet of cases) {
      it(bullet, () => assert.deepEqual(findings(workResume([bullet])), []));
    }
  });

  it('reads past Markdown to the decision', () => {
    const text = workResume(['**Migrated** the session store to [Redis](https://redis.io)']);
    const found = first(findings(text));
    assert.equal(textAt(text, found.range), 'Migrated** the session store to [Redis');
  });

  it('leaves summaries alone', () => {
    const text =
      'basics:\n  name: Sam\n  summary: Moved to Berlin in 2019 and switched to backend work\n' + workResume(['Shipped the ledger API']);
    assert.deepEqual(findings(text), []);
  });

  it('stays quiet on an unfilled template: the placeholder rule has it', () => {
    assert.deepEqual(findings(workResume(['Migrated the session store to Redis, ‹so that …›'])), []);
  });

  describe('fix', () => {
    const cases: [string, string][] = [
      ['Migrated the session store from Memcached to Redis.', 'Migrated the session store from Memcached to Redis, ‹so that …›.'],
      ['Migrated the session store to **Redis**', 'Migrated the session store to **Redis**, ‹so that …›'],
      [
        'Switched the job queue from Resque to Sidekiq. Wrote the runbook.',
        'Switched the job queue from Resque to Sidekiq, ‹so that …›. Wrote the runbook.',
      ],
      ["Replaced the team's hand-rolled ORM with jOOQ", "Replaced the team's hand-rolled ORM with jOOQ, ‹so that …›"],
    ];
    for (const [bullet, expected] of cases) {
      it(`appends a reason slot: ${bullet}`, () => {
        const text = '# resume\n' + workResume([bullet, 'Mentored two engineers']);
        const found = first(findings(text));
        const fix = first(found.fixes);
        assert.ok(!fix.safe);
        assert.ok(first(fix.edits).snippet);
        assert.match(first(fix.edits).newText, /\$\{1:‹so that …›\}/);
        const fixed = applyFix(text, fix);
        assert.equal(highlights(fixed)[0], expected);
        const left = lintText(fixed, {}, [rule, placeholder]).findings.filter((f) => f.ruleId === ID || f.ruleId === 'placeholder');
        assert.deepEqual(
          left.map((f) => [f.ruleId, textAt(fixed, f.range)]),
          [['placeholder', '‹so that …›']],
        );
        assert.deepEqual(shape(parse(fixed)), shape(parse(text)));
        assert.ok(fixed.startsWith('# resume\n'));
      });
    }

    it('keeps single quotes and a trailing comment', () => {
      const text = "work:\n  - name: Acme\n    highlights:\n      - 'Moved the session store to Redis' # 2022\n";
      const found = first(findings(text));
      const fixed = applyFix(text, first(found.fixes));
      assert.equal(fixed, "work:\n  - name: Acme\n    highlights:\n      - 'Moved the session store to Redis, ‹so that …›' # 2022\n");
    });
  });
});
