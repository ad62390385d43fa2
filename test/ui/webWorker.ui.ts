/**
 * The web entry in a real workbench: code-server is told to run the
 * extension in the browser's web worker extension host (as vscode.dev and
 * github.dev do, where there is no other), the window reloads, and the
 * Problems panel lists for examples/weak.resume.yaml what the CLI reports,
 * found by `dist/browserServer.js` in a web worker the browser entry
 * started; a `.bulletproof.yaml` beside another copy, read through the
 * editor's file system (`bulletproof/readFile`), turns a rule off there as
 * the CLI reading it from disk does. The settings are put back, the copy
 * removed and the window reloaded afterwards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { config, TIMEOUT } from './config';
import { expectedRows, sortRows } from './expected';
import { cliFindings } from './oracles';
import { workbench } from './workbench';

const EXTENSION_ID = 'bulletproof-resume.bulletproof';
/** The extension kinds VS Code 1.100 honours in a browser: `web` runs an extension with a `browser` entry in the web worker host. */
const WEB_WORKER_SETTINGS = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
/** A folder with a config file, and the rule it turns off (weak.resume.yaml has a finding of it). */
const CONFIGURED = { folder: 'web-config', file: 'configured.resume.yaml', ruleOff: 'first-person' };

/** The Node extension hosts' logs code-server has written so far (one folder per window connection). */
function remoteExtensionHostLogs(): string[] {
  const logs = path.join(config.userData, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs).flatMap((session) =>
    fs
      .readdirSync(path.join(logs, session))
      .filter((name) => /^exthost\d+$/.test(name))
      .map((name) => path.join(logs, session, name, 'remoteexthost.log')),
  );
}

describe('In the browser', () => {
  it('checks examples/weak.resume.yaml from the web worker extension host, the server in a web worker reading .bulletproof.yaml through the editor', async function () {
    this.timeout(2 * 60_000 + TIMEOUT.firstDiagnostics);
    const installed = fs.readdirSync(path.join(config.tmp, 'extensions')).find((name) => name.startsWith(`${EXTENSION_ID}-`));
    assert.ok(installed, 'the extension is not installed in code-server');
    for (const file of ['dist/browserExtension.js', 'dist/browserServer.js']) {
      assert.ok(fs.existsSync(path.join(config.tmp, 'extensions', installed, file)), `the installed extension has no ${file}`);
    }
    const expected = expectedRows(cliFindings(path.join(config.workspace, 'weak.resume.yaml')));
    assert.ok(expected.length > 0, 'the CLI finds nothing in weak.resume.yaml: the scenario would prove nothing');
    assert.ok(
      expected.some((row) => row.code === CONFIGURED.ruleOff),
      `weak.resume.yaml has no ${CONFIGURED.ruleOff} to turn off`,
    );
    const configuredFolder = path.join(config.workspace, CONFIGURED.folder);
    const configured = path.join(configuredFolder, CONFIGURED.file);

    const settingsFile = path.join(config.userData, 'User', 'settings.json');
    const settings = fs.readFileSync(settingsFile, 'utf8');
    const hostsBefore = new Set(remoteExtensionHostLogs());
    const wb = workbench();
    try {
      fs.mkdirSync(configuredFolder);
      fs.copyFileSync(path.join(config.workspace, 'weak.resume.yaml'), configured);
      fs.writeFileSync(path.join(configuredFolder, '.bulletproof.yaml'), `rules:\n  ${CONFIGURED.ruleOff}: off\n`);
      const expectedConfigured = expectedRows(cliFindings(configured));
      assert.deepEqual(
        expectedConfigured.filter((row) => row.code === CONFIGURED.ruleOff),
        [],
        'the CLI does not read the .bulletproof.yaml',
      );
      fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(settings), ...WEB_WORKER_SETTINGS }, null, 2) + '\n');
      await wb.reload();
      await wb.closeAllEditors();
      await wb.openFile('weak.resume.yaml');
      const rows = await wb.problemsFor('weak.resume.yaml', expected.length, TIMEOUT.firstDiagnostics);
      assert.deepEqual(sortRows(rows), expected);
      await wb.screenshot('web-worker');
      // Closed, its problems go, and the list shows the next file's header where it can be read.
      await wb.closeAllEditors();
      await wb.openFile(CONFIGURED.file);
      const configuredRows = await wb.problemsFor(CONFIGURED.file, expectedConfigured.length, TIMEOUT.firstDiagnostics);
      assert.deepEqual(sortRows(configuredRows), expectedConfigured);

      // Only the browser entry writes this, once it has started the worker.
      const output = await wb.outputMatching('Bulletproof: Show Output', /Starting the language server in a web worker/);
      assert.match(
        output,
        /in a web worker from vscode-remote:\S+\/extensions\/bulletproof-resume\.bulletproof-[\d.]+\/dist\/browserServer\.js \(\d+ bytes, as a blob\)/,
      );
      // And the Node extension host of this window never activated the extension.
      const hostsNow = remoteExtensionHostLogs().filter((log) => !hostsBefore.has(log));
      assert.ok(hostsNow.length > 0, 'no Node extension host log for the reloaded window: nothing to check the extension stayed out of');
      for (const log of hostsNow) {
        const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
        assert.doesNotMatch(text, new RegExp(`_doActivateExtension ${EXTENSION_ID.replace('.', '\\.')}\\b`), `${log} activated it`);
      }
    } catch (error) {
      // The root hook's screenshot comes after the reload below: take one of the web worker's window now.
      await wb.screenshot('FAILED-web-worker-window').catch(() => undefined);
      throw error;
    } finally {
      fs.rmSync(configuredFolder, { recursive: true, force: true });
      fs.writeFileSync(settingsFile, settings);
      await wb.reload();
    }
  });
});
