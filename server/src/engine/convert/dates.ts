/**
 * Dates between layouts. JSON Resume and RenderCV write ISO dates (`2021-04`,
 * a bare year may be a number); YAMLResume writes them as people read them
 * (`Apr 2021`). Only what is there is carried: a year stays a year, a month
 * never gains a day.
 */
import { adviseDate, formatDate, parseResumeDate, type ResumeDate } from '../dates';
import type { PathSegment } from '../document';
import { Notes, shown, textOf } from './shape';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date a value holds, read as ISO first, then as people write dates ("Sep 2018", "Sep 1, 2016"). */
function readDate(value: unknown): ResumeDate | 'ongoing' | undefined {
  const iso = parseResumeDate(value);
  if (iso) return iso;
  if (typeof value !== 'string') return undefined;
  const advice = adviseDate(value);
  if (advice.kind === 'ongoing') return 'ongoing';
  return advice.kind === 'rewrite' ? parseResumeDate(advice.suggestion) : undefined;
}

/** Whether a value says the thing is still going on ("present", "current"…). */
export function isOngoing(value: unknown): boolean {
  return readDate(value) === 'ongoing';
}

/**
 * An ISO date for JSON Resume or RenderCV: ISO values (and the number YAML
 * reads for a bare year) as they are, other readable dates rewritten, with a
 * note; text that is no date is kept as written, with a note.
 */
export function isoDate(value: unknown, path: readonly PathSegment[], target: string, notes: Notes): string | number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (parseResumeDate(value)) return value as string | number;
  const date = readDate(value);
  if (date && date !== 'ongoing') {
    const iso = formatDate(date);
    notes.add(path, `written as ${iso}, as ${target} writes dates`);
    return iso;
  }
  const text = textOf(value);
  notes.add(path, `${shown(value)} is not a date ${target} reads: kept as written`);
  return text;
}

/** `Apr 2021`, `Apr 1, 2021` or `2021`, as YAMLResume's own files write dates. */
export function yamlResumeDate(value: unknown, path: readonly PathSegment[], notes: Notes): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = readDate(value);
  if (date === 'ongoing') return undefined;
  if (!date) {
    notes.add(path, `${shown(value)} is not a date YAMLResume reads: kept as written`);
    return textOf(value);
  }
  const month = date.month === undefined ? undefined : MONTH_NAMES[date.month - 1];
  if (month === undefined) return String(date.year);
  return date.day === undefined ? `${month} ${date.year}` : `${month} ${date.day}, ${date.year}`;
}
