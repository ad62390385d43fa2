/**
 * Findings' fixes as code actions, with the menu people know from linters:
 * the fix (preferred when it is the obvious one), fix all of this rule,
 * `source.fixAll.bulletproof`, disable for this line or file, show the docs.
 * Fixes and suggestions are both quick fixes; only a safe fix is ever
 * preferred, so an editor's auto-fix never applies a rewrite, and only safe
 * fixes go into the fix-all actions.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type TextEdit as LspTextEdit,
  type SnippetTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument as TextOf } from 'vscode-languageserver-textdocument';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigWrite } from '../node/configEdit';
import { directiveLineFor, DISABLE_FILE, DISABLE_NEXT_LINE } from '../engine/disableComments';
import type { ResumeModel } from '../engine/document';
import type { LintResult } from '../engine/lint';
import { applyEdits, safeFixEdits } from '../engine/fixes';
import { isJsonText, parsesAsJson } from '../engine/json';
import type { Finding, Fix, TextEdit } from '../engine/types';
import { snippetToPlainText } from '../engine/scalarSource';
import { SOURCE, toRange } from './diagnostics';
import { lineBreakOf } from '../engine/textLines';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bulletproof`;
export const SHOW_DOCS_COMMAND = 'bulletproof.showRuleDocs';

export interface ActionOptions {
  snippetSupport: boolean;
  /** Offer "Show documentation": only where the client can open a document (`window/showDocument`). */
  showDocs?: boolean;
  /**
   * The edit that writes a fix's settings (`role: general`) where the
   * resume's settings live; undefined where that cannot be done (no file,
   * a client that cannot create one): the fix is then not offered.
   */
  settingsEdit?: (settings: NonNullable<Fix['settings']>) => WorkspaceEdit | undefined;
}

export function codeActions(
  document: TextDocument,
  { findings, model }: Pick<LintResult, 'findings' | 'model'>,
  params: CodeActionParams,
  options: ActionOptions,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];

  if (wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(document, findings);
    if (edits.length) {
      actions.push({ title: 'Fix all safe Bulletproof problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, options) });
    }
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const here = findingsAsked(document, findings, params);
  const keepsJson = jsonCheck(document.getText(), model.format === 'json');
  for (const { finding, diagnostic } of here) {
    const fixes = finding.fixes.filter(keepsJson);
    const preferred = preferredFix(fixes);
    for (const fix of fixes) {
      const edit = fix.settings ? options.settingsEdit?.(fix.settings) : workspaceEdit(document, fix.edits, options);
      if (!edit) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix === preferred ? true : undefined,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit,
      });
    }
  }
  for (const ruleId of unique(here.map(({ finding }) => finding.ruleId))) {
    const sameRule = findings.filter((finding) => finding.ruleId === ruleId);
    const safeFixes = sameRule.flatMap((finding) => finding.fixes.filter((fix) => fix.safe));
    if (sameRule.length > 1 && safeFixes.length > 1) {
      actions.push({
        title: `Fix all \`${ruleId}\` problems in this file`,
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(document, fixAllEdits(document, findings, ruleId), options),
      });
    }
  }
  // JSON has no comments: a disable directive there would break the file.
  const json = model.format === 'json' || isJsonText(document.getText());
  for (const { finding } of uniqueBy(here, ({ finding }) => finding.ruleId)) {
    if (!json) actions.push(disableForLine(document, model, finding), disableForFile(document, finding.ruleId));
    if (options.showDocs !== false) actions.push(showDocs(finding.ruleId));
  }
  return actions;
}

/**
 * The findings a request asks about, each with its own diagnostic. A
 * diagnostic is a finding's by rule, message and range, never by place
 * alone: two findings on the same key (backend-signals' database and
 * reliability notes) each get their own fixes. When the request names
 * diagnostics of ours, only their findings are answered; otherwise those
 * the range touches.
 */
function findingsAsked(
  document: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
): { finding: Finding; diagnostic?: Diagnostic }[] {
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE || diagnostic.source === undefined);
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const touched = findings.filter((finding) => finding.range.start <= end && finding.range.end >= start);
  const asked = touched.map((finding) => ({
    finding,
    diagnostic: ours.find((diagnostic) => isDiagnosticOf(document, diagnostic, finding)),
  }));
  return asked.some(({ diagnostic }) => diagnostic) ? asked.filter(({ diagnostic }) => diagnostic) : asked;
}

function isDiagnosticOf(document: TextDocument, diagnostic: Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.message === finding.message &&
    document.offsetAt(diagnostic.range.start) === finding.range.start &&
    document.offsetAt(diagnostic.range.end) === finding.range.end
  );
}

/**
 * The one fix an editor's auto-fix may apply: the safe fix the rule
 * prefers, else its first safe fix. A suggestion never is, whatever the
 * rule says: only a safe fix may be applied without a look.
 */
