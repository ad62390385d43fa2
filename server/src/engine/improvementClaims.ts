/**
 * Claims that something got better, in English prose: "Improved the API",
 * "reducing the time it takes to onboard", "made the jobs more reliable",
 * "a big performance improvement". Each claim is a span of the text and the
 * kind of rewrite it takes; whether the sentence measures it is decided by
 * `unmeasured` (claimMeasures.ts), not here.
 *
 * What is not a claim: an adjective describing a design ("with improved
 * reliability", "a highly optimized pool"), a purpose after a concrete
 * action ("Added retries to improve reliability": the action is the news),
 * a concrete change that says from what to what ("Upgraded Postgres from 11
 * to 15"), a title ("Stability Optimized Swarming"). A bullet made only of a
 * purpose ("Worked with QA to improve reliability") is a claim: the purpose
 * is all it says.
 */

/**
 * How the claim is rewritten: `improve` gets "X's ‹measure› from ‹before› to
 * ‹after›", `change` (the object is the measure: "Lowered costs") gets "X
 * from ‹before› to ‹after›", `note` gets "(‹measure› from ‹before› to ‹after›)".
 */
export type ClaimKind = 'improve' | 'change' | 'note';

export interface Claim {
  /** Prose indices of the quoted claim. */
  start: number;
  end: number;
  kind: ClaimKind;
  /** Whether the claim has an object after its verb ("Improved the API", not "Optimized"). */
  hasObject: boolean;
  /** Measures named inside the claim that do not excuse it ("Lowered costs"): see claimMeasures.ts. */
  objectIsMeasure: boolean;
}

interface Family {
  pattern: RegExp;
  kind: ClaimKind;
  /** The object the verb needs to be a claim ("cut costs", not "cut a release"). */
  object?: RegExp;
}

const QUANTITY =
  /\b(?:costs?|spend(?:ing)?|bills?|expenses?|time|times|hours|days|effort|toil|overhead|latenc(?:y|ies)|downtime|outages?|waste|noise|delays?|lag|churn|load|work|money|budget)\b/i;

/** The verbs of a claim, each with the rewrite it takes. Forms: past, -ing, base. */
const FAMILIES: readonly Family[] = [
  { pattern: /\b(?:improv|enhanc|optimi[sz]|streamlin)(?:ed|ing|es|e)\b/giu, kind: 'improve' },
  { pattern: /\b(?:strengthen(?:ed|ing|s)?|refin(?:ed|ing|es|e)|simplif(?:ied|ying|ies|y)|upgrad(?:ed|ing|es|e))\b/giu, kind: 'improve' },
  { pattern: /\b(?:increas(?:ed|ing|es|e)|boost(?:ed|ing|s)?|accelerat(?:ed|ing|es|e)|(?:sped|speed(?:ing|s)?) up)\b/giu, kind: 'change' },
  {
    pattern: /\b(?:reduc(?:ed|ing|es|e)|decreas(?:ed|ing|es|e)|lower(?:ed|ing|s)|minimi[sz](?:ed|ing|es|e)|alleviat(?:ed|ing|es|e))\b/giu,
    kind: 'change',
  },
  { pattern: /\bcut(?:ting|s)?\b/giu, kind: 'change', object: QUANTITY },
  {
    pattern: /\bprevent(?:ed|ing|s)?\b/giu,
    kind: 'note',
    object:
      /\b(?:rise|increase|spike|growth|drop|decline|loss(?:es)?|outages?|downtime|incidents?|regressions?|failures?|churn|delays?|costs?)\b/i,
  },
  { pattern: /\bsav(?:ed|ing)\b/giu, kind: 'note', object: /\b(?:time|effort|costs?|money|hours|work)\b/i },
];

/** Words after which a participle is an adjective describing a thing, not a claim. */
const ADJECTIVE_BEFORE = /^(?:in|for|with|of|an?|the|to|on|at|by|from|more|most|much|its|their|our|this|these|newly)$/i;

