/**
 * Runs the extension-host suite (test/e2e/suite) in a real VS Code with
 * @vscode/test-electron. Where VS Code cannot be downloaded (no network, as on
 * the project's build machines) it says so and reports the suite as skipped:
 * never as passed. Set BULLETPROOF_E2E_REQUIRED=1 to make that a failure
 * instead (a CI with internet). BULLETPROOF_E2E_VSCODE picks the VS Code
 * version (default: the one the UI tests run, 1.100.3).
 *
 * Built and started by test/e2e/run.mjs (`npm run test:e2e`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, ProgressReportStage, runTests, type ProgressReporter } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');
const VERSION = process.env.BULLETPROOF_E2E_VSCODE ?? '1.100.3';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  // Completion items then come from language features only.
  'editor.wordBasedSuggestions': 'off',
};

/** One line per download stage (the default reporter redraws a line, which reads badly in CI logs). */
const reporter: ProgressReporter = {
  report(report) {
    if (report.stage === ProgressReportStage.Downloading) return;
    console.log(`e2e: VS Code ${VERSION}: ${report.stage}`);
  },
  error() {
    // reported by main() with the reason
  },
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A temporary copy of the UI tests' workspace, with the weak example in it, as the UI tests see it. */
function makeWorkspace(tmp: string): string {
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'ui', 'workspace'), workspace, { recursive: true });
  fs.cpSync(path.join(root, 'examples', 'weak.resume.yaml'), path.join(workspace, 'weak.resume.yaml'));
  return workspace;
}

async function main(): Promise<number> {
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, timeout: 60_000, reporter });
  } catch (error) {
    if (process.env.BULLETPROOF_E2E_REQUIRED === '1') {
      console.error(`e2e: VS Code ${VERSION} could not be downloaded: ${errorText(error)}`);
      return 1;
    }
    console.log(`e2e: skipped (VS Code could not be downloaded: ${errorText(error)})`);
    return 0;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-e2e-'));
  try {
    const workspace = makeWorkspace(tmp);
    const userData = path.join(tmp, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { BULLETPROOF_E2E_WORKSPACE: workspace, BULLETPROOF_E2E_ROOT: root },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error(`e2e: ${errorText(error)}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`e2e: ${errorText(error)}`);
    process.exit(1);
  },
);
