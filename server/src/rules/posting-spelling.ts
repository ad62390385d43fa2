/**
 * A keyword filter looks for the posting's words: a resume that says
 * "Postgres" where the posting says "PostgreSQL" may not clear it. For each
 * posting term the resume only ever writes another way, one finding on the
 * resume's spelling (its skills keyword first), with a fix that adopts the
 * posting's. Case alone does not count, and a resume that writes the
 * canonical name is never pushed to a nickname ("Kubernetes" stays, whatever
 * "k8s" the posting uses).
 */
import { properSpelling, postingMatchOf, taxonomy } from '../engine/posting';
import type { ResumeMention } from '../engine/posting';
import type { ResumeRule } from '../engine/rule';
import type { FixIntent } from '../engine/fixIntent';

const ADOPT_TITLE = 'Write …, as the posting does';

const rule: ResumeRule = {
  meta: {
    id: 'posting-spelling',
    severity: 'info',
    description: 'A technology the resume spells differently from the job posting (Postgres where the posting says PostgreSQL).',
    fixable: true,
    fixes: [ADOPT_TITLE],
    suggestions: [ADOPT_TITLE],
    tags: ['posting'],
  },
  check(context) {
    const { report } = context;
    const match = postingMatchOf(context);
    if (!match) return;
    for (const { term, status, mentions } of match.terms) {
      if (status !== 'spelled-differently') continue;
      const mention = mentions.find((m) => m.kind === 'skill') ?? mentions.find((m) => m.kind === 'bullet') ?? mentions[0];
      if (!mention) continue;
      const wanted = properSpelling(term.spelling);
      report({
        range: mention.range,
        message: `\`${mention.spelling}\`: the posting says \`${wanted}\`; write it that way so a keyword search finds it.`,
        fixes: () => [adoptFix(mention, wanted)],
      });
    }
  },
};

function adoptFix(mention: ResumeMention, wanted: string): FixIntent {
  const spans = [{ start: mention.valueStart, end: mention.valueEnd, text: wanted }];
  // Spring for Spring Boot is a different claim, not a different spelling.
  const sameThing = !mention.variant && !taxonomy.formOf(wanted)?.variant;
  const fix: FixIntent = { title: `Write ${wanted}, as the posting does`, changes: [{ kind: 'editText', path: mention.path, spans }] };
  return sameThing ? { ...fix, isPreferred: true, safe: true } : fix;
}

export default rule;
