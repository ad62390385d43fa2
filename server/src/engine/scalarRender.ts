/**
 * Rendering a new value back into a scalar's place, in the scalar's own
 * style (a JSON string in a JSON file), for the fixes that rewrite a value.
 * The reverse of `scalarSource.ts`, whose map of a block scalar it reuses.
 *
 * Pure TypeScript: only `yaml` and local files, no Node built-ins.
 */
import type { Scalar } from 'yaml';
import type { TextPart } from './fixIntent';
import { isJsonText, jsonString } from './json';
import { isBlank, mapBlock, scalarSourceMap, scalarStyle, type BlockAnalysis, type BlockHeader, type BlockLine } from './scalarSource';
import { inFlowCollection } from './sourceTokens';
import type { OffsetRange } from './types';

export type { TextPart };

export interface ScalarEdit {
  range: OffsetRange;
  newText: string;
  /** True when `newText` is a snippet (it has placeholders). */
  snippet: boolean;
}

/**
 * An edit that replaces the whole scalar with one whose value is the parts
 * joined, in the scalar's own style when that can hold the value (plain
 * falls back to double-quoted when the value would not read back as the same
 * string; single-quoted and block scalars fall back to double-quoted when
 * the value has line breaks or characters they cannot hold). In a JSON file,
 * always a JSON string. The range is the scalar's value only: an anchor or a
 * tag before it stays.
 *
 * Placeholders become tab stops `${1:default}`, numbered in order; with at
 * least one, the edit is a snippet and literal text is escaped for snippet
 * syntax after YAML escaping. Without, `newText` is plain text.
 */
export function renderScalar(text: string, node: Scalar, parts: readonly TextPart[]): ScalarEdit {
  const range = node.range;
  const start = range ? clamp(range[0], 0, text.length) : 0;
  const end = range ? clamp(range[1], start, text.length) : start;
  const segments = parts.map((part) =>
    typeof part === 'string' ? { text: part, placeholder: false } : { text: part.placeholder, placeholder: true },
  );
  const value = segments.map((s) => s.text).join('');
  const snippet = segments.some((s) => s.placeholder);

  let rendered: Rendered | undefined;
  let editEnd = end;
  const style = scalarStyle(text, node);
  if (isJsonText(text)) {
    // A JSON file gets a JSON string, whatever the scalar was (a number, a YAML-only plain word).
    rendered = renderJson(value);
  } else if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const block = renderBlock(text, node, start, end, value);
    editEnd = block.end;
    rendered = block.rendered;
  } else if (style === 'QUOTE_SINGLE') {
    rendered = renderSingleQuoted(text, start, end, value);
  } else if (style === 'PLAIN') {
    // Only flow indicators and `:` care whether the scalar is in a flow collection.
    const inFlow = /[,[\]{}:]/.test(value) && inFlowCollection(text, start);
    if (plainSafe(value, inFlow)) rendered = { prefix: '', body: (from, to) => value.slice(from, to), suffix: '' };
  }
  if (!rendered) rendered = renderDoubleQuoted(value);

  return { range: { start, end: Math.max(start, editEnd) }, newText: assemble(rendered, segments, snippet), snippet };
}

/**
 * An edit that writes `parts` over `[within.start, within.end)` of the
 * scalar's value and keeps the rest of it: one Markdown list item of a
 * YAMLResume `summary`. In a block scalar the span is rewritten in place
 * when it is written there as it reads (one run of one line), so every other
 * line stays byte for byte; otherwise the whole block is written again, and
 * nothing (undefined) when it would not stay a block. Other styles: the
 * whole scalar, in its own style, as `renderScalar` writes it.
 */
