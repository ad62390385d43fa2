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

/** Every readable date of every section entry (`work[0].startDate`, `awards[1].date`, …). */
export function dateFields(model: ResumeModel): DateField[] {
  const fields: DateField[] = [];
  for (const entry of model.entries.values()) {
    const [section, entryIndex, field] = entry.segments;
    if (entry.segments.length !== 3 || typeof entryIndex !== 'number' || typeof field !== 'string') continue;
    if (!DATE_FIELDS.has(field) || !entry.node || !('value' in entry.node)) continue;
    const date = parseResumeDate((entry.node as { value: unknown }).value);
    if (date) fields.push({ section: String(section), entryIndex, field, entry, date });
  }
  return fields;
}
