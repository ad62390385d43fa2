/**
 * "Migrated to Kafka" says what changed; the seed says mid-level and senior
 * roles screen for judgment, which only shows when the bullet says why
 * (the reason) or what it bought (the outcome). This rule finds architecture
 * decisions (migrated, split, replaced, rewrote, moved to, introduced,
 * adopted, chose, switched to, re-architected, decomposed) in bullets that
 * state neither.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { templateTokens } from '../engine/placeholders';
import { proseToRaw, type Prose } from '../engine/prose';
import type { BulletContext, BulletRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';
import { isKnownVerb, pastToPresent } from '../engine/verbs';

/** Past tense: the verb of a resume bullet wherever it stands ("Designed and migrated…"). */
const DECISION_PAST =
  /\b(?:migrated|replaced|rewrote|re-wrote|rewritten|introduced|adopted|chose|switched|re-?architected|decomposed|moved)\b/gi;
/** Present and -ing forms, and the nouns, only where a bullet's verb stands: at a sentence start. */
const DECISION_AT_START =
  /^(?:(?:also|successfully|then|later|first|fully|gradually|incrementally|jointly|personally|i|we)\s+)?(migrat(?:e|es|ing)|replac(?:e|es|ing)|rewrit(?:e|es|ing)|introduc(?:e|es|ing)|adopt(?:s|ing)?|choos(?:e|es|ing)|switch(?:es|ing)?|re-?architect(?:s|ing)?|decompos(?:e|es|ing)|mov(?:e|es|ing)|split(?:s|ting)?|migration\s+(?:of|from|to)|rewrite\s+of|re-?architecture\s+of)\b/i;
/** "Led the migration of …": the decision is the noun. */
const LED_NOUN =
  /\b(?:led|drove|ran|owned|managed|spearheaded|oversaw|headed|coordinated|executed|completed|delivered|planned|performed|handled)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(migration|rewrite|re-?architecture)\s+(?:of|from|to|onto)\b/gi;

/** Words that show the person moved, not the system; "the job queue" is a system, "a new team in 2021" is not. */
const CAREER =
  /^\s*(?:\S+\s+){0,7}?(?:team|teams|role|roles|position|department|office|city|country|job|career|company|group|squad|org|organi[sz]ation|manager|management|leadership)(?=\s*$|\s*[,.;(]|\s+(?:in|at|of|for|as|with|to|and|under|where|since|from|on)\b)/i;
/** Objects that are not systems: "adopted my …", "introduced me to …". */
const NOT_A_SYSTEM_OBJECT = /^\s+(?:(?:and|&)\s+\w+\s+)?(?:my|myself|me|us|him|her|them|by)\b/i;
/** Passive or relative use: "was adopted", "a tool that migrated". */
const NOT_MAIN_VERB_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got|gets|that|which|who|to)\s+$/i;

/** A reason: "so that", "because", "in order to", "which", "thereby". */
const REASON =
  /\b(?:so that|,\s*so\s+\w+|so (?:we|the|it|teams?|they|our|engineers|developers|customers|users|merchants|clients|that)|in order to|instead of|because|due to|since (?:it|the|we|our|they)|which|thereby|thus|hence|resulting in|leading to|zero[- ]downtime|(?:with|without) (?:zero|no|minimal|near-zero|any) (?:downtime|outages?))\b/i;
/** An outcome in a participle: ", cutting settlement time …". */
const OUTCOME_PARTICIPLE =
  /(?<!-)\b(?:reducing|cutting|enabling|improving|eliminating|allowing|lowering|saving|increasing|decreasing|boosting|making|letting|speeding|freeing|unblocking|unlocking|removing|halving|doubling|tripling|turning|giving|bringing|dropping|shrinking|raising|preventing|avoiding|simplifying|accelerating|ensuring|achieving|yielding|paving|slashing|trimming|minimi[sz]ing|maximi[sz]ing|streamlining|helping|permitting|empowering|supporting|opening|gaining|decoupling|shortening|stabili[sz]ing|hardening|shaving|lifting|retiring)\b/i;
