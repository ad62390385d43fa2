/**
 * First-person pronouns in bullets and role summaries. Resume convention
 * leaves the subject implied ("Led the migration", not "I led the
 * migration"); `basics.summary` is the one place where first person reads
 * naturally, so it is not checked.
 *
 * Pronouns look like other things often enough that we only flag the
 * unambiguous cases: `I` in `I/O`, `Series I` or `Engineer I` is a numeral,
 * `US` is a country, a capitalised `My` mid-sentence is a name ("My
 * Account"), and words inside quotation marks are someone else's.
 */
import type { Bullet } from '../engine/document';
import { proseToRaw, type Word } from '../engine/prose';
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

const SUBJECTS = new Set(['i', 'we', "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll"]);
const OTHERS = new Set(['me', 'my', 'myself', 'mine', 'us', 'our', 'ours', 'ourselves']);
const POSSESSIVES = new Set(['my', 'our']);

/** Words after which `I` is a Roman numeral: "phase I trial", "Software Engineer I". */
const NUMERAL_CONTEXT = new Set([
  'phase',
  'series',
  'type',
  'tier',
  'level',
  'class',
  'part',
  'stage',
  'grade',
  'gen',
  'generation',
  'war',
  'chapter',
  'volume',
  'vol',
  'step',
  'mark',
  'category',
  'title',
  'schedule',
  'engineer',
  'developer',
  'analyst',
  'associate',
  'specialist',
  'technician',
  'scientist',
  'consultant',
  'programmer',
  'administrator',
  'architect',
  'representative',
  'officer',
  'assistant',
  'support',
  'sde',
  'swe',
]);

/** After a leading `I`/`We`, these need the subject: "I was", "We have". */
const AUXILIARIES = new Set([
  'am',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'have',
  'has',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'shall',
  'may',
  'might',
  'must',
  'do',
  'did',
  'does',
  'not',
]);

/** After these, `our` is personal ("our own"): "the own" would be wrong, so there is no fix. */
const PERSONAL_NOUNS = new Set(['own', 'first', 'previous', 'current', 'best']);

/**
 * `my` becomes "the" only before these work nouns ("my team" → "the team");
 * before anything else it is personal ("my skills", "my phone") and needs a
 * person to rephrase.
 */
const WORK_NOUNS = new Set([
  'team',
  'teams',
  'project',
  'projects',
  'company',
  'department',
  'group',
  'organisation',
  'organization',
  'code',
  'codebase',
  'platform',
  'product',
  'products',
  'service',
  'services',
  'system',
  'systems',
  'application',
  'applications',
  'app',
  'apps',
  'client',
  'clients',
  'customer',
  'customers',
  'users',
  'infrastructure',
  'stack',
]);

const QUOTE = /["“”]/;

function isSentenceStart(text: string, at: number): boolean {
  // After a full stop, or a list marker inside a paragraph ("1) My client …").
  if (/(?:[.!?]\s+|(?:^|\s)(?:\d{1,2}[.)]|[-–•])\s+)$/.test(text.slice(Math.max(0, at - 8), at))) return true;
  // Only the bullet's first word is preceded by nothing but blanks; bounded so a long bullet stays linear.
  return at <= 64 && text.slice(0, at).trim() === '';
}

/** `quoted`: whether the word stands inside quotation marks, someone else's words. */
function isPronoun(text: string, words: readonly Word[], index: number, quoted: boolean): boolean {
  const word = words[index];
  if (!word) return false;
  const subject = SUBJECTS.has(word.lower.replace('’', "'"));
  if (!subject && !OTHERS.has(word.lower.replace('’', "'"))) return false;
  if (quoted) return false;
  if (word.lower === 'i' || word.lower.startsWith("i'") || word.lower.startsWith('i’')) {
    if (!word.text.startsWith('I')) return false;
    if (word.lower === 'i' && isNumeral(text, words, index)) return false;
    return true;
  }
  // All capitals is an acronym ("US", "ME"); a capital mid-sentence is a name ("My Account").
  if (word.text.length > 1 && word.text === word.text.toUpperCase()) return false;
  if (/^\p{Lu}/u.test(word.text) && !isSentenceStart(text, word.start)) return false;
  return true;
}

