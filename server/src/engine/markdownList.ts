/**
 * The Markdown list in a text: YAMLResume has no `highlights`, its bullets
 * are the items of a Markdown list inside `summary`. The linter reads each
 * item as a bullet (with where it is in the text), and convert turns the
 * list into `highlights` and back; both read it here.
 */

/** One list item, as offsets into the text read. */
export interface ListItem {
  /** Spaces before the marker: 0 for a top-level item. */
  indent: number;
  /** Where the item's line starts, and its marker (`-`, `*`, `+`, `1.`). */
  lineStart: number;
  markerStart: number;
  /** The item's text: after the marker and its spaces, to the end of its last line (trailing blanks dropped). */
  start: number;
  end: number;
}

export interface MarkdownList {
  /** Where the list starts: the start of its first item's line; the text's length when there is none. */
  start: number;
  items: ListItem[];
  /** Whether only the list (its items and lines under them) follows its start. */
  endsText: boolean;
  /** Whether the list starts the text or follows a blank line, rather than text it is glued to. */
  separated: boolean;
}

const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|(?=\r?$))/;

interface Line {
  start: number;
  /** The end of its text, before `\r\n` or `\n`. */
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const br = text.indexOf('\n', start);
    const end = br === -1 ? text.length : br;
    const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start, end: contentEnd, text: text.slice(start, contentEnd) });
    if (br === -1) return lines;
    start = br + 1;
  }
}

const isBlankLine = (line: Line): boolean => line.text.trim() === '';

/** The end of a line's text without its trailing blanks. */
function trimmedEnd(line: Line): number {
  return line.start + line.text.replace(/\s+$/, '').length;
}

/**
 * Reads the list in `text`: from the first top-level item (a marker indented
 * by at most three spaces) to the first unindented text after a blank line.
 * Every item is one, nested ones too; a line right under an item (or
 * indented under it after a blank line) continues it.
 */
export function readMarkdownList(text: string): MarkdownList {
  const lines = linesOf(text);
  const first = lines.findIndex((line) => (ITEM.exec(line.text)?.[1]?.length ?? 4) <= 3 && hasItemText(line));
  if (first === -1) return { start: text.length, items: [], endsText: false, separated: false };
  const items: ListItem[] = [];
  let current: ListItem | undefined;
  let sawBlank = false;
  let endsText = true;
  for (const line of lines.slice(first)) {
    if (isBlankLine(line)) {
      sawBlank = true;
      continue;
    }
    const match = ITEM.exec(line.text);
    if (match) {
      const indent = match[1]!.length;
      const markerStart = line.start + indent;
      const start = line.start + match[0].length;
      current = { indent, lineStart: line.start, markerStart, start, end: Math.max(start, trimmedEnd(line)) };
      items.push(current);
    } else if (current && (!sawBlank || /^ {2,}/.test(line.text))) {
      current.end = trimmedEnd(line);
    } else {
      endsText = false;
      break;
    }
    sawBlank = false;
  }
  const before = lines[first - 1];
  return { start: lines[first]!.start, items, endsText, separated: before === undefined || isBlankLine(before) };
}

/** An item line with text after its marker (a lone `-` is not a bullet). */
function hasItemText(line: Line): boolean {
  const match = ITEM.exec(line.text);
  return match !== null && line.text.slice(match[0].length).trim() !== '';
}

/** The summary, a blank line, then one `- ` item per highlight (a line break inside one indented under it). */
export function summaryWithList(summary: string | undefined, highlights: readonly string[] | undefined): string | undefined {
  const list =
    highlights && highlights.length > 0 ? `${highlights.map((line) => `- ${line.replace(/\n/g, '\n  ')}`).join('\n')}\n` : undefined;
  if (list === undefined) return summary;
  return summary === undefined ? list : `${summary}\n\n${list}`;
}

/**
 * The text before a Markdown list that ends the summary, and the list's
 * top-level items, each with the lines under it (nested items too) moved
 * back by two spaces; no such list: the summary as it is.
 */
export function splitList(text: string): { summary?: string; highlights?: string[] } {
  const trimmed = text.replace(/\s+$/, '');
  const list = readMarkdownList(trimmed);
  const top = list.items.filter((item) => item.indent === 0);
  if (top.length === 0 || top[0] !== list.items[0] || !list.endsText || !list.separated) return { summary: text };
  const highlights = top.map((item, index) => {
    const next = top[index + 1];
    const end = next ? next.lineStart : trimmed.length;
    return trimmed
      .slice(item.start, end)
      .replace(/\s+$/, '')
      .replace(/\n {1,2}/g, '\n');
  });
  const before = trimmed.slice(0, list.start).trimEnd();
  return before === '' ? { highlights } : { summary: before, highlights };
}
