// UI tests in a real VS Code workbench: builds and packages the extension,
// installs it into code-server (VS Code 1.100.3 served on 127.0.0.1), opens a
// copy of test/ui/workspace in headless chromium and runs the scenarios in
// test/ui/*.ui.ts with mocha. Everything it starts is stopped, and every
// temporary folder removed, on success, failure and Ctrl+C.
//
//   node scripts/ui/run.mjs [--grep <text>] [--screenshots <dir>] [--vsix <file>]
//
//   --grep <text>         run only the scenarios whose title contains <text>
//   --screenshots <dir>   also copy the README screenshots into <dir> (npm run screenshots: docs/images)
//   --vsix <file>         test this .vsix instead of building and packaging one
//
// Screenshots of every scenario (and of failures) go to test-results/ui/.
// Environment: BULLETPROOF_CACHE (where code-server is installed, default
// ~/.cache/bulletproof-ui), BULLETPROOF_CHROMIUM (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import Mocha from 'mocha';
import { codeServerDirs, freePort, installExtension, startCodeServer, writeUserSettings } from './codeServer.mjs';
import { chromiumPath, ensureUiTools } from './setup.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The screenshots the README shows, copied by --screenshots. */
const README_SCREENSHOTS = ['hover.png', 'problems.png', 'completion.png', 'quickfix.png', 'report.png', 'preview.png'];

/** Quiet, deterministic user settings: no welcome page, no word completions to confuse ours. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.editor.enablePreview': false,
  'workbench.localHistory.enabled': false,
  // VS Code for the Web saves after a delay by default; the tests revert their edits instead.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  // Suggestions only when asked (Ctrl+Space), and only from language features.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
};

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    screenshots: { type: 'string' },
    vsix: { type: 'string' },
  },
});
const screenshotsDir = options.screenshots ?? process.env.BULLETPROOF_SCREENSHOTS;

const timings = [];
async function step(name, action) {
  const started = Date.now();
  process.stdout.write(`[ui] ${name}…\n`);
  try {
    return await action();
  } finally {
    timings.push([name, (Date.now() - started) / 1000]);
  }
}

function run(command, args, extra = {}) {
  return execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...extra });
}

// Everything the run starts or creates, so that cleanup can undo it from anywhere.
const tmp = mkdtempSync(join(tmpdir(), 'bulletproof-ui-'));
let server;
let cleanedUp = false;
const resultsDir = join(root, 'test-results', 'ui');

function saveLogs() {
  const logs = join(resultsDir, 'logs');
  try {
    mkdirSync(logs, { recursive: true });
    if (existsSync(join(tmp, 'code-server.log'))) cpSync(join(tmp, 'code-server.log'), join(logs, 'code-server.log'));
    const userLogs = join(tmp, 'user-data', 'logs');
    if (existsSync(userLogs)) cpSync(userLogs, join(logs, 'vscode'), { recursive: true });
  } catch {
    // logs are a help, not a result
  }
}

let workbenchModule; // the compiled test/ui/workbench.js, once loaded

/** Synchronous, so that it also runs from the exit handler; never throws. */
function cleanupNow() {
  if (cleanedUp) return;
  cleanedUp = true;
  server?.stopNow();
  saveLogs();
  try {
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  } catch (error) {
    console.error(`[ui] could not remove ${tmp}: ${error.message}`);
  }
}

/** Ctrl+C and friends: close the browser and code-server, remove the temporary folder, exit. */
let interrupted = false;
async function interrupt(signal, code) {
  if (interrupted) return;
  interrupted = true;
  console.error(`\n[ui] ${signal}: closing the browser and code-server, removing ${tmp}`);
  const force = setTimeout(() => {
    cleanupNow();
    process.exit(code);
  }, 10_000);
  try {
    await workbenchModule?.closeWorkbench();
  } catch {
    // it is going away anyway
  }
  try {
    await server?.stop();
  } catch {
    // stopNow() below
  }
  clearTimeout(force);
  cleanupNow();
  process.exit(code);
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => void interrupt(signal, code));
}
process.on('exit', cleanupNow);

