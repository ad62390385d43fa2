/**
 * Exact mapping between a YAML scalar's parsed value and its source text,
 * and the reverse: rendering a new value back into the scalar's place.
 *
 * Rules underline a phrase inside a bullet, so they need to know which
 * source offset produced each character of the parsed value; fixes rewrite a
 * bullet, so they need to write a value back in the scalar's own style.
 *
 * The mapping mirrors, step by step, how the `yaml` package (2.x) turns the
 * source of each scalar style into a value, and rebuilds the value while it
 * maps. When the rebuilt value differs from the parsed one (a quirk we did
 * not mirror, a stale node), the map is `undefined` and callers fall back to
 * the whole scalar's range: a wrong underline is worse than a wide one.
 *
 * Pure TypeScript: only `yaml` and local files, no Node built-ins.
 */
import type { Scalar } from 'yaml';
import type { OffsetRange } from './types';
import { isJsonText, jsonString } from './json';
import { inFlowCollection } from './sourceTokens';

// ---------------------------------------------------------------------------
// Source map
// ---------------------------------------------------------------------------

/**
 * For each index `i` of `String(node.value)`, the offset in `text` of the
 * source character that produced value character `i`; one more element at
 * the end: the offset just past the source of the last value character (for
 * an empty value, where the content starts).
 *
 * - Escapes in double-quoted scalars map to their backslash (all UTF-16 code
 *   units they produce, so a `\U0001F600` gives two elements with the same
 *   offset).
 * - A space or `\n` produced by folding, and the trailing newline(s) of a
 *   block scalar, map to a line break (the `\r` of a `\r\n`); when several
 *   line breaks fold into fewer characters, the characters take the breaks in
 *   order.
 * - `''` in a single-quoted scalar maps to its first quote.
 *
 * Undefined when the scalar has no range, is not a string, or cannot be
 * mapped exactly. Never throws; linear in the size of the scalar.
 */
export function scalarSourceMap(text: string, node: Scalar): number[] | undefined {
  try {
    const range = node.range;
    if (!range) return undefined;
    const start = range[0];
    const end = range[1];
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      return undefined;
    }
    if (typeof node.value !== 'string') return undefined;
    const expected = node.value;
    const style = scalarStyle(text, node);
    let built: Built | undefined;
    switch (style) {
      case 'PLAIN':
        built = mapPlain(text, start, end);
        break;
      case 'QUOTE_SINGLE':
        built = mapSingleQuoted(text, start, end);
        break;
      case 'QUOTE_DOUBLE':
        built = mapDoubleQuoted(text, start, end);
        break;
      case 'BLOCK_LITERAL':
      case 'BLOCK_FOLDED':
        built = mapBlock(text, start, end, expected)?.built;
        break;
    }
    if (!built || built.value !== expected) return undefined;
    return validMap(built.offsets, expected.length, start, text.length) ? built.offsets : undefined;
  } catch {
    // A bug here must never take the linter down: fall back to the whole range.
    return undefined;
  }
}

type Style = Scalar.Type;

/** The node's style; from the source when the node does not say. */
function scalarStyle(text: string, node: Scalar): Style {
  if (node.type) return node.type;
  const range = node.range;
  const ch = range ? text[range[0]] : undefined;
  if (ch === '"') return 'QUOTE_DOUBLE';
  if (ch === "'") return 'QUOTE_SINGLE';
  if (ch === '|') return 'BLOCK_LITERAL';
  if (ch === '>') return 'BLOCK_FOLDED';
  return 'PLAIN';
}

function validMap(offsets: number[], length: number, min: number, max: number): boolean {
  if (offsets.length !== length + 1) return false;
  let previous = min;
  for (const offset of offsets) {
    if (!(offset >= previous && offset <= max)) return false;
    previous = offset;
  }
  return true;
}

interface Built {
  value: string;
  offsets: number[];
}

/** Builds the value and its offsets together. */
class MapBuilder {
  private readonly chunks: string[] = [];
  readonly offsets: number[] = [];
  /** Offset just past the source of the last character emitted. */
  private end: number;

  constructor(emptyEnd: number) {
    this.end = emptyEnd;
  }

