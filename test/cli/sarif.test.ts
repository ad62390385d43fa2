/**
 * `--format sarif` from the built CLI: a SARIF 2.1.0 log that the OASIS
 * schema accepts, with exact regions in UTF-16 columns, rules with their
 * doc pages and default levels, and only the safe fixes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { lint } from '../../server/src/linter';
import type { SarifLog, SarifResult } from '../../cli/src/sarif';
import { assertExit, cli, put, ROOT, tempDir, type Run } from './run';

/** The OASIS schema, checked in (see its README): the test never fetches it. */
const SCHEMA = path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

// An emoji (two UTF-16 code units) before `emial`, CJK (one each) before the date.
const A = ['basics: {name: "🚀 山田", emial: taro@example.com}', 'work:', '  - {name: 株式会社, startDate: 2020/04}', ''].join('\n');
const B = [
  'basics:',
  '  name: Ada Lovelace',
  '  email: ada@example.com',
  '  website: https://example.com/ada',
  '  summary: A results-driven engineer.',
  '',
].join('\n');

function sarif(run: Run): SarifLog {
  try {
    return JSON.parse(run.stdout) as SarifLog;
  } catch {
    assert.fail(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

function where(result: SarifResult): string {
  const { artifactLocation, region } = result.locations[0]!.physicalLocation;
  return `${artifactLocation.uri} ${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
}

describe('CLI: --format sarif', function () {
  this.timeout(60_000);
  let dir: string;
  let validate: ValidateFunction;
  let log: SarifLog;
  let run: Run;

  before(() => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
    dir = tempDir('bulletproof-sarif-');
    put(dir, 'a.resume.yaml', A);
    put(dir, 'sub/b resume.yaml', B);
    // A level set in the config is the result's; the rule's default level stays the rule's.
    put(dir, '.bulletproof.yaml', 'rules:\n  completeness: hint\n');
    run = cli(['--format', 'sarif', 'a.resume.yaml', 'sub/b resume.yaml'], dir);
    log = sarif(run);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function assertValid(value: unknown, context: string): void {
    assert.ok(validate(value), `${context}: ${JSON.stringify(validate.errors, null, 2)}`);
  }

  it('is one run the SARIF 2.1.0 schema accepts, exit 1 for the error in it', () => {
    assertExit(run, 1, 'sarif');
    assertValid(log, 'two files');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [only] = log.runs;
    assert.equal(only!.columnKind, 'utf16CodeUnits');
    assert.deepEqual(only!.invocations, [{ executionSuccessful: true }]);
    assert.deepEqual(only!.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(fs.realpathSync(dir)).href}/` } });
    const { driver } = only!.tool;
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['Bulletproof', pkg.version, pkg.repository.url]);
  });

  it('the schema check can fail: a 0-based column is rejected', () => {
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0;
    assert.equal(validate(broken), false);
  });

  it('gives exact regions after an emoji and CJK, in UTF-16 code units, for findings of several files', () => {
    const results = log.runs[0]!.results;
    const byRule = (ruleId: string) => results.filter((result) => result.ruleId === ruleId).map(where);
    assert.deepEqual(byRule('schema/unknown-key'), ['a.resume.yaml 1:25-1:30', 'sub/b%20resume.yaml 4:3-4:10']);
    assert.deepEqual(byRule('schema/invalid-date'), ['a.resume.yaml 3:29-3:36']);
    for (const result of results) {
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
  });

  it('maps levels: error, warning, and info or hint as note', () => {
    const levels = new Map(log.runs[0]!.results.map((result) => [result.ruleId, result.level]));
    assert.equal(levels.get('schema/invalid-date'), 'error');
    assert.equal(levels.get('schema/unknown-key'), 'warning');
    assert.equal(levels.get('filler'), 'note'); // info
    assert.equal(levels.get('completeness'), 'note'); // hint, from the config file
  });

  it('lists every rule with its doc page and default level; ruleIndex points at the result’s rule', () => {
    const { rules } = log.runs[0]!.tool.driver;
    const rule = (id: string) => rules.find((candidate) => candidate.id === id);
    assert.deepEqual(rule('completeness'), {
      id: 'completeness',
      shortDescription: { text: 'A resume without a name, a way to reach the person, or work highlights.' },
      helpUri: 'https://github.com/bulletproof-resume/bulletproof/blob/main/docs/rules/completeness.md',
      defaultConfiguration: { level: 'warning' },
    });
    assert.equal(rule('yaml/syntax')?.helpUri, 'https://github.com/bulletproof-resume/bulletproof/blob/main/docs/rules/yaml/syntax.md');
    assert.equal(rule('filler')?.defaultConfiguration.level, 'note');
    const prefix = 'https://github.com/bulletproof-resume/bulletproof/blob/main/';
    for (const { id, helpUri } of rules) {
      assert.ok(helpUri.startsWith(prefix), helpUri);
      assert.ok(fs.existsSync(path.join(ROOT, helpUri.slice(prefix.length))), `${id}: no page at ${helpUri}`);
    }
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
    for (const result of log.runs[0]!.results) assert.equal(rules[result.ruleIndex]?.id, result.ruleId);
  });

  it('carries a safe fix as a replacement, and no suggestion', () => {
    const results = log.runs[0]!.results;
    const date = results.find((result) => result.ruleId === 'schema/invalid-date');
    assert.deepEqual(date?.fixes, [
      {
        description: { text: 'Change to `2020-04`' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'a.resume.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 3, startColumn: 29, endLine: 3, endColumn: 36 }, insertedContent: { text: '2020-04' } },
            ],
          },
        ],
      },
    ]);
    // `emial` has fixes, but none safe (a guess at the key is a suggestion): SARIF gets none.
    const emial = lint(A).findings.find((finding) => finding.message.includes('`emial`'));
    assert.ok(emial && emial.fixes.length > 0 && emial.fixes.every((fix) => !fix.safe), 'the premise: suggestions only');
    const unknown = results.find((result) => where(result) === 'a.resume.yaml 1:25-1:30');
    assert.equal(unknown?.fixes, undefined);
  });

  it('--render-checks: the page’s findings are results too', () => {
    const page = cli(['--format', 'sarif', '--render-checks', 'a.resume.yaml'], dir);
    assertExit(page, 1, 'render checks');
    const pageLog = sarif(page);
    assertValid(pageLog, 'render checks');
    const unprintable = pageLog.runs[0]!.results.filter((result) => result.ruleId === 'unprintable-text');
    assert.deepEqual(unprintable.map(where), ['a.resume.yaml 1:16-1:23']);
    assert.equal(unprintable[0]!.level, 'warning');
  });

  it('a clean file: a valid log with no results, exit 0', () => {
    const clean = cli(['--format', 'sarif', path.join(ROOT, 'examples', 'backend.resume.yaml')], ROOT);
    assertExit(clean, 0, 'clean');
    const cleanLog = sarif(clean);
    assertValid(cleanLog, 'clean');
    assert.deepEqual(cleanLog.runs[0]!.results, []);
  });

  it('a file that cannot be read: executionSuccessful false, exit 2, the others still reported', () => {
    const partial = cli(['--format', 'sarif', 'a.resume.yaml', 'gone.resume.yaml'], dir);
    assertExit(partial, 2, 'missing file');
    const partialLog = sarif(partial);
    assertValid(partialLog, 'missing file');
    assert.deepEqual(partialLog.runs[0]!.invocations, [{ executionSuccessful: false }]);
    assert.ok(partialLog.runs[0]!.results.some((result) => result.ruleId === 'schema/invalid-date'));
    assert.match(partial.stderr, /cannot read gone\.resume\.yaml/);
  });

  it('a file outside the working directory: an absolute file URI, no base', () => {
    const outside = cli(['--format', 'sarif', '../a.resume.yaml'], path.join(dir, 'sub'));
    const outsideLog = sarif(outside);
    assertValid(outsideLog, 'outside');
    const locations = new Set(
      outsideLog.runs[0]!.results.map((result) => JSON.stringify(result.locations[0]!.physicalLocation.artifactLocation)),
    );
    assert.deepEqual([...locations], [JSON.stringify({ uri: pathToFileURL(path.join(fs.realpathSync(dir), 'a.resume.yaml')).href })]);
  });

  it('--report does not go with it: a usage error', () => {
    const report = cli(['--format', 'sarif', '--report', 'a.resume.yaml'], dir);
    assertExit(report, 2, 'report');
    assert.match(report.stderr, /--report prints Markdown or JSON: use it with --format text or json, not sarif\./);
  });
});
