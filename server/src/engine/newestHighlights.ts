/**
 * Where a fix adds a bullet to fill in: the highlights of the most recent
 * entry, the one a reader looks at first. Resumes list the newest first, so
 * only a strictly newer entry replaces the first found.
 */
import { compareDates, parseResumeDate, type ResumeDate } from './dates';
import type { ResumeModel } from './document';
import { resumeView, type EntryKind } from './layouts';
import { listLengthAt, scalarValueAt } from './writtenValues';

/** The path of the highlights list of the most recent entry of this kind that has one. */
export function newestHighlights(model: ResumeModel, kind: EntryKind = 'work'): string | undefined {
  let best: (Dated & { path: string }) | undefined;
  for (const entry of resumeView(model).entries) {
    const path = entry.highlightsPath;
    if (entry.kind !== kind || !listLengthAt(model, path)) continue;
    const candidate = {
      path,
      end: endOf(scalarValueAt(model, entry.endPath)),
      start: parseResumeDate(scalarValueAt(model, entry.startPath)),
    };
    if (!best || newer(candidate, best)) best = candidate;
  }
  return best?.path;
}

type Dated = { end: ResumeDate | 'ongoing'; start?: ResumeDate };

function newer(a: Dated, b: Dated): boolean {
  if (a.end !== b.end && (a.end === 'ongoing' || b.end === 'ongoing')) return a.end === 'ongoing';
  if (a.end !== 'ongoing' && b.end !== 'ongoing') {
    const byEnd = compareDates(a.end, b.end);
    if (byEnd !== 0) return byEnd > 0;
  }
  return !!a.start && !!b.start && compareDates(a.start, b.start) > 0;
}

/** No end date, or one that is not a date ("Present"): the entry is current. */
function endOf(value: unknown): ResumeDate | 'ongoing' {
  return parseResumeDate(value) ?? 'ongoing';
}
