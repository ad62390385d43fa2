/**
 * What must hold for any text the engine is given, however broken: it
 * returns, no rule throws, every range and every fix edit lies inside the
 * text without splitting a surrogate pair, and every fix can be applied.
 * Each check returns a list of problems (empty when all is well) rather
 * than throwing, so the caller can say which case broke what.
 */
import { applyEdits, nonOverlapping } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import type { Finding, LintOptions, OffsetRange } from '../../server/src/engine/types';

/** A fixed "today", so the date rules give the same findings on every run. */
export const FUZZ_TODAY = new Date('2026-06-15T00:00:00Z');

/** Far above the few milliseconds a resume takes; a case past it is a hang in the making. */
export const CASE_BUDGET_MS = 2000;

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

export interface EngineOutcome {
  problems: string[];
  ms: number;
  findings: number;
  fixes: number;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** An offset between the two halves of a surrogate pair: an edit there would leave two lone surrogates. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Problems with an offset range of `text`, or an empty list. */
export function rangeProblems(text: string, range: OffsetRange | undefined, what: string): string[] {
  if (!range || typeof range !== 'object') return [`${what}: no range`];
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return [`${what}: range ${String(start)}-${String(end)} is not whole numbers`];
  if (!(start >= 0 && start <= end && end <= text.length)) return [`${what}: range ${start}-${end} is outside 0-${text.length}`];
  const problems: string[] = [];
  for (const offset of start === end ? [start] : [start, end]) {
    if (splitsSurrogatePair(text, offset)) problems.push(`${what}: range ${start}-${end} splits the surrogate pair at ${offset - 1}`);
  }
  return problems;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n') : String(error);
}

function findingLabel(finding: Finding, index: number, text: string): string {
  const { start, end } = finding.range;
  const under = Number.isInteger(start) && Number.isInteger(end) ? JSON.stringify(text.slice(start, Math.min(end, start + 40))) : '?';
  return `finding #${index} ${finding.ruleId} at ${start}-${end} ${under}`;
}

function fixProblems(text: string, finding: Finding, label: string): string[] {
  const problems: string[] = [];
  if (!Array.isArray(finding.fixes)) return [`${label}: fixes is not a list`];
  finding.fixes.forEach((fix, f) => {
    const fixLabel = `${label}, fix ${f} "${fix.title}"`;
    if (typeof fix.title !== 'string' || fix.title === '') problems.push(`${fixLabel}: no title`);
    // A fix that changes settings (`role: general`) may leave the resume as it is; it is never safe.
    if (fix.settings && Array.isArray(fix.edits) && fix.edits.length === 0) {
      if (fix.safe) problems.push(`${fixLabel}: changes settings but is marked safe`);
      return;
    }
    if (!Array.isArray(fix.edits) || fix.edits.length === 0) {
      problems.push(`${fixLabel}: no edits`);
      return;
    }
    let inside = true;
    fix.edits.forEach((edit, e) => {
      const editProblems = rangeProblems(text, edit.range, `${fixLabel}, edit ${e}`);
      if (editProblems.length) inside = false;
      problems.push(...editProblems);
      if (typeof edit.newText !== 'string') problems.push(`${fixLabel}, edit ${e}: newText is not text`);
    });
    if (!inside) return;
    const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
    let previousEnd = -Infinity;
    for (const edit of sorted) {
      if (edit.range.start < previousEnd) problems.push(`${fixLabel}: its edits overlap`);
      previousEnd = edit.range.end;
    }
    try {
      const fixed = applyEdits(text, fix.edits);
      if (typeof fixed !== 'string') problems.push(`${fixLabel}: applying it gave no text`);
    } catch (error) {
      problems.push(`${fixLabel}: applying it threw ${errorText(error)}`);
    }
  });
  return problems;
}

export interface CheckOptions {
  lint?: LintOptions;
  /** Also apply the safe fixes together and lint the result (doubles the cost; the long run does it). */
  fixAll?: boolean;
}

/** Lints `text` and checks every invariant. */
export function checkEngine(text: string, { lint: options = {}, fixAll = false }: CheckOptions = {}): EngineOutcome {
  const problems: string[] = [];
  const started = performance.now();
  let result: ReturnType<typeof lint>;
  try {
    result = lint(text, { today: FUZZ_TODAY, ...options });
  } catch (error) {
    return { problems: [`lint() threw: ${errorText(error)}`], ms: performance.now() - started, findings: 0, fixes: 0 };
  }
  const ms = performance.now() - started;
  if (ms > CASE_BUDGET_MS) problems.push(`lint() took ${Math.round(ms)} ms (budget ${CASE_BUDGET_MS} ms)`);
  for (const { ruleId, error } of result.ruleErrors) problems.push(`rule ${ruleId} threw: ${errorText(error)}`);

  let fixes = 0;
  result.findings.forEach((finding, index) => {
    const label = findingLabel(finding, index, text);
    problems.push(...rangeProblems(text, finding.range, label));
    if (typeof finding.message !== 'string' || finding.message.trim() === '') problems.push(`${label}: empty message`);
    if (!SEVERITIES.has(finding.severity)) problems.push(`${label}: severity ${String(finding.severity)}`);
    fixes += Array.isArray(finding.fixes) ? finding.fixes.length : 0;
    problems.push(...fixProblems(text, finding, label));
  });

  // Fix-all (the CLI's --fix, the editor's source.fixAll): the safe fixes together, then lint again.
  if (fixAll && problems.length === 0) {
    try {
      const edits = nonOverlapping(result.findings.flatMap((finding) => finding.fixes.filter((fix) => fix.safe)));
      if (edits.length) {
        const fixed = applyEdits(text, edits);
        const again = lint(fixed, { today: FUZZ_TODAY, ...options });
        for (const { ruleId, error } of again.ruleErrors) problems.push(`after fix-all, rule ${ruleId} threw: ${errorText(error)}`);
      }
    } catch (error) {
      problems.push(`fix-all threw: ${errorText(error)}`);
    }
  }
  return { problems, ms, findings: result.findings.length, fixes };
}

/**
 * Runs `fn` with `process.emitWarning` captured instead of printed: the
 * `yaml` package warns on stderr about keys that are collections, which
 * mutated input is full of. The caller reports how many there were.
 */
export function capturingWarnings<T>(fn: () => T): { value: T; warnings: string[] } {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back on `process`, never called alone
  const original = process.emitWarning;
  const warnings: string[] = [];
  // The replacement takes the same first argument; the overloads' other arguments are not needed.
  process.emitWarning = (warning: string | Error) => {
    warnings.push(typeof warning === 'string' ? warning : warning.message);
  };
  try {
    return { value: fn(), warnings };
  } finally {
    process.emitWarning = original;
  }
}
