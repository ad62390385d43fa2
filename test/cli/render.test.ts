/**
 * `bulletproof render` and `bulletproof --render-checks` through the built
 * CLI: what is written where, what is said, what is refused, and the exit
 * codes (0 written, 1 nothing to print, 2 a file or flag problem).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonFinding } from '../../cli/src/format';
import { assertExit, BACKEND, cli, giveAway, put, tempDir } from './run';

const backend = () => fs.readFileSync(BACKEND, 'utf8');

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/** A resume of twelve jobs with six long bullets each: three pages or more. */
function longResume(): string {
  const verbs = ['Cut', 'Reduced', 'Lowered', 'Brought', 'Drove', 'Took'];
  const bullet = (job: number, n: number) =>
    `      - ${verbs[n - 1]} the p99 latency of service ${job}-${n} from 900 ms to 120 ms by moving its hot path off a ` +
    `shared lock and batching writes to Postgres (40k requests per second)`;
  const jobs = Array.from({ length: 12 }, (_, job) =>
    [
      `  - name: Company ${job + 1}`,
      `    position: Backend Engineer`,
      `    startDate: "${2000 + job * 2}-01"`,
      `    endDate: "${2001 + job * 2}-12"`,
      `    highlights:`,
      ...Array.from({ length: 6 }, (_, n) => bullet(job + 1, n + 1)),
    ].join('\n'),
  );
  return ['basics:', '  name: Pat Long', '  email: pat@example.com', 'work:', ...jobs, ''].join('\n');
}

