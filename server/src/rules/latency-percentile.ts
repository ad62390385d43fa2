/**
 * "Reduced latency to 120 ms": which latency? A median of 120 ms and a p99 of
 * 120 ms are different systems. The seed asks for latency as p95/p99, so a
 * latency figure without its statistic is flagged. A latency claim with no
 * figure at all is the `quantify` rule's business, not this one's.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { templateTokens } from '../engine/placeholders';
import { proseToRaw } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';

/** The quantity: latency, response time, round-trip time, time to first byte. */
const LATENCY_TERM = /\b(?:latenc(?:y|ies)|response[- ]times?|round[- ]trip(?: times?)?|time to first byte|TTFB)\b/gi;

/** Any statistic makes the figure comparable: a percentile, the mean or median, the worst case. */
const STATISTIC =
  /\b(?:t?p\d{2}(?:\.\d+)?|p999|\d{2}(?:\.\d+)?(?:st|nd|rd|th)?[- ]percentile|percentiles?|median|mean|average|averaged|averaging|avg|max|maximum|worst[- ]case|tail)\b/i;

/** "incident response time" is how fast people react, not how fast a service answers. */
const NOT_SERVICE_LATENCY_BEFORE =
  /\b(?:incident|support|ticket|customer|helpdesk|help desk|service desk|team|human|mean time to|SLA)\s*$/i;
/** "latency-sensitive" describes a system, it states no figure. */
const ADJECTIVE_AFTER = /^-(?:sensitive|critical|tolerant|aware|bound|optimi[sz]ed)\b/i;

/**
 * A time a request can take: milliseconds to seconds. Minutes and hours are
 * pipeline delays ("data latency from 24 h to 15 min"), where a percentile
 * is not what a reviewer asks about.
 */
const TIME_FIGURE =
  /(?:[<≤~]\s*|sub-?\s*|under\s+|below\s+)?\d+(?:[.,]\d+)?\s*(?:ms|msec|millis(?:econds?)?|milliseconds?|µs|μs|us|microseconds?|ns|nanoseconds?|s|secs?|seconds?)(?![\w'’])(?!\s+of\b)/i;
/** "by 40%", "by 3x", "by half" counts only with a number: "by 40%" after the term. */
const CHANGE_AFTER =
  /\bby\s+(?:over\s+|more than\s+|nearly\s+|almost\s+|about\s+|around\s+|up to\s+|~\s*)?\d+(?:[.,]\d+)?\s*(?:%|percent\b|x\b|×|times\b)/i;
/** "40% lower latency", "3x faster response times": the change right before the term. */
const CHANGE_BEFORE =
  /\d+(?:[.,]\d+)?\s*(?:%|percent|x|×)\s+(?:lower|faster|less|better|reduced|improved|shorter|(?:reduction|decrease|improvement|drop|cut) in)\s+(?:\S+\s+){0,3}$/i;

/** Characters either side of the term where its figure may stand. */
const BEFORE_WINDOW = 60;
const AFTER_WINDOW = 90;

/** The placeholder the fix inserts: the person picks the statistic. */
const PERCENTILE_SLOT = '‹pNN›';
const PERCENTILE_FIX_TITLE = 'Name the percentile of this latency (p95, p99, average)';

interface Hit {
  /** Prose indices of the latency term. */
  start: number;
  end: number;
}

const rule: BulletRule = {
  meta: {
    id: 'latency-percentile',
    severity: 'info',
    description: 'A latency or response-time figure that does not say which percentile (p50, p95, p99) or average it is.',
    fixable: true,
    suggestions: [PERCENTILE_FIX_TITLE],
    tags: ['prose', 'backend', 'metrics'],
    backendOnly: true,
  },
  languages: ['en'],
  checkBullet(bullet, context) {
    const { prose } = context;
    const hit = firstHit(prose.text);
    if (!hit) return;
    const raw = proseToRaw(prose, hit.start, hit.end);
    const term = prose.text.slice(hit.start, hit.end);
    context.report({
      range: rangeInBullet(context.model, bullet, raw.start, raw.end),
      message: `\`${term}\` has a figure but no percentile: say which one (p95, p99) or that it is the average, so a reviewer can compare it.`,
      fixes: () => [percentileFix(bullet, raw.start)],
    });
  },
};

/** The first latency term with a figure nearby and no statistic in its sentence. */
export function firstHit(text: string): Hit | undefined {
  for (const sentence of sentencesOf(text)) {
    const body = text.slice(sentence.start, sentence.end);
    // An unfilled template is the `placeholder` rule's; a statistic settles it.
    if (templateTokens(body).length > 0 || STATISTIC.test(body)) continue;
    for (const match of body.matchAll(LATENCY_TERM)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (NOT_SERVICE_LATENCY_BEFORE.test(body.slice(Math.max(0, start - 30), start))) continue;
      if (ADJECTIVE_AFTER.test(body.slice(end, end + 20))) continue;
      if (hasFigureNear(body, start, end)) return { start: sentence.start + start, end: sentence.start + end };
    }
  }
  return undefined;
}

function hasFigureNear(body: string, start: number, end: number): boolean {
  // Before the term, only within its clause: "cut build time to 2 s, and API latency…" is not a latency figure.
  let before = body.slice(Math.max(0, start - BEFORE_WINDOW), start);
  const clauseBreak = Math.max(before.lastIndexOf(','), before.lastIndexOf(' and '), before.lastIndexOf(' while '));
  if (clauseBreak >= 0) before = before.slice(clauseBreak + 1);
  const after = body.slice(end, end + AFTER_WINDOW);
  return TIME_FIGURE.test(before) || CHANGE_BEFORE.test(before) || TIME_FIGURE.test(after) || CHANGE_AFTER.test(after);
}

/** Sentences and `;` clauses: a statistic in one says nothing about another. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const boundary = /[.;!?](?=\s|$)|\n/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + 1;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Inserts `‹pNN› ` before the term: the person writes p95, p99 or "average". */
function percentileFix(bullet: Bullet, rawStart: number): FixIntent {
  const parts = [bullet.text.slice(0, rawStart), { placeholder: PERCENTILE_SLOT }, ' ' + bullet.text.slice(rawStart)];
  return { title: PERCENTILE_FIX_TITLE, changes: [setText(bullet, parts)] };
}

export default rule;
