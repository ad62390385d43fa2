import * as assert from 'node:assert/strict';
import { describeMetrics, recognizeMetrics, type MetricKind } from '../../server/src/engine/metrics';
import { first } from '../support/lists';

/** `[text, kind]` pairs, readable in assertions. */
const metrics = (text: string): [string, MetricKind][] => recognizeMetrics(text).map((m) => [m.text, m.kind]);
const has = (text: string): boolean => recognizeMetrics(text).length > 0;

describe('recognizeMetrics', () => {
  it('reads the seed example: throughput and availability', () => {
    assert.deepEqual(metrics('Designed a payments API handling 4M requests/day at 99.98% availability'), [
      ['4M requests/day', 'throughput'],
      ['99.98%', 'availability'],
    ]);
  });

  it('gives exact offsets into the text', () => {
    const text = 'Led a team of 5 engineers';
    const found = first(recognizeMetrics(text));
    assert.equal(text.slice(found.start, found.end), '5');
    assert.equal(found.text, '5');
  });

  it('recognises each kind of measure', () => {
    const cases: [string, [string, MetricKind][]][] = [
      ['Grew the platform team to 12+ services', [['12+', 'count']]],
      ['Cut cloud spend by 30%', [['30%', 'percentage']]],
      ['Cut build time by 70\\% in CI', [['70\\%', 'percentage']]],
      ['Saved $2.5k per month', [['$2.5k', 'money']]],
      ['Raised €1M in seed funding', [['€1M', 'money']]],
      ['Reduced costs by £1.4 million per year', [['£1.4 million', 'money']]],
      ['Closed deals worth 3 lakh', [['3 lakh', 'count']]],
      ['Shipped the rewrite in 3 weeks', [['3 weeks', 'duration']]],
      ['Led the transition over 18 months', [['18 months', 'duration']]],
      ['Served 30k QPS at peak', [['30k QPS', 'throughput']]],
      ['Handled 20,000 tickets per week', [['20,000 tickets per week', 'throughput']]],
      [
        'Kept p99 under 120 ms',
        [
          ['p99', 'latency'],
          ['120 ms', 'latency'],
        ],
      ],
      ['Ingested 500 GB/day into the lake', [['500 GB', 'data-volume']]],
      ['Stored 2 TB of events', [['2 TB', 'data-volume']]],
      ['Made the parser 3x faster', [['3x', 'multiplier']]],
      ['Made the parser 10× faster', [['10×', 'multiplier']]],
      ['Rated 4.8/5 on the App Store', [['4.8/5', 'score']]],
      ['GPA: 3.9', [['3.9', 'score']]],
      ['Won 2nd place at the regional hackathon', [['2nd place', 'score']]],
      ['Mentored a team of 8–12 engineers', [['8–12', 'range']]],
      ['Cut onboarding time by 20-50%', [['20-50%', 'percentage']]],
      ['Served millions of users', [['millions of', 'magnitude']]],
      ['Onboarded a few thousand clients', [['a few thousand', 'magnitude']]],
      ['Cut query time from minutes to milliseconds', [['minutes to milliseconds', 'duration']]],
      ['Kept four nines of uptime', [['four nines', 'availability']]],
      ['Migrated shards with zero downtime', [['zero downtime', 'availability']]],
      ['Guided a team of five junior developers', [['five', 'count']]],
      [
        'Shipped three features in two months',
        [
          ['three', 'count'],
          ['two months', 'duration'],
        ],
      ],
      ['Released reports in half the time', [['in half', 'multiplier']]],
      ['Made the search hundreds of times faster', [['hundreds of times', 'multiplier']]],
      ['Added a ‹N›% improvement', [['‹N›', 'template']]],
    ];
    for (const [text, expected] of cases) assert.deepEqual(metrics(text), expected, text);
  });

  it('does not count versions, model numbers or digits inside names', () => {
    const none = [
      'Migrated services from Python 3.12 to Go',
      'Rewrote the frontend in ES6 and HTML5',
      'Upgraded the service to Java 17 and Vue 3',
      'Added OAuth2 and HTTP/2 support with IPv6',
      'Ported the API to .NET 8',
      'Built an iPhone 15 companion app with GPT-4',
      'Moved assets to S3 and EC2 behind an F5',
      'Ran K8s clusters with Neo4j and Route53',
      'Wrote E2E tests for B2B and P2P flows',
      'Rolled out 1Password across the Web3 team',
      'Certified the platform for ISO 9001 and SOC 2',
      'Rendered 3D and 2D views of the model',
      'Upgraded from React 15 to React 16',
      'Ported Java 8 to 17 and Phase 1 and 2 reports',
      'Built pipelines on AngularJS 1.x and Jenkins 2.x',
      'Integrated FIX 4.2 order routing',
      'Built on Ubuntu 22.04 and RHEL 7',
      'Followed GAMP 5 and 21 CFR Part 11',
      'Applied ICD-10 coding and fixed a COVID-19 report',
    ];
    for (const text of none) assert.deepEqual(metrics(text), [], text);
  });

  it('does not count years, dates and date ranges', () => {
    const none = [
      'Led the platform rewrite in 2019',
      'Maintained the billing service 2019–2021',
      'Joined the team in Q3 2021',
      'Shipped the redesign in FY2023 H1',
      'Won the hackathon at SuperHack 2024',
      "Joined in '19 as the first backend hire",
      'Went live in September 2018',
      'Dean’s List 2023--2024',
      '2024 - Certified Kubernetes Administrator course',
    ];
    for (const text of none) assert.deepEqual(metrics(text), [], text);
  });

  it('does not count idioms, ordinals in names, URLs or vague words', () => {
    const none = [
      'Ran 24/7 on-call for the payments API',
      'Gave 360-degree feedback to the team',
      'Held 1:1 meetings and one-on-one coaching',
      'Was one of the first engineers',
      'Integrated a 3rd-party tracking API',
      'Raised a Series B for the startup',
      'Published the library at https://example.com/v2/123',
      'Built several services for multiple teams and many users',
      'Significantly improved numerous internal tools',
      'Introduced a two-tier architecture following the Twelve-Factor method',
      'Built a zero copy parser',
      'Documented issues for the team (1st)',
    ];
    for (const text of none) assert.deepEqual(metrics(text), [], text);
  });

  it('tells a count from a year by what follows it', () => {
    assert.deepEqual(metrics('Managed 2000 servers'), [['2000', 'count']]);
    assert.deepEqual(metrics('Managed over 2019 devices'), [['2019', 'count']]);
  });

  it('reads digits, units and number words in other languages', () => {
    assert.ok(has('Réduit les temps de chargement de 80 %'));
    assert.ok(has('utilisée par des millions d’utilisateurs et une équipe de deux développeurs'));
    assert.ok(has('Lideré un equipo de tres ingenieros'));
    assert.ok(has('Leitung eines Teams von drei Entwicklern'));
    assert.ok(has('将音频延迟从高于100ms降低至稳定的35ms'));
    assert.ok(has('4人小组项目'));
    assert.ok(!has('参加软件的改版，从Flash迁移至HTML5。'));
    assert.ok(!has('研究3维空间下的人机交互'));
  });

  it('never throws and stays linear on pathological input', () => {
    const inputs = ['', '‹', '1-'.repeat(20000), 'a1'.repeat(20000), '('.repeat(5000) + '5', 'Java 8 to '.repeat(3000)];
    for (const input of inputs) {
      const started = Date.now();
      assert.doesNotThrow(() => recognizeMetrics(input));
      assert.ok(Date.now() - started < 2000, `slow on ${input.slice(0, 10)}…`);
    }
  });
});

describe('describeMetrics', () => {
  it('lists each metric with its kind, for the hover', () => {
    const found = recognizeMetrics('Designed a payments API handling 4M requests/day at 99.98% availability');
    assert.equal(describeMetrics(found), '4M requests/day — throughput; 99.98% — availability');
    assert.equal(describeMetrics([]), '');
  });
});
