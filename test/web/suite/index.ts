/**
 * The suite `npm run test:web` runs inside VS Code for the Web
 * (@vscode/test-web), in its web worker extension host, against the folder
 * test/web/run.mjs mounts: weak.resume.yaml, a .bulletproof.yaml beside it
 * that turns a rule off, and what the CLI finds there (expected.json, the
 * CLI reading the same config from disk). Bundled for the browser with
 * mocha's browser build.
 */
import 'mocha/mocha.js';
import * as vscode from 'vscode';

/** Node's `assert` is not in the browser: the checks the suite needs. */
const assert: {
  ok(value: unknown, message?: string): asserts value;
  equal(actual: unknown, expected: unknown, message?: string): void;
  deepEqual(actual: unknown, expected: unknown): void;
} = {
  ok(value: unknown, message = 'expected a true value'): asserts value {
    if (!value) throw new Error(message);
  },
  equal(actual: unknown, expected: unknown, message?: string): void {
    if (actual !== expected) throw new Error(message ?? `${String(actual)} !== ${String(expected)}`);
  },
  deepEqual(actual: unknown, expected: unknown): void {
    const [shown, wanted] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
    if (shown !== wanted) throw new Error(`expected\n${wanted}\nbut got\n${shown}`);
  },
};

interface Expected {
  /** What the CLI reports for weak.resume.yaml with the .bulletproof.yaml beside it. */
  findings: { line: number; column: number; severity: string; code: string; message: string }[];
  /** The rule the .bulletproof.yaml turns off, which the CLI finds without it. */
  ruleOff: string;
}

const SEVERITY: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function folder(): vscode.Uri {
  const [first] = vscode.workspace.workspaceFolders ?? [];
  if (!first) throw new Error('no folder is open');
  return first.uri;
}

/** Bulletproof's diagnostics for `uri` once they come (the first ones wait for the worker to start). */
async function diagnosticsFor(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'bulletproof');
  if (ours().length > 0) return ours();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics for ${uri.toString()} in 60 s`));
    }, 60_000);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || ours().length === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(ours());
    });
  });
}

function key(row: { line: number; column: number; code: string; message: string }): string {
  return `${String(row.line).padStart(5, '0')}:${String(row.column).padStart(5, '0')}:${row.code}:${row.message}`;
}

/** The tests; defined once `mocha.setup` has made `suite` and `test` global. */
function defineTests(): void {
  suite('Bulletproof in VS Code for the Web', function () {
    this.timeout(90_000);
    let expected: Expected;
    let resume: vscode.Uri;
    let diagnostics: vscode.Diagnostic[];

    suiteSetup(async () => {
      expected = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), 'expected.json'))),
      ) as Expected;
      resume = vscode.Uri.joinPath(folder(), 'weak.resume.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(resume));
      diagnostics = await diagnosticsFor(resume);
    });

    test('runs in the web worker extension host', () => {
      const extension = vscode.extensions.getExtension('bulletproof-resume.bulletproof');
      assert.ok(extension?.isActive, 'the extension is not active');
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    });

    test('publishes what the CLI finds, with the .bulletproof.yaml read through the editor', () => {
      const shown = diagnostics
        .map((diagnostic) => ({
          line: diagnostic.range.start.line + 1,
          column: diagnostic.range.start.character + 1,
          severity: SEVERITY[diagnostic.severity] ?? '?',
          code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code),
          message: diagnostic.message,
        }))
        .sort((a, b) => key(a).localeCompare(key(b)));
      const cli = [...expected.findings].sort((a, b) => key(a).localeCompare(key(b)));
      assert.deepEqual(shown, cli);
      assert.ok(!shown.some((row) => row.code === expected.ruleOff), `${expected.ruleOff} is off in .bulletproof.yaml`);
    });

    test('offers a quick fix', async () => {
      const fixable = diagnostics.find((diagnostic) => diagnostic.code !== undefined);
      assert.ok(fixable, 'no diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', resume, fixable.range);
      assert.ok(
        actions.some((action) => action.diagnostics?.some((diagnostic) => diagnostic.source === 'bulletproof')),
        JSON.stringify(actions.map((action) => action.title)),
      );
    });
  });
}

/** Called by the test workbench: runs the suite and says how it went on the console the runner reads. */
export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: undefined });
  defineTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`[web-suite] ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
