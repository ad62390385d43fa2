import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import rule from '../../server/src/rules/latency-percentile';
import placeholder from '../../server/src/rules/placeholder';
import { applyFix, findingsOf, lintText, shape, textAt, workResume } from '../helpers';
import { first, only } from '../support/lists';

const ID = 'latency-percentile';
const alone = [rule];

const message = (term: string) =>
  `\`${term}\` has a figure but no percentile: say which one (p95, p99) or that it is the average, so a reviewer can compare it.`;

function findings(text: string) {
  return findingsOf(text, ID, {}, alone);
}

describe('latency-percentile', () => {
  describe('flags a latency figure with no statistic', () => {
    const cases: [string, string][] = [
      ['Cut API latency from 800 ms to 120 ms by caching product lookups in Redis', 'latency'],
      ['Reduced checkout response time by 35% by batching inventory calls', 'response time'],
      ['Served 12k requests/s at 40 ms latency on three c5.xlarge nodes', 'latency'],
      ['Brought search latency under 200ms by moving ranking into Elasticsearch', 'latency'],
      ['Delivered 3x lower latency for the quotes API after replacing JSON with protobuf', 'latency'],
    ];
    for (const [bullet, term] of cases) {
      it(bullet, () => {
        const text = workResume([bullet]);
        const finding = only(findings(text));
        assert.equal(textAt(text, finding.range), term);
        assert.equal(finding.message, message(term));
        assert.equal(finding.severity, 'info');
      });
    }
  });

  describe('leaves alone', () => {
    const cases = [
      'Cut p99 latency from 800 ms to 120 ms by caching product lookups in Redis',
      'Kept average response time at 80 ms through the Black Friday peak',
      'Held median latency at 35 ms while traffic tripled',
      'Reduced 95th percentile response time from 1.2 s to 300 ms',
      // No figure: the `quantify` rule asks for one.
      'Improved latency of the search API by adding a read-through cache',
      // People's reaction time, not a service's.
      'Reduced incident response time by 40% with runbooks and paging rules',
      'Built a latency-sensitive bidding service in Go handling 200k QPS',
      // A pipeline delay in hours: a percentile is not the question there.
      'Cut data pipeline latency from 24 hours to 15 minutes by moving to streaming',
      // The figure belongs to another clause.
      'Cut build time from 40 s to 12 s, and improved latency of the search API',
      // Not English: the wording rules stay quiet.
      'Reduje la latency de la API de 800 ms a 120 ms con caché para los clientes',
    ];
    for (const bullet of cases) {
      it(bullet, () => assert.deepEqual(findings(workResume([bullet])), []));
    }
  });

  it('underlines the term inside Markdown emphasis', () => {
    const text = workResume(['Cut **API latency** from 800 ms to 120 ms with connection pooling']);
    const found = first(findings(text));
    assert.equal(textAt(text, found.range), 'latency');
  });

  it('is off for a general role', () => {
    const text = workResume(['Cut API latency from 800 ms to 120 ms by caching product lookups in Redis']);
    assert.deepEqual(findingsOf(text, ID, { role: 'general' }, alone), []);
  });

  describe('fix', () => {
    const bullets = [
      'Cut API latency from 800 ms to 120 ms by caching product lookups in Redis',
      "Reduced checkout response time by 35% by batching the inventory service's calls",
    ];
    for (const bullet of bullets) {
      it(`inserts a percentile slot: ${bullet}`, () => {
        const text = '# my resume\n' + workResume([bullet, 'Mentored two new engineers']);
        const found = first(findings(text));
        const fix = only(found.fixes);
        assert.ok(!fix.safe, 'naming the statistic is the person’s call');
        assert.ok(first(fix.edits).snippet);
        const fixed = applyFix(text, fix);
        const value = parse(fixed) as { work: { highlights: string[] }[] };
        assert.match(first(first(value.work).highlights), / ‹pNN› (?:latency|response time)/);
        assert.deepEqual(findings(fixed), []);
        // Only the unfilled slot remains to report.
        const left = lintText(fixed, {}, [rule, placeholder]).findings.filter((f) => f.ruleId === ID || f.ruleId === 'placeholder');
        assert.deepEqual(
          left.map((f) => [f.ruleId, textAt(fixed, f.range)]),
          [['placeholder', '‹pNN›']],
        );
        assert.deepEqual(shape(parse(fixed)), shape(parse(text)));
        assert.ok(fixed.startsWith('# my resume\n'));
      });
    }

    it('keeps a plain multi-line scalar valid', () => {
      const text = [
        'work:',
        '  - name: Acme',
        '    highlights:',
        '      - Cut API latency from 800 ms to 120 ms by caching product',
        '        lookups in Redis # why: hot path',
        '',
      ].join('\n');
      const found = first(findings(text));
      const fixed = applyFix(text, first(found.fixes));
      const value = parse(fixed) as { work: { highlights: string[] }[] };
      assert.equal(first(first(value.work).highlights), 'Cut API ‹pNN› latency from 800 ms to 120 ms by caching product lookups in Redis');
      assert.ok(fixed.includes('# why: hot path'));
    });
  });
});
