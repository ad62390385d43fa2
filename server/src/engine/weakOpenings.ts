/**
 * What `weak-opening` needs beyond its English phrases: the key words of
 * those phrases as a typo may hide them ("Responsable for", "Partcipated
 * in", "Worked closley with"), and the same openings in French, Spanish and
 * German ("Participation à", "Encargado de", "Mitarbeit an").
 *
 * A typo is one edit (a letter dropped, added, changed, or two swapped) on
 * a key word of six letters or more; the rule still asks the phrase around
 * it to have the weak shape, so "Responsive design for" or "Forked on
 * GitHub" stay alone. Pure functions, no Node or editor imports.
 */
import { editDistance } from './similar';
import { isKnownVerb, pastTense, pastToPresent } from './verbs';

/** Key words of the English weak phrases: the words a misspelling is read back to. */
const KEY_WORDS = [
  'responsible',
  'responsibility',
  'worked',
  'working',
  'helped',
  'helping',
  'assisted',
  'assisting',
  'participated',
  'participating',
  'participation',
  'involved',
  'involvement',
  'contributed',
  'contributing',
  'contribution',
  'contributions',
  'collaboration',
  'tasked',
  'entrusted',
  'closely',
  'directly',
  'extensively',
];

/**
 * Real words one edit away from a key word: never read as a misspelling.
 * Drawn from an English word list, so the exceptions are complete for it.
 */
const NEAR_WORDS = new Set([
  'responsibly',
  'corked',
  'forked',
  'worded',
  'worker',
  'wormed',
  'corking',
  'dorking',
  'forking',
  'wording',
  'workings',
  'worming',
  'heaped',
  'helper',
  'helmed',
  'whelped',
  'yelped',
  'heaping',
  'helpings',
  'helming',
  'whelping',
  'yelping',
  'participate',
  'participates',
  'involve',
  'involves',
  'involvements',
  'contribute',
  'contributes',
  'collaborations',
  'asked',
  'basked',
  'masked',
  'tacked',
  'talked',
  'tanked',
  'tasted',
  'tusked',
  'encrusted',
  'intrusted',
]);

/** A text with misspelt key words put right, and where each of its offsets lies in the original. */
export interface Respelt {
  text: string;
  /** `offsets[i]` is the original offset of `text[i]`; one more entry maps the end. */
  offsets: number[];
}

/** The key word `word` misspells, if it misspells one. */
export function misspeltKeyWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 5 || NEAR_WORDS.has(lower) || KEY_WORDS.includes(lower)) return undefined;
  // A verb we know, spelt as it conjugates, is a real word ("Talked"); "Helpped" is not.
  const base = pastToPresent(lower);
  if (isKnownVerb(lower) || (isKnownVerb(base) && pastTense(base) === lower)) return undefined;
  return KEY_WORDS.find((key) => editDistance(lower, key, 1) === 1);
}

