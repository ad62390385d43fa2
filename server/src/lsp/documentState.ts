/**
 * Which documents are resumes, and their latest lint result. Work for a
 * superseded version is dropped and an older result never replaces a newer
 * one: each check re-reads the document and stores only if it is current.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../linter';
import type { Rule } from '../engine/rule';
import { rules as registeredRules } from '../rules/registry';
import { allRuleMeta } from '../linter';
import { CONFIG_FILE_NAMES, parseConfigText, resumeSetupWith, type ConfigProblem } from '../engine/configText';
import { DEFAULT_SETTINGS, type Settings } from '../engine/settings';
import { hasMarker, type PathMatcher } from '../engine/fileGlobs';
import { formatOfName, formatOfText, hasJsonMarker, type ResumeFormat } from '../engine/jsonParse';
import type { Guard } from './guard';
import type { OpenDocuments } from './openDocuments';
import type { SettingsStore } from './settings';
import type { HostFiles } from './host';
import { uriPathOf } from './uriPath';

interface Checked {
  version: number;
  /** Undefined for a YAML file that is not a resume. */
  result?: LintResult;
  /** For a `.bulletproof.yaml` open in the editor: what the CLI would refuse in it. */
  configProblems?: ConfigProblem[];
  settings: Settings;
}

export class DocumentState {
  private readonly checked = new Map<string, Checked>();
  private readonly pending = new Set<string>();
  private readonly stale = new Set<string>();
  private readonly matchers = new Map<string, PathMatcher>();
  private readonly files: HostFiles;

  constructor(
    private readonly documents: Pick<OpenDocuments, 'get' | 'all'>,
    private readonly settings: SettingsStore,
    private readonly guard: Guard,
    private readonly publish: (uri: string) => void,
    private readonly rules: readonly Rule[] = registeredRules,
  ) {
    this.files = settings.files;
  }

  /** Coalesces bursts of edits: one check per turn of the event loop, on the newest text. */
  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.add(uri);
    nextTurn(() => {
      this.pending.delete(uri);
      void this.guard.runAsync('check', uri, () => this.check(uri));
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
    if (known && known.version === document.version && !this.stale.has(document.uri) && sameSettings(known.settings, settings))
      return known;
    this.stale.delete(document.uri);
    const checked: Checked = { version: document.version, settings };
    const configName = configFileName(this.files.namePathOf(document.uri));
    if (configName !== undefined) {
      checked.configProblems = parseConfigText(document.getText(), configName, this.knownRuleIds()).problems;
    } else if (this.isResumeWith(document, settings)) {
      const resumePath = this.files.filePathOf(document.uri);
      const { lintOptions: options } = resumeSetupWith(
        {
          resumePath,
          name: this.files.namePathOf(document.uri),
          root: resumePath ? this.settings.rootOf(resumePath) : undefined,
          noPathReason:
            resumePath === undefined && document.uri.startsWith('file:') ? "this resume's address is not a local file path" : undefined,
        },
        // Merged already by the settings store: editor settings under the config file.
        { editor: settings },
        this.files.postings,
      );
      // The last result lets the engine re-check only what the edit changed; it is replaced below.
      checked.result = lint(document.getText(), { ...options, format: formatOfDocument(document) }, this.rules, known?.result);
    }
    this.checked.set(document.uri, checked);
    // A rule that threw is a bug of ours: its findings are missing, and the guard says so.
    for (const { ruleId, error } of checked.result?.ruleErrors ?? []) {
      this.guard.report(`rule ${ruleId}`, document.uri, error, `the rule \`${ruleId}\``);
    }
    return checked;
  }

  private ruleIds: string[] | undefined;
  private knownRuleIds(): string[] {
    this.ruleIds ??= allRuleMeta(this.rules).map((meta) => meta.id);
    return this.ruleIds;
  }

  /**
   * By its marker (a YAML file's first line, a JSON file's `$schema` or `meta.bulletproof`), else by name: a URI
   * with no file path (`%E9`, another host) is matched by its name alone.
   */
  private isResumeWith(document: TextDocument, settings: Settings): boolean {
    if (document.languageId === 'json' ? hasJsonMarker(document.getText()) : hasMarker(document.getText())) return true;
    const filePath = this.files.filePathOf(document.uri);
    const namePath = filePath ?? this.files.namePathOf(document.uri);
    if (namePath === undefined) return false;
    // Relative to the workspace folder holding it: its path's folder in Node, its URI's in a browser.
    const place = filePath ?? this.files.placeOf(document.uri);
    return this.matcherFor(settings.files, place === undefined ? undefined : this.settings.rootOf(place))(namePath);
  }

  /** Compiling the globs costs more than matching them: once per setting and folder, not per keystroke. */
  private matcherFor(files: readonly string[], root: string | undefined): PathMatcher {
    const key = `${root ?? ''}\0${files.join('\0')}`;
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = this.files.matcher(files, root);
      this.matchers.set(key, matcher);
    }
    return matcher;
  }
}

/** A check per turn of the event loop: `setImmediate` in Node, a zero timeout in a browser worker, which has none. */
const nextTurn: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

/** How a document is parsed: as its language in the editor says, else as its name does, else as its text does. */
export function formatOfDocument(document: TextDocument): ResumeFormat {
  const { languageId } = document;
  if (languageId === 'json' || languageId === 'yaml') return languageId;
  // By a `file:` URI's name only, as in every editor; a browser's documents come with their language.
  const name = document.uri.startsWith('file:') ? uriPathOf(document.uri) : undefined;
  return formatOfName(name) ?? formatOfText(document.getText());
}

/** `.bulletproof.yaml` and its siblings, by the last segment of the document's name (local path or not). */
function configFileName(namePath: string | undefined): string | undefined {
  const name = namePath?.split(/[\\/]/).pop();
  return name !== undefined && CONFIG_FILE_NAMES.includes(name) ? name : undefined;
}

function sameSettings(a: Settings, b: Settings): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
