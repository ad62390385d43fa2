/**
 * The client's answer to `bulletproof/readFile`: a file's bytes read through
 * the editor's file system (`vscode.workspace.fs`, which reaches github.dev's
 * repositories and vscode.dev's folders), for a server in a web worker that
 * has no file system of its own. Imports no runtime code, so tests run it
 * with a file system of their own.
 */
import type { ReadFileParams, ReadFileResult } from '../../server/src/protocol';

/** The part of `vscode.workspace.fs` used, with URIs as strings. */
export interface ReadableFileSystem {
  stat(uri: string): PromiseLike<{ type: number; size: number }>;
  readFile(uri: string): PromiseLike<Uint8Array>;
}

/** `vscode.FileType.File`, a bit flag (a symbolic link to a file has it too). */
const FILE_TYPE_FILE = 1;

/** Null when the file is missing, unreadable, not a regular file, or larger than `maxBytes`. */
export async function readFileForServer(fs: ReadableFileSystem, params: ReadFileParams): Promise<ReadFileResult> {
  if (typeof params?.uri !== 'string' || typeof params.maxBytes !== 'number' || !(params.maxBytes >= 0)) return null;
  try {
    const stat = await fs.stat(params.uri);
    if ((stat.type & FILE_TYPE_FILE) === 0 || stat.size > params.maxBytes) return null;
    const bytes = await fs.readFile(params.uri);
    // It may have grown since the stat.
    if (bytes.byteLength > params.maxBytes) return null;
    return { data: toBase64(bytes) };
  } catch {
    return null;
  }
}

/** Base64 without Node's Buffer: `btoa` takes one character per byte, given in chunks the call stack can hold. */
export function toBase64(bytes: Uint8Array): string {
  const chunk = 0x8000;
  let binary = '';
  for (let start = 0; start < bytes.byteLength; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}
