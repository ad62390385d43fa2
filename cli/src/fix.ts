/**
 * `--fix` and `--fix-dry-run`: the safe fixes applied to a file's text, in
 * the file's own line endings, then either written back (atomically, and
 * only over the bytes that were read) or shown as a unified diff.
 */
import { createTwoFilesPatch } from 'diff';
import { fixAll } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/types';
import { encodeText, withLineEnding, writeFileAtomic, type TextShape, type WriteResult } from '../../server/src/node/atomicWrite';

export interface Fixed {
  text: string;
  /** Fixes applied per rule id. */
  applied: Record<string, number>;
  /** Safe fixes left out because the file would no longer parse: always a bug of ours. */
  rejected: Record<string, number>;
}

/** The safe fixes until none is left; a line a fix inserts gets the file's line ending. */
export function fixText(text: string, eol: TextShape['eol'], findingsOf: (text: string) => readonly Finding[]): Fixed {
  if (eol === '\n') return fixAll(text, findingsOf);
  return fixAll(text, (current) =>
    findingsOf(current).map((finding) => ({
      ...finding,
      fixes: finding.fixes.map((fix) => ({
        ...fix,
        edits: fix.edits.map((edit) => ({ ...edit, newText: withLineEnding(edit.newText, eol) })),
      })),
    })),
  );
}

/** Writes the fixed text with the file's BOM, unless the file no longer holds `read`. */
export function writeFixed(file: string, read: Uint8Array, text: string, shape: TextShape): WriteResult {
  return writeFileAtomic(file, encodeText(text, shape), { expected: read });
}

/** `resume.yaml: fixed 4: schema/invalid-date ×2, tense ×2` (most fixed first). */
export function fixSummary(name: string, applied: Record<string, number>, dryRun: boolean): string {
  const entries = Object.entries(applied).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return `${name}: ${dryRun ? 'would fix' : 'fixed'} ${total}: ${entries.map(([id, count]) => `${id} ×${count}`).join(', ')}`;
}

/** Said when a safe fix was left out to keep the file valid, so the bug gets reported rather than hidden. */
export function rejectedNote(name: string, rejected: Record<string, number>): string | undefined {
  const entries = Object.entries(rejected).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return undefined;
  const list = entries.map(([id, count]) => `${id} ×${count}`).join(', ');
  return `bulletproof: ${name}: left out ${list}: applied, they would have left the file invalid. This is a bug in Bulletproof; please report it with the file.`;
}

/** A unified diff, as `git diff` prints it, ready for `git apply` or `patch -p1`. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const header = { includeIndex: false, includeUnderline: false, includeFileHeaders: true };
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { headerOptions: header }).trimEnd();
}
