/**
 * "Improved uptime" and "owned the SLOs" claim reliability without saying
 * how much: the seed asks for availability as nines ("99.98% availability"),
 * the figure a reviewer compares against their own systems.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { templateTokens } from '../engine/placeholders';
import { proseToRaw } from '../engine/prose';
import type { BulletContext, BulletRule } from '../engine/rule';

type TermKind = 'availability' | 'objective';

/** Availability claims, and the objectives (SLA, SLO) that state one. */
const TERM =
  /\b(?:(availability|uptime|highly[- ]available|high[- ]availability)|(SLAs?|SLOs?|service[- ]level (?:agreements?|objectives?)))\b/gi;

/**
 * A figure that settles it: a percentage of at least 90 (99.9%, 99.95
 * percent), "four nines", or for an objective any percentile or duration
 * target ("p99 under 200 ms", "within 4 hours").
 */
const NINES = /\b(?:9\d(?:[.,]\d+)?|100)\s*(?:%|percent\b)|\b(?:two|three|four|five|six|[2-6])\s+nines\b|\bnines\b/i;
const OBJECTIVE_TARGET =
  /\bt?p\d{2}(?:\.\d+)?\b|\d+(?:[.,]\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?)\b/i;

/** "availability of rooms", "availability calendar": a product feature, not a service's uptime. */
const NOT_SERVICE_AVAILABILITY_AFTER =
  /^\s+(?:of\s+(?:rooms?|slots?|products?|items?|stock|inventory|seats?|staff|doctors?|appointments?|tickets?|drivers?|the product|beds?|vehicles?)|calendars?|search|checks?|data|status|windows?|feeds?|zones?|sets?|groups?)\b/i;
/** "support SLAs", "within the SLA" for tickets: a response deadline, not availability. */
const SUPPORT_CONTEXT =
  /\b(?:tickets?|support|helpdesk|help desk|service desk|customer requests?|requests? within|incidents? within|response within|resolution)\b/i;

const rule: BulletRule = {
  meta: {
    id: 'availability-nines',
    severity: 'info',
    description: 'Availability, uptime, an SLA or an SLO mentioned without the figure (the nines, such as 99.95%).',
    fixable: false,
    tags: ['prose', 'backend', 'metrics'],
    backendOnly: true,
  },
  languages: ['en'],
  checkBullet(bullet, context) {
    // A summary saying "I build highly available systems" is a headline, not a claim to measure.
    if (bullet.kind === 'highlight') checkHighlight(context, bullet);
  },
};

function checkHighlight(context: BulletContext, bullet: Bullet): void {
  const { prose } = context;
  const text = prose.text;
  if (templateTokens(text).length > 0 || NINES.test(text)) return;
  const hit = firstHit(text);
  if (!hit) return;
  const raw = proseToRaw(prose, hit.start, hit.end);
  const term = text.slice(hit.start, hit.end);
  context.report({
    range: rangeInBullet(context.model, bullet, raw.start, raw.end),
    message:
      hit.kind === 'availability'
        ? `\`${term}\` without a figure: give the nines (e.g. 99.95% over 12 months) so a reviewer can weigh it.`
        : `\`${term}\` without the target: state it (e.g. 99.9% availability, p99 under 300 ms) so a reviewer sees the bar you held.`,
  });
}

/** The first availability or objective term that the bullet leaves without a figure. */
export function firstHit(text: string): { start: number; end: number; kind: TermKind } | undefined {
  let objectiveStated: boolean | undefined;
  for (const match of text.matchAll(TERM)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[1] !== undefined) {
      if (NOT_SERVICE_AVAILABILITY_AFTER.test(text.slice(end, end + 40))) continue;
      return { start, end, kind: 'availability' };
    }
    // Objectives in acronym form must be upper-case: "sla" alone is rarely meant.
    if (/^sl[ao]s?$/.test(match[0])) continue;
    objectiveStated ??= SUPPORT_CONTEXT.test(text) || OBJECTIVE_TARGET.test(text);
    if (objectiveStated) continue;
    return { start, end, kind: 'objective' };
  }
  return undefined;
}

export default rule;
