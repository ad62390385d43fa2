// Neovim and Emacs, each started headless with README's snippet as the
// user's configuration and a driver (driver.lua, driver.el) that writes what
// the editor holds to a JSON report once the diagnostics are in.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isolatedEnv, runBounded } from './process.mjs';
import { readmeSnippet } from './snippets.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * What every driver is told: where to write, how many diagnostics to wait
 * for, and for how long. The editor itself gets twice that before it is killed.
 */
function driverEnv(home, driver, scenario) {
  return isolatedEnv(home, {
    BULLETPROOF_DRIVER: join(here, driver),
    BULLETPROOF_EDITOR_REPORT: join(home, 'report.json'),
    BULLETPROOF_RESUME: scenario.resume,
    BULLETPROOF_EXPECTED_COUNT: String(scenario.expectedCount),
    BULLETPROOF_EDITOR_TIMEOUT_MS: String(scenario.timeoutMs),
  });
}

/** Every file below `dir` and its bytes, to tell whether an editor wrote anything there. */
function snapshot(dir, files = new Map()) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) snapshot(path, files);
    else files.set(path, readFileSync(path));
  }
  return files;
}

/** Files below `dir` added, removed or changed since `before`. */
function changedSince(dir, before) {
  const after = snapshot(dir);
  const paths = new Set([...before.keys(), ...after.keys()]);
  const changed = (path) => {
    const [then, now] = [before.get(path), after.get(path)];
    return !then || !now || !then.equals(now);
  };
  return [...paths].filter(changed).map((path) => relative(dir, path));
}

/**
 * The editor's run, its driver's report (undefined when it wrote none), and
 * what it changed in the folder of the resume it opened (it should change nothing).
 */
async function runEditor(home, env, command, args, scenario) {
  const folder = join(scenario.root, dirname(scenario.resume));
  const before = snapshot(folder);
  const run = await runBounded(command, args, { cwd: scenario.root, env, timeoutMs: scenario.timeoutMs * 2 + 10_000 });
  const reportPath = env.BULLETPROOF_EDITOR_REPORT;
  const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : undefined;
  return { run, report, home, changedFiles: changedSince(folder, before) };
}

/** `nvim --headless -u init.lua` with the README's Lua snippet as init.lua. */
export async function runNeovim(scenario, home) {
  const init = join(home, 'init.lua');
  writeFileSync(init, readmeSnippet(scenario.root, 'lua'));
  const env = driverEnv(home, 'driver.lua', scenario);
  env.BULLETPROOF_ACTION_LINE = String(scenario.actionLine);
  env.BULLETPROOF_SECOND_FILE = scenario.secondResume;
  const args = ['--headless', '-u', init, '-c', 'lua dofile(vim.env.BULLETPROOF_DRIVER)', scenario.resume];
  const result = await runEditor(home, env, 'nvim', args, scenario);
  const logPath = result.report?.lspLog;
  return { ...result, lspLog: logPath && existsSync(logPath) ? readFileSync(logPath, 'utf8') : '' };
}

/**
 * `emacs -nw` under a pseudo-terminal (util-linux `script`), with the
 * README's Elisp snippet as ~/.emacs.d/init.el: a real startup, packages
 * activated as for any user, and a command loop for `eglot-ensure`.
 */
export async function runEmacs(scenario, home) {
  const config = join(home, '.emacs.d');
  mkdirSync(config, { recursive: true });
  writeFileSync(join(config, 'init.el'), readmeSnippet(scenario.root, 'elisp'));
  const env = driverEnv(home, 'driver.el', scenario);
  env.TERM = 'xterm';
  env.SHELL = '/bin/sh'; // `script` runs the command with $SHELL -c
  const command = 'exec emacs -nw -l "$BULLETPROOF_DRIVER" "$BULLETPROOF_RESUME"';
  return runEditor(home, env, 'script', ['--quiet', '--return', '--command', command, '/dev/null'], scenario);
}