/** An outcome in a past-tense result verb anywhere in the bullet. */
const RESULT_VERB =
  /\b(?:reduced|cut|improved|increased|decreased|saved|eliminated|lowered|halved|doubled|tripled|sped up|accelerated|enabled|allowed|unblocked|unlocked|boosted|shortened|prevented|avoided|simplified|dropped|shrank|freed|stabili[sz]ed)\b/i;
/** Purpose with "to": "to support touchscreens", "to modernize". */
const PURPOSE_TO = new RegExp(
  '\\bto\\s+(?:[a-z]+ly\\s+)?(?:' +
    [
      'reduce',
      'cut',
      'improve',
      'enable',
      'support',
      'allow',
      'eliminate',
      'avoid',
      'speed',
      'lower',
      'increase',
      'handle',
      'scale',
      'simplify',
      'decouple',
      'unblock',
      'meet',
      'ensure',
      'remove',
      'prevent',
      'make',
      'let',
      'give',
      'free',
      'save',
      'achieve',
      'serve',
      'boost',
      'gain',
      'address',
      'fix',
      'resolve',
      'comply',
      'cope',
      'absorb',
      'shorten',
      'shrink',
      'halve',
      'double',
      'get',
      'keep',
      'stop',
      'provide',
      'deliver',
      'reach',
      'unlock',
      'open',
      'bring',
      'drive',
      'help',
      'protect',
      'secure',
      'harden',
      'ease',
      'offer',
      'accommodate',
      'survive',
      'withstand',
      'tolerate',
      'browse',
      'track',
      'detect',
      'catch',
      'surface',
      'expose',
      'power',
      'run',
      'host',
      'store',
      'process',
      'match',
      'reuse',
      'share',
      'contain',
      'cover',
      'fit',
      'limit',
      'cap',
      'sustain',
      'lift',
      'raise',
      'retire',
      'replace',
      'bypass',
      'enforce',
      'guarantee',
      'shed',
      'trim',
      'drop',
      'kill',
      'end',
      'break',
      'split',
      'move',
      'migrate',
      'adopt',
      'remain',
      'stay',
      'better',
      'accelerate',
      'consolidate',
      'unify',
      'standardi[sz]e',
      'modernize',
      'minimi[sz]e',
      'maximi[sz]e',
    ].join('|') +
    ')\\b|\\bto\\s+(?:[a-z]+ly\\s+)?[a-z]{3,}(?:ize|ise|ify)\\b',
);
/** "so uploads never block", ", so teams …": "so" as a conjunction, not "so far", "or so", "so-called". */
const SO_REASON = /(?<!\b(?:or|and)\s+)\bso\s+(?!(?:far|much|many|called|long|on|forth|too|as|few|little|well|to)\b)[a-z0-9]/i;

/** "to" and a verb: "to retry failed payouts", "to parallelize builds". */
const TO_VERB = /\bto\s+(?:[a-z]+ly\s+)?([a-z][a-z-]*[a-z])\b/g;
/** Before these, "to" is a preposition: "up to 40", "due to load", "access to logs". */
const TO_PREPOSITION_BEFORE =
  /\b(?:up|down|due|close|next|prior|according|similar|compared|access|exposure|introduction|closer|back|on|onto|into)\s+$/i;
/** Verb endings that vouch for a word no list holds: "to containerize", "to simplify". */
const VERB_SHAPE = /(?:ize|ise|ify)$/;

/**
 * Purpose with "to" and any verb ("to retry failed payouts"), as long as it
 * is not a destination: "from Resque to Sidekiq", "to production" (a noun),
 * "to Go" (a name: capitals are not read as verbs).
 */
function statesPurposeWithTo(text: string): boolean {
  for (const match of text.matchAll(TO_VERB)) {
    const word = match[1] ?? '';
    const at = match.index ?? 0;
    if (!(isKnownVerb(word) && pastToPresent(word) === word && !/[^s]s$/.test(word)) && !VERB_SHAPE.test(word)) continue;
    // Bounded look-behind keeps a huge bullet linear.
    const before = text.slice(Math.max(0, at - 80), at);
    if (TO_PREPOSITION_BEFORE.test(before)) continue;
    // "from cron to stream processing": the "to" of a "from", in the same clause.
    if (/\bfrom\s+[^,;.]*$/i.test(before) && !/\bto\s+[^,;.]*$/i.test(before.slice(before.search(/\bfrom\s+[^,;.]*$/i)))) continue;
    return true;
  }
  return false;
}

