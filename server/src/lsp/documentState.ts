/**
 * Which documents are resumes, and their latest lint result. Work for a
 * superseded version is dropped and an older result never replaces a newer
 * one: each check re-reads the document and stores only if it is current.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../engine/lint';
import { DEFAULT_SETTINGS, type Settings } from '../node/config';
import { fileMatcher, hasMarker, type FileMatcher } from '../node/files';
import { postingLoader } from '../node/posting';
import type { SettingsStore } from './settings';

interface Checked {
  version: number;
  /** Undefined for a YAML file that is not a resume. */
  result?: LintResult;
  settings: Settings;
}

export class DocumentState {
  private readonly checked = new Map<string, Checked>();
  private readonly pending = new Set<string>();
  private readonly stale = new Set<string>();
  private readonly matchers = new Map<string, FileMatcher>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly publish: (uri: string) => void,
  ) {}

  /** Coalesces bursts of edits: one check per turn of the event loop, on the newest text. */
  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    setImmediate(() => {
      this.pending.delete(uri);
      void this.check(uri);
    });
  }

  /** Settings or a file a resume reads (a posting) changed: check every document again, whatever its version. */
  revalidateAll(): void {
    for (const document of this.documents.all()) {
      this.stale.add(document.uri);
      this.schedule(document.uri);
    }
  }

  forget(uri: string): void {
    this.checked.delete(uri);
    this.stale.delete(uri);
  }

  current(uri: string): Checked | undefined {
    return this.checked.get(uri);
  }

  isResume(document: TextDocument): boolean {
    return this.isResumeWith(document, this.checked.get(document.uri)?.settings ?? DEFAULT_SETTINGS);
  }

  /** The result for the document's current version, computed now if the scheduled check has not run yet. */
  resultFor(document: TextDocument): LintResult | undefined {
    const known = this.checked.get(document.uri);
    if (known && known.version === document.version) return known.result;
    const settings = known?.settings ?? DEFAULT_SETTINGS;
    return this.store(document, settings)?.result;
  }

  private async check(uri: string): Promise<void> {
    const version = this.documents.get(uri)?.version;
    if (version === undefined) return;
    const { settings } = await this.settings.settingsFor(uri);
    // Documents are updated in place: compare versions, not objects. Superseded
    // while settings were fetched? The newer edit has its own check.
    const document = this.documents.get(uri);
    if (!document || document.version !== version) return;
    this.store(document, settings);
    this.publish(uri);
  }

  private store(document: TextDocument, settings: Settings): Checked | undefined {
    const known = this.checked.get(document.uri);
    if (known && known.version > document.version) return known;
    // A request (code actions, CodeLens) often asks before the scheduled check runs: do not lint that version twice.
    if (known && known.version === document.version && !this.stale.has(document.uri) && sameSettings(known.settings, settings)) return known;
    this.stale.delete(document.uri);
    const checked: Checked = { version: document.version, settings };
    if (this.isResumeWith(document, settings)) {
      const resumePath = document.uri.startsWith('file:') ? fileURLToPath(document.uri) : undefined;
      const options = {
        rules: settings.rules,
        role: settings.role,
        loadPosting: postingLoader({
          resumePath,
          root: resumePath ? this.settings.rootOf(resumePath) : undefined,
          fromSettings: settings.posting,
        }),
      };
      // The last result lets the engine re-check only what the edit changed; it is replaced below.
      checked.result = lint(document.getText(), options, undefined, known?.result);
    }
    this.checked.set(document.uri, checked);
    return checked;
  }

  private isResumeWith(document: TextDocument, settings: Settings): boolean {
    if (hasMarker(document.getText())) return true;
    if (!document.uri.startsWith('file:')) return false;
    const filePath = fileURLToPath(document.uri);
    return this.matcherFor(settings.files, this.settings.rootOf(filePath))(filePath);
  }

  /** Compiling the globs costs more than matching them: once per setting and folder, not per keystroke. */
  private matcherFor(files: readonly string[], root: string | undefined): FileMatcher {
    const key = `${root ?? ''}\0${files.join('\0')}`;
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = fileMatcher(files, root);
      this.matchers.set(key, matcher);
    }
    return matcher;
  }
}

function sameSettings(a: Settings, b: Settings): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