  /** `str` (every code unit of it) came from the source `[from, to)`. */
  emit(str: string, from: number, to: number): void {
    if (!str) return;
    this.chunks.push(str);
    for (let i = 0; i < str.length; i++) this.offsets.push(from);
    this.end = to;
  }

  /** The source `[from, to)` appears literally in the value. */
  copy(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.chunks.push(text.slice(from, to));
    for (let i = from; i < to; i++) this.offsets.push(i);
    this.end = to;
  }

  finish(): Built {
    this.offsets.push(this.end);
    return { value: this.chunks.join(''), offsets: this.offsets };
  }
}

/**
 * Line breaks waiting to be turned into folded characters. Characters take
 * the breaks in source order; a character beyond the last break reuses it.
 */
class BreakQueue {
  private readonly at: number[] = [];
  private readonly ends: number[] = [];
  private used = 0;

  add(at: number, end: number): void {
    this.at.push(at);
    this.ends.push(end);
  }

  reset(): void {
    this.at.length = 0;
    this.ends.length = 0;
    this.used = 0;
  }

  emit(out: MapBuilder, str: string): void {
    for (const ch of str) {
      const k = Math.min(this.used, this.at.length - 1);
      // An empty queue cannot happen; -1 makes the final check reject the map.
      if (k < 0) out.emit(ch, -1, -1);
      else out.emit(ch, this.at[k], this.ends[k]);
      this.used++;
    }
  }
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** Offset of the line break whose `\n` is at `nl` (its `\r` if CRLF). */
function breakStart(text: string, nl: number, lowerBound: number): number {
  return nl > lowerBound && text[nl - 1] === '\r' ? nl - 1 : nl;
}

// --- plain and single-quoted ------------------------------------------------

function mapPlain(text: string, start: number, end: number): Built {
  const out = new MapBuilder(start);
  mapUnfolded(text, start, end, out, false);
  return out.finish();
}

function mapSingleQuoted(text: string, start: number, end: number): Built | undefined {
  // The `yaml` package takes the content as `source.slice(1, -1)`.
  if (end - start < 2) return undefined;
  const out = new MapBuilder(start + 1);
  mapUnfolded(text, start + 1, end - 1, out, true);
  return out.finish();
}

/**
 * Mirrors `unfoldLines` in the `yaml` package: the first line loses its
 * trailing blanks, later lines their leading ones, middle lines both; a
 * single line break folds to a space, N empty lines to N newlines.
 */
function mapUnfolded(text: string, from: number, to: number, out: MapBuilder, singleQuoted: boolean): void {
  const content = (s: number, e: number): void => {
    if (!singleQuoted) {
      out.copy(text, s, e);
      return;
    }
    let run = s;
    for (let i = s; i < e; i++) {
      if (text[i] === "'" && i + 1 < e && text[i + 1] === "'") {
        out.copy(text, run, i);
        out.emit("'", i, i + 2);
        i++;
        run = i + 1;
      }
    }
    out.copy(text, run, e);
  };

  let nl = text.indexOf('\n', from);
  if (nl === -1 || nl >= to) {
    content(from, to);
    return;
  }
  const breaks = new BreakQueue();
  let lineEnd = breakStart(text, nl, from);
  let e = lineEnd;
  while (e > from && isBlank(text[e - 1])) e--;
  content(from, e);
  breaks.add(lineEnd, nl + 1);
  let sep = ' ';
  let pos = nl + 1;
  for (;;) {
    nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= to) break;
    lineEnd = breakStart(text, nl, pos);
    let s = pos;
    while (s < lineEnd && isBlank(text[s])) s++;
    e = lineEnd;
    while (e > s && isBlank(text[e - 1])) e--;
    if (s === e) {
      if (sep === '\n') breaks.emit(out, '\n');
      else sep = '\n';
    } else {
      breaks.emit(out, sep);
      content(s, e);
      sep = ' ';
      breaks.reset();
    }
    breaks.add(lineEnd, nl + 1);
    pos = nl + 1;
  }
  let s = pos;
  while (s < to && isBlank(text[s])) s++;
  breaks.emit(out, sep);
  content(s, to);
}

