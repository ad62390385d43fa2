// The composite action (action.yml) the way a workflow meets it: its steps run
// by actionRunner.mjs with the action's folder a fresh copy of this repository
// (the first case's `npm ci` there is real) and a workspace holding only a
// resume, and a posting or config where an input needs them.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { makeWorkspace, parseCommandFile, readAction, runAction, substitute } from './actionRunner.mjs';
import { readmeRecipes } from './checkout.mjs';
import { sarifValidator } from './sarif.mjs';

/** A resume with warnings and infos but no error. */
const WARNINGS_ONLY = `basics:
  name: Alex Rivera
  label: Backend Engineer
work:
  - name: Acme
    position: Engineer
    startDate: 2019-01
    endDate: 2021-02
    highlights:
      - Responsible for the on-call rotation
`;

/** What the CLI of the copy finds, run directly: the expectation the action's log and outputs are held to. */
function directFindings(clone, workspace, args) {
  const run = spawnSync(process.execPath, [join(clone, 'dist', 'cli.js'), '--format', 'json', ...args], {
    cwd: workspace,
    encoding: 'utf8',
  });
  return JSON.parse(run.stdout);
}

const count = (findings, severity) => findings.filter((finding) => finding.severity === severity).length;

function annotations(log) {
  return log.split('\n').filter((line) => /^::(error|warning|notice) file=/.test(line));
}

/** The step of the README's workflow that uses this action, and the upload step after it. */
function readmeWorkflow(root) {
  const workflows = readmeRecipes(root)
    .map((text) => parse(text))
    .filter((recipe) => recipe?.jobs);
  assert.equal(workflows.length, 1, 'README "Use it in CI" should hold one workflow');
  const steps = Object.values(workflows[0].jobs).flatMap((job) => job.steps);
  const action = steps.find((step) => /^bulletproof-resume\/bulletproof@/.test(step.uses ?? ''));
  const upload = steps.find((step) => /^github\/codeql-action\/upload-sarif@/.test(step.uses ?? ''));
  assert.ok(action, 'the README workflow does not use bulletproof-resume/bulletproof');
  return { action, upload, setupNode: steps.find((step) => /^actions\/setup-node@/.test(step.uses ?? '')) };
}

