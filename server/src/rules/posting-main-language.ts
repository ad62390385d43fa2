/**
 * The seed: "Backend roles cluster around a primary language … lead with
 * the one the role uses and that you know best rather than listing all of
 * them shallowly." When the posting centres on a language (its title, or the
 * one it names most) that the resume lists but not first, this flags it in
 * the languages list and offers to move it to the front, keeping the list's
 * style and comments.
 */
import { moveLanguageChange, postingMatchOf } from '../engine/posting';
import type { ResumeRule } from '../engine/rule';

const rule: ResumeRule = {
  meta: {
    id: 'posting-main-language',
    severity: 'info',
    description: "The job posting's main language is not the first language the resume lists.",
    fixable: true,
    suggestions: ['Move … first'],
    tags: ['posting'],
  },
  check(context) {
    const { model, report } = context;
    const match = postingMatchOf(context);
    const main = match?.posting.mainLanguage;
    const list = match?.languages;
    const first = list?.languages[0];
    if (!main || !list || !first) return;
    const position = list.languages.findIndex((item) => item.canonical === main);
    if (position === 0) return;
    const groupName = list.group.name || 'skills';
    if (position < 0) {
      // Absent from the resume altogether: `posting-missing-term` says so, once.
      if (!match.terms.some((t) => t.term.canonical === main && t.status !== 'missing')) return;
      const keyRange = model.entries.get(list.path)?.keyRange ?? first.mention.range;
      report({
        range: keyRange,
        message: `The posting's main language is \`${main}\`, but your ${groupName} list does not include it: if you use it, list it first.`,
      });
      return;
    }
    const item = list.languages[position];
    if (!item) return;
    const move = moveLanguageChange(list, item, first);
    report({
      range: item.mention.range,
      message: `\`${item.mention.spelling}\` is the posting's main language but comes after \`${first.mention.spelling}\` in your ${groupName}: lead with it.`,
      // A suggestion: only the person knows which language they know best.
      fixes: move ? [{ title: `Move ${item.mention.spelling} first`, changes: [move] }] : [],
    });
  },
};

export default rule;
