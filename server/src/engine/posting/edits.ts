/**
 * Edits to lists in YAML, the ones the skills fixes need: add an item (a
 * keyword to a group, a group to `skills`, creating the list when needed),
 * and move an item to the front of its list. Each edit is as small as it can be and copies the
 * file's own style (indentation, flow `[a, b]` or block `- a` lists, line
 * endings), so comments stay where they were and the YAML stays valid; in a
 * JSON file, every value written is a JSON string, and the file stays JSON.
 */
import { isMap, isPair, isScalar, isSeq, parse, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ResumeModel } from '../document';
import type { ItemValue } from '../fixIntent';
import type { OffsetRange, TextEdit } from '../types';
import { columnOf, insertionAt, lineBreakOf, lineIndent } from '../textLines';
import { isJsonText, jsonString } from '../json';

/**
 * An edit adding `item` at the end of the list at `path` (a key of a
 * mapping): a string in the list's style, or a mapping (`{ name, keywords }`)
 * laid out like the list's other items. A key with no value (`keywords:`,
 * `skills: ~`, JSON `null`) gets a one-item list in its place; a missing key
 * is added after its mapping's last pair.
 */
export function appendItemEdit(model: ResumeModel, path: string, item: ItemValue): TextEdit | undefined {
  const at = lastSegment(path);
  const parent = at && model.entries.get(at.parent)?.node;
  if (!at || !isMap(parent)) return undefined;
  return typeof item === 'string' ? appendScalar(model.text, parent, at.key, item) : appendRecord(model, parent, at.key, item);
}

/** A path's last segment, when it is a key, and the path of the mapping holding it. */
function lastSegment(path: string): { parent: string; key: string } | undefined {
  const dotted = /(?:^|\.)([A-Za-z_$][\w$-]*)$/.exec(path);
  if (dotted) return { parent: path.slice(0, dotted.index), key: dotted[1] ?? '' };
  const bracketed = /\[("(?:[^"\\]|\\.)*")\]$/.exec(path);
  return bracketed?.[1] ? { parent: path.slice(0, bracketed.index), key: JSON.parse(bracketed[1]) as string } : undefined;
}

/** `value` at the end of the map's `key` list (adding `key:` when the map has none). */
function appendScalar(text: string, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  const json = isJsonText(text);
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const list = pair?.value as YamlNode | null | undefined;
  if (isSeq(list)) return appendToSeq(text, list, value);
  if (pair) {
    // `keywords:` with no value, or `keywords: ~`: give it a one-item list.
    if (list && !(isScalar(list) && list.value === null)) return undefined;
    const keyEnd = nodeEnd(pair.key as YamlNode);
    if (keyEnd === undefined) return undefined;
    const colon = text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    // An explicit `~` is replaced; an empty value gets the list after the colon.
    const explicit = list?.range && list.range[1] > list.range[0] ? list.range : undefined;
    const range = explicit ? { start: explicit[0], end: explicit[1] } : { start: colon + 1, end: colon + 1 };
    return { range, newText: `${explicit ? '' : ' '}[${flowScalar(value, json)}]` };
  }
  return appendPair(text, map, key, `[${flowScalar(value, json)}]`);
}

/** A mapping item at the end of the map's `key` list, or the list itself. */
function appendRecord(model: ResumeModel, map: YAMLMap, key: string, record: ItemRecord): TextEdit | undefined {
  const text = model.text;
  const json = isJsonText(text);
  const eol = lineBreakOf(text);
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (pair) {
    const list = pair.value as YamlNode | null;
    if (isSeq(list)) {
      if (list.flow) return appendToSeqRaw(text, list, recordFlow(record, json));
      return appendToSeqRaw(text, list, recordBlock(text, list, record));
    }
    if (list && !(isScalar(list) && list.value === null)) return undefined;
    // `"skills": null` in JSON (or flow YAML): a one-item list in its place.
    if (json || (list?.range && map.flow)) {
      return list?.range ? { range: { start: list.range[0], end: list.range[1] }, newText: `[${recordFlow(record, json)}]` } : undefined;
    }
    // `skills:` with nothing after it.
    const keyRange = (pair.key as YamlNode | null)?.range;
    if (!keyRange) return undefined;
    const colon = text.indexOf(':', keyRange[1]);
    if (colon < 0) return undefined;
    const itemIndent = (lineIndent(text, keyRange[0]) ?? '') + '  ';
    const block = `${eol}${itemIndent}- ${indentContinuation(recordLines(record, eol), itemIndent + '  ')}`;
    const range = list?.range
      ? { start: list.range[0] - (text[list.range[0] - 1] === ' ' ? 1 : 0), end: list.range[1] }
      : { start: colon + 1, end: colon + 1 };
    return { range, newText: block };
  }
  if (map.flow) return appendPair(text, map, key, `[${recordFlow(record, json)}]`);
  const firstKey = map.items[0]?.key as YamlNode | undefined;
  const indent = ' '.repeat(firstKey?.range ? columnOf(text, firstKey.range[0]) : 0) + '  ';
  return appendPair(text, map, key, `${eol}${indent}- ${indentContinuation(recordLines(record, eol), indent + '  ')}`, true);
}

