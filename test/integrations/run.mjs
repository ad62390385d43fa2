// `npm run test:integrations`: the GitHub Action and the pre-commit hook the
// way a user meets them, on a fresh copy of this repository (the working
// tree's files as git sees them, uncommitted edits included) in an empty
// temporary folder. The action's `npm ci` and pre-commit's install are real,
// once each per run. The pre-commit cases are skipped, saying why, only where
// pre-commit is not installed and CI is not set; in CI they must run.
// Ends with `integrations: N passed, N failed[, N skipped]`; exits 1 on a failure.
//
//   node test/integrations/run.mjs [--keep]     (--keep leaves the temporary folder for a look)
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionCases } from './action.mjs';
import { freshClone } from './checkout.mjs';
import { preCommitCases } from './precommit.mjs';
import { onPath } from '../editors/process.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'bulletproof-integrations-')));
const clone = join(scratch, 'bulletproof');

const started = Date.now();
const copied = freshClone(root, clone);
console.log(`copied ${copied} files to ${clone}`);
const context = { root, clone, scratch, readResume: (file) => readFileSync(join(clone, file), 'utf8') };

const preCommitMissing = onPath('pre-commit') ? '' : 'pre-commit is not installed';
if (preCommitMissing && process.env.CI) {
  console.error(`integrations: ${preCommitMissing}, and CI is set: it must run here (apt-get install pre-commit).`);
  process.exit(1);
}
const groups = [
  { name: 'GitHub Action (action.yml)', cases: actionCases(context) },
  { name: 'pre-commit hook (.pre-commit-hooks.yaml)', cases: preCommitCases(context), skip: preCommitMissing },
];

const counts = { passed: 0, failed: 0, skipped: 0 };
for (const group of groups) {
  console.log(group.name);
  for (const test of group.cases) {
    if (group.skip) {
      counts.skipped++;
      console.log(`  - ${test.name} (skipped: ${group.skip})`);
      continue;
    }
    const caseStarted = Date.now();
    try {
      test.run();
      counts.passed++;
      console.log(`  ✓ ${test.name}${test.timed ? ` (${seconds(caseStarted)})` : ''}`);
    } catch (error) {
      counts.failed++;
      console.log(`  ✗ ${test.name} (${seconds(caseStarted)})\n${indent(String(error?.stack ?? error))}`);
    }
  }
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

if (keep) console.log(`(kept ${scratch})`);
else rmSync(scratch, { recursive: true, force: true });
const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(`integrations: ${counts.passed} passed, ${counts.failed} failed${skipped} (${seconds(started)})`);
process.exit(counts.failed ? 1 : 0);
