/**
 * A highlight that opens with a duty instead of an action: "Responsible
 * for", "Worked on", "Helped", "Participated in", "Part of the team". A
 * reader skims the first words of each bullet; a verb that says what you did
 * (Built, Led, Migrated) is what they should find there.
 *
 * The fixes rewrite only the opening, picking verbs from what follows: a
 * gerund becomes its past ("Responsible for building X" → "Built X"), a
 * nominalisation its verb ("the design and development of X" → "Designed and
 * developed X"), a plain noun phrase gets an ownership verb ("Owned X").
 * Markup around the phrase and everything after it stay as written.
 *
 * A misspelt key word ("Respnsible for") is read as the word it misspells,
 * and the same openings in French, Spanish and German are found too
 * (`engine/weakOpenings`); those get the finding without a rewrite, since
 * an English verb would not fit them.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { proseToRaw, type Prose } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';
import { gerundToBase, gerundToPast, isKnownVerb, pastTense, toGerund } from '../engine/verbs';
import { findForeignOpening, respellKeyWords, STRONG_OPENINGS, type ForeignOpening } from '../engine/weakOpenings';

type Family =
  'responsible' | 'worked' | 'helped' | 'assisted' | 'participated' | 'involved' | 'tasked' | 'duties' | 'contributed' | 'member';

interface Opening {
  family: Family;
  /** Prose indices of the weak phrase, a leading "I"/"Was" and adverb included. */
  start: number;
  end: number;
  /** The preposition the phrase ended with ("on", "with"), lower-cased; '' when none. */
  preposition: string;
  /** An adverb inside the phrase worth keeping ("closely" in "Worked closely with"). */
  adverb: string;
}

