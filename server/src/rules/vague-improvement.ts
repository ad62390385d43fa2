/**
 * "Improved the API": an improvement claim with no number and no named
 * measure, so the reader learns neither what got better nor by how much.
 * "Improved API latency" names the measure (the `quantify` rule still asks
 * for the number); "cut p99 latency from 800 ms to 120 ms" is what the seed
 * calls a strong bullet.
 *
 * The rule reads the verb as a verb ("Improved X", ", improving X",
 * "resulting in improved X"), not as a plain adjective ("with improved
 * reliability" describing a design), and stays quiet when the sentence
 * already has a number or names a measure.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { proseToRaw, type Prose } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import type { TextReader } from '../engine/textReader';
import { setText, type FixIntent, type TextPart } from '../engine/fixIntent';

const STEMS = 'improv|enhanc|optimi[sz]|increas|boost|streamlin|upgrad';
const VERB = new RegExp(`\\b(?:${STEMS})(?:ed|ing|es|e|s)?\\b`, 'giu');

/** Measures a reader can put a number on: naming one is half the job. */
const NAMED_MEASURE = new RegExp(
  [
    String.raw`\blatenc(?:y|ies)\b`,
    String.raw`\bthroughput\b`,
    String.raw`\bt?p(?:50|75|90|95|99|999)\b`,
    String.raw`\b(?:response|load|build|deploy(?:ment)?|lead|cycle|run|execution|processing|query|startup|start-up|boot|page[- ]load|wait|queue|recovery|resolution|review|release|compile|test|render(?:ing)?|development|delivery|turnaround|onboarding|iteration|feedback|handling|setup|ingestion|training|inference|transaction)[- ]?times?\b`,
    String.raw`\bresponsiveness\b`,
    String.raw`\bruntime\b`,
    String.raw`\b[\p{L}-]+[- ]rates?\b`,
    String.raw`\b(?:uptime|availability|downtime|outages|incidents|incident (?:count|volume|rate))\b`,
    String.raw`\b(?:costs?|spend(?:ing)?|revenue|sales|profit|margins?|savings?|budget|ROI|ARR|MRR)\b`,
    String.raw`\b(?:conversions?|retention|churn|signups?|sign-ups?|bookings|orders|traffic|page ?views|MAU|DAU|NPS|CSAT|CTR|click-through)\b`,
    String.raw`\b(?:coverage|accuracy|precision|recall|F1)\b`,
    String.raw`\b(?:memory|CPU|disk|storage|bandwidth)(?: (?:usage|use|footprint|utili[sz]ation|consumption))?\b`,
    String.raw`\b(?:bundle|payload|image|binary|index) sizes?\b`,
    String.raw`\b(?:speed|performance score|lighthouse|core web vitals|LCP|TTFB|FPS|frame ?rate|hit ratio|MTTR|MTTD|mean time|time to (?:market|recovery|first byte|resolution))\b`,
    String.raw`\b(?:QPS|RPS|TPS|SLAs?|SLOs?)\b`,
  ].join('|'),
  'iu',
);

/** Words after which "improved" is an adjective describing a thing, not a claim. */
const ADJECTIVE_BEFORE = /^(?:in|for|with|of|an?|the|to|on|at|by|from|more|most|much|its|their|our)$/i;

/** Where the claim is a result: "resulting in improved X" is as vague as "Improved X". */
const RESULT_LEAD =
  /(?:result(?:ing|ed|s)? in|lead(?:ing|s)? to|led to|contribut(?:ing|ed) to|driving|delivering|achieving|yielding|bringing)\s+(?:(?:\p{L}+ly)\s+)?$/iu;

const ADVERB = /^\p{L}+ly$/u;

/** Where the object of the verb ends: the next clause, a means ("by", "using") or a purpose ("to"). */
const CLAUSE_END =
  /[,;:!?()[\]—–]|\.(?=\s|$)|\s(?:by|through|via|using|with|to|for|while|resulting|leading|which|that|across|in|on|at|from|into|so|thus|thereby|as|after|before|during|when|without)\s|\s-\s/iu;

/** The sentence already says how: no "by ‹how›" slot. */
const MEANS = /\b(?:by|through|via|using|with)\b/i;

const MEASURE_FIX_TITLE = 'Say what improved and by how much';
const MAX_CLAIMS = 5;
const MAX_CANDIDATES = 20;

interface Claim {
  /** Prose indices of the verb and its object. */
  start: number;
  end: number;
  hasObject: boolean;
  /** A result phrase ("resulting in improved X"): the template goes in brackets after it. */
  asResult: boolean;
}

/** Improvement claims in a prose text that state no number and name no measure. */
function vagueClaims(text: string, read: TextReader): Claim[] {
  const claims: Claim[] = [];
  let candidates = 0;
  for (const match of text.matchAll(VERB)) {
    // Enough for any real bullet; keeps a pathological one linear.
    if (claims.length >= MAX_CLAIMS || ++candidates > MAX_CANDIDATES) break;
    const start = match.index ?? 0;
    const word = match[0].toLowerCase();
    const use = verbUse(text, start, word);
    if (!use) continue;
    const verbEnd = start + match[0].length;
    const objectEnd = clauseEnd(text, verbEnd);
    const object = text.slice(verbEnd, objectEnd);
    // "Upgraded X to the latest SDK": a concrete change, not a vague claim.
    if (word.startsWith('upgrad') && /^\s+(?:to|from)\b/i.test(text.slice(objectEnd))) continue;
    const sentence = sentenceAround(text, start);
    if (read.metrics(sentence.text).length > 0 || NAMED_MEASURE.test(sentence.text)) continue;
    const hasObject = /\p{L}/u.test(object);
    claims.push({ start, end: hasObject ? objectEnd : verbEnd, hasObject, asResult: use === 'result' });
  }
  return claims;
}

