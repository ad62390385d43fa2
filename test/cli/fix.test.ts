/**
 * `--fix` and `--fix-dry-run` through the built CLI: what is said, what is
 * written, and what is kept (BOM, line endings, mode, symbolic links, a save
 * made meanwhile); read-only files and folders are an error for that file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import type { Finding } from '../../server/src/engine/types';
import { decodeText } from '../../server/src/node/atomicWrite';
import { fixSummary, fixText, rejectedNote, unifiedDiff, writeFixed } from '../../cli/src/fix';
import { assertExit, cli, giveAway, put, tempDir, WEAK } from './run';

const weak = () => fs.readFileSync(WEAK, 'utf8');

describe('CLI: --fix and --fix-dry-run', function () {
  this.timeout(60_000);
  let dir: string;
  /** What `--fix` does to the weak example, from the engine: the text and the count per rule. */
  let expected: { text: string; applied: Record<string, number> };

  before(() => {
    dir = tempDir('bulletproof-fix-');
    expected = fixText(weak(), '\n', (text) => lint(text).findings);
    assert.notEqual(expected.text, weak(), 'the weak example should have safe fixes');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--fix says what it changed per file, then reports what is left', () => {
    const file = put(dir, 'said/weak.resume.yaml', weak());
    put(dir, 'said/clean.resume.yaml', '# bulletproof-disable\nbasics:\n  name: Sam\n');
    const run = cli(['--fix', 'said'], dir);
    const total = Object.values(expected.applied).reduce((a, b) => a + b, 0);
    const counts = Object.entries(expected.applied)
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .map(([id, n]) => `${id} ×${n}`)
      .join(', ');
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `said/weak.resume.yaml: fixed ${total}: ${counts}`);
    assert.equal(lines.filter((line) => line.includes(': fixed ')).length, 1, 'nothing said for a file with nothing to fix');
    assert.equal(fs.readFileSync(file, 'utf8'), expected.text);
    assertExit(run, 1, 'what is left has errors');
  });

  it('--fix --format json: stdout stays the findings array, the summary goes to stderr', () => {
    const file = put(dir, 'json/weak.resume.yaml', weak());
    const run = cli(['--fix', '--format', 'json', file], dir);
    assert.ok(Array.isArray(JSON.parse(run.stdout)));
    assert.match(run.stderr, /^json\/weak\.resume\.yaml: fixed \d+: /);
  });

  it('--fix-dry-run prints a unified diff and writes nothing; the exit code is the one --fix would give', () => {
    const file = put(dir, 'dry/weak.resume.yaml', weak());
    const before = fs.statSync(file);
    const run = cli(['--fix-dry-run', 'dry/weak.resume.yaml'], dir);
    assert.equal(fs.readFileSync(file, 'utf8'), weak());
    assert.equal(fs.statSync(file).mtimeMs, before.mtimeMs);
    const diff = unifiedDiff('dry/weak.resume.yaml', weak(), expected.text);
    assert.ok(diff.startsWith('--- a/dry/weak.resume.yaml\n+++ b/dry/weak.resume.yaml\n@@ -'));
    assert.ok(run.stdout.startsWith(`${fixSummary('dry/weak.resume.yaml', expected.applied, true)}\n${diff}\n`));
    assert.match(run.stdout, /^- {4}startDate: September 2019$/m);
    assert.match(run.stdout, /^\+ {4}startDate: 2019-09$/m);
    assertExit(run, 1, 'dry run');
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    const run = cli(['--fix', '--fix-dry-run', WEAK], dir);
    assertExit(run, 2, 'both');
    assert.match(run.stderr, /^bulletproof: --fix and --fix-dry-run do not go together: choose one\.\n/);
  });

  it('keeps the byte order mark, CRLF line endings and the mode; writes through a symbolic link', () => {
    const target = put(
      dir,
      'real/target.yaml',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(weak().replace(/\n/g, '\r\n'))]),
    );
    fs.chmodSync(target, 0o640);
    const link = path.join(dir, 'linked.resume.yaml');
    fs.symlinkSync(path.join('real', 'target.yaml'), link);
    const run = cli(['--fix', 'linked.resume.yaml'], dir);
    assert.match(run.stdout, /^linked\.resume\.yaml: fixed \d+: /);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link stays a link');
    assert.equal(fs.readlinkSync(link), path.join('real', 'target.yaml'));
    const bytes = fs.readFileSync(target);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), expected.text.replace(/\n/g, '\r\n'));
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['target.yaml'], 'no temporary file left');
  });

  it('a read-only file is an error for that file; the others are fixed; exit 2', () => {
    const locked = put(dir, 'ro/a.resume.yaml', weak());
    const open = put(dir, 'ro/b.resume.yaml', weak());
    fs.chmodSync(locked, 0o444);
    const run = cli(['--fix', 'ro'], dir);
    assertExit(run, 2, 'read-only file');
    assert.equal(run.stderr, 'bulletproof: cannot write ro/a.resume.yaml: the file is read-only (EACCES); it was left as it was.\n');
    assert.equal(fs.readFileSync(locked, 'utf8'), weak());
    assert.equal(fs.readFileSync(open, 'utf8'), expected.text);
    assert.match(run.stdout, /^ro\/b\.resume\.yaml: fixed /m);
  });

  it('a file in a read-only folder is an error for that file, not a crash', () => {
    const folder = path.join(dir, 'rofolder');
    const file = put(folder, 'resume.yaml', weak());
    giveAway(folder);
    giveAway(file);
    fs.chmodSync(folder, 0o555);
    try {
      const run = cli(['--fix', 'rofolder/resume.yaml'], dir, { asNobody: true });
      assertExit(run, 2, 'read-only folder');
      assert.equal(
        run.stderr,
        'bulletproof: cannot write rofolder/resume.yaml: the folder is read-only (EACCES); it was left as it was.\n',
      );
      assert.equal(fs.readFileSync(file, 'utf8'), weak());
    } finally {
      fs.chmodSync(folder, 0o755);
    }
  });
});

