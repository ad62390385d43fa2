/**
 * Edits to the resume's skills: add a keyword to a group (creating the
 * group, or the whole `skills` list, when needed), and move a keyword to the
 * front of its list. Each edit is as small as it can be and copies the
 * file's own style (indentation, flow `[a, b]` or block `- a` lists, line
 * endings), so comments stay where they were and the YAML stays valid; in a
 * JSON file, every value written is a JSON string, and the file stays JSON.
 */
import { isMap, isPair, isScalar, isSeq, parse, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { formatPath, type ResumeModel } from '../document';
import type { TextEdit } from '../types';
import { columnOf, insertionAt, lineBreakOf, lineIndent } from '../textLines';
import { isJsonText, jsonString } from '../json';

export interface SkillsGroup {
  index: number;
  map: YAMLMap;
  name?: string;
  keywords?: YAMLSeq;
}

/** The maps of the `skills` list, with their names and keyword lists. */
export function skillsGroups(model: ResumeModel): SkillsGroup[] {
  const skills = model.entries.get('skills')?.node;
  if (!isSeq(skills)) return [];
  const groups: SkillsGroup[] = [];
  skills.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const name = item.get('name', true);
    const keywords = item.get('keywords', true);
    groups.push({
      index,
      map: item,
      name: isScalar(name) && typeof name.value === 'string' ? name.value : undefined,
      keywords: isSeq(keywords) ? keywords : undefined,
    });
  });
  return groups;
}

/** An edit adding `value` at the end of a group's keywords (adding `keywords:` when the group has none). */
export function addToGroupEdit(text: string, group: SkillsGroup, value: string): TextEdit | undefined {
  const json = isJsonText(text);
  if (group.keywords) return appendToSeq(text, group.keywords, value);
  const pair = group.map.items.find((p) => isScalar(p.key) && p.key.value === 'keywords');
  if (pair) {
    // `keywords:` with no value, or `keywords: ~`: give it a one-item list.
    const value_ = pair.value as YamlNode | null;
    if (value_ && !(isScalar(value_) && value_.value === null)) return undefined;
    const keyEnd = nodeEnd(pair.key as YamlNode);
    if (keyEnd === undefined) return undefined;
    const colon = text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    // An explicit `~` is replaced; an empty value gets the list after the colon.
    const explicit = value_?.range && value_.range[1] > value_.range[0] ? value_.range : undefined;
    const range = explicit ? { start: explicit[0], end: explicit[1] } : { start: colon + 1, end: colon + 1 };
    return { range, newText: `${explicit ? '' : ' '}[${flowScalar(value, json)}]` };
  }
  return appendPair(text, group.map, 'keywords', `[${flowScalar(value, json)}]`);
}

/** An edit adding a new group `{ name, keywords: [value] }` to the skills list, or the list itself. */
export function addGroupEdit(model: ResumeModel, name: string, value: string): TextEdit | undefined {
  const text = model.text;
  const json = isJsonText(text);
  const entry = model.entries.get('skills');
  const eol = lineBreakOf(text);
  if (entry) {
    const skills = entry.node;
    if (isSeq(skills)) {
      if (skills.flow) return appendToSeqRaw(text, skills, groupFlow(name, value, json));
      return appendToSeqRaw(text, skills, groupBlock(model, skills, name, value));
    }
    if (skills && !(isScalar(skills) && skills.value === null)) return undefined;
    // `"skills": null` in JSON (or flow YAML): a one-group list in its place.
    if (json || (skills?.range && inFlowMap(model, entry.segments))) {
      return skills?.range
        ? { range: { start: skills.range[0], end: skills.range[1] }, newText: `[${groupFlow(name, value, json)}]` }
        : undefined;
    }
    // `skills:` with nothing after it.
    const keyRange = entry.keyRange;
    if (!keyRange) return undefined;
    const colon = text.indexOf(':', keyRange.end);
    if (colon < 0) return undefined;
    const keyIndent = lineIndent(text, keyRange.start) ?? '';
    const itemIndent = keyIndent + '  ';
    const block = `${eol}${itemIndent}- name: ${blockScalar(name)}${eol}${itemIndent}  keywords: [${flowScalar(value)}]`;
    const range = skills?.range
      ? { start: skills.range[0] - (text[skills.range[0] - 1] === ' ' ? 1 : 0), end: skills.range[1] }
      : { start: colon + 1, end: colon + 1 };
    return { range, newText: block };
  }
  const root = model.document?.contents;
  if (!isMap(root)) return undefined;
  if (root.flow) return appendPair(text, root, 'skills', `[${groupFlow(name, value, json)}]`);
  const firstKey = root.items[0]?.key as YamlNode | undefined;
  const indent = ' '.repeat(firstKey?.range ? columnOf(text, firstKey.range[0]) : 0) + '  ';
  return appendPair(
    text,
    root,
    'skills',
    `${eol}${indent}- name: ${blockScalar(name)}${eol}${indent}  keywords: [${flowScalar(value)}]`,
    true,
  );
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
  if (slice.some((item) => !item?.range)) return undefined;
  const sources = slice.map((item) => text.slice((item as YamlNode).range![0], (item as YamlNode).range![1]));
  return slice.map((item, k) => ({
    range: { start: (item as YamlNode).range![0], end: (item as YamlNode).range![1] },
    newText: sources[(k + sources.length - 1) % sources.length],
  }));
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

/** A new skills group inside a flow list: JSON in a JSON file. */
function groupFlow(name: string, value: string, json: boolean): string {
  if (json) return `{"name": ${jsonString(name)}, "keywords": [${jsonString(value)}]}`;
  return `{ name: ${flowScalar(name)}, keywords: [${flowScalar(value)}] }`;
}

/** Whether the mapping holding the value at `segments` is a flow mapping. */
function inFlowMap(model: ResumeModel, segments: readonly (string | number)[]): boolean {
  const parent = model.entries.get(formatPath(segments.slice(0, -1)))?.node;
  return isMap(parent) && parent.flow === true;
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

/** A new skills group for a block list, its keywords in the style the other groups use. */
function groupBlock(model: ResumeModel, skills: YAMLSeq, name: string, value: string): string {
  const text = model.text;
  const eol = lineBreakOf(text);
  let keywordsLine = `keywords: [${flowScalar(value)}]`;
  for (const item of skills.items) {
    if (!isMap(item)) continue;
    const pair = item.items.find((p) => isScalar(p.key) && p.key.value === 'keywords');
    const seq = pair?.value;
    const keyNode = pair?.key as YamlNode | undefined;
    if (!isSeq(seq) || seq.flow || !keyNode?.range) continue;
    const firstItem = seq.items[0] as YamlNode | null;
    if (!firstItem?.range) continue;
    const dashColumn = columnOf(text, text.lastIndexOf('-', firstItem.range[0]));
    const offset = Math.max(0, dashColumn - columnOf(text, keyNode.range[0]));
    // Placeholder indentation; appendToSeqRaw indents continuation lines under the group.
    keywordsLine = `keywords:${eol}${' '.repeat(offset)}- ${blockScalar(value)}`;
    break;
  }
  return `name: ${blockScalar(name)}${eol}${keywordsLine}`;
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
  while (end > node.range[0] && /\s/.test(text[end - 1])) end--;
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
