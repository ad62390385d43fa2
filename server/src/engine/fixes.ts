/** Fixes as data: pick the ones that can be applied together, and apply them. */
import type { Finding, Fix, TextEdit } from './types';

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

export interface FixAllResult {
  text: string;
  /** How many fixes each rule applied, over all passes. */
  applied: Record<string, number>;
}

/**
 * The safe fixes only, as `--fix` and "Fix all" apply them: repeated until
 * nothing changes, since one fix can reveal another (at most `maxPasses`).
 * Suggestions (rewrites, deletions of words, templates) are never applied here.
 */
export function fixAll(text: string, findingsOf: (text: string) => readonly Finding[], maxPasses = 10): FixAllResult {
  let current = text;
  const applied: Record<string, number> = {};
  for (let pass = 0; pass < maxPasses; pass++) {
    const safe = findingsOf(current).flatMap((finding) =>
      finding.fixes.filter((fix) => fix.safe).map((fix) => ({ ruleId: finding.ruleId, fix })),
    );
    const taken = new Set(nonOverlapping(safe.map((entry) => entry.fix)));
    if (taken.size === 0) break;
    for (const entry of safe) {
      if (entry.fix.edits.every((edit) => taken.has(edit))) applied[entry.ruleId] = (applied[entry.ruleId] ?? 0) + 1;
    }
    current = applyEdits(current, [...taken]);
  }
  return { text: current, applied };
}
