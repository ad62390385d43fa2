// What an editor should show for the example resume: what the command line
// reports for the same file, position by position, and a few findings named
// here so that a change to the example cannot empty the test unnoticed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESUME = 'examples/weak.resume.yaml';
/** A second resume of the same project, for the one-server-per-project check. */
export const SECOND_RESUME = 'examples/backend.resume.yaml';
/** `website`, JSON Resume's `url`: the code actions of its line are fetched in Neovim. */
export const ACTION_LINE = 7;
export const ACTION_TITLE = 'Rename to `url`';

/** Findings the example is written to produce (1-based, UTF-16 columns, as the CLI prints). */
export const NAMED_FINDINGS = [
  { line: 26, column: 14, code: 'date-order' },
  { line: 27, column: 5, code: 'schema/unknown-key' },
  { line: 43, column: 31, code: 'placeholder' },
];

const SEVERITIES = ['error', 'warning', 'info', 'hint']; // LSP's 1..4, and vim.diagnostic's

/** `node dist/cli.js --format json <resume>`, normalised like the editors' diagnostics. */
export function commandLineFindings(root, resume) {
  const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', resume], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI exited with ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout).map(({ line, column, code, severity, message }) => ({ line, column, code, severity, message }));
}

/** Column conversions: editors count bytes (Neovim) or characters (Emacs), LSP and the CLI UTF-16 units. */
export function columnConverter(root, resume) {
  const lines = readFileSync(join(root, resume), 'utf8').split(/\r?\n/);
  const line = (number) => lines[number - 1] ?? '';
  return {
    fromBytes: (number, bytes) => Buffer.from(line(number), 'utf8').subarray(0, bytes).toString('utf8').length + 1,
    fromChars: (number, chars) => Array.from(line(number)).slice(0, chars).join('').length + 1,
  };
}

export function severityName(value) {
  return SEVERITIES[value - 1] ?? `severity ${value}`;
}

const key = (f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`;

/** Throws, saying what differs, unless `shown` holds exactly the CLI's findings. */
export function assertSameFindings(shown, expected) {
  const remaining = new Map();
  for (const finding of expected) remaining.set(key(finding), (remaining.get(key(finding)) ?? 0) + 1);
  const extra = [];
  for (const finding of shown) {
    const count = remaining.get(key(finding)) ?? 0;
    if (count === 0) extra.push(key(finding));
    else remaining.set(key(finding), count - 1);
  }
  const missing = [...remaining].flatMap(([text, count]) => Array(count).fill(text));
  if (missing.length || extra.length || shown.length !== expected.length) {
    throw new Error(
      [
        `${shown.length} shown, the CLI reports ${expected.length}`,
        ...missing.map((m) => `missing: ${m}`),
        ...extra.map((e) => `extra:   ${e}`),
      ]
        .slice(0, 30)
        .join('\n'),
    );
  }
}

/** Throws unless every named finding is among `shown`. */
export function assertNamedFindings(shown) {
  const absent = NAMED_FINDINGS.filter(
    (named) => !shown.some((f) => f.line === named.line && f.column === named.column && f.code === named.code),
  );
  if (absent.length) throw new Error(absent.map((f) => `no ${f.code} at ${f.line}:${f.column}`).join('\n'));
}
