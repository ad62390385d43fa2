/**
 * A skills list is a claim; a bullet is the evidence. When the posting asks
 * for a term the resume lists among its skills but no bullet shows (directly
 * or through a narrower tool: a bullet on OpenTelemetry shows tracing), the
 * reviewer who searched for it finds a word and nothing behind it. This
 * flags the keyword, with a bullet to fill in that shows it.
 *
 * It is the second step `posting-missing-term` announces ("add it to your
 * skills and show it in a bullet"), so it speaks only where that rule asks
 * for the bullet too: when the resume has highlights a bullet can be added
 * to. Without a posting it stays quiet; the full list of listed-but-not-shown
 * skills is in the report.
 */
import { bulletTarget, postingMatchOf, showTermIntent } from '../engine/posting';
import type { ResumeRule } from '../engine/rule';

const rule: ResumeRule = {
  meta: {
    id: 'posting-skill-not-shown',
    severity: 'info',
    description: 'A skill the job posting asks for that the resume lists but no bullet shows.',
    fixable: true,
    suggestions: ['Add a bullet showing …'],
    tags: ['posting'],
  },
  check(context) {
    const { model, report } = context;
    const match = postingMatchOf(context);
    if (!match) return;
    const target = bulletTarget(model);
    if (!target) return;
    const asked = new Map(match.terms.filter((t) => t.status !== 'missing').map((t) => [t.term.canonical, t.term]));
    for (const mention of match.listedNotShown) {
      const term = asked.get(mention.canonical);
      if (!term) continue;
      report({
        range: mention.range,
        message: `\`${mention.spelling}\` is listed but no bullet shows it, and the posting asks for it (${term.where}): add a bullet where you used it.`,
        fixes: () => [showTermIntent(target, mention.spelling)],
      });
    }
  },
};

export default rule;
