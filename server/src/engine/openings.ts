/**
 * The verb a resume bullet opens with. Whether the first word is a verb is
 * decided by a curated list of the action verbs resumes open with, never by
 * guessing from the spelling: a bullet that starts with anything else
 * ("Kubernetes migration …", "Lead engineer for …") has no opening verb.
 * `tense`, `passive-voice` and `repeated-opening` all read it.
 */
import type { Prose, Word } from './prose';
import { ACTION_VERBS } from './verbList';
import { pastTense } from './verbs';

export { ACTION_VERBS };

/**
 * Verbs that open noun phrases just as often ("Lead engineer for …", "Design
 * of the API", "Support for SSO"): they count as verbs only when what follows
 * reads like an object.
 */
const NOUN_LIKE = new Set([
  'audit',
  'author',
  'benchmark',
  'budget',
  'build',
  'change',
  'champion',
  'coach',
  'code',
  'control',
  'design',
  'document',
  'engineer',
  'experiment',
  'fix',
  'head',
  'help',
  'host',
  'increase',
  'decrease',
  'instrument',
  'interview',
  'launch',
  'lead',
  'mentor',
  'model',
  'monitor',
  'overhaul',
  'partner',
  'patch',
  'pilot',
  'process',
  'profile',
  'program',
  'prototype',
  'redesign',
  'refactor',
  'release',
  'report',
  'research',
  'review',
  'rewrite',
  'run',
  'schedule',
  'scope',
  'script',
  'sponsor',
  'structure',
  'support',
  'test',
  'track',
  'transition',
  'update',
  'upgrade',
  'use',
  'work',
  'architect',
  'map',
  'plan',
  'present',
  'start',
]);

/** After a noun-like first word, these show it was a noun: "Lead on", "Design of", "Support engineer". */
const NOT_AN_OBJECT = new Set([
  'of',
  'for',
  'on',
  'in',
  'at',
  'to',
  'with',
  'by',
  'from',
  'and',
  'or',
  'as',
  'is',
  'was',
  'are',
  'were',
  'time',
  'times',
  'system',
  'systems',
  'process',
  'review',
  'reviews',
  'tools',
  'tooling',
  'pipeline',
  'pipelines',
  'server',
  'servers',
  'plan',
  'plans',
  'document',
  'documents',
  'docs',
  'patterns',
  'library',
  'cycle',
  'cycles',
  'management',
  'manager',
  'managers',
  'owner',
  'owners',
]);

/** "Lead engineer", "Lead backend engineer": a job title, not an instruction. */
const ROLE_NOUN =
  /^(?:engineer|developer|architect|designer|role|position|member|contact|consultant|analyst|dev|programmer|scientist|manager|maintainer|contributor)s?$/;

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

/** A prefix written with a hyphen before a verb: "Co-lead", "Re-architect", "Pre-compute". */
const HYPHEN_PREFIX = /^(co|re|pre|de|un|cross|self|sub|over|under)-([a-z].*)$/;

/** The listed verb a word is a form of, or undefined; "co-led" is a form of "lead", with its prefix. */
export function verbForm(word: string): VerbForm | undefined {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const listed = FORMS.get(lower);
  if (listed) return listed;
  const prefixed = HYPHEN_PREFIX.exec(lower);
  const rest = prefixed ? FORMS.get(prefixed[2] ?? '') : undefined;
  return prefixed && rest ? { ...rest, base: `${prefixed[1]}-${rest.base}` } : undefined;
}

/** The base without a hyphenated prefix, for the lists keyed by plain verbs: "co-lead" → "lead". */
function unprefixed(base: string): string {
  return HYPHEN_PREFIX.exec(base)?.[2] ?? base;
}

/** How `openingVerb` reads a text: a lint passes its `TextReader`, which remembers the answers. */
export interface ProseReader {
  prose(raw: string): Prose;
  isLikelyEnglish(text: string): boolean;
  words(text: string): Word[];
}

export interface Opening {
  prose: Prose;
  words: Word[];
  /** Index in `words` of the opening verb. */
  index: number;
  form: VerbForm;
}

/**
 * The verb a bullet opens with, when its first word is a listed verb used as
 * a verb. Undefined for other bullets, and for bullets that do not read as
 * English. Rules ask `read.opening`, which remembers the answer.
 */
export function openingVerb(text: string, read: ProseReader): Opening | undefined {
  const prose = read.prose(text);
  if (!read.isLikelyEnglish(prose.text)) return undefined;
  const words = read.words(prose.text);
  const first = words[0];
  // Text before the first word ("2019: …", "(…)") is a label or an aside, not an opening.
  if (!first || !/^[\s\-–—•*>]*$/.test(prose.text.slice(0, first.start))) return undefined;
  const form = verbForm(first.text);
  if (!form) return undefined;
  const opening = { prose, words, index: 0, form };
  // "Design and build …" is a verb even though "Design of …" is not.
  const isVerb =
    !NOUN_LIKE.has(unprefixed(form.base)) ||
    form.tense !== 'present' ||
    coordinatedVerbs(opening).length > 1 ||
    objectFollows(prose.text, words, 0);
  return isVerb ? opening : undefined;
}

/** Whether the words after `index` read as the verb's object rather than the rest of a noun phrase. */
export function objectFollows(text: string, words: readonly Word[], index: number): boolean {
  const word = words[index];
  const next = words[index + 1];
  if (!word || !next || !/^\s+$/.test(text.slice(word.end, next.start))) return false;
  if (NOT_AN_OBJECT.has(next.lower) || ROLE_NOUN.test(next.lower)) return false;
  const after = words[index + 2];
  if (after && ROLE_NOUN.test(after.lower)) return false;
  // "Design System", "Test Automation Framework": a Title Case run is a name or a heading.
  return !(/^\p{Lu}\p{Ll}/u.test(next.text) && after && /^\p{Lu}/u.test(after.text));
}

/**
 * The opening verb, and the verbs coordinated with it ("Design, build and
 * run"), all to be conjugated; `same` says which words join (by default,
 * listed verbs in the opening's tense).
 */
export function coordinatedVerbs(
  opening: Opening,
  same: (word: Word) => boolean = (word) => verbForm(word.text)?.tense === opening.form.tense,
): Word[] {
  const { words, prose } = opening;
  const gap = (before: Word, after: Word): string => prose.text.slice(before.end, after.start);
  const head = words[opening.index];
  if (!head) return [];
  const verbs = [head];
  let previous = head;
  let i = opening.index + 1;
  for (let word = words[i]; word; word = words[i]) {
    let verb = word;
    if (word.lower === 'and' || word.lower === 'or') {
      const next = words[i + 1];
      if (!/^\s*,?\s+$/.test(gap(previous, word)) || !next || !/^\s+$/.test(gap(word, next))) break;
      verb = next;
      i++;
    } else if (!/^\s*[,&/]\s*$/.test(gap(previous, word))) {
      break;
    }
    if (!same(verb)) break;
    verbs.push(verb);
    previous = verb;
    i++;
  }
  return nounPhraseAfter(prose.text, words, verbs) ? [head] : verbs;
}

/**
 * "Design and launch of the API", "Build and release of …": two nouns joined,
 * not two verbs, when "of" follows the last of them.
 */
function nounPhraseAfter(text: string, words: readonly Word[], verbs: readonly Word[]): boolean {
  const last = verbs[verbs.length - 1];
  if (verbs.length < 2 || !last) return false;
  const next = words[words.indexOf(last) + 1];
  return next !== undefined && next.lower === 'of' && /^\s+$/.test(text.slice(last.end, next.start));
}