describe('fixing a file (cli/src/fix.ts)', () => {
  let dir: string;

  before(() => {
    dir = tempDir('bulletproof-fixfile-');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a line the editor saved while the fix ran is not lost: the write is refused', () => {
    const file = put(dir, 'resume.yaml', weak());
    const read = fs.readFileSync(file);
    const decoded = decodeText(read)!;
    let saved = false;
    const fixed = fixText(decoded.text, decoded.shape.eol, (text) => {
      if (!saved) {
        fs.appendFileSync(file, '# a line typed meanwhile\n');
        saved = true;
      }
      return lint(text).findings;
    });
    assert.notEqual(fixed.text, decoded.text);
    const written = writeFixed(file, read, fixed.text, decoded.shape);
    assert.deepEqual(written, { ok: false, reason: 'it changed since it was read; run again to fix the new version', code: 'ECHANGED' });
    assert.equal(fs.readFileSync(file, 'utf8'), `${weak()}# a line typed meanwhile\n`);
    assert.deepEqual(fs.readdirSync(dir), ['resume.yaml'], 'no temporary file left');
  });

  it('a line a fix inserts gets the file’s CRLF; the lines around it keep theirs', () => {
    const text = 'basics:\r\n  name: Sam\r\nwork: []\r\n';
    const insertAt = (at: number): Finding => ({
      ruleId: 'test/insert',
      range: { start: 0, end: 0 },
      message: 'insert',
      severity: 'warning',
      fixes: [{ title: 'insert', safe: true, edits: [{ range: { start: at, end: at }, newText: 'meta:\n  version: 1\n' }] }],
    });
    const fixed = fixText(text, '\r\n', (current) => (current === text ? [insertAt(text.indexOf('work'))] : []));
    assert.equal(fixed.text, 'basics:\r\n  name: Sam\r\nmeta:\r\n  version: 1\r\nwork: []\r\n');
    assert.deepEqual(fixed.applied, { 'test/insert': 1 });
    // In an LF file the same fix is left as it is.
    const lf = text.replace(/\r\n/g, '\n');
    const plain = fixText(lf, '\n', (current) => (current === lf ? [insertAt(lf.indexOf('work'))] : []));
    assert.equal(plain.text, 'basics:\n  name: Sam\nmeta:\n  version: 1\nwork: []\n');
  });

  it('a safe fix that would leave the file invalid is left out, counted and said, never applied', () => {
    const text = 'basics:\n  name: Sam\n';
    const breaking: Finding = {
      ruleId: 'test/breaks',
      range: { start: 0, end: 0 },
      message: 'breaks',
      severity: 'warning',
      fixes: [{ title: 'break it', safe: true, edits: [{ range: { start: text.length, end: text.length }, newText: 'work: [\n' }] }],
    };
    const fixed = fixText(text, '\n', (current) => (current === text ? [breaking] : []));
    assert.equal(fixed.text, text);
    assert.deepEqual(fixed.applied, {});
    assert.deepEqual(fixed.rejected, { 'test/breaks': 1 });
    assert.equal(
      rejectedNote('cv.yaml', fixed.rejected),
      'bulletproof: cv.yaml: left out test/breaks ×1: applied, they would have left the file invalid. This is a bug in Bulletproof; please report it with the file.',
    );
    assert.equal(rejectedNote('cv.yaml', {}), undefined);
  });

  it('the summary: most fixed first, then by rule id', () => {
    assert.equal(
      fixSummary('cv.yaml', { tense: 2, 'schema/invalid-date': 2, filler: 3 }, false),
      'cv.yaml: fixed 7: filler ×3, schema/invalid-date ×2, tense ×2',
    );
    assert.equal(fixSummary('cv.yaml', { filler: 1 }, true), 'cv.yaml: would fix 1: filler ×1');
  });
});
