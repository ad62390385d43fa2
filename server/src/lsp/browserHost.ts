/**
 * The server's host in a browser's web worker: no file system of its own.
 * Documents are placed by their URIs (`vscode-vfs://github/…` in github.dev),
 * `.bulletproof.yaml` is looked up through the client (`bulletproof/readFile`,
 * answered from the editor's file system) and decoded as the Node side decodes
 * a file it reads. A client that does not answer leaves the editor settings
 * alone in charge. Postings are not read, and fixes that write settings into a
 * config file are not offered.
 */
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES, configFileFromBytes, type ConfigFile } from '../engine/configText';
import { pathMatcher } from '../engine/fileGlobs';
import { MAX_CONFIG_BYTES } from '../engine/limits';
import { READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '../protocol';
import type { HostFiles, ServerHost } from './host';
import { isRecord } from './params';
import { uriPathOf } from './uriPath';

/** A file's bytes through the client: null when it is not there (or not a regular file, or too big). */
export type ReadThroughClient = (uri: string, maxBytes: number) => Promise<Uint8Array | null>;

/** The last `/` that belongs to the URI's path, not to `scheme://authority`. */
function parentOf(uri: string): string | undefined {
  const authorityEnd = uri.indexOf('/', uri.indexOf('://') + 3);
  const at = uri.lastIndexOf('/');
  return at > authorityEnd && authorityEnd !== -1 ? uri.slice(0, at) : undefined;
}

function withoutTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

export function clientFiles(read: ReadThroughClient, log: (line: string) => void): HostFiles {
  const byFolder = new Map<string, Promise<ConfigFile | undefined>>();

  /** The first config file in `dir`, then up each folder to `stopAt` (inclusive). */
  async function nearest(dir: string, stopAt: string): Promise<ConfigFile | undefined> {
    for (let current: string | undefined = dir; current !== undefined; current = parentOf(current)) {
      for (const name of CONFIG_FILE_NAMES) {
        const uri = `${current}/${name}`;
        const bytes = await read(uri, MAX_CONFIG_BYTES);
        if (bytes === null) continue;
        const config = configFileFromBytes(
          uri,
          bytes.length > MAX_CONFIG_BYTES
            ? { ok: false, reason: `it is over the ${MAX_CONFIG_BYTES / 1024} KB limit`, code: 'EFBIG' }
            : { ok: true, bytes },
        );
        if (config.problems.length) log(`${config.path}: ${config.problems.join('; ')}`);
        return config;
      }
      if (current === stopAt) return undefined;
    }
    return undefined;
  }

  return {
    filePathOf: () => undefined,
    namePathOf: uriPathOf,
    folderRoot: withoutTrailingSlash,
    rootOfPath: () => undefined,
    isInside: (root, uri) => uri === root || uri.startsWith(`${root}/`),
    placeOf: (uri) => uri,
    configFor: (uri, root) => {
      const dir = parentOf(uri);
      if (dir === undefined) return Promise.resolve(undefined);
      let pending = byFolder.get(dir);
      if (!pending) {
        // Never above the workspace folder; outside any, only the document's own folder.
        pending = nearest(dir, root ?? dir);
        byFolder.set(dir, pending);
      }
      return pending;
    },
    clearConfigs: () => byFolder.clear(),
    // Relative to the folder's URI when the document is inside it (both paths decoded alike), else the whole path.
    matcher: (files, root) => {
      const matches = pathMatcher(files);
      const rootPath = root === undefined ? undefined : uriPathOf(root);
      return (namePath) =>
        matches(rootPath !== undefined && namePath.startsWith(`${rootPath}/`) ? namePath.slice(rootPath.length + 1) : namePath);
    },
    postings: () => (reference) =>
      reference === undefined
        ? undefined
        : { error: `The posting \`${reference}\` is not read: in the browser, Bulletproof reads no posting files.` },
  };
}

/** `bulletproof/readFile` on the connection; after the first refusal (a client that does not know it), never asked again. */
export function readThroughClient(connection: Connection, log: (line: string) => void): ReadThroughClient {
  let refused = false;
  return async (uri, maxBytes) => {
    if (refused) return null;
    let answer: ReadFileResult;
    try {
      answer = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri, maxBytes } satisfies ReadFileParams);
    } catch (error) {
      refused = true;
      log(
        `The editor did not read ${uri} for Bulletproof (${error instanceof Error ? error.message : String(error)}): .bulletproof.yaml files are not read, the editor settings apply.`,
      );
      return null;
    }
    if (!isRecord(answer) || typeof answer.data !== 'string') return null;
    return bytesOfBase64(answer.data);
  };
}

/** Base64 to bytes; anything that is not base64 reads as no file. */
function bytesOfBase64(data: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function browserHost(connection: Connection): ServerHost {
  const log = (line: string) => connection.console.warn(line);
  let docsBase: string | undefined;
  return {
    files: clientFiles(readThroughClient(connection, log), log),
    initialize: (params: InitializeParams) => {
      const options: unknown = params.initializationOptions;
      const base = isRecord(options) ? options.docsBaseUri : undefined;
      docsBase = typeof base === 'string' && base !== '' ? withoutTrailingSlash(base) : undefined;
    },
    docsUri: (ruleId) => (docsBase === undefined ? undefined : `${docsBase}/${ruleId}.md`),
    hasDocs: () => docsBase !== undefined,
    settingsEdit: () => undefined,
  };
}
