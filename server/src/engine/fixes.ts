/** Fixes as data: pick the ones that can be applied together, and apply them. */
import { parseAllDocuments } from 'yaml';
import { YAML_OPTIONS } from './document';
import { isJsonText, parsesAsJson } from './json';
import { parseJson } from './jsonParse';
import { MAX_NESTING, nestingDepth } from './nesting';
import type { Finding, Fix, TextEdit } from './types';

/** Edits of several fixes, skipping any fix that would overlap one already taken. */
export function nonOverlapping(fixes: readonly Fix[]): TextEdit[] {
  // Taken edits stay sorted by start, so each check is a binary search, not a scan.
  const taken: TextEdit[] = [];
  const clashes = (edit: TextEdit) => {
    const at = firstEndingAfter(taken, edit.range.start);
    const next = taken[at];
    return next !== undefined && next.range.start < edit.range.end;
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
    if (edits[mid]!.range.end <= offset) low = mid + 1;
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

/**
 * Whether `after` is still as valid as `before` in its own format: JSON that
 * parsed still parses, YAML has no more syntax errors than it had.
 */
export function keepsFormat(before: string, after: string): boolean {
  if (isJsonText(before)) return parsesAsJson(before) ? parsesAsJson(after) : jsonErrorCount(after) <= jsonErrorCount(before);
  // Too deep to parse safely: nothing there has a fix, so nothing changed that could break.
  if (nestingDepth(after) > MAX_NESTING) return nestingDepth(before) > MAX_NESTING;
  return yamlErrorCount(after) <= yamlErrorCount(before);
}

/** Infinity for a text too deep to parse safely. */
function jsonErrorCount(text: string): number {
  return parseJson(text)?.problems.length ?? Infinity;
}

function yamlErrorCount(text: string): number {
  const documents = parseAllDocuments(text, YAML_OPTIONS);
  const all = 'empty' in documents ? [documents] : documents;
  return all.reduce((count, document) => count + document.errors.length, 0);
}

export interface SafeEdits {
  edits: TextEdit[];
  /** The fixes whose edits are all in `edits`. */
  taken: Fix[];
  /** Safe fixes left out because, applied, they would break the file: always a bug in the fix. */
  rejected: Fix[];
}

/**
 * The safe fixes among `fixes` that can be applied together, as "Fix all"
 * and `--fix` apply them. A fix writer's bug must never cost the person a
 * valid file: when the result would not keep its format, the fixes are
 * tried one by one and any that breaks it is left out.
 */
export function safeFixEdits(text: string, fixes: readonly Fix[]): SafeEdits {
  const safe = fixes.filter((fix) => fix.safe);
  const edits = nonOverlapping(safe);
  if (edits.length === 0 || keepsFormat(text, applyEdits(text, edits))) return { edits, taken: takenOf(safe, edits), rejected: [] };
  const kept: Fix[] = [];
  const rejected: Fix[] = [];
  for (const fix of safe) {
    const trial = nonOverlapping([...kept, fix]);
    if (keepsFormat(text, applyEdits(text, trial))) kept.push(fix);
    else rejected.push(fix);
  }
  const keptEdits = nonOverlapping(kept);
  return { edits: keptEdits, taken: takenOf(kept, keptEdits), rejected };
}

function takenOf(fixes: readonly Fix[], edits: readonly TextEdit[]): Fix[] {
  const set = new Set(edits);
  return fixes.filter((fix) => fix.edits.every((edit) => set.has(edit)));
}

export interface FixAllResult {
  text: string;
  /** How many fixes each rule applied, over all passes. */
  applied: Record<string, number>;
  /** How many safe fixes each rule had that would have broken the file, left out: a bug to report. */
  rejected: Record<string, number>;
}

/**
 * The safe fixes only, as `--fix` and "Fix all" apply them: repeated until
 * nothing changes, since one fix can reveal another (at most `maxPasses`).
 * Suggestions (rewrites, deletions of words, templates) are never applied here.
 */
export function fixAll(text: string, findingsOf: (text: string) => readonly Finding[], maxPasses = 10): FixAllResult {
  let current = text;
  const applied: Record<string, number> = {};
  const rejected: Record<string, number> = {};
  for (let pass = 0; pass < maxPasses; pass++) {
    const ruleOf = new Map<Fix, string>();
    for (const finding of findingsOf(current)) for (const fix of finding.fixes) if (fix.safe) ruleOf.set(fix, finding.ruleId);
    const chosen = safeFixEdits(current, [...ruleOf.keys()]);
    for (const fix of chosen.taken) applied[ruleOf.get(fix)!] = (applied[ruleOf.get(fix)!] ?? 0) + 1;
    for (const fix of chosen.rejected) rejected[ruleOf.get(fix)!] = (rejected[ruleOf.get(fix)!] ?? 0) + 1;
    if (chosen.edits.length === 0) break;
    current = applyEdits(current, chosen.edits);
  }
  return { text: current, applied, rejected };
}