function preferredFix(fixes: readonly Fix[]): Fix | undefined {
  const safe = fixes.filter((fix) => fix.safe && !fix.settings);
  return safe.find((fix) => fix.isPreferred) ?? safe[0];
}

/**
 * In a JSON file that parses, a fix that would not leave it JSON is not
 * offered: every writer writes JSON there, and this is the last guard.
 */
function jsonCheck(text: string, parsedAsJson: boolean): (fix: Fix) => boolean {
  if (!parsedAsJson && !isJsonText(text)) return () => true;
  // Parsed only when a fix is there to check: most requests have none.
  let valid: boolean | undefined;
  return (fix) => {
    valid ??= parsesAsJson(text);
    return (
      !valid ||
      parsesAsJson(
        applyEdits(
          text,
          fix.edits.map((edit) => (edit.snippet ? { ...edit, newText: snippetToPlainText(edit.newText) } : edit)),
        ),
      )
    );
  };
}

/**
 * Checking that the edits keep the file valid parses it: once per lint
 * result (and rule), not on every request (editors ask on each cursor move).
 */
const fixAllByFindings = new WeakMap<readonly Finding[], Map<string, TextEdit[]>>();

/** The safe fixes of every rule, or of `ruleId` only, that can be applied together. */
function fixAllEdits(document: TextDocument, findings: readonly Finding[], ruleId = ''): TextEdit[] {
  let byRule = fixAllByFindings.get(findings);
  if (!byRule) {
    byRule = new Map();
    fixAllByFindings.set(findings, byRule);
  }
  let edits = byRule.get(ruleId);
  if (!edits) {
    const chosen = ruleId ? findings.filter((finding) => finding.ruleId === ruleId) : findings;
    edits = safeFixEdits(
      document.getText(),
      chosen.flatMap((finding) => finding.fixes),
    ).edits;
    byRule.set(ruleId, edits);
  }
  return edits;
}

function disableForLine(document: TextDocument, model: ResumeModel, finding: Finding): CodeAction {
  const line = directiveLineFor(model, finding.range.start);
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*(?:- )*/.exec(lineText)?.[0].replace(/-/g, ' ') ?? '';
  const newText = `${indent}# ${DISABLE_NEXT_LINE} ${finding.ruleId}${lineBreakOf(document.getText())}`;
  const at = lineStart(document, line);
  return {
    title: `Disable \`${finding.ruleId}\` for this line`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText }] } },
  };
}

function disableForFile(document: TextDocument, ruleId: string): CodeAction {
  // Below the `# bulletproof` marker, which must stay the first line.
  const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const at = lineStart(document, /^\uFEFF?# bulletproof\s*$/.test(firstLine) ? 1 : 0);
  return {
    title: `Disable \`${ruleId}\` for this file`,
    kind: CodeActionKind.QuickFix,
    edit: {
      changes: {
        [document.uri]: [{ range: { start: at, end: at }, newText: `# ${DISABLE_FILE} ${ruleId}${lineBreakOf(document.getText())}` }],
      },
    },
  };
}

/** Where a line starts; on the first line, after a BOM, which must stay the file's first character. */
function lineStart(document: TextDocument, line: number): Position {
  const bom = line === 0 && document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF';
  return { line, character: bom ? 1 : 0 };
}

function showDocs(ruleId: string): CodeAction {
  return {
    title: `Show documentation for \`${ruleId}\``,
    kind: CodeActionKind.QuickFix,
    command: { title: 'Show documentation', command: SHOW_DOCS_COMMAND, arguments: [ruleId] },
  };
}

function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], options: ActionOptions): WorkspaceEdit {
  const lspEdits: (LspTextEdit | SnippetTextEdit)[] = edits.map((edit) => {
    const range = toRange(document, edit.range);
    if (edit.snippet && options.snippetSupport) return { range, snippet: { kind: 'snippet', value: edit.newText } };
    return { range, newText: edit.snippet ? snippetToPlainText(edit.newText) : edit.newText };
  });
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
}

/** What the client can apply: `workspace.workspaceEdit.documentChanges`, and `resourceOperations` holding `create`. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

/**
 * A config file write as a workspace edit: a new file is created and filled
 * (only where the client can create files), an existing one edited, at the
 * version the editor has open (`openVersion`) or as it is on disk.
 */
export function configWorkspaceEdit(
  write: ConfigWrite,
  uri: string,
  support: EditSupport,
  openVersion: number | null = null,
): WorkspaceEdit | undefined {
  if (write.kind === 'create') {
    if (!support.createFiles || !support.documentChanges) return undefined;
    const start = { line: 0, character: 0 };
    return {
      documentChanges: [
        { kind: 'create', uri },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: write.text }] },
      ],
    };
  }
  const text = TextOf.create(uri, 'yaml', 0, write.text);
  const edits = write.edits.map((edit) => ({ range: toRange(text, edit.range), newText: edit.newText }));
  if (!support.documentChanges) return { changes: { [uri]: edits } };
  return { documentChanges: [{ textDocument: { uri, version: openVersion }, edits }] };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}
