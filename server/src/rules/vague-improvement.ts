/**
 * "Improved the API": a claim that something got better with no number and
 * no named measure, so the reader learns neither what got better nor by how
 * much. "Improved API latency" names the measure (the `quantify` rule still
 * asks for the number); "cut p99 latency from 800 ms to 120 ms" is what the
 * seed calls a strong bullet.
 *
 * Which words make a claim lives in `engine/improvementClaims.ts` (English)
 * and `engine/foreignClaims.ts` (French, Spanish, German, Chinese, Korean);
 * whether its sentence measures it, in `engine/claimMeasures.ts`. This file
 * reports each unmeasured claim and offers the rewrite with slots for the
 * person's own figures.
 */
import { rangeInBullet, type Bullet } from '../engine/document';
import { proseToRaw, type Prose } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent, type TextPart } from '../engine/fixIntent';
import { englishClaims, type Claim } from '../engine/improvementClaims';
import { foreignClaims } from '../engine/foreignClaims';
import { unmeasured } from '../engine/claimMeasures';

/** The sentence already says how: no "by ‹how›" slot. */
const MEANS = /\b(?:by|through|via|using|with)\b/i;

const MEASURE_FIX_TITLE = 'Say what improved and by how much';

const rule: BulletRule = {
  meta: {
    id: 'vague-improvement',
    severity: 'warning',
    description: 'An improvement claim ("Improved the API") with no number and no named measure.',
    fixable: true,
    suggestions: [MEASURE_FIX_TITLE],
    tags: ['prose'],
  },
  // English, and the few verbs of improvement in French, Spanish, German, Chinese and Korean.
  languages: 'any',
  checkBullet(bullet, { model, report, prose, read }) {
    if (bullet.kind !== 'highlight') return;
    const english = read.isLikelyEnglish(prose.text);
    const claims = english ? englishClaims(prose.text) : foreignClaims(prose.text);
    for (const claim of unmeasured(prose.text, claims, read)) {
      const raw = proseToRaw(prose, claim.start, claim.end);
      const quoted = prose.text.slice(claim.start, claim.end);
      report({
        range: rangeInBullet(model, bullet, raw.start, raw.end),
        message: `\`${quoted}\` says nothing measurable: say what got better and by how much.`,
        fixes: () => [measureFix(bullet, prose, claim, english)],
      });
    }
  },
};

/**
 * "Improved the API" → "Improved the API's ‹measure› from ‹before› to
 * ‹after› by ‹how›"; "Lowered costs" → "Lowered costs from ‹before› to
 * ‹after› by ‹how›"; "made the jobs more reliable" → "made the jobs more
 * reliable (‹measure› from ‹before› to ‹after›)". Only the claim is
 * rewritten, the rest of the bullet kept; "by ‹how›" is left out when the
 * sentence already says how ("… by caching responses"). In another
 * language the note reads "(‹measure›: ‹before› → ‹after›)".
 */
function measureFix(bullet: Bullet, prose: Prose, claim: Claim, english: boolean): FixIntent {
  const raw = bullet.text;
  const { end: rawEnd } = proseToRaw(prose, claim.start, claim.end);
  const before = raw.slice(0, rawEnd);
  const after = raw.slice(rawEnd);
  const measure = { placeholder: '‹measure›' };
  const range: TextPart[] = [' from ', { placeholder: '‹before›' }, ' to ', { placeholder: '‹after›' }];
  const sentenceRest = prose.text.slice(claim.end, claim.end + 500).split(/[.;](?:\s|$)/, 1)[0] ?? '';
  const how: TextPart[] = MEANS.test(sentenceRest) ? [] : [' by ', { placeholder: '‹how›' }];
  let parts: TextPart[];
  if (!english) {
    parts = [before, ' (', measure, ': ', { placeholder: '‹before›' }, ' → ', { placeholder: '‹after›' }, ')', after];
  } else if (claim.kind === 'note') {
    parts = [before, ' (', measure, ...range, ')', after];
  } else if (!claim.hasObject) {
    parts = [before, ' ', measure, ...range, after];
  } else if (claim.kind === 'change') {
    parts = [before, ...range, ...how, after];
  } else {
    const possessive = /[^s]s$/i.test(prose.text.slice(claim.start, claim.end)) ? "'" : "'s";
    parts = [before, `${possessive} `, measure, ...range, ...how, after];
  }
  return { title: MEASURE_FIX_TITLE, changes: [setText(bullet, parts)] };
}

export default rule;
