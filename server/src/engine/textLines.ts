/** Line arithmetic on the document text, for fixes that insert whole lines. */
import type { OffsetRange } from './types';

/** The column of `offset` on its line (UTF-16 units). */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The whitespace before `offset` when only whitespace precedes it on its line. */
export function lineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The file's own line break, so an inserted line does not mix CRLF and LF. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An empty range at `offset`: where an insertion goes. */
export function insertionAt(offset: number): OffsetRange {
  return { start: offset, end: offset };
}

/** The 0-based line holding `offset`, given each line's start offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