// --- double-quoted ------------------------------------------------------------

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/** Mirrors `doubleQuotedValue` in the `yaml` package. */
function mapDoubleQuoted(text: string, start: number, end: number): Built | undefined {
  if (end - start < 2) return undefined;
  const out = new MapBuilder(start + 1);
  const last = end - 1; // the closing quote (the loop stops before it)
  for (let i = start + 1; i < last; ++i) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') continue;
    if (ch === '\n') {
      // Fold: the whole run of blanks and line breaks after this break.
      const breaks = new BreakQueue();
      breaks.add(breakStart(text, i, start + 1), i + 1);
      let fold = '';
      let next = text[i + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && text[i + 2] !== '\n') break;
        if (next === '\n') {
          fold += '\n';
          breaks.add(breakStart(text, i + 1, start + 1), i + 2);
        }
        i += 1;
        next = text[i + 1];
      }
      breaks.emit(out, fold || ' ');
    } else if (ch === '\\') {
      const backslash = i;
      let next = text[++i];
      const code = next === undefined ? undefined : Object.prototype.hasOwnProperty.call(ESCAPES, next) ? ESCAPES[next] : undefined;
      if (code) {
        out.emit(code, backslash, i + 1);
      } else if (next === '\n') {
        next = text[i + 1];
        while (next === ' ' || next === '\t') next = text[++i + 1];
      } else if (next === '\r' && text[i + 1] === '\n') {
        next = text[++i + 1];
        while (next === ' ' || next === '\t') next = text[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        // `source.substr(i + 1, length)`: never past the end of the source.
        const hex = text.slice(i + 1, Math.min(i + 1 + length, end));
        const valid = hex.length === length && /^[0-9a-fA-F]+$/.test(hex);
        const codePoint = valid ? parseInt(hex, 16) : NaN;
        if (codePoint >= 0 && codePoint <= 0x10ffff) {
          out.emit(String.fromCodePoint(codePoint), backslash, Math.min(i + 1 + length, end));
        } else {
          // Invalid: the `yaml` package keeps the raw text (and reports an error).
          const rawEnd = Math.min(backslash + length + 2, end);
          out.copy(text, backslash, rawEnd);
        }
        i += length;
      } else {
        // Invalid escape: kept raw, two characters.
        out.copy(text, backslash, Math.min(backslash + 2, end));
      }
    } else if (ch === ' ' || ch === '\t') {
      const wsStart = i;
      let next = text[i + 1];
      while (next === ' ' || next === '\t') next = text[++i + 1];
      if (next !== '\n' && !(next === '\r' && text[i + 2] === '\n')) out.copy(text, wsStart, i + 1);
    } else {
      out.copy(text, i, i + 1);
    }
  }
  return out.finish();
}

// --- block scalars --------------------------------------------------------------

interface BlockLine {
  /** Offset of the line's first character. */
  start: number;
  /** Number of leading spaces. */
  indent: number;
  /** End of the content, a final `\r` included (as `yaml` splits lines). */
  contentEnd: number;
  /** Offset of the line break (its `\r` for CRLF); the content end if none. */
  breakAt: number;
  /** Offset after the line break. */
  breakEnd: number;
  /** Whether a `\n` ends the line (false for the last line of the source). */
  hasBreak: boolean;
}

interface BlockHeader {
  mode: '|' | '>';
  /** Header token: `|`, `>-`, `|2+`... */
  tokenEnd: number;
  chomp: '' | '-' | '+';
  /** Explicit indentation indicator, 0 when absent. */
  indentIndicator: number;
  /** Where the content lines start (after the header line's break). */
  contentStart: number;
  /** End of the header line (before its break). */
  lineEnd: number;
  /** The header line's break, `\n` or `\r\n`; `\n` when there is none. */
  lineBreak: string;
}

interface BlockAnalysis {
  built: Built;
  header: BlockHeader;
  lines: BlockLine[];
  /** Lines before this index carry content; the rest are trailing empty lines. */
  chompStart: number;
  /** Content indentation; -1 when there are no content lines. */
  trimIndent: number;
}

