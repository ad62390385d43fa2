/**
 * `bulletproof --posting job.md resume.yaml`, and the posting a resume names
 * in `meta.posting`: the built CLI (`dist/cli.js`) prints the findings, then
 * "posting match N/M terms" with a bar per skills category; `meta.posting`
 * is read relative to the resume and never outside the repository; a
 * posting that cannot be read is a `posting-file` warning on the resume,
 * while a `--posting` file that cannot be read is a usage error.
 *
 * The file-system cases run in a temporary folder laid out as a repository:
 *
 *   <tmp>/outside.md              a posting outside the repository
 *   <tmp>/repo/.git/              marks the repository root
 *   <tmp>/repo/.bulletproof.yaml  `posting: job.md` (relative to the root)
 *   <tmp>/repo/job.md             the root posting: a decoy for `./job.md`
 *   <tmp>/repo/cv/2026/…          the resumes, and the posting beside them
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import { postingSource } from '../../server/src/engine/posting';

/** The repository root: the nearest folder above the compiled test with a `package.json`. */
const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SMALL = 'test/fixtures/report/small.resume.yaml';
const JOB = 'test/fixtures/report/job.md';
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI asynchronously, so the runs of a suite overlap. */
function start(args: string[], cwd = ROOT, timeoutMs = 30_000): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** One `path:line:col severity code message` line of the text output. */
interface Line {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

function findingLines(stdout: string): Line[] {
  return [...stdout.matchAll(/^(.+?):(\d+):(\d+) (error|warning|info|hint) (\S+) (.*)$/gm)].map(
    ([, file = '', line, column, severity = '', code = '', message = '']) => ({
      file,
      line: Number(line),
      column: Number(column),
      severity,
      code,
      message,
    }),
  );
}

/** The lines the engine's findings should print as, for a file read from `file` and named `name`. */
function expectedLines(name: string, text: string, postingFile: string): string[] {
  const posting = postingSource(postingFile, read(postingFile));
  return lint(text, { posting }).findings.map((finding) => {
    const before = text.slice(0, finding.range.start);
    const line = before.split('\n').length;
    const column = finding.range.start - (before.lastIndexOf('\n') + 1) + 1;
    return `${name}:${line}:${column} ${finding.severity} ${finding.ruleId} ${finding.message}`;
  });
}

/** The coverage block for one file: the label line, then a bar per category. */
function coverageBlock(stdout: string, file: string): string[] | undefined {
  const lines = stdout.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${file}: posting match `));
  if (at === -1) return undefined;
  const block = [lines[at] ?? ''];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('  ')) break;
    block.push(line);
  }
  return block;
}

/** The CLI runs the suite starts together in `before`. */
type Job = 'flag' | 'examples' | 'missingFlag' | 'repo' | 'flagWins';

const SMALL_COVERAGE = [
  `${SMALL}: posting match 6/10 terms (${JOB})`,
  '  ██████████ Languages 1/1', // Go
  '  █████░░░░░ Data 1/2', // PostgreSQL; not query tuning
  '  ░░░░░░░░░░ Architecture 0/1', // not Kafka
  '  ███████░░░ Reliability 2/3', // observability, alerts; not tracing
  '  ███████░░░ Cloud 2/3', // AWS, Docker; not Kubernetes
];

describe('CLI --posting and meta.posting', function () {
  this.timeout(60_000);

  let tmp = '';
  const canLink = process.platform !== 'win32';
  /** Resume text with `meta.posting` (when given) on its second line. */
  const resume = (posting?: string) => (posting === undefined ? '' : `meta:\n  posting: ${posting}\n`) + read(SMALL);
  const cv = (name: string) => path.join('cv', '2026', name);

  // Filled in `before`, which every test waits for.
  const runs = {} as Record<Job, Run>;

  before(async () => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-posting-'));
    const repo = path.join(tmp, 'repo');
    const cvDir = path.join(repo, 'cv', '2026');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(cvDir, { recursive: true });
    // Outside the repository: a posting with terms the resume lacks, so reading it would show.
    fs.writeFileSync(path.join(tmp, 'outside.md'), '# Platform Engineer\n\n- Kafka, Kubernetes and Terraform on GCP\n');
    // The root posting (named by the setting) differs from the one beside the resumes.
    fs.writeFileSync(path.join(repo, 'job.md'), '# Python Developer\n\n- Python and MySQL\n- RabbitMQ\n');
    fs.writeFileSync(path.join(repo, '.bulletproof.yaml'), 'posting: job.md\n');
    fs.writeFileSync(path.join(cvDir, 'job.md'), read(JOB));
    fs.writeFileSync(path.join(cvDir, 'relative.resume.yaml'), resume('./job.md'));
    fs.writeFileSync(path.join(cvDir, 'escape.resume.yaml'), resume('../../../outside.md'));
    fs.writeFileSync(path.join(cvDir, 'missing.resume.yaml'), resume('./nope.md'));
    fs.writeFileSync(path.join(cvDir, 'url.resume.yaml'), resume('https://example.com/job.md'));
    fs.writeFileSync(path.join(cvDir, 'setting.resume.yaml'), resume());
    if (canLink) {
      fs.symlinkSync(path.join(tmp, 'outside.md'), path.join(cvDir, 'link.md'));
      fs.writeFileSync(path.join(cvDir, 'link.resume.yaml'), resume('./link.md'));
    }

    const inRepo = ['relative', 'escape', 'missing', 'url', 'setting', ...(canLink ? ['link'] : [])].map((n) => cv(`${n}.resume.yaml`));
    const jobs: [Job, Promise<Run>][] = [
      ['flag', start(['--posting', JOB, SMALL])],
      ['examples', start(['--posting', 'examples/postings/acme-backend.md', 'examples/backend.resume.yaml', 'examples/weak.resume.yaml'])],
      ['missingFlag', start(['--posting', 'missing.md', SMALL])],
      ['repo', start(inRepo, repo)],
      // The flag names the root posting; the resume names ./job.md: the flag wins.
      ['flagWins', start(['--posting', 'job.md', cv('relative.resume.yaml')], repo)],
    ];
    await Promise.all(jobs.map(async ([name, run]) => (runs[name] = await run)));
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('--posting FILE', () => {
    it('prints the findings, the summary, then "posting match N/M terms" with a bar per category', () => {
      const run = runs.flag;
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      const lines = run.stdout.trimEnd().split('\n');
      const findings = expectedLines(SMALL, read(SMALL), JOB);
      assert.deepEqual(lines.slice(0, findings.length), findings, 'the findings, posting ones included, come first');
      assert.ok(findings.some((line) => line.includes(' posting-missing-term ')));
      assert.match(lines[findings.length] ?? '', /^⚠ 11 problems \(4 warnings, 7 info\) in 1 file$/);
      assert.deepEqual(lines.slice(findings.length + 1), SMALL_COVERAGE);
    });

    it('several resumes: a coverage block each, after all the findings (backend 20/21, weak 6/21)', () => {
      const run = runs.examples;
      assert.equal(run.status, 1, 'the weak example has errors');
      const backend = coverageBlock(run.stdout, 'examples/backend.resume.yaml');
      const weak = coverageBlock(run.stdout, 'examples/weak.resume.yaml');
      assert.deepEqual(backend, [
        'examples/backend.resume.yaml: posting match 20/21 terms (examples/postings/acme-backend.md)',
        '  ██████████ Languages 2/2',
        '  ██████████ Data 4/4',
        '  ██████████ Architecture 4/4',
        '  █████████░ Reliability 6/7', // no Prometheus
        '  ██████████ Cloud 4/4',
      ]);
      assert.deepEqual(weak, [
        'examples/weak.resume.yaml: posting match 6/21 terms (examples/postings/acme-backend.md)',
        '  ██████████ Languages 2/2',
        '  ███░░░░░░░ Data 1/4',
        '  ░░░░░░░░░░ Architecture 0/4',
        '  █░░░░░░░░░ Reliability 1/7', // on-call
        '  █████░░░░░ Cloud 2/4',
      ]);
      const summaryAt = run.stdout.search(/^✖ /m);
      assert.ok(summaryAt !== -1 && summaryAt < run.stdout.indexOf('posting match'));
    });

    it('a --posting file that cannot be read is a usage error: exit 2, nothing linted', () => {
      const run = runs.missingFlag;
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^bulletproof: cannot read the posting missing\.md: it does not exist \(ENOENT\)\.$/m);
      assert.match(run.stderr, /Run bulletproof --help for usage\./);
    });

    it('the flag wins over the resume’s meta.posting', () => {
      const run = runs.flagWins;
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^cv\/2026\/relative\.resume\.yaml: posting match 0\/\d+ terms \(job\.md\)$/m);
      assert.doesNotMatch(run.stdout, /\(\.\/job\.md\)/);
    });
  });

  describe('meta.posting', () => {
    const linesOf = (file: string) => findingLines(runs.repo.stdout).filter((line) => line.file === cv(file));

    it('is resolved relative to the resume, not the working directory (which holds a different job.md)', () => {
      assert.deepEqual(coverageBlock(runs.repo.stdout, cv('relative.resume.yaml')), [
        `${SMALL_COVERAGE[0]}`.replace(SMALL, cv('relative.resume.yaml')).replace(JOB, './job.md'),
        ...SMALL_COVERAGE.slice(1),
      ]);
      assert.equal(linesOf('relative.resume.yaml').filter((l) => l.code === 'posting-file').length, 0);
      assert.equal(linesOf('relative.resume.yaml').filter((l) => l.code === 'posting-missing-term').length, 4);
    });

    it('wins over the `posting` setting, which is used, relative to the repository root, when a resume names none', () => {
      assert.match(runs.repo.stdout, /^cv\/2026\/setting\.resume\.yaml: posting match 0\/\d+ terms \(job\.md\)$/m);
    });

    it('escaping the repository (`../../../outside.md`) is a posting-file warning on the value, and the file is not read', () => {
      const lines = linesOf('escape.resume.yaml');
      const [warning] = lines.filter((l) => l.code === 'posting-file');
      assert.ok(warning, runs.repo.stdout);
      assert.deepEqual(
        { line: warning.line, column: warning.column, severity: warning.severity, message: warning.message },
        {
          line: 2,
          column: 12,
          severity: 'warning',
          message: 'The posting `../../../outside.md` is outside the workspace, so it is not read.',
        },
      );
      // Nothing from the outside posting (Kafka, Kubernetes, Terraform, GCP) reached the rules or the coverage.
      assert.deepEqual(
        lines.filter((l) => l.code.startsWith('posting-') && l.code !== 'posting-file'),
        [],
      );
      assert.equal(coverageBlock(runs.repo.stdout, cv('escape.resume.yaml')), undefined);
    });

    it('a symlink beside the resume that points outside the repository is refused too', function () {
      if (!canLink) this.skip();
      const lines = linesOf('link.resume.yaml');
      assert.deepEqual(
        lines.filter((l) => l.code.startsWith('posting-')).map((l) => [l.code, l.message]),
        [['posting-file', 'The posting `./link.md` is outside the workspace, so it is not read.']],
      );
      assert.equal(coverageBlock(runs.repo.stdout, cv('link.resume.yaml')), undefined);
    });

    it('a missing posting file is a posting-file warning', () => {
      const lines = linesOf('missing.resume.yaml').filter((l) => l.code.startsWith('posting-'));
      assert.deepEqual(
        lines.map((l) => [l.code, l.severity, l.line, l.column, l.message]),
        [['posting-file', 'warning', 2, 12, 'The posting `./nope.md` was not found.']],
      );
      assert.equal(coverageBlock(runs.repo.stdout, cv('missing.resume.yaml')), undefined);
    });

    it('a URL is never fetched: a posting-file warning', () => {
      const lines = linesOf('url.resume.yaml').filter((l) => l.code.startsWith('posting-'));
      assert.deepEqual(
        lines.map((l) => l.code),
        ['posting-file'],
      );
      assert.match(lines[0]?.message ?? '', /is not a local file/);
    });

    it('posting-file is a warning on the value of meta.posting: the run still exits 0', () => {
      assert.equal(runs.repo.status, 0);
      assert.equal(runs.repo.stderr, '');
      const postingFile = findingLines(runs.repo.stdout).filter((l) => l.code === 'posting-file');
      const expected = ['escape', 'missing', 'url', ...(canLink ? ['link'] : [])].map((n) => cv(`${n}.resume.yaml`)).sort();
      assert.deepEqual(postingFile.map((l) => l.file).sort(), expected);
      assert.ok(postingFile.every((l) => l.line === 2 && l.column === 12 && l.severity === 'warning'));
    });
  });
});
