/**
 * The open documents, kept in step with the editor: `didOpen`, `didChange`
 * and `didClose`, each checked before it is applied. An edit that cannot be
 * placed (a column of 1.5, a line that is a string, a change without text)
 * is not applied: applied, it would put every later diagnostic a column or a
 * line off. The document is then out of sync: its text is unknown, nothing
 * is said about it, until a change sends the whole text again (or the
 * editor opens it anew).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { asRange, describeBadRange, documentUriOf, isRecord } from './params';

export interface DocumentEvents {
  /** Opened, or changed: its text is known and new. */
  changed(document: TextDocument): void;
  closed(uri: string): void;
  /** The text is no longer known. `version` is the one the client meant, when it said. */
  lostSync(uri: string, reason: string, version: number | undefined): void;
  /** A notification that changed nothing, and why. */
  ignored(reason: string): void;
}

type Change = { text: string } | { range: NonNullable<ReturnType<typeof asRange>>; text: string };

export class OpenDocuments {
  private readonly synced = new Map<string, TextDocument>();
  /** Open in the editor, text unknown; the language id is kept for when the whole text comes. */
  private readonly unsynced = new Map<string, string>();

  constructor(private readonly events: DocumentEvents) {}

  /** The document, when it is open and its text is known. */
  get(uri: string): TextDocument | undefined {
    return this.synced.get(uri);
  }

  all(): TextDocument[] {
    return [...this.synced.values()];
  }

  open(params: unknown): void {
    const uri = this.uriIn(params, 'didOpen');
    if (uri === undefined) return;
    const item = (params as { textDocument: Record<string, unknown> }).textDocument;
    const languageId = typeof item.languageId === 'string' ? item.languageId : '';
    const problem =
      typeof item.text !== 'string'
        ? `its text is ${preview(item.text)}, not a string`
        : !isVersion(item.version)
          ? `its version is ${preview(item.version)}, not a whole number`
          : undefined;
    if (problem) {
      this.synced.delete(uri);
      this.unsynced.set(uri, languageId);
      return this.events.lostSync(uri, `didOpen: ${problem}`, isVersion(item.version) ? item.version : undefined);
    }
    this.keep(TextDocument.create(uri, languageId, item.version as number, item.text as string));
  }

  change(params: unknown): void {
    const uri = this.uriIn(params, 'didChange');
    if (uri === undefined) return;
    const known = this.synced.get(uri);
    const languageId = known?.languageId ?? this.unsynced.get(uri);
    if (languageId === undefined) return this.events.ignored(`didChange for ${uri}, which is not open`);
    const { version } = (params as { textDocument: Record<string, unknown> }).textDocument;
    const changes = (params as Record<string, unknown>).contentChanges;
    if (!Array.isArray(changes) || changes.length === 0) {
      if (Array.isArray(changes)) return; // Nothing changed: the protocol allows it.
      return this.lose(uri, `didChange: contentChanges is ${preview(changes)}, not a list`, known, undefined);
    }
    if (!isVersion(version)) return this.lose(uri, `didChange: the version is ${preview(version)}, not a whole number`, known, undefined);

    // Applied in order; a change that cannot be placed loses the text until a later one gives all of it.
    let document = known;
    let problem: string | undefined;
    for (const raw of changes) {
      const change = asChange(raw);
      if (typeof change === 'string') {
        problem ??= change;
        document = undefined;
      } else if (!('range' in change)) {
        document = TextDocument.create(uri, languageId, version, change.text);
        problem = undefined;
      } else if (document) {
        document = TextDocument.update(document, [change], version);
      }
    }
    if (!document) return this.lose(uri, `didChange: ${problem ?? 'an edit to a text that is not known'}`, known, version);
    this.keep(document);
  }

  close(params: unknown): void {
    const uri = this.uriIn(params, 'didClose');
    if (uri === undefined) return;
    const wasOpen = this.synced.delete(uri) || this.unsynced.delete(uri);
    if (wasOpen) this.events.closed(uri);
  }

  /** `textDocument.uri`; without one the notification is ignored, and that is said. */
  private uriIn(params: unknown, method: string): string | undefined {
    const uri = documentUriOf(params);
    if (uri === undefined) this.events.ignored(`${method} without a document URI: ${preview(params)}`);
    return uri;
  }

  private keep(document: TextDocument): void {
    this.unsynced.delete(document.uri);
    this.synced.set(document.uri, document);
    this.events.changed(document);
  }

  /** The text is unknown from here on; said once, when it stops being known. */
  private lose(uri: string, reason: string, known: TextDocument | undefined, version: number | undefined): void {
    if (!known) return;
    this.synced.delete(uri);
    this.unsynced.set(uri, known.languageId);
    this.events.lostSync(uri, reason, version);
  }
}

function isVersion(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** A whole-text change, an edit with a range of whole numbers, or what is wrong with it. */
function asChange(raw: unknown): Change | string {
  if (!isRecord(raw)) return `a change is ${preview(raw)}, not an object`;
  if (typeof raw.text !== 'string') return `a change's text is ${preview(raw.text)}, not a string`;
  if (raw.range === undefined) return { text: raw.text };
  const range = asRange(raw.range);
  return range ? { range, text: raw.text } : describeBadRange(raw.range);
}

/** A value as it came, short enough for a log line. */
function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
