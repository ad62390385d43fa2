/**
 * Buzzwords and empty intensifiers. A reviewer reads "results-driven" or
 * "successfully" as noise; the bullet's result should carry the claim.
 *
 * Removing the word is offered as a safe fix only where the sentence stays
 * grammatical without it: adverbs and vague quantities before another word,
 * adjectives directly before a noun. Nouns and phrases ("team player",
 * "think outside the box") need a rewrite, so they get no fix.
 */
import type { Bullet } from '../engine/document';
import { proseToRaw } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';
import { bulletRanges } from '../engine/valueRanges';

/**
 * Each fix rewrites the whole bullet: past this many in one bullet, the rest
 * are reported without one, and a bullet longer than a page gets none, so a
 * pasted wall of text stays fast to lint.
 */
const MAX_FIXES_PER_BULLET = 20;
const MAX_FIXABLE_CHARS = 10_000;

type Kind = 'intensifier' | 'quantity' | 'adjective' | 'phrase';

interface Filler {
  pattern: RegExp;
  kind: Kind;
}

/** Not part of a longer word: "various-sized", "cost-effectively" and "veryfied" are left alone. */
const word = (body: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}_'’-])(?:${body})(?![\\p{L}\\p{N}_]|-\\p{L})`, 'giu');

const FILLERS: readonly Filler[] = [
  { pattern: word('successfully|effectively|very'), kind: 'intensifier' },
  { pattern: word('various|several'), kind: 'quantity' },
  { pattern: word('hard[- ]?working|results?[- ]driven|detail[- ]oriented|passionate'), kind: 'adjective' },
  {
    pattern: word('synerg(?:y|ies|istic)|team[- ]players?|go[- ]getters?|think(?:s|ing)?\\s+outside\\s+(?:of\\s+)?the\\s+box'),
    kind: 'phrase',
  },
];

function message(phrase: string, kind: Kind): string {
  const quoted = `\`${phrase}\``;
  switch (kind) {
    case 'intensifier':
      return phrase.toLowerCase() === 'very'
        ? `${quoted} is an empty intensifier: cut it, or say how much with a number.`
        : `${quoted} is filler: cut it and let the result show how well it went.`;
    case 'quantity':
      return `${quoted} is vague: give the number, or cut it.`;
    case 'adjective':
    case 'phrase':
      return `${quoted} is a buzzword reviewers skip: show it with something you did instead.`;
  }
}

/** Words after which dropping a vague quantity changes or breaks the sense ("several hundred", "several of"). */
const QUANTITY_BLOCKERS = new Set([
  'of',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'dozen',
  'times',
  'more',
  'other',
  'others',
  // "mentored several with guidance": the word stands for a noun; without it the sentence breaks.
  'with',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'across',
  'who',
  'that',
  'which',
  'and',
  'or',
]);
/** Before these an adjective is predicative or coordinated ("passionate about", "detail-oriented and"): a rewrite is needed. */
const ADJECTIVE_BLOCKERS = new Set(['about', 'and', 'or', 'to', 'for', 'in', 'with', 'at', 'on', 'when', 'as']);
/** Before these an adverb is modified itself ("very effectively"): dropping the adverb strands the modifier. */
const MODIFIERS = new Set(['very', 'so', 'more', 'most', 'quite', 'really', 'less', 'extremely', 'highly', 'and', 'or']);
const ARTICLES_AND_LINKS = new Set(['a', 'an', 'and', 'or', 'is', 'am', 'are', 'was', 'were', 'be', 'being']);

const wordBefore = (text: string, at: number): string =>
  /([\p{L}'’]+)[\s,]*$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase() ?? '';
const wordAfter = (text: string, at: number): string => /^\s*([\p{L}\p{N}'’]+)/u.exec(text.slice(at, at + 40))?.[1]?.toLowerCase() ?? '';

/**
 * The bullet's text with `[start, end)` removed, or undefined when the
 * removal would not leave a clean sentence (markup around the word, the word
 * before punctuation, a modifier left dangling).
 */
export function removeWord(raw: string, start: number, end: number, kind: Kind): string | undefined {
  if (kind === 'phrase') return undefined;
  // Decided on bounded windows around the word; the new text is built only when there is a fix.
  const before = raw.slice(Math.max(0, start - 40), start);
  const after = raw.slice(end, end + 40);
  // Only when a plain word follows after plain spaces; markup or punctuation next to the word needs a human.
  if (!/^[ \t]+[\p{L}\p{N}]/u.test(after) || (start > 0 && !/[ \t]$/.test(before))) return undefined;
  const next = wordAfter(raw, end);
  const previous = wordBefore(raw, start);
  if (kind === 'quantity' && (QUANTITY_BLOCKERS.has(next) || /^\d/.test(next))) return undefined;
  if (kind === 'adjective' && (ADJECTIVE_BLOCKERS.has(next) || ARTICLES_AND_LINKS.has(previous) || /,\s*$/.test(before))) return undefined;
  if (kind === 'intensifier' && MODIFIERS.has(previous)) return undefined;
  let rest = raw.slice(end).replace(/^[ \t]+/, '');
  // At the start of a sentence the next word takes the capital: "Successfully delivered" → "Delivered".
  const sentenceStart = (start <= 40 && before.trim() === '') || /[.!?]\s+$/.test(before);
  if (sentenceStart) rest = rest.charAt(0).toUpperCase() + rest.slice(1);
  return raw.slice(0, start) + rest;
}

function removalFix(bullet: Bullet, phrase: string, start: number, end: number, kind: Kind): FixIntent[] {
  const value = removeWord(bullet.text, start, end, kind);
  if (value === undefined) return [];
  // Never safe: "several", "various" or "very" can carry meaning the person meant to keep.
  return [{ title: `Remove \`${phrase}\``, changes: [setText(bullet, [value])] }];
}

const rule: BulletRule = {
  meta: {
    id: 'filler',
    severity: 'info',
    description: 'Buzzwords and empty intensifiers (`successfully`, `results-driven`, `various`) that add words but no information.',
    fixable: true,
    suggestions: ['Remove `…`'],
    tags: ['prose'],
  },
  languages: ['en'],
  checkBullet(bullet, { model, report, prose }) {
    const rangeOf = bulletRanges(model, bullet);
    let fixes = bullet.text.length > MAX_FIXABLE_CHARS ? MAX_FIXES_PER_BULLET : 0;
    for (const { pattern, kind } of FILLERS) {
      for (const match of prose.text.matchAll(pattern)) {
        const at = match.index ?? 0;
        const { start, end } = proseToRaw(prose, at, at + match[0].length);
        const phrase = match[0].replace(/\s+/g, ' ');
        const fix = fixes < MAX_FIXES_PER_BULLET ? removalFix(bullet, phrase, start, end, kind) : [];
        fixes += fix.length;
        report({ range: rangeOf(start, end), message: message(phrase, kind), fixes: fix });
      }
    }
  },
};

export default rule;
