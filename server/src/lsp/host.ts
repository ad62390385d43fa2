/**
 * What the language server needs from where it runs. The handlers
 * (`languageServer.ts`) need no file system; a Node process over stdio and a
 * browser's web worker each fill this in their own way: paths and the disk
 * in Node, the editor's file system through the client in a browser.
 */
import type { InitializeParams, WorkspaceEdit } from 'vscode-languageserver';
import type { ConfigFile, PostingLoaderFactory } from '../engine/configText';
import type { PathMatcher } from '../engine/fileGlobs';
import type { Fix } from '../engine/types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditSupport } from './codeActions';

export type SettingValue = NonNullable<Fix['settings']>[number];

/** How a document's place is read: its path, its folder, the config file and the posting it names. */
export interface HostFiles {
  /** The local file path of a URI, where there is a file system to read it from; undefined in a browser. */
  filePathOf(uri: string): string | undefined;
  /** The path the `files` globs match a document by, when it has one. */
  namePathOf(uri: string): string | undefined;
  /** What stands for a workspace folder when a file is placed in it: its path (Node) or its URI (browser); undefined when it cannot be used. */
  folderRoot(uri: string): string | undefined;
  /** `initialize`'s older `rootPath`, where a path means something. */
  rootOfPath(rootPath: string): string | undefined;
  /** `root` (from `folderRoot`) holds `place` (a file path or a URI, as `placeOf` gives). */
  isInside(root: string, place: string): boolean;
  /** What is compared with the folder roots for a document: its file path (Node) or URI (browser). */
  placeOf(uri: string): string | undefined;
  /** The nearest config file for a document, never above `root` (its folder when undefined). */
  configFor(uri: string, root: string | undefined): Promise<ConfigFile | undefined>;
  /** A config file may have changed: read again. */
  clearConfigs(): void;
  /** The `files` globs, relative to `root` when the document is inside it. */
  matcher(files: readonly string[], root: string | undefined): PathMatcher;
  /** How postings are read (from disk, or not at all). */
  postings: PostingLoaderFactory;
}

/** What a settings edit may look at: the open documents (an open config file is edited as the editor has it). */
export interface SettingsEditContext {
  documents: { all(): readonly TextDocument[] };
  /** The workspace folder holding a file. */
  settings: { rootOf(place: string): string | undefined };
  edits: EditSupport;
}

export interface ServerHost {
  files: HostFiles;
  /** Reads what it needs of `initialize`'s params (after the server read its own). */
  initialize?(params: InitializeParams): void;
  /** The rule's documentation, as a URI the client can open; undefined when there is none to link. */
  docsUri(ruleId: string): string | undefined;
  /** There are rule docs to open at all. */
  hasDocs(): boolean;
  /** A fix's settings written into the config file the resume is checked with; undefined where that cannot be done. */
  settingsEdit(uri: string, changes: readonly SettingValue[], context: SettingsEditContext): WorkspaceEdit | undefined;
}
