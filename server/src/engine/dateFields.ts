import type { PathEntry, ResumeModel } from './document';
import type { ResumeDate } from './dates';
import { derivedSlot } from './derived';
import type { TextReader } from './textReader';

export interface DateField {
  section: string;
  entryIndex: number;
  field: string;
  entry: PathEntry;
  date: ResumeDate;
}

const DATE_FIELDS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** Kept per model, and taken over after an edit outside dates (`derivedAfterEdit`). */
export const DATE_FIELDS_SLOT = derivedSlot<DateField[]>('date fields');

/**
 * Every readable date of every section entry (`work[0].startDate`,
 * `awards[1].date`, …). Two rules read them on every keystroke: found once
 * per model, and taken over by the model an edit outside dates makes of it
 * (derived.ts).
 */
export function dateFields(model: ResumeModel, read: TextReader): DateField[] {
  return model.derived.get(DATE_FIELDS_SLOT, () => findDateFields(model, read));
}

/** Whether a key holds a date: an edit there can change what a role's dates say. */
export function isDateField(key: string | number | undefined): boolean {
  return typeof key === 'string' && DATE_FIELDS.has(key);
}

function findDateFields(model: ResumeModel, read: TextReader): DateField[] {
  const fields: DateField[] = [];
  for (const entry of model.entries.values()) {
    const segments = entry.segments;
    if (segments.length !== 3) continue;
    const entryIndex = segments[1];
    const field = segments[2];
    if (typeof entryIndex !== 'number' || typeof field !== 'string' || !DATE_FIELDS.has(field)) continue;
    if (!entry.node || !('value' in entry.node)) continue;
    const date = read.date((entry.node as { value: unknown }).value);
    if (date) fields.push({ section: String(segments[0]), entryIndex, field, entry, date });
  }
  return fields;
}