/** Where the claim is a result: "resulting in improved X" is as vague as "Improved X". */
const RESULT_LEAD =
  /(?:result(?:ing|ed|s)? in|lead(?:ing|s)? to|led to|contribut(?:ing|ed) to|driving|delivering|achieving|yielding|bringing|enabling|allowing for)\s+(?:(?:\p{L}+ly)\s+)?$/iu;

const ADVERB = /^\p{L}+ly$/u;

/** Where the object of the verb ends: the next clause, a means ("by", "using") or a purpose ("to"). */
const CLAUSE_END =
  /[,;:!?()[\]—–]|\.(?=\s|$)|\s(?:by|through|via|using|with|to|for|while|resulting|leading|which|that|across|in|on|at|from|into|so|thus|thereby|as|after|before|during|when|without|than)\s|\s-\s/iu;

/**
 * A bullet whose only action is working with someone, helping or leading a
 * team "to improve X": the infinitive is the claim, not a purpose.
 */
const EMPTY_FRAME =
  /^(?:\p{L}+ly\s+)?(?:(?:worked|work|working|collaborated|partnered|cooperated|teamed up|continued to work)(?:\s+(?:closely|directly|together))?\s+(?:with|alongside)\s[^,;.]{1,60}?\s+to\s+|(?:helped|help|assisted)(?:\s+to)?\s+|(?:led|lead)(?:\s+(?:the|a|my|our))?\s+teams?\s+to\s+)/iu;

const MAX_CLAIMS = 5;
const MAX_CANDIDATES = 30;

/** Improvement claims in an English prose text, in order, without overlaps. */
export function englishClaims(text: string): Claim[] {
  const frame = EMPTY_FRAME.exec(text);
  const frameTo = frame ? frame[0].length : -1;
  const found: Claim[] = [];
  let candidates = 0;
  for (const { index, family, word } of verbCandidates(text)) {
    if (++candidates > MAX_CANDIDATES) break;
    const claim = verbClaim(text, index, word, family, frameTo);
    if (claim) found.push(claim);
  }
  found.push(...comparativeClaims(text, frameTo), ...nounClaims(text));
  return withoutOverlaps(found).slice(0, MAX_CLAIMS);
}

function* verbCandidates(text: string): Generator<{ index: number; family: Family; word: string }> {
  const all: { index: number; family: Family; word: string }[] = [];
  for (const family of FAMILIES) {
    for (const match of text.matchAll(family.pattern)) {
      all.push({ index: match.index ?? 0, family, word: match[0] });
      if (all.length > MAX_CANDIDATES * 2) break;
    }
  }
  yield* all.sort((a, b) => a.index - b.index);
}

function verbClaim(text: string, start: number, word: string, family: Family, frameTo: number): Claim | undefined {
  const use = verbUse(text, start, word.toLowerCase(), frameTo);
  if (!use) return undefined;
  const verbEnd = start + word.length;
  const objectEnd = clauseEnd(text, verbEnd, family.kind !== 'improve');
  const object = text.slice(verbEnd, objectEnd);
  const after = text.slice(objectEnd);
  if (family.object && !family.object.test(object)) return undefined;
  // "Upgraded Postgres 11 to 15", "Improved the plane's link from direct DB access to GraphQL": a change stated.
  if (/^\s+(?:to|from)\b/i.test(after) && /^upgrad/i.test(word)) return undefined;
  if (/^\s+from\s[^,;.]+?\sto\s/i.test(after)) return undefined;
  // "Upgraded the CI runners": upgrading a named thing is an action.
  if (/^upgrad/i.test(word) && /(?:^|\s)(?:\p{Lu}|\d)/u.test(object)) return undefined;
  const hasObject = /\p{L}/u.test(object);
  // "Worked with QA to improve reliability": the note reads better after a purpose than a possessive.
  const framed = frameTo > 0 && start >= frameTo && !/[,;.]/.test(text.slice(frameTo, start));
  const kind: ClaimKind = use === 'result' || (framed && family.kind === 'improve') ? 'note' : family.kind;
  return { start, end: hasObject ? objectEnd : verbEnd, kind, hasObject, objectIsMeasure: family.kind !== 'improve' };
}

