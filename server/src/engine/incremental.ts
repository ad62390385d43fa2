/**
 * Re-parsing only what a keystroke changed. Most edits type inside one
 * scalar on one line (a bullet, a name, a date); parsing the whole file again
 * for each is what makes a long resume lag. When the edit provably leaves
 * the rest of the YAML or JSON structure as it was, the previous model is updated in
 * place: the one scalar is replaced and every offset after the edit moves.
 * Anything else (a new line, a key, a comment, an anchor or alias typed or
 * deleted, a quote typed in a JSON string, a file with syntax errors) gets a
 * full parse; `undefined` says so.
 *
 * "Provably", in YAML, rests on parsing the edited line alone, before and
 * after, with the same parser: if both parse cleanly into the same shape that
 * differs in one scalar, and the old line's scalar sits at exactly the range
 * the full parse gave it, in a collection of the same kind, the line
 * tokenizes the same inside the file, and the lines around it cannot read
 * differently. In JSON it rests on the scanner: an edit between a string's
 * quotes that leaves exactly one complete string there changes no other
 * token. Both then update the model the same way.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import { formatPath, parseYaml, type Bullet, type PathEntry, type ResumeModel } from './document';
import { DATE_FIELDS_SLOT, isDateField } from './dateFields';
import type { Derived } from './derived';
import { detached } from './memo';
import { FULL_CHECK_MAX_CHARS, MAX_ALIAS_EXPANSION } from './limits';
import { toPlainValue } from './plainValue';
import { lineOf } from './textLines';
import { jsonStringScalar, jsonStringToken } from './jsonParse';
import type { OffsetRange } from './types';

/** Where the text changed: `[start, oldEnd)` of the old text became `[start, start + oldEnd - start + delta)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  delta: number;
}

export interface ScalarEdit {
  model: ResumeModel;
  change: TextChange;
  /** The scalar's path in the model, e.g. `work[2].highlights[0]`. */
  path: string;
  /** The bullet the edit was in, as it is now; undefined for other scalars. */
  bullet?: Bullet;
  /** That bullet as it was before the edit. */
  oldBullet?: Bullet;
  /** The scalar's value before the edit, when it was a string. */
  oldValue?: string;
}

const COMPARE_BLOCK = 256;

/** Past this, a line is not worth re-parsing alone: a full parse handles pasted walls of text. */
const MAX_LINE_CHARS = 10_000;

/**
 * The new model for `text` when it differs from `previous.text` only inside
 * one scalar (in YAML, on one line; in JSON, between a string's quotes);
 * undefined when a full parse is needed. Takes over `previous`: its document
 * and index are updated in place, so it must not be used afterwards.
 */
export function reparseScalarEdit(previous: ResumeModel, text: string): ScalarEdit | undefined {
  // An edit that takes the file past the full-check limit gets what a full parse gives there: less.
  if (!isCleanModel(previous) || text.length > FULL_CHECK_MAX_CHARS) return undefined;
  // In a layout of its own, whether a text is a bullet depends on its words: an edit can add or drop one.
  if (previous.layout.id === 'other') return undefined;
  const change = textChange(previous.text, text);
  if (!change) return undefined;
  const edited = previous.format === 'json' ? editedJsonString(previous, text, change) : editedYamlScalar(previous, text, change);
  // A text holding several bullets (a Markdown list in a summary): an edit can add, drop or move any of them.
  if (edited && previous.bullets.some((bullet) => bullet.within && bullet.node === edited.target.entry.node)) return undefined;
  return edited && replaceScalar(previous, text, change, edited);
}

/** The scalar an edit changed, checked, and what replaces it. */
interface EditedScalar {
  target: EditTarget;
  replacement: Scalar;
}

/**
 * A YAML edit: the edited line parsed alone, before and after, must differ
 * in one scalar that the full parse put at exactly the same range.
 */