function isEmptyChar(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function parseBlockHeader(text: string, start: number, end: number): BlockHeader | undefined {
  const mode = text[start];
  if (mode !== '|' && mode !== '>') return undefined;
  let tokenEnd = start + 1;
  while (tokenEnd < end && !isEmptyChar(text[tokenEnd]) && text[tokenEnd] !== '#') tokenEnd++;
  let chomp: '' | '-' | '+' = '';
  let indentIndicator = 0;
  for (let i = start + 1; i < tokenEnd; i++) {
    const ch = text[i];
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!indentIndicator && ch >= '1' && ch <= '9') indentIndicator = Number(ch);
    else return undefined; // a header error: not worth mirroring
  }
  const nl = text.indexOf('\n', tokenEnd);
  const hasBreak = nl !== -1 && nl < end;
  const lineEnd = hasBreak ? breakStart(text, nl, tokenEnd) : end;
  return {
    mode,
    tokenEnd,
    chomp,
    indentIndicator,
    contentStart: hasBreak ? nl + 1 : end,
    lineEnd,
    lineBreak: hasBreak && lineEnd === nl - 1 ? '\r\n' : '\n',
  };
}

/** Splits `[from, to)` as `yaml`'s `splitLines` does: on `\n`, indentation = leading spaces. */
function splitBlockLines(text: string, from: number, to: number): BlockLine[] {
  const lines: BlockLine[] = [];
  if (to <= from) return lines; // `scalar.source ? splitLines(...) : []`
  let pos = from;
  for (;;) {
    let indentEnd = pos;
    while (indentEnd < to && text[indentEnd] === ' ') indentEnd++;
    const nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= to) {
      lines.push({ start: pos, indent: indentEnd - pos, contentEnd: to, breakAt: to, breakEnd: to, hasBreak: false });
      return lines;
    }
    const contentEnd = nl;
    const breakAt = breakStart(text, nl, indentEnd);
    lines.push({ start: pos, indent: Math.min(indentEnd, nl) - pos, contentEnd, breakAt, breakEnd: nl + 1, hasBreak: true });
    pos = nl + 1;
  }
}

/** The line's content (after its indentation), `\r` included. */
function lineContent(text: string, line: BlockLine): string {
  return text.slice(line.start + line.indent, line.contentEnd);
}

function isEmptyContent(content: string): boolean {
  return content === '' || content === '\r';
}

/**
 * Mirrors `resolveBlockScalar` in the `yaml` package. With an explicit
 * indentation indicator the content indentation depends on the parent's
 * indentation, which a scalar node does not record: we read it off the
 * expected value (the first content line's leading spaces) and let the
 * final comparison confirm it.
 */
