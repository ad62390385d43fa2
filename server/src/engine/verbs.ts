/**
 * Conjugating the verbs resume bullets open with: "building" → "built",
 * "manage" → "managed", "managed" → "manage". Used by the rules that rewrite
 * an opening (`weak-opening`, `tense`), so the API is small and stable:
 *
 * - `pastTense(verb)`: base form → past ("plan" → "planned", "set up" → "set up");
 * - `gerundToPast(gerund)`: "-ing" form → past ("migrating" → "migrated");
 * - `presentToPast(verb)`: base or third-person form → past ("leads" → "led");
 * - `pastToPresent(verb)`: past → base form ("managed" → "manage", "built" → "build");
 * - `toGerund(verb)`: base → "-ing" form ("migrate" → "migrating");
 * - `gerundToBase(gerund)`, `isKnownVerb(word)`: the building blocks.
 *
 * English spelling is irregular, so a list of the verbs resumes actually use
 * decides the ambiguous cases (does "creating" come from "creat" or
 * "create"?), and spelling rules cover the rest. Phrasal verbs conjugate
 * their first word and keep the particle. The case of the first letter is
 * kept ("Built" from "Building"). Pure functions; they never throw.
 */

import { ACTION_VERBS, DOUBLES, IRREGULAR, L_DOUBLES, REGULAR } from './verbList';

const PAST_TO_BASE: ReadonlyMap<string, string> = new Map(
  Object.entries(IRREGULAR)
    // "read", "set", "cut": the past is the base; "was" reads back as "be".
    .map(([base, past]) => [past, base] as [string, string]),
);

/** Prefixes that keep an irregular verb irregular: rebuild → rebuilt, co-lead → co-led. */
const PREFIXES = ['co-', 're-', 're', 'co', 'over', 'under', 'out', 'pre', 'mis', 'up', 'with', 'fore', 'un'];

const KNOWN = new Set<string>([...ACTION_VERBS, ...REGULAR, ...Object.keys(IRREGULAR)]);

/** Whether a base form is one we know, so a caller can trust a conversion. */
export function isKnownVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return KNOWN.has(lower) || KNOWN.has(withoutPrefix(lower)?.rest ?? '');
}

/** Base form → past: "build" → "built", "plan" → "planned", "set up" → "set up". */
export function pastTense(verb: string): string {
  return onHead(verb, (head) => regularOrIrregularPast(head));
}

/** "-ing" form → past: "building" → "built", "setting up" → "set up"; British "modelling" → "modelled". */
export function gerundToPast(gerund: string): string {
  return onHead(gerund, (head) => {
    const base = gerundHeadToBase(head);
    if (head.endsWith(`${base}ling`) && L_DOUBLES.has(base)) return `${base}led`;
    return regularOrIrregularPast(base);
  });
}

/** Base form → "-ing" form: "migrate" → "migrating", "plan" → "planning", "set up" → "setting up". */
export function toGerund(verb: string): string {
  return onHead(verb, (head) => {
    if (/(?:ee|ye|oe)$/.test(head) || head === 'be') return `${head}ing`;
    if (head.endsWith('ie')) return `${head.slice(0, -2)}ying`;
    if (head.endsWith('e') && head.length > 2) return `${head.slice(0, -1)}ing`;
    const prefixed = withoutPrefix(head);
    const irregularDoubles = /^(?:run|set|get|cut|put|hit|win|spin|begin|shut|sit|swim|quit|split|let|bet)$/;
    if (doublesFinal(head) || (prefixed && irregularDoubles.test(prefixed.rest)) || irregularDoubles.test(head)) {
      return `${head}${head.slice(-1)}ing`;
    }
    return `${head}ing`;
  });
}

/** "-ing" form → base: "migrating" → "migrate", "planning" → "plan". */
export function gerundToBase(gerund: string): string {
  return onHead(gerund, gerundHeadToBase);
}

/** Base or third-person present → past: "leads" → "led", "manage" → "managed". */
export function presentToPast(verb: string): string {
  return onHead(verb, (head) => regularOrIrregularPast(presentHeadToBase(head)));
}

/** Past → base form, as bullets in the present use it: "managed" → "manage", "built" → "build". */
export function pastToPresent(verb: string): string {
  return onHead(verb, pastHeadToBase);
}

/** Applies a conversion to the first word (lower-cased), keeping the rest and the first letter's case. */
function onHead(phrase: string, convert: (head: string) => string): string {
  const match = /^(\s*)([A-Za-z][A-Za-z'-]*)(.*)$/s.exec(phrase);
  if (!match) return phrase;
  const [, lead = '', head = '', rest = ''] = match;
  const converted = convert(head.toLowerCase());
  return lead + matchCase(head, converted) + rest;
}

function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model.charAt(0) === model.charAt(0).toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function withoutPrefix(word: string): { prefix: string; rest: string } | undefined {
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) {
      const rest = word.slice(prefix.length);
      if (IRREGULAR[rest] !== undefined || KNOWN.has(rest)) return { prefix, rest };
    }
  }
  return undefined;
}

function regularOrIrregularPast(base: string): string {
  const irregular = IRREGULAR[base];
  if (irregular !== undefined) return irregular;
  const prefixed = withoutPrefix(base);
  if (prefixed && IRREGULAR[prefixed.rest] !== undefined) return prefixed.prefix + IRREGULAR[prefixed.rest];
  return regularPast(base);
}

const VOWEL = /[aeiou]/;

function regularPast(base: string): string {
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  if (doublesFinal(base)) return `${base}${base.slice(-1)}ed`;
  return `${base}ed`;
}