function editedYamlScalar(previous: ResumeModel, text: string, change: TextChange): EditedScalar | undefined {
  const oldText = previous.text;
  const lineStart = lineStartBefore(previous.lineStarts, change.start);
  const oldLineEnd = lineEndAfter(oldText, change.start);
  // One line, before and after: no line break removed or typed.
  if (change.oldEnd > oldLineEnd || hasLineBreak(text, change.start, change.oldEnd + change.delta)) return undefined;
  const oldLineFull = lineWithBreak(oldText, lineStart, oldLineEnd);
  if (oldLineFull.length > MAX_LINE_CHARS) return undefined;
  const newLineFull = text.slice(lineStart, lineStart + oldLineFull.length + change.delta);

  const before = parseLine(oldLineFull);
  const after = parseLine(newLineFull);
  if (!before || !after) return undefined;
  const pairing = pairScalars(before, after, change, lineStart);
  if (!pairing) return undefined;
  const { oldScalar, newScalar } = pairing;
  if (typeof oldScalar.value !== 'string' || typeof newScalar.value !== 'string') return undefined;

  const [start, valueEnd, end] = (oldScalar.range ?? [0, 0, 0]).map((offset) => offset + lineStart);
  const target = editTarget(previous, (node) => node.range?.[0] === start);
  if (!target) return undefined;
  const oldNode = target.entry.node as Scalar;
  const [fullStart, fullValueEnd, fullEnd] = oldNode.range ?? [];
  if (fullStart !== start || fullValueEnd !== valueEnd || fullEnd !== end || oldNode.type !== oldScalar.type) return undefined;
  if (!sameCollectionKind(target.parent.node, pairing.oldParent)) return undefined;
  const replacement = absolute(newScalar, lineStart);
  replacement.commentBefore = oldNode.commentBefore;
  replacement.spaceBefore = oldNode.spaceBefore;
  return { target, replacement };
}

/**
 * A JSON edit: it must lie between the quotes of one string value, and the
 * string typed there must still be exactly one complete JSON string. Then
 * every other token of the file reads as before (the scanner starts the
 * string where it did and ends it where the edit moved its end), so the
 * full parse would give the same tree with that one string changed. An edit
 * in a key gets a full parse: it changes the path of everything under it.
 */
function editedJsonString(previous: ResumeModel, text: string, change: TextChange): EditedScalar | undefined {
  const target = editTarget(previous, (node) => {
    const [start, end] = node.range ?? [0, 0];
    return node.type === 'QUOTE_DOUBLE' && start < change.start && change.oldEnd < end;
  });
  if (!target) return undefined;
  const [start, end] = (target.entry.node as Scalar).range ?? [0, 0];
  const newEnd = end + change.delta;
  if (newEnd - start > MAX_LINE_CHARS) return undefined;
  // Its value joins the model and outlives this version of the file: it must not hold on to the whole text.
  const value = jsonStringToken(detached(text.slice(start, newEnd)));
  if (value === undefined) return undefined;
  return { target, replacement: jsonStringScalar(value, start, newEnd) };
}

/**
 * Updates the previous model in place to `text`: the one scalar replaced,
 * every later offset moved. Returns the new model, which shares the old
 * one's document, entries and lines.
 */
