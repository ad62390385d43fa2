/** What the outline is made of, for every layout's outline. */
import { isMap, isScalar, isSeq, type Node as YamlNode, type YAMLMap } from 'yaml';
import { nodeRange } from '../document';
import type { OffsetRange } from '../types';

export type OutlineKind = 'section' | 'entry' | 'field';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineItem[];
}

/** The first of `keys` the map holds as text or a number, trimmed. */
export function firstText(map: { get(key: string): unknown }, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = map.get(key);
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return undefined;
}

/**
 * Each pair of a mapping with a written scalar key, as a section item named
 * by `name` from the key, spanning key and value, and finished by `fill`
 * (which may leave it out by returning false).
 */
export function pairItems(
  map: YAMLMap,
  name: (key: string) => string,
  fill: (item: OutlineItem, key: string, value: YamlNode | null) => boolean | void,
): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const pair of map.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || !key.range) continue;
    const text = String(key.value);
    const value = pair.value as YamlNode | null;
    const keyRange = nodeRange(key);
    const item: OutlineItem = {
      name: name(text),
      kind: 'section',
      range: { start: keyRange.start, end: value?.range ? value.range[1] : keyRange.end },
      selectionRange: keyRange,
      children: [],
    };
    if (fill(item, text, value) !== false) items.push(item);
  }
  return items;
}

/** The person's name a header mapping (`basics`, `cv`) holds, for the outline's detail. */
export function personName(value: YamlNode | null): string | undefined {
  const person = isMap(value) ? value.get('name') : undefined;
  return typeof person === 'string' ? person : undefined;
}

/** An item for each written entry of a list; nothing for anything else. */
export function entryItems(value: YamlNode | null, make: (node: YamlNode, index: number) => OutlineItem): OutlineItem[] {
  if (!isSeq(value)) return [];
  return value.items.flatMap((item, index) => {
    const node = item as YamlNode | null;
    return node?.range ? [make(node, index)] : [];
  });
}

/**
 * An entry named "title — detail" from the first of each list of keys it
 * holds (`read` turns a value into what is shown), or its text for a plain
 * entry, or its place.
 */
export function namedEntry(
  node: YamlNode,
  [titleKeys, detailKeys]: readonly [string[], string[]],
  index: number,
  read: (text: string | undefined) => string | undefined = (text) => text,
): OutlineItem {
  const range = nodeRange(node);
  let title: string | undefined;
  let detail: string | undefined;
  if (isMap(node)) {
    title = read(firstText(node, titleKeys));
    detail = read(firstText(node, detailKeys));
  } else if (isScalar(node)) {
    title = String(node.value);
  }
  return {
    name: title && detail ? `${title} — ${detail}` : (title ?? detail ?? `Entry ${index + 1}`),
    kind: 'entry',
    range,
    selectionRange: range,
    children: [],
  };
}