/** Whether the word is used as a verb here ('verb'), as a result adjective ('result'), or not at all. */
function verbUse(text: string, start: number, word: string, frameTo: number): 'verb' | 'result' | undefined {
  if (start > 0 && /[\p{L}\p{N}-]/u.test(text.charAt(start - 1))) return undefined; // tax-optimized
  if (/^[-\p{L}]/u.test(text.charAt(start + word.length)) || text.charAt(start + word.length) === '-') return undefined;
  const past = /ed$/.test(word) || /^(?:cut|sped up)$/.test(word);
  const gerund = /ing(?: up)?$/.test(word);
  const before = text.slice(Math.max(0, start - 200), start);
  if (RESULT_LEAD.test(before) && past) return 'result';
  const words = before.split(/\s+/).filter(Boolean);
  if (start > 200) words.shift(); // possibly cut in the middle
  let k = words.length - 1;
  while (k >= 0 && ADVERB.test(words[k] ?? '')) k--;
  const previous = words[k] ?? '';
  const opensClause = previous === '' || /[,;:.!?—–(]$/.test(previous) || /^(?:and|or|while|then|also|which|that)$/i.test(previous);
  // "Stability Optimized Swarming": a title, not a claim.
  if (!opensClause && /^\p{Lu}/u.test(text.charAt(start))) return undefined;
  if (start > 0 && /^\p{Lu}/u.test(text.charAt(start)) && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(start + word.length))) return undefined;
  if (past) {
    if (ADJECTIVE_BEFORE.test(previous) || (!opensClause && /ing$/i.test(previous))) return undefined;
    // "was improved", "Ensured optimised data": passive or an adjective after a verb.
    if (/^(?:was|were|been|be|is|are|being|get|got|has|have|had)$/i.test(previous)) return undefined;
    if (!opensClause && /ed$/i.test(previous)) return undefined;
    return 'verb';
  }
  if (gerund) return opensClause && !/^(?:for|to)$/i.test(previous) ? 'verb' : undefined;
  // Base or third-person form: a bullet's opening ("Improve performance through coaching"), or the infinitive of a
  // bullet made only of a purpose ("Worked with QA to improve reliability", "Helped improve …").
  if (previous === '' || start === frameTo) return 'verb';
  if (frameTo > 0 && start > frameTo && /^and$/i.test(previous) && !/[,;.]/.test(text.slice(frameTo, start))) return 'verb';
  return undefined;
}

/** Where a claim's object ends; `measure` objects run on through "the time it takes to …" and "a rise in …". */
export function clauseEnd(text: string, from: number, measure = false): number {
  const rest = text.slice(from, from + 300);
  let end = rest.search(CLAUSE_END);
  if (end < 0) end = rest.length;
  if (measure) {
    const head = rest.slice(0, end);
    const joined =
      /\b(?:time|times|number|amount|rise|increase|spike|growth|drop|decline)(?:\s+(?:it\s+takes?|needed|required|spent))?$/i.test(
        head.trimEnd(),
      );
    if (joined && /^\s(?:to|in|of)\s/i.test(rest.slice(end))) {
      const next = rest.slice(end + 4).search(CLAUSE_END);
      end = next < 0 ? rest.length : end + 4 + next;
    }
  }
  // "Improved the site design and reduced …": a second verb starts a new clause.
  const and = /\s(?:and|&)\s+(\p{L}+)/giu;
  for (const match of rest.slice(0, end).matchAll(and)) {
    const verb = match[1] ?? '';
    if (/(?:ed|ing)$/i.test(verb) || /^(?:built|led|ran|made|wrote|drove|cut|set)$/i.test(verb)) {
      end = match.index ?? end;
      break;
    }
  }
  let to = from + end;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  // "reliability of services integrated with …": the participle belongs to what follows.
  const trailing = /\s+\p{L}+ed$/u.exec(text.slice(from, to));
  if (
    trailing &&
    text
      .slice(from, to - trailing[0].length)
      .trim()
      .split(/\s+/).length >= 2
  )
    to -= trailing[0].length;
  return to;
}

