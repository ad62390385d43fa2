/**
 * The resume report (`buildReport`), on the two examples, with numbers
 * worked out by hand from the example files: bullets quantified, per role,
 * which backend dimensions the bullets show (and which bullets), skill
 * categories, counts by rule, and the posting coverage. Counts that depend
 * on every rule's wording are checked for consistency with the findings
 * rather than pinned, so a rule change elsewhere does not break them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { snippetToPlainText } from '../../server/src/engine/scalarSource';
import { buildReport, isQuantified, type ResumeReport } from '../../server/src/engine/report';
import { bar } from '../../server/src/engine/reportMarkdown';
import { postingSource } from '../../server/src/engine/posting';
import { snippetsFor } from '../../server/src/engine/snippets';
import type { LintResult } from '../../server/src/engine/lint';
import type { Severity } from '../../server/src/engine/types';
import { lintText, textAt, workResume } from '../helpers';
import { first, take } from '../support/lists';

/** The repository root: the nearest folder above the compiled test with a `package.json`. */
const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const WEAK = read('examples/weak.resume.yaml');
const BACKEND = read('examples/backend.resume.yaml');
const posting = (name: string) => postingSource(name, read(`examples/postings/${name}`));

/** 1-based line of an offset. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
/** 1-based line of the first line containing `search`. */
const lineWith = (text: string, search: string) => {
  const index = text.indexOf(search);
  assert.notEqual(index, -1, `${search} not in the text`);
  return lineOf(text, index);
};

const dimensionPaths = (report: ResumeReport) => Object.fromEntries(report.dimensions.map((d) => [d.id, d.bullets.map((b) => b.path)]));
const categories = (report: ResumeReport) => Object.fromEntries(report.skillCategories.map((c) => [c.category, c.keywords]));

