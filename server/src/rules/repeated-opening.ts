/**
 * The same opening verb again and again: more than two bullets of one role,
 * or more than three in the whole resume. A reviewer skimming the left edge
 * sees "Developed, Developed, Developed" and stops telling the bullets apart.
 *
 * Verbs are compared by their base form, so "Led" and "Lead" are the same
 * opening, and only the listed action verbs of `tense` count: a bullet that
 * opens with "The" or a product name is not a repeated verb. The fixes offer
 * two or three synonyms in the same tense; choosing one is a judgement call,
 * so none is marked preferred or safe.
 */
import type { Bullet, ResumeModel } from '../engine/document';
import { rangeInBullet } from '../engine/document';
import { proseToRaw } from '../engine/prose';
import type { ResumeRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';
import type { OffsetRange } from '../engine/types';
import { pastTense } from '../engine/verbs';
import { thirdPerson, type Opening, type VerbForm } from '../engine/openings';

export const MAX_PER_ROLE = 2;
export const MAX_PER_RESUME = 3;

/** Base form → alternatives that keep the sentence grammatical when swapped in. */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  develop: ['build', 'implement', 'create'],
  build: ['develop', 'implement', 'create'],
  create: ['build', 'develop', 'introduce'],
  design: ['architect', 'engineer', 'devise'],
  implement: ['build', 'develop', 'deliver'],
  lead: ['direct', 'drive', 'head'],
  manage: ['run', 'oversee', 'direct'],
  improve: ['optimize', 'strengthen', 'enhance'],
  optimize: ['tune', 'streamline', 'improve'],
  reduce: ['cut', 'lower', 'decrease'],
  increase: ['raise', 'grow', 'boost'],
  maintain: ['run', 'support', 'sustain'],
  write: ['author', 'draft', 'produce'],
  add: ['introduce', 'implement', 'build'],
  automate: ['script', 'streamline'],
  deploy: ['launch', 'ship', 'release'],
  migrate: ['move', 'port', 'transition'],
  collaborate: ['partner', 'work'],
  integrate: ['connect', 'incorporate'],
  architect: ['design', 'engineer'],
  support: ['maintain', 'serve'],
  mentor: ['coach', 'train', 'guide'],
  fix: ['resolve', 'repair', 'debug'],
  refactor: ['restructure', 'rework', 'simplify'],
  launch: ['ship', 'release', 'deliver'],
  deliver: ['ship', 'launch', 'complete'],
  establish: ['create', 'introduce', 'found'],
  analyze: ['evaluate', 'assess', 'investigate'],
  test: ['validate', 'verify'],
  research: ['investigate', 'explore', 'study'],
  coordinate: ['organize', 'orchestrate', 'align'],
  conduct: ['run', 'lead', 'perform'],
  perform: ['run', 'conduct', 'execute'],
  provide: ['deliver', 'supply', 'offer'],
  introduce: ['launch', 'establish', 'add'],
  ship: ['deliver', 'launch', 'release'],
  drive: ['lead', 'champion', 'spearhead'],
  own: ['lead', 'run', 'manage'],
  run: ['manage', 'lead', 'operate'],
  oversee: ['manage', 'direct', 'supervise'],
  spearhead: ['lead', 'drive', 'champion'],
  engineer: ['design', 'build', 'develop'],
  troubleshoot: ['debug', 'diagnose', 'resolve'],
  monitor: ['track', 'observe', 'measure'],
  train: ['coach', 'mentor', 'teach'],
  enhance: ['improve', 'extend', 'upgrade'],
  upgrade: ['modernize', 'update', 'improve'],
  handle: ['manage', 'process', 'resolve'],
  define: ['specify', 'outline', 'establish'],
  use: ['apply', 'employ'],
  utilize: ['apply', 'employ', 'use'],
  leverage: ['apply', 'employ', 'use'],
  configure: ['tune', 'provision'],
};

interface Opened {
  bullet: Bullet;
  opening: Opening;
}

function openingWord(opened: Opened): string {
  return opened.opening.words[opened.opening.index]!.text;
}