/** Purpose with "for": "for better scalability", "for lower cost". */
const PURPOSE_FOR =
  /\bfor\s+(?:(?:much|far|significantly|substantially|a)\s+)?(?:better|faster|cheaper|easier|simpler|safer|lower|higher|greater|improved|increased|reduced|enhanced|more|less|fewer|scalability|scale|scaling|reliability|resilience|performance|maintainability|testability|cost|costs|speed|consistency|security|compliance|observability|availability|durability|throughput|latency|flexibility|portability|efficiency|stability|horizontal|zero-downtime|future|long-term|type[- ]safety|readability)\b/i;
/** A measured result: a percentage, a multiplier, money, or "from 6 h to 4 min". */
const METRIC =
  /\d+(?:[.,]\d+)?\s*(?:%|percent\b|x\b|×)|[$€£¥]\s?\d|\d\s?(?:k|m)?\s?(?:usd|eur|gbp)\b|\bfrom\s+[~<>]?\d[^,;]{0,40}?\bto\s+[~<>]?\d|\b(?:down|up)\s+to\s+[~<>]?\d|\b(?:under|below)\s+\d+(?:[.,]\d+)?\s*(?:ms|s|sec|seconds?|min|minutes?)\b/i;

/** Longest clause, in words, that we underline whole: beyond it, only the verb. */
const MAX_CLAUSE_WORDS = 10;

/** The placeholder the fix appends. */
const WHY_SLOT = '‹so that …›';
const WHY_FIX_TITLE = 'Add the reason or outcome of this decision';

interface Decision {
  /** Prose indices of the underline. */
  start: number;
  end: number;
  /** The verb as written, for the message. */
  verb: string;
  /** Prose index where the fix appends the reason: before the sentence's final punctuation. */
  insertAt: number;
}

const rule: BulletRule = {
  meta: {
    id: 'show-the-why',
    severity: 'info',
    description: 'An architecture decision (migrated, split, replaced, rewrote, adopted…) with no stated reason or outcome.',
    fixable: true,
    suggestions: [WHY_FIX_TITLE],
    tags: ['prose', 'impact'],
  },
  languages: ['en'],
  checkBullet(bullet, context) {
    // Summaries tell a story ("moved to Berlin"); the decisions a reviewer weighs are in highlights.
    if (bullet.kind === 'highlight') checkHighlight(context, bullet);
  },
};

function checkHighlight(context: BulletContext, bullet: Bullet): void {
  const { prose } = context;
  const decision = findDecisionWithoutWhy(prose.text);
  if (!decision) return;
  const raw = proseToRaw(prose, decision.start, decision.end);
  const underlined = prose.text.slice(decision.start, decision.end);
  context.report({
    range: rangeInBullet(context.model, bullet, raw.start, raw.end),
    message: `\`${underlined}\` is a decision with no reason or result: add why (so that …, to …) or what it changed, the judgment reviewers screen for.`,
    fixes: () => [whyFix(bullet, prose, decision)],
  });
}

/** The first architecture decision in a bullet that gives no reason or outcome anywhere. */
export function findDecisionWithoutWhy(text: string): Decision | undefined {
  // An unfilled template is the `placeholder` rule's business.
  if (templateTokens(text).length > 0 || hasWhy(text)) return undefined;
  for (const sentence of sentencesOf(text)) {
    const body = text.slice(sentence.start, sentence.end);
    const found = decisionIn(body);
    if (!found) continue;
    const clauseEnd = clauseEndAfter(body, found.end);
    const clause = body.slice(found.start, clauseEnd).trimEnd();
    const words = clause.split(/\s+/).filter(Boolean).length;
    const end = words <= MAX_CLAUSE_WORDS ? found.start + clause.length : found.end;
    return {
      start: sentence.start + found.start,
      end: sentence.start + end,
      verb: body.slice(found.start, found.end),
      insertAt: sentence.start + insertionPoint(body),
    };
  }
  return undefined;
}

