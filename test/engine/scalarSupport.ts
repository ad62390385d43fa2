/**
 * What the scalar-source tests share: parsing, the property every source map
 * must have, and the round trip that renders a value and reads it back.
 */
import * as assert from 'node:assert/strict';
import { isScalar, parseDocument, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import { renderScalar, type TextPart } from '../../server/src/engine/scalarRender';
import { scalarSourceMap, snippetToPlainText } from '../../server/src/engine/scalarSource';
import { nth } from '../support/lists';

export type Key = string | number;

export function parse(text: string): Document.Parsed {
  return parseDocument(text, { schema: 'core', prettyErrors: false });
}

export function scalarIn(doc: Document.Parsed, keyPath: readonly Key[]): Scalar {
  const node = doc.getIn(keyPath, true);
  assert.ok(isScalar(node), `no scalar at ${keyPath.join('.')}`);
  return node;
}

/**
 * The property every map must have: one offset per value character plus the
 * end, non-decreasing, inside the scalar's source; each character maps to
 * itself, or (escapes) to a backslash in a double-quoted scalar, or (folds,
 * chomped newlines) a space / newline to a line break.
 */
export function assertConsistent(text: string, node: Scalar, map: readonly number[]): void {
  const value = String(node.value);
  const range = node.range!;
  assert.equal(map.length, value.length + 1, 'map length');
  let previous = range[0];
  for (const [i, offset] of map.entries()) {
    if (!(offset >= previous)) assert.fail(`map not monotonic at ${i}: ${offset} < ${previous}`);
    if (!(offset <= range[1])) assert.fail(`map[${i}] = ${offset} past the scalar end ${range[1]}`);
    previous = offset;
  }
  // The map holds one more offset than the value has characters (asserted above).
  const sourceOf = (i: number): string => text.charAt(nth(map, i));
  for (let i = 0; i < value.length; i++) {
    const v = value.charAt(i);
    const s = sourceOf(i);
    if (s === v) continue;
    if (s === '\\' && node.type === 'QUOTE_DOUBLE') continue;
    if ((v === ' ' || v === '\n') && (s === '\n' || s === '\r')) continue;
    // A block scalar's final newline, where its source ends without one.
    if (v === '\n' && map[i] === range[1] && i === value.length - 1 && /BLOCK/.test(node.type ?? '')) continue;
    assert.fail(`value[${i}] ${JSON.stringify(v)} maps to ${map[i]}, source ${JSON.stringify(s)}`);
  }
  // Characters copied from the source map to distinct offsets.
  for (let i = 1; i < value.length; i++) {
    if (sourceOf(i) === value[i] && sourceOf(i - 1) === value[i - 1] && map[i] === map[i - 1]) {
      // Only an escape or `''` (one source position for one value character) may repeat.
      if (!(sourceOf(i) === '\\' || sourceOf(i) === "'" || /[\n\r]/.test(sourceOf(i)))) assert.fail(`offset ${map[i]} used twice`);
    }
  }
}

/** Parses, maps the scalar at `keyPath`, checks the property, returns the pieces. */
export function mapped(text: string, keyPath: readonly Key[] = ['a']): { node: Scalar; value: string; map: number[] } {
  const doc = parse(text);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  const node = scalarIn(doc, keyPath);
  const map = scalarSourceMap(text, node);
  assert.ok(map, `no map for ${JSON.stringify(text)}`);
  assertConsistent(text, node, map);
  return { node, value: String(node.value), map };
}

/** Offset of the `n`th (0-based) occurrence of `needle` in `text`. */
export function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${n} not in text`);
  }
  return i;
}

function plainOf(parts: readonly TextPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.placeholder)).join('');
}

/**
 * Every comment's text, sorted: which node `yaml` attaches a comment to can
 * change with the style of the scalar before it, the comments themselves
 * must not.
 */
function commentsOf(doc: Document.Parsed): string[] {
  const out: string[] = [];
  if (doc.commentBefore) out.push(doc.commentBefore);
  if (doc.comment) out.push(doc.comment);
  visit(doc, (_key, node) => {
    const n = node as { commentBefore?: string | null; comment?: string | null };
    if (n.commentBefore) out.push(n.commentBefore);
    if (n.comment) out.push(n.comment);
  });
  return out.flatMap((c) => c.split('\n')).sort();
}

function setIn(value: unknown, keyPath: readonly Key[], next: unknown): unknown {
  if (keyPath.length === 0) return next;
  const [head, ...rest] = keyPath;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy;
  }
  const obj = { ...(value as Record<string, unknown>) };
  obj[head as string] = setIn(obj[head as string], rest, next);
  return obj;
}

/**
 * Applies `renderScalar` (as plain text when it is a snippet), re-parses,
 * and checks the new value, that nothing else changed, and the style.
 */
export function roundTrip(
  text: string,
  keyPath: readonly Key[],
  parts: readonly TextPart[],
  style?: Scalar.Type,
): { out: string; newText: string; snippet: boolean } {
  const doc = parse(text);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    'input parses',
  );
  const node = scalarIn(doc, keyPath);
  const edit = renderScalar(text, node, parts);
  assert.equal(edit.range.start, node.range![0], 'edit starts at the scalar');
  assert.ok(edit.range.end >= edit.range.start);
  const hasPlaceholder = parts.some((p) => typeof p !== 'string');
  assert.equal(edit.snippet, hasPlaceholder);
  const insert = edit.snippet ? snippetToPlainText(edit.newText) : edit.newText;
  const out = text.slice(0, edit.range.start) + insert + text.slice(edit.range.end);
  const doc2 = parse(out);
  assert.deepEqual(
    doc2.errors.map((e) => e.message),
    [],
    `output parses:\n${out}`,
  );
  const node2 = scalarIn(doc2, keyPath);
  const expected = plainOf(parts);
  assert.equal(node2.value, expected, `value after the edit:\n${out}`);
  if (style) assert.equal(node2.type, style, `style after the edit:\n${out}`);
  assert.deepEqual(doc2.toJS(), setIn(doc.toJS(), keyPath, expected), 'the rest of the document is unchanged');
  assert.deepEqual(commentsOf(doc2), commentsOf(doc), 'comments unchanged');
  // The new scalar maps too.
  const map2 = scalarSourceMap(out, node2);
  assert.ok(map2, `the rendered scalar maps:\n${out}`);
  assertConsistent(out, node2, map2);
  return { out, newText: edit.newText, snippet: edit.snippet };
}
