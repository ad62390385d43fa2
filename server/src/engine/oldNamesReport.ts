/**
 * The report's one line for the keys that use old JSON Resume names
 * (`company`, `website`): each is its own `schema/unknown-key` finding, but
 * a reader wants to know how many there are and that one fix renames them.
 */
import type { ResumeModel, PathEntry } from './document';
import { isOldJsonResumeKey, RENAME_ALL_TITLE } from './schema/validateSchema';
import type { Finding } from './types';

export interface OldNamesReport {
  /** How many `schema/unknown-key` findings are on old JSON Resume names. */
  count: number;
  /** Each name as written, in alphabetical order, with how many keys use it. */
  keys: { key: string; count: number }[];
  /** How many of them the one rename fix renames; 0 when there is no such fix. */
  renamedByOneFix: number;
  /** The report's line about them. */
  summary: string;
}

export function oldNamesReport(model: ResumeModel, findings: readonly Finding[]): OldNamesReport | undefined {
  let byKeyStart: Map<number, PathEntry> | undefined;
  const keys = new Map<string, number>();
  let count = 0;
  let renamedByOneFix = 0;
  for (const finding of findings) {
    if (finding.ruleId !== 'schema/unknown-key') continue;
    byKeyStart ??= new Map([...model.entries.values()].flatMap((entry) => (entry.keyRange ? [[entry.keyRange.start, entry]] : [])));
    const entry = byKeyStart.get(finding.range.start);
    if (!entry || entry.keyRange?.end !== finding.range.end || !isOldJsonResumeKey(entry.segments)) continue;
    const key = String(entry.segments[entry.segments.length - 1]);
    keys.set(key, (keys.get(key) ?? 0) + 1);
    count++;
    if (finding.fixes.some((fix) => fix.title.startsWith(RENAME_ALL_TITLE))) renamedByOneFix++;
  }
  if (count === 0) return undefined;
  const sorted = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, n]) => ({ key, count: n }));
  return { count, keys: sorted, renamedByOneFix, summary: summaryOf(count, sorted, renamedByOneFix) };
}

/** "12 keys use old JSON Resume names (`company` ×5, `website` ×7): one fix renames them all". */
function summaryOf(count: number, keys: OldNamesReport['keys'], renamed: number): string {
  const names = keys.map(({ key, count: n }) => (n > 1 ? `\`${key}\` ×${n}` : `\`${key}\``)).join(', ');
  const subject = count === 1 ? '1 key uses an old JSON Resume name' : `${count} keys use old JSON Resume names`;
  const fix = renamed < 2 ? '' : renamed === count ? ': one fix renames them all' : `: one fix renames ${renamed} of them`;
  return `${subject} (${names})${fix}`;
}
