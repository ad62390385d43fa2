/**
 * Settings per document: editor settings (pulled per resource, cached until
 * they change) under the nearest `.bulletproof.yaml`, which wins where it
 * speaks so that the editor and CI agree.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { findConfigFile, mergeSettings, normalizeSettings, readConfigFile, type ConfigFile, type Settings } from '../node/config';
import { isInside } from '../node/files';

export class SettingsStore {
  canPullConfiguration = false;
  private workspaceRoots: string[] = [];
  private pushed: unknown;
  private readonly editorSettings = new Map<string, Promise<Partial<Settings>>>();
  private readonly configFiles = new Map<string, ConfigFile | undefined>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.canPullConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceRoots = folders.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) this.pushed = options.settings;
  }

  /** Settings changed in the editor, or a config file changed on disk. */
  changed(pushed?: unknown): void {
    if (pushed && typeof pushed === 'object' && 'bulletproof' in pushed) this.pushed = (pushed as { bulletproof: unknown }).bulletproof;
    this.editorSettings.clear();
    this.configFiles.clear();
  }

  /** The workspace folder holding a file, for globs and for where config lookup stops. */
  rootOf(filePath: string): string | undefined {
    return this.workspaceRoots.filter((root) => isInside(root, filePath)).sort((a, b) => b.length - a.length)[0];
  }

  async settingsFor(uri: string): Promise<{ settings: Settings; configFile?: ConfigFile }> {
    const editor = await this.editorSettingsFor(uri);
    const filePath = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    const configFile = filePath ? this.configFileFor(path.dirname(filePath), this.rootOf(filePath)) : undefined;
    return { settings: mergeSettings(editor, configFile?.settings ?? {}), configFile };
  }

  private editorSettingsFor(uri: string): Promise<Partial<Settings>> {
    let pending = this.editorSettings.get(uri);
    if (!pending) {
      pending = this.canPullConfiguration
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'bulletproof' })
            .then((raw: unknown) => normalizeSettings(raw).settings, () => ({}))
        : Promise.resolve(normalizeSettings(this.pushed).settings);
      this.editorSettings.set(uri, pending);
    }
    return pending;
  }

  private configFileFor(dir: string, root: string | undefined): ConfigFile | undefined {
    if (this.configFiles.has(dir)) return this.configFiles.get(dir);
    // Never look above the workspace: a config there belongs to someone else.
    const found = findConfigFile(dir, root ?? dir);
    const config = found ? readConfigFile(found) : undefined;
    this.configFiles.set(dir, config);
    if (config?.problems.length) {
      this.connection.console.warn(`${config.path}: ${config.problems.join('; ')}`);
    }
    return config;
  }
}
