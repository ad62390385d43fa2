/** Small readers the layouts share: plain values, the root's first key, text that counts as written. */
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { firstRootKey, type Bullet, type BulletKind, type BulletSection, type PathEntry, type ResumeModel } from '../model';
import { printed } from '../plainValue';
import type { OffsetRange } from '../types';
import type { ResumeView } from './layout';

export type Json = Record<string, unknown>;

/** JSON Resume's top-level keys: beside one, a root that looks like another layout's may be JSON Resume's. */
export const JSON_RESUME_KEYS: ReadonlySet<string> = new Set([
  'basics',
  'work',
  'education',
  'skills',
  'projects',
  'volunteer',
  'awards',
  'meta',
]);

export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Any non-empty value counts: a wrong type is the schema's to report. */
export const hasText = (value: unknown): boolean => value !== null && value !== undefined && printed(value).trim() !== '';

/** A list with an item, or text: a contact field RenderCV 2.4 lets be either. */
export const hasItems = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : hasText(value));

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The string a mapping holds at `key`, trimmed; `''` for anything else. */
export function textOf(record: unknown, key: string): string {
  if (!isObject(record)) return '';
  const value = record[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** The first key's range, where a finding about the whole resume goes; the file's start when there is none. */
export function rootAnchor(model: ResumeModel): OffsetRange {
  const rootKey = firstRootKey(model);
  return (rootKey === undefined ? undefined : model.entries.get(rootKey)?.keyRange) ?? { start: 0, end: 0 };
}

export function isReadable(model: ResumeModel): boolean {
  return isObject(model.value) && firstRootKey(model) !== undefined;
}

/** The string scalar an entry holds, if it holds one. */
export function stringScalar(entry: PathEntry | undefined): Scalar | undefined {
  const node = entry?.node;
  return isScalar(node) && typeof node.value === 'string' ? node : undefined;
}

export function makeBullet(entry: PathEntry, node: Scalar, kind: BulletKind, section: BulletSection, entryPath: string): Bullet {
  return { path: entry.path, kind, section, entryPath, text: String(node.value), range: entry.valueRange, node };
}

/** The keys of the mapping written at `path`, in order; empty for anything else. */
export function keysAt(entries: ReadonlyMap<string, PathEntry>, path: string): string[] {
  const node = entries.get(path)?.node;
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [printed(pair.key.value)] : []));
}

/** How many items the list written at `path` has; 0 for anything else. */
export function itemCountAt(entries: ReadonlyMap<string, PathEntry>, path: string): number {
  const node = entries.get(path)?.node;
  return isSeq(node) ? node.items.length : 0;
}

/**
 * What every layout's view says first: whether there is a resume, where a
 * finding about the whole of it goes, and the person (under `personKey`:
 * `basics`, `cv`), given whether they wrote a way to reach them.
 */
export function viewHead(
  model: ResumeModel,
  personKey: string,
  person: Json,
  hasContact: boolean,
  summaryPath: string | undefined,
  headlineKey: string,
): Pick<ResumeView, 'readable' | 'rootAnchor' | 'basics'> {
  const fallback = rootAnchor(model);
  const headlinePath = `${personKey}.${headlineKey}`;
  const headlineText = textOf(person, headlineKey);
  const headlineRange = model.entries.get(headlinePath)?.valueRange;
  return {
    readable: isReadable(model),
    rootAnchor: fallback,
    basics: {
      anchor: model.entries.get(personKey)?.keyRange ?? fallback,
      hasName: hasText(person.name),
      hasContact,
      namePath: `${personKey}.name`,
      summaryPath,
      ...(headlineText && headlineRange && { headline: { text: headlineText, path: headlinePath, range: headlineRange } }),
    },
  };
}
