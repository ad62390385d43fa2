/**
 * Sentences that open in the passive: "Was responsible for …", "Was tasked
 * with …", "Were migrated …". A bullet should open with what you did.
 *
 * Only openings are checked (the start of each sentence, after a leading
 * `I`/`We`): a passive clause later in a sentence ("a queue that was
 * replaced") is often the clearest way to say it. `weak-opening` also flags
 * "Was responsible for"; that overlap is by design, since the phrase is both.
 */
import type { Bullet } from '../engine/document';
import { proseToRaw, type Word, type Prose } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import type { TextReader } from '../engine/textReader';
import { setText, type FixIntent } from '../engine/fixIntent';
import { gerundToBase, gerundToPast, isKnownVerb } from '../engine/verbs';
import { bulletRanges } from '../engine/valueRanges';
import { verbForm } from '../engine/openings';

/**
 * Each fix rewrites the whole bullet: past this many in one bullet, the rest
 * are reported without one, and a bullet longer than a page gets none, so a
 * pasted wall of text stays fast to lint.
 */
const MAX_FIXES_PER_BULLET = 20;
const MAX_FIXABLE_CHARS = 10_000;

/** Irregular past participles that differ from the past tense, plus the adjectives that read as one. */
const PARTICIPLES = new Set([
  'responsible',
  'built',
  'led',
  'made',
  'given',
  'taken',
  'written',
  'chosen',
  'known',
  'shown',
  'driven',
  'grown',
  'drawn',
  'begun',
  'broken',
  'done',
  'seen',
  'spoken',
  'thrown',
  'won',
  'held',
  'kept',
  'sent',
  'spent',
  'taught',
  'brought',
  'sought',
  'told',
  'paid',
  'found',
  'run',
  'set',
  'put',
  'cut',
  'rewritten',
  'rebuilt',
  'overseen',
  'undertaken',
  'entrusted',
  'tapped',
  'hired',
  'charged',
]);

/** "-ed" words that are not participles after "was": "was red", "was need-based". */
const NOT_PARTICIPLES = new Set(['red', 'bed', 'shed', 'need', 'speed', 'seed', 'feed', 'ted', 'fred', 'ned']);

/** Phrases after which a gerund names what was done: "was responsible for building" → "Built". */
const DUTY = /^(?:responsible\s+for|tasked\s+with|charged\s+with|in\s+charge\s+of|entrusted\s+with)\s+/i;

interface Hit {
  bullet: Bullet;
  /** Raw indices in `bullet.text` of the sentence's replaced opening (a leading I/We included) and of "was + participle". */
  openingStart: number;
  phraseStart: number;
  phraseEnd: number;
  phrase: string;
}

function isParticiple(word: Word | undefined): word is Word {
  if (!word) return false;
  if (PARTICIPLES.has(word.lower)) return true;
  if (NOT_PARTICIPLES.has(word.lower) || !/^[a-z][a-z-]*ed$/.test(word.lower)) return false;
  // A known past form ("migrated") or any regular-looking "-ed" word of a decent length ("onboarded").
  return verbForm(word.lower)?.tense === 'past' || word.lower.length > 5;
}

/** Sentence starts in the prose: the bullet's start and after `.`, `!`, `?`. */
function sentenceStarts(words: readonly Word[], text: string): number[] {
  const starts: number[] = [];
  words.forEach((word, index) => {
    const before = text.slice(words[index - 1]?.end ?? 0, word.start);
    if (index === 0 ? /^[\s\-–—•*>]*$/.test(before) : /[.!?]\s+$/.test(before)) starts.push(index);
  });
  return starts;
}

function findHits(bullet: Bullet, prose: Prose, read: TextReader): Hit[] {
  const words = read.words(prose.text);
  const hits: Hit[] = [];
  for (const start of sentenceStarts(words, prose.text)) {
    const opening = words[start]!;
    const subject = opening.text === 'I' || opening.lower === 'we' ? 1 : 0;
    const was = words[start + subject];
    const participle = words[start + subject + 1];
    if (!was || !/^(?:was|were)$/.test(was.lower) || !isParticiple(participle)) continue;
    if (!/^\s+$/.test(prose.text.slice(was.end, participle.start))) continue;
    const phrase = proseToRaw(prose, was.start, participle.end);
    hits.push({
      bullet,
      openingStart: proseToRaw(prose, opening.start, opening.end).start,
      phraseStart: phrase.start,
      phraseEnd: phrase.end,
      phrase: prose.text.slice(was.start, participle.end),
    });
  }
  return hits;
}

