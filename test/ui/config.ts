/**
 * Where the UI run lives, and how long to wait for what the page should
 * show. From the environment scripts/ui/run.mjs sets:
 *   BULLETPROOF_UI_URL        the workbench URL (code-server on 127.0.0.1)
 *   BULLETPROOF_UI_WORKSPACE  the temporary copy of test/ui/workspace it serves
 *   BULLETPROOF_UI_RESULTS    where screenshots go (default test-results/ui)
 *   BULLETPROOF_CHROMIUM      the browser (default /usr/bin/chromium)
 *   BULLETPROOF_UI_TMP        the run's temporary folder (the browser profile goes there)
 *   BULLETPROOF_UI_USER_DATA  code-server's user data folder (user settings, the server's logs)
 */
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests with \`node scripts/ui/run.mjs\``);
  return value;
}

export const config = {
  get url(): string {
    return requiredEnv('BULLETPROOF_UI_URL');
  },
  get workspace(): string {
    return requiredEnv('BULLETPROOF_UI_WORKSPACE');
  },
  results: path.resolve(repoRoot, process.env.BULLETPROOF_UI_RESULTS ?? path.join('test-results', 'ui')),
  chromium: process.env.BULLETPROOF_CHROMIUM ?? '/usr/bin/chromium',
  get userData(): string {
    return requiredEnv('BULLETPROOF_UI_USER_DATA');
  },
  /** The run's temporary folder, removed by run.mjs even when interrupted. */
  tmp: process.env.BULLETPROOF_UI_TMP ?? os.tmpdir(),
};

/** How long to wait for something the page should show. */
export const TIMEOUT = {
  /** The first diagnostics: extension activation and language server start included. */
  firstDiagnostics: 45_000,
  ui: 15_000,
};