describe('CLI: render', function () {
  this.timeout(120_000);
  let dir: string;
  let case_ = 0;
  /** A fresh folder per test, with the backend example as resume.yaml. */
  const folder = (): string => {
    const here = path.join(dir, `case${++case_}`);
    put(here, 'resume.yaml', backend());
    return here;
  };

  before(() => {
    dir = tempDir('bulletproof-render-');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('usage (no page needed)', () => {
    it('--help names the command, its flags and its exit codes', () => {
      const run = cli(['render', '--help'], dir);
      assertExit(run, 0, 'render --help');
      assert.match(run.stdout, /^Usage: bulletproof render <file> \[-o <out>\] \[--theme <classic\|compact>\] \[--paper <us-letter\|a4>\]/);
      for (const flag of ['--format <pdf|svg|typst>', '--force', '--quiet', '-o, --output <f>', 'Exit codes: 0 written']) {
        assert.ok(run.stdout.includes(flag), `help mentions ${flag}`);
      }
      assert.equal(run.stderr, '');
    });

    it('the main help names render and --render-checks', () => {
      const run = cli(['--help'], dir);
      assertExit(run, 0, '--help');
      assert.match(run.stdout, /^ {7}bulletproof render <file> \[-o <out>\]/m);
      assert.match(run.stdout, /^ {2}--render-checks {8}Also typeset each resume/m);
    });

    it('no file, two files, or a bad flag value: one line and a pointer to --help, exit 2', () => {
      const here = folder();
      const cases: [string[], string][] = [
        [['render'], 'render needs a file.'],
        [['render', 'resume.yaml', 'other.yaml'], 'render takes one file at a time.'],
        [['render', '--format', 'docx', 'resume.yaml'], '--format must be pdf, svg or typst, not docx.'],
        [['render', '--theme', 'fancy', 'resume.yaml'], '--theme must be classic or compact, not fancy.'],
        [['render', '--paper', 'legal', 'resume.yaml'], '--paper must be us-letter or a4, not legal.'],
        [['render', '-o', '', 'resume.yaml'], '-o needs a file name, or - for stdout.'],
      ];
      for (const [args, message] of cases) {
        const run = cli(args, here);
        assertExit(run, 2, args.join(' '));
        assert.equal(run.stderr, `bulletproof: ${message}\nRun bulletproof render --help for usage.\n`, args.join(' '));
        assert.equal(run.stdout, '');
      }
      const unknown = cli(['render', '--colour', 'resume.yaml'], here);
      assertExit(unknown, 2, 'unknown option');
      assert.match(unknown.stderr, /^bulletproof: Unknown option '--colour'.*\nRun bulletproof render --help for usage\.\n$/s);
      assert.deepEqual(fs.readdirSync(here), ['resume.yaml'], 'nothing written');
    });

    it('an input that cannot be read: one line, exit 2, nothing written', () => {
      const here = folder();
      put(here, 'binary.yaml', Buffer.from([0x62, 0x61, 0x00, 0xff]));
      fs.mkdirSync(path.join(here, 'folder.yaml'));
      const cases: [string, string][] = [
        ['missing.yaml', 'cannot read missing.yaml: it does not exist (ENOENT).'],
        ['folder.yaml', 'cannot read folder.yaml: it is a folder, not a file (EISDIR).'],
        ['binary.yaml', 'cannot render binary.yaml: it is not UTF-8 text.'],
      ];
      for (const [file, message] of cases) {
        const run = cli(['render', file], here);
        assertExit(run, 2, file);
        assert.equal(run.stderr, `bulletproof: ${message}\n`);
        assert.equal(run.stdout, '');
      }
      assert.deepEqual(fs.readdirSync(here).sort(), ['binary.yaml', 'folder.yaml', 'resume.yaml']);
    });

    it('refuses to replace a file that is not of the format written, before rendering', () => {
      const here = folder();
      const cases: [string, string, string, string][] = [
        ['pdf', 'resume.pdf', 'my notes, not a PDF\n', 'a PDF'],
        ['svg', 'page.svg', '%PDF-1.7\n', 'an SVG file'],
        // A YAML comment is not Typst code.
        ['typst', 'markup.typ', '# my resume\nbasics: {}\n', 'a Typst file'],
      ];
      for (const [format, name, content, kind] of cases) {
        const file = put(here, name, content);
        const run = cli(['render', '--format', format, '-o', name, 'resume.yaml'], here);
        assertExit(run, 2, `not ${kind}`);
        assert.equal(
          run.stderr,
          `bulletproof: ${name} exists and is not ${kind}; use --force to replace it, or -o to name another file.\n`,
        );
        assert.equal(fs.readFileSync(file, 'utf8'), content);
      }
      const beside = cli(['render', 'resume.yaml'], here);
      assertExit(beside, 2, 'the default output is not a PDF');
      assert.match(beside.stderr, /^bulletproof: resume\.pdf exists and is not a PDF;/);
    });

    it('never replaces the resume itself, even with --force', () => {
      const here = folder();
      for (const args of [
        ['render', '-o', 'resume.yaml', 'resume.yaml'],
        ['render', '--force', '--format', 'typst', '-o', './resume.yaml', 'resume.yaml'],
      ]) {
        const run = cli(args, here);
        assertExit(run, 2, args.join(' '));
        assert.equal(run.stderr, 'bulletproof: resume.yaml is the resume being rendered; name another file with -o.\n');
      }
      assert.equal(fs.readFileSync(path.join(here, 'resume.yaml'), 'utf8'), backend());
    });

    it('an output in a folder that does not exist: one line, exit 2', () => {
      const here = folder();
      const run = cli(['render', '-o', 'nowhere/resume.pdf', 'resume.yaml'], here);
      assertExit(run, 2, 'missing folder');
      assert.equal(run.stderr, 'bulletproof: cannot write nowhere/resume.pdf: its folder does not exist (ENOENT); nothing was written.\n');
      assert.deepEqual(fs.readdirSync(here), ['resume.yaml']);
    });
  });

  describe('with the compiler', () => {
    it('writes the PDF beside the input, named after it, and says so: exit 0', () => {
      const here = folder();
      const run = cli(['render', 'resume.yaml'], here);
      assertExit(run, 0, 'render');
      const pdf = fs.readFileSync(path.join(here, 'resume.pdf'));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1, 'the PDF has pages');
      assert.ok(run.stdout.endsWith(`Wrote resume.pdf (${pages} page${pages === 1 ? '' : 's'})\n`), run.stdout);
      assert.equal(run.stderr, '');
      assert.deepEqual(fs.readdirSync(here).sort(), ['resume.pdf', 'resume.yaml'], 'no temporary file left');
    });

    it('-o names the output; a PDF there is replaced without --force', () => {
      const here = folder();
      fs.mkdirSync(path.join(here, 'out'));
      put(here, 'out/cv.pdf', '%PDF-1.7\nan older render\n');
      const run = cli(['render', '-o', 'out/cv.pdf', '--theme', 'compact', '--paper', 'a4', 'resume.yaml'], here);
      assertExit(run, 0, 'render -o');
      const pdf = fs.readFileSync(path.join(here, 'out', 'cv.pdf'));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(!pdf.toString('latin1').includes('an older render'));
      assert.match(run.stdout, /^Wrote out\/cv\.pdf \(\d+ pages?\)$/m);
      assert.deepEqual(fs.readdirSync(path.join(here, 'out')), ['cv.pdf']);
    });

    it('--force replaces a file that is not a PDF', () => {
      const here = folder();
      put(here, 'resume.pdf', 'my notes\n');
      const run = cli(['render', '--force', 'resume.yaml'], here);
      assertExit(run, 0, 'render --force');
      assert.equal(fs.readFileSync(path.join(here, 'resume.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
    });

    it('--format typst writes the markup (.typ) with the resume in it; a second run replaces it', () => {
      const here = folder();
      const run = cli(['render', '--format', 'typst', 'resume.yaml'], here);
      assertExit(run, 0, 'render --format typst');
      const markup = fs.readFileSync(path.join(here, 'resume.typ'), 'utf8');
      assert.ok(!markup.startsWith('%PDF-'));
      assert.ok(markup.includes('Alex Rivera'), 'the name is in the markup');
      assert.match(markup, /#(set|let|show|import)\b/, 'Typst code');
      assert.match(run.stdout, /^Wrote resume\.typ( \(\d+ pages?\))?$/m);
      const again = cli(['render', '--format', 'typst', 'resume.yaml'], here);
      assertExit(again, 0, 'second typst render');
      assert.equal(fs.readFileSync(path.join(here, 'resume.typ'), 'utf8'), markup, 'the same markup again');
    });

    it('--format svg writes the pages as SVG', () => {
      const here = folder();
      const run = cli(['render', '--format', 'svg', 'resume.yaml'], here);
      assertExit(run, 0, 'render --format svg');
      const svg = fs.readFileSync(path.join(here, 'resume.svg'), 'utf8');
      assert.match(svg, /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/);
      assert.match(run.stdout, /^Wrote resume\.svg \(\d+ pages?\)$/m);
    });

    it('-o - writes the PDF to stdout and nothing beside the input', () => {
      const here = folder();
      const run = cli(['render', '-o', '-', 'resume.yaml'], here);
      assertExit(run, 0, 'render -o -');
      assert.ok(run.stdout.startsWith('%PDF-'), 'the PDF on stdout');
      assert.ok(!run.stderr.includes('Wrote'), run.stderr);
      assert.deepEqual(fs.readdirSync(here), ['resume.yaml']);
    });

    it('a resume with errors that leave nothing to print: its findings, one line, exit 1, nothing written', () => {
      const here = folder();
      put(here, 'broken.resume.yaml', 'basics:\n  name: [Sam\n  email: sam@example.com\n');
      const run = cli(['render', 'broken.resume.yaml'], here);
      assertExit(run, 1, 'unrenderable');
      assert.match(run.stdout, /^broken\.resume\.yaml:\d+:\d+ error \S+ /m, 'the errors, as the checks print them');
      assert.match(run.stderr, /^bulletproof: cannot render broken\.resume\.yaml: [^\n]+; nothing was written\.\n$/);
      assert.ok(!/\n\s+at /.test(run.stderr), 'no stack trace');
      assert.deepEqual(fs.readdirSync(here).sort(), ['broken.resume.yaml', 'resume.yaml']);
    });

    it('an output folder that cannot be written: one line, exit 2, no partial or temporary file', () => {
      const here = folder();
      const locked = path.join(here, 'locked');
      fs.mkdirSync(locked);
      put(here, 'locked/resume.pdf', '%PDF-1.7\nthe old page\n');
      giveAway(locked);
      giveAway(path.join(locked, 'resume.pdf'));
      fs.chmodSync(locked, 0o555);
      try {
        const run = cli(['render', '-o', 'locked/resume.pdf', 'resume.yaml'], here, { asNobody: true });
        assertExit(run, 2, 'read-only folder');
        assert.equal(run.stderr, 'bulletproof: cannot write locked/resume.pdf: the folder is read-only (EACCES); nothing was written.\n');
        assert.deepEqual(fs.readdirSync(locked), ['resume.pdf'], 'no temporary file left');
        assert.equal(fs.readFileSync(path.join(locked, 'resume.pdf'), 'utf8'), '%PDF-1.7\nthe old page\n', 'the old file whole');
      } finally {
        fs.chmodSync(locked, 0o755);
      }
    });

    it('a long resume: the page-count finding as the checks print it, the pages written, exit 0; --quiet says nothing', () => {
      const here = folder();
      put(here, 'long.resume.yaml', longResume());
      const run = cli(['render', 'long.resume.yaml'], here);
      assertExit(run, 0, 'render long');
      assert.match(run.stdout, /^long\.resume\.yaml:\d+:\d+ warning page-count [^\n]+$/m);
      const pages = pdfPages(fs.readFileSync(path.join(here, 'long.resume.pdf')));
      assert.ok(pages >= 3, `${pages} pages`);
      assert.ok(run.stdout.endsWith(`Wrote long.resume.pdf (${pages} pages)\n`), run.stdout);

      const quiet = cli(['render', '--quiet', '--force', 'long.resume.yaml'], here);
      assertExit(quiet, 0, 'render --quiet');
      assert.equal(quiet.stdout, '');
      assert.equal(quiet.stderr, '');
    });
  });

  describe('how the resume is read', () => {
    /** JSON Resume's `basics` and RenderCV's `cv.sections` in one file: read as JSON Resume unless told otherwise. */
    const BOTH = [
      'basics:',
      '  name: Pat Basics',
      'cv:',
      '  name: Sam Sections',
      '  sections:',
      '    experience:',
      '      - company: Acme',
      '        position: Engineer',
      '        highlights:',
      '          - Cut the p99 latency from 900 ms to 120 ms',
      'design:',
      '  theme: sb2nov',
      '',
    ].join('\n');
    const NOTE =
      "both.yaml: The page is Bulletproof's classic theme, not RenderCV's `sb2nov`: the page advice describes this page; RenderCV's own page may differ.";

    it('render --config: the layout of the config named reaches the page', () => {
      const here = folder();
      put(here, 'both.yaml', BOTH);
      put(here, 'rendercv.yaml', 'layout: rendercv\n');
      const detected = cli(['render', '--format', 'typst', '-o', '-', 'both.yaml'], here);
      assertExit(detected, 0, 'render as detected');
      assert.ok(detected.stdout.includes('Pat Basics') && !detected.stdout.includes('Sam Sections'), detected.stdout);
      assert.equal(detected.stderr, '');

      const forced = cli(['render', '--config', 'rendercv.yaml', '--format', 'typst', '-o', '-', 'both.yaml'], here);
      assertExit(forced, 0, 'render --config');
      assert.ok(forced.stdout.includes('Sam Sections') && !forced.stdout.includes('Pat Basics'), forced.stdout);
      assert.ok(forced.stdout.includes('#strong[#"Engineer";]#", ";#"Acme";]'), forced.stdout);
      assert.equal(forced.stderr, `${NOTE}\n`);
    });

    it('--render-checks --layout: the page is read with the layout the text checks use', () => {
      const here = folder();
      put(here, 'both.yaml', BOTH);
      const detected = cli(['--render-checks', 'both.yaml'], here);
      assert.ok(!detected.stdout.includes(NOTE), detected.stdout);
      const forced = cli(['--render-checks', '--layout', 'rendercv', 'both.yaml'], here);
      assert.ok(forced.status === 0 || forced.status === 1, `exit ${forced.status}\n${forced.stderr}`);
      assert.ok(forced.stdout.endsWith(`${NOTE}\n`), forced.stdout);
      assert.equal(forced.stderr, '');
    });
  });

  describe('--render-checks', () => {
    it('adds the page findings to the text findings, in text, JSON and the exit code', () => {
      const here = folder();
      put(here, 'long.resume.yaml', longResume());
      const plain = cli(['long.resume.yaml'], here);
      assert.doesNotMatch(plain.stdout, / page-count /, 'no page check without the flag');

      const checked = cli(['--render-checks', 'long.resume.yaml'], here);
      assert.match(checked.stdout, /^long\.resume\.yaml:\d+:\d+ warning page-count [^\n]+$/m);
      assert.equal(checked.stderr, '');
      assert.deepEqual(fs.readdirSync(here).sort(), ['long.resume.yaml', 'resume.yaml'], 'nothing written');

      const json = cli(['--render-checks', '--format', 'json', 'long.resume.yaml'], here);
      const findings = JSON.parse(json.stdout) as JsonFinding[];
      const pageCount = findings.filter((finding) => finding.code === 'page-count');
      assert.equal(pageCount.length, 1, json.stdout);
      assert.equal(pageCount[0]!.file, 'long.resume.yaml');

      put(here, '.bulletproof.yaml', 'rules:\n  page-count: error\n');
      const strict = cli(['--render-checks', 'long.resume.yaml'], here);
      assertExit(strict, 1, 'page-count as an error');
      assert.match(strict.stdout, /^long\.resume\.yaml:\d+:\d+ error page-count /m);
      const rendered = cli(['render', 'long.resume.yaml'], here);
      assertExit(rendered, 1, 'render with page-count as an error');
      assert.ok(fs.existsSync(path.join(here, 'long.resume.pdf')), 'still written');
    });
  });
});
