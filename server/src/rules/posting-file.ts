import type { ResumeRule } from '../engine/rule';

/** The posting named in `meta.posting` (or the settings) could not be read: say so where it is named. */
const rule: ResumeRule = {
  meta: {
    id: 'posting-file',
    severity: 'warning',
    description: 'The job posting the resume names cannot be read.',
    fixable: false,
    tags: ['posting'],
  },
  check({ model, options, report }) {
    if (!options.postingError) return;
    const entry = model.entries.get('meta.posting');
    report({
      range: entry?.valueRange ?? { start: 0, end: 0 },
      message: options.postingError,
    });
  },
};

export default rule;