/** Bullet markers and quotes a person may type inside the text. */
const LEADING_JUNK = /^[\s\-–—•·*>▪►✓"“']*/u;

const SUBJECT = String.raw`(?:I\s+)?(?:(?:was|were|am|are|have been|had been|been)\s+)?`;
const ADVERB = String.raw`(?:(?:actively|directly|closely|heavily|successfully|also|primarily|mainly|partly|fully|solely|jointly|significantly|largely|greatly|mostly|deeply|personally|ultimately|collectively|proactively)\s+)?`;

const PHRASES: ReadonlyArray<[Family, RegExp]> = [
  ['responsible', /^(?:responsible\s+(for|of)|responsibility\s+(for)|in\s+charge\s+(of))\b/i],
  [
    'worked',
    /^(?:worked|working|work|works)(?:\s+(closely|directly|extensively|primarily|mainly|together|collaboratively|hand in hand))?\s+(on|in|within|with|alongside|as|to)\b/i,
  ],
  // A noun or a near-synonym with the same shape: "Collaboration with", "Engaged with the team to build".
  ['worked', /^(?:collaboration|engaged)\s+(with)\b/i],
  [
    'helped',
    /^(?:help|helps|helped|helping)(?!\s+(?:desk|center|centre|page|pages|docs?|articles?|card|cards)\b)(?:\s+(to|with|in|on))?\b/i,
  ],
  ['assisted', /^(?:assisted|assisting|assist|assists)(?:\s+(with|in|on))?\b/i],
  ['participated', /^(?:participated|participating|participate|participates|participation|engaged)\s+(in)\b/i],
  ['involved', /^(?:involved|involvement)\s+(in|with)\b/i],
  ['tasked', /^(?:tasked|entrusted|charged)\s+(with)\b/i],
  [
    'duties',
    /^(?:duties|tasks|responsibilities)\s+(?:(?:vary|varied)\s+and\s+)?(?:have\s+|has\s+)?(?:included|include|includes|involved|consisted of)\b/i,
  ],
  ['contributed', /^(?:contributed|contributing|contribute|contributes|contributions?)\s+(to|in)\b/i],
  [
    'member',
    /^(?:(?:a|an|the)\s+)?(?:(?:key|core|active|founding)\s+)?(?:member|part)\s+(of)(?:\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?team\b)?/i,
  ],
];

const LEAD = new RegExp(`^${SUBJECT}${ADVERB}`, 'i');

/** The weak phrase a bullet opens with, if any. */
function findWeakOpening(text: string): Opening | undefined {
  const junk = LEADING_JUNK.exec(text)?.[0].length ?? 0;
  const lead = LEAD.exec(text.slice(junk))?.[0] ?? '';
  // "I" or "Was" alone before a strong verb is not this rule's business.
  for (const offset of lead ? [lead.length, 0] : [0]) {
    const at = junk + offset;
    // A misspelt key word reads as the word it misspells; the pattern still asks for the weak shape around it.
    const respelt = respellKeyWords(text.slice(at, at + 120));
    for (const [family, pattern] of PHRASES) {
      const match = pattern.exec(respelt.text);
      if (!match) continue;
      const groups = match.slice(1).filter((group): group is string => group !== undefined);
      const preposition = family === 'worked' ? groups[groups.length - 1] : (groups[0] ?? '');
      const adverb = family === 'worked' && groups.length === 2 ? (groups[0] ?? '') : '';
      const end = at + (respelt.offsets[match[0].length] ?? match[0].length);
      return { family, start: junk, end, preposition: (preposition ?? '').toLowerCase(), adverb };
    }
  }
  return undefined;
}

/** The same openings in French, Spanish or German. */
function findForeign(text: string): ForeignOpening | undefined {
  return findForeignOpening(text, LEADING_JUNK.exec(text)?.[0].length ?? 0);
}

// ---------------------------------------------------------------------------
// What follows the phrase
// ---------------------------------------------------------------------------

/** -ing words that are usually nouns: a gerund reading needs an object that cannot be a noun phrase's head. */
const NOUN_LIKE_ING = new Set([
  'marketing',
  'accounting',
  'networking',
  'housing',
  'banking',
  'branding',
  'financing',
  'pricing',
  'billing',
  'staffing',
  'consulting',
  'trading',
  'tooling',
  'messaging',
  'computing',
  'learning',
  'engineering',
  'programming',
  'landing',
  'rendering',
  'advertising',
  'manufacturing',
  'purchasing',
  'outsourcing',
  'ticketing',
  'hosting',
  'logging',
  'caching',
  'streaming',
  'alerting',
  'onboarding',
  'offboarding',
  'recruiting',
]);

/** -ing words that are not verbs at all here. */
const NOT_GERUND = new Set([
  'including',
  'during',
  'regarding',
  'concerning',
  'following',
  'according',
  'excluding',
  'pending',
  'existing',
  'ongoing',
  'upcoming',
  'outstanding',
  'everything',
  'something',
  'anything',
  'nothing',
  'emerging',
  'incoming',
  'outgoing',
  'remaining',
  'missing',
  'leading-edge',
  'cutting-edge',
  'underlying',
  'surrounding',
  'corresponding',
  'interesting',
  'amazing',
  'challenging',
  'demanding',
  'engaging',
  'thing',
  'things',
]);

const DETERMINER =
  /^(?:the|a|an|our|all|new|their|its|his|her|my|this|these|those|each|every|multiple|several|various|internal|key|critical|core|large|complex|and|\d)/i;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordAt(text: string, at: number): Word | undefined {
  const match = /^\s*([\p{L}][\p{L}'’-]*)/u.exec(text.slice(at, at + 80));
  if (!match) return undefined;
  const [whole, word = ''] = match;
  const start = at + whole.length - word.length;
  return { text: word, start, end: start + word.length };
}

/** Whether `word` is a gerund here, judged by what follows it. */
function isGerund(text: string, word: Word): boolean {
  const lower = word.text.toLowerCase();
  if (!lower.endsWith('ing') || lower.length < 5 || NOT_GERUND.has(lower)) return false;
  // "Beijing", "Kubernetes Hosting": a capital marks a name unless the verb is one we know.
  if (/^\p{Lu}/u.test(word.text) && !isKnownVerb(gerundToBase(lower))) return false;
  const after = text.slice(word.end, word.end + 80);
  const next = wordAt(text, word.end);
  const adjacent = !!next && /^\s+$/.test(text.slice(word.end, next.start));
  const followedByObject =
    /^\s+(?:up|out|down|off)\b/i.test(after) || (adjacent && !!next && (DETERMINER.test(next.text) || /^\p{Lu}/u.test(next.text)));
  if (NOUN_LIKE_ING.has(lower)) return followedByObject && !/^\s+and\b/i.test(after);
  // "testing and QA", "planning, design": a list of nouns, not an action.
  const listed = /^(?:\s*[,/&]\s*|\s+(?:and|or)\s+)([\p{L}-]+)/u.exec(after)?.[1];
  if (listed !== undefined && !listed.toLowerCase().endsWith('ing')) return false;
  return !/^\s*(?:$|[.;:)]|(?:of|for|in|at|on|with|within|across)\b)/.test(after);
}

/** A replacement of prose `[from, to)`. */
interface Edit {
  from: number;
  to: number;
  text: string;
}

interface Rewrite {
  /** The first edit replaces the weak phrase; later ones fix the verbs that go with it. */
  edits: Edit[];
  /** The new opening, for the title and the message. */
  label: string;
}

const LIST_SEPARATOR = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s*\/\s*|\s+(?:and|or|&)\s+)/;

/** "designing, building and operating": gerunds in a row, each a word of the chain. */
function gerundChain(text: string, at: number): Word[] | undefined {
  const first = wordAt(text, at);
  if (!first || !isGerund(text, first)) return undefined;
  const words = [first];
  for (let last = first; ;) {
    const sep = LIST_SEPARATOR.exec(text.slice(last.end, last.end + 20));
    const next = sep ? wordAt(text, last.end + sep[0].length) : undefined;
    if (!next || !next.text.toLowerCase().endsWith('ing') || !isKnownVerb(gerundToBase(next.text.toLowerCase()))) break;
    words.push((last = next));
  }
  return words;
}

/**
 * Later gerunds parallel to the first, each opening the next item of a list
 * ("building features and fixing bugs", "building X, fixing Y, shipping Z");
 * an item that does not open with a gerund after a comma ends the list, so a
 * participle deeper in the sentence ("a program …, calculating …") stays.
 */
function parallelGerunds(text: string, from: number): Word[] {
  // A list lives in one sentence; 400 characters bound the work on a huge bullet.
  const sentenceEnd = text.slice(from, from + 400).search(/[.;:!?]|\s(?:while|by|when|whereas|so that)\s/);
  const scope = sentenceEnd < 0 ? Math.min(text.length, from + 400) : from + sentenceEnd;
  const found: { word: Word; withAnd: boolean }[] = [];
  const separator = /(,\s+and\s+|,\s+|\s+and\s+)/g;
  separator.lastIndex = from;
  for (let m = separator.exec(text); m && m.index < scope; m = separator.exec(text)) {
    const separatorText = m[1] ?? '';
    const next = wordAt(text, m.index + m[0].length);
    const lower = next?.text.toLowerCase() ?? '';
    const gerund = !!next && lower.endsWith('ing') && !NOT_GERUND.has(lower) && isKnownVerb(gerundToBase(lower));
    if (next && gerund) {
      found.push({ word: next, withAnd: /and/.test(separatorText) });
      separator.lastIndex = next.end;
    } else if (separatorText.includes(',')) {
      break;
    }
  }
  const isList = found.some((f) => f.withAnd) || found.length >= 2;
  return isList ? found.map((f) => f.word) : [];
}

function pastOf(word: Word): Edit {
  return { from: word.start, to: word.end, text: gerundToPast(word.text.toLowerCase()) };
}

/** Base verbs in a row after "helped": "upgrade and convert". */
function baseChain(text: string, at: number): Word[] | undefined {
  const first = wordAt(text, at);
  if (!first || !isBaseVerb(first.text)) return undefined;
  const words = [first];
  for (let last = first; ;) {
    const sep = LIST_SEPARATOR.exec(text.slice(last.end, last.end + 20));
    const next = sep ? wordAt(text, last.end + sep[0].length) : undefined;
    if (!next || !isBaseVerb(next.text)) break;
    words.push((last = next));
  }
  return words;
}

/** Nouns that name an action, and the verb to use instead: "the design and development of X". */
const NOMINALISATIONS: Readonly<Record<string, string>> = {
  design: 'design',
  development: 'develop',
  implementation: 'implement',
  maintenance: 'maintain',
  migration: 'migrate',
  creation: 'create',
  management: 'manage',
  integration: 'integrate',
  deployment: 'deploy',
  delivery: 'deliver',
  planning: 'plan',
  coordination: 'coordinate',
  automation: 'automate',
  optimization: 'optimize',
  optimisation: 'optimise',
  administration: 'administer',
  configuration: 'configure',
  construction: 'build',
  build: 'build',
  rollout: 'roll out',
  launch: 'launch',
  review: 'review',
  analysis: 'analyze',
  testing: 'test',
  training: 'train',
  improvement: 'improve',
  enhancement: 'enhance',
  execution: 'execute',
  preparation: 'prepare',
  production: 'produce',
  redesign: 'redesign',
  refactoring: 'refactor',
  modernization: 'modernize',
  modernisation: 'modernise',
  evaluation: 'evaluate',
  documentation: 'document',
  definition: 'define',
  establishment: 'establish',
  expansion: 'expand',
  adoption: 'adopt',
  validation: 'validate',
  verification: 'verify',
  selection: 'select',
  setup: 'set up',
  operation: 'operate',
  operations: 'run',
  oversight: 'oversee',
  supervision: 'supervise',
  translation: 'translate',
  conversion: 'convert',
  transformation: 'transform',
  architecture: 'architect',
  investigation: 'investigate',
  monitoring: 'monitor',
  consolidation: 'consolidate',
  standardization: 'standardize',
  standardisation: 'standardise',
  organization: 'organize',
  organisation: 'organise',
};

/** "the design and development of " → "designed and developed ", and where it ends. */
function nominalisation(text: string, at: number): { past: string; end: number } | undefined {
  const match = /^\s*(?:the\s+)?([a-z]+(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)[a-z]+)*)\s+of\s+/i.exec(text.slice(at));
  if (!match) return undefined;
  const parts = (match[1] ?? '').split(/(\s*,\s*(?:and\s+)?|\s+and\s+)/);
  let past = '';
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) {
      past += part;
      continue;
    }
    const noun = part.toLowerCase();
    const verb = Object.prototype.hasOwnProperty.call(NOMINALISATIONS, noun) ? NOMINALISATIONS[noun] : undefined;
    if (verb === undefined) return undefined;
    past += pastTense(verb);
  }
  return { past: `${past} `, end: at + match[0].length };
}

