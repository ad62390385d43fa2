import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-spelling';
import { findingsOf, textAt, workResume } from '../helpers';
import { applyFix, assertValidYaml, examplePosting, markdownPosting } from '../engine/posting/support';
import { first, take } from '../support/lists';

const ID = 'posting-spelling';
const POSTING = markdownPosting(
  [
    '# Platform Engineer',
    '',
    '## Requirements',
    '- PostgreSQL and Kubernetes in production',
    '- Node.js services on Amazon Web Services',
    '- Spring Boot',
    '- Idempotent consumers',
  ].join('\n'),
);

const RESUME = `basics:
  name: Dana Reyes
work:
  - name: Parcelly
    position: Backend Engineer
    startDate: 2020-02
    highlights:
      - "Moved rate lookups to **Postgres** read replicas, cutting p95 from 90 ms to 12 ms"
      - Ran 40 Node services on k8s behind one ingress
skills:
  - name: Data
    keywords: [Postgres, Redis]  # most used first
  - name: Cloud
    keywords:
      - AWS
      - k8s
`;

function lintWith(text: string, posting = POSTING) {
  return findingsOf(text, ID, { posting }, [rule]);
}

describe(ID, () => {
  it('flags the resume’s spelling, in the skills first, with the posting’s', () => {
    const findings = lintWith(RESUME);
    assert.deepEqual(
      findings.map((f) => [textAt(RESUME, f.range), f.range.start, f.severity, f.message]),
      [
        ['Node', RESUME.indexOf('Node'), 'info', '`Node`: the posting says `Node.js`; write it that way so a keyword search finds it.'],
        [
          'Postgres',
          RESUME.indexOf('[Postgres') + 1,
          'info',
          '`Postgres`: the posting says `PostgreSQL`; write it that way so a keyword search finds it.',
        ],
        ['k8s', RESUME.lastIndexOf('k8s'), 'info', '`k8s`: the posting says `Kubernetes`; write it that way so a keyword search finds it.'],
      ],
    );
  });

  it('fixes each one safely: finding gone, YAML valid, comment kept', () => {
    for (const finding of lintWith(RESUME)) {
      const fix = first(finding.fixes);
      assert.equal(fix.safe, true);
      assert.equal(fix.isPreferred, true);
      const fixed = applyFix(RESUME, fix);
      assertValidYaml(fixed, ['basics', 'work', 'skills']);
      assert.ok(fixed.includes('# most used first'));
      assert.equal(lintWith(fixed).length, lintWith(RESUME).length - 1, fix.title);
    }
  });

  it('rewrites only the word, in the scalar’s own style', () => {
    const [node, postgres, k8s] = take(lintWith(RESUME), 3);
    assert.equal(first(node.fixes).title, 'Write Node.js, as the posting does');
    assert.ok(applyFix(RESUME, first(node.fixes)).includes('      - Ran 40 Node.js services on k8s behind one ingress\n'));
    assert.ok(applyFix(RESUME, first(postgres.fixes)).includes('    keywords: [PostgreSQL, Redis]  # most used first\n'));
    assert.ok(applyFix(RESUME, first(k8s.fixes)).includes('      - AWS\n      - Kubernetes\n'));
  });

  it('flags a bullet when the skills do not name the term, keeping its Markdown', () => {
    const text = workResume(['Sharded **Postgres** by tenant, keeping writes under 5 ms']);
    const finding = first(lintWith(text));
    assert.equal(textAt(text, finding.range), 'Postgres');
    const fixed = applyFix(text, first(finding.fixes));
    assert.ok(fixed.includes('- "Sharded **PostgreSQL** by tenant, keeping writes under 5 ms"'), fixed);
    assert.deepEqual(lintWith(fixed), []);
  });

  it('is satisfied by one use of the posting’s spelling anywhere', () => {
    const text = RESUME.replace('keywords: [Postgres, Redis]', 'keywords: [PostgreSQL, Redis]');
    assert.ok(!lintWith(text).some((f) => f.message.includes('PostgreSQL')));
  });

  it('ignores case, vendor prefixes and practices, and never pushes a nickname over the canonical name', () => {
    const posting = markdownPosting('- postgresql, Apache Kafka, k8s and idempotency keys');
    const text = workResume(['Ran PostgreSQL and Kafka on Kubernetes with idempotent consumers']);
    assert.deepEqual(lintWith(text, posting), []);
  });

  it('leaves a broader name alone (Spring where the posting says Spring Boot)', () => {
    assert.deepEqual(lintWith(workResume(['Built 12 Spring services for the billing team'])), []);
  });

  it('stays quiet without a posting, and on the example resume against the example postings', () => {
    assert.deepEqual(findingsOf(RESUME, ID, {}, [rule]), []);
    const text = workResume(['Ran Go services on PostgreSQL']);
    for (const file of ['acme-backend.md', 'globex-platform.txt', 'initech-api.job.yaml']) {
      assert.deepEqual(lintWith(text, examplePosting(file)), [], file);
    }
  });
});