/**
 * An edit putting the text `value` before item `index` of a list, in the
 * list's style: written where that item starts, followed by what separates
 * items there (`, `, or a line break and a dash), so the item keeps its own
 * line and comment. Undefined when there is no such item.
 */
export function insertItemEdit(text: string, seq: YAMLSeq, index: number, value: string): TextEdit | undefined {
  const before = seq.items[index] as YamlNode | null | undefined;
  if (!before?.range) return undefined;
  const start = before.range[0];
  if (seq.flow) {
    const ownLine = lineIndent(text, start);
    const separator = ownLine !== undefined ? `,${lineBreakOf(text)}${ownLine}` : ', ';
    return { range: insertionAt(start), newText: flowScalar(value, isJsonText(text)) + separator };
  }
  // A dash on the item's own line, as `appendToSeqRaw` writes them; an item that starts on the line after its dash is left alone.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = /^([ \t]*)-[ \t]+$/.exec(text.slice(lineStart, start));
  if (!lead) return undefined;
  return { range: insertionAt(start), newText: `${blockScalar(value)}${lineBreakOf(text)}${lead[1]}- ` };
}

/**
 * Edits moving item `from` of a list to position `to` (before the item now
 * there). Block lists of one-line items move the whole line, its comment
 * with it; otherwise the item texts rotate in place, separators and comments
 * staying where they are.
 */
export function moveItemEdits(text: string, seq: YAMLSeq, from: number, to: number): TextEdit[] | undefined {
  if (from === to) return [];
  const items = seq.items as (YamlNode | null)[];
  const moving = items[from];
  const target = items[to];
  if (!moving?.range || !target?.range || from < to) return undefined;
  if (!seq.flow) {
    const lineMove = moveLine(text, moving, target);
    if (lineMove) return lineMove;
  }
  const slice = items.slice(to, from + 1);
  const ranges: OffsetRange[] = [];
  for (const item of slice) {
    if (!item?.range) return undefined;
    ranges.push({ start: item.range[0], end: item.range[1] });
  }
  const sources = ranges.map((range) => text.slice(range.start, range.end));
  // Each item takes the text of the one before it; the first, the moving item's.
  return ranges.map((range, k) => ({ range, newText: sources[(k + sources.length - 1) % sources.length]! }));
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

function moveLine(text: string, moving: YamlNode, target: YamlNode): TextEdit[] | undefined {
  const movingLine = itemLine(text, moving);
  const targetLine = itemLine(text, target);
  if (!movingLine || !targetLine) return undefined;
  const eol = lineBreakOf(text);
  const line = text.slice(movingLine.start, movingLine.end);
  const next = text.indexOf('\n', movingLine.end);
  // Take the line break after it with it; on the last line, the one before it.
  const removal = next >= 0 ? { start: movingLine.start, end: next + 1 } : { start: movingLine.start - eol.length, end: movingLine.end };
  if (removal.start < 0) return undefined;
  return [
    { range: { start: targetLine.start, end: targetLine.start }, newText: line + eol },
    { range: removal, newText: '' },
  ];
}

/** The line of a one-line block list item, `  - Go  # comment`, without its line break. */
function itemLine(text: string, item: YamlNode): { start: number; end: number } | undefined {
  const [start, valueEnd] = item.range!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, start))) return undefined;
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  if (valueEnd > lineEnd) return undefined;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  return { start: lineStart, end: lineEnd };
}

function appendToSeq(text: string, seq: YAMLSeq, value: string): TextEdit | undefined {
  return appendToSeqRaw(text, seq, seq.flow ? flowScalar(value, isJsonText(text)) : blockScalar(value));
}

type ItemRecord = Exclude<ItemValue, string>;

/** A mapping item inside a flow list: JSON in a JSON file. */
function recordFlow(record: ItemRecord, json: boolean): string {
  const value = (v: string | readonly string[]) =>
    typeof v === 'string' ? flowScalar(v, json) : `[${v.map((one) => flowScalar(one, json)).join(', ')}]`;
  const pairs = Object.entries(record).map(([key, v]) => `${json ? jsonString(key) : key}: ${value(v)}`);
  return json ? `{${pairs.join(', ')}}` : `{ ${pairs.join(', ')} }`;
}

/** Adds already-rendered item text at the end of a list, in the list's style. */
function appendToSeqRaw(text: string, seq: YAMLSeq, item: string): TextEdit | undefined {
  if (!seq.range) return undefined;
  const items = seq.items as (YamlNode | null)[];
  const last = items[items.length - 1];
  if (seq.flow) {
    if (!last) {
      const open = text.indexOf('[', seq.range[0]);
      if (open < 0 || open >= seq.range[1]) return undefined;
      return { range: insertionAt(open + 1), newText: item };
    }
    const end = contentEnd(text, last);
    if (end === undefined) return undefined;
    const ownLine = lineIndent(text, last.range![0]);
    // JSON-style lists put each item on its own line; keep that.
    return { range: insertionAt(end), newText: ownLine !== undefined ? `,${lineBreakOf(text)}${ownLine}${item}` : `, ${item}` };
  }
  if (!last?.range) return undefined;
  const end = contentEnd(text, last);
  if (end === undefined) return undefined;
  // The list's dashes stand where its first one does: an item may start on the line after its dash (`-\n    name: Go`).
  const dashIndent = lineIndent(text, seq.range[0]) ?? ' '.repeat(columnOf(text, seq.range[0]));
  return {
    range: insertionAt(lineEndAfter(text, end)),
    newText: `${lineBreakOf(text)}${dashIndent}- ${indentContinuation(item, dashIndent + '  ')}`,
  };
}