const PEOPLE =
  /\b(?:teams?|designers?|engineers?|developers?|devs?|product|qa|partners?|stakeholders?|clients?|customers?|leaders?|leadership|managers?|management|users?|scientists?|architects?|analysts?|colleagues|peers|vendors?|business|sales|executives?|founders?|ceo|cto|vp|directors?|researchers?|students?|interns?|consultants?|contractors?|contribut[eo]rs?|others?|staff|people|members?|squad|group|department|org|organi[sz]ation|counterparts|owners?|experts?|specialists?|officers?|administrators?|juniors?|mentees|community)\b/i;

/** Things one contributes code to; anything else gets "Supported" / "Partnered on". */
const ARTEFACT =
  /\b(?:apps?|dapps?|applications?|platforms?|websites?|sites?|projects?|librar(?:y|ies)|repos?|repositories|codebases?|products?|services?|features?|tools?|tooling|systems?|frameworks?|apis?|sdks?|packages?|modules?|engines?|plugins?|extensions?|clis?)\b/i;

/** The noun phrase right after the phrase, up to the first preposition or verb: "QuickBase" in "with QuickBase to develop …". */
function objectHead(rest: string): string {
  const phrase = rest.split(/[,.;:(]|\s(?:to|for|on|in|by|at|using|via|as|from|that|which|who|while|including|such|with)\s/, 1)[0] ?? '';
  return phrase.split(/\s+/).slice(0, 7).join(' ');
}

/** Two or three new openings for the bullet, the best first. */
function rewrites(opening: Opening, text: string): Rewrite[] {
  const at = opening.end;
  const rest = text.slice(at, at + 300);
  const out: Rewrite[] = [];
  const phraseEdit = (to: number, value: string): Edit => ({ from: opening.start, to, text: value });
  const add = (edits: Edit[], label: string): void => {
    if (!out.some((r) => r.label === label)) out.push({ edits, label });
  };
  const partial = ['helped', 'assisted', 'participated', 'involved', 'contributed', 'member'].includes(opening.family);

  const chain = gerundChain(text, at);
  if (chain) {
    const converted = chain.map(pastOf);
    const [first] = converted;
    const last = chain[chain.length - 1];
    if (!first || !last) return out;
    const later = parallelGerunds(text, last.end).map(pastOf);
    add([phraseEdit(first.to, first.text), ...converted.slice(1), ...later], first.text);
    if (partial) add([phraseEdit(at, 'Partnered on')], 'Partnered on');
    else if ((opening.family === 'responsible' || opening.family === 'tasked') && chain.length === 1 && later.length === 0) {
      add([phraseEdit(first.to, `Owned and ${first.text}`), ...converted.slice(1), ...later], `Owned and ${first.text}`);
    }
    return out;
  }
  const nominal = nominalisation(text, at);
  if (nominal) {
    add([phraseEdit(nominal.end, nominal.past)], nominal.past.trim());
    if (partial) add([phraseEdit(at, 'Partnered on')], 'Partnered on');
    return out;
  }
  const toVerb = (opening.family === 'helped' && opening.preposition === '') || opening.preposition === 'to';
  if (toVerb && opening.family !== 'contributed') {
    const verbs = baseChain(text, at);
    const [firstVerb, ...moreVerbs] = verbs ?? [];
    if (firstVerb) {
      const past = (word: Word) => pastTense(word.text.toLowerCase());
      const pastEdits = moreVerbs.map((word) => ({ from: word.start, to: word.end, text: past(word) }));
      add([phraseEdit(firstVerb.end, past(firstVerb)), ...pastEdits], past(firstVerb));
      const gerund = (word: Word) => toGerund(word.text.toLowerCase());
      const gerundEdits = moreVerbs.map((word) => ({ from: word.start, to: word.end, text: gerund(word) }));
      add([phraseEdit(firstVerb.end, `Partnered on ${gerund(firstVerb)}`), ...gerundEdits], `Partnered on ${gerund(firstVerb)}`);
      return out;
    }
  }
  if (opening.family === 'member') {
    // "Part of the team that built X" → "Built X"; any "member of" → "Joined …".
    const phrase = text.slice(opening.start, opening.end);
    const relative = /team$/i.test(phrase)
      ? /^\s+(?:that|which|who)\s+([a-z]+)\s+/i.exec(rest)
      : /^\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:team|group|squad|crew|unit|department)\s+(?:that|which|who)\s+([a-z]+)\s+/i.exec(rest);
    const verb = relative?.[1];
    if (relative && verb !== undefined && isPastVerb(verb)) add([phraseEdit(at + relative[0].length, `${verb} `)], verb);
    add([phraseEdit(opening.start + phrase.search(/\bof\b/i) + 2, 'Joined')], 'Joined');
    return out;
  }
  // "Tasks include: X" → "Owned X": the colon goes with the phrase.
  const colon = /^\s*:/.exec(rest);
  const to = opening.family === 'duties' && colon ? at + colon[0].length : at;
  for (const verb of nounPhraseVerbs(opening, rest)) add([phraseEdit(to, verb)], verb);
  return out;
}

