import * as assert from 'node:assert/strict';
import rawTaxonomy from '../../../server/src/engine/posting/taxonomy.json';
import { loadTaxonomy, normalizeForm, SKILLS_CATEGORIES, taxonomy } from '../../../server/src/engine/posting/taxonomy';
import { first } from '../../support/lists';

/** Canonical names found in a text, in order. */
function found(text: string): string[] {
  return taxonomy.find(text).map((hit) => hit.term.canonical);
}

describe('posting taxonomy', () => {
  describe('the data', () => {
    it('loads, with a focused number of terms in every category', () => {
      assert.ok(taxonomy.terms.length >= 140 && taxonomy.terms.length <= 220, `${taxonomy.terms.length} terms`);
      for (const category of taxonomy.categories) {
        assert.ok(
          taxonomy.terms.some((t) => t.category.id === category.id),
          `no term in ${category.id}`,
        );
        assert.ok(SKILLS_CATEGORIES.includes(category.skillsCategory));
      }
    });

    it('covers the categories the issue names', () => {
      const ids = taxonomy.categories.map((c) => c.id);
      for (const id of [
        'languages',
        'datastores',
        'caches',
        'messaging',
        'cloud',
        'containers',
        'architecture',
        'reliability',
        'delivery',
      ]) {
        assert.ok(ids.includes(id), id);
      }
    });

    it('puts each term under the seed skills group it belongs to', () => {
      const group = (canonical: string) => taxonomy.term(canonical)?.skillsCategory;
      assert.equal(group('Go'), 'Languages');
      assert.equal(group('Spring'), 'Languages');
      assert.equal(group('PostgreSQL'), 'Data');
      assert.equal(group('Redis'), 'Data');
      assert.equal(group('query optimization'), 'Data');
      assert.equal(group('Kafka'), 'Architecture');
      assert.equal(group('gRPC'), 'Architecture');
      assert.equal(group('caching'), 'Architecture');
      assert.equal(group('idempotency'), 'Reliability');
      assert.equal(group('CI/CD'), 'Reliability');
      assert.equal(group('load testing'), 'Reliability');
      assert.equal(group('AWS'), 'Cloud');
      assert.equal(group('Kubernetes'), 'Cloud');
      assert.equal(group('Terraform'), 'Cloud');
    });

    it('rejects inconsistent data with a precise message', () => {
      const base = rawTaxonomy as unknown as {
        skillsCategories: unknown[];
        categories: unknown[];
        terms: { canonical: string; category: string; aliases?: string[]; implies?: string[] }[];
      };
      const withTerms = (terms: typeof base.terms) => ({ ...base, terms });
      assert.throws(
        () => loadTaxonomy(withTerms([...base.terms, { canonical: 'Postgres 2', category: 'datastores', aliases: ['postgres'] }])),
        /"postgres" of Postgres 2 is already a form of PostgreSQL/,
      );
      assert.throws(() => loadTaxonomy(withTerms([{ canonical: 'X', category: 'nope' }])), /X has unknown category nope/);
      assert.throws(() => loadTaxonomy(withTerms([{ canonical: 'X', category: 'languages', implies: ['Y'] }])), /X implies unknown term Y/);
      assert.throws(() => loadTaxonomy({}), /must be arrays/);
    });

    it('implies transitively', () => {
      assert.deepEqual([...taxonomy.closure('OpenTelemetry')].sort(), ['OpenTelemetry', 'observability', 'tracing']);
      assert.ok(taxonomy.closure('EKS').has('AWS') && taxonomy.closure('EKS').has('containers'));
    });

    it('treats case, spaces and hyphens alike in forms', () => {
      assert.equal(normalizeForm('Event-Driven  Architecture'), 'event driven architecture');
    });
  });

  describe('aliases', () => {
    const cases: [string, string][] = [
      ['Postgres', 'PostgreSQL'],
      ['PostgreSQL', 'PostgreSQL'],
      ['psql', 'PostgreSQL'],
      ['k8s', 'Kubernetes'],
      ['K8s', 'Kubernetes'],
      ['Kubernetes', 'Kubernetes'],
      ['Golang', 'Go'],
      ['golang', 'Go'],
      ['GCP', 'GCP'],
      ['Google Cloud', 'GCP'],
      ['Google Cloud Platform', 'GCP'],
      ['JS', 'JavaScript'],
      ['JavaScript', 'JavaScript'],
      ['TypeScript', 'TypeScript'],
      ['Node', 'Node.js'],
      ['Node.js', 'Node.js'],
      ['NodeJS', 'Node.js'],
      ['AWS', 'AWS'],
      ['Amazon Web Services', 'AWS'],
      ['SQS', 'SQS'],
      ['Amazon SQS', 'SQS'],
      ['Kafka', 'Kafka'],
      ['Apache Kafka', 'Kafka'],
      ['C#', 'C#'],
      ['C++', 'C++'],
      ['.NET', '.NET'],
      ['CI/CD', 'CI/CD'],
      ['continuous integration', 'CI/CD'],
      ['event driven', 'event-driven architecture'],
      ['Pub/Sub', 'Pub/Sub'],
      ['RESTful', 'REST'],
      ['OTel', 'OpenTelemetry'],
      ['error budgets', 'SLOs'],
      ['idempotent', 'idempotency'],
    ];
    for (const [written, canonical] of cases) {
      it(`${written} → ${canonical}`, () => assert.deepEqual(found(written), [canonical]));
    }

    it('prefers the longest form at a position', () => {
      assert.deepEqual(found('JavaScript and Java'), ['JavaScript', 'Java']);
      assert.deepEqual(found('Google Cloud Pub/Sub'), ['Pub/Sub']);
      assert.deepEqual(found('SQL Server, NoSQL and SQL'), ['SQL Server', 'NoSQL', 'SQL']);
      assert.deepEqual(found('ASP.NET Core'), ['ASP.NET']);
      assert.deepEqual(found('Spring Boot'), ['Spring']);
    });

    it('keeps to whole words', () => {
      assert.deepEqual(found('Springfield, MySQLite, Gopher, Javas, restful'), ['REST']);
      assert.deepEqual(found('Amazon Web Services (AWS)'), ['AWS', 'AWS']);
    });

    it('reports where and how each term is written', () => {
      const hit = first(taxonomy.find('We run Postgres 15'));
      assert.deepEqual(
        { start: hit.start, end: hit.end, spelling: hit.spelling, variant: hit.variant },
        { start: 7, end: 15, spelling: 'Postgres', variant: false },
      );
      assert.equal(first(taxonomy.find('Spring Boot')).variant, true);
    });
  });

  describe('ambiguous words', () => {
    const inContext: [string, string][] = [
      // Go, the language
      ['Go', 'Go'],
      ['Go, Java', 'Go'],
      ['Java and Go', 'Go'],
      ['services in Go', 'Go'],
      ['Go/Python', 'Go'],
      ['Senior Go Engineer', 'Go'],
      ['Senior Backend Engineer (Go)', 'Go'],
      ['Languages: Go, SQL', 'Go'],
      ['Go 1.22 and generics', 'Go'],
      ['Go-based services', 'Go'],
      ['2+ years of them in Go', 'Go'],
      ['technologies such as Go, Elasticsearch and Redis', 'Go'],
      ['Rewrote the operator from Go to Rust', 'Go'],
      ['a Go + TimescaleDB service', 'Go'],
      // Rust: capitalised is the language
      ['Rust', 'Rust'],
      ['written in Rust', 'Rust'],
      ['We use Rust for the hot path', 'Rust'],
      // Spring, the framework
      ['Java/Spring', 'Spring'],
      ['Spring Boot', 'Spring'],
      ['Spring Framework', 'Spring'],
      ['experience with Spring', 'Spring'],
      ['Java, Spring, Hibernate', 'Spring'],
      ['H2 and Spring Context', 'Spring'],
      // Swift, the language
      ['iOS apps in Swift', 'Swift'],
      ['Swift, Kotlin', 'Swift'],
      ['Swift developers', 'Swift'],
    ];
    for (const [text, canonical] of inContext) {
      it(`finds ${canonical} in "${text}"`, () => assert.ok(found(text).includes(canonical), found(text).join(', ')));
    }

    const outOfContext: [string, string][] = [
      ['the go-to person for payments', 'Go'],
      ['Partner with the Go-to-market team', 'Go'],
      ['work on the go', 'Go'],
      ['let go of legacy code', 'Go'],
      ['Go beyond the basics', 'Go'],
      ['Go live in March', 'Go'],
      ['Go to market in Q3', 'Go'],
      ['Go from zero to prod in 12 days', 'Go'],
      ['ready to go', 'Go'],
      ['rust on the pipes', 'Rust'],
      ['the Rust Belt', 'Rust'],
      ['spring 2024', 'Spring'],
      ['in the spring', 'Spring'],
      ['Spring 2025 launch', 'Spring'],
      ['Spring and fall offsites', 'Spring'],
      ['Spring break week', 'Spring'],
      ['swift delivery', 'Swift'],
      ['Swift delivery of features', 'Swift'],
      ['a swift response', 'Swift'],
      ['TS/SCI clearance', 'TypeScript'],
      ['Node pools on GKE', 'Node.js'],
      ['Express your ideas', 'Express'],
      ['the rest of the team', 'REST'],
      ['worked at Oracle', 'Oracle Database'],
      ['lambda expressions', 'Lambda'],
    ];
    for (const [text, canonical] of outOfContext) {
      it(`does not find ${canonical} in "${text}"`, () => assert.ok(!found(text).includes(canonical), found(text).join(', ')));
    }
  });
});