export function actionCases({ root, clone, scratch, readResume }) {
  const weak = readResume('examples/weak.resume.yaml');
  const clean = readResume('examples/backend.resume.yaml');
  const run = (name, files, inputs, options) => {
    const workspace = makeWorkspace(scratch, name, files);
    return { workspace, ...runAction(clone, workspace, inputs, options) };
  };

  return [
    {
      name: "the README's workflow: npm ci in the action's folder, annotations, SARIF the schema accepts, exit 1",
      timed: true,
      run() {
        const { action, upload, setupNode } = readmeWorkflow(root);
        assert.ok(Number(setupNode?.with?.['node-version']) >= 20, 'the workflow sets up Node 20 or later');
        const inputs = Object.fromEntries(Object.entries(action.with ?? {}).map(([key, value]) => [key, String(value)]));
        const result = run('readme', { [inputs.files]: weak }, inputs);
        assert.ok(existsSync(join(clone, 'dist', 'cli.js')), `the install step did not build dist/cli.js:\n${result.log}`);
        assert.equal(result.exitCode, 1, result.log);
        const expected = directFindings(clone, result.workspace, [inputs.files]);
        assert.ok(count(expected, 'error') > 0 && count(expected, 'warning') > 0);
        const lines = annotations(result.log);
        assert.equal(lines.length, expected.length, result.log);
        assert.equal(lines.filter((line) => line.startsWith('::error file=resume.yaml,line=')).length, count(expected, 'error'));
        assert.equal(lines.filter((line) => line.startsWith('::warning file=resume.yaml,line=')).length, count(expected, 'warning'));
        assert.deepEqual(result.outputs, {
          errors: String(count(expected, 'error')),
          warnings: String(count(expected, 'warning')),
          'sarif-file': inputs['sarif-file'],
        });
        // What upload-sarif reads is the file the action wrote, and it runs although the action failed.
        assert.equal(upload?.with?.sarif_file, inputs['sarif-file']);
        assert.match(String(upload.if ?? ''), /!cancelled\(\)|always\(\)/, 'upload-sarif must run after a failed lint step');
        const log = JSON.parse(readFileSync(join(result.workspace, inputs['sarif-file']), 'utf8'));
        const validate = sarifValidator(root);
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
        assert.equal(log.runs[0].results.length, expected.length);
        assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
      },
    },
    {
      name: 'a clean resume passes with the default inputs: exit 0, no annotation, counts 0',
      run() {
        const result = run('clean', { 'resume.yaml': clean }, {});
        assert.equal(result.exitCode, 0, result.log);
        assert.deepEqual(annotations(result.log), []);
        assert.match(result.log, /✓ no problems in 1 file/);
        assert.deepEqual(result.outputs, { errors: '0', warnings: '0', 'sarif-file': '' });
      },
    },
    {
      name: 'max-warnings: warnings alone pass, and fail past the limit',
      run() {
        const allowed = run('warnings-allowed', { 'resume.yaml': WARNINGS_ONLY }, {});
        assert.equal(allowed.exitCode, 0, allowed.log);
        assert.equal(allowed.outputs.errors, '0');
        assert.equal(allowed.outputs.warnings, '3');
        assert.equal(annotations(allowed.log).filter((line) => line.startsWith('::warning')).length, 3);
        const limited = run('warnings-limited', { 'resume.yaml': WARNINGS_ONLY }, { 'max-warnings': '2' });
        assert.equal(limited.exitCode, 1, limited.log);
        assert.match(limited.log, /3 warnings, more than --max-warnings 2/);
        const enough = run('warnings-enough', { 'resume.yaml': WARNINGS_ONLY }, { 'max-warnings': '3' });
        assert.equal(enough.exitCode, 0, enough.log);
      },
    },
    {
      name: 'config and posting reach the CLI; format text prints the posting match',
      run() {
        const files = {
          'cv/resume.yaml': WARNINGS_ONLY,
          'lint/bulletproof.yaml': 'rules:\n  quantify: off\n  weak-opening: error\n',
          'jobs/backend.md': '# Backend Engineer\n\nWe run Kafka and PostgreSQL on Kubernetes; on-call rotation.\n',
        };
        const inputs = { files: 'cv/resume.yaml', config: 'lint/bulletproof.yaml', posting: 'jobs/backend.md', format: 'text' };
        const result = run('config-posting', files, inputs);
        assert.equal(result.exitCode, 1, result.log);
        assert.match(result.log, /^cv\/resume\.yaml:10:9 error weak-opening /m);
        assert.doesNotMatch(result.log, / quantify /);
        assert.match(result.log, /^cv\/resume\.yaml: posting match \d+\/\d+ terms/m);
        assert.deepEqual(annotations(result.log), []);
        assert.equal(result.outputs.errors, '1');
      },
    },
    {
      name: 'files: one name a line keeps spaces in a name; one line is split on spaces',
      run() {
        const files = { 'my resume.yaml': WARNINGS_ONLY, 'b/cv.yaml': WARNINGS_ONLY, 'c.resume.yaml': WARNINGS_ONLY };
        const lines = run('files-lines', files, { files: '  my resume.yaml\n\nb/cv.yaml\n', format: 'json' });
        assert.equal(lines.exitCode, 0, lines.log);
        const findings = JSON.parse(lines.log.slice(lines.log.search(/^\[/m)));
        assert.deepEqual([...new Set(findings.map((finding) => finding.file))], ['my resume.yaml', 'b/cv.yaml']);
        const spaced = run('files-spaces', { 'a.resume.yaml': clean, 'b/cv.yaml': clean }, { files: 'a.resume.yaml b/cv.yaml' });
        assert.equal(spaced.exitCode, 0, spaced.log);
        assert.match(spaced.log, /✓ no problems in 2 files/);
      },
    },
    {
      name: 'exit 2 fails the step even with sarif-file, whose run says it did not succeed',
      run() {
        const inputs = { files: 'resume.yaml missing.yaml', 'sarif-file': 'out/bulletproof.sarif' };
        const result = run('missing', { 'resume.yaml': clean }, inputs);
        assert.equal(result.exitCode, 2, result.log);
        assert.match(result.log, /missing\.yaml/);
        const log = JSON.parse(readFileSync(join(result.workspace, 'out', 'bulletproof.sarif'), 'utf8'));
        assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
      },
    },
    {
      name: 'a format the action does not print, or a sarif-file of two lines, fails with exit 2 and says which',
      run() {
        const result = run('bad-format', { 'resume.yaml': clean }, { format: 'sarif' });
        assert.equal(result.exitCode, 2, result.log);
        assert.match(
          result.log,
          /^::error title=bulletproof::format must be github, text or json, not 'sarif' \(for SARIF, set sarif-file\)\.$/m,
        );
        const twoLines = run('bad-sarif-file', { 'resume.yaml': clean }, { 'sarif-file': 'a.sarif\nerrors=99' });
        assert.equal(twoLines.exitCode, 2, twoLines.log);
        assert.match(twoLines.log, /^::error title=bulletproof::sarif-file must be one path, on one line\.$/m);
        assert.equal(twoLines.outputs.errors, '');
      },
    },
    {
      name: 'Node older than 20 stops the install step with what to do',
      run() {
        const bin = join(scratch, 'old-node', 'bin');
        mkdirSync(bin, { recursive: true });
        writeFileSync(join(bin, 'node'), '#!/bin/sh\necho v18.19.0\n');
        chmodSync(join(bin, 'node'), 0o755);
        const result = run('old-node', { 'resume.yaml': clean }, {}, { pathPrefix: bin });
        assert.equal(result.exitCode, 1, result.log);
        assert.match(result.log, /^::error title=bulletproof::Bulletproof needs Node\.js 20 or later; this runner has v18\.19\.0\. /m);
        assert.equal(result.stepOutputs.lint, undefined, 'the lint step must not run');
      },
    },
    {
      name: 'the runner refuses what it cannot evaluate, and an expression inside run:',
      run() {
        const fake = join(scratch, 'fake-action');
        mkdirSync(fake, { recursive: true });
        const step = (body) => `runs:\n  using: composite\n  steps:\n    - shell: bash\n${body}`;
        writeFileSync(join(fake, 'action.yml'), step('      run: echo "${{ inputs.files }}"\n'));
        assert.throws(() => readAction(fake), /an expression inside run:/);
        writeFileSync(join(fake, 'action.yml'), step('      run: "true"\n      env:\n        A: ${{ secrets.TOKEN }}\n'));
        const workspace = makeWorkspace(scratch, 'fake', {});
        assert.throws(() => runAction(fake, workspace, {}), /\$\{\{ secrets\.TOKEN \}\}: this runner does not evaluate it/);
        assert.throws(() => substitute('${{ inputs.nope }}', { action: { inputs: {} }, inputs: {} }), /no such input/);
        assert.deepEqual(parseCommandFile('a=1\nb<<EOF\nx\ny\nEOF\n'), { a: '1', b: 'x\ny' });
        // action.yml itself passes these checks.
        assert.equal(readAction(clone).runs.steps.length, 2);
      },
    },
  ];
}
