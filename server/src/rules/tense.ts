/**
 * Tense that does not match the role: a finished job described in the
 * present ("Manage the on-call rotation" at a company you left), or a current
 * one that mixes present and past openings.
 *
 * Whether the first word is a verb is decided by a curated list of the
 * action verbs resumes open with, never by guessing from the spelling: a
 * bullet that starts with anything else ("Kubernetes migration …",
 * "Lead engineer for …") is left alone. `passive-voice` and
 * `repeated-opening` read the same list, so it is exported from here.
 *
 * In a current role the minority tense is flagged; on a tie the present-tense
 * bullets are, because a bullet that reports a result (the kind reviewers look
 * for) reads naturally in the past even in a job you still hold.
 */
import { memoizeByText } from '../engine/memo';
import type { Bullet, ResumeModel } from '../engine/document';
import { rangeInBullet } from '../engine/document';
import { adviseDate, compareDates, parseResumeDate, today as todayOf } from '../engine/dates';
import { isLikelyEnglish, proseToRaw, toProse, wordsOf, type Prose, type Word } from '../engine/prose';
import type { Rule } from '../engine/rule';
import { changeScalar } from '../engine/scalarRender';
import type { Fix } from '../engine/types';
import { pastTense, pastToPresent, presentToPast } from '../engine/verbs';

/** Base forms of the action verbs resume bullets open with. */
export const ACTION_VERBS: readonly string[] = [
  'accelerate', 'accomplish', 'achieve', 'acquire', 'adapt', 'add', 'address', 'administer', 'adopt', 'advance',
  'advise', 'advocate', 'align', 'allocate', 'analyse', 'analyze', 'apply', 'architect', 'assemble', 'assess',
  'assist', 'attend', 'audit', 'author', 'automate', 'balance', 'benchmark', 'boost', 'bootstrap', 'bring',
  'budget', 'build', 'calculate', 'capture', 'centralize', 'chair', 'champion', 'change', 'clarify', 'clean',
  'coach', 'code', 'collaborate', 'collect', 'combine', 'communicate', 'compile', 'complete', 'compose', 'compute',
  'conceive', 'conduct', 'configure', 'connect', 'consolidate', 'construct', 'consult', 'containerize',
  'contribute', 'control', 'convert', 'coordinate', 'craft', 'create', 'cultivate', 'curate', 'customize', 'cut',
  'debug', 'decommission', 'decrease', 'define', 'delegate', 'deliver', 'demonstrate', 'deploy', 'deprecate',
  'design', 'detect', 'determine', 'develop', 'devise', 'diagnose', 'digitize', 'direct', 'discover', 'document',
  'double', 'draft', 'drive', 'earn', 'educate', 'eliminate', 'embed', 'empower', 'enable', 'encrypt', 'enforce',
  'engage', 'engineer', 'enhance', 'ensure', 'establish', 'estimate', 'evaluate', 'evangelize', 'evolve',
  'examine', 'exceed', 'execute', 'expand', 'expedite', 'experiment', 'explore', 'expose', 'extend', 'extract',
  'facilitate', 'finalize', 'fix', 'formalize', 'formulate', 'foster', 'gain', 'gather', 'generate', 'give',
  'grow', 'guide', 'halve', 'handle', 'harden', 'head', 'help', 'hire', 'host', 'identify', 'implement',
  'improve', 'incorporate', 'increase', 'influence', 'initiate', 'innovate', 'inspect', 'install', 'instrument',
  'integrate', 'interview', 'introduce', 'invent', 'investigate', 'isolate', 'join', 'launch', 'lead', 'learn',
  'leverage', 'lower', 'maintain', 'make', 'manage', 'map', 'maximize', 'measure', 'mentor', 'merge', 'migrate',
  'minimize', 'mitigate', 'model', 'moderate', 'modernize', 'modernise', 'monitor', 'motivate', 'move',
  'negotiate', 'onboard', 'operate', 'optimise', 'optimize', 'orchestrate', 'organise', 'organize', 'originate',
  'outline', 'overhaul', 'oversee', 'own', 'parallelize', 'participate', 'partner', 'patch', 'perform', 'pilot',
  'pioneer', 'plan', 'port', 'prepare', 'present', 'prevent', 'prioritize', 'process', 'produce', 'profile',
  'program', 'promote', 'propose', 'prototype', 'provide', 'provision', 'publish', 'raise', 'rearchitect',
  'rebuild', 'recommend', 'reconcile', 'recruit', 'redesign', 'reduce', 'refactor', 'refine', 'release',
  'remediate', 'remove', 'reorganize', 'replace', 'report', 'represent', 'research', 'resolve', 'restructure',
  'revamp', 'review', 'revise', 'rewrite', 'run', 'save', 'scale', 'schedule', 'scope', 'script', 'secure',
  'select', 'serve', 'set', 'shape', 'ship', 'shorten', 'simplify', 'solve', 'spearhead', 'specify', 'sponsor',
  'stabilize', 'standardize', 'start', 'steer', 'streamline', 'strengthen', 'structure', 'supervise', 'support',
  'sustain', 'take', 'teach', 'test', 'track', 'train', 'transform', 'transition', 'translate', 'triage',
  'troubleshoot', 'tune', 'unify', 'update', 'upgrade', 'use', 'utilize', 'validate', 'verify', 'visualize',
  'win', 'work', 'write',
];

