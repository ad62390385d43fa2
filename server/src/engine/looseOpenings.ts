/**
 * Openings the action-verb list does not hold, for the `tense` rule to judge
 * in a role that has ended: a base form that is not a listed action verb
 * ("Discuss the roadmap…", "Localize strings for…", "Answer tickets…"), and
 * an "-ing" form of a listed one ("Leading a team of 4…").
 *
 * These are guesses, so each needs more evidence than a listed verb: what
 * follows must read as the verb's object, and a word that looks like a noun
 * or an adjective ("Dataset reviews", "Frontend work", "Internal tools") is
 * left alone. `openingVerb` (the listed verbs) is asked first and wins.
 */
import type { Prose, Word } from './prose';
import { coordinatedVerbs, objectFollows, verbForm, type Opening, type ProseReader } from './openings';
import { gerundToBase, isKnownVerb, pastToPresent } from './verbs';

export interface LooseOpening {
  opening: Opening;
  /** `present`: a base form; `ongoing`: an "-ing" form. */
  reading: 'present' | 'ongoing';
  /** The opening word and the verbs joined to it ("Localize and ship"), to be conjugated together. */
  verbs: Word[];
}

/**
 * Verbs every sentence uses in other ways ("See the blog", "Let it run"),
 * names of frameworks that are verbs too ("React app with …"), and "-ing" words that open a phrase before the verb ("Using Go, built …")
 * or belong to `weak-opening` ("Working on …", "Helping the team …").
 */
const NOT_AN_OPENING = new Set([
  ...['be', 'do', 'see', 'let', 'say', 'get', 'go', 'come', 'have'],
  ...['react', 'express', 'spring', 'swift', 'flutter', 'ember', 'bootstrap', 'nest'],
]);
const NOT_AN_ONGOING_OPENING = new Set([
  'using',
  'utilizing',
  'utilising',
  'leveraging',
  'employing',
  'following',
  'including',
  'working',
  'helping',
  'assisting',
  'participating',
  'contributing',
]);

/** Words that start a bullet without being its verb: "With the team …", "Over the course of …". */
const FUNCTION_WORDS = new Set(
  [
    'about above across after against along among another around before behind below beneath beside between beyond both',
    'but by despite down during each either even every except few from here into just like many more most much near',
    'neither next once only other over past per plus since some such than that then there these this those though through',
    'throughout till toward towards under unlike until upon very via what when where whether which while with within',
    'without also then thus hence same sole main mere first second third last full half whole key core top deep heavy',
    'strong rapid major minor open early late real true custom tech web multi still yet already often always never',
  ].flatMap((line) => line.split(' ')),
);

/** Endings of nouns and adjectives ("Dataset" aside): a word ending so is not guessed to be a verb. */
const NOT_A_VERB_ENDING =
  /(?:[^s]s|ment|tion|sion|ity|ness|ance|ence|ship|ism|ist|ing|ed|en|er|or|al|ic|ive|ous|ful|less|able|ible|ary|ory|ery|ure|age|ogy|ware|ly|ual|ent|ant|ern|ward|wise|[^i]fy|[^aeiou]y|[^l]ey|set|base|end|ops|flow|line|work|tool|stack|cloud|app|data)$/;

/** Endings that make a verb of a word: "Localize", "Containerise", "Simplify". */
const VERB_ENDING = /(?:ize|ise|ify)$/;

/** What a guessed verb's object may begin with when nothing else vouches for the verb. */
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'their',
  'its',
  'his',
  'her',
  'my',
  'your',
  'all',
  'each',
  'every',
  'both',
  'several',
  'multiple',
  'many',
  'new',
  'existing',
  'over',
  'more',
  'dozens',
  'hundreds',
  'thousands',
]);

/**
 * "-ing" words that are nouns as often as verbs ("Testing framework",
 * "Monitoring of …", "Building maintenance"): read as verbs only before a
 * determiner or a number.
 */
const NOUN_LIKE_ING = new Set([
  'accounting',
  'advertising',
  'benchmarking',
  'building',
  'coaching',
  'coding',
  'computing',
  'consulting',
  'debugging',
  'designing',
  'engineering',
  'hosting',
  'logging',
  'marketing',
  'modeling',
  'modelling',
  'monitoring',
  'networking',
  'onboarding',
  'planning',
  'processing',
  'profiling',
  'programming',
  'prototyping',
  'reporting',
  'scripting',
  'testing',
  'tracking',
  'training',
  'troubleshooting',
]);

