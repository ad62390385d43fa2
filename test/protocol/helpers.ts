/**
 * What the protocol tests share: the diagnostics the server should publish
 * for a text (the engine's findings in the protocol's shape), positions, and
 * stopping a server without leaving a process behind.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DiagnosticSeverity,
  ProtocolRequestType,
  type CompletionItem,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/linter';
import type { LintOptions, Severity } from '../../server/src/engine/types';
import { buildReport, type ResumeReport } from '../../server/src/engine/report';
import { postingLoader } from '../../server/src/node/posting';
import { REPORT_REQUEST, type ReportParams, type ReportResult } from '../../server/src/protocol';
import { LspClient, REPO_ROOT, SERVER_PATH } from '../support/lspClient';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule docs ship beside the bundle: `<root>/dist/server.js` → `<root>/docs/rules/<id>.md`. */
export function docsHref(ruleId: string): string {
  return pathToFileURL(path.join(path.dirname(SERVER_PATH), '..', 'docs', 'rules', `${ruleId}.md`)).href;
}

/** What the server should publish for `text`: the engine's findings as LSP diagnostics. */
export function expectedDiagnostics(text: string, options: LintOptions = {}): Diagnostic[] {
  const document = TextDocument.create('file:///expected.yaml', 'yaml', 1, text);
  return lint(text, options).findings.map((finding) => ({
    range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsHref(finding.ruleId) },
    source: 'bulletproof',
    message: finding.message,
  }));
}

/** Diagnostic messages may be markup since LSP 3.18; ours are plain strings. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export const pos = (line: number, character: number): Position => ({ line, character });
export const range = (startLine: number, startChar: number, endLine: number, endChar: number): Range => ({
  start: pos(startLine, startChar),
  end: pos(endLine, endChar),
});

/** Shuts down gracefully when it can; always leaves no process behind. */
export async function stop(client: LspClient | undefined): Promise<void> {
  if (!client) return;
  try {
    await client.shutdown();
  } finally {
    client.kill();
  }
}

/** A server with the repository as its workspace: a resume's `meta.posting` is read inside it, as the CLI does. */
export function startInRepository(): Promise<LspClient> {
  return LspClient.start({
    settings: { bulletproof: {} },
    workspaceFolders: [{ uri: pathToFileURL(REPO_ROOT).href, name: 'bulletproof' }],
  });
}

export const ReportRequest = new ProtocolRequestType<ReportParams, ReportResult | null, never, void, void>(REPORT_REQUEST);

/** The server's `bulletproof/report` for an open document. */
export function requestReport(client: LspClient, uri: string): Promise<ReportResult | null> {
  return client.request(ReportRequest, { uri });
}

/** What the engine reports for the text (its posting read as the server reads it), as it arrives over JSON. */
export function engineReport(text: string, resumePath?: string): ResumeReport {
  const result = lint(text, { loadPosting: postingLoader({ resumePath, root: resumePath ? REPO_ROOT : undefined }) });
  return JSON.parse(JSON.stringify(buildReport(result, result.posting))) as ResumeReport;
}

/** Completion where `marker` stands in `source` (the marker removed), as a client that opens the text, asks, and closes it. */
export async function completeAt(
  client: LspClient,
  uri: string,
  source: string,
  marker: string,
): Promise<{ items: CompletionItem[]; document: TextDocument; offset: number }> {
  const offset = source.indexOf(marker);
  const text = source.slice(0, offset) + source.slice(offset + marker.length);
  const document = TextDocument.create(uri, 'yaml', 1, text);
  await client.open(uri, text);
  const result = await client.request(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(offset) });
  await client.close(uri);
  return { items: result === null ? [] : Array.isArray(result) ? result : result.items, document, offset };
}
