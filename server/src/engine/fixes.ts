/** Fixes as data: pick the ones that can be applied together, and apply them. */
import type { Fix, TextEdit } from './types';

/** Edits of several fixes, skipping any fix that would overlap one already taken. */
export function nonOverlapping(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const clashes = fix.edits.some((edit) =>
      taken.some((other) => edit.range.start < other.range.end && other.range.start < edit.range.end),
    );
    if (!clashes) taken.push(...fix.edits);
  }
  return taken;
}

/** Applies non-overlapping edits, last first, so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  return out;
}
