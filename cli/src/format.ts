/** The CLI's two output formats and its closing summary. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

export interface FileReport {
  file: string;
  findings: Finding[];
  document: TextDocument;
  /** The whole result, for the report; absent for a file that is not text. */
  result?: LintResult;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

/** 1-based lines and columns; columns in UTF-16 code units, as in LSP. */
export function toJsonFindings(report: FileReport, name: string): JsonFinding[] {
  return report.findings.map((finding) => {
    const start = report.document.positionAt(finding.range.start);
    const end = report.document.positionAt(finding.range.end);
    return {
      file: name,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: finding.severity,
      code: finding.ruleId,
      message: finding.message,
    };
  });
}

export function formatJson(reports: FileReport[], nameOf: (file: string) => string): string {
  return JSON.stringify(
    reports.flatMap((report) => toJsonFindings(report, nameOf(report.file))),
    null,
    2,
  );
}

export function formatText(reports: FileReport[], nameOf: (file: string) => string): string {
  return reports
    .flatMap((report) =>
      toJsonFindings(report, nameOf(report.file)).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`),
    )
    .join('\n');
}

export function summary(reports: FileReport[]): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) for (const finding of report.findings) counts[finding.severity]++;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (total === 0) return `✓ no problems in ${files}`;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.info, 'info'),
    plural(counts.hint, 'hint'),
  ].filter(Boolean);
  return `${counts.error ? '✖' : '⚠'} ${plural(total, 'problem')} (${parts.join(', ')}) in ${files}`;
}

function plural(n: number, word: string): string {
  if (n === 0) return '';
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}