function mapBlock(text: string, start: number, end: number, expected: string): BlockAnalysis | undefined {
  const header = parseBlockHeader(text, start, end);
  if (!header) return undefined;
  const folded = header.mode === '>';
  const lines = splitBlockLines(text, header.contentStart, end);
  const out = new MapBuilder(header.contentStart);

  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if (isEmptyContent(lineContent(text, lines[i]))) chompStart = i;
    else break;
  }

  if (chompStart === 0) {
    // Nothing but empty lines.
    if (header.chomp === '+' && lines.length > 0) {
      const count = Math.max(1, lines.length - 1);
      for (let j = 0; j < count; j++) {
        const line = lines[Math.min(j, lines.length - 1)];
        out.emit('\n', line.breakAt, line.breakEnd);
      }
    }
    return { built: out.finish(), header, lines, chompStart, trimIndent: -1 };
  }

  let contentStart = 0;
  while (contentStart < chompStart && isEmptyContent(lineContent(text, lines[contentStart]))) contentStart++;

  let trimIndent: number;
  if (header.indentIndicator === 0) {
    trimIndent = lines[contentStart].indent;
  } else {
    // Skip the value's leading lines (one `\n` each), count the spaces that
    // start the first content line: the rest of its indentation is trimmed.
    let at = 0;
    for (let i = 0; i < contentStart; i++) {
      const nl = expected.indexOf('\n', at);
      if (nl === -1) return undefined;
      at = nl + 1;
    }
    let spaces = 0;
    while (expected[at + spaces] === ' ') spaces++;
    trimIndent = lines[contentStart].indent - spaces;
    if (trimIndent < header.indentIndicator) return undefined;
  }

  // Trailing empty lines that are more indented than the content belong to it.
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i].indent > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }

  // Leading empty lines keep their extra indentation.
  for (let i = 0; i < contentStart; ++i) {
    const line = lines[i];
    if (line.indent > trimIndent) out.copy(text, line.start + trimIndent, line.start + line.indent);
    out.emit('\n', line.breakAt, line.breakEnd);
  }

  // `sep` is what goes between the previous line and the next; `breaks`
  // holds the line breaks it stands for.
  let sep = '';
  let prevMoreIndented = false;
  const breaks = new BreakQueue();
  for (let i = contentStart; i < chompStart; ++i) {
    const line = lines[i];
    let contentFrom = line.start + line.indent;
    let contentTo = line.contentEnd;
    let indent = line.indent;
    if (contentTo > contentFrom && text[contentTo - 1] === '\r') contentTo--;
    const hasContent = contentTo > contentFrom;
    if (hasContent && indent < trimIndent) {
      // An error in the `yaml` package too; it then drops the indentation.
      indent = 0;
      contentFrom = line.start + line.indent;
    }
    const extraFrom = line.start + Math.min(trimIndent, indent);
    const extraTo = line.start + indent;
    if (!folded) {
      breaks.emit(out, sep);
      breaks.reset();
      out.copy(text, extraFrom, extraTo);
      out.copy(text, contentFrom, contentTo);
      sep = '\n';
    } else if (indent > trimIndent || text[contentFrom] === '\t' && hasContent) {
      // More-indented lines are not folded.
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      breaks.emit(out, sep);
      breaks.reset();
      out.copy(text, extraFrom, extraTo);
      out.copy(text, contentFrom, contentTo);
      sep = '\n';
      prevMoreIndented = true;
    } else if (!hasContent) {
      if (sep === '\n') breaks.emit(out, '\n');
      else sep = '\n';
    } else {
      breaks.emit(out, sep);
      breaks.reset();
      out.copy(text, contentFrom, contentTo);
      sep = ' ';
      prevMoreIndented = false;
    }
    breaks.add(line.breakAt, line.breakEnd);
  }

  const lastContent = lines[chompStart - 1];
  switch (header.chomp) {
    case '-':
      break;
    case '+': {
      let previous = lastContent;
      let endsWithNewline = false;
      for (let i = chompStart; i < lines.length; ++i) {
        const line = lines[i];
        out.emit('\n', previous.breakAt, previous.breakEnd);
        endsWithNewline = true;
        if (line.indent > trimIndent) {
          out.copy(text, line.start + trimIndent, line.start + line.indent);
          endsWithNewline = false;
        }
        previous = line;
      }
      // `if (value[value.length - 1] !== '\n') value += '\n'`: content
      // lines never end with a newline.
      if (!endsWithNewline) out.emit('\n', previous.breakAt, previous.breakEnd);
      break;
    }
    default:
      out.emit('\n', lastContent.breakAt, lastContent.breakEnd);
  }
  const built = out.finish();
  return { built, header, lines, chompStart, trimIndent };
}

// ---------------------------------------------------------------------------
// Rendering a new value
// ---------------------------------------------------------------------------

/** A piece of a new value: literal text, or a snippet placeholder with its default text. */
export type TextPart = string | { placeholder: string };

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
  const segments = parts.map((part) => (typeof part === 'string' ? { text: part, placeholder: false } : { text: part.placeholder, placeholder: true }));
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
  while (suffix < old.length - prefix && suffix < value.length - prefix && old[old.length - 1 - suffix] === value[value.length - 1 - suffix]) suffix++;
  const removed = old.slice(prefix, old.length - suffix);
  const added = value.slice(prefix, value.length - suffix);
  if (!PLAIN_WORD.test(removed) || !PLAIN_WORD.test(added)) return whole;
  const map = scalarSourceMap(text, node);
  if (!map) return whole;
  let start: number;
  if (removed) {
    start = map[prefix];
    // Written as such: no escape or line fold among the characters replaced.
    if (text.slice(start, start + removed.length) !== removed || map[prefix + removed.length - 1] !== start + removed.length - 1) return whole;
  } else {
    // An insertion goes right after the last kept character, when that is written as such.
    if (prefix === 0 || text[map[prefix - 1]] !== old[prefix - 1] || !PLAIN_WORD.test(old[prefix - 1])) return whole;
    start = map[prefix - 1] + 1;
  }
  return { range: { start, end: start + removed.length }, newText: added, snippet: false };
}

