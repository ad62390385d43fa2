// npm run test:web: the web extension in VS Code for the Web (@vscode/test-web),
// with the suite in test/web/suite/ run in the browser's web worker extension
// host against a folder holding examples/weak.resume.yaml, a .bulletproof.yaml
// that turns a rule off, and what the CLI finds there.
//
// @vscode/test-web is not a dependency (its dependencies download a browser
// when installed): it is installed here on demand, scripts off, into the
// git-ignored .cache/test-web, and run with Debian's chromium
// (BULLETPROOF_CHROMIUM, default /usr/bin/chromium). It downloads a VS Code
// web build; where it cannot (no internet), or there is no browser, this
// prints `web: skipped (<why>)` and exits 0. A suite that ran and failed
// exits 1; `web: N passed` only when the suite ran.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const TEST_WEB_VERSION = '0.0.81';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = join(root, '.cache', 'test-web');
const chromium = process.env.BULLETPROOF_CHROMIUM || '/usr/bin/chromium';
/** The rule the mounted .bulletproof.yaml turns off: weak.resume.yaml has findings of it. */
const RULE_OFF = 'first-person';

function skipped(why) {
  console.log(`web: skipped (${why})`);
  process.exit(0);
}

function failed(why) {
  console.error(why);
  console.log('web: failed');
  process.exit(1);
}

function installTestWeb() {
  const manifest = join(cache, 'node_modules', '@vscode', 'test-web', 'package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === TEST_WEB_VERSION) return;
  console.log(`[web] installing @vscode/test-web@${TEST_WEB_VERSION} into .cache/test-web (install scripts off)…`);
  mkdirSync(cache, { recursive: true });
  const result = spawnSync(
    'npm',
    ['install', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund', '--prefix', cache, `@vscode/test-web@${TEST_WEB_VERSION}`],
    { cwd: cache, encoding: 'utf8' },
  );
  if (result.status !== 0)
    skipped(`could not install @vscode/test-web: ${(result.stderr || result.error?.message || '').trim().split('\n').pop()}`);
}

/** What the CLI finds in `file`, as the suite compares it. */
function cliFindings(file) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) failed(`the CLI failed on ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message }));
}

/** The folder the workbench opens; the CLI reads its .bulletproof.yaml from disk as the web extension reads it through the editor. */
function makeFolder(tmp) {
  const folder = join(tmp, 'folder');
  mkdirSync(folder);
  const resume = join(folder, 'weak.resume.yaml');
  copyFileSync(join(root, 'examples', 'weak.resume.yaml'), resume);
  if (!cliFindings(resume).some((finding) => finding.code === RULE_OFF)) failed(`weak.resume.yaml has no ${RULE_OFF} finding to turn off`);
  writeFileSync(join(folder, '.bulletproof.yaml'), `rules:\n  ${RULE_OFF}: off\n`);
  const findings = cliFindings(resume);
  if (findings.some((finding) => finding.code === RULE_OFF)) failed(`the CLI still finds ${RULE_OFF} with it turned off`);
  // Every finding, hints included: the suite reads diagnostics through the API, not the Problems panel.
  writeFileSync(join(folder, 'expected.json'), JSON.stringify({ findings, ruleOff: RULE_OFF }, null, 2));
  return folder;
}

async function main() {
  installTestWeb();
  const requireFromCache = createRequire(join(cache, 'node_modules', '@vscode', 'test-web', 'package.json'));
  const testWeb = requireFromCache('@vscode/test-web');
  const { downloadAndUnzipVSCode } = requireFromCache('@vscode/test-web/out/server/download.js');

  // A VS Code web build first, so that "cannot download" is told apart from a failing test.
  const builds = join(cache, 'vscode');
  try {
    await downloadAndUnzipVSCode(builds, 'stable', undefined);
  } catch (error) {
    skipped(`cannot get a VS Code web build: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  if (!existsSync(chromium)) skipped(`no browser at ${chromium}`);

  console.log('[web] building the extension and the suite…');
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  for (const bundle of ['dist/browserExtension.js', 'dist/browserServer.js']) {
    if (!existsSync(join(root, bundle))) failed(`${bundle} is missing after the build`);
  }
  const suite = join(root, 'out', 'web', 'suite.js');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'web', 'suite', 'index.ts')],
    outfile: suite,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // mocha's browser build wants a `process` and a `global`.
    define: { 'process.env.NODE_DEBUG': 'false', global: 'globalThis' },
    logLevel: 'warning',
  });

  // @vscode/test-web launches playwright's own chromium, which is not downloaded (scripts off): use Debian's.
  const { chromium: browserType } = requireFromCache('playwright');
  const launch = browserType.launch.bind(browserType);
  browserType.launch = (options = {}) => launch({ ...options, executablePath: chromium });

  const tmp = mkdtempSync(join(tmpdir(), 'bulletproof-web-'));
  const log = console.log;
  let summary;
  console.log = (...args) => {
    const line = args.map(String).join(' ');
    const match = /\[web-suite\] (\d+) passed, (\d+) failed/.exec(line);
    if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
    log(...args);
  };
  try {
    await testWeb.runTests({
      browserType: 'chromium',
      browserOptions: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
      headless: true,
      quality: 'stable',
      testRunnerDataDir: builds,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      folderPath: makeFolder(tmp),
      port: 3000 + Math.floor(Math.random() * 1000),
    });
  } catch (error) {
    console.log = log;
    failed(`the web suite failed: ${error?.message ?? error}${summary ? ` (${summary.passed} passed, ${summary.failed} failed)` : ''}`);
  } finally {
    console.log = log;
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!summary || summary.passed === 0) failed('the web suite reported no passing test');
  console.log(`web: ${summary.passed} passed`);
}

await main();
