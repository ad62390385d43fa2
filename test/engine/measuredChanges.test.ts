import * as assert from 'node:assert/strict';
import { measuredChanges } from '../../server/src/engine/measuredChanges';
import { recognizeMetrics, type MetricKind } from '../../server/src/engine/metrics';

/** `[text, kind]` pairs, readable in assertions. */
const changes = (text: string): [string, MetricKind][] => measuredChanges(text).map((m) => [text.slice(m.start, m.end), m.kind]);

describe('measuredChanges', () => {
  it('reads a change whose two ends are quantities of time, cadence or effort', () => {
    const cases: [string, [string, MetricKind][]][] = [
      ['Cut environment setup from hours to a single click', [['hours to a single click', 'count']]],
      ['Reduced release preparation from days to a single command', [['days to a single command', 'count']]],
      ['Brought onboarding from weeks to a single afternoon', [['weeks to a single afternoon', 'duration']]],
      ['Moved deploys from monthly to daily', [['monthly to daily', 'duration']]],
      ['Moved the reporting job from nightly batches to real time', [['nightly batches to real time', 'duration']]],
      ['Took report generation from a full day to a few clicks', [['a full day to a few clicks', 'count']]],
      ['Cut account provisioning from several days to instant', [['several days to instant', 'duration']]],
      ['Brought restores from a whole weekend down to a couple of hours', [['a whole weekend down to a couple of hours', 'duration']]],
      ['Cut the checkout from several steps to a single step', [['several steps to a single step', 'count']]],
      ['Turned hours of manual reconciliation into a single click', [['hours of manual reconciliation into a single click', 'count']]],
      ['Cut environment setup to a single click', [['a single click', 'count']]],
      ['Cut approvals from hours of waiting to a single click', [['hours of waiting to a single click', 'count']]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(changes(text), expected, text);
  });

  it('reads no change of technology, stage or count of things as measured', () => {
    const texts = [
      'Migrated the billing service from Python to Go',
      'Took the mobile app from idea to launch',
      'Scaled the workers from one server to an autoscaling cluster',
      'Expanded the API from a single region to multiple regions',
      'Moved reporting from a nightly cron to an event-driven pipeline',
      'Ran the on-call rotation from day one to the public launch',
      'Converted the daily standup notes from email to a Slack bot',
      'Transformed Kafka usage from single consumer group to multiple',
      'Drew on years of experience to mentor new hires',
      'Reduced toil by moving to a single repository',
    ];
    for (const text of texts) assert.deepEqual(changes(text), [], text);
  });

  it('counts as a metric for every rule that asks for one', () => {
    assert.deepEqual(
      recognizeMetrics('Cut environment setup from hours to a single click').map((m) => [m.text, m.kind]),
      [['hours to a single click', 'count']],
    );
  });
});