/** A plain verb after "helped": "Helped migrate X". */
function isBaseVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return isKnownVerb(lower) && !lower.endsWith('ing') && !/(?:ed|s)$/.test(lower) && !/^(?:the|a|an|our|to|with|in)$/.test(lower);
}

function isPastVerb(word: string): boolean {
  return /ed$/.test(word) || /^(?:built|led|ran|made|wrote|drove|grew|won|set|took|brought)$/i.test(word);
}

/** Verbs that can replace the phrase in front of a noun phrase. */
function nounPhraseVerbs(opening: Opening, rest: string): string[] {
  const head = objectHead(rest);
  // The head noun decides: "project management responsibilities" is not people, "the support engineers"
  // and "the frontend dev resolving …" are.
  const words = head.split(/\s+/);
  const participle = words.findIndex((word, i) => i > 0 && /ing$/i.test(word));
  const heads = [words[words.length - 1] ?? '', words[participle - 1] ?? ''];
  const people = heads.some((word) => PEOPLE.test(word));
  const adverb = opening.adverb ? ` ${opening.adverb}` : '';
  switch (opening.family) {
    case 'responsible':
    case 'tasked':
    case 'duties':
      return people ? ['Led', 'Managed', 'Ran'] : ['Owned', 'Ran', 'Led'];
    case 'worked':
      if (opening.preposition === 'on') return ['Built', 'Developed'];
      // "Worked as a developer on X", "Worked to …" without a verb: no safe rewrite.
      if (opening.preposition === 'as' || opening.preposition === 'to') return [];
      if (opening.preposition === 'with' || opening.preposition === 'alongside') {
        return people ? [`Partnered${adverb} with`, `Collaborated${adverb} with`] : ['Used', 'Built with'];
      }
      return [`Collaborated${adverb} ${opening.preposition}`];
    case 'helped':
    case 'assisted':
      if (opening.preposition === '' && people) return ['Supported', 'Guided'];
      return ['Supported', 'Partnered on'];
    case 'participated':
    case 'involved':
      return ['Joined', 'Supported'];
    case 'contributed':
      return ARTEFACT.test(head.split(/\s+and\s+/, 1)[0] ?? '')
        ? ['Built features for', 'Shipped changes to']
        : ['Supported', 'Partnered on'];
    case 'member':
      return ['Joined'];
  }
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

const rule: BulletRule = {
  meta: {
    id: 'weak-opening',
    severity: 'warning',
    description: 'A highlight that opens with a duty ("Responsible for", "Worked on", "Helped") instead of what you did.',
    fixable: true,
    suggestions: ['Start with "…"'],
    tags: ['prose'],
  },
  // English phrases in English bullets; French, Spanish and German ones in any (they are no English words).
  languages: 'any',
  checkBullet(bullet, { model, report, prose, read }) {
    if (bullet.kind !== 'highlight') return;
    const opening = read.isLikelyEnglish(prose.text) ? findWeakOpening(prose.text) : undefined;
    if (!opening) {
      const foreign = findForeign(prose.text);
      if (!foreign) return;
      const raw = proseToRaw(prose, foreign.start, foreign.end);
      const examples = foreign.language ? ` (${STRONG_OPENINGS[foreign.language]})` : '';
      const phrase = prose.text.slice(foreign.start, foreign.end);
      // No rewrite: an English verb would not fit the bullet, and a translation is a guess.
      report({
        range: rangeInBullet(model, bullet, raw.start, raw.end),
        message: `\`${phrase}\` is a weak opening: start with what you did${examples}.`,
      });
      return;
    }
    const phrase = prose.text.slice(opening.start, opening.end);
    const options = rewrites(opening, prose.text).slice(0, 3);
    const raw = proseToRaw(prose, opening.start, opening.end);
    report({
      range: rangeInBullet(model, bullet, raw.start, raw.end),
      message: message(phrase, options),
      fixes: () => options.map((option) => openingFix(bullet, prose, option)),
    });
  },
};

function message(phrase: string, options: Rewrite[]): string {
  const verbs = [...new Set(options.map((option) => capitalise(option.label.split(/\s+/, 1)[0] ?? '')))];
  const examples = verbs.length ? verbs.join(', ') : 'Built, Led, Designed';
  return `\`${phrase}\` is a weak opening: start with what you did (${examples}).`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Applies prose edits to the bullet's text. Markup inside a replaced span
 * (the `**` of `**Responsible for**`) is kept right after the new words, so
 * emphasis stays balanced; everything outside the edits stays as written.
 */
function applyProseEdits(raw: string, prose: Prose, edits: Edit[]): string {
  let out = raw;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    const { start, end } = proseToRaw(prose, edit.from, edit.to);
    const mapped = new Set(prose.offsets.slice(edit.from, edit.to));
    let markup = '';
    for (let i = start; i < end; i++) if (!mapped.has(i)) markup += raw[i];
    out = out.slice(0, start) + edit.text + markup + out.slice(end);
  }
  return out;
}

function openingFix(bullet: Bullet, prose: Prose, option: Rewrite): FixIntent {
  const edits = option.edits.map((edit, i) => (i === 0 ? { ...edit, text: capitalise(edit.text) } : edit));
  const value = applyProseEdits(bullet.text, prose, edits);
  return { title: `Start with "${capitalise(option.label)}"`, changes: [setText(bullet, [value])] };
}

export default rule;
