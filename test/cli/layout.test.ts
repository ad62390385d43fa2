/**
 * `--layout`: forces how every resume is read, over the config file's
 * `layout:` and over detection; an unknown value is a usage error. The
 * expected findings come from the engine with the same layout.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import type { LayoutSetting } from '../../server/src/engine/layouts/ids';
import type { JsonFinding } from '../../cli/src/format';
import { assertExit, cli, put, ROOT, tempDir } from './run';

const RENDERCV = fs.readFileSync(path.join(ROOT, 'examples', 'backend_CV.yaml'), 'utf8');
const JSON_RESUME = fs.readFileSync(path.join(ROOT, 'examples', 'backend.resume.yaml'), 'utf8');

/** `code message` of each finding, in order: what a layout changes. */
function findingsOf(run: { stdout: string; stderr: string; status: number | null }): string[] {
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr}`);
  return (JSON.parse(run.stdout) as JsonFinding[]).map((finding) => `${finding.code} ${finding.message}`);
}

function engineFindings(text: string, fileName: string, layout: LayoutSetting): string[] {
  return lint(text, { layout, fileName }).findings.map((finding) => `${finding.ruleId} ${finding.message}`);
}

/** The layout the `--report --format json` report says the file was read as. */
function reportedLayout(args: string[], cwd: string): { id: string; name: string; description: string } {
  const run = cli(['--report', '--format', 'json', ...args], cwd);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr}`);
  const [entry] = JSON.parse(run.stdout) as { report: { layout: { id: string; name: string; description: string } } }[];
  assert.ok(entry, `no report:\n${run.stdout}`);
  return entry.report.layout;
}

describe('CLI --layout', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('bulletproof-layout-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('json-resume on a RenderCV file: the findings of JSON Resume (no `basics.name`…), and the report says so', () => {
    put(dir, 'Alex_CV.yaml', RENDERCV);
    const detected = findingsOf(cli(['--format', 'json', 'Alex_CV.yaml'], dir));
    const forced = findingsOf(cli(['--format', 'json', '--layout', 'json-resume', 'Alex_CV.yaml'], dir));
    assert.deepEqual(forced, engineFindings(RENDERCV, path.join(dir, 'Alex_CV.yaml'), 'json-resume'));
    assert.ok(forced.includes('completeness The resume has no name: add `basics.name`.'), forced.join('\n'));
    assert.ok(!detected.some((finding) => finding.includes('basics.name')), detected.join('\n'));
    assert.deepEqual(reportedLayout(['--layout', 'json-resume', 'Alex_CV.yaml'], dir), {
      id: 'json-resume',
      name: 'JSON Resume',
      description: 'read as JSON Resume (set by `layout: json-resume`)',
    });
  });

  it('rendercv on a JSON Resume file: the findings of RenderCV (no `cv.name`…)', () => {
    put(dir, 'alex.resume.yaml', JSON_RESUME);
    const forced = findingsOf(cli(['--format', 'json', '--layout', 'rendercv', 'alex.resume.yaml'], dir));
    assert.deepEqual(forced, engineFindings(JSON_RESUME, path.join(dir, 'alex.resume.yaml'), 'rendercv'));
    assert.ok(forced.includes('completeness The resume has no name: add `cv.name`.'), forced.join('\n'));
    assert.equal(reportedLayout(['--layout', 'rendercv', 'alex.resume.yaml'], dir).id, 'rendercv');
    assert.equal(reportedLayout(['alex.resume.yaml'], dir).id, 'json-resume');
  });

  it('yamlresume: only the YAML is checked, one note says so', () => {
    put(dir, 'alex.resume.yaml', JSON_RESUME);
    const forced = findingsOf(cli(['--format', 'json', '--layout', 'yamlresume', 'alex.resume.yaml'], dir));
    assert.deepEqual(forced, engineFindings(JSON_RESUME, path.join(dir, 'alex.resume.yaml'), 'yamlresume'));
    assert.equal(reportedLayout(['--layout', 'yamlresume', 'alex.resume.yaml'], dir).id, 'yamlresume');
  });

  it('precedence: the flag over the config file, the config file over detection; `auto` detects again', () => {
    put(dir, 'Alex_CV.yaml', RENDERCV);
    put(dir, '.bulletproof.yaml', 'layout: json-resume\n');
    assert.equal(reportedLayout(['Alex_CV.yaml'], dir).id, 'json-resume');
    assert.equal(reportedLayout(['--layout', 'rendercv', 'Alex_CV.yaml'], dir).id, 'rendercv');
    assert.deepEqual(reportedLayout(['--layout', 'auto', 'Alex_CV.yaml'], dir), {
      id: 'rendercv',
      name: 'RenderCV',
      description: 'read as RenderCV (detected from `cv.sections`)',
    });
    // The same with the config named by --config.
    const elsewhere = put(dir, 'conf/other.yaml', 'layout: json-resume\n');
    fs.rmSync(path.join(dir, '.bulletproof.yaml'));
    assert.equal(reportedLayout(['--config', elsewhere, 'Alex_CV.yaml'], dir).id, 'json-resume');
    assert.equal(reportedLayout(['--config', elsewhere, '--layout', 'rendercv', 'Alex_CV.yaml'], dir).id, 'rendercv');
  });

  it('an unknown layout is a usage error that lists the layouts; exit 2, nothing on stdout', () => {
    put(dir, 'Alex_CV.yaml', RENDERCV);
    for (const value of ['jsonresume', 'RenderCV', '']) {
      const run = cli(['--layout', value, 'Alex_CV.yaml'], dir);
      assertExit(run, 2, `--layout ${JSON.stringify(value)}`);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        `bulletproof: --layout must be auto, json-resume, rendercv or yamlresume, not ${value}.\nRun bulletproof --help for usage.\n`,
      );
    }
    const missing = cli(['Alex_CV.yaml', '--layout'], dir);
    assertExit(missing, 2, '--layout without a value');
    assert.match(missing.stderr, /--layout/);
  });

  it('--help names the flag and its values', () => {
    const run = cli(['--help'], dir);
    assertExit(run, 0, '--help');
    assert.match(run.stdout, /^ {2}--layout <auto\|json-resume\|rendercv\|yamlresume>$/m);
  });
});
