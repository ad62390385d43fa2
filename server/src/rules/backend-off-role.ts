/**
 * The backend advice is the default, and on a resume that plainly is
 * another role's (QA, mobile, front-end, a data analyst's, a manager's…)
 * it is noise: three "no bullet shows database work" notes on an iOS
 * resume teach nothing. When `role` was left at its default and the
 * headline, positions or skills say so (`engine/roleGuess.ts`), the
 * engine holds the backend-only rules back and this rule says so, once,
 * naming the role it read and where; its suggestion writes `role: general`
 * into the settings. A `role: backend` set by the person is respected: no
 * guess is made then.
 */
import type { ResumeRule } from '../engine/rule';

const FIX_TITLE = 'Set `role: general` in .bulletproof.yaml';

const rule: ResumeRule = {
  meta: {
    id: 'backend-off-role',
    severity: 'info',
    description: 'The resume plainly is not a backend one: the backend advice is held back until `role` says which advice to give.',
    fixable: true,
    suggestions: [FIX_TITLE],
    tags: ['backend', 'content'],
  },
  check({ options, report }) {
    const offRole = options.offRole;
    if (!offRole) return;
    report({
      range: offRole.range,
      message:
        `This reads as a ${offRole.roleName} resume (from ${offRole.readFrom}), so the backend advice is held back: ` +
        'set `role: general` to say so and drop this note, or `role: backend` to get the backend advice.',
      fixes: [{ title: FIX_TITLE, changes: [{ kind: 'setSetting', name: 'role', value: 'general' }] }],
    });
  },
};

export default rule;
