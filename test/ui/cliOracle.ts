/**
 * The built CLI as the oracle of what an editor should show: its findings
 * and report for a file, or for a text saved under a name. Shared by the UI
 * scenarios here (compiled file by file, so it may import only Node) and the
 * extension-host suite in test/e2e (bundled elsewhere, so it says where
 * `dist/cli.js` is rather than finding it from its own folder).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ResumeReport } from '../../server/src/engine/report';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One finding as `bulletproof --format json` prints it (1-based lines and columns). */
export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/** Plain functions, so that they can be taken off the oracle and exported on their own. */
export interface CliOracle {
  /** What the CLI finds in `file`: the expected diagnostics, computed rather than typed. */
  findings: (file: string) => CliFinding[];
  /**
   * The findings for `text` as if it were a file named `name` (for edits made
   * in the editor). `companions` are copied beside it, so that a
   * `meta.posting: ./acme-backend.md` resolves as it does in the workspace.
   */
  findingsForText: (text: string, name: string, companions?: readonly string[]) => CliFinding[];
  /** The resume report `bulletproof --report --format json` computes for `file`. */
  report: (file: string) => ResumeReport;
  /** The report for `text` as if it were a file named `name`, with `companions` beside it. */
  reportForText: (text: string, name: string, companions?: readonly string[]) => ResumeReport;
}

/** The oracle of the CLI at `cli` (a path to `dist/cli.js`). */
export function cliOracle(cli: string): CliOracle {
  const run = (args: readonly string[], file: string): unknown => {
    const result = spawnSync(process.execPath, [cli, ...args, file], {
      encoding: 'utf8',
      // In an extension host execPath is Electron: run it as Node (plain Node ignores this).
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    // Exit 1 means findings, not failure.
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`bulletproof ${args.join(' ')} failed (${result.status}) on ${file}: ${result.stderr}`);
    }
    return JSON.parse(result.stdout);
  };
  const findings = (file: string) => run(['--format', 'json'], file) as CliFinding[];
  const report = (file: string): ResumeReport => {
    const [entry] = run(['--report', '--format', 'json'], file) as { file: string; report: ResumeReport }[];
    if (!entry) throw new Error(`bulletproof --report printed no report for ${file}`);
    return entry.report;
  };
  return {
    findings,
    findingsForText: (text, name, companions = []) => withTextFile(text, name, companions, findings),
    report,
    reportForText: (text, name, companions = []) => withTextFile(text, name, companions, report),
  };
}

/** Runs `use` on `text` saved as `name` in a temporary folder, with `companions` copied beside it. */
function withTextFile<T>(text: string, name: string, companions: readonly string[], use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-text-'));
  try {
    for (const companion of companions) fs.copyFileSync(companion, path.join(dir, path.basename(companion)));
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