/** Adds `key: value` after a block map's last pair, at its keys' indentation; `value` may start on a new line. */
function appendPair(text: string, map: YAMLMap, key: string, value: string, valueIsBlock = false): TextEdit | undefined {
  const pairs = map.items as Pair<YamlNode, YamlNode | null>[];
  const last = pairs[pairs.length - 1];
  if (!last || !isPair(last) || !last.key?.range) return undefined;
  const end = contentEnd(text, last.value ?? last.key);
  if (end === undefined) return undefined;
  if (map.flow) return { range: insertionAt(end), newText: `, ${isJsonText(text) ? jsonString(key) : key}: ${value}` };
  const keyIndent = ' '.repeat(columnOf(text, last.key.range[0]));
  const separator = valueIsBlock ? '' : ' ';
  return { range: insertionAt(lineEndAfter(text, end)), newText: `${lineBreakOf(text)}${keyIndent}${key}:${separator}${value}` };
}

/** A mapping item's lines, its lists in flow style, as a new list's first item. */
function recordLines(record: ItemRecord, eol: string, blockLists: ReadonlyMap<string, number> = new Map()): string {
  const lines = Object.entries(record).map(([key, value]) => {
    if (typeof value === 'string') return `${key}: ${blockScalar(value)}`;
    const offset = blockLists.get(key);
    if (offset === undefined) return `${key}: [${value.map((one) => flowScalar(one)).join(', ')}]`;
    // Placeholder indentation; appendToSeqRaw indents continuation lines under the item.
    return `${key}:${value.map((one) => `${eol}${' '.repeat(offset)}- ${blockScalar(one)}`).join('')}`;
  });
  return lines.join(eol);
}

/** A mapping item for a block list, each of its lists in the style the other items use. */
function recordBlock(text: string, list: YAMLSeq, record: ItemRecord): string {
  const blockLists = new Map<string, number>();
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') continue;
    const offset = blockListOffset(text, list, key);
    if (offset !== undefined) blockLists.set(key, offset);
  }
  return recordLines(record, lineBreakOf(text), blockLists);
}

/** How far the dashes of the first block `key:` list among the items stand from their key; undefined when none is. */
function blockListOffset(text: string, list: YAMLSeq, key: string): number | undefined {
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === key);
    const seq = pair?.value;
    const keyNode = pair?.key as YamlNode | undefined;
    if (!isSeq(seq) || seq.flow || !keyNode?.range) continue;
    const firstItem = seq.items[0] as YamlNode | null;
    if (!firstItem?.range) continue;
    const dashColumn = columnOf(text, text.lastIndexOf('-', firstItem.range[0]));
    return Math.max(0, dashColumn - columnOf(text, keyNode.range[0]));
  }
  return undefined;
}

/** Continuation lines of a multi-line item go under its first line's content. */
function indentContinuation(item: string, indent: string): string {
  return item.replace(/(\r?\n)/g, `$1${indent}`);
}

/** End of the node's content: past its last scalar or closing bracket, before comments. */
function contentEnd(text: string, node: YamlNode | null): number | undefined {
  if (!node?.range) return undefined;
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (last) return contentEnd(text, (last.value as YamlNode | null) ?? (last.key as YamlNode));
  } else if (isSeq(node) && !node.flow) {
    const last = node.items[node.items.length - 1] as YamlNode | null;
    if (last) return contentEnd(text, last);
  }
  // Block scalars end after their line break; step back onto their last line.
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function nodeEnd(node: YamlNode): number | undefined {
  return node.range ? node.range[1] : undefined;
}

/** The end of the line `offset` is on, before its line break: a trailing comment stays before the insertion. */
function lineEndAfter(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end < 0) return text.length;
  if (text[end - 1] === '\r') end--;
  return end;
}

/** A value as a plain scalar inside a flow list when it reads back the same, else double-quoted; always quoted in JSON. */
export function flowScalar(value: string, json = false): string {
  return !json && readsBack(`[${value}]`, value) ? value : jsonString(value);
}

/** A value as a plain scalar in block context when it reads back the same, else double-quoted. */
export function blockScalar(value: string): string {
  return readsBack(`- ${value}`, value) ? value : jsonString(value);
}

function readsBack(source: string, value: string): boolean {
  try {
    const parsed: unknown = parse(source);
    return Array.isArray(parsed) && parsed.length === 1 && parsed[0] === value;
  } catch {
    return false;
  }
}