export function renderWithin(
  text: string,
  node: Scalar,
  within: { start: number; end: number },
  parts: readonly TextPart[],
): ScalarEdit | undefined {
  const value = node.value;
  if (typeof value !== 'string' || within.start < 0 || within.end > value.length || within.start > within.end) return undefined;
  const style = scalarStyle(text, node);
  const block = (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') && !isJsonText(text);
  if (block) {
    const inPlace = spliceLine(text, node, within, parts);
    if (inPlace) return inPlace;
  }
  const whole = renderScalar(text, node, [value.slice(0, within.start), ...parts, value.slice(within.end)]);
  return block && !/^[|>]/.test(whole.newText) ? undefined : whole;
}

/**
 * `parts` written over the source of the span, when the span is written as
 * it reads on one line of a block scalar, after other text on that line (a
 * list marker), and the new text is one line of printable characters: in a
 * block, such text reads back as written.
 */
function spliceLine(
  text: string,
  node: Scalar,
  within: { start: number; end: number },
  parts: readonly TextPart[],
): ScalarEdit | undefined {
  const segments = parts.map((part) =>
    typeof part === 'string' ? { text: part, placeholder: false } : { text: part.placeholder, placeholder: true },
  );
  const newValue = segments.map((segment) => segment.text).join('');
  for (let i = 0; i < newValue.length; i++) if (newValue[i] !== '\t' && !printableUnit(newValue, i)) return undefined;
  const map = scalarSourceMap(text, node);
  const value = String(node.value);
  const from = map?.[within.start];
  if (!map || from === undefined || within.end === within.start) return undefined;
  const to = (map[within.end - 1] ?? -1) + 1;
  const old = value.slice(within.start, within.end);
  if (to - from !== old.length || text.slice(from, to) !== old || /[\r\n]/.test(old)) return undefined;
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  if (text.slice(lineStart, from).trim() === '') return undefined;
  const snippet = segments.some((segment) => segment.placeholder);
  const newText = assemble({ prefix: '', body: (a, b) => newValue.slice(a, b), suffix: '' }, segments, snippet);
  return { range: { start: from, end: to }, newText, snippet };
}

/** What a small change may consist of: letters and digits, which read the same in every scalar style. */
const PLAIN_WORD = /^[\p{L}\p{N}]*$/u;

/**
 * The smallest edit that gives the scalar the value `value`, when what
 * changes is a run of letters and digits written as such in the source
 * ("Manage" → "Managed" inserts `d`): the rest of the scalar (escapes, line
 * folds, quoting) stays as the person wrote it. Otherwise the whole scalar,
 * as `renderScalar` writes it.
 */
export function changeScalar(text: string, node: Scalar, value: string): ScalarEdit {
  const whole = renderScalar(text, node, [value]);
  const old = node.value;
  if (typeof old !== 'string' || old === value) return whole;
  // A plain scalar must stay plain: `renderScalar` says whether the new value can.
  if (scalarStyle(text, node) === 'PLAIN' && !isJsonText(text) && whole.newText !== value) return whole;
  let prefix = 0;
  while (prefix < old.length && prefix < value.length && old[prefix] === value[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < value.length - prefix &&
    old[old.length - 1 - suffix] === value[value.length - 1 - suffix]
  )
    suffix++;
  const removed = old.slice(prefix, old.length - suffix);
  const added = value.slice(prefix, value.length - suffix);
  if (!PLAIN_WORD.test(removed) || !PLAIN_WORD.test(added)) return whole;
  const map = scalarSourceMap(text, node);
  if (!map) return whole;
  let start: number;
  if (removed) {
    const first = map[prefix];
    if (first === undefined) return whole;
    start = first;
    // Written as such: no escape or line fold among the characters replaced.
    if (text.slice(start, start + removed.length) !== removed || map[prefix + removed.length - 1] !== start + removed.length - 1)
      return whole;
  } else {
    // An insertion goes right after the last kept character, when that is written as such.
    const kept = old.charAt(prefix - 1);
    const keptAt = map[prefix - 1];
    if (prefix === 0 || keptAt === undefined || text.charAt(keptAt) !== kept || !PLAIN_WORD.test(kept)) return whole;
    start = keptAt + 1;
  }
  return { range: { start, end: start + removed.length }, newText: added, snippet: false };
}

interface Rendered {
  prefix: string;
  /** The output for the value's UTF-16 code units `[from, to)`. */
  body: (from: number, to: number) => string;
  suffix: string;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Number.isFinite(n) ? n : min));
}

/** A body that looks each code unit up in `chars`. */
function perUnit(chars: readonly string[]): Rendered['body'] {
  return (from, to) => chars.slice(from, to).join('');
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function assemble(rendered: Rendered, segments: { text: string; placeholder: boolean }[], snippet: boolean): string {
  const esc = snippet ? escapeSnippet : (s: string): string => s;
  let out = esc(rendered.prefix);
  let at = 0;
  let tabStop = 0;
  for (const segment of segments) {
    const piece = rendered.body(at, at + segment.text.length);
    at += segment.text.length;
    if (segment.placeholder) out += `\${${++tabStop}:${escapeSnippet(piece)}}`;
    else out += esc(piece);
  }
  return out + esc(rendered.suffix);
}

// --- code points ----------------------------------------------------------------

/** Whether the code unit at `i` is half of a well-formed surrogate pair. */
function pairedSurrogate(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = value.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = value.charCodeAt(i - 1);
    return b >= 0xd800 && b <= 0xdbff;
  }
  return false;
}

