import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-missing-term';
import { findingsOf, textAt } from '../helpers';
import { applyFix, assertValidYaml, examplePosting, exampleResume, markdownPosting } from '../engine/posting/support';
import { first } from '../support/lists';

const ID = 'posting-missing-term';
const POSTING = markdownPosting(
  [
    '# Backend Engineer (Go)',
    '',
    '## Requirements',
    '- 3+ years of Go in production',
    '- Kafka or a similar message broker',
    '- PostgreSQL at scale',
    '',
    '## Nice to have',
    '- Terraform on AWS',
  ].join('\n'),
  './job.md',
);

const RESUME = `# Dana's resume
basics:
  name: Dana Reyes
work:
  - name: Parcelly
    position: Backend Engineer
    startDate: 2020-02
    highlights:
      - Built Go services that price 2M parcels a day
      - Designed the PostgreSQL schema for rates, keeping lookups under 10 ms
skills:  # grouped as the seed suggests
  - name: Languages
    keywords: [Go, SQL]
  - name: Data
    keywords: [PostgreSQL]
`;

function lintWith(text: string, posting = POSTING) {
  return findingsOf(text, ID, { posting }, [rule]);
}

describe(ID, () => {
  it('names each missing term and where the posting asked for it, on the skills key', () => {
    const findings = lintWith(RESUME);
    assert.deepEqual(
      findings.map((f) => [textAt(RESUME, f.range), f.severity, f.message]),
      [
        [
          'skills',
          'info',
          "`Kafka` is in the posting (Requirements: 'Kafka or a similar message broker') but not in the resume: if you have used it, add it to your skills and show it in a bullet.",
        ],
        [
          'skills',
          'info',
          "`message queues` is in the posting (Requirements: 'Kafka or a similar message broker') but not in the resume: if you have used it, add it to your skills and show it in a bullet.",
        ],
        [
          'skills',
          'info',
          "`Terraform` is in the posting (Nice to have: 'Terraform on AWS') but not in the resume: if you have used it, add it to your skills and show it in a bullet.",
        ],
        [
          'skills',
          'info',
          "`AWS` is in the posting (Nice to have: 'Terraform on AWS') but not in the resume: if you have used it, add it to your skills and show it in a bullet.",
        ],
      ],
    );
  });

  it('offers to add each term to the right group, never automatically', () => {
    const fixes = lintWith(RESUME).map((f) => f.fixes.map((fix) => [fix.title, fix.safe]));
    assert.deepEqual(fixes, [
      [
        ['Add Kafka in a new Architecture skills group', false],
        ['Add a bullet showing Kafka', false],
      ],
      [
        ['Add message queues in a new Architecture skills group', false],
        ['Add a bullet showing message queues', false],
      ],
      [
        ['Add Terraform in a new Cloud skills group', false],
        ['Add a bullet showing Terraform', false],
      ],
      [
        ['Add AWS in a new Cloud skills group', false],
        ['Add a bullet showing AWS', false],
      ],
    ]);
  });

  for (const term of ['Kafka', 'message queues', 'Terraform', 'AWS']) {
    it(`fixes ${term}: the finding goes, the YAML stays valid, comments stay`, () => {
      const finding = lintWith(RESUME).find((f) => f.message.startsWith(`\`${term}\``));
      assert.ok(finding);
      const fixed = applyFix(RESUME, first(finding.fixes));
      assertValidYaml(fixed, ['basics', 'work', 'skills']);
      assert.ok(fixed.includes("# Dana's resume") && fixed.includes('skills:  # grouped as the seed suggests'));
      assert.ok(!lintWith(fixed).some((f) => f.message.startsWith(`\`${term}\``)));
    });
  }

  it('adds to an existing group in the list style it uses', () => {
    const text = RESUME.replace('keywords: [PostgreSQL]', 'keywords: [PostgreSQL]\n  - name: Cloud\n    keywords:\n      - GCP  # mostly');
    const aws = lintWith(text).find((f) => f.message.startsWith('`AWS`'));
    assert.ok(aws);
    assert.equal(first(aws.fixes).title, 'Add AWS to the Cloud skills');
    const fixed = applyFix(text, first(aws.fixes));
    assert.ok(fixed.endsWith('    keywords:\n      - GCP  # mostly\n      - AWS\n'), fixed);
    assert.ok(!lintWith(fixed).some((f) => f.message.startsWith('`AWS`')));
  });

  it('counts a generic term as covered by a tool that implies it', () => {
    const text = RESUME.replace('keywords: [PostgreSQL]', 'keywords: [PostgreSQL]\n  - name: Architecture\n    keywords: [Kafka]');
    assert.deepEqual(
      lintWith(text).map((f) => f.message.slice(0, f.message.indexOf('`', 1) + 1)),
      ['`Terraform`', '`AWS`'],
    );
  });

  it('counts a term written another way as present (posting-spelling takes it from there)', () => {
    const text = RESUME.replace('[Go, SQL]', '[Golang, SQL]').replace('Built Go services', 'Built services');
    assert.ok(!lintWith(text).some((f) => f.message.startsWith('`Go`')));
  });

  it('puts the finding on the first key when there is no skills list, and creates it', () => {
    const text = 'basics:\n  name: Dana Reyes\nwork:\n  - name: Parcelly\n    highlights:\n      - Built Go services on PostgreSQL\n';
    const findings = lintWith(text);
    assert.deepEqual([...new Set(findings.map((f) => textAt(text, f.range)))], ['basics']);
    const kafka = findings.find((f) => f.message.startsWith('`Kafka`'));
    assert.ok(kafka);
    const fixed = applyFix(text, first(kafka.fixes));
    assert.ok(fixed.endsWith('\nskills:\n  - name: Architecture\n    keywords: [Kafka]\n'), fixed);
    assertValidYaml(fixed, ['basics', 'work', 'skills']);
    assert.ok(!lintWith(fixed).some((f) => f.message.startsWith('`Kafka`')));
  });

  it('stays quiet without a posting, with a posting it fully covers, and on an empty file', () => {
    assert.deepEqual(findingsOf(RESUME, ID, {}, [rule]), []);
    assert.deepEqual(lintWith(RESUME, markdownPosting('- Go and PostgreSQL')), []);
    assert.deepEqual(lintWith(''), []);
  });

  it('flags what the example resume lacks against the example posting', () => {
    const text = exampleResume();
    const findings = lintWith(text, examplePosting('acme-backend.md'));
    assert.deepEqual(
      findings.map((f) => [textAt(text, f.range), f.message, f.fixes[0]?.title]),
      [
        [
          'skills',
          "`Prometheus` is in the posting (Requirements: 'Observability habits: Prometheus metrics, distributed tracing,…') but not in the resume: if you have used it, add it to your skills and show it in a bullet.",
          'Add Prometheus to the Reliability skills',
        ],
      ],
    );
    const fixed = applyFix(text, first(first(findings).fixes));
    assert.ok(fixed.includes('keywords: [observability, OpenTelemetry, idempotency, load testing, CI/CD, Prometheus]'));
    assert.ok(fixed.startsWith('# A complete backend resume'));
    assert.deepEqual(lintWith(fixed, examplePosting('acme-backend.md')), []);
  });
});
