/**
 * `--format github`: one workflow command per finding, so a GitHub Actions
 * run shows each finding on its line of the pull request's diff.
 */
import * as path from 'node:path';
import type { Severity } from '../../server/src/engine/types';
import { toJsonFindings, type FileReport, type JsonFinding } from './format';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/** The message after `::`: only `%` and line breaks would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also ends at `,` (the next property) or `:` (the message). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Columns go only with a finding on one line: the runner drops an
 * annotation whose `col`/`endColumn` span several lines.
 */
export function githubCommand(finding: JsonFinding): string {
  const oneLine = finding.line === finding.endLine;
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.line],
  ];
  if (oneLine) properties.push(['col', finding.column]);
  properties.push(['endLine', finding.endLine]);
  if (oneLine) properties.push(['endColumn', finding.endColumn]);
  properties.push(['title', finding.code]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

/** `nameOf` gives the path relative to the working directory; the command wants forward slashes. */
export function formatGithub(reports: FileReport[], nameOf: (file: string) => string): string {
  return reports.flatMap((report) => toJsonFindings(report, nameOf(report.file).split(path.sep).join('/')).map(githubCommand)).join('\n');
}
