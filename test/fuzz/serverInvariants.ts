/**
 * What must hold when the real server (`dist/server.js --stdio`) is given
 * any text: it publishes diagnostics for each version, answers every request
 * within the timeout, and every range it sends lies inside the document the
 * editor has. Returns problems instead of throwing, like `invariants.ts`.
 */
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  TextDocumentEdit,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Position,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspClient } from '../support/lspClient';
import { randomEdit, type Random } from './mutate';

/** A position the document really has: on an existing line, not past its end, not inside a CRLF. */
export function positionProblems(document: TextDocument, position: Position | undefined, what: string): string[] {
  if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) {
    return [`${what}: not a position: ${JSON.stringify(position)}`];
  }
  if (position.line < 0 || position.line >= document.lineCount || position.character < 0) {
    return [`${what}: ${position.line}:${position.character} is outside the document's ${document.lineCount} lines`];
  }
  const back = document.positionAt(document.offsetAt(position));
  if (back.line !== position.line || back.character !== position.character) {
    return [
      `${what}: ${position.line}:${position.character} is past the end of its line (the document has ${back.line}:${back.character})`,
    ];
  }
  return [];
}

export function lspRangeProblems(document: TextDocument, range: Range | undefined, what: string): string[] {
  if (!range) return [`${what}: no range`];
  const problems = [...positionProblems(document, range.start, `${what} start`), ...positionProblems(document, range.end, `${what} end`)];
  if (problems.length === 0 && document.offsetAt(range.start) > document.offsetAt(range.end)) {
    problems.push(`${what}: starts after it ends (${JSON.stringify(range)})`);
  }
  return problems;
}

function contains(outer: Range, inner: Range, document: TextDocument): boolean {
  return document.offsetAt(outer.start) <= document.offsetAt(inner.start) && document.offsetAt(inner.end) <= document.offsetAt(outer.end);
}

export function diagnosticsProblems(document: TextDocument, diagnostics: Diagnostic[], when: string): string[] {
  return diagnostics.flatMap((diagnostic, i) => {
    const what = `${when}: diagnostic #${i} ${String(diagnostic.code)}`;
    const problems = lspRangeProblems(document, diagnostic.range, what);
    if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') problems.push(`${what}: empty message`);
    return problems;
  });
}

function workspaceEditProblems(document: TextDocument, edit: WorkspaceEdit | undefined, what: string): string[] {
  if (!edit) return [];
  const problems: string[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change)) continue;
    if (change.textDocument.uri !== document.uri) problems.push(`${what}: edits another document, ${change.textDocument.uri}`);
    if (change.textDocument.version !== null && change.textDocument.version !== document.version) {
      problems.push(`${what}: for version ${change.textDocument.version}, the document is at ${document.version}`);
    }
    change.edits.forEach((one, e) => problems.push(...lspRangeProblems(document, one.range, `${what}, edit ${e}`)));
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    if (uri !== document.uri) problems.push(`${what}: edits another document, ${uri}`);
    edits.forEach((one, e) => problems.push(...lspRangeProblems(document, one.range, `${what}, edit ${e}`)));
  }
  return problems;
}

function symbolProblems(document: TextDocument, symbols: (DocumentSymbol | SymbolInformation)[], path: string): string[] {
  return symbols.flatMap((symbol, i) => {
    const what = `documentSymbol ${path}${i} "${symbol.name}"`;
    if (!('selectionRange' in symbol)) return lspRangeProblems(document, symbol.location.range, what);
    const problems = [
      ...lspRangeProblems(document, symbol.range, `${what} range`),
      ...lspRangeProblems(document, symbol.selectionRange, `${what} selectionRange`),
    ];
    // VS Code rejects the whole outline when a selection range is not inside its range.
    if (problems.length === 0 && !contains(symbol.range, symbol.selectionRange, document))
      problems.push(`${what}: selectionRange is not inside range`);
    return [...problems, ...symbolProblems(document, symbol.children ?? [], `${path}${i}.`)];
  });
}

function randomPosition(document: TextDocument, random: Random): Position {
  return document.positionAt(random.int(0, document.getText().length));
}

