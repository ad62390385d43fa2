import * as assert from 'node:assert/strict';
import { parseResume } from '../../../server/src/engine/document';
import { coverageLabel, matchResume, postingReference, postingReport, resumeMentions } from '../../../server/src/engine/posting';
import type { PostingSource } from '../../../server/src/engine/types';
import { examplePosting, exampleResume, markdownPosting } from './support';
import { first } from '../../support/lists';

const POSTING = markdownPosting(
  [
    '# Senior Go Engineer',
    '',
    '## Requirements',
    '- Go and PostgreSQL in production',
    '- Kafka or another message broker',
    '- Kubernetes on AWS',
    '- Observability: tracing and alerting',
    '',
    '## Nice to have',
    '- Redis',
  ].join('\n'),
);

const RESUME = `basics:
  name: Dana Reyes
  summary: Backend engineer who likes boring, well-instrumented services.
work:
  - name: Parcelly
    position: Backend Engineer
    startDate: 2020-02
    highlights:
      - Cut p95 lookup latency from 300 ms to 40 ms with a Redis read-through cache
      - Moved order events onto Apache Kafka, so refunds post in seconds
      - Added OpenTelemetry traces to 9 services, cutting time to find a slow hop from hours to minutes
skills:
  - name: Languages
    keywords: [Java, Golang, SQL]
  - name: Data
    keywords: [Postgres, Redis]
  - name: Cloud
    keywords: [AWS, k8s]  # EKS mostly
`;

function statusOf(match: ReturnType<typeof matchResume>): Record<string, string> {
  return Object.fromEntries(match.terms.map((t) => [t.term.canonical, t.status]));
}

