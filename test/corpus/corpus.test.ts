/**
 * Real resumes (../shared/corpus/resumes, or $BULLETPROOF_CORPUS): every
 * file goes through the built CLI without a crash or a hang, and through the
 * engine without a rule throwing or a range outside the text.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../server/src/linter';
import type { JsonFinding } from '../../cli/src/format';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');

function corpusFiles(): string[] {
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(CORPUS, entry.name))
    .sort();
}

describe('corpus', function () {
  this.timeout(90_000);
  let files: string[] = [];

  before(function () {
    if (!fs.existsSync(CORPUS)) {
      console.log(`    corpus not found: skipped (${CORPUS}; set BULLETPROOF_CORPUS to point elsewhere)`);
      this.skip();
    }
    files = corpusFiles();
  });

  it('the corpus folder holds files', () => {
    assert.ok(files.length > 0, `${CORPUS} exists but holds no files`);
  });

  it('every file goes through the CLI in one run: no crash, no hang, valid JSON', function () {
    if (files.length === 0) this.skip();
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI, '--format', 'json', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(result.error, undefined, `the CLI did not finish: ${String(result.error)}`);
    assert.equal(result.signal, null, 'the CLI was killed (a hang?)');
    assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}\n${result.stderr}`);
    assert.doesNotMatch(result.stderr, /\n\s+at .+:\d+:\d+\)?$/m, `a stack trace on stderr:\n${result.stderr}`);
    let findings: JsonFinding[];
    try {
      findings = JSON.parse(result.stdout) as JsonFinding[];
    } catch {
      assert.fail(`the CLI did not print valid JSON:\n${result.stdout.slice(0, 500)}`);
    }
    assert.ok(Array.isArray(findings));
    const inputs = new Set(files.map((file) => path.relative(ROOT, file)));
    for (const finding of findings) {
      assert.ok(inputs.has(finding.file), `a finding for a file not given: ${finding.file}`);
      assert.ok(Number.isInteger(finding.line) && finding.line >= 1 && Number.isInteger(finding.column) && finding.column >= 1);
      assert.ok(finding.endLine > finding.line || (finding.endLine === finding.line && finding.endColumn >= finding.column));
      assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity));
      assert.ok(finding.code && finding.message);
    }
    console.log(
      `    checked ${files.length} corpus files with the CLI: ${findings.length} findings in ${new Set(findings.map((f) => f.file)).size} files, ${Date.now() - started} ms`,
    );
  });

  it('`--fix` on a copy of every file: each stays valid in its own format, and a second run changes nothing', function () {
    if (files.length === 0) this.skip();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-corpus-fix-'));
    try {
      const copies = files.map((file) => {
        const copy = path.join(folder, path.basename(file));
        fs.copyFileSync(file, copy);
        fs.chmodSync(copy, 0o644); // the corpus is read-only, and --fix rightly refuses to write such a file
        return copy;
      });
      const before = new Map(copies.map((copy) => [copy, fs.readFileSync(copy)]));
      const first = spawnSync(process.execPath, [CLI, '--fix', ...copies], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
      assert.equal(first.error, undefined, `the CLI did not finish: ${String(first.error)}`);
      assert.ok(first.status === 0 || first.status === 1, `exit ${first.status}\n${first.stderr}`);
      const fixedFiles = first.stdout.split('\n').filter((line) => /: fixed \d+: /.test(line));
      assert.ok(fixedFiles.length > 0, 'no corpus file had a safe fix: the test would prove nothing');
      for (const copy of copies) {
        const name = path.basename(copy);
        const original = before.get(copy)!;
        const now = fs.readFileSync(copy);
        assert.equal(
          now.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
          original.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
          `${name}: BOM`,
        );
        assert.equal(now.includes('\r\n'), original.includes('\r\n'), `${name}: line endings`);
        const text = now.toString('utf8').replace(/^\uFEFF/, '');
        // Every JSON file is JSON after --fix: one that was not (a trailing comma) is made so.
        if (name.endsWith('.json')) assert.ok(parsesAsJson(text), `${name}: not JSON after --fix`);
        if (now.equals(original)) continue;
        const originalText = original.toString('utf8').replace(/^\uFEFF/, '');
        assert.ok(yamlErrors(text) <= yamlErrors(originalText), `${name}: more YAML errors after --fix`);
      }
      const fixedOnce = new Map(copies.map((copy) => [copy, fs.readFileSync(copy)]));
      const second = spawnSync(process.execPath, [CLI, '--fix', ...copies], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
      assert.ok(second.status === 0 || second.status === 1, `exit ${second.status}\n${second.stderr}`);
      assert.deepEqual(
        second.stdout.split('\n').filter((line) => /: fixed \d+: /.test(line)),
        [],
        'a second --fix fixed more',
      );
      for (const copy of copies)
        assert.ok(fs.readFileSync(copy).equals(fixedOnce.get(copy)!), `${path.basename(copy)} changed on the second run`);
      console.log(`    --fix changed ${fixedFiles.length} of ${files.length} corpus files; all still parse, and a second run changes none`);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('every file through the engine: no rule throws, every range and edit lies inside the text', function () {
    if (files.length === 0) this.skip();
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      // The CLI reports non-UTF-8 files itself; the engine only ever sees text.
      if (bytes.includes(0)) continue;
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const { findings, ruleErrors } = lint(text);
      const name = path.basename(file);
      assert.deepEqual(
        ruleErrors.map((e) => `${e.ruleId}: ${e.error instanceof Error ? e.error.stack : String(e.error)}`),
        [],
        name,
      );
      for (const finding of findings) {
        const { start, end } = finding.range;
        assert.ok(
          Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
          `${name}: ${finding.ruleId} range ${start}-${end}`,
        );
        for (const fix of finding.fixes) {
          for (const edit of fix.edits) {
            assert.ok(
              edit.range.start >= 0 && edit.range.start <= edit.range.end && edit.range.end <= text.length,
              `${name}: ${finding.ruleId} fix edit`,
            );
          }
        }
      }
    }
  });
});

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function yamlErrors(text: string): number {
  return parseAllDocuments(text).reduce((sum, doc) => sum + ('errors' in doc ? doc.errors.length : 1), 0);
}
