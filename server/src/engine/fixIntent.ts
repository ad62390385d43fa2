/**
 * A fix as an intent: what to change in the resume, addressed by model
 * paths (`work[2].highlights[0]`, the keys of `model.entries`), never by
 * text offsets or parser nodes. A writer for the file's format turns each
 * change into text edits; the linter does so when a fix is asked for, so a
 * rule never writes YAML (or JSON) itself and a new format needs a new
 * writer, not new rules.
 */
import type { ResumeModel } from './model';
import type { Fix, Role, TextEdit } from './types';

/** A piece of a new value: literal text, or a snippet placeholder with its default text. */
export type TextPart = string | { placeholder: string };

/** `[start, end)` of a scalar's parsed value, replaced by `text`. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/** A list item a writer can build: a string, or a mapping of strings and lists of strings. */
export type ItemValue = string | { readonly [key: string]: string | readonly string[] };

/**
 * A change to the person's settings, not to the resume: the adapter writes
 * it where the settings live (`.bulletproof.yaml` beside the resume, or the
 * editor's setting). Never safe: `--fix` and fix-all write no settings.
 */
export interface SettingChange {
  kind: 'setSetting';
  name: 'role';
  value: Role;
}

/** The changes today's fixes make: to the resume, each addressed by the path of what it changes, or to the settings. */
export type Change = ResumeChange | SettingChange;

/** A change to the resume, addressed by the path of what it changes. */
export type ResumeChange =
  /**
   * The whole text value at `path`, in the value's own style; placeholders make it a snippet.
   * With `within`, only that span of the value: the text around it stays as it is.
   */
  | { kind: 'setText'; path: string; parts: readonly TextPart[]; within?: { start: number; end: number } }
  /** Spans of the text value at `path`, for fixes that change a few letters: the writer may touch only those. */
  | { kind: 'editText'; path: string; spans: readonly TextSpan[] }
  /** The key at `path` renamed to `name`. */
  | { kind: 'renameKey'; path: string; name: string }
  /** The key at `path` removed with its (scalar) value. */
  | { kind: 'removeKey'; path: string }
  /** `item` added at the end of the list at `path`; a missing or empty list is created with it. */
  | { kind: 'appendItem'; path: string; item: ItemValue }
  /** A text item inserted before item `index` of the list at `path`, in the list's style. */
  | { kind: 'insertItem'; path: string; index: number; item: string }
  /** A text item built from a template added at the end of the list at `path`, styled like its last item. */
  | { kind: 'appendTemplate'; path: string; parts: readonly TextPart[] }
  /** Item `from` of the list at `path` moved to position `to` (before the item now there). */
  | { kind: 'moveItem'; path: string; from: number; to: number }
  /** The whole list at `path` replaced by `items`. */
  | { kind: 'setList'; path: string; items: readonly ItemValue[] }
  /** The comma after the last item of the object or list at `path` removed (JSON allows none there). */
  | { kind: 'removeTrailingComma'; path: string };

export interface FixIntent {
  title: string;
  /** Mechanical and meaning-preserving: used by fix-all and `--fix`. */
  safe?: boolean;
  /** The one obvious fix; only a safe fix may be preferred. */
  isPreferred?: boolean;
  changes: readonly Change[];
}

/** Turns changes into text edits for one format. */
export interface FormatWriter {
  /** The edits for `change`, or undefined when it cannot be written cleanly here: the fix is then dropped. */
  edits(model: ResumeModel, change: ResumeChange): TextEdit[] | undefined;
}

/** The fixes whose every change `writer` can write, as text edits, in the order given. */
export function writeFixes(model: ResumeModel, intents: readonly FixIntent[], writer: FormatWriter): Fix[] {
  const fixes: Fix[] = [];
  for (const intent of intents) {
    const edits = editsOf(model, intent.changes, writer);
    if (!edits) continue;
    const fix: Fix = { title: intent.title, edits };
    const settings = intent.changes.filter((change) => change.kind === 'setSetting');
    // A fix that changes settings is a suggestion, whatever the rule says: applied one at a time, never by `--fix`.
    if (settings.length > 0) fix.settings = settings.map(({ name, value }) => ({ name, value }));
    else {
      if (intent.isPreferred !== undefined) fix.isPreferred = intent.isPreferred;
      if (intent.safe !== undefined) fix.safe = intent.safe;
    }
    fixes.push(fix);
  }
  return fixes;
}

function editsOf(model: ResumeModel, changes: readonly Change[], writer: FormatWriter): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const change of changes) {
    if (change.kind === 'setSetting') continue;
    const written = writer.edits(model, change);
    if (!written) return undefined;
    edits.push(...written);
  }
  return edits;
}

/** Where a bullet is in its text, when it is one of several written there (`Bullet.within`). */
interface TextTarget {
  readonly path: string;
  readonly within?: { start: number; end: number };
}

/** The change that writes `parts` as the whole text of a bullet (or any value with a path). */
export function setText(target: TextTarget, parts: readonly TextPart[]): Change {
  return target.within
    ? { kind: 'setText', path: target.path, parts, within: { start: target.within.start, end: target.within.end } }
    : { kind: 'setText', path: target.path, parts };
}

/** The change that replaces spans of a bullet's text, given as offsets into the bullet's own text. */
export function editBulletText(bullet: TextTarget, spans: readonly TextSpan[]): Change {
  const offset = bullet.within?.start ?? 0;
  return {
    kind: 'editText',
    path: bullet.path,
    spans: spans.map((span) => ({ ...span, start: span.start + offset, end: span.end + offset })),
  };
}
