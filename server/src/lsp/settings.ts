/**
 * Settings per document: editor settings (pulled per resource, cached until
 * they change) under the nearest `.bulletproof.yaml`, which wins where it
 * speaks so that the editor and CI agree.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { ConfigFile } from '../engine/configText';
import { EDITOR_ONLY_SECTIONS, mergeSettings, normalizeSettings, type Settings } from '../engine/settings';
import type { HostFiles } from './host';
import { isRecord } from './params';

export class SettingsStore {
  canPullConfiguration = false;
  /** The client lets us register for `workspace/didChangeConfiguration`; eglot warns about a registration it did not offer. */
  canRegisterConfigurationChange = false;
  private workspaceRoots: string[] = [];
  private pushed: unknown;
  private readonly editorSettings = new Map<string, Promise<Partial<Settings>>>();
  private readonly reportedSettingProblems = new Set<string>();

  constructor(
    private readonly connection: Connection,
    /** Where documents are placed and their config files read: the host's. */
    readonly files: HostFiles,
  ) {}

  /** Takes `initialize`'s params as they came: any field may be missing or of the wrong type. */
  initialize(params: unknown): void {
    const given = isRecord(params) ? params : {};
    const workspace = isRecord(given.capabilities) && isRecord(given.capabilities.workspace) ? given.capabilities.workspace : {};
    this.canPullConfiguration = workspace.configuration === true;
    this.canRegisterConfigurationChange =
      isRecord(workspace.didChangeConfiguration) && workspace.didChangeConfiguration.dynamicRegistration === true;
    // The folder list when there is one, else rootUri, else the older rootPath.
    if (Array.isArray(given.workspaceFolders)) this.workspaceRoots = this.folderPaths(given.workspaceFolders);
    else if (typeof given.rootUri === 'string') this.workspaceRoots = this.folderPaths([{ uri: given.rootUri }]);
    else if (typeof given.rootPath === 'string') {
      const root = this.files.rootOfPath(given.rootPath);
      if (root !== undefined) this.workspaceRoots = [root];
    }
    const options = given.initializationOptions;
    if (isRecord(options) && options.settings) this.pushed = options.settings;
  }

  /**
   * `workspace/didChangeWorkspaceFolders`; folders that are not local paths
   * are passed over. True when the folders changed.
   */
  foldersChanged(params: unknown): boolean {
    const event = isRecord(params) && isRecord(params.event) ? params.event : {};
    const removed = new Set(this.folderPaths(Array.isArray(event.removed) ? event.removed : [], false));
    const added = this.folderPaths(Array.isArray(event.added) ? event.added : []);
    const roots = [...new Set([...this.workspaceRoots.filter((root) => !removed.has(root)), ...added])];
    if (roots.length === this.workspaceRoots.length && roots.every((root, index) => root === this.workspaceRoots[index])) return false;
    this.workspaceRoots = roots;
    this.changed();
    return true;
  }

  /** The roots of workspace folders (`{ uri }` each) as the host places files; the others are left out (and said in the log when `warn`). */
  private folderPaths(folders: readonly unknown[], warn = true): string[] {
    return folders.flatMap((folder) => {
      const uri = isRecord(folder) ? folder.uri : undefined;
      const root = typeof uri === 'string' ? this.files.folderRoot(uri) : undefined;
      if (root === undefined && warn) {
        this.connection.console.warn(
          `Workspace folder ${JSON.stringify(uri ?? folder)} is not a local folder: its .bulletproof.yaml and postings are not read.`,
        );
      }
      return root === undefined ? [] : [root];
    });
  }

  /** Settings changed in the editor, or a config file changed on disk. */
  changed(pushed?: unknown): void {
    if (pushed && typeof pushed === 'object' && 'bulletproof' in pushed) this.pushed = pushed.bulletproof;
    this.editorSettings.clear();
    this.files.clearConfigs();
  }

  /** The workspace folder holding a file (its path, or its URI in a browser), for globs and for where config lookup stops. */
  rootOf(place: string): string | undefined {
    return this.workspaceRoots.filter((root) => this.files.isInside(root, place)).sort((a, b) => b.length - a.length)[0];
  }

  async settingsFor(uri: string): Promise<{ settings: Settings; configFile?: ConfigFile }> {
    const editor = await this.editorSettingsFor(uri);
    const place = this.files.placeOf(uri);
    // Never look above the workspace: a config there belongs to someone else.
    const configFile = await this.files.configFor(uri, place === undefined ? undefined : this.rootOf(place));
    return { settings: mergeSettings(editor, configFile?.settings ?? {}), configFile };
  }

  private editorSettingsFor(uri: string): Promise<Partial<Settings>> {
    let pending = this.editorSettings.get(uri);
    if (!pending) {
      pending = this.canPullConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'bulletproof' }).then(
            (raw: unknown) => this.fromEditor(raw),
            () => ({}),
          )
        : Promise.resolve(this.fromEditor(this.pushed));
      this.editorSettings.set(uri, pending);
    }
    return pending;
  }

  /**
   * Editor settings have no file to put a squiggle in: a setting that cannot
   * be used (an empty glob, an unknown level) is said once, in a message and
   * the log, and left out.
   */
  private fromEditor(raw: unknown): Partial<Settings> {
    const problems: string[] = [];
    // `trace.server` is the client library's setting, in the same section.
    const ours = isRecord(raw) ? Object.fromEntries(Object.entries(raw).filter(([key]) => !EDITOR_ONLY_SECTIONS.includes(key))) : raw;
    const { settings } = normalizeSettings(ours, problems);
    const fresh = problems.filter((problem) => !this.reportedSettingProblems.has(problem));
    if (fresh.length > 0) {
      for (const problem of fresh) this.reportedSettingProblems.add(problem);
      const message = `Bulletproof settings: ${fresh.join('; ')}. Those values are ignored.`;
      this.connection.console.warn(message);
      // A notification, not `showWarningMessage`: that one is a request, which some clients show as a prompt.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    return settings;
  }
}
