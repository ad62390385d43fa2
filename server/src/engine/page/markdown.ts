/**
 * The Markdown resumes use, read for the page: `**bold**`, `*italic*`,
 * `[text](url)` and `` `code` `` inside a line; paragraphs and `- ` lists in
 * a summary. Anything else is text, printed as written, backslashes too:
 * the page drops only the markers of emphasis and links.
 */
import type { Span } from './types';

/** Word characters around `_`: `snake_case` is a name, not emphasis. */
const WORD = /[\p{L}\p{N}]/u;

export function inlineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const push = (span: Span) => {
    if (span.text === '') return;
    const last = spans.at(-1);
    if (last && last.bold === span.bold && last.italic === span.italic && last.href === span.href) last.text += span.text;
    else spans.push(span);
  };
  parseInto(text, {}, push);
  return spans;
}

type Style = Pick<Span, 'bold' | 'italic' | 'href'>;

function parseInto(text: string, style: Style, push: (span: Span) => void): void {
  let plain = '';
  const flush = () => {
    if (plain !== '') push({ text: plain, ...style });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const link = char === '[' ? linkAt(text, i) : undefined;
    if (link) {
      flush();
      parseInto(link.label, { ...style, href: link.href }, push);
      i = link.end;
      continue;
    }
    const code = char === '`' ? delimitedAt(text, i, '`') : undefined;
    if (code) {
      flush();
      push({ text: code.inner, ...style });
      i = code.end;
      continue;
    }
    const strong = char === '*' || char === '_' ? emphasisAt(text, i, char.repeat(2)) : undefined;
    if (strong) {
      flush();
      parseInto(strong.inner, { ...style, bold: true }, push);
      i = strong.end;
      continue;
    }
    if ((char === '*' || char === '_') && text[i + 1] === char) {
      // A double marker that opens nothing is text, both characters of it.
      plain += char + char;
      i += 2;
      continue;
    }
    const emphasis = char === '*' || char === '_' ? emphasisAt(text, i, char) : undefined;
    if (emphasis) {
      flush();
      parseInto(emphasis.inner, { ...style, italic: true }, push);
      i = emphasis.end;
      continue;
    }
    plain += char;
    i++;
  }
  flush();
}

/** `[label](href)` starting at `start`, when it is one. */
function linkAt(text: string, start: number): { label: string; href: string; end: number } | undefined {
  const close = text.indexOf('](', start + 1);
  if (close < 0 || text.slice(start + 1, close).includes('\n')) return undefined;
  const end = text.indexOf(')', close + 2);
  if (end < 0) return undefined;
  const href = text.slice(close + 2, end).trim();
  if (href === '' || /\s/.test(href)) return undefined;
  return { label: text.slice(start + 1, close), href, end: end + 1 };
}

function delimitedAt(text: string, start: number, marker: string): { inner: string; end: number } | undefined {
  const close = text.indexOf(marker, start + marker.length);
  if (close <= start + marker.length) return undefined;
  return { inner: text.slice(start + marker.length, close), end: close + marker.length };
}

/**
 * Emphasis opened by `marker` at `start`: it must touch the text it wraps
 * (`** x**` is not bold), and `_` must not sit inside a word.
 */
function emphasisAt(text: string, start: number, marker: string): { inner: string; end: number } | undefined {
  if (!text.startsWith(marker, start)) return undefined;
  const open = start + marker.length;
  if (open >= text.length || /\s/.test(text[open]!)) return undefined;
  if (marker[0] === '_' && start > 0 && WORD.test(text[start - 1]!)) return undefined;
  let close = text.indexOf(marker, open + 1);
  while (close >= 0) {
    const before = text[close - 1]!;
    const after = text[close + marker.length];
    const touches = !/\s/.test(before);
    const wordAfter = marker[0] === '_' && after !== undefined && WORD.test(after);
    // `**a**b` closes; a longer run (`***`) belongs to the next marker.
    if (touches && !wordAfter && text[close + marker.length] !== marker[0])
      return { inner: text.slice(open, close), end: close + marker.length };
    close = text.indexOf(marker, close + 1);
  }
  return undefined;
}

export function plainText(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('');
}

/** A summary's blocks: paragraphs (lines joined) and the items of `-`, `*` or `+` lists. */
export type MarkdownBlock = { kind: 'paragraph'; text: string } | { kind: 'item'; text: string };

export function markdownBlocks(text: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const item = /^[-*+]\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (item) {
      flush();
      blocks.push({ kind: 'item', text: item[1]! });
    } else if (blocks.at(-1)?.kind === 'item' && paragraph.length === 0 && /^\s/.test(raw)) {
      // An indented line continues the item above.
      const last = blocks.at(-1)!;
      last.text += ` ${line}`;
    } else paragraph.push(line);
  }
  flush();
  return blocks;
}