/** The synonym in the opening's tense and case: "Built" with `develop` → "Developed"; undefined for "Set", "Cut". */
export function inSameForm(word: string, form: VerbForm, synonym: string): string | undefined {
  if (!form.tense) return undefined;
  const lower = word.toLowerCase();
  const out = form.tense === 'past' ? pastTense(synonym) : lower === form.base ? synonym : thirdPerson(synonym);
  return /^\p{Lu}/u.test(word) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/**
 * Up to three synonyms, least used first, leaving out any that already open
 * as many bullets as the limit allows (swapping one in would only move the
 * problem).
 */
function synonymFixes(opened: Opened, counts: ReadonlyMap<string, number>, limit: number): FixIntent[] {
  const { bullet, opening } = opened;
  const word = opening.words[opening.index]!;
  const { start, end } = proseToRaw(opening.prose, word.start, word.end);
  const count = (verb: string): number => counts.get(verb) ?? 0;
  const choices = (SYNONYMS[opening.form.base] ?? [])
    .filter((synonym) => count(synonym) < limit)
    .sort((a, b) => count(a) - count(b))
    .slice(0, 3);
  const fixes: FixIntent[] = [];
  for (const synonym of choices) {
    const replacement = inSameForm(word.text, opening.form, synonym);
    if (!replacement) continue;
    const value = bullet.text.slice(0, start) + replacement + bullet.text.slice(end);
    fixes.push({ title: `Change \`${word.text}\` to \`${replacement}\``, changes: [setText(bullet, [value])] });
  }
  return fixes;
}

function countByVerb(list: readonly Opened[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const opened of list) counts.set(opened.opening.form.base, (counts.get(opened.opening.form.base) ?? 0) + 1);
  return counts;
}

function groupByVerb(list: readonly Opened[]): Map<string, Opened[]> {
  const groups = new Map<string, Opened[]>();
  for (const opened of list) {
    const group = groups.get(opened.opening.form.base) ?? [];
    group.push(opened);
    groups.set(opened.opening.form.base, group);
  }
  return groups;
}

const rule: ResumeRule = {
  meta: {
    id: 'repeated-opening',
    severity: 'info',
    description: `The same opening verb in more than ${MAX_PER_ROLE} bullets of one role, or more than ${MAX_PER_RESUME} in the resume.`,
    fixable: true,
    suggestions: ['Change `…` to `…`'],
    tags: ['prose'],
  },
  // What the findings depend on: each highlight's opening verb and where its word stands.
  readsOfEachBullet(bullet, read) {
    const opening = bullet.kind === 'highlight' ? read.opening(bullet.text) : undefined;
    if (!opening) return '';
    const word = opening.words[opening.index]!;
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    return `${opening.form.base} ${word.text} ${start} ${end}`;
  },
  check({ model, report, read }) {
    const all: Opened[] = [];
    const byRole = new Map<string, Opened[]>();
    for (const bullet of model.bullets) {
      if (bullet.kind !== 'highlight') continue;
      const opening = read.opening(bullet.text);
      if (!opening) continue;
      const opened = { bullet, opening };
      all.push(opened);
      const role = byRole.get(bullet.entryPath) ?? [];
      role.push(opened);
      byRole.set(bullet.entryPath, role);
    }

    const flagged = new Set<Opened>();
    for (const role of byRole.values()) {
      const counts = countByVerb(role);
      for (const group of groupByVerb(role).values()) {
        if (group.length <= MAX_PER_ROLE) continue;
        for (const opened of group.slice(MAX_PER_ROLE)) {
          flagged.add(opened);
          const word = openingWord(opened);
          report({
            range: rangeOf(model, opened),
            message: `\`${word}\` opens ${group.length} bullets in this role: vary the verb so each bullet stands apart.`,
            fixes: () => synonymFixes(opened, counts, MAX_PER_ROLE),
          });
        }
      }
    }

    const counts = countByVerb(all);
    for (const group of groupByVerb(all).values()) {
      if (group.length <= MAX_PER_RESUME) continue;
      for (const opened of group.slice(MAX_PER_RESUME)) {
        if (flagged.has(opened)) continue;
        report({
          range: rangeOf(model, opened),
          message: `\`${openingWord(opened)}\` opens ${group.length} bullets in this resume: vary the verb so each bullet stands apart.`,
          fixes: () => synonymFixes(opened, counts, MAX_PER_RESUME),
        });
      }
    }
  },
};

function rangeOf(model: ResumeModel, opened: Opened): OffsetRange {
  const word = opened.opening.words[opened.opening.index]!;
  const { start, end } = proseToRaw(opened.opening.prose, word.start, word.end);
  return rangeInBullet(model, opened.bullet, start, end);
}

export default rule;
