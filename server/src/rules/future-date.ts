import { compareDates, formatDate, today } from '../engine/dates';
import { dateFields } from '../engine/dateFields';
import { resumeView } from '../engine/layouts';
import type { ResumeRule } from '../engine/rule';

const rule: ResumeRule = {
  meta: {
    id: 'future-date',
    severity: 'warning',
    description: 'A date in the future, other than an expected graduation.',
    fixable: false,
    tags: ['dates'],
  },
  check(context) {
    const now = today(context.options.today);
    for (const field of dateFields(context.model, context.read)) {
      // An education end date in the future is an expected graduation: fine.
      if (field.entryKind === 'education' && field.role === 'end') continue;
      if (compareDates(field.date, now) <= 0) continue;
      const advice =
        field.role === 'end'
          ? ` For a current role, ${resumeView(context.model).terms.currentRoleEnd}.`
          : ' Check the year, or leave the entry out until it has happened.';
      context.report({
        range: field.entry.valueRange,
        message: `\`${field.field}\` ${formatDate(field.date)} is in the future.${advice}`,
      });
    }
  },
};

export default rule;
