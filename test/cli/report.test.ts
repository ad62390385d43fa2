/**
 * `bulletproof --report`: the built CLI (`dist/cli.js`) prints the resume
 * report as Markdown, pinned against a checked-in file so the format cannot
 * drift unnoticed, or as JSON data with `--format json`; plain
 * `--format json` stays the findings array.
 *
 * The fixture resume (`test/fixtures/report/small.resume.yaml`) has two
 * roles and a project, 4 of 6 bullets quantified, two weak openings, and
 * dates in the past, so its report does not change with the calendar. To
 * update the expected Markdown after a deliberate format change:
 *   node dist/cli.js --report test/fixtures/report/small.resume.yaml > test/fixtures/report/small.md
 *   node dist/cli.js --report --posting test/fixtures/report/job.md test/fixtures/report/small.resume.yaml > test/fixtures/report/small.posting.md
 * and read the diff.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import { postingSource } from '../../server/src/engine/posting';
import { buildReport, type ResumeReport } from '../../server/src/engine/report';
import type { JsonFinding } from '../../cli/src/format';

/** The repository root: the nearest folder above the compiled test with a `package.json`. */
const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/report';
const SMALL = `${FIXTURES}/small.resume.yaml`;
const JOB = `${FIXTURES}/job.md`;
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI from the repository root, asynchronously. */
function start(args: string[]): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The runs these tests make, started together: each spawn costs a few hundred ms. */
const RUNS = {
  markdown: ['--report', SMALL],
  markdownPosting: ['--report', '--posting', JOB, SMALL],
  json: ['--report', '--format', 'json', SMALL, 'examples/weak.resume.yaml'],
  jsonPosting: ['--report', '--format', 'json', '--posting', JOB, SMALL],
  findings: ['--format', 'json', SMALL],
  findingsPosting: ['--format', 'json', '--posting', JOB, SMALL],
};
const done = new Map<keyof typeof RUNS, Run>();
const cli = (name: keyof typeof RUNS): Run => {
  const run = done.get(name);
  assert.ok(run, `${name} did not run`);
  return run;
};