function replaceScalar(previous: ResumeModel, text: string, change: TextChange, { target, replacement }: EditedScalar): ScalarEdit {
  const { entry, parent, valueParent, key } = target;
  const oldNode = entry.node as Scalar;
  if (previous.document) shiftNode(previous.document, change);
  replaceChild(parent.node as YamlNode, oldNode, replacement);
  const oldBullet = previous.bullets.find((bullet) => bullet.node === oldNode);
  shiftEntries(previous.entries, change, entry, replacement);
  (valueParent as Record<string | number, unknown>)[key] = replacement.value;
  // An alias of an anchored scalar holds a copy of its text: build the plain value again, in one pass, without a parse.
  // The structure is the same, so the aliases resolve as before and repeat no more than they did.
  let value = previous.value;
  if (oldNode.anchor && previous.document) {
    const rebuilt = toPlainValue(previous.document.contents, MAX_ALIAS_EXPANSION);
    if ('value' in rebuilt) value = rebuilt.value;
  }
  // The edit is on one line: the lines after it move.
  previous.lineStarts.forEach((start, i) => {
    if (start > change.start) previous.lineStarts[i] = start + change.delta;
  });

  let bullet: Bullet | undefined;
  const bullets = previous.bullets.map((old) => {
    const current = previous.entries.get(old.path);
    if (old === oldBullet && current) {
      bullet = {
        ...old,
        node: replacement,
        text: replacement.value as string,
        range: current.valueRange,
      };
      return bullet;
    }
    // One of several bullets in a text the edit was not in: its range moves as the text after the edit does.
    if (old.within) return { ...old, range: { start: movedOffset(old.range.start, change), end: movedOffset(old.range.end, change) } };
    return current && current.valueRange !== old.range ? { ...old, range: current.valueRange } : old;
  });
  const derived = derivedAfterEdit(previous.derived, isDateField(key));
  const model: ResumeModel = { ...previous, text, bullets, value, derived };
  // The old model shares the document, entries and lines just updated: it now describes the new text. Holding the
  // old text too would keep a copy of a long file alive into the next keystroke, long enough to reach the old heap.
  previous.text = text;
  const oldValue = typeof oldNode.value === 'string' ? oldNode.value : undefined;
  return { model, change, path: entry.path, bullet, oldBullet, oldValue };
}

/**
 * What the new model takes over of what was worked out from the old one
 * (`model.derived`), the whole policy: the date fields, unless the edit was
 * in a date (their entries are updated in place, their values unchanged),
 * so typing in a bullet does not read every entry of a long file again.
 * Nothing else: the rest reads the edited value, or is rarely asked for.
 */
function derivedAfterEdit(previous: Derived, editsDate: boolean): Derived {
  return previous.carried(editsDate ? [] : [DATE_FIELDS_SLOT]);
}

/**
 * Only a model the full parse read without trouble is updated. Aliases are
 * no obstacle: the line parsed alone has none (see {@link pairScalars}), so
 * the edited scalar is repeated elsewhere only as part of an anchored
 * collection, whose plain value every alias shares and so sees updated, or
 * as an anchored scalar itself, whose aliases get the new text when the
 * plain value is built again.
 */
function isCleanModel(model: ResumeModel): boolean {
  return (
    model.checked === 'all' &&
    model.document !== undefined &&
    model.syntaxProblems.length === 0 &&
    model.valueProblem === undefined &&
    model.extraDocuments.length === 0 &&
    model.skippedDocuments.length === 0
  );
}

/** The common prefix and suffix of the two texts leave the changed span. */
export function textChange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  // Whole blocks first: comparing substrings runs in native code, far faster than a loop over characters.
  while (
    start + COMPARE_BLOCK <= shorter &&
    oldText.substring(start, start + COMPARE_BLOCK) === newText.substring(start, start + COMPARE_BLOCK)
  ) {
    start += COMPARE_BLOCK;
  }
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  const oldLength = oldText.length;
  const newLength = newText.length;
  while (
    suffix + COMPARE_BLOCK <= shorter - start &&
    oldText.substring(oldLength - suffix - COMPARE_BLOCK, oldLength - suffix) ===
      newText.substring(newLength - suffix - COMPARE_BLOCK, newLength - suffix)
  ) {
    suffix += COMPARE_BLOCK;
  }
  while (suffix < shorter - start && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  return {
    start,
    oldEnd: oldText.length - suffix,
    delta: newText.length - oldText.length,
  };
}

function lineStartBefore(lineStarts: readonly number[], offset: number): number {
  return lineStarts[lineOf(lineStarts, offset)] ?? 0;
}

