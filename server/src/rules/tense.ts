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
import { coordinatedVerbs, verbForm, type Opening, type Tense } from '../engine/openings';
import { looseOpening } from '../engine/looseOpenings';
import { proseToRaw, type Word } from '../engine/prose';
import type { ResumeRule, RuleContext } from '../engine/rule';
import type { TextReader } from '../engine/textReader';
import { editBulletText, type FixIntent, type TextSpan } from '../engine/fixIntent';
import { gerundToPast, pastToPresent, presentToPast } from '../engine/verbs';
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

/** How an opening reads: in a tense, or ("Leading a team …") as ongoing. */
type Reading = Tense | 'ongoing';

interface Candidate {
  bullet: Bullet;
  opening: Opening;
  reading: Reading;
  /** The opening verb and the verbs joined to it, conjugated together. */
  verbs: Word[];
  /** Recognised without the action-verb list (`engine/looseOpenings.ts`): its fix is a suggestion. */
  guessed: boolean;
}

/** The opening a bullet is judged by: a listed verb, or in a role that has ended, a careful guess. */
function candidateOf(bullet: Bullet, read: TextReader, ended: boolean): Candidate | undefined {
  const opening = read.opening(bullet.text);
  if (opening) {
    if (!opening.form.tense || describesTheProject(bullet, opening)) return undefined;
    return { bullet, opening, reading: opening.form.tense, verbs: coordinatedVerbs(opening), guessed: false };
  }
  const loose = ended ? looseOpening(bullet.text, read) : undefined;
  return loose && { bullet, opening: loose.opening, reading: loose.reading, verbs: loose.verbs, guessed: true };
}

/** One verb moved to `to`: "Manage" → "Managed", "Leading" → "Led", "Co-Manage" → "Co-Managed" (the prefix as written). */
function conjugateWord(word: string, from: Reading, to: Tense): string {
  const prefixed = /^([A-Za-z]+-)(.+)$/.exec(word);
  if (prefixed && verbForm(word)) return (prefixed[1] ?? '') + conjugateWord(prefixed[2] ?? '', from, to);
  if (from === 'ongoing') return gerundToPast(word);
  return to === 'past' ? presentToPast(word) : pastToPresent(word);
}

/** Each opening verb's place in the bullet's text, and the verb in tense `to`. */
function conjugation(candidate: Candidate, to: Tense): TextSpan[] {
  const { bullet, opening } = candidate;
  return candidate.verbs.map((word) => {
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    return { start, end, text: conjugateWord(bullet.text.slice(start, end), candidate.reading, to) };
  });
}

function headWord(candidate: Candidate): string {
  return candidate.opening.words[candidate.opening.index]!.text;
}

function tenseFix(candidate: Candidate, to: Tense, safe: boolean): FixIntent[] {
  const spans = conjugation(candidate, to);
  if (spans.every((span) => span.text === candidate.bullet.text.slice(span.start, span.end))) return [];
  const word = headWord(candidate);
  return [
    {
      title: `Change \`${word}\` to \`${conjugateWord(word, candidate.reading, to)}\``,
      // Only the verb's letters change where they can: `--fix` leaves the rest of the bullet byte for byte.
      changes: [editBulletText(candidate.bullet, spans)],
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
    if (candidate.reading === 'past') continue;
    const word = headWord(candidate);
    const target = conjugateWord(word, candidate.reading, 'past');
    // "Split", "Cut", "Set": the same word in both tenses reads as the past.
    if (target.toLowerCase() === word.toLowerCase()) continue;
    const message =
      candidate.reading === 'ongoing'
        ? `\`${word}\` reads as ongoing, but this role has ended: write \`${target}\`.`
        : `\`${word}\` is present tense, but this role has ended: write \`${target}\`.`;
    // A guessed verb, or an "-ing" word that may head a noun phrase ("Monitoring dashboards"): a person decides.
    report(context, candidate, 'past', message, !candidate.guessed);
  }
}

function checkCurrent(context: RuleContext, all: readonly Candidate[]): void {
  // Only listed verbs count here: a guess must not tip a role's majority.
  // A verb the same in both tenses ("Cut") sides with neither.
  const candidates = all.filter((c) => !c.guessed && !sameInBothTenses(c));
  const present = candidates.filter((c) => c.reading === 'present').length;
  const past = candidates.length - present;
  if (present === 0 || past === 0) return;
  // On a tie the present-tense ones go: see the file comment.
  const minority: Tense = past < present ? 'past' : 'present';
  const majority: Tense = minority === 'past' ? 'present' : 'past';
  const share = present === past ? 'half' : 'most';
  for (const candidate of candidates) {
    if (candidate.reading !== minority) continue;
    const word = headWord(candidate);
    const target = conjugateWord(word, minority, majority);
    const message = `\`${word}\` is ${minority} tense, but ${share} of this current role's bullets are ${majority} tense: pick one tense for the role (\`${target}\`).`;
    // Not safe: turning a finished result into a present duty (or back) can change what the bullet claims.
    report(context, candidate, majority, message, false);
  }
}

function sameInBothTenses(candidate: Candidate): boolean {
  const word = headWord(candidate).toLowerCase();
  return (
    conjugateWord(word, candidate.reading, 'past').toLowerCase() === word &&
    conjugateWord(word, candidate.reading, 'present').toLowerCase() === word
  );
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
  // What a finding and its message are made of: the opening verb, how it reads and where, and whether it is exempt or a guess.
  readsOfEachBullet(bullet, read) {
    if (bullet.kind !== 'highlight') return '';
    const candidate = candidateOf(bullet, read, true);
    if (!candidate) return '';
    const spans = candidate.verbs.map((word) => proseToRaw(candidate.opening.prose, word.start, word.end));
    return `${candidate.reading} ${candidate.guessed} ${headWord(candidate)} ${spans.map((span) => `${span.start}-${span.end}`).join(',')}`;
  },
  check(context) {
    const byEntry = new Map<string, Bullet[]>();
    for (const bullet of context.model.bullets) {
      // Summaries often describe the company ("Acme builds payroll software"), in the present by right.
      if (bullet.kind !== 'highlight') continue;
      const list = byEntry.get(bullet.entryPath) ?? [];
      list.push(bullet);
      byEntry.set(bullet.entryPath, list);
    }
    for (const [entryPath, bullets] of byEntry) {
      const state = roleState(context.model, entryPath, context.options.today, context.read);
      if (state === 'unknown') continue;
      const candidates = bullets.flatMap((bullet) => candidateOf(bullet, context.read, state === 'ended') ?? []);
      if (state === 'ended') checkEnded(context, candidates);
      else checkCurrent(context, candidates);
    }
  },
};

export default rule;
