import { resumeView } from '../engine/layouts';
import type { ResumeRule } from '../engine/rule';

const rule: ResumeRule = {
  meta: {
    id: 'completeness',
    severity: 'warning',
    description: 'A resume without a name, a way to reach the person, or work highlights.',
    fixable: false,
    tags: ['structure'],
  },
  check({ model, report }) {
    const view = resumeView(model);
    if (!view.readable) return;
    const { basics, terms } = view;
    if (!basics.hasName) {
      report({ range: basics.anchor, message: `The resume has no name: add ${terms.name}.` });
    }
    if (!basics.hasContact) {
      report({ range: basics.anchor, message: `The resume gives no way to reach you: add ${terms.contact}.` });
    }
    const work = view.entries.filter((entry) => entry.kind === 'work');
    if (!work.some((job) => job.highlights > 0)) {
      report({
        range: view.workAnchor ?? view.rootAnchor,
        message:
          work.length === 0
            ? `The resume has no work experience: add ${terms.workEntry}, the bullets reviewers read first.`
            : `${terms.noHighlights}: add the bullets reviewers read first, one achievement each.`,
      });
    }
  },
};

export default rule;
