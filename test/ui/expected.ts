/** Turns the CLI's findings into what the Problems panel should list. */
import type { CliFinding } from './oracles';
import type { ProblemRow } from './workbench';

/** VS Code leaves hints out of the Problems panel. */
export function expectedRows(findings: readonly CliFinding[]): ProblemRow[] {
  return sortRows(
    findings
      .filter((finding) => finding.severity !== 'hint')
      .map((finding) => ({
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        column: finding.column,
        source: 'bulletproof',
        code: finding.code,
      })),
  );
}

export function sortRows(rows: readonly ProblemRow[]): ProblemRow[] {
  const key = (row: ProblemRow) => `${String(row.line).padStart(6, '0')}:${String(row.column).padStart(6, '0')}:${row.code}:${row.message}`;
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}
