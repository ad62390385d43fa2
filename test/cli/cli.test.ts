/**
 * The built CLI (`dist/cli.js`, from `npm run build`), run as a person or CI
 * would run it. Expected findings come from the engine on the same text, so
 * these tests check the CLI's own job: which files, positions, formats,
 * flags and exit codes.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import type { Finding, LintOptions } from '../../server/src/engine/types';
import { findConfigFile, mergeSettings, readConfigFile } from '../../server/src/node/config';
import type { JsonFinding } from '../../cli/src/format';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const WEAK = 'examples/weak.resume.yaml';
const BACKEND = 'examples/backend.resume.yaml';
const UNICODE = 'test/fixtures/unicode.resume.yaml';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const runs = new Map<string, Run>();

/**
 * Runs the built CLI. Runs that read only the repository's own files are
 * memoized (a spawn costs ~0.2 s); `fresh` forces a new run.
 */
function cli(args: string[], cwd = ROOT, fresh = cwd !== ROOT): Run {
  const key = JSON.stringify([cwd, args]);
  const cached = runs.get(key);
  if (cached && !fresh) return cached;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  const run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  runs.set(key, run);
  return run;
}

function json(run: Run): JsonFinding[] {
  try {
    return JSON.parse(run.stdout) as JsonFinding[];
  } catch {
    assert.fail(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** 1-based line and UTF-16 column of an offset, computed here, independently of the CLI. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The options the CLI uses for a file: the nearest config up to the repository root, plus flags. */
function optionsFor(file: string, flags: LintOptions = {}): LintOptions {
  const found = findConfigFile(path.dirname(file), ROOT);
  const settings = mergeSettings(found ? readConfigFile(found).settings : {}, flags.role ? { role: flags.role } : {});
  return { rules: settings.rules, role: settings.role };
}

function expectedJson(name: string, text: string, findings: Finding[]): JsonFinding[] {
  return findings.map((finding) => {
    const start = position(text, finding.range.start);
    const end = position(text, finding.range.end);
    return {
      file: name,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      severity: finding.severity,
      code: finding.ruleId,
      message: finding.message,
    };
  });
}

function engineJson(relative: string, flags: LintOptions = {}): JsonFinding[] {
  const file = path.join(ROOT, relative);
  const text = fs.readFileSync(file, 'utf8');
  return expectedJson(relative, text, lint(text, optionsFor(file, flags)).findings);
}

function summaryOf(findings: { severity: string }[], files: number): string {
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const total = findings.length;
  const filesText = `${files} file${files === 1 ? '' : 's'}`;
  if (total === 0) return `✓ no problems in ${filesText}`;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'info'],
    [count('hint'), 'hint'],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, word]) => `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`);
  return `${count('error') ? '✖' : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${filesText}`;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-cli-'));
}