/** plan → planned, commit → committed; develop → developed, visit → visited. */
function doublesFinal(base: string): boolean {
  const prefixed = withoutPrefix(base);
  const word = prefixed && !KNOWN.has(base) ? prefixed.rest : base;
  if (DOUBLES.has(word)) return true;
  // One consonant after one vowel, in a one-syllable word: "plan", "ship",
  // "stop"; "open", "target", "edit" (two syllables) do not double.
  if (!/[^aeiou][aeiou][bdgklmnprtvz]$/.test(word)) return false;
  return (word.match(/[aeiouy]+/g)?.length ?? 0) === 1;
}

/** "creating" → "create", "planning" → "plan", "deploying" → "deploy", "tying" → "tie". */
function gerundHeadToBase(word: string): string {
  if (!word.endsWith('ing') || word.length < 5) return word;
  const stem = word.slice(0, -3);
  if (stem.endsWith('y') && word.length === 5) return `${stem.slice(0, -1)}ie`; // tying, dying, lying
  return stemToBase(stem);
}

/** The base form for a stem left by removing -ed or -ing. */
function stemToBase(stem: string): string {
  const candidates = [stem, `${stem}e`];
  const last = stem.slice(-1);
  if (stem.length > 2 && last === stem.slice(-2, -1) && !VOWEL.test(last)) candidates.push(stem.slice(0, -1));
  for (const candidate of candidates) if (isKnownVerb(candidate)) return candidate;
  // Unknown verb: undo doubling, then put back a silent e where English spells one.
  if (candidates.length === 3 && !/(?:ll|ss|ff|zz)$/.test(stem)) return stem.slice(0, -1);
  if (/(?:ll)$/.test(stem) && L_DOUBLES.has(stem.slice(0, -1))) return stem.slice(0, -1);
  return needsSilentE(stem) ? `${stem}e` : stem;
}

/**
 * Whether a stem once ended in a silent e: "migrat" (migrate), "us" (use),
 * "manag" (manage), "handl" (handle); not "edit", "develop", "target".
 */
function needsSilentE(stem: string): boolean {
  const syllables = stem.match(/[aeiouy]+/g)?.length ?? 0;
  const rules: ReadonlyArray<[RegExp, boolean | RegExp]> = [
    [/v$|[aeiouy]z$/, true], // solve, improve, optimize, analyze
    [/[^aeiouyl]l$/, true], // handle, enable, bundle
    [/c$/, !/sync$/.test(stem)], // reduce, balance
    [/[ae]ng$|[^n]g$/, true], // change, challenge, manage, merge
    [/[aeiou]s$/, !/(?:focus|bias|alias|canvas)$/.test(stem)], // use, cause, raise
    [/[^aeiou]at$/, !/(?:combat|format|chat)$/.test(stem)], // migrate, create
    [/[^aeiou]ut$/, true], // execute, compute
    [/[^aeiou]ot$/, !/(?:pilot|pivot|robot|ballot)$/.test(stem)], // promote, quote
    [/[^aeiou][iu]r$/, true], // acquire, configure, secure
    [/(?:explor|ignor|restor|stor|scor|implor|ador)$/, true],
    [/(?:compar|prepar|declar|shar|car)$/, true],
    [/[^aeiou][iu]d$/, true], // decide, provide, include
    [/[^aeiou]in$/, syllables >= 2], // combine, define
    [/[^aeiou]um$|rib$|[^aeiou][iou]k$|[^aeiou][iu]l$/, true], // assume, describe, invoke, compile, rule
    [/[^aeiou][aiou][bdkmnpt]$/, syllables === 1], // make, scope, tune, vote
    [/[^aeiou]it$/, /(?:writ|invit|unit|ignit|cit|excit|expedit)$/.test(stem)], // write; not edit, audit
  ];
  for (const [pattern, answer] of rules) if (pattern.test(stem)) return answer === true;
  return false;
}

/** "manages" → "manage", "leads" → "lead", "applies" → "apply", "fixes" → "fix". */
function presentHeadToBase(word: string): string {
  const special: Record<string, string> = { does: 'do', goes: 'go', has: 'have', is: 'be', are: 'be' };
  if (special[word]) return special[word];
  if (KNOWN.has(word) || !word.endsWith('s') || word.endsWith('ss')) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  const withoutS = word.slice(0, -1);
  if (isKnownVerb(withoutS)) return withoutS;
  if (word.endsWith('es') && isKnownVerb(word.slice(0, -2))) return word.slice(0, -2);
  if (/(?:ch|sh|x|z|ss|o)es$/.test(word)) return word.slice(0, -2);
  return withoutS;
}

/** "managed" → "manage", "built" → "build", "planned" → "plan", "applied" → "apply". */
function pastHeadToBase(word: string): string {
  const irregular = PAST_TO_BASE.get(word);
  if (irregular !== undefined) return irregular;
  for (const prefix of PREFIXES) {
    const base = word.startsWith(prefix) && word.length - prefix.length >= 3 ? PAST_TO_BASE.get(word.slice(prefix.length)) : undefined;
    if (base !== undefined) return prefix + base;
  }
  if (KNOWN.has(word) || !word.endsWith('ed') || word.length < 4) return word;
  if (/[^aeiou]ied$/.test(word)) return word.length <= 4 ? `${word.slice(0, -2)}e` : `${word.slice(0, -3)}y`;
  if (word.endsWith('eed')) return word.slice(0, -1); // agreed, guaranteed
  const withoutD = word.slice(0, -1);
  if (withoutD.endsWith('e') && isKnownVerb(withoutD)) return withoutD;
  return stemToBase(word.slice(0, -2));
}
