import { compareDates, formatDate } from '../engine/dates';
import { dateFields } from '../engine/dateFields';
import type { ResumeRule } from '../engine/rule';

const rule: ResumeRule = {
  meta: {
    id: 'date-order',
    severity: 'error',
    description: 'An entry that ends before it starts.',
    fixable: false,
    tags: ['dates'],
  },
  check(context) {
    const starts = new Map<string, ReturnType<typeof dateFields>[number]>();
    const fields = dateFields(context.model, context.read);
    for (const field of fields) {
      if (field.role === 'start') starts.set(field.entryPath, field);
    }
    for (const field of fields) {
      if (field.role !== 'end') continue;
      const start = starts.get(field.entryPath);
      if (!start || compareDates(field.date, start.date) >= 0) continue;
      context.report({
        range: field.entry.valueRange,
        message: `This entry ends (${formatDate(field.date)}) before it starts (${formatDate(start.date)}): check both dates.`,
      });
    }
  },
};

export default rule;