/** Whether the word is used as a verb here ('verb'), as a result adjective ('result'), or not at all. */
function verbUse(text: string, start: number, word: string): 'verb' | 'result' | undefined {
  if (start > 0 && /[\p{L}\p{N}-]/u.test(text.charAt(start - 1))) return undefined; // tax-optimized
  const before = text.slice(Math.max(0, start - 200), start);
  if (RESULT_LEAD.test(before) && word.endsWith('ed')) return 'result';
  const words = before.split(/\s+/).filter(Boolean);
  if (start > 200) words.shift(); // possibly cut in the middle
  let k = words.length - 1;
  while (k >= 0 && ADVERB.test(words[k] ?? '')) k--;
  const previous = words[k] ?? '';
  const opensClause = previous === '' || /[,;:.!?—–(]$/.test(previous) || /^(?:and|or|while|then|also)$/i.test(previous);
  // "Stability Optimized Swarming": a title, not a claim.
  if (!opensClause && /^\p{Lu}/u.test(text.charAt(start))) return undefined;
  if (word.endsWith('ed')) {
    if (ADJECTIVE_BEFORE.test(previous) || (!opensClause && /ing$/i.test(previous))) return undefined;
    // "was improved", "Ensured optimised data": passive or an adjective after a verb.
    if (/^(?:was|were|been|be|is|are|being|get|got)$/i.test(previous)) return undefined;
    if (!opensClause && /ed$/i.test(previous)) return undefined;
    return 'verb';
  }
  if (word.endsWith('ing')) return opensClause ? 'verb' : undefined;
  // Base or third-person form: only as a bullet's opening ("Improve performance through coaching").
  return previous === '' ? 'verb' : undefined;
}

function clauseEnd(text: string, from: number): number {
  const rest = text.slice(from, from + 300);
  let end = rest.search(CLAUSE_END);
  if (end < 0) end = rest.length;
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

/** The sentence holding `at`, within 500 characters either side. */
function sentenceAround(text: string, at: number): { text: string; start: number } {
  const from = Math.max(0, at - 500);
  const before = text.slice(from, at);
  const start = from + Math.max(before.lastIndexOf('. '), before.lastIndexOf('; ')) + 1;
  const after = text.slice(at, at + 500).search(/[.;](?:\s|$)/);
  const end = after < 0 ? Math.min(text.length, at + 500) : at + after;
  return { text: text.slice(start, end), start };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

const rule: BulletRule = {
  meta: {
    id: 'vague-improvement',
    severity: 'warning',
    description: 'An improvement claim ("Improved the API") with no number and no named measure.',
    fixable: true,
    suggestions: [MEASURE_FIX_TITLE],
    tags: ['prose'],
  },
  languages: ['en'],
  checkBullet(bullet, { model, report, prose, read }) {
    if (bullet.kind !== 'highlight') return;
    for (const claim of vagueClaims(prose.text, read)) {
      const raw = proseToRaw(prose, claim.start, claim.end);
      const quoted = prose.text.slice(claim.start, claim.end);
      report({
        range: rangeInBullet(model, bullet, raw.start, raw.end),
        message: `\`${quoted}\` says nothing measurable: say what got better and by how much.`,
        fixes: () => [measureFix(bullet, prose, claim)],
      });
    }
  },
};

/**
 * "Improved the API" → "Improved the API's ‹measure› from ‹before› to
 * ‹after› by ‹how›", the rest of the bullet kept; "by ‹how›" is left out when
 * the bullet already says how ("… by caching responses").
 */
function measureFix(bullet: Bullet, prose: Prose, claim: Claim): FixIntent {
  const raw = bullet.text;
  const { end: rawEnd } = proseToRaw(prose, claim.start, claim.end);
  const before = raw.slice(0, rawEnd);
  const after = raw.slice(rawEnd);
  const measure = { placeholder: '‹measure›' };
  const range: TextPart[] = [' from ', { placeholder: '‹before›' }, ' to ', { placeholder: '‹after›' }];
  const sentenceRest = prose.text.slice(claim.end, claim.end + 500).split(/[.;](?:\s|$)/, 1)[0] ?? '';
  const how: TextPart[] = MEANS.test(sentenceRest) ? [] : [' by ', { placeholder: '‹how›' }];
  let parts: TextPart[];
  if (claim.asResult) {
    parts = [before, ' (', measure, ...range, ')', after];
  } else if (claim.hasObject) {
    const possessive = /[^s]s$/i.test(prose.text.slice(claim.start, claim.end)) ? "'" : "'s";
    parts = [before, `${possessive} `, measure, ...range, ...how, after];
  } else {
    parts = [before, ' ', measure, ...range, after];
  }
  return { title: MEASURE_FIX_TITLE, changes: [setText(bullet, parts)] };
}

export default rule;