/**
 * Verbs that open noun phrases just as often ("Lead engineer for …", "Design
 * of the API", "Support for SSO"): they count as verbs only when what follows
 * reads like an object.
 */
const NOUN_LIKE = new Set([
  'audit', 'author', 'benchmark', 'budget', 'build', 'change', 'champion', 'coach', 'code', 'control', 'design',
  'document', 'engineer', 'experiment', 'fix', 'head', 'help', 'host', 'increase', 'decrease', 'instrument',
  'interview', 'launch', 'lead', 'mentor', 'model', 'monitor', 'overhaul', 'partner', 'patch', 'pilot',
  'process', 'profile', 'program', 'prototype', 'redesign', 'refactor', 'release', 'report', 'research',
  'review', 'rewrite', 'run', 'schedule', 'scope', 'script', 'sponsor', 'structure', 'support', 'test', 'track',
  'transition', 'update', 'upgrade', 'use', 'work', 'architect', 'map', 'plan', 'present', 'start',
]);

/** After a noun-like first word, these show it was a noun: "Lead on", "Design of", "Support engineer". */
const NOT_AN_OBJECT = new Set([
  'of', 'for', 'on', 'in', 'at', 'to', 'with', 'by', 'from', 'and', 'or', 'as', 'is', 'was', 'are', 'were',
  'time', 'times', 'system', 'systems', 'process', 'review', 'reviews', 'tools', 'tooling', 'pipeline', 'pipelines',
  'server', 'servers', 'plan', 'plans', 'document', 'documents', 'docs', 'patterns', 'library', 'cycle', 'cycles',
  'management', 'manager', 'managers', 'owner', 'owners',
]);

/** "Lead engineer", "Lead backend engineer": a job title, not an instruction. */
const ROLE_NOUN = /^(?:engineer|developer|architect|designer|role|position|member|contact|consultant|analyst|dev|programmer|scientist|manager|maintainer|contributor)s?$/;

export type Tense = 'present' | 'past';

export interface VerbForm {
  base: string;
  /** Undefined when the form is the same in both tenses ("set", "cut", "put"). */
  tense?: Tense;
}