// ---------------------------------------------------------------------------
// Comparatives: "better X", "made X faster", "more reliable", "fewer bugs"
// ---------------------------------------------------------------------------

const QUALITY_ADJECTIVE =
  /^(?:\p{L}+(?:able|ible|ient|ent|ant|ive|ful|ous|ic)|user-friendly|\p{L}+-friendly|robust|secure|stable|consistent|accurate|reliable|resilient|performant|intuitive|efficient|effective|responsive|readable|usable|maintainable|scalable|predictable|seamless|streamlined|automated|modular|focused|informed|detailed|easily|efficiently|quickly|reliably|effectively|securely|consistently|accurately|smoothly)$/iu;
const NOT_QUALITY =
  /^(?:than|of|and|or|important|recent|relevant|frequent|different|current|significant|ambitious|\p{L}*ment|\p{L}*ents)$/iu;

const COMPARATIVE =
  /\b(?:better|faster|quicker|easier|smoother|safer|cleaner|simpler|stronger|greater|higher|lower|leaner|fewer|less|more)\b/giu;
/** What the comparative cannot be followed by to be a quality claim. */
const NOT_AFTER: Record<string, RegExp> = {
  higher: /^\s+(?:up|than|level|order|education|ed|national|priority|ground)\b/i,
  lower: /^\s+(?:level|than|bound|case|half|end|priority)\b/i,
  less: /^\s+(?:than|of)\b/i,
  fewer: /^\s+than\b/i,
  greater: /^\s+(?:good|than)\b/i,
};