describe('posting match', () => {
  const model = parseResume(RESUME);
  const match = matchResume(model, POSTING);

  it('finds, spells differently, or misses each posting term', () => {
    assert.deepEqual(statusOf(match), {
      Go: 'spelled-differently',
      PostgreSQL: 'spelled-differently',
      Kafka: 'found',
      'message queues': 'found',
      Kubernetes: 'spelled-differently',
      AWS: 'found',
      observability: 'found',
      tracing: 'found',
      alerting: 'missing',
      Redis: 'found',
    });
  });

  it('says where the resume mentions a term', () => {
    const redis = match.terms.find((t) => t.term.canonical === 'Redis');
    assert.deepEqual(
      redis?.mentions.map((m) => [m.kind, m.path, m.spelling, RESUME.slice(m.range.start, m.range.end)]),
      [
        ['bullet', 'work[0].highlights[0]', 'Redis', 'Redis'],
        ['skill', 'skills[1].keywords[1]', 'Redis', 'Redis'],
      ],
    );
    assert.deepEqual([redis?.inSkills, redis?.inBullets], [true, true]);
  });

  it('covers a generic practice by a tool that implies it, and says which', () => {
    const queues = match.terms.find((t) => t.term.canonical === 'message queues');
    assert.deepEqual(queues?.coveredBy, ['Kafka']);
    // OpenTelemetry shows tracing, and tracing shows observability.
    for (const canonical of ['tracing', 'observability']) {
      const covered = match.terms.find((t) => t.term.canonical === canonical);
      assert.deepEqual([covered?.status, covered?.mentions, covered?.coveredBy], ['found', [], ['OpenTelemetry']]);
    }
  });

  it('counts coverage, in total and per seed category', () => {
    assert.deepEqual(match.coverage, {
      matched: 9,
      total: 10,
      spelledDifferently: 3,
      byCategory: [
        { category: 'Languages', matched: 1, total: 1 },
        { category: 'Data', matched: 2, total: 2 },
        { category: 'Architecture', matched: 2, total: 2 },
        { category: 'Reliability', matched: 2, total: 3 },
        { category: 'Cloud', matched: 2, total: 2 },
      ],
    });
    assert.equal(coverageLabel(match), 'posting match 9/10 terms');
  });

  it('reads the resume’s languages in order', () => {
    assert.equal(match.languages?.path, 'skills[0].keywords');
    assert.deepEqual(
      match.languages?.languages.map((l) => [l.index, l.canonical, l.mention.spelling]),
      [
        [0, 'Java', 'Java'],
        [1, 'Go', 'Golang'],
        [2, 'SQL', 'SQL'],
      ],
    );
  });

  it('falls back to the first group listing a language when none is named Languages', () => {
    const m = matchResume(
      parseResume('skills:\n  - name: Data\n    keywords: [Redis]\n  - name: Backend\n    keywords: [Kafka, Python, Go]\n'),
      POSTING,
    );
    assert.equal(m.languages?.path, 'skills[1].keywords');
    assert.deepEqual(
      m.languages?.languages.map((l) => l.canonical),
      ['Python', 'Go'],
    );
  });

  it('lists every taxonomy skill no bullet shows, posting term or not', () => {
    assert.deepEqual(
      match.listedNotShown.map((m) => m.canonical),
      ['Java', 'Go', 'SQL', 'PostgreSQL', 'AWS', 'Kubernetes'],
    );
  });

  it('counts a skill as shown when a bullet shows a narrower term', () => {
    const m = matchResume(
      parseResume(`work:
  - name: A
    highlights:
      - Rolled out OpenTelemetry across the fleet
skills:
  - name: Reliability
    keywords: [tracing, observability, OpenTelemetry]
`),
      POSTING,
    );
    assert.deepEqual(m.listedNotShown, []);
  });

  it('leaves out company names, URLs and spoken languages', () => {
    const mentions = resumeMentions(
      parseResume(`work:
  - name: Oracle
    url: https://kafka.example.com
    position: Go Developer
languages:
  - language: Swift
`),
    );
    assert.deepEqual(
      mentions.map((m) => [m.canonical, m.kind, m.path]),
      [['Go', 'other', 'work[0].position']],
    );
  });

  it('reads Markdown in bullets and maps the range into the source', () => {
    const text = 'work:\n  - name: A\n    highlights:\n      - "Built **Kafka** consumers"\n';
    const mention = first(resumeMentions(parseResume(text)));
    assert.equal(text.slice(mention.range.start, mention.range.end), 'Kafka');
  });

  it('is cached per model and posting', () => {
    assert.equal(matchResume(model, POSTING), match);
    assert.notEqual(matchResume(parseResume(RESUME), POSTING), match);
  });

  it('gives the report plain data', () => {
    const report = postingReport(match);
    assert.equal(report.posting, 'job.md');
    assert.equal(report.mainLanguage, 'Go');
    assert.deepEqual(report.resumeLanguages, ['Java', 'Go', 'SQL']);
    assert.deepEqual(report.terms[0], {
      term: 'Go',
      category: 'Languages',
      skillsCategory: 'Languages',
      status: 'spelled-differently',
      postingSpelling: 'Go',
      resumeSpellings: ['Golang'],
      where: "Requirements: 'Go and PostgreSQL in production'",
      importance: 'required',
      weight: 6,
      inSkills: true,
      inBullets: false,
      coveredBy: [],
    });
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  it('reads meta.posting', () => {
    assert.equal(postingReference(parseResume('meta:\n  posting: ./acme-backend.md\n')), './acme-backend.md');
    assert.equal(postingReference(parseResume('meta:\n  version: v1\n')), undefined);
  });

  describe('examples/backend.resume.yaml', () => {
    const example = parseResume(exampleResume());
    const cases: [string, string, string[]][] = [
      ['acme-backend.md', 'posting match 20/21 terms', ['Prometheus']],
      [
        'globex-platform.txt',
        'posting match 13/28 terms',
        [
          'Spring',
          'Pub/Sub',
          'Cloud SQL',
          'Bigtable',
          'GKE',
          'Helm',
          'Datadog',
          'capacity planning',
          'Kotlin',
          'GCP',
          'data modeling',
          'distributed systems',
          'postmortems',
          'unit testing',
          'integration testing',
        ],
      ],
      [
        'initech-api.job.yaml',
        'posting match 9/23 terms',
        [
          'SOAP',
          'FastAPI',
          'OpenAPI',
          'Celery',
          'RabbitMQ',
          'MySQL',
          'replication',
          'GitHub Actions',
          'AKS',
          'postmortems',
          'Azure',
          'unit testing',
          'API design',
          'rate limiting',
        ],
      ],
    ];
    for (const [file, label, missing] of cases) {
      it(`against ${file}: ${label}`, () => {
        const m = matchResume(example, examplePosting(file));
        assert.equal(coverageLabel(m), label);
        assert.deepEqual(
          m.terms.filter((t) => t.status === 'missing').map((t) => t.term.canonical),
          missing,
        );
        assert.equal(m.coverage.spelledDifferently, 0);
      });
    }

    it('lists the skills no bullet shows', () => {
      const m = matchResume(example, examplePosting('acme-backend.md'));
      assert.deepEqual(
        m.listedNotShown.map((x) => x.canonical),
        ['SQL', 'Python', 'DynamoDB', 'SQS', 'OpenTelemetry', 'load testing', 'CI/CD', 'AWS', 'Docker', 'Kubernetes', 'Terraform'],
      );
    });
  });

  it('copes with an empty resume and an empty posting', () => {
    const empty: PostingSource = { name: 'x.txt', format: 'text', text: '' };
    assert.deepEqual(matchResume(parseResume(''), POSTING).coverage.matched, 0);
    assert.deepEqual(matchResume(model, empty).coverage, { matched: 0, total: 0, spelledDifferently: 0, byCategory: [] });
  });
});