/** Words ending in -ing that are not actions: "responsible for everything". */
const NOT_GERUNDS = new Set([
  'something',
  'anything',
  'everything',
  'nothing',
  'thing',
  'things',
  'string',
  'spring',
  'during',
  'morning',
  'evening',
  'ceiling',
  'king',
  'ring',
  'wing',
  'swing',
]);
/** After a gerund used as a noun ("responsible for marketing and sales", "for testing of the API"). */
const NOT_AN_OBJECT = new Set(['of', 'and', 'or', 'for', 'in', 'at', 'on', 'with', 'to', 'across', 'within', 'as', 'is', 'was']);

/** The gerund opening `text` when it names an action with an object ("building the API"), else undefined. */
function actionGerund(text: string): string | undefined {
  const match = /^([A-Za-z]+ing) ([A-Za-z0-9][\w-]*)/.exec(text);
  if (!match) return undefined;
  const [, gerund = '', next = ''] = match;
  const lower = gerund.toLowerCase();
  if (NOT_GERUNDS.has(lower) || NOT_AN_OBJECT.has(next.toLowerCase()) || gerund.length < 6) return undefined;
  // An unknown verb still conjugates by spelling ("turning" → "turned"); a known one is certain.
  return isKnownVerb(gerundToBase(lower)) || /^[a-z]+$/.test(gerund) ? gerund : undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The active rewrite: "Was responsible for building X" → "Built X" when a
 * known verb follows the duty phrase; otherwise the opening without
 * "was"/"were" (and a leading I/We): "Was promoted to lead" → "Promoted to lead".
 */
export function activeRewrite(raw: string, hit: Pick<Hit, 'openingStart' | 'phraseStart'>): { text: string; title: string } | undefined {
  const before = raw.slice(0, hit.openingStart);
  const auxiliary = /^(?:was|were)\s+/i.exec(raw.slice(hit.phraseStart));
  if (!auxiliary) return undefined;
  const rest = raw.slice(hit.phraseStart + auxiliary[0].length);
  const duty = DUTY.exec(rest);
  const gerund = duty ? actionGerund(rest.slice(duty[0].length)) : undefined;
  if (duty && gerund) {
    const past = capitalise(gerundToPast(gerund.toLowerCase()));
    return { text: before + past + rest.slice(duty[0].length + gerund.length), title: `Rewrite as \`${past} …\`` };
  }
  const dropped = raw.slice(hit.openingStart, hit.phraseStart) + auxiliary[0].trimEnd();
  return { text: before + capitalise(rest), title: `Remove \`${dropped}\`` };
}

function fixesFor(hit: Hit): FixIntent[] {
  const rewrite = activeRewrite(hit.bullet.text, hit);
  if (!rewrite) return [];
  return [{ title: rewrite.title, changes: [setText(hit.bullet, [rewrite.text])] }];
}

const rule: BulletRule = {
  meta: {
    id: 'passive-voice',
    severity: 'info',
    description: 'A sentence that opens in the passive voice (`Was responsible for`, `Was tasked with`) instead of with what you did.',
    fixable: true,
    suggestions: ['Rewrite as `…`', 'Remove `…`'],
    tags: ['prose'],
  },
  languages: ['en'],
  checkBullet(bullet, { model, report, prose, read }) {
    // A profile paragraph may say "I was responsible for …" in passing: only bullets and role summaries.
    if (bullet.section === 'basics') return;
    const rangeOf = bulletRanges(model, bullet);
    findHits(bullet, prose, read).forEach((hit, index) => {
      report({
        range: rangeOf(hit.phraseStart, hit.phraseEnd),
        message: `\`${hit.phrase}\` is passive: open with what you did (Built, Led, Cut …).`,
        fixes: index < MAX_FIXES_PER_BULLET && bullet.text.length <= MAX_FIXABLE_CHARS ? () => fixesFor(hit) : [],
      });
    });
  },
};

export default rule;
