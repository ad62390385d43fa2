/**
 * The server's host in a Node process: files are placed by their paths, and
 * config files, postings and the rule docs are read from disk.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, WorkspaceEdit } from 'vscode-languageserver';
import { docsPath } from '../../engine/rule';
import { ConfigLookup } from '../../node/config';
import { configWriteFor } from '../../node/configEdit';
import { fileMatcher, isInside } from '../../node/files';
import { postingLoader } from '../../node/posting';
import { configWorkspaceEdit } from '../codeActions';
import type { HostFiles, ServerHost, SettingsEditContext, SettingValue } from '../host';
import { filePathOf, namePathOf } from '../uris';

/** Paths, and config files read from disk once per folder; `log` hears of the problems of each one read. */
export function nodeFiles(log: (line: string) => void): HostFiles {
  const configFiles = new ConfigLookup((config) => {
    if (config.problems.length) log(`${config.path}: ${config.problems.join('; ')}`);
  });
  return {
    filePathOf,
    namePathOf,
    folderRoot: filePathOf,
    rootOfPath: (rootPath) => (path.isAbsolute(rootPath) ? path.normalize(rootPath) : undefined),
    isInside,
    placeOf: filePathOf,
    // No path, no lookup: a config file is found only beside a file we can name.
    configFor: (uri, root) => {
      const filePath = filePathOf(uri);
      if (filePath === undefined) return Promise.resolve(undefined);
      const dir = path.dirname(filePath);
      return Promise.resolve(configFiles.nearest(dir, root ?? dir));
    },
    clearConfigs: () => configFiles.clear(),
    matcher: fileMatcher,
    postings: postingLoader,
  };
}

export function nodeHost(connection: Connection): ServerHost {
  /** The rule docs ship beside the bundle: `dist/server.js` → `docs/rules/<id>.md`. Every diagnostic links one: built once per rule. */
  const docsUris = new Map<string, string>();
  return {
    files: nodeFiles((line) => connection.console.warn(line)),
    docsUri: (ruleId) => {
      let uri = docsUris.get(ruleId);
      if (uri === undefined) {
        uri = pathToFileURL(path.join(__dirname, '..', docsPath(ruleId))).toString();
        docsUris.set(ruleId, uri);
      }
      return uri;
    },
    hasDocs: () => true,
    settingsEdit,
  };
}

/** A fix's settings written into the config file the resume is checked with; none for a resume with no local path. */
function settingsEdit(
  uri: string,
  changes: readonly SettingValue[],
  { documents, settings, edits }: SettingsEditContext,
): WorkspaceEdit | undefined {
  const resumePath = filePathOf(uri);
  if (resumePath === undefined) return undefined;
  // An open config file is edited as the editor has it, saved or not.
  const openAt = (file: string) => documents.all().find((open) => filePathOf(open.uri) === file);
  const write = configWriteFor(resumePath, settings.rootOf(resumePath), changes, (file) => openAt(file)?.getText());
  if (!write) return undefined;
  const open = openAt(write.path);
  return configWorkspaceEdit(write, open?.uri ?? pathToFileURL(write.path).toString(), edits, open?.version ?? null);
}
