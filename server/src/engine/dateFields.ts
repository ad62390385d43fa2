import type { PathEntry, ResumeModel } from './document';
import { parseResumeDate, type ResumeDate } from './dates';

export interface DateField {
  section: string;
  entryIndex: number;
  field: string;
  entry: PathEntry;
  date: ResumeDate;
}

const DATE_FIELDS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** Two rules read them on every keystroke: found once per model. */
const byModel = new WeakMap<ResumeModel, DateField[]>();

/** Every readable date of every section entry (`work[0].startDate`, `awards[1].date`, …). */
export function dateFields(model: ResumeModel): DateField[] {
  let fields = byModel.get(model);
  if (!fields) {
    fields = findDateFields(model);
    byModel.set(model, fields);
  }
  return fields;
}

/** Whether a key holds a date: an edit there can change what a role's dates say. */
export function isDateField(key: string | number | undefined): boolean {
  return typeof key === 'string' && DATE_FIELDS.has(key);
}

/**
 * After an edit inside one scalar that is not a date, the new model has the
 * dates of the old one: their entries are updated in place, their values are
 * the same. Typing in a bullet must not read every entry of a long file again.
 */
export function carryDateFields(from: ResumeModel, to: ResumeModel): void {
  const fields = byModel.get(from);
  if (fields && !byModel.has(to)) byModel.set(to, fields);
}

function findDateFields(model: ResumeModel): DateField[] {
  const fields: DateField[] = [];
  for (const entry of model.entries.values()) {
    const segments = entry.segments;
    if (segments.length !== 3) continue;
    const entryIndex = segments[1];
    const field = segments[2];
    if (typeof entryIndex !== 'number' || typeof field !== 'string' || !DATE_FIELDS.has(field)) continue;
    if (!entry.node || !('value' in entry.node)) continue;
    const date = parseResumeDate((entry.node as { value: unknown }).value);
    if (date) fields.push({ section: String(segments[0]), entryIndex, field, entry, date });
  }
  return fields;
}