/** "manage" → "manages", "apply" → "applies". */
export function thirdPerson(base: string): string {
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Every form of every listed verb, lower case: "manage", "manages", "managed". */
const FORMS: ReadonlyMap<string, VerbForm> = (() => {
  const forms = new Map<string, VerbForm>();
  const add = (word: string, form: VerbForm): void => {
    const seen = forms.get(word);
    // One spelling, two tenses ("set"): a verb, but no tense to judge.
    if (seen && seen.tense !== form.tense) forms.set(word, { base: seen.base });
    else if (!seen) forms.set(word, form);
  };
  for (const base of ACTION_VERBS) {
    add(base, { base, tense: 'present' });
    add(thirdPerson(base), { base, tense: 'present' });
    add(pastTense(base), { base, tense: 'past' });
  }
  return forms;
})();

/** The listed verb a word is a form of, or undefined. */
export function verbForm(word: string): VerbForm | undefined {
  return FORMS.get(word.toLowerCase().replace(/’/g, "'"));
}

export interface Opening {
  prose: Prose;
  words: Word[];
  /** Index in `words` of the opening verb. */
  index: number;
  form: VerbForm;
}

/** Memoized by text: between keystrokes only the edited bullet changes. */
export const openingVerb: (text: string) => Opening | undefined = memoizeByText(computeOpeningVerb);

/**
 * The verb a bullet opens with, when its first word is a listed verb used as
 * a verb. Undefined for other bullets, and for bullets that do not read as
 * English.
 */
function computeOpeningVerb(text: string): Opening | undefined {
  const prose = toProse(text);
  if (!isLikelyEnglish(prose.text)) return undefined;
  const words = wordsOf(prose.text);
  const first = words[0];
  // Text before the first word ("2019: …", "(…)") is a label or an aside, not an opening.
  if (!first || !/^[\s\-–—•*>]*$/.test(prose.text.slice(0, first.start))) return undefined;
  const form = verbForm(first.text);
  if (!form) return undefined;
  const opening = { prose, words, index: 0, form };
  // "Design and build …" is a verb even though "Design of …" is not.
  const isVerb = !NOUN_LIKE.has(form.base) || form.tense !== 'present' || coordinatedVerbs(opening).length > 1 || objectFollows(prose.text, words, 0);
  return isVerb ? opening : undefined;
}

/** Whether the words after `index` read as the verb's object rather than the rest of a noun phrase. */
function objectFollows(text: string, words: readonly Word[], index: number): boolean {
  const next = words[index + 1];
  if (!next || !/^\s+$/.test(text.slice(words[index].end, next.start))) return false;
  if (NOT_AN_OBJECT.has(next.lower) || ROLE_NOUN.test(next.lower)) return false;
  const after = words[index + 2];
  if (after && ROLE_NOUN.test(after.lower)) return false;
  // "Design System", "Test Automation Framework": a Title Case run is a name or a heading.
  return !(/^\p{Lu}\p{Ll}/u.test(next.text) && after && /^\p{Lu}/u.test(after.text));
}

type RoleState = 'ended' | 'current' | 'unknown';

/** Whether the entry a bullet belongs to has ended, from its `endDate` (and `startDate` for a current one). */
export function roleState(model: ResumeModel, entryPath: string, now: Date): RoleState {
  const end = scalarValue(model, `${entryPath}.endDate`);
  if (end === undefined || end === null || (typeof end === 'string' && end.trim() === '')) {
    return scalarValue(model, `${entryPath}.startDate`) === undefined ? 'unknown' : 'current';
  }
  let date = parseResumeDate(end);
  if (!date && typeof end === 'string') {
    const advice = adviseDate(end);
    if (advice.kind === 'ongoing') return 'current';
    if (advice.kind === 'rewrite') date = parseResumeDate(advice.suggestion);
  }
  if (!date) return 'unknown';
  // An end date still ahead is a role that has not ended yet.
  return compareDates(date, todayOf(now)) > 0 ? 'current' : 'ended';
}

function scalarValue(model: ResumeModel, path: string): unknown {
  const node = model.entries.get(path)?.node;
  return node && 'value' in node ? (node as { value: unknown }).value : undefined;
}

interface Candidate {
  bullet: Bullet;
  opening: Opening;
  tense: Tense;
}

/** The opening verb, and the verbs coordinated with it ("Design, build and run"), all to be conjugated. */
function coordinatedVerbs(opening: Opening): Word[] {
  const { words, prose, form } = opening;
  const gap = (i: number): string => prose.text.slice(words[i - 1].end, words[i].start);
  const verbs = [words[opening.index]];
  let i = opening.index + 1;
  while (i < words.length) {
    let j = i;
    if (words[j].lower === 'and' || words[j].lower === 'or') {
      if (!/^\s*,?\s+$/.test(gap(j)) || j + 1 >= words.length || !/^\s+$/.test(gap(j + 1))) break;
      j++;
    } else if (!/^\s*[,&/]\s*$/.test(gap(j))) {
      break;
    }
    if (verbForm(words[j].text)?.tense !== form.tense) break;
    verbs.push(words[j]);
    i = j + 1;
  }
  return verbs;
}

/** The bullet with its opening verb(s) moved to `to`, conjugated with `verbs.ts`. */
export function conjugated(bullet: Bullet, opening: Opening, to: Tense): string {
  let out = bullet.text;
  // Last first, so earlier indices stay valid.
  for (const word of coordinatedVerbs(opening).reverse()) {
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    const raw = out.slice(start, end);
    out = out.slice(0, start) + (to === 'past' ? presentToPast(raw) : pastToPresent(raw)) + out.slice(end);
  }
  return out;
}

function tenseFix(model: ResumeModel, candidate: Candidate, to: Tense, safe: boolean): Fix[] {
  const value = conjugated(candidate.bullet, candidate.opening, to);
  if (value === candidate.bullet.text) return [];
  const word = candidate.opening.words[candidate.opening.index].text;
  const target = to === 'past' ? presentToPast(word) : pastToPresent(word);
  return [
    {
      title: `Change \`${word}\` to \`${target}\``,
      // Only the verb's letters change where they can: `--fix` leaves the rest of the bullet byte for byte.
      edits: [changeScalar(model.text, candidate.bullet.node, value)],
      ...(safe ? { isPreferred: true, safe } : {}),
    },
  ];
}

function report(context: Parameters<Rule['check']>[0], candidate: Candidate, to: Tense, message: string, safe: boolean): void {
  const { bullet, opening } = candidate;
  const word = opening.words[opening.index];
  const { start, end } = proseToRaw(opening.prose, word.start, word.end);
  context.report({ range: rangeInBullet(context.model, bullet, start, end), message, fixes: () => tenseFix(context.model, candidate, to, safe) });
}

function checkEnded(context: Parameters<Rule['check']>[0], candidates: readonly Candidate[]): void {
  for (const candidate of candidates) {
    if (candidate.tense !== 'present') continue;
    const word = candidate.opening.words[candidate.opening.index].text;
    const message = `\`${word}\` is present tense, but this role has ended: write \`${presentToPast(word)}\`.`;
    report(context, candidate, 'past', message, true);
  }
}

function checkCurrent(context: Parameters<Rule['check']>[0], candidates: readonly Candidate[]): void {
  const present = candidates.filter((c) => c.tense === 'present').length;
  const past = candidates.length - present;
  if (present === 0 || past === 0) return;
  // On a tie the present-tense ones go: see the file comment.
  const minority: Tense = past < present ? 'past' : 'present';
  const majority: Tense = minority === 'past' ? 'present' : 'past';
  const share = present === past ? 'half' : 'most';
  for (const candidate of candidates) {
    if (candidate.tense !== minority) continue;
    const word = candidate.opening.words[candidate.opening.index].text;
    const target = minority === 'past' ? pastToPresent(word) : presentToPast(word);
    const message = `\`${word}\` is ${minority} tense, but ${share} of this current role's bullets are ${majority} tense: pick one tense for the role (\`${target}\`).`;
    // Not safe: turning a finished result into a present duty (or back) can change what the bullet claims.
    report(context, candidate, majority, message, false);
  }
}

/** "Supports CSV export" under a project describes the software, which still does it: the present is right. */
function describesTheProject(bullet: Bullet, opening: Opening): boolean {
  const word = opening.words[opening.index].lower;
  return bullet.section === 'projects' && opening.form.tense === 'present' && word !== opening.form.base;
}

const rule: Rule = {
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
  bulletKey(bullet) {
    const opening = bullet.kind === 'highlight' ? openingVerb(bullet.text) : undefined;
    if (!opening?.form.tense) return '';
    const word = opening.words[opening.index];
    const { start, end } = proseToRaw(opening.prose, word.start, word.end);
    return `${opening.form.tense} ${word.text} ${start} ${end} ${describesTheProject(bullet, opening)}`;
  },
  check(context) {
    const byEntry = new Map<string, Candidate[]>();
    for (const bullet of context.model.bullets) {
      // Summaries often describe the company ("Acme builds payroll software"), in the present by right.
      if (bullet.kind !== 'highlight') continue;
      const opening = openingVerb(bullet.text);
      if (!opening?.form.tense || describesTheProject(bullet, opening)) continue;
      const list = byEntry.get(bullet.entryPath) ?? [];
      list.push({ bullet, opening, tense: opening.form.tense });
      byEntry.set(bullet.entryPath, list);
    }
    for (const [entryPath, candidates] of byEntry) {
      const state = roleState(context.model, entryPath, context.options.today);
      if (state === 'ended') checkEnded(context, candidates);
      else if (state === 'current') checkCurrent(context, candidates);
    }
  },
};

export default rule;