describe('CLI (dist/cli.js)', function () {
  this.timeout(60_000);
  const temps: string[] = [];
  const makeTemp = () => {
    const dir = tempDir();
    temps.push(dir);
    return dir;
  };

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  });

  after(() => {
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('text output', () => {
    it('prints `path:line:col severity code message` for each finding of the weak example, then a summary; exit 1', () => {
      const run = cli([WEAK]);
      const expected = engineJson(WEAK);
      assert.ok(expected.some((f) => f.severity === 'error'));
      const lines = run.stdout.trimEnd().split('\n');
      assert.deepEqual(
        lines.slice(0, -1),
        expected.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`),
      );
      assert.equal(lines[lines.length - 1], summaryOf(expected, 1));
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
    });

    it('hand-checked positions: the bad startDate and the end before the start', () => {
      const text = fs.readFileSync(path.join(ROOT, WEAK), 'utf8').split('\n');
      const startLine = text.findIndex((line) => line === '    startDate: September 2019') + 1;
      const endLine = text.findIndex((line) => line === '    endDate: 2017-11') + 1;
      assert.ok(startLine > 0 && endLine > 0, 'the weak example changed: update this test');
      const out = cli([WEAK]).stdout;
      // `    startDate: ` is 15 characters, `    endDate: ` 13.
      assert.match(out, new RegExp(`^examples/weak\\.resume\\.yaml:${startLine}:16 error schema/invalid-date \`September 2019\``, 'm'));
      assert.match(out, new RegExp(`^examples/weak\\.resume\\.yaml:${endLine}:14 error date-order `, 'm'));
    });

    it('CRLF line endings give the same lines and columns', () => {
      const dir = makeTemp();
      const crlf = path.join(dir, 'weak.resume.yaml');
      fs.writeFileSync(crlf, fs.readFileSync(path.join(ROOT, WEAK), 'utf8').replace(/\n/g, '\r\n'));
      const lf = json(cli(['--format', 'json', WEAK])).map((f) => [f.line, f.column, f.endLine, f.endColumn, f.code]);
      const fromCrlf = json(cli(['--format', 'json', crlf])).map((f) => [f.line, f.column, f.endLine, f.endColumn, f.code]);
      assert.deepEqual(fromCrlf, lf);
    });

    it('a clean file: the summary alone; exit 0', () => {
      const expected = engineJson(BACKEND);
      const run = cli([BACKEND]);
      assert.ok(!expected.some((f) => f.severity === 'error'), 'the backend example should have no error');
      assert.equal(run.stdout.trimEnd().split('\n').pop(), summaryOf(expected, 1));
      assert.equal(run.status, 0);
    });
  });

  describe('--format json', () => {
    it('an array of {file, line, column, endLine, endColumn, severity, code, message}, as the engine finds them', () => {
      const run = cli(['--format', 'json', WEAK]);
      const found = json(run);
      assert.equal(run.status, 1);
      assert.deepEqual(found, engineJson(WEAK));
      for (const finding of found) {
        assert.deepEqual(Object.keys(finding).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity));
        assert.ok(finding.line >= 1 && finding.column >= 1);
      }
    });

    it('columns are 1-based UTF-16 code units: emoji and CJK before the fault', () => {
      const found = json(cli(['--format', 'json', UNICODE]));
      assert.deepEqual(found, engineJson(UNICODE));
      const pick = (code: string) => {
        const match = found.find((f) => f.code === code);
        assert.ok(match, code);
        return [match.line, match.column, match.endLine, match.endColumn];
      };
      // Line 2: `basics: {name: "🚀 山田太郎", emial: …`: 🚀 is two code units.
      assert.deepEqual(pick('schema/unknown-key'), [2, 27, 2, 32]);
      // Line 6: `    startDate: 2020年4月`.
      assert.deepEqual(pick('schema/invalid-date'), [6, 16, 6, 23]);
      // Line 9: 👩‍💻 is five code units (two pairs and a joiner).
      assert.deepEqual(pick('date-order'), [9, 56, 9, 63]);
    });

    it('no findings: an empty array', () => {
      const dir = makeTemp();
      const file = path.join(dir, 'resume.yaml');
      fs.writeFileSync(file, '# bulletproof-disable\nbasics:\n  name: Sam\n');
      const run = cli(['--format', 'json', file]);
      assert.deepEqual(json(run), []);
      assert.equal(run.status, 0);
    });
  });

  describe('exit codes', () => {
    it('0 with warnings only; 1 once --max-warnings is exceeded', () => {
      const dir = makeTemp();
      const file = path.join(dir, 'resume.yaml');
      const backend = fs.readFileSync(path.join(ROOT, BACKEND), 'utf8');
      fs.writeFileSync(file, backend.replace('  url: https://example.com/alex\n', '  website: https://example.com/alex\n'));
      const found = json(cli(['--format', 'json', file]));
      assert.equal(cli(['--format', 'json', file]).status, 0);
      assert.ok(found.some((f) => f.code === 'schema/unknown-key' && f.severity === 'warning'));
      assert.ok(!found.some((f) => f.severity === 'error'));
      const warnings = found.filter((f) => f.severity === 'warning').length;

      assert.equal(cli(['--max-warnings', String(warnings), file]).status, 0);
      const over = cli(['--max-warnings', String(warnings - 1), file]);
      assert.equal(over.status, 1);
      assert.match(over.stderr, new RegExp(`${warnings} warnings?, more than --max-warnings ${warnings - 1}\\.`));
    });

    it('1 when any file has an error', () => {
      assert.equal(cli([BACKEND, WEAK]).status, 1);
    });

    it('2 for usage errors, with a message on stderr and a pointer to --help', () => {
      for (const args of [
        [],
        ['--format', 'xml', WEAK],
        ['--max-warnings=-1', WEAK],
        ['--role', 'frontend', WEAK],
        ['--config', 'no-such-config.yaml', WEAK],
      ]) {
        const run = cli(args);
        assert.equal(run.status, 2, args.join(' '));
        assert.equal(run.stdout, '', args.join(' '));
        assert.match(run.stderr, /^bulletproof: [\s\S]+\nRun bulletproof --help for usage\.\n$/, args.join(' '));
      }
    });

    it('2 for a file that cannot be opened, even next to a file with errors', () => {
      const alone = cli(['no-such-resume.yaml']);
      assert.equal(alone.status, 2);
      assert.equal(alone.stderr, 'bulletproof: cannot read no-such-resume.yaml: it does not exist (ENOENT).\n');
      const withOthers = cli([WEAK, 'no-such-resume.yaml']);
      assert.equal(withOthers.status, 2);
      assert.match(withOthers.stdout, /schema\/invalid-date/, 'the readable file is still linted');
    });

    it('a binary file is one error diagnostic, exit 1, no crash', () => {
      const dir = makeTemp();
      const binary = path.join(dir, 'photo.resume.yaml');
      fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
      const latin1 = path.join(dir, 'latin1.resume.yaml');
      fs.writeFileSync(latin1, Buffer.from('basics:\n  name: Ren\xe9\n', 'latin1'));
      const run = cli(['--format', 'json', binary, latin1]);
      assert.equal(run.status, 1);
      assert.equal(run.stderr, '');
      const found = json(run);
      assert.deepEqual(
        found.map((f) => path.basename(f.file)),
        ['photo.resume.yaml', 'latin1.resume.yaml'],
      );
      for (const finding of found) {
        assert.equal(finding.severity, 'error');
        assert.deepEqual([finding.line, finding.column], [1, 1]);
        assert.match(finding.message, /not a text file/);
      }
    });

    it('a UTF-8 byte order mark is not a problem', () => {
      const dir = makeTemp();
      const file = path.join(dir, 'resume.yaml');
      const backend = fs.readFileSync(path.join(ROOT, BACKEND), 'utf8');
      fs.writeFileSync(file, `\uFEFF${backend}`);
      const withBom = json(cli(['--format', 'json', file])).map((f) => [f.line, f.column, f.code]);
      const without = engineJson(BACKEND).map((f) => [f.line, f.column, f.code]);
      assert.deepEqual(withBom, without);
    });
  });

  describe('flags', () => {
    it('--quiet reports errors only', () => {
      const run = cli(['--quiet', WEAK]);
      const errors = engineJson(WEAK).filter((f) => f.severity === 'error');
      const lines = run.stdout.trimEnd().split('\n');
      assert.deepEqual(
        lines.slice(0, -1),
        errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`),
      );
      assert.equal(lines[lines.length - 1], summaryOf(errors, 1));
      assert.equal(run.status, 1);
    });

    it('--config FILE: its levels apply, problems in it are reported with their place, the rest kept; exit 2', () => {
      const dir = makeTemp();
      const config = path.join(dir, 'ci.yaml');
      fs.writeFileSync(config, 'rules:\n  schema/unknown-key: off\n  date-order: warning\n  schema/invalid-date: loud\n');
      const run = cli(['--format', 'json', '--config', config, WEAK]);
      const found = json(run);
      assert.ok(!found.some((f) => f.code === 'schema/unknown-key'));
      assert.ok(found.some((f) => f.code === 'date-order' && f.severity === 'warning'));
      assert.ok(found.some((f) => f.code === 'schema/invalid-date' && f.severity === 'error'));
      assert.equal(
        run.stderr,
        `bulletproof: ${path.relative(ROOT, config)}:4:24: rule \`schema/invalid-date\`: \`loud\` is not one of off, error, warning, info, hint\n`,
      );
      assert.equal(run.status, 2);
    });

    it('a `.bulletproof.yaml` beside the resume is found without --config', () => {
      const dir = makeTemp();
      fs.writeFileSync(path.join(dir, '.bulletproof.yaml'), 'rules:\n  schema/invalid-date: off\n');
      const file = path.join(dir, 'resume.yaml');
      fs.copyFileSync(path.join(ROOT, WEAK), file);
      const found = json(cli(['--format', 'json', file]));
      assert.ok(found.length > 0);
      assert.ok(!found.some((f) => f.code === 'schema/invalid-date'));
    });

    it('--role general gives what the engine gives for the general role', () => {
      const run = cli(['--format', 'json', '--role', 'general', WEAK]);
      assert.deepEqual(json(run), engineJson(WEAK, { role: 'general' }));
    });

    it('--fix on a copy: dates fixed, `Present` removed, the number quoted, old keys renamed, comments kept', () => {
      const dir = makeTemp();
      const file = path.join(dir, 'weak.resume.yaml');
      const original = fs.readFileSync(path.join(ROOT, WEAK), 'utf8');
      fs.writeFileSync(file, original);
      const run = cli(['--fix', '--format', 'json', file]);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.match(fixed, /^ {4}startDate: 2019-09$/m);
      assert.doesNotMatch(fixed, /September 2019|Present/);
      assert.match(fixed, /^ {4}score: "3\.6"$/m);
      const comments = (text: string) => text.split('\n').filter((line) => line.trim().startsWith('#'));
      assert.deepEqual(comments(fixed), comments(original));
      assert.ok(fixed.startsWith(original.split('\n').slice(0, 2).join('\n')));
      // What is left is reported, on the fixed text.
      const relative = path.relative(ROOT, file);
      assert.deepEqual(json(run), expectedJson(relative, fixed, lint(fixed, optionsFor(file)).findings));
      assert.ok(!json(run).some((f) => f.code === 'schema/invalid-date' || f.code === 'schema/wrong-type'));
      assert.equal(run.status, 1, 'the end before the start has no automatic fix');
      // Old JSON Resume names are renamed; suggestions (a deleted word, a rewrite) are not applied.
      assert.match(fixed, /^ {2}url: https:\/\/example\.com\/sam$/m);
      assert.match(fixed, /^ {2}- name: Shopfront$/m);
      assert.match(fixed, /^ {6}- I worked on various microservices with the team$/m);
      assert.match(fixed, /^ {6}- Successfully delivered several features$/m);
    });

    it('--help prints the usage; exit 0', () => {
      const run = cli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: bulletproof /);
      for (const option of ['--format', '--config', '--quiet', '--max-warnings', '--fix', '--fix-dry-run', '--role', '--help']) {
        assert.ok(run.stdout.includes(option), option);
      }
      assert.match(run.stdout, /^Files read: regular files only, a resume up to 20 MB, a posting or config up to 512 KB\.$/m);
    });

    it('--version prints the package version', () => {
      const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const run = cli(['--version']);
      assert.equal(run.stdout.trim(), version);
      assert.equal(run.status, 0);
    });
  });

  describe('files, folders and globs', () => {
    let dir: string;
    const typo = (text: string) => text.replace('  url: https://example.com/alex\n', '  website: https://example.com/alex\n');

    before(() => {
      dir = makeTemp();
      const backend = typo(fs.readFileSync(path.join(ROOT, BACKEND), 'utf8'));
      const put = (relative: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        fs.writeFileSync(path.join(dir, relative), text);
      };
      put('folder/resume.yaml', backend);
      put('folder/sub/cv.yml', backend);
      put('folder/docker-compose.yml', 'services:\n  web:\n    image: nginx\n');
      put('folder/.github/workflows/resume.yaml', 'on: push\n');
      put('folder/node_modules/x/resume.yaml', 'foo: 1\n');
      put('folder/notes.yaml', 'todo: 1\n');
    });

    const filesIn = (run: Run) => [...new Set(json(run).map((f) => f.file))].sort();

    it('a folder: only the resumes, not compose files, CI configs or node_modules', () => {
      const run = cli(['folder'], dir);
      assert.match(run.stdout, / in 2 files\n$/);
      const names = run.stdout
        .split('\n')
        .filter((line) => /:\d+:\d+ /.test(line))
        .map((line) => line.split(':')[0]);
      assert.deepEqual([...new Set(names)].sort(), [path.join('folder', 'resume.yaml'), path.join('folder', 'sub', 'cv.yml')]);
      assert.equal(run.status, 0);
    });

    it('a file named on the command line is always linted, whatever its name', () => {
      const compose = path.join('folder', 'docker-compose.yml');
      const workflow = path.join('folder', '.github', 'workflows', 'resume.yaml');
      const run = cli(['--format', 'json', compose, workflow], dir);
      assert.deepEqual(filesIn(run), [workflow, compose].sort());
      assert.ok(json(run).some((f) => f.file === compose && f.code === 'schema/unknown-key' && f.message.includes('`services`')));
    });

    it('absolute paths work from any folder', () => {
      const run = cli(['--format', 'json', path.join(dir, 'folder', 'resume.yaml')], os.tmpdir());
      assert.equal(filesIn(run).length, 1);
      assert.ok(filesIn(run)[0]?.endsWith(path.join('folder', 'resume.yaml')));
    });

    it('a glob', () => {
      const run = cli(['--format', 'json', 'folder/sub/*.yml'], dir);
      assert.deepEqual(filesIn(run), [path.join('folder', 'sub', 'cv.yml')]);
    });

    // A glob is explicit, like a file name: its files need not match the `files`
    // globs (numbered files in a corpus have no `resume` in their names), but
    // the `!` globs still exclude, and node_modules/ is never walked.
    it('a glob checks every file it matches, except what the `!` globs exclude', () => {
      const run = cli(['--format', 'json', 'folder/**/*.{yml,yaml}'], dir);
      assert.deepEqual(
        filesIn(run),
        ['docker-compose.yml', 'notes.yaml', 'resume.yaml', path.join('sub', 'cv.yml')].map((f) => path.join('folder', f)),
      );
    });

    it('a glob that matches nothing: exit 2, saying so', () => {
      const run = cli(['nothing/**/*.yaml'], dir);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'bulletproof: no files match nothing/**/*.yaml\n');
    });

    it('the same file twice is linted once', () => {
      const file = path.join('folder', 'resume.yaml');
      const twice = json(cli(['--format', 'json', file, 'folder', path.join(dir, file)], dir));
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.equal(twice.filter((f) => f.file === file).length, lint(text, optionsFor(path.join(dir, file))).findings.length);
    });

    it('`files` in a config file changes which files a folder walk picks', () => {
      const config = path.join(dir, 'only-notes.yaml');
      fs.writeFileSync(config, 'files:\n  - "**/notes.yaml"\n');
      const run = cli(['--format', 'json', '--config', config, 'folder'], dir);
      assert.deepEqual(filesIn(run), [path.join('folder', 'notes.yaml')]);
    });
  });
});
