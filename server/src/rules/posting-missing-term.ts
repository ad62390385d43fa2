/**
 * The seed: "Mirror the posting's stack (language, datastore, message
 * broker, cloud) so you clear the keyword filter." With a posting given,
 * each term it asks for that the resume never mentions is one finding on the
 * `skills` key, saying where the posting asked for it, with a fix that adds
 * the term to the right skills group. The fix is never automatic: only the
 * person knows whether they have used it.
 */
import type { ResumeRule } from '../engine/rule';
import { addSkillIntent, postingMatchOf, skillsAnchor, termName } from '../engine/posting';

const rule: ResumeRule = {
  meta: {
    id: 'posting-missing-term',
    severity: 'info',
    description: 'A technology or practice the job posting asks for that the resume never mentions.',
    fixable: true,
    suggestions: ['Add … to the … skills', 'Add … to this skills group', 'Add … in a new … skills group'],
    tags: ['posting'],
  },
  check(context) {
    const { model, report } = context;
    const match = postingMatchOf(context);
    if (!match) return;
    const anchor = skillsAnchor(model);
    if (!anchor) return;
    for (const { term, status } of match.terms) {
      if (status !== 'missing') continue;
      const name = termName(term);
      report({
        range: anchor,
        message: `\`${name}\` is in the posting (${term.where}) but not in the resume: if you have used it, add it to your skills.`,
        fixes: [addSkillIntent(model, term.skillsCategory, name)],
      });
    }
  },
};

export default rule;