/** For each word, whether an odd number of quotation marks precede it; one pass over the text. */
function quotedWords(text: string, words: readonly Word[]): boolean[] {
  const quoted: boolean[] = [];
  let inside = false;
  let at = 0;
  for (const word of words) {
    for (; at < word.start; at++) if (QUOTE.test(text.charAt(at))) inside = !inside;
    quoted.push(inside);
  }
  return quoted;
}

function isNumeral(text: string, words: readonly Word[], index: number): boolean {
  const word = words[index];
  if (!word) return false;
  const around = text.charAt(word.start - 1) + text.charAt(word.end);
  if (/[/&\-.(]/.test(around) || /^[)]/.test(text.charAt(word.end))) return true;
  const previous = words[index - 1];
  const next = words[index + 1];
  if (next && /^(ii|iii|iv|v)$/i.test(next.lower)) return true;
  if (!previous || isSentenceStart(text, word.start)) return false;
  // Directly after a context word: "phase I studies", "Engineer I to II".
  return NUMERAL_CONTEXT.has(previous.lower) && /^\s+$/.test(text.slice(previous.end, word.start));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The rewritten bullet for a pronoun at raw `[start, end)`: a leading
 * `I`/`We` is dropped ("I led" → "Led"), `my`/`our` becomes "the" where the
 * noun is not personal. Undefined when only a person can rephrase it.
 */
export function rewrite(raw: string, start: number, end: number, lower: string, sentenceStart: boolean): string | undefined {
  // Decided on a bounded window; the new text is built only when there is a fix.
  const next = /^ ([\p{L}][\p{L}'’-]*)/u.exec(raw.slice(end, end + 40))?.[1];
  if (!next) return undefined;
  const noun = next.toLowerCase();
  if ((lower === 'i' || lower === 'we') && sentenceStart && !AUXILIARIES.has(noun)) {
    return raw.slice(0, start) + capitalise(raw.slice(end + 1));
  }
  if ((lower === 'our' && !PERSONAL_NOUNS.has(noun)) || (lower === 'my' && WORK_NOUNS.has(noun))) {
    return raw.slice(0, start) + (sentenceStart ? 'The' : 'the') + raw.slice(end);
  }
  return undefined;
}

function message(word: string, lower: string): string {
  const quoted = `\`${word}\``;
  if (SUBJECTS.has(lower.replace('’', "'"))) {
    return `${quoted} is first person: resume bullets leave the subject implied and start with the verb.`;
  }
  if (POSSESSIVES.has(lower)) return `${quoted} is first person: write \`the\`, or name whose it is (the team's, the company's).`;
  return `${quoted} is first person: rephrase so the bullet says what you did, without the pronoun.`;
}

function fixesFor(bullet: Bullet, word: string, value: string | undefined): FixIntent[] {
  if (value === undefined) return [];
  const title = POSSESSIVES.has(word.toLowerCase()) ? `Replace \`${word}\` with \`the\`` : `Remove \`${word}\``;
  return [{ title, changes: [setText(bullet, [value])] }];
}

const rule: BulletRule = {
  meta: {
    id: 'first-person',
    severity: 'warning',
    description: 'First-person pronouns (`I`, `my`, `we`, `our`) in bullets and role summaries, where resumes leave the subject implied.',
    fixable: true,
    suggestions: ['Remove `…`', 'Replace `…` with `the`'],
    tags: ['prose'],
  },
  languages: ['en'],
  checkBullet(bullet, { model, report, prose, read }) {
    if (bullet.section === 'basics') return;
    const words = read.words(prose.text);
    const quoted = quotedWords(prose.text, words);
    const rangeOf = bulletRanges(model, bullet);
    let fixes = bullet.text.length > MAX_FIXABLE_CHARS ? MAX_FIXES_PER_BULLET : 0;
    words.forEach((word, index) => {
      if (!isPronoun(prose.text, words, index, quoted[index] === true)) return;
      const { start, end } = proseToRaw(prose, word.start, word.end);
      const value =
        fixes < MAX_FIXES_PER_BULLET ? rewrite(bullet.text, start, end, word.lower, isSentenceStart(prose.text, word.start)) : undefined;
      const fix = fixesFor(bullet, word.text, value);
      fixes += fix.length;
      report({ range: rangeOf(start, end), message: message(word.text, word.lower), fixes: fix });
    });
  },
};

export default rule;