/** The first `count` words of `text` with misspelt key words put right, the first letter's case kept. */
export function respellKeyWords(text: string, count = 3): Respelt {
  let out = '';
  const offsets: number[] = [];
  let done = 0;
  const wordPattern = /[\p{L}][\p{L}'’]*/gu;
  for (let match = wordPattern.exec(text); match && count > 0; match = wordPattern.exec(text), count--) {
    const key = misspeltKeyWord(match[0]);
    if (key === undefined) continue;
    for (let i = done; i < match.index; i++) offsets.push(i);
    out += text.slice(done, match.index);
    const replacement = /^\p{Lu}/u.test(match[0]) ? key.charAt(0).toUpperCase() + key.slice(1) : key;
    // Inside the word every offset maps into the original word: a match ends at a word's edge anyway.
    for (let i = 0; i < replacement.length; i++) offsets.push(match.index + Math.min(i, match[0].length - 1));
    out += replacement;
    done = match.index + match[0].length;
  }
  for (let i = done; i <= text.length; i++) offsets.push(i);
  return { text: out + text.slice(done), offsets };
}

// ---------------------------------------------------------------------------
// French, Spanish and German
// ---------------------------------------------------------------------------

export type OpeningLanguage = 'fr' | 'es' | 'de';

export interface ForeignOpening {
  /** Offsets of the phrase in the text. */
  start: number;
  end: number;
  /** Undefined when the phrase reads the same in two languages and the rest does not tell them apart. */
  language: OpeningLanguage | undefined;
}

// JavaScript's \b knows ASCII letters only: "Chargé de" needs letter-aware edges.
const END = String.raw`(?![\p{L}\p{N}])`;
const FR_DE = String.raw`(?:de|du|des)${END}|d['’]`;
const FR_A = String.raw`(?:à|a|au|aux)${END}`;
const ES_DE = String.raw`(?:de|del)${END}`;
const ES_A = String.raw`(?:a|al|en)${END}`;
const DE_FUER = String.raw`f(?:ür|ur|uer)${END}`;
const DE_AN = String.raw`(?:an|am|bei|beim|in|im)${END}`;

const FOREIGN_PHRASES: ReadonlyArray<[OpeningLanguage | 'fr-es', string]> = [
  // "Responsable de" opens a bullet in French and in Spanish alike.
  ['fr-es', String.raw`responsables?\s+de${END}`],
  ['fr', String.raw`(?:j['’](?:ai|étais)\s+|(?:ai|a)\s+)?particip[ée](?:e?s?)?\s+(?:activement\s+)?${FR_A}`],
  ['fr', String.raw`participations?\s+(?:active\s+)?(?:${FR_A}|(?:dans|en)${END})`],
  ['fr', String.raw`(?:j['’]ai\s+|a\s+)?(?:contribu[ée]|collabor[ée])\s+(?:activement\s+)?${FR_A}`],
  ['fr', String.raw`contributions?\s+(?:active\s+)?${FR_A}`],
  ['fr', String.raw`collaborations?\s+(?:étroite\s+)?(?:avec${END}|${FR_A})`],
  ['fr', String.raw`responsables?\s+(?:(?:du|des)${END}|d['’])`],
  ['fr', String.raw`(?:j['’]étais\s+)?charg[ée]e?s?\s+(?:${FR_DE})`],
  ['fr', String.raw`en\s+charge\s+(?:${FR_DE})`],
  ['fr', String.raw`(?:impliqu[ée]e?s?|implication)\s+(?:dans|sur)${END}`],
  ['fr', String.raw`(?:j['’]ai\s+)?travaill[ée]\s+(?:sur|avec|dans)${END}`],
  ['fr', String.raw`(?:j['’]ai\s+)?aidé\s+${FR_A}`],
  ['fr', String.raw`membre\s+(?:actif\s+)?(?:${FR_DE})`],
  ['es', String.raw`responsables?\s+del${END}`],
  ['es', String.raw`particip(?:é|e|ación|acion|ando)\s+(?:activa(?:mente)?\s+)?en${END}`],
  ['es', String.raw`(?:encargad[oa]s?|a\s+cargo)\s+${ES_DE}`],
  ['es', String.raw`colaboraci[óo]n\s+(?:con|en)${END}`],
  ['es', String.raw`colabor[ée]\s+en${END}`],
  ['es', String.raw`contribu(?:ci[óo]n|í|i)\s+${ES_A}`],
  ['es', String.raw`trabaj[ée]\s+(?:en|con|sobre)${END}`],
  ['es', String.raw`ayud[ée]\s+(?:a|en)${END}`],
  ['es', String.raw`(?:involucrad[oa]|apoyo)\s+${ES_A}`],
  ['es', String.raw`miembro\s+${ES_DE}`],
  ['de', String.raw`(?:ich\s+)?(?:war\s+)?(?:verantwortlich|zust[äa]ndig)\s+${DE_FUER}`],
  ['de', String.raw`(?:verantwortung|zust[äa]ndigkeit)\s+${DE_FUER}`],
  ['de', String.raw`(?:mitarbeit|mitwirkung|beteiligung|teilnahme|mitgearbeitet|mitgewirkt)\s+${DE_AN}`],
  ['de', String.raw`(?:ich\s+)?(?:war\s+)?beteiligt\s+${DE_AN}`],
  ['de', String.raw`(?:unterst[üu]tzung|hilfe|mithilfe)\s+(?:bei|beim|von|des|der)${END}`],
  ['de', String.raw`mitglied\s+(?:des|im|der)${END}`],
];

const COMPILED = FOREIGN_PHRASES.map(([language, source]) => [language, new RegExp(`^(?:${source})`, 'iu')] as const);

/** Words only one of French and Spanish uses: what tells "Responsable de la …" apart. */
const FRENCH_ONLY = new Set(['le', 'les', 'des', 'du', 'et', 'pour', 'avec', 'dans', 'sur', 'une', 'au', 'aux', 'est']);
const SPANISH_ONLY = new Set(['el', 'los', 'las', 'y', 'para', 'con', 'por', 'del', 'una', 'al']);

function frenchOrSpanish(rest: string): OpeningLanguage | undefined {
  let french = 0;
  let spanish = 0;
  for (const word of rest.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FRENCH_ONLY.has(word)) french++;
    if (SPANISH_ONLY.has(word)) spanish++;
  }
  if (french === spanish) return undefined;
  return french > spanish ? 'fr' : 'es';
}

/** A French, Spanish or German weak opening at `at` in `text`, if there is one. */
export function findForeignOpening(text: string, at: number): ForeignOpening | undefined {
  const slice = text.slice(at, at + 80);
  for (const [language, pattern] of COMPILED) {
    const match = pattern.exec(slice);
    if (!match) continue;
    const end = at + match[0].length;
    const known = language === 'fr-es' ? frenchOrSpanish(text.slice(end, end + 200)) : language;
    return { start: at, end, language: known };
  }
  return undefined;
}

/** Verbs a bullet in each language would open with, for the message: the rule proposes no rewrite there. */
export const STRONG_OPENINGS: Readonly<Record<OpeningLanguage, string>> = {
  fr: 'Conception, Développement, Migration',
  es: 'Diseñé, Desarrollé, Lideré',
  de: 'Entwicklung, Konzeption, Leitung',
};
