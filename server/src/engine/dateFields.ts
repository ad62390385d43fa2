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