/** A base-form or "-ing" opening the list does not hold, guessed with care; undefined when in doubt. */
export function looseOpening(text: string, read: ProseReader): LooseOpening | undefined {
  const prose = read.prose(text);
  if (!read.isLikelyEnglish(prose.text)) return undefined;
  const words = read.words(prose.text);
  const first = words[0];
  if (!first || !/^[\s\-–—•*>]*$/.test(prose.text.slice(0, first.start))) return undefined;
  // "iOS", "NetApp", "ETL": a name, not a verb.
  if (!/^[A-Za-z][a-z]+$/.test(first.text) || verbForm(first.text)) return undefined;
  return ongoing(prose, words) ?? unlisted(prose, words);
}

/** "Leading a team of 4", "Designing and building the API": an "-ing" form of a listed verb. */
function ongoing(prose: Prose, words: Word[]): LooseOpening | undefined {
  const first = words[0]!;
  if (!first.lower.endsWith('ing') || NOT_AN_ONGOING_OPENING.has(first.lower)) return undefined;
  const base = gerundToBase(first.lower);
  if (verbForm(base)?.base !== base) return undefined;
  const opening: Opening = { prose, words, index: 0, form: { base } };
  const verbs = joined(prose, words, (word) => word.lower.endsWith('ing') && verbForm(gerundToBase(word.lower))?.base !== undefined);
  const last = words.indexOf(verbs[verbs.length - 1]!);
  const ok = NOUN_LIKE_ING.has(first.lower) && verbs.length === 1 ? objectStarts(prose, words, 1) : objectFollows(prose.text, words, last);
  return ok ? { opening, reading: 'ongoing', verbs } : undefined;
}

/** "Discuss the roadmap", "Localize strings", "Answer tickets": a base form the action-verb list lacks. */
function unlisted(prose: Prose, words: Word[]): LooseOpening | undefined {
  const first = words[0]!;
  const lower = first.lower;
  if (lower.length < 3 || NOT_AN_OPENING.has(lower) || FUNCTION_WORDS.has(lower)) return undefined;
  const opening: Opening = { prose, words, index: 0, form: { base: lower, tense: 'present' } };
  // "Localize and ship the app": joined to a listed verb, the pair vouches for the first.
  const verbs = joined(prose, words, (word) => verbForm(word.text)?.tense === 'present');
  const last = words.indexOf(verbs[verbs.length - 1]!);
  const known = isKnownVerb(lower);
  // "Got", "Held": a past form the lists do not conjugate is no base form.
  if ((!known && NOT_A_VERB_ENDING.test(lower)) || pastToPresent(lower) !== lower) return undefined;
  // "React Native", "Service Providers", "Angular 2+": a name or a heading.
  const next = words[last + 1];
  if (next && /^\p{Lu}/u.test(first.text) && /^(?:\p{Lu}|\d)/u.test(next.text) && !objectStarts(prose, words, last + 1)) return undefined;
  const vouched = known || VERB_ENDING.test(lower) || verbs.length > 1;
  const ok = vouched ? objectFollows(prose.text, words, last) && !nounAfter(words, last) : objectStarts(prose, words, last + 1);
  return ok ? { opening, reading: 'present', verbs } : undefined;
}

/** The first word and the words joined to it by commas, `and`, `or`, `&` or `/` that pass `same`. */
function joined(prose: Prose, words: Word[], same: (word: Word) => boolean): Word[] {
  return coordinatedVerbs({ prose, words, index: 0, form: { base: words[0]?.lower ?? '' } }, same);
}

/** A word that makes a compound noun of the one before: "Volunteer program", "Study group". */
function nounAfter(words: readonly Word[], index: number): boolean {
  const next = words[index + 1];
  return next !== undefined && /^(?:program|programs|group|groups|team|teams|project|projects|session|sessions)$/.test(next.lower);
}

/** Whether the words from `index` open an object beyond doubt: a determiner ("the", "our", "every"), or a number and a noun ("40 tickets"). */
function objectStarts(prose: Prose, words: readonly Word[], index: number): boolean {
  const before = words[index - 1];
  const word = words[index];
  if (!before || !word || !/^\s+$/.test(prose.text.slice(before.end, word.start))) return false;
  if (DETERMINERS.has(word.lower)) return true;
  const after = words[index + 1];
  return (
    /^\d/.test(word.text) && after !== undefined && /^\p{Ll}/u.test(after.text) && /^\S*\s+$/.test(prose.text.slice(word.end, after.start))
  );
}
