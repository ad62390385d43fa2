/**
 * Runs the built CLI (`dist/cli.js`) for the tests of reading, writing and
 * finding files. As root, permissions stop nobody, so the tests that need a
 * read-only folder run the CLI as the unprivileged user `nobody` instead.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root: the nearest folder above the compiled test with a `package.json`. */
export const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const WEAK = path.join(ROOT, 'examples', 'weak.resume.yaml');
export const BACKEND = path.join(ROOT, 'examples', 'backend.resume.yaml');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds, for the runs that must return at once. */
  ms: number;
}

export const isRoot = process.getuid?.() === 0;
/** `nobody` on Debian and most Linux systems. */
const NOBODY = 65534;

/** Runs the CLI; `asNobody` drops root's privileges for a permission test. */
export function cli(args: string[], cwd: string, options: { asNobody?: boolean; timeoutMs?: number } = {}): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    ...(options.asNobody && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** A temporary folder the unprivileged user can use too (`nobody` cannot enter root's 0700 folders). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/** Gives a file or folder to `nobody` when running as root, so that a chmod binds. */
export function giveAway(file: string): void {
  if (isRoot) fs.chownSync(file, NOBODY, NOBODY);
}

export function put(dir: string, relative: string, text: string | Uint8Array): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** The `path:line:col` lines of a text run, as file names. */
export function filesReported(run: Run): string[] {
  const names = run.stdout
    .split('\n')
    .filter((line) => /:\d+:\d+ /.test(line))
    .map((line) => line.slice(0, line.indexOf(':')));
  return [...new Set(names)].sort();
}

export function assertExit(run: Run, status: number, context: string): void {
  assert.equal(run.status, status, `${context}: exit ${run.status}\n${run.stdout}\n${run.stderr}`);
}
