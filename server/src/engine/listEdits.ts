/**
 * Edits to a whole list in YAML (JSON in a JSON file): an item built from a
 * template added at its end, styled like its last item, and the list written
 * afresh from plain values, indented like the file.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ItemValue, TextPart } from './fixIntent';
import { jsonString, jsonValue } from './json';
import { renderScalar } from './scalarRender';
import { commentsIn } from './sourceTokens';
import { columnOf, insertionAt, lineBreakOf, lineIndent } from './textLines';
import type { TextEdit } from './types';

/** An edit adding one text item at the end of a list of text, styled like its last item: a snippet. */
export function appendTemplateEdit(text: string, seq: YAMLSeq, template: readonly TextPart[]): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1] as YamlNode | null | undefined;
  if (!isScalar(last) || !last.range || !seq.range) return undefined;
  const scalar = renderLike(text, last, template);
  const eol = lineBreakOf(text);
  if (seq.flow) {
    const valueEnd = last.range[1];
    const ownLine = lineIndent(text, last.range[0]);
    // JSON-style lists put each item on its own line; keep that.
    const separator = ownLine !== undefined ? `,${eol}${ownLine}` : ', ';
    return { range: insertionAt(valueEnd), newText: separator + scalar, snippet: true };
  }
  const dashIndent = lineIndent(text, seq.range[0]) ?? ' '.repeat(columnOf(text, seq.range[0]));
  // After the last item's line, trailing comment included.
  let end = last.range[1];
  while (end > last.range[0] && /\s/.test(text.charAt(end - 1))) end--;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd--;
  return { range: insertionAt(lineEnd), newText: `${eol}${dashIndent}- ${scalar}`, snippet: true };
}

/** The template in the sibling's quoting style; block scalars get double quotes. */
function renderLike(text: string, sibling: Scalar, template: readonly TextPart[]): string {
  if (sibling.type !== 'BLOCK_LITERAL' && sibling.type !== 'BLOCK_FOLDED') {
    return renderScalar(text, sibling, template).newText;
  }
  let tabStop = 0;
  const escapeYaml = (s: string) => s.replace(/["\\]/g, '\\$&');
  const escapeSnippet = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const body = template
    .map((part) =>
      typeof part === 'string' ? escapeSnippet(escapeYaml(part)) : `\${${++tabStop}:${escapeSnippet(escapeYaml(part.placeholder))}}`,
    )
    .join('');
  return `"${body}"`;
}

type ItemRecord = Exclude<ItemValue, string>;

/**
 * The whole list replaced by `items` (mappings of text and lists of text),
 * in the list's style: block, indented like the file, or JSON-style flow.
 * Undefined when a comment inside the list would be lost.
 */
export function setListEdit(text: string, seq: YAMLSeq, items: readonly ItemValue[]): TextEdit | undefined {
  const records: ItemRecord[] = [];
  for (const item of items) {
    if (typeof item === 'string') return undefined;
    records.push(item);
  }
  if (!seq.range) return undefined;
  let end = seq.range[1];
  while (end > seq.range[0] && /\s/.test(text.charAt(end - 1))) end--;
  const range = { start: seq.range[0], end };
  // The new list is written afresh: a comment inside the old one would be lost.
  if (commentsIn(text, range.start, range.end)?.length !== 0) return undefined;
  const newText = seq.flow ? renderFlow(text, seq, records) : renderBlock(text, seq, records);
  return { range, newText };
}

/** Block style, indented like the file: the list's own column, and its lists' offset. */
function renderBlock(text: string, seq: YAMLSeq, records: readonly ItemRecord[]): string {
  const eol = lineBreakOf(text);
  const column = columnOf(text, seq.range?.[0] ?? 0);
  const pad = ' '.repeat(column);
  const keyPad = pad + '  ';
  const lines: string[] = [];
  records.forEach((record, i) => {
    Object.entries(record).forEach(([key, value], k) => {
      const lead = k > 0 ? keyPad : `${i === 0 ? '' : pad}- `;
      if (typeof value === 'string') {
        lines.push(`${lead}${key}: ${scalar(value, false)}`);
        return;
      }
      const style = listStyle(text, seq, key);
      if (style.flow) {
        lines.push(`${lead}${key}: [${value.map((one) => scalar(one, true)).join(', ')}]`);
      } else {
        lines.push(`${lead}${key}:`);
        for (const one of value) lines.push(`${keyPad}${' '.repeat(style.offset)}- ${scalar(one, false)}`);
      }
    });
  });
  return lines.join(eol);
}

/** JSON-style flow (a `.json` resume): JSON, indented from the list's line. */
function renderFlow(text: string, seq: YAMLSeq, records: readonly ItemRecord[]): string {
  const eol = lineBreakOf(text);
  const start = seq.range?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const base = /^[ \t]*/.exec(text.slice(lineStart, start))?.[0] ?? '';
  const unit = indentUnit(text);
  return jsonValue(records, unit)
    .split('\n')
    .map((line, i) => (i === 0 ? line : base + line))
    .join(eol);
}

/** How the items write their `key` lists: flow (`[a, b]`) or block, and how far the dashes sit from `key:`. */
function listStyle(text: string, seq: YAMLSeq, key: string): { flow: boolean; offset: number } {
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const list = item.get(key, true);
    if (!isSeq(list) || !list.range) continue;
    if (list.flow) return { flow: true, offset: 2 };
    if (list.items.length === 0) continue;
    const keyColumn = columnOf(text, item.range?.[0] ?? 0);
    // Dashes under `key:` at the key's column (offset 0) or indented (usually 2).
    return { flow: false, offset: Math.max(0, columnOf(text, list.range[0]) - keyColumn) };
  }
  return { flow: false, offset: 2 };
}

/** The smallest indentation in the file: its indent unit. */
function indentUnit(text: string): number {
  let unit = Infinity;
  for (const match of text.matchAll(/\n( +)\S/g)) unit = Math.min(unit, match[1]?.length ?? Infinity);
  return Number.isFinite(unit) ? Math.min(unit, 8) : 2;
}

/** Plain when it reads back as the same string, double-quoted otherwise. */
function scalar(value: string, inFlow: boolean): string {
  const plain =
    /^[\p{L}\p{N}(.][^\n]*$/u.test(value) &&
    !/:(?:\s|$)|\s#|["'`{}[\]|>&*!%@]/.test(value) &&
    !(inFlow && /[,:]/.test(value)) &&
    !/\s$/.test(value) &&
    !/^(?:true|false|yes|no|on|off|y|n|null|~)$/i.test(value) &&
    !/^[-+]?[\d._]+(?:e[-+]?\d+)?$/i.test(value) &&
    !/^\.\.\./.test(value);
  return plain ? value : jsonString(value);
}