function hasWhy(text: string): boolean {
  return (
    REASON.test(text) ||
    SO_REASON.test(text) ||
    statesPurposeWithTo(text) ||
    OUTCOME_PARTICIPLE.test(text) ||
    RESULT_VERB.test(text) ||
    PURPOSE_TO.test(text) ||
    PURPOSE_FOR.test(text) ||
    METRIC.test(text)
  );
}

/** Indices (in the sentence) of the decision verb, if the sentence's action is one. */
function decisionIn(body: string): { start: number; end: number } | undefined {
  const lead = /^\s*/.exec(body)?.[0].length ?? 0;
  const atStart = DECISION_AT_START.exec(body.slice(lead));
  if (atStart) {
    const [whole, verb = ''] = atStart;
    const start = lead + whole.length - verb.length;
    if (acceptable(body, start, start + verb.length)) return { start, end: start + verb.length };
  }
  for (const match of body.matchAll(LED_NOUN)) {
    const noun = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].toLowerCase().lastIndexOf(noun.toLowerCase());
    return { start: match.index ?? 0, end: start + noun.length };
  }
  for (const match of body.matchAll(DECISION_PAST)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (acceptable(body, start, end)) return { start, end };
  }
  return undefined;
}

/** Filters uses that are not the person's decision about a system. */
function acceptable(body: string, start: number, end: number): boolean {
  const verb = body.slice(start, end).toLowerCase();
  // Bounded look-around keeps a huge bullet linear.
  const after = body.slice(end, end + 200);
  if (NOT_MAIN_VERB_BEFORE.test(body.slice(Math.max(0, start - 30), start)) || NOT_A_SYSTEM_OBJECT.test(after)) return false;
  if (/^(?:mov|switch)/.test(verb)) {
    // "Moved to the platform team", "switched to a consulting role": a career move.
    if (CAREER.test(after.split(/[,;]/, 1)[0] ?? '')) return false;
    // "Moved" needs a destination: "moved X to Y", "moved off Z".
    if (!/^\s+(?:[^,;]{0,60}?\s)?(?:to|onto|into|off|from|away|over)\b/i.test(after)) return false;
  }
  if (/^split/.test(verb) && !/^\s+(?:the|a|an|our|its|their|up|out|\S+\s+(?:\S+\s+){0,3}?into)\b/i.test(after)) return false;
  return after.trim().length > 0;
}

/** Where the decision's clause ends: at the first comma, semicolon, dash, parenthesis or colon. */
function clauseEndAfter(body: string, from: number): number {
  const rest = body.slice(from);
  const stop = /[,;:(]|\s[—–-]\s|[.!?](?=\s|$)/.exec(rest);
  return stop ? from + stop.index : body.length;
}

/** Before the sentence's final punctuation (and any space before it), else its end. */
function insertionPoint(body: string): number {
  const trimmed = body.replace(/\s+$/, '');
  const final = /[.!?;]$/.test(trimmed) ? trimmed.length - 1 : trimmed.length;
  return body.slice(0, final).replace(/\s+$/, '').length;
}

function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?;](?=\s|$)|\n/g)) {
    const end = (match.index ?? 0) + 1;
    out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** Appends `, ‹so that …›` to the decision's sentence. */
function whyFix(bullet: Bullet, prose: Prose, decision: Decision): FixIntent {
  const at = rawInsertionPoint(bullet.text, prose, decision.insertAt);
  const parts = [bullet.text.slice(0, at), ', ', { placeholder: WHY_SLOT }, bullet.text.slice(at)];
  return { title: WHY_FIX_TITLE, changes: [setText(bullet, parts)] };
}

/**
 * The raw index for a prose insertion point: before the punctuation that
 * ends the sentence, or at the end of the text (after closing markup, so
 * `**Kafka**` does not swallow the reason), trailing whitespace excluded.
 */
function rawInsertionPoint(raw: string, prose: Prose, proseIndex: number): number {
  const offset = proseIndex < prose.text.length ? prose.offsets[proseIndex] : undefined;
  if (offset !== undefined) return offset;
  return raw.replace(/\s+$/, '').length;
}

export default rule;