/**
 * Turns a snippet into the text an editor without snippet support should
 * insert: placeholders become their default text, tab stops disappear,
 * escapes are removed.
 */
export function snippetToPlainText(snippet: string): string {
  const parser = new SnippetParser(snippet);
  return parser.parse(false);
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
    const ch = value[i];
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
  if (value === '' || PLAIN_BAD_START.has(value[0])) return false;
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
  if (chompStart > 0) contentEnd = lines[chompStart - 1].breakAt;
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
  for (let i = 0; i < bodyLines.length; i++) {
    const line = bodyLines[i];
    if (line !== '' && /^[ \t]*$/.test(line)) return fallback(); // blank but not empty: ambiguous
    if (folded && line !== '' && isBlank(line[0])) return fallback(); // would not fold as written
    if (firstText < 0 && line !== '') firstText = i;
  }
  // A first line starting with a blank needs an indentation indicator; keep
  // the original one, never invent one (that needs the parent's indentation).
  if (isBlank(bodyLines[firstText][0]) && header.indentIndicator === 0) return fallback();

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
    const ch = value[i];
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

// --- snippets ---------------------------------------------------------------------------

class SnippetParser {
  private pos = 0;
  /** Nesting of `${N:...}`; past a sane depth the rest is read as text. */
  private depth = 0;

  constructor(private readonly src: string) {}

  /** Text up to the end, or up to an unescaped `}` when `nested`. */
  parse(nested: boolean): string {
    let out = '';
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === '\\') {
        const next = src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          out += next;
          this.pos += 2;
        } else {
          out += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === '}' && nested) return out;
      if (ch === '$') {
        const saved = this.pos;
        const replaced = this.dollar();
        if (replaced !== undefined) {
          out += replaced;
          continue;
        }
        this.pos = saved + 1;
        out += '$';
        continue;
      }
      out += ch;
      this.pos++;
    }
    return out;
  }

  /** A tab stop, placeholder, choice or variable at `$`; undefined if malformed. */
  private dollar(): string | undefined {
    const src = this.src;
    const simple = /\$([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/y;
    simple.lastIndex = this.pos;
    const m = simple.exec(src);
    if (m) {
      this.pos = simple.lastIndex;
      return /^[0-9]/.test(m[1]) ? '' : m[1];
    }
    if (src[this.pos + 1] !== '{') return undefined;
    const head = /\$\{([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/y;
    head.lastIndex = this.pos;
    const h = head.exec(src);
    if (!h) return undefined;
    const name = h[1];
    this.pos = head.lastIndex;
    const next = src[this.pos];
    if (next === '}') {
      this.pos++;
      return /^[0-9]/.test(name) ? '' : name;
    }
    if (next === ':') {
      if (this.depth >= 64) return undefined;
      this.pos++;
      this.depth++;
      const inner = this.parse(true);
      this.depth--;
      if (src[this.pos] !== '}') return undefined;
      this.pos++;
      return inner;
    }
    if (next === '|' && /^[0-9]/.test(name)) {
      this.pos++;
      let first: string | undefined;
      let current = '';
      while (this.pos < src.length) {
        const ch = src[this.pos];
        if (ch === '\\' && this.pos + 1 < src.length && ',|$}\\'.includes(src[this.pos + 1])) {
          current += src[this.pos + 1];
          this.pos += 2;
          continue;
        }
        if (ch === ',' || ch === '|') {
          if (first === undefined) first = current;
          current = '';
          this.pos++;
          if (ch === '|') {
            if (src[this.pos] !== '}') return undefined;
            this.pos++;
            return first;
          }
          continue;
        }
        current += ch;
        this.pos++;
      }
      return undefined;
    }
    return undefined;
  }
}
