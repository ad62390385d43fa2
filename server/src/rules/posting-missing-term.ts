/**
 * The seed: "Mirror the posting's stack (language, datastore, message
 * broker, cloud) so you clear the keyword filter." With a posting given,
 * each term it asks for that the resume never mentions is one finding on the
 * `skills` key, saying where the posting asked for it.
 *
 * Listing a term is half the job: `posting-skill-not-shown` then asks for a
 * bullet that shows it. So the message names both steps from the start, and
 * the fixes are both steps: add the term to the right skills group (the
 * posting's main language first in the languages group), or add a bullet to
 * fill in that shows it. Neither is automatic: only the person knows whether
 * they have used it. A resume with no highlights to add a bullet to is only
 * asked for the skill, and `posting-skill-not-shown` stays quiet there too.
 */
import type { ResumeRule } from '../engine/rule';
import { addTermIntent, bulletTarget, postingMatchOf, showTermIntent, skillsAnchor, termName } from '../engine/posting';

const rule: ResumeRule = {
  meta: {
    id: 'posting-missing-term',
    severity: 'info',
    description: 'A technology or practice the job posting asks for that the resume never mentions.',
    fixable: true,
    suggestions: [
      'Add … to the … skills',
      'Add … to this skills group',
      'Add … in a new … skills group',
      'Add … first in …',
      'Add a bullet showing …',
    ],
    tags: ['posting'],
  },
  check(context) {
    const { model, report } = context;
    const match = postingMatchOf(context);
    if (!match) return;
    const anchor = skillsAnchor(model);
    if (!anchor) return;
    const target = bulletTarget(model);
    for (const found of match.terms) {
      if (found.status !== 'missing') continue;
      const { term } = found;
      const name = termName(term);
      const steps = target ? 'add it to your skills and show it in a bullet' : 'add it to your skills';
      report({
        range: anchor,
        message: `\`${name}\` is in the posting (${term.where}) but not in the resume: if you have used it, ${steps}.`,
        fixes: () => [addTermIntent(model, match, found), ...(target ? [showTermIntent(target, name)] : [])],
      });
    }
  },
};

export default rule;