function comparativeClaims(text: string, frameTo: number): Claim[] {
  const claims: Claim[] = [];
  for (const match of text.matchAll(COMPARATIVE)) {
    if (claims.length >= MAX_CLAIMS) break;
    const start = match.index ?? 0;
    let end = start + match[0].length;
    const word = match[0].toLowerCase();
    const prevChar = text.charAt(start - 1);
    if (
      prevChar === '-' ||
      text.charAt(end) === '-' ||
      (/^\p{Lu}/u.test(match[0]) && start > 0 && !/[.;:!?]\s*$/.test(text.slice(0, start)))
    ) {
      if (start > 0) continue; // "faster-than-real-time", "Higher National Diploma"
    }
    const after = text.slice(end);
    if (NOT_AFTER[word]?.test(after)) continue;
    if (word === 'more') {
      const next = /^\s+([\p{L}-]+)/u.exec(after);
      if (!next || !QUALITY_ADJECTIVE.test(next[1] ?? '') || NOT_QUALITY.test(next[1] ?? '')) continue;
      end += next[0].length;
    } else if (word === 'less' || word === 'fewer') {
      if (!/^\s+\p{L}{3,}/u.test(after)) continue;
    }
    const clauseStart = comparativeClauseStart(text, start);
    const lead = text.slice(clauseStart, start);
    if (isPurpose(lead, clauseStart === frameTo || (frameTo > 0 && clauseStart <= frameTo))) continue;
    if (/\b(?:with|of|among|as|like|into)\s+(?:\p{L}+\s+){0,2}$/iu.test(lead)) continue; // "with higher standards", "into smaller and easier tasks"
    // Coordinated comparatives: "faster and more reliable".
    const more = /^(?:,?\s+(?:and|or)\s+|,\s+)(?:(?:more\s+[\p{L}-]+)|(?:\p{L}+er))\b/iu.exec(text.slice(end));
    if (more) end += more[0].length;
    const attributive = /^\s+(?!and\b|or\b|than\b|by\b|to\b|for\b|in\b|with\b|through\b|via\b|using\b)[\p{L}]/iu.test(text.slice(end));
    let claimStart = start;
    let claimEnd = end;
    if (attributive) {
      claimEnd = clauseEnd(text, end);
    } else {
      // "made our application load faster": from the verb that makes it so.
      const maker = /\b(?:make|makes|made|making|keep|keeps|kept|render(?:s|ed)?)\b(?!.*\b(?:make|makes|made|making)\b)/iu.exec(lead);
      const previousWord = /(\p{L}[\p{L}'’-]*)\s+$/u.exec(lead);
      claimStart = maker ? clauseStart + maker.index : previousWord ? start - previousWord[0].length : start;
      claimEnd += /^\s+to\s+\p{L}+/u.exec(text.slice(end))?.[0].length ?? 0; // "easier to debug"
    }
    if (claimEnd <= claimStart) continue;
    claims.push({ start: claimStart, end: claimEnd, kind: 'note', hasObject: true, objectIsMeasure: false });
  }
  return claims;
}

/** Where the clause holding a comparative starts: after punctuation, "and ‹verb›ing", "which" or "that". */
function comparativeClauseStart(text: string, at: number): number {
  const from = Math.max(0, at - 200);
  const before = text.slice(from, at);
  let start = 0;
  for (const match of before.matchAll(/[,;:.!?()—–]\s*|\s(?:and|or)\s+(?=\p{L}+ing\b)|\s(?:which|that)\s/giu)) {
    start = (match.index ?? 0) + match[0].length;
  }
  return from + start;
}

/**
 * Whether the words before a comparative in its clause make it a purpose:
 * "to make builds faster", "for better readability", "in order to". Not when
 * the infinitive is the claim ("helping us to make … faster", "Led the team
 * to implement better checks") or "allowing for" a result.
 */
function isPurpose(lead: string, framed: boolean): boolean {
  if (framed) return false;
  const cleaned = lead
    .replace(/\b(?:help(?:s|ed|ing)?|allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing))(?:\s+(?!to\b)\p{L}+){0,2}\s+to\s/giu, ' ')
    .replace(/\b(?:allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing))\s+for\s/giu, ' ')
    .replace(/\b(?:it\s+takes?|able|used|need(?:ed)?|going)\s+to\s/giu, ' ');
  return /\b(?:to\s+(?!the\b|an?\b|my\b|our\b|its\b|their\b|this\b|these\b|all\b)\p{L}+|for|so\s+that|in\s+order)\b/iu.test(cleaned);
}

// ---------------------------------------------------------------------------
// Noun forms: "a big performance improvement", "improvements to …", "cost savings"
// ---------------------------------------------------------------------------

const CLAIM_NOUN =
  /\b(?:improvements?|enhancements?|optimi[sz]ations?|gains|benefits|savings|(?:an?|significant|substantial|major|noticeable|marked|big|huge|considerable|dramatic)\s+(?:increase|reduction|decrease|boost|uplift|drop)\s+in)\b/giu;
/** Improvements proposed, planned or continuous are not a result; a plan or a tool is a thing. */
const NOT_A_RESULT_BEFORE =
  /\b(?:suggest\w*|propos\w*|identif\w*|recommend\w*|enabl\w*|continuous|potential|future|possible|plan\w*|scop\w*|evaluat\w*|research\w*|for|to|toward|towards|of)\s+(?:[\p{L}/-]+\s+){0,3}$/iu;
const NOT_A_RESULT_AFTER =
  /^\s*(?:plans?|initiatives?|programs?|programmes?|process(?:es)?|proposals?|suggestions?|opportunit\w+|ideas|templates?|tools?|algorithms?|techniques?|problems?|tasks?|models?|engines?|frameworks?|projects?|packages?|stud(?:y|ies)|efforts?)\b/iu;
const INTENSIFIER =
  /\b(?:substantial|significant|major|noticeable|marked|big|huge|considerable|dramatic|great|tangible|measurable|clear)\b/iu;

function nounClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const match of text.matchAll(CLAIM_NOUN)) {
    if (claims.length >= MAX_CLAIMS) break;
    const at = match.index ?? 0;
    const noun = match[0].toLowerCase();
    if (at > 0 && /[-\p{L}]/u.test(text.charAt(at - 1))) continue;
    if (/^\p{Lu}/u.test(match[0]) && at > 0 && !/[.;:!?]\s*$/.test(text.slice(0, at))) continue; // a title
    const nounEnd = at + match[0].length;
    if (NOT_A_RESULT_AFTER.test(text.slice(nounEnd))) continue;
    const start = phraseStart(text, at);
    const lead = text.slice(Math.max(0, start - 80), start);
    if (NOT_A_RESULT_BEFORE.test(lead) && !/\b(?:lead(?:ing|s)?|led|result\w*)\s+to\s+$/i.test(lead)) continue;
    if (/\b(?:continuous|continual|potential|future|possible|further)\s+$/i.test(text.slice(Math.max(0, at - 20), at))) continue;
    const modifiers = text
      .slice(Math.max(0, at - 60), at)
      .split(/\s+/)
      .slice(-6)
      .join(' ');
    if (/^(?:gains|benefits)$/.test(noun) && !INTENSIFIER.test(modifiers) && !/^\s+(?:in|to)\s/i.test(text.slice(nounEnd))) continue;
    if (noun === 'benefits' && !INTENSIFIER.test(modifiers)) continue;
    if (
      noun === 'savings' &&
      !/\b(?:costs?|time|money|effort|infrastructure|operational)\b/i.test(modifiers) &&
      !INTENSIFIER.test(modifiers)
    )
      continue;
    const end = /^\s(?:to|in|of|for)\s/i.test(text.slice(nounEnd)) ? clauseEnd(text, nounEnd + 4) : nounEnd;
    const measureNoun = /savings|increase|reduction|decrease|boost|uplift|drop/.test(noun);
    claims.push({ start, end, kind: 'note', hasObject: true, objectIsMeasure: measureNoun });
  }
  return claims;
}

/** The start of the noun phrase ending at `at`: back over its determiner and modifiers, to the verb or the clause. */
function phraseStart(text: string, at: number): number {
  let start = at;
  for (let n = 0; n < 6; n++) {
    const previous = /(?:^|\s)([\p{L}\p{N}/&'’-]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
    if (!previous) break;
    const word = previous[1] ?? '';
    if (/(?:ed|ing)$/i.test(word) && !/^(?:significant|substantial)$/i.test(word)) break;
    // "efficiency and communication benefits": a coordinated modifier.
    if (
      /^(?:and|&)$/i.test(word) &&
      n > 0 &&
      /(?:^|\s)(?!(?:\p{L}+(?:ed|ing)|to|in|of|for|by|with|the|a|an)\s)\p{L}+\s+(?:and|&)\s+$/iu.test(
        text.slice(Math.max(0, start - 40), start),
      )
    ) {
      start -= previous[0].length - 1;
      continue;
    }
    if (/^(?:to|in|of|for|by|with|on|at|from|into|and|or|which|that|who|the|a|an)$/i.test(word)) {
      if (/^(?:the|a|an)$/i.test(word)) start -= previous[0].length - (previous[0].startsWith(' ') ? 1 : 0);
      break;
    }
    if (/^(?:made|brought|drove|led|won|gave|saw|got)$/i.test(word)) break;
    start -= previous[0].length - (previous[0].startsWith(' ') ? 1 : 0);
  }
  return start;
}

/** Of two overlapping claims the one that starts first stays: a verb's object often holds a comparative. */
function withoutOverlaps(claims: Claim[]): Claim[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Claim[] = [];
  for (const claim of sorted) {
    const last = out[out.length - 1];
    if (last && claim.start < last.end) continue;
    out.push(claim);
  }
  return out;
}
