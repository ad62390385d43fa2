/**
 * What every conversion shares: the notes it gives, and small readers of
 * the plain values YAML and JSON parse into.
 */
import { formatPath, type PathSegment } from '../document';
import { knownKeys, schemaAt, typesOf } from '../schema/schemaInfo';

/** Something that has no place in the target, or changed its form on the way. `path` is in the source's terms. */
export interface ConvertNote {
  /** `basics.profiles[2]`; empty for the file as a whole. */
  path: string;
  message: string;
}

export type Plain = Record<string, unknown>;

export function isRecord(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The notes of one conversion, each said once. */
export class Notes {
  readonly list: ConvertNote[] = [];
  private readonly seen = new Set<string>();

  add(path: readonly PathSegment[], message: string): void {
    const note = { path: formatPath(path), message };
    const key = `${note.path}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(note);
  }
}

/** A string, or a number written as one (`2021`, a phone number); anything else is undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string (or number as text). */
export function filled(value: unknown): string | undefined {
  const text = textOf(value);
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

/** A list of strings, numbers written as text; undefined when there are none. */
export function textList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.flatMap((item) => {
    const text = textOf(item);
    return text === undefined ? [] : [text];
  });
  return list.length > 0 ? list : undefined;
}

/** A list of mappings with their index in the source (other items are skipped, with a note). */
export function entriesOf(value: unknown, path: readonly PathSegment[], notes: Notes): { entry: Plain; index: number }[] {
  if (!Array.isArray(value)) {
    if (value !== undefined && value !== null) notes.add(path, 'is not a list: dropped');
    return [];
  }
  return value.flatMap((entry, index) => {
    if (isRecord(entry)) return [{ entry, index }];
    if (entry !== null && entry !== undefined) notes.add([...path, index], `is not a mapping: dropped (${shown(entry)})`);
    return [];
  });
}

/** An object without its undefined values, keys in the order given. */
export function compact(entries: Record<string, unknown>): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) out[key] = value;
  return out;
}

/** A value quoted for a note, cut short so a note stays one line. */
export function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  const flat = json.replace(/\s+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

/** Nothing to lose: no value, an empty string, list or mapping. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** Notes for the keys of `entry` that no mapping used. */
export function noteLeftOver(entry: Plain, used: readonly string[], path: readonly PathSegment[], target: string, notes: Notes): void {
  for (const [key, value] of Object.entries(entry)) {
    if (used.includes(key) || isEmpty(value)) continue;
    notes.add([...path, key], `has no ${target} field: dropped (${shown(value)})`);
  }
}

const MARKDOWN_LINK = /^\[([^\]\n]+)\]\(([^()\s]+)\)$/;

/** `[Fintech Co](https://example.com)` as its text and address; plain text has no address. */
export function unlink(text: string): { text: string; url?: string } {
  const match = MARKDOWN_LINK.exec(text.trim());
  return match?.[1] !== undefined && match[2] !== undefined ? { text: match[1], url: match[2] } : { text };
}

/** Text as a Markdown link to `url`; the text alone without one. */
export function link(text: string, url: string | undefined): string {
  return url ? `[${text}](${url})` : text;
}

/** Section titles and keys compared loosely: `Work_Experience` and `work experience` are the same. */
export function titleKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-\s&/]+/g, ' ')
    .trim();
}

/** JSON Resume's sections after `basics`, in its documented order: the schema's top-level lists. */
export const JSON_RESUME_SECTIONS: readonly string[] = knownKeys([]).filter((key) => typesOf(schemaAt([key])).includes('array'));

export type EntryWriter = (entry: Plain, path: readonly PathSegment[], notes: Notes) => Plain;

/**
 * An entry whose fields carry over by name (`rename` maps a key to the
 * target's), its dates through `date`, what is left over noted as dropped.
 */
export function sameFields(
  target: string,
  date: (value: unknown, path: readonly PathSegment[], notes: Notes) => unknown,
  keys: readonly string[],
  rename: Record<string, string> = {},
  dateKeys: readonly string[] = [],
): EntryWriter {
  return (entry, path, notes) => {
    const out: Plain = {};
    for (const key of keys) {
      const value = dateKeys.includes(key)
        ? date(entry[key], [...path, key], notes)
        : key === 'keywords'
          ? textList(entry[key])
          : filled(entry[key]);
      if (value !== undefined) out[rename[key] ?? key] = value;
    }
    noteLeftOver(entry, keys, path, target, notes);
    return out;
  };
}
