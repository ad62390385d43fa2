/**
 * Where the cursor is in a JSON text, exactly as jsonc-parser's
 * `getLocation` says (the path, the key or value typed, whether a key goes
 * there), without reading the text from its start: the model the lint built
 * for the same text holds jsonc-parser's tree (as `yaml` nodes with the same
 * ranges), which leads to the innermost object or array holding the cursor
 * and, in it, to the last item starting before the cursor. `getLocation`
 * then reads from that item on, behind a few characters that put the parser
 * in the state it is in there, so a completion in a 60,000-line resume
 * reads one entry, not the file.
 *
 * The state `getLocation` carries from one event to the next is the path,
 * the last key or value, and whether a key goes next. After a comma in an
 * object it is always the same (a key goes next); in an array, a comma
 * keeps the last answer, which the items before decide, so it is read from
 * the last object among them. When anything is irregular (two commas, a
 * comment, a stray token) the reading starts further out, at the worst
 * from the file's start: the answer is always `getLocation`'s.
 */
import { getLocation, type JSONPath, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';

/** What JSON allows between items: blanks, and one comma between two. */
const BLANK_GAP = /^[ \t\r\n]*$/;
const COMMA_GAP = /^[ \t\r\n]*,[ \t\r\n]*$/;

export interface JsonCursor {
  path: JSONPath;
  /** The key or value the cursor is in or right after, as `getLocation` gives it. */
  previousNode?: Pick<JsonNode, 'type' | 'offset' | 'length'>;
  isAtPropertyKey: boolean;
}

/** A container holding the cursor, and what `getLocation` knows on entering it. */
interface Level {
  node: YAMLMap | YAMLSeq;
  path: JSONPath;
  /** Whether "a key goes next" is known false at its `[` (a key's value, or the root): an array's reading depends on it. */
  enteredAsValue: boolean;
}

/** `getLocation(text, position)`, read from `root`, the tree of the same text, when it has one. */
export function jsonLocationAt(text: string, position: number, root: YamlNode | null | undefined): JsonCursor {
  const levels = levelsAt(text, root, position);
  for (let index = levels.length - 1; index >= 0; index--) {
    const found = readWithin(text, position, levels[index]!);
    if (found) return found;
  }
  return read(text, position, 0, '', 0, []);
}

/** The containers holding the cursor, outermost first, as far as their paths are certain. */
function levelsAt(text: string, root: YamlNode | null | undefined, position: number): Level[] {
  const levels: Level[] = [];
  let level: Level | undefined = isContainer(root) ? { node: root, path: [], enteredAsValue: true } : undefined;
  while (level && holds(level.node, position)) {
    levels.push(level);
    const { node, path } = level;
    const index = lastStartingAt(node, position);
    if (isMap(node)) {
      const pair = node.items[index];
      const key = pair?.key;
      const value = pair?.value;
      level =
        isScalar(key) && typeof key.value === 'string' && isContainer(value)
          ? { node: value, path: [...path, key.value], enteredAsValue: true }
          : undefined;
    } else {
      const item = node.items[index];
      // An array's path counts its commas: the item's index only when each is where it should be.
      level =
        isContainer(item) && regularCommas(text, node, index) ? { node: item, path: [...path, index], enteredAsValue: false } : undefined;
    }
  }
  return levels;
}

/** Read from the last item of `level` starting before the cursor, or from the container's start; undefined when neither is safe. */
function readWithin(text: string, position: number, level: Level): JsonCursor | undefined {
  const { node, path, enteredAsValue } = level;
  const index = lastStartingAt(node, position);
  const span = index >= 0 ? spanOf(node, index) : undefined;
  const start = span?.start ?? node.range![0] + 1;
  const end = span?.end ?? start;
  // Past the item, only blanks and separators up to the cursor: nothing there changes what the parser makes of it.
  if (position > end && !/^[ \t\r\n,:]*$/.test(text.slice(end, position))) return undefined;
  const cut = Math.max(position, end);
  const fromStart = () => (isMap(node) || enteredAsValue ? read(text, position, node.range![0], '', 0, path, cut) : undefined);
  if (index <= 0) return fromStart();
  if (isMap(node)) {
    // After a comma in an object, a key goes next: `{` says the same.
    return COMMA_GAP.test(text.slice(spanOf(node, index - 1).end, start)) ? read(text, position, start, '{', 0, path, cut) : fromStart();
  }
  if (!regularCommas(text, node, index)) return fromStart();
  const keyNext = keyNextAfter(text, node, index, enteredAsValue);
  if (keyNext === undefined) return fromStart();
  // One item before, leaving "a key goes next" as the items before this one leave it.
  return read(text, position, start, keyNext ? '[{},' : '[0,', index - 1, path, cut);
}

/**
 * `getLocation` on `prefix` + the text from `start` to `cut`, its answer
 * moved back to the text's offsets; `indexShift` is added to the first
 * segment (the items the prefix stands for), and `path` put before.
 */
function read(
  text: string,
  position: number,
  start: number,
  prefix: string,
  indexShift: number,
  path: JSONPath,
  cut = text.length,
): JsonCursor {
  const shift = start - prefix.length;
  const location = getLocation(prefix + text.slice(start, cut), position - shift);
  const local = location.path.slice();
  if (indexShift && typeof local[0] === 'number') local[0] += indexShift;
  const typed = location.previousNode;
  return {
    path: [...path, ...local],
    previousNode: typed && { type: typed.type, offset: typed.offset + shift, length: typed.length },
    isAtPropertyKey: location.isAtPropertyKey,
  };
}

/**
 * Whether a key goes next when the array's item `index` begins: what the
 * last object before it left (a comma in an array changes nothing), else
 * what held at the array's `[`; undefined when that is not known.
 */
function keyNextAfter(text: string, node: YAMLSeq, index: number, enteredAsValue: boolean): boolean | undefined {
  for (let before = index - 1; before >= 0; before--) {
    const item = node.items[before] as YamlNode | null;
    if (isSeq(item)) return undefined;
    if (isMap(item)) {
      const [start, end] = item.range!;
      return getLocation(text.slice(start, end), end - start).isAtPropertyKey;
    }
  }
  return enteredAsValue ? false : undefined;
}

/** Whether the array's items up to `index` are each preceded by one comma and blanks (the first by blanks). */
function regularCommas(text: string, node: YAMLSeq, index: number): boolean {
  let previousEnd = node.range![0] + 1;
  for (let item = 0; item <= index; item++) {
    const span = spanOf(node, item);
    if (!(item === 0 ? BLANK_GAP : COMMA_GAP).test(text.slice(previousEnd, span.start))) return false;
    previousEnd = span.end;
  }
  return true;
}

interface Span {
  start: number;
  end: number;
}

/** An item's extent: a property from its key to its value, an array's item itself. */
function spanOf(node: YAMLMap | YAMLSeq, index: number): Span {
  const item: unknown = node.items[index];
  const [first, last] = isPair(item) ? [item.key, item.value ?? item.key] : [item, item];
  return { start: rangeOf(first)?.[0] ?? Infinity, end: rangeOf(last)?.[1] ?? Infinity };
}

function rangeOf(node: unknown): readonly number[] | undefined {
  return (node as YamlNode | null | undefined)?.range ?? undefined;
}

/** The last item starting at or before `position`, or -1 (items are in text order). */
function lastStartingAt(node: YAMLMap | YAMLSeq, position: number): number {
  let low = 0;
  let high = node.items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spanOf(node, middle).start <= position) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Whether the cursor is inside the container for `getLocation`: past its
 * opening bracket and not past its closing one (of a container left open at
 * the end of the text, short of its last character: said conservatively).
 */
function holds(node: YAMLMap | YAMLSeq, position: number): boolean {
  const [start, end] = node.range!;
  return start < position && position <= end - 1;
}

function isContainer(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && node.range !== undefined && node.range !== null;
}
