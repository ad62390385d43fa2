/**
 * How long a person has worked, from the dates of their work entries: what
 * the page limit depends on (one page under five years, else two).
 */
import { adviseDate, parseWrittenDate, type ResumeDate } from '../dates';
import { resumeView } from '../layouts';
import type { ResumeModel } from '../model';
import { scalarValueAt } from '../writtenValues';

export interface WorkExperience {
  /** Whole months covered by at least one work entry, overlaps counted once. */
  months: number;
  /** Work entries whose span could be read; none means the length of the career is unknown. */
  datedEntries: number;
}

/**
 * The months between each work entry's start and its end (today for a
 * current role: no end, or "Present"), merged where roles overlap. Dates
 * are read as written in any layout (`2021-04`, `Apr 2021`, `2021`). A
 * start written as a year alone counts from its January, an end written
 * so up to its December (never past today). Entries with no readable
 * start, an end that is neither a date nor "Present", or an end before
 * the start are left out: other rules report those.
 */
export function workExperience(model: ResumeModel, today: Date): WorkExperience {
  const now = today.getUTCFullYear() * 12 + today.getUTCMonth();
  const spans: [number, number][] = [];
  for (const entry of resumeView(model).entries) {
    if (entry.kind !== 'work') continue;
    const start = parseWrittenDate(scalarValueAt(model, entry.startPath));
    if (!start) continue;
    const endValue = scalarValueAt(model, entry.endPath);
    const end = parseWrittenDate(endValue);
    const from = monthIndex(start, 1);
    const to = end ? Math.min(monthIndex(end, 12), now) : isOngoing(endValue) ? now : undefined;
    if (to === undefined || to < from) continue;
    spans.push([from, to + 1]);
  }
  return { months: mergedLength(spans), datedEntries: spans.length };
}

function monthIndex(date: ResumeDate, monthIfUnwritten: number): number {
  return date.year * 12 + (date.month ?? monthIfUnwritten) - 1;
}

/** No end written, or one that says the role goes on ("Present"). */
function isOngoing(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return typeof value === 'string' && adviseDate(value).kind === 'ongoing';
}

/** The length of the union of half-open spans. */
function mergedLength(spans: [number, number][]): number {
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, reached);
    if (to > start) total += to - start;
    reached = Math.max(reached, to);
  }
  return total;
}
