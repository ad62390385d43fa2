/**
 * The params of each request and notification, checked before a handler
 * sees them. A client may send anything (no params, a position that is a
 * string, a URI that is a number, a column of 1.5); a handler gets params of
 * the declared shape or is not called at all.
 */
import type { CodeActionParams, Diagnostic, Position, Range, TextDocumentPositionParams } from 'vscode-languageserver';
import type { ReportParams } from '../protocol';

/** Why params were refused: said back to the client in the error. */
export class Invalid {
  constructor(readonly reason: string) {}
}

export type Parsed<T> = T | Invalid;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A line or character: a whole number, not negative. */
function isIndex(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function asPosition(value: unknown): Position | undefined {
  if (!isRecord(value) || !isIndex(value.line) || !isIndex(value.character)) return undefined;
  return { line: value.line, character: value.character };
}

export function asRange(value: unknown): Range | undefined {
  if (!isRecord(value)) return undefined;
  const start = asPosition(value.start);
  const end = asPosition(value.end);
  return start && end ? { start, end } : undefined;
}

/** What is wrong with a range, for the log: the first field that is not a whole number. */
export function describeBadRange(value: unknown): string {
  if (!isRecord(value)) return `the range is ${JSON.stringify(value) ?? 'missing'}`;
  for (const end of ['start', 'end'] as const) {
    const position = value[end];
    if (!isRecord(position)) return `the range's ${end} is ${JSON.stringify(position) ?? 'missing'}`;
    for (const field of ['line', 'character'] as const) {
      if (!isIndex(position[field]))
        return `the range's ${end}.${field} is ${JSON.stringify(position[field]) ?? 'missing'}, not a whole number of at least 0`;
    }
  }
  return 'the range is malformed';
}

/** `textDocument.uri` of params, when it is a string. */
export function documentUriOf(params: unknown): string | undefined {
  if (!isRecord(params) || !isRecord(params.textDocument)) return undefined;
  const uri = params.textDocument.uri;
  return typeof uri === 'string' ? uri : undefined;
}

export function documentParams(raw: unknown): Parsed<{ textDocument: { uri: string } }> {
  const uri = documentUriOf(raw);
  return uri === undefined ? new Invalid('expected { textDocument: { uri: string } }') : { textDocument: { uri } };
}

export function positionParams(raw: unknown): Parsed<TextDocumentPositionParams> {
  const uri = documentUriOf(raw);
  const position = isRecord(raw) ? asPosition(raw.position) : undefined;
  if (uri === undefined || !position)
    return new Invalid('expected { textDocument: { uri: string }, position: { line, character } } with whole numbers');
  return { textDocument: { uri }, position };
}

export function codeActionParams(raw: unknown): Parsed<CodeActionParams> {
  const uri = documentUriOf(raw);
  if (uri === undefined || !isRecord(raw)) return new Invalid('expected { textDocument: { uri: string }, range, context }');
  const range = asRange(raw.range);
  if (!range) return new Invalid(describeBadRange(raw.range));
  const context = raw.context;
  if (!isRecord(context) || !Array.isArray(context.diagnostics)) return new Invalid('expected context: { diagnostics: [] }');
  const only = context.only;
  if (only !== undefined && only !== null && !(Array.isArray(only) && only.every((kind) => typeof kind === 'string'))) {
    return new Invalid('context.only should be a list of code action kinds');
  }
  // The client's diagnostics only say which finding an action fixes: ones that cannot be placed are left out.
  const diagnostics = context.diagnostics.flatMap((diagnostic): Diagnostic[] => {
    const range = isRecord(diagnostic) ? asRange(diagnostic.range) : undefined;
    return range ? [{ ...(diagnostic as unknown as Diagnostic), range }] : [];
  });
  return { textDocument: { uri }, range, context: { diagnostics, only: only ?? undefined } };
}

export function reportParams(raw: unknown): Parsed<ReportParams> {
  return isRecord(raw) && typeof raw.uri === 'string' ? { uri: raw.uri } : new Invalid('expected { uri: string }');
}

export function commandParams(raw: unknown): Parsed<{ command: string; arguments: unknown[] }> {
  if (!isRecord(raw) || typeof raw.command !== 'string') return new Invalid('expected { command: string, arguments?: [] }');
  if (raw.arguments !== undefined && raw.arguments !== null && !Array.isArray(raw.arguments))
    return new Invalid('arguments should be a list');
  return { command: raw.command, arguments: (raw.arguments as unknown[] | null | undefined) ?? [] };
}
