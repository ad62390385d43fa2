import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/availability-nines';
import { findingsOf, textAt, workResume } from '../helpers';
import { first, only } from '../support/lists';

const ID = 'availability-nines';
const alone = [rule];

const availabilityMessage = (term: string) =>
  `\`${term}\` without a figure: give the nines (e.g. 99.95% over 12 months) so a reviewer can weigh it.`;
const objectiveMessage = (term: string) =>
  `\`${term}\` without the target: state it (e.g. 99.9% availability, p99 under 300 ms) so a reviewer sees the bar you held.`;

function findings(text: string) {
  return findingsOf(text, ID, {}, alone);
}

describe('availability-nines', () => {
  describe('flags availability without the nines', () => {
    const cases: [string, string, (term: string) => string][] = [
      ['Improved uptime of the payments platform by moving Postgres to a multi-AZ setup', 'uptime', availabilityMessage],
      ['Designed a highly available order service on Kubernetes with 3 replicas per zone', 'highly available', availabilityMessage],
      ['Raised availability of the ledger API after the 2023 outages', 'availability', availabilityMessage],
      ['Owned the SLOs for checkout and led its on-call rotation', 'SLOs', objectiveMessage],
      ['Negotiated SLAs with the three card processors we depend on', 'SLAs', objectiveMessage],
    ];
    for (const [bullet, term, message] of cases) {
      it(bullet, () => {
        const text = workResume([bullet]);
        const finding = only(findings(text));
        assert.equal(textAt(text, finding.range), term);
        assert.equal(finding.message, message(term));
        assert.equal(finding.severity, 'info');
        assert.deepEqual(finding.fixes, []);
      });
    }
  });

  describe('leaves alone', () => {
    const cases = [
      'Kept the payments API at 99.95% uptime across two regions',
      'Ran the checkout service at four nines availability through peak season',
      'Raised uptime from 99.5% to 99.9% by adding health-checked failover',
      'Defined SLOs (99.9% availability, p99 under 300 ms) for 12 services',
      'Set SLOs of p99 < 250 ms for the search API and alerted on burn rate',
      // A support deadline, not a service's availability.
      'Resolved customer tickets within the SLA for two years running',
      // A product feature, not a service's uptime.
      'Built the room availability search for 2,000 partner hotels',
      'Built a booking API with availability calendars for 300 clinics',
      // Lower-case "sla" is rarely the acronym.
      'Wrote the sla parser for our config files',
      // Not English.
      'Mejoré la disponibilidad y el uptime de los servicios de pagos para los clientes',
    ];
    for (const bullet of cases) {
      it(bullet, () => assert.deepEqual(findings(workResume([bullet])), []));
    }
  });

  it('reports once per bullet, on the first term', () => {
    const text = workResume(['Improved uptime and owned the SLOs of the billing API']);
    const finding = only(findings(text));
    assert.equal(textAt(text, finding.range), 'uptime');
  });

  it('reads bullets with Markdown and links', () => {
    const text = workResume(['Owned the **SLOs** for [checkout](https://example.com/checkout) and its on-call']);
    const found = first(findings(text));
    assert.equal(textAt(text, found.range), 'SLOs');
  });

  it('leaves summaries alone: "I build highly available systems" is a headline', () => {
    const text =
      'basics:\n  name: Sam\n  summary: Backend engineer who builds highly available systems\n' + workResume(['Shipped the ledger API']);
    assert.deepEqual(findings(text), []);
  });

  it('is off for a general role', () => {
    const text = workResume(['Improved uptime of the payments platform']);
    assert.deepEqual(findingsOf(text, ID, { role: 'general' }, alone), []);
  });

  it('keeps its range in a block scalar', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    highlights:',
      '      - >',
      '        Improved uptime of the',
      '        payments platform',
      '',
    ].join('\n');
    const found = first(findings(text));
    assert.equal(textAt(text, found.range), 'uptime');
  });
});
