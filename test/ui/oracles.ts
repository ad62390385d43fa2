/**
 * What the UI tests compare the workbench with: the CLI's findings and
 * report for a file, the server's code actions over stdio, and a snippet
 * expanded as an editor would. Expected results are computed, never typed.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentEdit,
  type Diagnostic,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { cliOracle, type CliFinding, type Severity } from './cliOracle';
import { repoRoot, TIMEOUT } from './config';

export type { CliFinding, Severity };
export const {
  findings: cliFindings,
  findingsForText: cliFindingsForText,
  report: cliReport,
  reportForText: cliReportForText,
} = cliOracle(path.join(repoRoot, 'dist', 'cli.js'));

/** The first finding with `code` in `findings` of `file`; a test that needs one and finds none would prove nothing. */
export function findingOf(findings: readonly CliFinding[], code: string, file: string): CliFinding {
  const finding = findings.find((candidate) => candidate.code === code);
  if (!finding) throw new Error(`the CLI finds no \`${code}\` in ${path.basename(file)}: the scenario would prove nothing`);
  return finding;
}

/** A tab stop of an expanded snippet: offsets into its text, and the text it selects. */
export interface TabStop {
  index: number;
  start: number;
  end: number;
  text: string;
}

/**
 * What a snippet in VS Code's syntax inserts (placeholders' defaults, the
 * first of a choice) and where its tab stops land, in the order Tab visits
 * them: 1, 2, … and `$0` (the end, when the snippet has none) last.
 */
export function expandSnippet(snippet: string): { text: string; stops: TabStop[] } {
  let text = '';
  const found = new Map<number, TabStop>();
  let i = 0;
  const record = (index: number, start: number) => {
    if (!found.has(index)) found.set(index, { index, start, end: text.length, text: text.slice(start) });
  };
  const parse = (until: string | undefined): void => {
    while (i < snippet.length) {
      const ch = snippet[i];
      if (until !== undefined && ch === until) return;
      if (ch === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet.charAt(i + 1))) {
        text += snippet.charAt(i + 1);
        i += 2;
        continue;
      }
      if (ch !== '$') {
        text += ch;
        i++;
        continue;
      }
      const simple = /^\$(\d+)/.exec(snippet.slice(i));
      if (simple) {
        record(Number(simple[1]), text.length);
        i += simple[0].length;
        continue;
      }
      const open = /^\$\{(\d+)([:|}])/.exec(snippet.slice(i));
      if (!open) {
        // A variable ($TM_FILENAME, ${NAME:default}): its default, or nothing.
        const variable = /^\$(?:[A-Z_]+|\{[A-Z_]+(?::([^}]*))?\})/.exec(snippet.slice(i));
        if (variable) {
          text += variable[1] ?? '';
          i += variable[0].length;
        } else {
          text += ch;
          i++;
        }
        continue;
      }
      const index = Number(open[1]);
      const start = text.length;
      i += open[0].length;
      if (open[2] === ':') {
        parse('}');
        i++;
      } else if (open[2] === '|') {
        const close = snippet.indexOf('|}', i);
        text += (snippet.slice(i, close).split(/(?<!\\),/)[0] ?? '').replace(/\\(.)/g, '$1');
        i = close + 2;
      }
      // Recorded after its default, so that an inner placeholder keeps its own stop.
      const stop = { index, start, end: text.length, text: text.slice(start) };
      if (!found.has(index)) found.set(index, stop);
    }
  };
  parse(undefined);
  if (!found.has(0)) found.set(0, { index: 0, start: text.length, end: text.length, text: '' });
  const stops = [...found.values()].sort((a, b) => (a.index === 0 ? 1 : b.index === 0 ? -1 : a.index - b.index));
  return { text, stops };
}

/** 1-based line and column of `offset` in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** One edit of a code action: offsets into the text it applies to; `snippet` when it is a snippet edit. */
export interface ActionEdit {
  start: number;
  end: number;
  newText: string;
  snippet: boolean;
}

/** A code action as the language server offers it to VS Code. */
export interface ServerAction {
  title: string;
  kind?: string;
  isPreferred: boolean;
  /** Codes of the diagnostics it fixes. */
  fixes: string[];
  edits: ActionEdit[];
  command?: string;
}

