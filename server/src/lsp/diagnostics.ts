/**
 * The one place a finding becomes an LSP diagnostic: `code` is the rule id,
 * `codeDescription.href` its doc page, `source` the tool. Nothing more: every
 * keystroke sends them all again, and code actions find the finding itself
 * by its range and rule.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, OffsetRange, Severity } from '../engine/types';
import type { ConfigProblem } from '../engine/configText';

export const SOURCE = 'bulletproof';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

/** `docsUri` gives no link where the rule docs cannot be opened (a browser whose client named no docs folder). */
export function toDiagnostic(finding: Finding, document: TextDocument, docsUri: (ruleId: string) => string | undefined): Diagnostic {
  const href = docsUri(finding.ruleId);
  return {
    range: toRange(document, finding.range),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    ...(href !== undefined && { codeDescription: { href } }),
    source: SOURCE,
    message: finding.message,
  };
}

/**
 * A config file's problems, where they are: the same words the CLI prints
 * before it exits 2, so a misspelt rule id is seen while it is typed. The
 * `code` points at the settings, which have no rule page.
 */
export function configDiagnostics(document: TextDocument, problems: readonly ConfigProblem[]): Diagnostic[] {
  return [...problems]
    .sort((a, b) => a.range.start - b.range.start)
    .map((problem) => ({
      range: toRange(document, problem.range),
      severity: SEVERITIES[problem.severity],
      code: CONFIG_CODE,
      source: SOURCE,
      message: problem.message,
    }));
}

export const CONFIG_CODE = 'config';
