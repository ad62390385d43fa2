import { firstRootKey } from '../engine/document';
import type { ResumeRule } from '../engine/rule';
import type { OffsetRange } from '../engine/types';
import { printed } from '../engine/plainValue';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
// Any non-empty value counts: a wrong type is the schema's to report.
const hasText = (value: unknown) => value !== null && value !== undefined && printed(value).trim() !== '';

const rule: ResumeRule = {
  meta: {
    id: 'completeness',
    severity: 'warning',
    description: 'A resume without a name, a way to reach the person, or work highlights.',
    fixable: false,
    tags: ['structure'],
  },
  check({ model, report }) {
    const rootKey = firstRootKey(model);
    if (!isObject(model.value) || rootKey === undefined) return;
    const resume = model.value;
    const firstKey = model.entries.get(rootKey)?.keyRange;
    const fallback: OffsetRange = firstKey ?? { start: 0, end: 0 };
    const basicsKey = model.entries.get('basics')?.keyRange ?? fallback;
    const basics = isObject(resume.basics) ? resume.basics : {};

    if (!hasText(basics.name)) {
      report({ range: basicsKey, message: 'The resume has no name: add `basics.name`.' });
    }
    const profiles = Array.isArray(basics.profiles) ? basics.profiles : [];
    if (!hasText(basics.email) && !hasText(basics.phone) && !hasText(basics.url) && profiles.length === 0) {
      report({
        range: basicsKey,
        message: 'The resume gives no way to reach you: add `basics.email`, `basics.phone`, `basics.url` or a profile.',
      });
    }
    const work = Array.isArray(resume.work) ? resume.work : [];
    const hasHighlights = work.some((job) => isObject(job) && Array.isArray(job.highlights) && job.highlights.length > 0);
    if (!hasHighlights) {
      report({
        range: model.entries.get('work')?.keyRange ?? fallback,
        message:
          work.length === 0
            ? 'The resume has no work experience: add a `work` entry with `highlights`, the bullets reviewers read first.'
            : 'No work entry has `highlights`: add the bullets reviewers read first, one achievement each.',
      });
    }
  },
};

export default rule;
