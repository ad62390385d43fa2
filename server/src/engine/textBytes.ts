/**
 * Bytes to text the one way every reader does (the CLI, the server, and the
 * browser worker on bytes the editor sent): strict UTF-8, no NUL.
 */
/** What a text file looks like beyond its characters, so it can be written back the same way. */
export interface TextShape {
  /** A UTF-8 byte order mark: decoding drops it, writing puts it back. */
  bom: boolean;
  /** The file's usual line ending; lines a fix inserts get it too. */
  eol: '\n' | '\r\n';
}

/**
 * The WHATWG decoder, in every runtime the engine runs in (Node, a browser's
 * worker); declared here because the engine is type-checked with neither
 * Node's types nor the DOM's.
 */
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

/** UTF-8 text without NUL bytes, BOM removed, with its shape; undefined for anything else. */
export function decodeText(bytes: Uint8Array): { text: string; shape: TextShape } | undefined {
  if (bytes.includes(0)) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let crlf = 0;
  let lf = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) === 13) crlf++;
    else lf++;
  }
  return { text, shape: { bom, eol: crlf > lf ? '\r\n' : '\n' } };
}