/**
 * Printable in YAML and safe to write as is anywhere: no control or
 * line-break-like characters (U+0085, U+2028, U+2029 break lines in YAML
 * 1.1), no BOM, no lone surrogates. Tab is handled by the callers.
 */
function printableUnit(value: string, i: number): boolean {
  const c = value.charCodeAt(i);
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return false;
  if (c >= 0xd800 && c <= 0xdfff) return pairedSurrogate(value, i);
  return true;
}

// --- double-quoted ----------------------------------------------------------------

const DQ_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0x2028: '\\L',
  0x2029: '\\P',
};

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** Code units a double-quoted scalar may need to escape. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const DQ_SPECIAL = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;

function renderDoubleQuoted(value: string): Rendered {
  const body = (from: number, to: number): string => {
    const slice = value.slice(from, to);
    if (!DQ_SPECIAL.test(slice)) return slice;
    let out = '';
    for (let i = from; i < to; i++) {
      const c = value.charCodeAt(i);
      const named = DQ_ESCAPES[c];
      if (named !== undefined) out += named;
      else if (printableUnit(value, i)) out += value[i];
      else if (c <= 0xff) out += `\\x${hex(c, 2)}`;
      else out += `\\u${hex(c, 4)}`;
    }
    return out;
  };
  return { prefix: '"', body, suffix: '"' };
}

// --- JSON ---------------------------------------------------------------------------

/**
 * A JSON string: JSON.stringify's escapes only (no YAML-only ones such as
 * `\e` or `\N`) and no line folding. Each piece is escaped on its own, so a
 * snippet placeholder stays inside the quotes.
 */
function renderJson(value: string): Rendered {
  return { prefix: '"', body: (from, to) => jsonString(value.slice(from, to)).slice(1, -1), suffix: '"' };
}

// --- single-quoted -----------------------------------------------------------------

/**
 * A single-quoted scalar, or undefined when the value does not fit one: it
 * has characters that need escapes, or line breaks next to blanks (folding
 * would eat the blanks), or line breaks in a key (keys are one line). A line
 * break is written as an empty line, continuation lines indented past the
 * scalar's line.
 */
function renderSingleQuoted(text: string, start: number, end: number, value: string): Rendered | undefined {
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\n') {
      if (isBlank(value[i - 1]) || isBlank(value[i + 1])) return undefined;
    } else if (ch !== '\t' && !printableUnit(value, i)) {
      return undefined;
    }
  }
  if (!value.includes('\n')) {
    return { prefix: "'", body: (from, to) => value.slice(from, to).replace(/'/g, "''"), suffix: "'" };
  }
  if (/^[ \t]*:/.test(text.slice(end, end + 200))) return undefined;
  const br = lineBreakNear(text, start);
  const pad = ' '.repeat(headerLineIndent(text, start) + 2);
  const chars = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (ch === "'") chars[i] = "''";
    else if (ch !== '\n') chars[i] = ch;
    else {
      // A run of N newlines is N + 1 line breaks (N empty lines).
      const startsRun = i === 0 || value[i - 1] !== '\n';
      chars[i] = (startsRun ? br + br : br) + (value[i + 1] !== '\n' ? pad : '');
    }
  }
  return { prefix: "'", body: perUnit(chars), suffix: "'" };
}

/** The document's line break where `offset` is: `\r\n` or `\n`. */
function lineBreakNear(text: string, offset: number): string {
  let nl = text.indexOf('\n', offset);
  if (nl === -1) nl = text.lastIndexOf('\n', offset);
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

// --- plain ---------------------------------------------------------------------------

const PLAIN_BAD_START = new Set('-?:,[]{}#&*!|>\'"%@`');
const FLOW_INDICATORS = /[,[\]{}]/;
const NOT_A_STRING: readonly RegExp[] = [
  // null and booleans, YAML 1.2 core and YAML 1.1
  /^(?:~|null|Null|NULL)$/,
  /^(?:true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
  // numbers, generously (YAML 1.1 allows `_`, sexagesimal `1:30`)
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0(?:x[0-9a-fA-F_]+|o?[0-7_]+|b[01_]+)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  // YAML 1.1 timestamps, and merge / value keys
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t].*)?$/,
  /^(?:<<|=)$/,
];

