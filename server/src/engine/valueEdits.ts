/**
 * Edits the YAML writer makes on keys: a key renamed, a `key: value` pair
 * removed. Each keeps what the person wrote around it (anchors, tags,
 * comments, quoting; JSON in a JSON file), and gives up with `undefined`
 * where it cannot: no fix beats a broken file.
 */
import { isAlias, isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { formatPath, type PathEntry, type ResumeModel } from './document';
import { aliasesOf } from './anchors';
import { isJsonText, jsonString } from './json';
import { commentsIn } from './sourceTokens';
import { lineBreakOf } from './textLines';
import type { TextEdit } from './types';

/**
 * Whether edits that add, move or replace whole lines can trust the parsed
 * structure: after a syntax error the parser's guess at where a list or a
 * mapping ends can be wrong, and lines put there break the file further.
 */
export function structureIsSound(model: ResumeModel): boolean {
  return model.syntaxProblems.every((problem) => problem.code === 'DUPLICATE_KEY');
}

/** The key at `keyRange` renamed to `name` (a schema key), quoted as it was; always quoted in JSON. */
export function renameKeyEdit(text: string, keyRange: { start: number; end: number }, name: string): TextEdit {
  const first = text[keyRange.start];
  const newText = isJsonText(text) || first === '"' ? jsonString(name) : first === "'" ? `'${name}'` : name;
  return { range: keyRange, newText };
}

/**
 * The edit that deletes a `key: value` pair and nothing else. In a block
 * mapping: its lines, any comment on them kept on a line of its own; when it
 * opens a list item (`- endDate: …`), up to the next key, which moves up
 * behind the dash. In a flow mapping (JSON): the pair and one comma, so the
 * object stays valid. Undefined where no such clean cut exists, and for a
 * value whose anchor an alias uses: removing it would leave the alias
 * dangling.
 */
export function removePairEdit(model: ResumeModel, entry: PathEntry): TextEdit | undefined {
  const key = entry.keyRange;
  const parent = model.entries.get(formatPath(entry.segments.slice(0, -1)))?.node;
  if (!key || !isMap(parent)) return undefined;
  const value = entry.node;
  if (value && !isScalar(value) && !isAlias(value)) return undefined;
  if (aliasesOf(model, value).length > 0) return undefined;
  const pairs = parent.items as Pair<YamlNode | null, YamlNode | null>[];
  const index = pairs.findIndex((pair) => pair.key?.range?.[0] === key.start);
  const keyNode = pairs[index]?.key;
  if (keyNode === undefined) return undefined;
  if (keyNode && !isAlias(keyNode) && (keyNode.anchor || keyNode.tag)) return undefined;
  const pair = { start: key.start, end: Math.max(key.end, entry.valueRange.end) };
  return parent.flow ? flowPairRemoval(model.text, parent, index, pair) : blockPairRemoval(model.text, parent, index, pair);
}

type Span = { start: number; end: number };

const ONE_COMMA = /^\s*,\s*$/;

function pairSpan(pair: Pair<YamlNode | null, YamlNode | null> | undefined): Span | undefined {
  const start = pair?.key?.range?.[0];
  const end = pair?.value?.range?.[1] ?? pair?.key?.range?.[1];
  return start === undefined || end === undefined ? undefined : { start, end };
}

function flowPairRemoval(text: string, map: YAMLMap, index: number, pair: Span): TextEdit | undefined {
  const pairs = map.items as Pair<YamlNode | null, YamlNode | null>[];
  const next = pairSpan(pairs[index + 1]);
  const previous = pairSpan(pairs[index - 1]);
  // A neighbour without a range (a pair with no key): nothing to measure the commas against.
  if ((index + 1 < pairs.length && !next) || (index > 0 && !previous)) return undefined;
  let range: Span | undefined;
  if (next) {
    // `endDate: Present, ` up to the next key: the next pair takes this one's place and indentation.
    const between = text.slice(pair.end, next.start);
    const comma = /^\s*,[ \t]*/.exec(between);
    if (ONE_COMMA.test(between) && commentsIn(text, pair.start, next.start)?.length === 0) range = { start: pair.start, end: next.start };
    // A comment before the next key stays: then only up to the comma and the blanks after it.
    else if (comma) range = { start: pair.start, end: pair.end + comma[0].length };
  } else if (previous) {
    // The last pair: with the comma before it, so no trailing comma is left (JSON has none).
    if (ONE_COMMA.test(text.slice(previous.end, pair.start))) range = { start: previous.end, end: pair.end };
  } else {
    const trailingComma = /^\s*,/.exec(text.slice(pair.end, pair.end + 1000));
    range = { start: pair.start, end: pair.end + (trailingComma?.[0].length ?? 0) };
  }
  if (!range) return undefined;
  const comments = commentsIn(text, range.start, range.end);
  return comments && comments.length === 0 ? { range, newText: '' } : undefined;
}

function blockPairRemoval(text: string, map: YAMLMap, index: number, pair: Span): TextEdit | undefined {
  const lineStart = text.lastIndexOf('\n', pair.start - 1) + 1;
  const before = text.slice(lineStart, pair.start);
  // A block scalar's range runs past its line break: step back onto its last line.
  let end = pair.end;
  while (end > pair.start && /\s/.test(text.charAt(end - 1))) end--;
  const lineBreak = text.indexOf('\n', end);
  const lineEnd = lineBreak === -1 ? text.length : lineBreak;
  // Only a comment may follow the value on its line.
  if (!/^[ \t]*(?:#.*)?\r?$/.test(text.slice(end, lineEnd))) return undefined;
  const regionEnd = lineBreak === -1 ? text.length : lineBreak + 1;
  const comments = commentsIn(text, lineStart, regionEnd);
  if (!comments) return undefined;
  const eol = lineBreakOf(text);
  if (/^[ \t]*$/.test(before)) {
    // The comments stay, each on its own line at the key's indentation.
    const kept = comments.map((comment) => before + comment.text);
    const newText = lineBreak === -1 ? kept.join(eol) : kept.map((line) => line + eol).join('');
    return { range: { start: lineStart, end: regionEnd }, newText };
  }
  // `- endDate: Present` opening a list item: the next key moves up behind the dash.
  const nextKeyStart = (map.items[index + 1]?.key as YamlNode | null | undefined)?.range?.[0];
  if (/^[ \t]*-[ \t]+$/.test(before) && lineBreak !== -1 && nextKeyStart === regionEnd + before.length) {
    const pad = ' '.repeat(before.length);
    const kept = comments.map((comment) => pad + comment.text + eol).join('');
    return { range: { start: lineStart, end: nextKeyStart }, newText: kept + before };
  }
  return undefined;
}
