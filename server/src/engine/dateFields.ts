import type { ResumeModel } from './model';
import { derivedSlot } from './derived';
import { DATE_KEYS, layoutOf, type DateField } from './layouts';
import type { TextReader } from './textReader';

export type { DateField } from './layouts';

/** Kept per model, and taken over after an edit outside dates (`derivedAfterEdit`). */
export const DATE_FIELDS_SLOT = derivedSlot<DateField[]>('date fields');

/**
 * Every readable date of every section entry (`work[0].startDate`,
 * `awards[1].date`, …), as the file's layout finds them. Two rules read them
 * on every keystroke: found once per model, and taken over by the model an
 * edit outside dates makes of it (derived.ts).
 */
export function dateFields(model: ResumeModel, read: TextReader): DateField[] {
  return model.derived.get(DATE_FIELDS_SLOT, () => layoutOf(model).dates(model, read));
}

/** Whether a key holds a date: an edit there can change what a role's dates say. */
export function isDateField(key: string | number | undefined): boolean {
  return typeof key === 'string' && DATE_KEYS.has(key);
}