/** Whether `value` reads back as the same string when written plain. */
function plainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || PLAIN_BAD_START.has(value.charAt(0))) return false;
  if (isBlank(value[0]) || isBlank(value[value.length - 1])) return false;
  if (value.startsWith('...')) return false;
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '\t' && !printableUnit(value, i)) return false;
  }
  if (/:(?:[ \t]|$)|[ \t]#/.test(value)) return false;
  if (inFlow && (FLOW_INDICATORS.test(value) || value.includes(':'))) return false;
  return !NOT_A_STRING.some((re) => re.test(value));
}

// --- block ------------------------------------------------------------------------------

interface BlockRender {
  rendered: Rendered | undefined;
  end: number;
}

/**
 * A literal or folded scalar with the same header (chomping adjusted to the
 * value's trailing newlines) and the same content indentation. The edit runs
 * from the header to the end of the last content line; when the new value
 * keeps trailing newlines (`+`), over the empty lines after it too, since
 * those become part of the value.
 */
function renderBlock(text: string, node: Scalar, start: number, end: number, value: string): BlockRender {
  const expected = typeof node.value === 'string' ? node.value : '';
  let analysis: BlockAnalysis | undefined;
  try {
    analysis = mapBlock(text, start, end, expected);
  } catch {
    analysis = undefined;
  }
  if (!analysis) return { rendered: undefined, end };
  const { header, lines, chompStart } = analysis;
  const mapped = analysis.built.value === expected;

  // Where the original content ends: the break of the last content line.
  let contentEnd: number;
  const lastContent = chompStart > 0 ? lines[chompStart - 1] : undefined;
  if (lastContent) contentEnd = lastContent.breakAt;
  else contentEnd = header.lineEnd;
  contentEnd = Math.max(contentEnd, header.lineEnd);

  const headerRest = text.slice(header.tokenEnd, header.lineEnd);
  // With tabs, `yaml` can end a block scalar mid-line; what follows then
  // starts a new line, so the new scalar must end with a line break.
  const midLine = contentEnd < text.length && text[contentEnd] !== '\n' && text[contentEnd] !== '\r';
  const fallback = (): BlockRender => {
    const rendered = withComment(renderDoubleQuoted(value), headerRest);
    if (midLine) rendered.suffix += header.lineBreak;
    return { rendered, end: contentEnd };
  };

  // Content indentation: the original's; for an empty original, two more
  // than the parent's start on the header line.
  if (!mapped) return fallback();
  let indent = analysis.trimIndent;
  if (indent < 0) {
    if (header.indentIndicator !== 0) return fallback();
    indent = headerLineIndent(text, start) + 2;
  }
  // Content must be more indented than the header's line; an original that
  // was not (a tab made it parse) cannot be written back as a block.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineIndent = 0;
  while (text[lineStart + lineIndent] === ' ') lineIndent++;
  if (indent <= lineIndent && lineStart + lineIndent < start) return fallback();

  let trailing = 0;
  while (trailing < value.length && value[value.length - 1 - trailing] === '\n') trailing++;
  const bodyLength = value.length - trailing;
  if (bodyLength === 0) return fallback();
  for (let i = 0; i < bodyLength; i++) {
    const ch = value[i];
    if (ch !== '\n' && ch !== '\t' && !printableUnit(value, i)) return fallback();
  }
  const folded = header.mode === '>';
  const bodyLines = value.slice(0, bodyLength).split('\n');
  let firstText = -1;
  bodyLines.forEach((line, i) => {
    if (firstText < 0 && line !== '') firstText = i;
  });
  // Blank but not empty: ambiguous. Folded, a line starting with a blank would not fold as written.
  if (bodyLines.some((line) => (line !== '' && /^[ \t]*$/.test(line)) || (folded && line !== '' && isBlank(line[0])))) return fallback();
  // A first line starting with a blank needs an indentation indicator; keep
  // the original one, never invent one (that needs the parent's indentation).
  if (isBlank(bodyLines[firstText]?.[0]) && header.indentIndicator === 0) return fallback();

  const chomp: '' | '-' | '+' = trailing === 0 ? '-' : trailing === 1 ? (header.chomp === '+' ? '+' : '') : '+';
  const headerToken =
    chomp === header.chomp
      ? text.slice(start, header.tokenEnd)
      : header.mode + (header.indentIndicator ? String(header.indentIndicator) : '') + chomp;

  const br = header.lineBreak;
  let editEnd = contentEnd;
  let suffix = '';
  const after = followingBlankLines(text, chompStart > 0 ? lines[chompStart - 1] : undefined, header);
  if (chomp === '+') {
    // Swallow the empty lines after the content: with `+` they would count.
    editEnd = after.end;
    if (!after.hasBreak) suffix = br;
  } else if (after.maxSpaces > indent) {
    // A blank line more indented than the content would join it: empty them.
    editEnd = after.end;
    suffix = br.repeat(after.count);
  } else if (midLine) {
    suffix = br;
  }

  const pad = ' '.repeat(indent);
  const chars = new Array<string>(value.length);
  let seenText = false;
  for (let i = 0; i < bodyLength; i++) {
    const ch = value.charAt(i);
    if (ch !== '\n') {
      chars[i] = ch;
      seenText = true;
      continue;
    }
    const nextHasText = i + 1 < bodyLength && value[i + 1] !== '\n';
    const startsRun = i > 0 && value[i - 1] !== '\n';
    // Folded: after the first text, a run of N newlines needs N empty lines.
    chars[i] = (folded && seenText && startsRun ? br + br : br) + (nextHasText ? pad : '');
  }
  for (let k = 0; k < trailing; k++) chars[bodyLength + k] = k === 0 ? '' : br;
  const prefix = headerToken + headerRest + br + (value[0] !== '\n' ? pad : '');
  return { rendered: { prefix, body: perUnit(chars), suffix }, end: Math.max(editEnd, start) };
}

