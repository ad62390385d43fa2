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
import { rangeInBullet } from '../engine/document';
import { isLikelyEnglish, proseToRaw, toProse, wordsOf, type Word } from '../engine/prose';
import type { Rule } from '../engine/rule';
import { renderScalar } from '../engine/scalarSource';
import type { Fix } from '../engine/types';

const SUBJECTS = new Set(['i', 'we', "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll"]);
const OTHERS = new Set(['me', 'my', 'myself', 'mine', 'us', 'our', 'ours', 'ourselves']);
const POSSESSIVES = new Set(['my', 'our']);

/** Words after which `I` is a Roman numeral: "phase I trial", "Software Engineer I". */
const NUMERAL_CONTEXT = new Set([
  'phase', 'series', 'type', 'tier', 'level', 'class', 'part', 'stage', 'grade', 'gen', 'generation', 'war', 'chapter',
  'volume', 'vol', 'step', 'mark', 'category', 'title', 'schedule', 'engineer', 'developer', 'analyst', 'associate',
  'specialist', 'technician', 'scientist', 'consultant', 'programmer', 'administrator', 'architect', 'representative',
  'officer', 'assistant', 'support', 'sde', 'swe',
]);

/** After a leading `I`/`We`, these need the subject: "I was", "We have". */
const AUXILIARIES = new Set([
  'am', 'was', 'were', 'is', 'are', 'be', 'been', 'have', 'has', 'had', 'will', 'would', 'can', 'could', 'should',
  'shall', 'may', 'might', 'must', 'do', 'did', 'does', 'not',
]);

/** After these, `our` is personal ("our own"): "the own" would be wrong, so there is no fix. */
const PERSONAL_NOUNS = new Set(['own', 'first', 'previous', 'current', 'best']);

/**
 * `my` becomes "the" only before these work nouns ("my team" → "the team");
 * before anything else it is personal ("my skills", "my phone") and needs a
 * person to rephrase.
 */
const WORK_NOUNS = new Set([
  'team', 'teams', 'project', 'projects', 'company', 'department', 'group', 'organisation', 'organization', 'code',
  'codebase', 'platform', 'product', 'products', 'service', 'services', 'system', 'systems', 'application',
  'applications', 'app', 'apps', 'client', 'clients', 'customer', 'customers', 'users', 'infrastructure', 'stack',
]);

const QUOTES = /["“”]/g;

function isSentenceStart(text: string, at: number): boolean {
  // After a full stop, or a list marker inside a paragraph ("1) My client …").
  return /(?:[.!?]\s+|(?:^|\s)(?:\d{1,2}[.)]|[-–•])\s+)$/.test(text.slice(Math.max(0, at - 8), at)) || text.slice(0, at).trim() === '';
}

function insideQuotes(text: string, at: number): boolean {
  return (text.slice(0, at).match(QUOTES)?.length ?? 0) % 2 === 1;
}

function isPronoun(text: string, words: readonly Word[], index: number): boolean {
  const word = words[index];
  const subject = SUBJECTS.has(word.lower.replace('’', "'"));
  if (!subject && !OTHERS.has(word.lower.replace('’', "'"))) return false;
  if (insideQuotes(text, word.start)) return false;
  if (word.lower === 'i' || word.lower.startsWith("i'") || word.lower.startsWith('i’')) {
    if (word.text[0] !== 'I') return false;
    if (word.lower === 'i' && isNumeral(text, words, index)) return false;
    return true;
  }
  // All capitals is an acronym ("US", "ME"); a capital mid-sentence is a name ("My Account").
  if (word.text.length > 1 && word.text === word.text.toUpperCase()) return false;
  if (/^\p{Lu}/u.test(word.text) && !isSentenceStart(text, word.start)) return false;
  return true;
}

function isNumeral(text: string, words: readonly Word[], index: number): boolean {
  const word = words[index];
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
  const before = raw.slice(0, start);
  const after = raw.slice(end);
  const next = /^ ([\p{L}][\p{L}'’-]*)/u.exec(after)?.[1];
  if (!next) return undefined;
  if ((lower === 'i' || lower === 'we') && sentenceStart && !AUXILIARIES.has(next.toLowerCase())) {
    return before + capitalise(after.slice(1));
  }
  const noun = next.toLowerCase();
  if ((lower === 'our' && !PERSONAL_NOUNS.has(noun)) || (lower === 'my' && WORK_NOUNS.has(noun))) {
    return before + (sentenceStart ? 'The' : 'the') + after;
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

function fixesFor(text: string, bullet: Bullet, word: string, value: string | undefined): Fix[] {
  if (value === undefined) return [];
  const title = POSSESSIVES.has(word.toLowerCase()) ? `Replace \`${word}\` with \`the\`` : `Remove \`${word}\``;
  return [{ title, edits: [renderScalar(text, bullet.node, [value])], isPreferred: true }];
}

const rule: Rule = {
  meta: {
    id: 'first-person',
    severity: 'warning',
    description: 'First-person pronouns (`I`, `my`, `we`, `our`) in bullets and role summaries, where resumes leave the subject implied.',
    fixable: true,
    tags: ['prose'],
  },
  check({ model, report }) {
    for (const bullet of model.bullets) {
      if (bullet.section === 'basics') continue;
      const prose = toProse(bullet.text);
      if (!isLikelyEnglish(prose.text)) continue;
      const words = wordsOf(prose.text);
      words.forEach((word, index) => {
        if (!isPronoun(prose.text, words, index)) return;
        const { start, end } = proseToRaw(prose, word.start, word.end);
        const sentenceStart = isSentenceStart(prose.text, word.start);
        const value = rewrite(bullet.text, start, end, word.lower, sentenceStart);
        report({
          range: rangeInBullet(model, bullet, start, end),
          message: message(word.text, word.lower),
          fixes: fixesFor(model.text, bullet, word.text, value),
        });
      });
    }
  },
};

export default rule;
