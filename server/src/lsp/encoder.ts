/**
 * JSON-RPC messages written as the default encoder writes them, except that
 * each diagnostic is serialized once. After a keystroke a publish repeats
 * nearly all of the previous one (the same diagnostic objects, see
 * `diagnosticOf`), and serializing a thousand diagnostics again cost more
 * than linting the edit.
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';

/** Diagnostics are never changed once published; their JSON is kept with them. */
const serialized = new WeakMap<object, string>();

export const diagnosticsEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message, options) => Promise.resolve(Buffer.from(encodeMessage(message), options.charset)),
};

export function encodeMessage(message: Message): string {
  const params = (message as { method?: unknown; params?: unknown }).params;
  if ((message as { method?: unknown }).method !== PUBLISH_DIAGNOSTICS || !isPublishParams(params)) return JSON.stringify(message);
  const { diagnostics, ...rest } = params;
  const items = diagnostics.map((diagnostic) => {
    let json = serialized.get(diagnostic);
    if (json === undefined) {
      json = JSON.stringify(diagnostic);
      serialized.set(diagnostic, json);
    }
    return json;
  });
  const head = JSON.stringify(rest);
  const opened = head === '{}' ? '{' : `${head.slice(0, -1)},`;
  const envelope = JSON.stringify({ ...message, params: undefined });
  const before = envelope === '{}' ? '{' : `${envelope.slice(0, -1)},`;
  return `${before}"params":${opened}"diagnostics":[${items.join(',')}]}}`;
}

function isPublishParams(params: unknown): params is { diagnostics: object[] } {
  return (
    typeof params === 'object' &&
    params !== null &&
    Array.isArray((params as { diagnostics?: unknown }).diagnostics) &&
    (params as { diagnostics: unknown[] }).diagnostics.every((item) => typeof item === 'object' && item !== null)
  );
}