/** What the report's counts must be, computed here from the findings. */
function assertCountsMatchFindings(result: LintResult, report: ResumeReport): void {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of result.findings) bySeverity[finding.severity]++;
  assert.deepEqual(report.counts, bySeverity);

  const byRule = new Map<string, number>();
  for (const finding of result.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  assert.deepEqual(
    report.rules.map((r) => [r.ruleId, r.count]),
    [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    'one line per rule, most findings first, then by id',
  );
  for (const rule of report.rules) {
    const severities = new Set(result.findings.filter((f) => f.ruleId === rule.ruleId).map((f) => f.severity));
    assert.deepEqual([...severities], [rule.severity], `${rule.ruleId}: severity`);
  }
  assert.equal(
    report.rules.reduce((n, r) => n + r.count, 0),
    result.findings.length,
  );
}

/** Each role's findings: those whose range lies inside one of the role's bullets. */
function assertRoleFindingsMatch(result: LintResult, report: ResumeReport): void {
  for (const role of report.roles) {
    const bullets = result.model.bullets.filter((b) => b.kind === 'highlight' && b.entryPath === role.path);
    const expected: Record<string, number> = {};
    for (const finding of result.findings) {
      if (bullets.some((b) => finding.range.start >= b.range.start && finding.range.end <= b.range.end)) {
        expected[finding.ruleId] = (expected[finding.ruleId] ?? 0) + 1;
      }
    }
    assert.deepEqual(role.findings, expected, role.path);
  }
}

describe('resume report (engine)', () => {
  describe('examples/weak.resume.yaml', () => {
    const result = lintText(WEAK);
    const report = buildReport(result);

    it('bullets: 14 highlights (the misspelt `hilights` do not count), 1 quantified ("to 120 ms"; a `‹N›` slot is no figure)', () => {
      assert.deepEqual(report.bullets, { total: 14, quantified: 1 });
    });

    it('per role: Shopfront 1/6, Dataworks 0/4, Freelance 0/4, with their titles and lines', () => {
      assert.deepEqual(
        report.roles.map((r) => ({
          path: r.path,
          title: r.title,
          bullets: r.bullets,
          quantified: r.quantified,
          line: lineOf(WEAK, r.range.start),
        })),
        [
          // The first entry names its company with `company:` (an unknown key): the title still reads it.
          {
            path: 'work[0]',
            title: 'Shopfront — Backend Developer',
            bullets: 6,
            quantified: 1,
            line: lineWith(WEAK, '- company: Shopfront'),
          },
          { path: 'work[1]', title: 'Dataworks — Junior Developer', bullets: 4, quantified: 0, line: lineWith(WEAK, '- name: Dataworks') },
          {
            path: 'work[2]',
            title: 'Freelance — Backend Consultant',
            bullets: 4,
            quantified: 0,
            line: lineWith(WEAK, '- name: Freelance'),
          },
        ],
      );
    });

    it('per role: the weak openings and unquantified bullets are counted on their role', () => {
      const [shopfront, dataworks, freelance] = take(report.roles, 3);
      // Responsible for / I worked on / Helped; Was responsible for; none.
      assert.equal(shopfront.findings['weak-opening'], 3);
      assert.equal(dataworks.findings['weak-opening'], 1);
      assert.equal(freelance.findings['weak-opening'] ?? 0, 0);
      // Every Shopfront bullet but "Reduced API latency to 120 ms"; every Dataworks bullet; the
      // three Freelance bullets without a slot (the `‹N›` one is the placeholder rule's).
      assert.equal(shopfront.findings.quantify, 5);
      assert.equal(dataworks.findings.quantify, 4);
      assert.equal(freelance.findings.quantify, 3);
      assertRoleFindingsMatch(result, report);
    });

    it('dimensions: latency, availability, observability and architecture shown, by the right bullets; four missing', () => {
      assert.deepEqual(dimensionPaths(report), {
        latency: ['work[0].highlights[4]'], // Reduced API latency to 120 ms
        availability: ['work[0].highlights[5]'], // Owned the SLAs for checkout
        observability: ['work[1].highlights[3]'], // the on-call rotation
        // the payments API / the API / microservices / API latency / a booking API
        architecture: [
          'work[0].highlights[0]',
          'work[0].highlights[1]',
          'work[0].highlights[2]',
          'work[0].highlights[4]',
          'work[2].highlights[0]',
        ],
      });
      assert.deepEqual(
        report.missingDimensions.map((d) => d.id),
        ['throughput', 'data-volume', 'database', 'reliability'],
      );
      assert.deepEqual(
        report.missingDimensions.map((d) => d.label),
        ['throughput', 'data volume', 'database performance', 'reliability patterns'],
      );
    });

    it('each bullet reference carries its text and its range in the file', () => {
      for (const dimension of report.dimensions) {
        for (const bullet of dimension.bullets) assert.equal(textAt(WEAK, bullet.range), bullet.text);
      }
      assert.equal(first(report.dimensions.find((d) => d.id === 'latency')?.bullets ?? []).text, 'Reduced API latency to 120 ms');
    });

    it('skills: one `Skills` list sorted into the categories by the stack taxonomy', () => {
      assert.deepEqual(categories(report), {
        Languages: ['Java', 'Python', 'Go', 'Ruby', 'PHP', 'JavaScript', 'C++', 'Rust', 'Kotlin'],
        Data: ['MySQL'],
        Architecture: [],
        Reliability: [],
        Cloud: ['Docker', 'AWS'],
      });
    });

    it('counts by severity and by rule agree with the findings', () => {
      assertCountsMatchFindings(result, report);
      // The example's errors, by hand: two bad dates, an end before its start, a `‹N›` left in, a number for `score`.
      assert.equal(report.counts.error, 5);
      assert.equal(report.rules.find((r) => r.ruleId === 'schema/unknown-key')?.count, 3); // website, company, hilights
      assert.equal(report.rules.find((r) => r.ruleId === 'quantify')?.count, 12);
      assert.equal(report.rules.find((r) => r.ruleId === 'backend-signals')?.count, 2); // database, reliability
    });

    it('no posting, no posting section', () => {
      assert.equal(report.posting, undefined);
    });
  });

  describe('examples/backend.resume.yaml', () => {
    const result = lintText(BACKEND);
    const report = buildReport(result);

    it('bullets: all 10 quantified, roles and the project counted', () => {
      assert.deepEqual(report.bullets, { total: 10, quantified: 10 });
      assert.deepEqual(
        report.roles.map((r) => [r.path, r.title, r.bullets, r.quantified, lineOf(BACKEND, r.range.start)]),
        [
          ['work[0]', 'Fintech Co — Senior Backend Engineer', 5, 5, lineWith(BACKEND, '- name: Fintech Co')],
          ['work[1]', 'Logistics Inc — Backend Engineer', 4, 4, lineWith(BACKEND, '- name: Logistics Inc')],
          ['projects[0]', 'ledger-lite', 1, 1, lineWith(BACKEND, '- name: ledger-lite')],
        ],
      );
      assertRoleFindingsMatch(result, report);
    });

    it('dimensions: all eight shown, each by the bullets that say so', () => {
      assert.deepEqual(dimensionPaths(report), {
        // 4M requests/day; 30k QPS
        throughput: ['work[0].highlights[0]', 'work[1].highlights[2]'],
        // p99 checkout latency; under 50 ms; p95 latency of 40 ms
        latency: ['work[0].highlights[1]', 'work[1].highlights[1]', 'work[1].highlights[2]'],
        // 99.98% availability; SLO alerts
        availability: ['work[0].highlights[0]', 'work[0].highlights[4]'],
        // 3 TB; 1M transactions
        'data-volume': ['work[1].highlights[1]', 'projects[0].highlights[0]'],
        // covering indexes, cache; partitions
        database: ['work[0].highlights[1]', 'work[1].highlights[1]'],
        // idempotent, retries, backoff; Kafka
        reliability: ['work[0].highlights[2]', 'work[0].highlights[3]'],
        // tracing, alerts; on-call
        observability: ['work[0].highlights[4]', 'work[1].highlights[3]'],
        // API; cache; event-driven; monolith; gRPC
        architecture: [
          'work[0].highlights[0]',
          'work[0].highlights[1]',
          'work[0].highlights[3]',
          'work[1].highlights[0]',
          'work[1].highlights[2]',
        ],
      });
      assert.deepEqual(report.missingDimensions, []);
      assert.deepEqual(
        report.dimensions.map((d) => d.id),
        ['throughput', 'latency', 'availability', 'data-volume', 'database', 'reliability', 'observability', 'architecture'],
      );
    });

    it('skills: the five groups, each keyword in its category', () => {
      assert.deepEqual(categories(report), {
        Languages: ['Go', 'Java', 'SQL', 'Python'],
        Data: ['PostgreSQL', 'Redis', 'DynamoDB', 'query optimization'],
        Architecture: ['REST', 'gRPC', 'Kafka', 'SQS', 'caching'],
        Reliability: ['observability', 'OpenTelemetry', 'idempotency', 'load testing', 'CI/CD'],
        Cloud: ['AWS', 'Docker', 'Kubernetes', 'Terraform'],
      });
    });

    it('counts agree with the findings (none on the strong example)', () => {
      assertCountsMatchFindings(result, report);
      assert.equal(report.counts.error, 0);
      assert.equal(report.counts.warning, 0);
    });

    it('is plain data: it survives JSON (what the CLI prints and the server sends)', () => {
      const withPosting = buildReport(lintText(BACKEND, { posting: posting('acme-backend.md') }), posting('acme-backend.md'));
      assert.deepEqual(JSON.parse(JSON.stringify(withPosting)), withPosting);
    });
  });

  describe('with a posting', () => {
    it('backend + acme-backend.md: 20/21 terms, only Prometheus missing', () => {
      const acme = posting('acme-backend.md');
      const result = lintText(BACKEND, { posting: acme });
      const report = buildReport(result, result.posting);
      assert.ok(report.posting);
      assert.equal(report.posting.posting, 'acme-backend.md');
      assert.equal(report.posting.mainLanguage, 'Go');
      assert.deepEqual(report.posting.resumeLanguages, ['Go', 'Java', 'SQL', 'Python']);
      assert.deepEqual({ matched: report.posting.coverage.matched, total: report.posting.coverage.total }, { matched: 20, total: 21 });
      assert.deepEqual(
        report.posting.coverage.byCategory.map((c) => [c.category, c.matched, c.total]),
        [
          ['Languages', 2, 2], // Go, Python
          ['Data', 4, 4], // PostgreSQL, indexing, query optimization, Redis
          ['Architecture', 4, 4], // Kafka, gRPC, REST, message queues
          ['Reliability', 6, 7], // idempotency, on-call, observability, tracing, alerting, CI/CD; not Prometheus
          ['Cloud', 4, 4], // AWS, Terraform, Kubernetes, Docker
        ],
      );
      assert.deepEqual(
        report.posting.terms.filter((t) => t.status === 'missing').map((t) => t.term),
        ['Prometheus'],
      );
      assert.equal(report.posting.terms.length, 21);
      // "message broker" is covered by the brokers the resume names.
      assert.deepEqual(report.posting.terms.find((t) => t.term === 'message queues')?.coveredBy, ['Kafka', 'SQS']);
      // The report's posting is the match the posting rules saw.
      assert.equal(result.findings.filter((f) => f.ruleId === 'posting-missing-term').length, 1);
    });

    it('weak + acme-backend.md: 6/21 terms (Go, PostgreSQL, on-call, AWS, Docker, Python)', () => {
      const acme = posting('acme-backend.md');
      const report = buildReport(lintText(WEAK, { posting: acme }), acme);
      assert.ok(report.posting);
      assert.equal(report.posting.coverage.matched, 6);
      assert.equal(report.posting.coverage.total, 21);
      assert.deepEqual(
        report.posting.terms
          .filter((t) => t.status !== 'missing')
          .map((t) => t.term)
          .sort(),
        ['AWS', 'Docker', 'Go', 'PostgreSQL', 'Python', 'on-call'],
      );
      assert.deepEqual(
        report.posting.coverage.byCategory.map((c) => [c.category, c.matched, c.total]),
        [
          ['Languages', 2, 2],
          ['Data', 1, 4],
          ['Architecture', 0, 4],
          ['Reliability', 1, 7],
          ['Cloud', 2, 4],
        ],
      );
      // PostgreSQL only in a bullet ("migrate the database to PostgreSQL"), never in skills.
      const postgres = report.posting.terms.find((t) => t.term === 'PostgreSQL');
      assert.deepEqual([postgres?.inSkills, postgres?.inBullets], [false, true]);
    });

    it('the coverage sums its categories, for every example posting and both resumes', () => {
      for (const name of fs.readdirSync(path.join(ROOT, 'examples', 'postings'))) {
        for (const text of [WEAK, BACKEND]) {
          const source = posting(name);
          const report = buildReport(lintText(text, { posting: source }), source);
          assert.ok(report.posting, name);
          const { coverage, terms } = report.posting;
          assert.equal(coverage.total, terms.length, name);
          assert.equal(coverage.matched, terms.filter((t) => t.status !== 'missing').length, name);
          assert.equal(
            coverage.byCategory.reduce((n, c) => n + c.total, 0),
            coverage.total,
            name,
          );
          assert.equal(
            coverage.byCategory.reduce((n, c) => n + c.matched, 0),
            coverage.matched,
            name,
          );
          assert.ok(coverage.matched <= coverage.total);
        }
      }
    });

    it('a posting from meta.posting (via loadPosting) is the one reported', () => {
      const text = `meta:\n  posting: ./acme-backend.md\n${BACKEND}`;
      const result = lintText(text, { loadPosting: (ref) => (ref === './acme-backend.md' ? posting('acme-backend.md') : undefined) });
      const report = buildReport(result, result.posting);
      assert.equal(report.posting?.coverage.matched, 20);
    });
  });

  describe('small resumes', () => {
    it('no work, no bullets: nothing quantified, every dimension missing, no categories', () => {
      const report = buildReport(lintText('basics:\n  name: Sam Lee\n'));
      assert.deepEqual(report.bullets, { total: 0, quantified: 0 });
      assert.deepEqual(report.roles, []);
      assert.deepEqual(report.dimensions, []);
      assert.equal(report.missingDimensions.length, 8);
      assert.ok(report.skillCategories.every((c) => c.keywords.length === 0));
    });

    it('a role without highlights is listed with 0/0; a volunteer role takes its organization as title', () => {
      const text = [
        'work:',
        '  - name: Acme',
        '    position: Engineer',
        'volunteer:',
        '  - organization: Code Club',
        '    position: Mentor',
        '    highlights:',
        '      - Taught 30 students SQL over 10 weeks',
        '',
      ].join('\n');
      const report = buildReport(lintText(text));
      assert.deepEqual(
        report.roles.map((r) => [r.path, r.title, r.bullets, r.quantified]),
        [
          ['work[0]', 'Acme — Engineer', 0, 0],
          ['volunteer[0]', 'Code Club — Mentor', 1, 1],
        ],
      );
    });

    it('a skills group named like a category holds keywords the taxonomy does not know', () => {
      const text = 'skills:\n  - name: Reliability\n    keywords: [chaos drills, Kafka]\n';
      const report = buildReport(lintText(text));
      assert.deepEqual(categories(report).Reliability, ['chaos drills']);
      assert.deepEqual(categories(report).Architecture, ['Kafka']);
    });

    it('quantifying a bullet raises the count', () => {
      const before = buildReport(lintText(workResume(['Improved the checkout API'])));
      const after = buildReport(lintText(workResume(['Cut checkout API p99 latency from 900 ms to 200 ms'])));
      assert.deepEqual([before.bullets.quantified, after.bullets.quantified], [0, 1]);
    });

    // Bug: `isQuantified` (server/src/engine/report.ts) skips template slots
    // but counts the percentile *name* in a template's wording ("Cut p99
    // latency of ‹endpoint› from ‹before› ms…", "…‹N› ms p95 latency") as a
    // metric, so an unfilled template reads as quantified: the unfilled
    // skeleton reports 2/6, and filling the latency bullet in changes nothing
    // in the status bar or the CodeLens.
    it('a template left unfilled is not quantified, even where its wording names a percentile', () => {
      const skeleton = first(snippetsFor('document'));
      const report = buildReport(lintText(snippetToPlainText(skeleton.body)));
      assert.equal(report.bullets.total, 6);
      assert.equal(report.bullets.quantified, 0, 'unfilled template bullets counted as quantified');
      const latency = snippetToPlainText(snippetsFor('highlights').find((s) => s.prefix[0] === 'latency')?.body ?? '');
      const bullet = lintText(workResume([latency])).model.bullets.find((b) => b.kind === 'highlight');
      assert.ok(bullet);
      assert.equal(isQuantified(bullet), false, latency);
    });
  });

  describe('bar', () => {
    it('ten cells, rounded, empty for nothing to show', () => {
      assert.equal(bar(0, 0), '░'.repeat(10));
      assert.equal(bar(5, 10), '█████░░░░░');
      assert.equal(bar(20, 21), '██████████');
      assert.equal(bar(1, 6), '██░░░░░░░░');
      assert.equal(bar(3, 3), '██████████');
    });
  });
});