/**
 * The code actions the bundled language server offers at `line`:`column`
 * (1-based) of `text`, opened as `file`, asked the way VS Code 1.100 asks:
 * an empty range at the cursor, the diagnostics there as context, and a
 * client that supports snippet edits (`workspace.workspaceEdit.snippetEditSupport`).
 * The expectation for the quick-fix menu, computed rather than typed.
 */
export async function serverCodeActions(file: string, text: string, line: number, column: number): Promise<ServerAction[]> {
  const server = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(file).href;
  const published = new Promise<Diagnostic[]>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) resolve(params.diagnostics);
    }),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`the language server did not answer within ${TIMEOUT.firstDiagnostics} ms: ${stderr}`)),
      TIMEOUT.firstDiagnostics,
    ).unref(),
  );
  try {
    return await Promise.race([
      timeout,
      (async () => {
        await connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: pathToFileURL(path.dirname(file)).href,
          workspaceFolders: [{ uri: pathToFileURL(path.dirname(file)).href, name: 'workspace' }],
          capabilities: {
            workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
            // As VS Code does: the server offers "Show documentation" only to clients that can show a document.
            window: { showDocument: { support: true } },
            textDocument: {
              codeAction: {
                codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
                isPreferredSupport: true,
              },
            },
          },
        });
        await connection.sendNotification(InitializedNotification.type, {});
        const languageId = path.extname(file) === '.json' ? 'json' : 'yaml';
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
        const diagnostics = await published;
        const position: Position = { line: line - 1, character: column - 1 };
        const contains = (diagnostic: Diagnostic) =>
          comparePositions(diagnostic.range.start, position) <= 0 && comparePositions(position, diagnostic.range.end) <= 0;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: { start: position, end: position },
          context: { diagnostics: diagnostics.filter(contains), only: undefined, triggerKind: 1 },
        });
        return (actions ?? []).filter(CodeAction.is).map((action) => ({
          title: action.title,
          kind: action.kind,
          isPreferred: action.isPreferred === true,
          fixes: (action.diagnostics ?? []).map((diagnostic) => String(diagnostic.code)),
          edits: actionEdits(text, uri, action.edit),
          command: action.command?.command,
        }));
      })(),
    ]);
  } finally {
    connection.dispose();
    server.kill();
  }
}

/** What the Ctrl+. menu lists of `actions`: the quick fixes (source actions such as fix-all are not in it). */
export function quickFixMenu(actions: readonly ServerAction[]): ServerAction[] {
  return actions.filter((action) => action.kind === 'quickfix' || action.kind?.startsWith('quickfix.'));
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function offsetIn(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

function actionEdits(text: string, uri: string, edit: WorkspaceEdit | undefined): ActionEdit[] {
  const edits: ActionEdit[] = [];
  for (const change of edit?.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change) || change.textDocument.uri !== uri) continue;
    for (const one of change.edits) {
      const start = offsetIn(text, one.range.start);
      const end = offsetIn(text, one.range.end);
      if ('snippet' in one) edits.push({ start, end, newText: one.snippet.value, snippet: true });
      else edits.push({ start, end, newText: one.newText, snippet: false });
    }
  }
  for (const one of edit?.changes?.[uri] ?? []) {
    edits.push({ start: offsetIn(text, one.range.start), end: offsetIn(text, one.range.end), newText: one.newText, snippet: false });
  }
  return edits;
}

/**
 * `text` after a code action's edits, and where the tab stops of its
 * snippet edit land in it (offsets into the new text), as VS Code applies it.
 */
export function applyAction(text: string, action: ServerAction): { text: string; stops: TabStop[] } {
  let result = text;
  let stops: TabStop[] = [];
  for (const edit of [...action.edits].sort((a, b) => b.start - a.start)) {
    const inserted = edit.snippet ? expandSnippet(edit.newText) : { text: edit.newText, stops: [] };
    const shift = inserted.text.length - (edit.end - edit.start);
    stops = stops.map((stop) => ({ ...stop, start: stop.start + shift, end: stop.end + shift }));
    stops.push(...inserted.stops.map((stop) => ({ ...stop, start: stop.start + edit.start, end: stop.end + edit.start })));
    result = result.slice(0, edit.start) + inserted.text + result.slice(edit.end);
  }
  return { text: result, stops };
}
