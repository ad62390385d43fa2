/**
 * Exact mapping between a YAML scalar's parsed value and its source text
 * (`scalarRender.ts` does the reverse: writes a new value into its place),
 * and snippet text as plain text.
 *
 * Rules underline a phrase inside a bullet, so they need to know which
 * source offset produced each character of the parsed value; fixes rewrite
 * only what changed, so they need it too.
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
export function scalarStyle(text: string, node: Scalar): Style {
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
      const at = this.at[k];
      const end = this.ends[k];
      // An empty queue cannot happen; -1 makes the final check reject the map.
      if (at === undefined || end === undefined) out.emit(ch, -1, -1);
      else out.emit(ch, at, end);
      this.used++;
    }
  }
}

export function isBlank(ch: string | undefined): boolean {
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

export interface BlockLine {
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

export interface BlockHeader {
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

export interface BlockAnalysis {
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
    const ch = text.charAt(i);
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
export function mapBlock(text: string, start: number, end: number, expected: string): BlockAnalysis | undefined {
  const header = parseBlockHeader(text, start, end);
  if (!header) return undefined;
  const folded = header.mode === '>';
  const lines = splitBlockLines(text, header.contentStart, end);
  const out = new MapBuilder(header.contentStart);

  let chompStart = lines.length;
  while (chompStart > 0 && isEmptyContent(lineContent(text, lines[chompStart - 1]!))) chompStart--;

  if (chompStart === 0) {
    // Nothing but empty lines.
    if (header.chomp === '+' && lines.length > 0) {
      // One `\n` per line but the last, and at least one.
      for (const line of lines.slice(0, Math.max(1, lines.length - 1))) out.emit('\n', line.breakAt, line.breakEnd);
    }
    return { built: out.finish(), header, lines, chompStart, trimIndent: -1 };
  }

  let contentStart = 0;
  while (contentStart < chompStart && isEmptyContent(lineContent(text, lines[contentStart]!))) contentStart++;
  // The last line before `chompStart` has content, so the loop stops on a line.
  const firstContent = lines[contentStart];
  if (!firstContent) return undefined;

  let trimIndent: number;
  if (header.indentIndicator === 0) {
    trimIndent = firstContent.indent;
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
    trimIndent = firstContent.indent - spaces;
    if (trimIndent < header.indentIndicator) return undefined;
  }

  // Trailing empty lines that are more indented than the content belong to it.
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i]!.indent > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }

  // Leading empty lines keep their extra indentation.
  for (const line of lines.slice(0, contentStart)) {
    if (line.indent > trimIndent) out.copy(text, line.start + trimIndent, line.start + line.indent);
    out.emit('\n', line.breakAt, line.breakEnd);
  }

  // `sep` is what goes between the previous line and the next; `breaks`
  // holds the line breaks it stands for.
  let sep = '';
  let prevMoreIndented = false;
  const breaks = new BreakQueue();
  for (const line of lines.slice(contentStart, chompStart)) {
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
    } else if (indent > trimIndent || (text[contentFrom] === '\t' && hasContent)) {
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

  // `chompStart` only grew since it was found above 0.
  const lastContent = lines[chompStart - 1];
  if (!lastContent) return undefined;
  switch (header.chomp) {
    case '-':
      break;
    case '+': {
      let previous = lastContent;
      let endsWithNewline = false;
      for (const line of lines.slice(chompStart)) {
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
    case '':
      out.emit('\n', lastContent.breakAt, lastContent.breakEnd);
  }
  const built = out.finish();
  return { built, header, lines, chompStart, trimIndent };
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
      const [, name = ''] = m;
      return /^[0-9]/.test(name) ? '' : name;
    }
    if (src[this.pos + 1] !== '{') return undefined;
    const head = /\$\{([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/y;
    head.lastIndex = this.pos;
    const h = head.exec(src);
    if (!h) return undefined;
    const [, name = ''] = h;
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
        if (ch === '\\' && this.pos + 1 < src.length && ',|$}\\'.includes(src.charAt(this.pos + 1))) {
          current += src.charAt(this.pos + 1);
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
