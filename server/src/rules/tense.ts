/**
 * Tense that does not match the role: a finished job described in the
 * present ("Manage the on-call rotation" at a company you left), or a current
 * one that mixes present and past openings.
 *
 * Only bullets that open with a listed action verb are judged (see
 * `engine/openings.ts`): "Kubernetes migration …", "Lead engineer for …"
 * are left alone.
 *
 * In a current role the minority tense is flagged; on a tie the present-tense
 * bullets are, because a bullet that reports a result (the kind reviewers look
 * for) reads naturally in the past even in a job you still hold.
 */
import type { Bullet, ResumeModel } from '../engine/document';
import { rangeInBullet } from '../engine/document';
import { compareDates, today as todayOf } from '../engine/dates';
import { coordinatedVerbs, type Opening, type Tense } from '../engine/openings';
import { proseToRaw } from '../engine/prose';
import type { ResumeRule, RuleContext } from '../engine/rule';
import type { TextReader } from '../engine/textReader';
import { editBulletText, type FixIntent, type TextSpan } from '../engine/fixIntent';
import { pastToPresent, presentToPast } from '../engine/verbs';
import { scalarValueAt } from '../engine/writtenValues';
import { resumeView } from '../engine/layouts';

type RoleState = 'ended' | 'current' | 'unknown';

/**
 * Whether the entry a bullet belongs to has ended, from its end date (and
 * its start date for a current one); `present` and the like say it has not.
 */
export function roleState(model: ResumeModel, entryPath: string, now: Date, read: TextReader): RoleState {
  const entry = resumeView(model).entries.find((candidate) => candidate.path === entryPath);
  if (!entry) return 'unknown';
  const end = scalarValueAt(model, entry.endPath);
  if (end === undefined || end === null || (typeof end === 'string' && end.trim() === '')) {
    return scalarValueAt(model, entry.startPath) === undefined ? 'unknown' : 'current';
  }
  let date = read.date(end);
  if (!date && typeof end === 'string') {
    const advice = read.dateAdvice(end);
    if (advice.kind === 'ongoing') return 'current';
    if (advice.kind === 'rewrite') date = read.date(advice.suggestion);
  }
  if (!date) return 'unknown';
  // An end date still ahead is a role that has not ended yet.
  return compareDates(date, todayOf(now)) > 0 ? 'current' : 'ended';
}

interface Candidate {
  bullet: Bullet;
  opening: Opening;
  tense: Tense;
}

/** The bullet with its opening verb(s) moved to `to`, conjugated with `verbs.ts`. */
export function conjugated(bullet: Bullet, opening: Opening, to: Tense): string {
  let out = bullet.text;
  // Last first, so earlier indices stay valid.
  for (const span of conjugation(bullet, opening, to).reverse()) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}

/** Each opening verb's place in the bullet's text, and the verb in tense `to`. */
function conjugation(bullet: Bullet, opening: Opening, to: Tense): TextSpan[] {
  return coordinatedVerbs(opening).map((word) => {
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    const raw = bullet.text.slice(start, end);
    return { start, end, text: to === 'past' ? presentToPast(raw) : pastToPresent(raw) };
  });
}

function tenseFix(candidate: Candidate, to: Tense, safe: boolean): FixIntent[] {
  const value = conjugated(candidate.bullet, candidate.opening, to);
  if (value === candidate.bullet.text) return [];
  const word = candidate.opening.words[candidate.opening.index]!.text;
  const target = to === 'past' ? presentToPast(word) : pastToPresent(word);
  return [
    {
      title: `Change \`${word}\` to \`${target}\``,
      // Only the verb's letters change where they can: `--fix` leaves the rest of the bullet byte for byte.
      changes: [editBulletText(candidate.bullet, conjugation(candidate.bullet, candidate.opening, to))],
      ...(safe ? { isPreferred: true, safe } : {}),
    },
  ];
}

function report(context: RuleContext, candidate: Candidate, to: Tense, message: string, safe: boolean): void {
  const { bullet, opening } = candidate;
  const word = opening.words[opening.index]!;
  const { start, end } = proseToRaw(opening.prose, word.start, word.end);
  context.report({
    range: rangeInBullet(context.model, bullet, start, end),
    message,
    fixes: () => tenseFix(candidate, to, safe),
  });
}

function checkEnded(context: RuleContext, candidates: readonly Candidate[]): void {
  for (const candidate of candidates) {
    if (candidate.tense !== 'present') continue;
    const word = candidate.opening.words[candidate.opening.index]!.text;
    const message = `\`${word}\` is present tense, but this role has ended: write \`${presentToPast(word)}\`.`;
    report(context, candidate, 'past', message, true);
  }
}

function checkCurrent(context: RuleContext, candidates: readonly Candidate[]): void {
  const present = candidates.filter((c) => c.tense === 'present').length;
  const past = candidates.length - present;
  if (present === 0 || past === 0) return;
  // On a tie the present-tense ones go: see the file comment.
  const minority: Tense = past < present ? 'past' : 'present';
  const majority: Tense = minority === 'past' ? 'present' : 'past';
  const share = present === past ? 'half' : 'most';
  for (const candidate of candidates) {
    if (candidate.tense !== minority) continue;
    const word = candidate.opening.words[candidate.opening.index]!.text;
    const target = minority === 'past' ? pastToPresent(word) : presentToPast(word);
    const message = `\`${word}\` is ${minority} tense, but ${share} of this current role's bullets are ${majority} tense: pick one tense for the role (\`${target}\`).`;
    // Not safe: turning a finished result into a present duty (or back) can change what the bullet claims.
    report(context, candidate, majority, message, false);
  }
}

/** "Supports CSV export" under a project describes the software, which still does it: the present is right. */
function describesTheProject(bullet: Bullet, opening: Opening): boolean {
  const word = opening.words[opening.index]!.lower;
  return bullet.section === 'projects' && opening.form.tense === 'present' && word !== opening.form.base;
}

const rule: ResumeRule = {
  meta: {
    id: 'tense',
    severity: 'info',
    description: 'A bullet in the present tense for a role that has ended, or a current role that mixes present and past.',
    fixable: true,
    fixes: ['Change `…` to `…`'],
    suggestions: ['Change `…` to `…`'],
    tags: ['prose'],
  },
  // What a finding and its message are made of: the opening verb, its tense and place, and whether it is exempt.
  readsOfEachBullet(bullet, read) {
    const opening = bullet.kind === 'highlight' ? read.opening(bullet.text) : undefined;
    if (!opening?.form.tense) return '';
    const word = opening.words[opening.index]!;
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    return `${opening.form.tense} ${word.text} ${start} ${end} ${describesTheProject(bullet, opening)}`;
  },
  check(context) {
    const byEntry = new Map<string, Candidate[]>();
    for (const bullet of context.model.bullets) {
      // Summaries often describe the company ("Acme builds payroll software"), in the present by right.
      if (bullet.kind !== 'highlight') continue;
      const opening = context.read.opening(bullet.text);
      if (!opening?.form.tense || describesTheProject(bullet, opening)) continue;
      const list = byEntry.get(bullet.entryPath) ?? [];
      list.push({ bullet, opening, tense: opening.form.tense });
      byEntry.set(bullet.entryPath, list);
    }
    for (const [entryPath, candidates] of byEntry) {
      const state = roleState(context.model, entryPath, context.options.today, context.read);
      if (state === 'ended') checkEnded(context, candidates);
      else if (state === 'current') checkCurrent(context, candidates);
    }
  },
};

export default rule;