/** Where the line holding `offset` ends, before its line break. */
function lineEndAfter(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

/** The line with its line break, which the full parse counts into the last node's extent. */
function lineWithBreak(text: string, lineStart: number, lineEnd: number): string {
  let end = lineEnd;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return text.slice(lineStart, end);
}

function parseLine(line: string): Document.Parsed | undefined {
  // Its scalar joins the model and outlives this version of the file: it must not hold on to the whole text.
  // Guarded as the whole file is: deleting a quote can turn 10,000 brackets of text into nesting.
  const documents = parseYaml(detached(line));
  const document = documents?.length === 1 ? documents[0] : undefined;
  if (!document || document.errors.length > 0 || document.warnings.length > 0 || !document.contents) return undefined;
  return document;
}

interface Pairing {
  oldScalar: Scalar;
  newScalar: Scalar;
  /** The collection holding the old scalar in the line parsed alone. */
  oldParent: YamlNode;
}

/**
 * Walks the two parses of the line side by side. They must have the same
 * shape, keys and comments, with every node after the edit moved by the same
 * amount, and differ in at most one value scalar: the one the edit is in.
 */
function pairScalars(before: Document.Parsed, after: Document.Parsed, change: TextChange, lineStart: number): Pairing | undefined {
  const editStart = change.start - lineStart;
  const editEnd = change.oldEnd - lineStart;
  let pairing: Pairing | undefined;
  const sameRange = (a: YamlNode, b: YamlNode, isTarget: boolean): boolean => {
    const [a0, a1, a2] = a.range ?? [0, 0, 0];
    const [b0, b1, b2] = b.range ?? [0, 0, 0];
    const moved = (x: number, y: number) => y === (x >= editEnd ? x + change.delta : x);
    if (isTarget) return a0 === b0 && a0 < editStart && a2 + change.delta === b2;
    return moved(a0, b0) && moved(a1, b1) && moved(a2, b2);
  };
  const walk = (a: unknown, b: unknown, parent: YamlNode | undefined, isValue: boolean): boolean => {
    if (isAlias(a) || isAlias(b)) return false;
    if (isScalar(a) && isScalar(b)) {
      if (a.anchor !== b.anchor || a.tag || b.tag || a.comment !== b.comment || a.commentBefore !== b.commentBefore) return false;
      const [start, , end] = a.range ?? [0, 0, 0];
      const holdsEdit = isValue && parent !== undefined && start <= editStart && editEnd <= end;
      if (holdsEdit && !pairing && a.type === b.type && sameRange(a, b, true)) {
        pairing = { oldScalar: a, newScalar: b, oldParent: parent };
        return true;
      }
      return a.value === b.value && a.type === b.type && sameRange(a, b, false);
    }
    if (isCollection(a) && isCollection(b)) {
      if (isMap(a) !== isMap(b) || a.flow !== b.flow || a.items.length !== b.items.length) return false;
      if (a.anchor !== b.anchor || a.tag || b.tag || a.comment !== b.comment || a.commentBefore !== b.commentBefore) return false;
      if (!sameRange(a, b, false)) return false;
      return a.items.every((item, i) => {
        const other = b.items[i];
        if (isPair(item) && isPair(other)) return walk(item.key, other.key, a, false) && walk(item.value, other.value, a, true);
        return !isPair(item) && !isPair(other) && walk(item, other, a, true);
      });
    }
    return a === null && b === null;
  };
  if (!walk(before.contents, after.contents, undefined, true)) return undefined;
  return pairing;
}

/** The edited scalar's entry, its parent's, and where its plain value is kept: what an edit replaces. */
interface EditTarget {
  entry: PathEntry;
  parent: PathEntry;
  /** The object or array in the model's plain value that holds the scalar's value, under `key`. */
  valueParent: object;
  key: string | number;
}

/** The entry of the first string scalar `isEdited` picks, when it is one the model can update in place. */
function editTarget(model: ResumeModel, isEdited: (node: Scalar) => boolean): EditTarget | undefined {
  for (const entry of model.entries.values()) {
    const node = entry.node;
    if (!isScalar(node) || !node.range || !isEdited(node)) continue;
    const key = entry.segments.at(-1);
    const parent = key === undefined ? undefined : model.entries.get(formatPath(entry.segments.slice(0, -1)));
    const valueParent = jsParent(model.value, entry.segments);
    return parent && valueParent && key !== undefined ? { entry, parent, valueParent, key } : undefined;
  }
  return undefined;
}

function sameCollectionKind(full: YamlNode | null, alone: YamlNode): boolean {
  if (isSeq(full) && isSeq(alone)) return Boolean(full.flow) === Boolean(alone.flow);
  if (isMap(full) && isMap(alone)) return Boolean(full.flow) === Boolean(alone.flow);
  return false;
}

/** The object or array in the plain JS value that holds the value at `segments`. */
function jsParent(value: unknown, segments: readonly (string | number)[]): object | undefined {
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  let current: unknown = value;
  for (const segment of segments.slice(0, -1)) {
    current = ownValue(current, segment);
    if (current === undefined) return undefined;
  }
  return ownValue(current, last) === undefined || typeof ownValue(current, last) !== 'string' ? undefined : (current as object);
}

function ownValue(container: unknown, key: string | number): unknown {
  if (container === null || typeof container !== 'object' || key === '__proto__') return undefined;
  if (Array.isArray(container) !== (typeof key === 'number')) return undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string | number, unknown>)[key] : undefined;
}