/** Keeps a comment that followed a block scalar's header after the new scalar. */
function withComment(rendered: Rendered, headerRest: string): Rendered {
  if (!headerRest.includes('#')) return rendered;
  return { ...rendered, suffix: rendered.suffix + headerRest.replace(/[ \t]+$/, '') };
}

/** Leading spaces plus `- `, `? `, `: ` indicators on the line holding `offset`. */
function headerLineIndent(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let i = lineStart;
  for (;;) {
    while (i < offset && text[i] === ' ') i++;
    const ch = text[i];
    if ((ch === '-' || ch === '?' || ch === ':') && i + 1 < offset && isBlank(text[i + 1])) i++;
    else break;
  }
  return i - lineStart;
}

interface BlankLines {
  /** The break ending the last whitespace-only line (the text's end if none ends it). */
  end: number;
  hasBreak: boolean;
  /** How many whitespace-only lines follow the content. */
  count: number;
  /** The most spaces on any of them. */
  maxSpaces: number;
}

/**
 * The whitespace-only lines after the last content line (or the header).
 * The edit for a `+` scalar runs over them, since they would count as
 * content; so does any edit when one of them is more indented than the new
 * content, since `yaml` would then read it as content too.
 */
function followingBlankLines(text: string, lastContent: BlockLine | undefined, header: BlockHeader): BlankLines {
  let end = lastContent ? lastContent.breakAt : header.lineEnd;
  let hasBreak = lastContent ? lastContent.hasBreak : header.contentStart > header.lineEnd;
  let count = 0;
  let maxSpaces = 0;
  if (!hasBreak) return { end, hasBreak, count, maxSpaces };
  let pos = text.indexOf('\n', end) + 1;
  for (;;) {
    let i = pos;
    while (i < text.length && text[i] === ' ') i++;
    if (i >= text.length) {
      // Only spaces up to the end of the text.
      if (i > pos) {
        end = text.length;
        hasBreak = false;
        count++;
        maxSpaces = Math.max(maxSpaces, i - pos);
      }
      return { end, hasBreak, count, maxSpaces };
    }
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      end = i;
      count++;
      maxSpaces = Math.max(maxSpaces, i - pos);
      pos = text.indexOf('\n', i) + 1;
      continue;
    }
    return { end, hasBreak, count, maxSpaces };
  }
}