function parse<T>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    assert.fail(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** What the engine reports for a file, as JSON would carry it (the CLI's run uses today's date, and so does this). */
function engineReport(file: string, postingFile?: string): ResumeReport {
  const posting = postingFile ? postingSource(postingFile, read(postingFile)) : undefined;
  const result = lint(read(file), { posting });
  return JSON.parse(JSON.stringify(buildReport(result, result.posting))) as ResumeReport;
}

describe('CLI --report', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    const names = Object.keys(RUNS) as (keyof typeof RUNS)[];
    await Promise.all(names.map(async (name) => done.set(name, await start(RUNS[name]))));
  });

  describe('Markdown', () => {
    it('prints the report equal to test/fixtures/report/small.md; exit 0 (warnings only)', () => {
      const run = cli('markdown');
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, read(`${FIXTURES}/small.md`));
      assert.equal(run.status, 0);
    });

    it('with --posting, adds the posting match, equal to test/fixtures/report/small.posting.md', () => {
      const run = cli('markdownPosting');
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, read(`${FIXTURES}/small.posting.md`));
      assert.equal(run.status, 0);
    });

    it('the expected file says what the fixture holds (checked by hand, so the pinned file is right, not just stable)', () => {
      const md = read(`${FIXTURES}/small.md`);
      // 6 highlights; the two without a figure are "Responsible for…" and "Helped move…".
      assert.match(md, /^\*\*4\/6 bullets quantified\*\* · 4 warnings, 1 info$/m);
      assert.match(
        md,
        /^- ███████░░░ 2\/3 — Parcelpoint — Backend Engineer \(test\/fixtures\/report\/small\.resume\.yaml:10\) · 1 weak opening$/m,
      );
      assert.match(
        md,
        /^- █████░░░░░ 1\/2 — Northwind — Junior Developer \(test\/fixtures\/report\/small\.resume\.yaml:17\) · 1 weak opening$/m,
      );
      assert.match(md, /^- ██████████ 1\/1 — tinyqueue \(test\/fixtures\/report\/small\.resume\.yaml:26\)$/m);
      assert.match(md, /^- ✗ \*\*database performance\*\*: no bullet shows it$/m);
      assert.match(md, /^- ✗ Architecture: none listed$/m);
      assert.match(md, /^- 2 × `weak-opening` \(warning\)$/m);
      const posting = read(`${FIXTURES}/small.posting.md`);
      // Go; PostgreSQL, query tuning; Kafka; observability, alerts, tracing; AWS, Docker, Kubernetes.
      assert.match(posting, /^## Posting match: 6\/10 terms \(test\/fixtures\/report\/job\.md\)$/m);
      assert.match(posting, /^Missing: Kafka, Kubernetes, query optimization, tracing$/m);
    });

    it('every `file:line` in the report points at the role or bullet it names', () => {
      const lines = read(SMALL).split('\n');
      const md = read(`${FIXTURES}/small.md`);
      const links = [...md.matchAll(/small\.resume\.yaml:(\d+)\)?(?: (.+))?$/gm)];
      assert.ok(links.length >= 9, `only ${links.length} links`);
      for (const [whole, line, after] of links) {
        const target = lines[Number(line) - 1];
        assert.ok(target !== undefined, whole);
        if (whole.includes(')'))
          assert.match(target, /^ {2}- name: /, whole); // a role: its first line
        else assert.equal(target.replace(/^\s*- /, ''), after, whole); // a bullet: its text
      }
    });
  });

  describe('JSON (--report --format json)', () => {
    it('carries the report as data: [{file, report}], equal to the engine’s', () => {
      const run = cli('json');
      const out = parse<[{ file: string; report: ResumeReport }]>(run);
      assert.equal(out[0].file, SMALL);
      assert.deepEqual(out[0].report, engineReport(SMALL));
    });

    it('the numbers, by hand', () => {
      const [{ report }] = parse<[{ report: ResumeReport }]>(cli('json'));
      assert.deepEqual(report.bullets, { total: 6, quantified: 4 });
      assert.deepEqual(
        report.roles.map((r) => [r.path, r.title, r.quantified, r.bullets, r.findings['weak-opening'] ?? 0]),
        [
          ['work[0]', 'Parcelpoint — Backend Engineer', 2, 3, 1],
          ['work[1]', 'Northwind — Junior Developer', 1, 2, 1],
          ['projects[0]', 'tinyqueue', 1, 1, 0],
        ],
      );
      assert.deepEqual(Object.fromEntries(report.dimensions.map((d) => [d.id, d.bullets.map((b) => b.path)])), {
        throughput: ['work[0].highlights[0]', 'projects[0].highlights[0]'], // 2M requests/day; 5k jobs/minute
        latency: ['work[0].highlights[0]'], // p99 … 80 ms
        reliability: ['work[0].highlights[1]', 'projects[0].highlights[0]'], // retries with backoff; a job queue
        observability: ['work[1].highlights[1]'], // dashboards and alerts
        architecture: ['work[0].highlights[0]'], // API
      });
      assert.deepEqual(
        report.missingDimensions.map((d) => d.id),
        ['availability', 'data-volume', 'database'],
      );
      assert.deepEqual(
        report.skillCategories.map((c) => [c.category, c.keywords]),
        [
          ['Languages', ['Go', 'SQL']],
          ['Data', ['PostgreSQL', 'Redis']],
          ['Architecture', []],
          ['Reliability', []],
          ['Cloud', ['Docker', 'AWS']],
        ],
      );
      assert.deepEqual(report.counts, { error: 0, warning: 4, info: 1, hint: 0 });
      assert.deepEqual(
        report.rules.map((r) => [r.ruleId, r.count, r.severity]),
        [
          ['quantify', 2, 'warning'],
          ['weak-opening', 2, 'warning'],
          ['backend-signals', 1, 'info'],
        ],
      );
      assert.equal(report.posting, undefined);
    });

    it('with --posting, carries the posting match as data', () => {
      const [{ report }] = parse<[{ report: ResumeReport }]>(cli('jsonPosting'));
      assert.deepEqual(report, engineReport(SMALL, JOB));
      assert.ok(report.posting);
      assert.equal(report.posting.posting, JOB);
      assert.equal(report.posting.mainLanguage, 'Go');
      assert.deepEqual([report.posting.coverage.matched, report.posting.coverage.total], [6, 10]);
      assert.deepEqual(report.posting.terms.map((t) => [t.term, t.status]).sort(), [
        ['AWS', 'found'],
        ['Docker', 'found'],
        ['Go', 'found'],
        ['Kafka', 'missing'],
        ['Kubernetes', 'missing'],
        ['PostgreSQL', 'found'],
        ['alerting', 'found'],
        ['observability', 'found'],
        ['query optimization', 'missing'],
        ['tracing', 'missing'],
      ]);
      // Listed in skills, never shown in a bullet: what posting-skill-not-shown reports.
      assert.deepEqual(
        report.posting.listedNotShown.filter((l) => ['Docker', 'AWS'].includes(l.term)).map((l) => l.path),
        ['skills[2].keywords[0]', 'skills[2].keywords[1]'],
      );
    });

    it('several files: one entry each, in the order given; exit 1 when a file has errors', () => {
      const run = cli('json');
      const out = parse<[{ file: string; report: ResumeReport }, { file: string; report: ResumeReport }]>(run);
      assert.deepEqual(
        out.map((o) => o.file),
        [SMALL, 'examples/weak.resume.yaml'],
      );
      assert.deepEqual(out[1].report, engineReport('examples/weak.resume.yaml'));
      assert.deepEqual(out[1].report.bullets, { total: 14, quantified: 1 });
      assert.equal(out[1].report.counts.error, 5);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
    });
  });

  describe('plain --format json stays the findings array', () => {
    const KEYS = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity'];

    it('without --report: findings only, no report fields', () => {
      const findings = parse<JsonFinding[]>(cli('findings'));
      assert.ok(Array.isArray(findings));
      assert.deepEqual(
        findings.map((f) => f.code),
        ['backend-signals', 'weak-opening', 'quantify', 'weak-opening', 'quantify'],
      );
      for (const finding of findings) assert.deepEqual(Object.keys(finding).sort(), KEYS);
      assert.deepEqual(
        findings.map((f) => `${f.line}:${f.column}`),
        ['9:1', '16:9', '16:9', '22:9', '22:9'],
      );
    });

    it('with --posting too: the posting findings join the array, and no coverage line is printed', () => {
      const run = cli('findingsPosting');
      const findings = parse<JsonFinding[]>(run);
      for (const finding of findings) assert.deepEqual(Object.keys(finding).sort(), KEYS);
      assert.equal(findings.filter((f) => f.code === 'posting-missing-term').length, 4);
      assert.doesNotMatch(run.stdout, /posting match/);
    });
  });
});