/** Requests answered or not, every answer's ranges checked against the editor's copy of the document. */
async function requestsProblems(
  client: LspClient,
  uri: string,
  diagnostics: Diagnostic[],
  random: Random,
  when: string,
): Promise<string[]> {
  const document = client.document(uri);
  const textDocument = { uri };
  const problems: string[] = [];
  const asking = async <T>(name: string, send: () => Promise<T>, check: (answer: T) => string[]): Promise<void> => {
    try {
      problems.push(...check(await send()).map((problem) => `${when}: ${problem}`));
    } catch (error) {
      problems.push(`${when}: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const at = randomPosition(document, random);
  await asking(
    `completion at ${at.line}:${at.character}`,
    () => client.request(CompletionRequest.type, { textDocument, position: at }),
    (answer: CompletionItem[] | CompletionList | null) => {
      const items = answer === null ? [] : Array.isArray(answer) ? answer : answer.items;
      return items.flatMap((item, i) => {
        const edit = item.textEdit;
        if (!edit) return [];
        const what = `completion at ${at.line}:${at.character}, item ${i} "${item.label}"`;
        return 'range' in edit
          ? lspRangeProblems(document, edit.range, what)
          : [...lspRangeProblems(document, edit.insert, `${what} insert`), ...lspRangeProblems(document, edit.replace, `${what} replace`)];
      });
    },
  );
  const hoverAt = randomPosition(document, random);
  await asking(
    `hover at ${hoverAt.line}:${hoverAt.character}`,
    () => client.request(HoverRequest.type, { textDocument, position: hoverAt }),
    (hover) => (hover?.range ? lspRangeProblems(document, hover.range, `hover at ${hoverAt.line}:${hoverAt.character}`) : []),
  );
  // A code action where the editor would ask: on a diagnostic when there is one, else anywhere.
  const diagnostic = diagnostics.length ? random.pick(diagnostics) : undefined;
  const actionRange = diagnostic?.range ?? { start: randomPosition(document, random), end: randomPosition(document, random) };
  if (document.offsetAt(actionRange.start) > document.offsetAt(actionRange.end))
    [actionRange.start, actionRange.end] = [actionRange.end, actionRange.start];
  await asking(
    'codeAction',
    () =>
      client.request(CodeActionRequest.type, {
        textDocument,
        range: actionRange,
        context: { diagnostics: diagnostic ? [diagnostic] : [] },
      }),
    (actions: (Command | CodeAction)[] | null) =>
      (actions ?? []).flatMap((action, i) =>
        'edit' in action ? workspaceEditProblems(document, action.edit, `codeAction ${i} "${action.title}"`) : [],
      ),
  );
  await asking(
    'documentSymbol',
    () => client.request(DocumentSymbolRequest.type, { textDocument }),
    (symbols) => symbolProblems(document, symbols ?? [], ''),
  );
  await asking(
    'foldingRange',
    () => client.request(FoldingRangeRequest.type, { textDocument }),
    (ranges) =>
      (ranges ?? []).flatMap((range, i) =>
        Number.isInteger(range.startLine) &&
        Number.isInteger(range.endLine) &&
        range.startLine >= 0 &&
        range.startLine <= range.endLine &&
        range.endLine < document.lineCount
          ? []
          : [`foldingRange ${i}: lines ${range.startLine}-${range.endLine} of ${document.lineCount}`],
      ),
  );
  return problems;
}

/**
 * Opens `text`, checks what the server publishes and answers, types two
 * random edits, checks again, and closes the document. The server must stay
 * up throughout: a crash shows as a failed request.
 */
export async function checkServerCase(client: LspClient, uri: string, text: string, random: Random): Promise<string[]> {
  const problems: string[] = [];
  try {
    await client.open(uri, text);
    const opened = await client.waitForDiagnostics(uri, { version: 1 });
    problems.push(...diagnosticsProblems(client.document(uri), opened.diagnostics, 'after didOpen'));
    problems.push(...(await requestsProblems(client, uri, opened.diagnostics, random, 'after didOpen')));

    // Two keystrokes sent back to back, as a fast typist does; the second version must be published.
    let version = 1;
    for (let i = 0; i < 2; i++) {
      const document = client.document(uri);
      const edit = randomEdit(document.getText(), random);
      const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
      version = await client.change(uri, [{ range, text: edit.text }]);
    }
    const changed = await client.waitForDiagnostics(uri, { version });
    problems.push(...diagnosticsProblems(client.document(uri), changed.diagnostics, `after didChange to version ${version}`));
    problems.push(...(await requestsProblems(client, uri, changed.diagnostics, random, `at version ${version}`)));
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    try {
      await client.close(uri);
    } catch {
      // The server is gone; the problem above says so.
    }
  }
  return problems;
}
