// `npm run test:editors`: the README's Neovim and Emacs snippets, as written
// there, in real headless editors against the built server. Each editor opens
// examples/weak.resume.yaml and must show what `bulletproof --format json`
// reports for it. An editor that is not installed has its checks reported
// as skipped. Ends with `editors: N passed, N failed[, N skipped]`, and exits
// non-zero when a check failed.
//
//   node test/editors/run.mjs [--keep]     (--keep leaves the editors' homes for a look)
//
// Environment: BULLETPROOF_EDITOR_TIMEOUT_MS, how long an editor may wait for
// the diagnostics (default 90000; it is killed at twice that).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMACS_CHECKS, NEOVIM_CHECKS } from './checks.mjs';
import { runEmacs, runNeovim } from './editors.mjs';
import { ACTION_LINE, columnConverter, commandLineFindings, RESUME, SECOND_RESUME } from './expectations.mjs';
import { onPath } from './process.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');

const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const expected = commandLineFindings(root, RESUME);
const context = { root, expected, columns: columnConverter(root, RESUME) };
const scenario = {
  root,
  resume: RESUME,
  secondResume: SECOND_RESUME,
  actionLine: ACTION_LINE,
  expectedCount: expected.length,
  timeoutMs: Number(process.env.BULLETPROOF_EDITOR_TIMEOUT_MS ?? 90_000),
};

const EDITORS = [
  { name: 'Neovim', command: 'nvim', start: runNeovim, checks: NEOVIM_CHECKS },
  { name: 'Emacs', command: 'emacs', start: runEmacs, checks: EMACS_CHECKS, needs: ['script'] },
];

const counts = { passed: 0, failed: 0, skipped: 0 };

for (const editor of EDITORS) {
  const missing = [editor.command, ...(editor.needs ?? [])].filter((command) => !onPath(command));
  if (missing.length) {
    for (const check of editor.checks) {
      counts.skipped++;
      console.log(`  - ${check.name} (skipped: ${missing.join(', ')} not installed)`);
    }
    continue;
  }
  const home = mkdtempSync(join(tmpdir(), `bulletproof-${editor.command}-`));
  const started = Date.now();
  let result;
  try {
    result = await editor.start(scenario, home);
  } catch (error) {
    result = { run: { status: null, signal: null, timedOut: false, stderr: String(error?.stack ?? error) } };
  }
  const version = result.report?.version ? ` ${result.report.version}` : '';
  console.log(`${editor.name}${version} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  for (const check of editor.checks) {
    try {
      check.run(result, context);
      counts.passed++;
      console.log(`  ✓ ${check.name}`);
    } catch (error) {
      counts.failed++;
      console.log(`  ✗ ${check.name}\n${indent(error.message)}`);
    }
  }
  if (keep) console.log(`  (kept ${home})`);
  else rmSync(home, { recursive: true, force: true });
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
console.log(`editors: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
process.exit(counts.failed ? 1 : 0);
