import * as assert from 'node:assert/strict';
import { extractPostingTerms, postingFormatOf, postingSource } from '../../../server/src/engine/posting';
import { classifySection, excerpt, postingUnits } from '../../../server/src/engine/posting/extract';
import type { PostingSource } from '../../../server/src/engine/types';
import { examplePosting } from './support';

function terms(source: PostingSource): string[] {
  return extractPostingTerms(source).terms.map((t) => t.canonical);
}

function term(source: PostingSource, canonical: string) {
  const found = extractPostingTerms(source).terms.find((t) => t.canonical === canonical);
  assert.ok(found, `${canonical} not extracted`);
  return found;
}

describe('posting extraction', () => {
  describe('examples/postings/acme-backend.md (Markdown with bullet lists)', () => {
    const acme = examplePosting('acme-backend.md');

    it('extracts exactly the stack it asks for, in order of first mention', () => {
      assert.deepEqual(terms(acme), [
        'Go',
        'PostgreSQL',
        'indexing',
        'query optimization',
        'Kafka',
        'idempotency',
        'AWS',
        'Terraform',
        'gRPC',
        'REST',
        'on-call',
        'message queues',
        'Kubernetes',
        'Docker',
        'observability',
        'Prometheus',
        'tracing',
        'alerting',
        'CI/CD',
        'Redis',
        'Python',
      ]);
    });

    it('reads the title and the main language from it', () => {
      const extraction = extractPostingTerms(acme);
      assert.equal(extraction.title, 'Senior Backend Engineer (Go)');
      assert.equal(extraction.mainLanguage, 'Go');
      assert.equal(extraction.format, 'markdown');
    });

    it('says where each term was asked for, the strongest section first', () => {
      assert.equal(term(acme, 'PostgreSQL').where, "Requirements: 'Deep experience with PostgreSQL: query tuning and schema migrations'");
      assert.equal(term(acme, 'Go').where, "Requirements: '5+ years building backend services, 2+ of them in Go'");
      assert.equal(term(acme, 'Terraform').where, "What you'll do: 'Run what you build on AWS with Terraform'");
      assert.equal(term(acme, 'Redis').where, "Nice to have: 'Redis'");
    });

    it('weighs required over nice-to-have, and counts mentions', () => {
      const go = term(acme, 'Go');
      assert.deepEqual([go.importance, go.count, go.weight], ['required', 3, 8]); // title 3 + responsibility 2 + required 3
      const kafka = term(acme, 'Kafka');
      assert.deepEqual([kafka.importance, kafka.count, kafka.weight], ['required', 2, 5]);
      const python = term(acme, 'Python');
      assert.deepEqual([python.importance, python.weight], ['preferred', 1]);
    });

    it('keeps the spelling as written', () => {
      assert.equal(term(acme, 'tracing').spelling, 'distributed tracing');
      assert.equal(term(acme, 'alerting').spelling, 'alerts');
      assert.equal(term(acme, 'idempotency').practice, true);
      assert.equal(term(acme, 'Kafka').practice, false);
    });

    it('ignores "go-to" and "Spring and fall offsites"', () => {
      assert.ok(!terms(acme).includes('Spring'));
      assert.equal(term(acme, 'Go').count, 3);
    });
  });

  describe('examples/postings/globex-platform.txt (plain text from a job board)', () => {
    const globex = examplePosting('globex-platform.txt');

    it('extracts exactly the stack it asks for', () => {
      assert.deepEqual(terms(globex), [
        'event streaming',
        'Java',
        'Spring',
        'gRPC',
        'REST',
        'Pub/Sub',
        'PostgreSQL',
        'Cloud SQL',
        'Bigtable',
        'GKE',
        'Kubernetes',
        'Helm',
        'Terraform',
        'SLOs',
        'Datadog',
        'capacity planning',
        'Kotlin',
        'GCP',
        'AWS',
        'SQL',
        'data modeling',
        'distributed systems',
        'postmortems',
        'unit testing',
        'integration testing',
        'Kafka',
        'Go',
        'Python',
      ]);
    });

    it('finds the sections by their headings, and skips the benefits', () => {
      assert.equal(term(globex, 'Kotlin').where, "Who you are: '4+ years of backend development in Java or Kotlin'");
      assert.equal(term(globex, 'Kafka').where, "Nice to have: 'Kafka or another streaming platform'");
      assert.equal(
        term(globex, 'Spring').where,
        "What you will do: '…operate Java 17 services on Spring Boot, exposed over gRPC and REST'",
      );
      // "Spring break week" sits under Benefits, and is not the framework anyway.
      assert.equal(term(globex, 'Spring').count, 1);
    });

    it('keeps the posting’s spellings: Postgres, k8s, Spring Boot', () => {
      assert.equal(term(globex, 'PostgreSQL').spelling, 'Postgres');
      assert.equal(term(globex, 'Kubernetes').spelling, 'k8s');
      assert.equal(term(globex, 'Spring').spelling, 'Spring Boot');
      assert.equal(term(globex, 'Pub/Sub').spelling, 'Google Cloud Pub/Sub');
    });

    it('takes the first line as the title and the language named most as the main one', () => {
      const extraction = extractPostingTerms(globex);
      assert.equal(extraction.title, 'Platform Engineer II, Core Services');
      assert.equal(extraction.mainLanguage, 'Java');
    });

    it('does not read Go in "Go-to-market", only in "Some Go or Python"', () => {
      assert.equal(term(globex, 'Go').count, 1);
      assert.equal(term(globex, 'Go').importance, 'preferred');
    });
  });

  describe('examples/postings/initech-api.job.yaml (JSON Resume job)', () => {
    const initech = examplePosting('initech-api.job.yaml');

    it('extracts exactly the stack it asks for', () => {
      assert.deepEqual(terms(initech), [
        'Python',
        'SOAP',
        'REST',
        'FastAPI',
        'OpenAPI',
        'Celery',
        'RabbitMQ',
        'MySQL',
        'indexing',
        'replication',
        'GitHub Actions',
        'AKS',
        'postmortems',
        'PostgreSQL',
        'Docker',
        'Azure',
        'unit testing',
        'SQL',
        'Redis',
        'Kubernetes',
        'API design',
        'observability',
        'rate limiting',
      ]);
    });

    it('reads title, description, responsibilities, qualifications and skills', () => {
      const extraction = extractPostingTerms(initech);
      assert.equal(extraction.format, 'yaml');
      assert.equal(extraction.title, 'Backend Engineer, Public API');
      assert.equal(extraction.mainLanguage, 'Python');
      assert.equal(term(initech, 'SOAP').where, "Description: '…and help us retire the last SOAP endpoints in favour of REST.'");
      assert.equal(
        term(initech, 'Celery').where,
        "Responsibilities: 'Move slow partner reports to background jobs on Celery with RabbitMQ'",
      );
      assert.equal(term(initech, 'MySQL').where, "Qualifications: 'Working knowledge of MySQL or PostgreSQL'");
      assert.equal(term(initech, 'Redis').where, "Skills: 'Data: MySQL, Redis'");
    });

    it('does not read the company, the location or "swiftly"', () => {
      assert.ok(!terms(initech).includes('Swift'));
    });
  });

  describe('formats', () => {
    it('knows the format from the file name', () => {
      assert.equal(postingFormatOf('./acme-backend.md'), 'markdown');
      assert.equal(postingFormatOf('JOB.MARKDOWN'), 'markdown');
      assert.equal(postingFormatOf('initech-api.job.yaml'), 'yaml');
      assert.equal(postingFormatOf('job.yml'), 'yaml');
      assert.equal(postingFormatOf('job.json'), 'json');
      assert.equal(postingFormatOf('globex-platform.txt'), 'text');
      assert.equal(postingFormatOf('posting'), 'text');
      assert.deepEqual(postingSource('job.json', '{}'), { name: 'job.json', text: '{}', format: 'json' });
    });

    it('reads a JSON job like a YAML one', () => {
      const json = JSON.stringify({
        title: 'Staff Engineer (Go)',
        qualifications: ['Kafka at scale'],
        skills: [{ name: 'Cloud', keywords: ['GCP', 'GKE'] }],
      });
      const source: PostingSource = { name: 'job.json', text: json, format: 'json' };
      assert.deepEqual(terms(source), ['Go', 'Kafka', 'GCP', 'GKE']);
      assert.equal(extractPostingTerms(source).mainLanguage, 'Go');
    });

    it('falls back to plain text when the YAML is not a job', () => {
      const source: PostingSource = { name: 'job.yaml', text: 'We need: [Go, Kafka\n', format: 'yaml' };
      assert.deepEqual(terms(source), ['Go', 'Kafka']);
    });

    it('takes Markdown bold labels and "Label:" lines as sections', () => {
      const source: PostingSource = {
        name: 'job.md',
        format: 'markdown',
        text: ['# Backend Engineer', '', '**Must have**', '- Kafka', '', '**Bonus:** Rust', '', 'Tech stack: Go, PostgreSQL'].join('\n'),
      };
      const extraction = extractPostingTerms(source);
      assert.deepEqual(
        extraction.terms.map((t) => [t.canonical, t.importance, t.where]),
        [
          ['Kafka', 'required', "Must have: 'Kafka'"],
          ['Rust', 'preferred', "Bonus: 'Rust'"],
          ['Go', 'responsibility', "Tech stack: 'Go, PostgreSQL'"],
          ['PostgreSQL', 'responsibility', "Tech stack: 'Go, PostgreSQL'"],
        ],
      );
    });

    it('treats "is a plus" lines as nice to have wherever they are', () => {
      const source: PostingSource = {
        name: 'job.txt',
        format: 'text',
        text: 'Backend Engineer\n\nRequirements\n- Go\n- Experience with Kafka is a plus\n',
      };
      assert.deepEqual(
        extractPostingTerms(source).terms.map((t) => t.importance),
        ['required', 'preferred'],
      );
    });

    it('has no main language when the posting names none, and no terms in an empty posting', () => {
      assert.equal(extractPostingTerms({ name: 'a.txt', format: 'text', text: 'Kafka and PostgreSQL' }).mainLanguage, undefined);
      assert.deepEqual(extractPostingTerms({ name: 'a.txt', format: 'text', text: '' }).terms, []);
    });

    it('lets the title settle the main language over mentions', () => {
      const text = 'Senior Go Engineer\n\nRequirements\n- Python, Python and more Python\n- Go\n';
      assert.equal(extractPostingTerms({ name: 'a.txt', format: 'text', text }).mainLanguage, 'Go');
    });
  });

  describe('sections and quotes', () => {
    it('classifies headings', () => {
      assert.equal(classifySection('Requirements'), 'required');
      assert.equal(classifySection('What we’re looking for'), 'required');
      assert.equal(classifySection('Who you are'), 'required');
      assert.equal(classifySection("What you'll do"), 'responsibility');
      assert.equal(classifySection('Responsibilities'), 'responsibility');
      assert.equal(classifySection('Nice to have'), 'preferred');
      assert.equal(classifySection('Preferred qualifications'), 'preferred');
      assert.equal(classifySection('About the job'), 'description');
      assert.equal(classifySection('Benefits'), 'skip');
    });

    it('quotes a window around the term in long lines', () => {
      const line =
        'You will own the ingestion pipeline end to end, from the Kafka consumers to the warehouse tables and the dashboards on top';
      const start = line.indexOf('Kafka');
      assert.equal(excerpt(line, start, start + 5), '…end to end, from the Kafka consumers to the warehouse…');
      assert.equal(excerpt('Kafka in production.', 0, 5), 'Kafka in production');
    });

    it('splits paragraphs into sentences', () => {
      const units = postingUnits({ name: 'a.txt', format: 'text', text: 'Title\n\nWe run Go. We also like Kafka.\n' });
      assert.deepEqual(
        units.map((u) => u.text),
        ['Title', 'We run Go.', 'We also like Kafka.'],
      );
    });
  });

  describe('cache', () => {
    it('returns the same extraction for the same text, without re-extracting', () => {
      const a = extractPostingTerms({ name: 'a.md', format: 'markdown', text: '# Go Engineer\n- Kafka\n' });
      const b = extractPostingTerms({ name: 'b.md', format: 'markdown', text: '# Go Engineer\n- Kafka\n' });
      assert.equal(a, b);
    });

    it('stays bounded', () => {
      const first = extractPostingTerms({ name: 'a.txt', format: 'text', text: 'posting 0: Kafka' });
      for (let i = 1; i <= 40; i++) extractPostingTerms({ name: 'a.txt', format: 'text', text: `posting ${i}: Kafka` });
      assert.notEqual(extractPostingTerms({ name: 'a.txt', format: 'text', text: 'posting 0: Kafka' }), first);
    });
  });
});