async function main() {
  const started = Date.now();
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  let vsix;
  if (options.vsix) {
    vsix = resolve(options.vsix);
    await step('build (CLI only, for expected findings)', () => run(process.execPath, ['esbuild.config.mjs', '--production']));
  } else {
    await step('build', () => run(process.execPath, ['esbuild.config.mjs', '--production']));
    // This machine's platform build, which renders (Export PDF, the preview), where there is one; else the universal .vsix.
    const target =
      process.platform === 'linux' && process.arch === 'x64' && process.report?.getReport().header.glibcVersionRuntime
        ? 'linux-x64'
        : undefined;
    await step(`package .vsix (${target ?? 'universal'})`, () => {
      const packaged = join(tmp, 'package');
      try {
        run(process.execPath, [
          'scripts/package.mjs',
          '--no-build',
          '--offline',
          '--out',
          packaged,
          ...(target ? ['--target', target] : []),
        ]);
      } catch (error) {
        throw new Error(`packaging failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`, { cause: error });
      }
      vsix = join(
        packaged,
        readdirSync(packaged).find((name) => name.endsWith('.vsix')),
      );
    });
  }
  console.log(`[ui] extension: ${relative(root, vsix) || vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);

  const tools = await step('set up code-server and chromium', () => ensureUiTools());

  const compiled = join(root, 'out', 'ui');
  await step('compile scenarios', async () => {
    rmSync(compiled, { recursive: true, force: true });
    const sources = readdirSync(join(root, 'test', 'ui'))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(root, 'test', 'ui', name));
    // Not bundled (the scenarios share one workbench module): what they import from test/support is compiled beside them.
    await esbuild.build({
      entryPoints: [...sources, join(root, 'test', 'support', 'chromium.ts')],
      outbase: join(root, 'test'),
      outdir: join(root, 'out'),
      bundle: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
  });

  const dirs = codeServerDirs(tmp);
  writeUserSettings(dirs, USER_SETTINGS);
  await step('install the .vsix into code-server', () => installExtension(tools.codeServerEntry, dirs, vsix));

  const workspace = join(tmp, 'workspace');
  cpSync(join(root, 'test', 'ui', 'workspace'), workspace, { recursive: true });
  const weak = join(root, 'examples', 'weak.resume.yaml');
  if (!existsSync(weak)) throw new Error('examples/weak.resume.yaml is missing: the scenarios open it');
  cpSync(weak, join(workspace, 'weak.resume.yaml'));

  server = await step('start code-server', async () =>
    startCodeServer({
      entry: tools.codeServerEntry,
      dirs,
      folder: workspace,
      port: await freePort(),
      logFile: join(tmp, 'code-server.log'),
    }),
  );
  console.log(`[ui] code-server ${server.url} (pid ${server.pid}), workspace ${workspace}`);

  Object.assign(process.env, {
    BULLETPROOF_UI_URL: server.url,
    BULLETPROOF_UI_WORKSPACE: workspace,
    BULLETPROOF_UI_RESULTS: resultsDir,
    BULLETPROOF_UI_TMP: tmp,
    BULLETPROOF_UI_USER_DATA: dirs.userData,
    BULLETPROOF_CHROMIUM: chromiumPath(),
  });
  const stats = await step('scenarios', () => runMocha(compiled));

  if (screenshotsDir && stats.failures === 0) {
    const target = resolve(root, screenshotsDir);
    mkdirSync(target, { recursive: true });
    for (const name of README_SCREENSHOTS) {
      if (existsSync(join(resultsDir, name))) cpSync(join(resultsDir, name), join(target, name));
    }
    console.log(`[ui] README screenshots copied to ${relative(root, target)}/: ${README_SCREENSHOTS.join(', ')}`);
  }

  await step('stop code-server', () => server.stop());
  console.log('\n[ui] timings');
  for (const [name, seconds] of timings) console.log(`[ui]   ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  console.log(`[ui]   ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
  console.log(`[ui] screenshots: ${relative(root, resultsDir)}/`);
  console.log(`ui: ${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
  return stats.failures === 0 && stats.passes > 0 ? 0 : 1;
}

async function runMocha(compiled) {
  workbenchModule = require(join(compiled, 'workbench.js'));
  const { mochaHooks } = workbenchModule;
  const mocha = new Mocha({
    reporter: 'spec',
    timeout: 60_000,
    color: process.stdout.isTTY,
    rootHooks: mochaHooks,
    ...(options.grep ? { grep: options.grep } : {}),
  });
  for (const name of readdirSync(compiled)
    .filter((file) => file.endsWith('.ui.js'))
    .sort()) {
    mocha.addFile(join(compiled, name));
  }
  await mocha.loadFilesAsync();
  return new Promise((resolveStats) => {
    const runner = mocha.run(() => resolveStats(runner.stats));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\n[ui] failed: ${error instanceof Error ? error.message : error}`);
  if (server) console.error(`[ui] code-server log: test-results/ui/logs/code-server.log`);
  console.log('ui: 0 passed, 1 failed');
} finally {
  cleanupNow();
}
process.exit(exitCode);
