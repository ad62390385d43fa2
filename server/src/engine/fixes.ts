/** Fixes as data: pick the ones that can be applied together, and apply them. */
import type { Fix, TextEdit } from './types';

/** Edits of several fixes, skipping any fix that would overlap one already taken. */
export function nonOverlapping(fixes: readonly Fix[]): TextEdit[] {
  // Taken edits stay sorted by start, so each check is a binary search, not a scan.
  const taken: TextEdit[] = [];
  const clashes = (edit: TextEdit) => {
    const at = firstEndingAfter(taken, edit.range.start);
    return at < taken.length && taken[at].range.start < edit.range.end;
  };
  for (const fix of fixes) {
    if (fix.edits.some(clashes)) continue;
    for (const edit of fix.edits) taken.splice(firstEndingAfter(taken, edit.range.start), 0, edit);
  }
  return taken;
}

/** Index of the first edit whose end lies after `offset` (edits sorted and disjoint). */
function firstEndingAfter(edits: readonly TextEdit[], offset: number): number {
  let low = 0;
  let high = edits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (edits[mid].range.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Applies non-overlapping edits, last first, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  return out;
}