/** The line's own parse is thrown away: its scalar moves to file offsets and joins the document. */
function absolute(scalar: Scalar, lineStart: number): Scalar {
  const [start, valueEnd, end] = scalar.range ?? [0, 0, 0];
  scalar.range = [start + lineStart, valueEnd + lineStart, end + lineStart];
  return scalar;
}

function replaceChild(parent: YamlNode, oldNode: Scalar, replacement: Scalar): void {
  if (isSeq(parent)) {
    const index = parent.items.indexOf(oldNode);
    if (index !== -1) parent.items[index] = replacement;
  } else if (isMap(parent)) {
    for (const item of parent.items) if (item.value === oldNode) item.value = replacement;
  }
}

/** Offsets at or after the end of the replaced span move; only the edited scalar has offsets inside it. */
export const movedOffset = (offset: number, change: TextChange): number => (offset >= change.oldEnd ? offset + change.delta : offset);

/** Moves every node range that lies after the edit; subtrees wholly before it are skipped. */
function shiftNode(node: unknown, change: TextChange): void {
  if (node === null || typeof node !== 'object') return;
  const ranged = node as { range?: [number, number, number] | null };
  const range = ranged.range;
  if (range) {
    if (range[2] < change.start) return;
    const moved: [number, number, number] = [movedOffset(range[0], change), movedOffset(range[1], change), movedOffset(range[2], change)];
    if (moved[0] !== range[0] || moved[1] !== range[1] || moved[2] !== range[2]) ranged.range = moved;
  }
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        shiftNode(item.key, change);
        shiftNode(item.value, change);
      } else {
        shiftNode(item, change);
      }
    }
  } else if ('contents' in ranged) {
    shiftNode((ranged as { contents: unknown }).contents, change);
  }
}

/** New range objects, never mutated ones: findings may share them. */
function shiftEntries(entries: Map<string, PathEntry>, change: TextChange, edited: PathEntry, replacement: Scalar): void {
  const shift = (range: OffsetRange | undefined): OffsetRange | undefined => {
    if (!range) return range;
    const start = movedOffset(range.start, change);
    const end = movedOffset(range.end, change);
    return start === range.start && end === range.end ? range : { start, end };
  };
  for (const entry of entries.values()) {
    if (entry === edited) {
      const [start, valueEnd] = replacement.range ?? [0, 0];
      entry.valueRange = { start, end: valueEnd };
      entry.node = replacement;
      continue;
    }
    entry.keyRange = shift(entry.keyRange);
    entry.valueRange = shift(entry.valueRange) as OffsetRange;
  }
}
