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
 *
 * A bullet gets one finding however many pronouns it has: the message names
 * them, the underline runs from the first to the last (so it starts and ends
 * on words the fix changes, and a bullet with one pronoun underlines just
 * it), and one fix drops every pronoun that can go without rephrasing.
 */
import type { Bullet } from '../engine/document';
import { proseToRaw, type Word } from '../engine/prose';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent } from '../engine/fixIntent';
import { bulletRanges } from '../engine/valueRanges';

/** A bullet longer than a page gets no fix, so a pasted wall of text stays fast to lint. */
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

/** One pronoun's place in the bullet's text, and what replaces it there. */
interface PronounEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * How to drop the pronoun at raw `[start, end)`: a leading `I`/`We` goes
 * and the verb after it takes the capital ("I led" → "Led"), `my`/`our`
 * becomes "the" where the noun is not personal. Undefined when only a
 * person can rephrase it.
 */
export function pronounEdit(raw: string, start: number, end: number, lower: string, sentenceStart: boolean): PronounEdit | undefined {
  // Decided on a bounded window.
  const next = /^ ([\p{L}][\p{L}'’-]*)/u.exec(raw.slice(end, end + 40))?.[1];
  if (!next) return undefined;
  const noun = next.toLowerCase();
  if ((lower === 'i' || lower === 'we') && sentenceStart && !AUXILIARIES.has(noun)) {
    return { start, end: end + 2, text: capitalise(raw.charAt(end + 1)) };
  }
  if ((lower === 'our' && !PERSONAL_NOUNS.has(noun)) || (lower === 'my' && WORK_NOUNS.has(noun))) {
    return { start, end, text: sentenceStart ? 'The' : 'the' };
  }
  return undefined;
}

/** A pronoun found in a bullet: its spelling, raw place, and the edit that drops it, if one can. */
interface Found {
  word: string;
  lower: string;
  start: number;
  end: number;
  edit: PronounEdit | undefined;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Each pronoun once, as first written: "`I`, `our` and `me`". */
function distinct(found: readonly Found[]): Found[] {
  const seen = new Set<string>();
  return found.filter((pronoun) => {
    const key = pronoun.lower.replace('’', "'");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isSubject(lower: string): boolean {
  return SUBJECTS.has(lower.replace('’', "'"));
}

function message(found: readonly Found[]): string {
  const forms = distinct(found);
  const quoted = listed(forms.map((pronoun) => `\`${pronoun.word}\``));
  const verb = forms.length === 1 ? 'is' : 'are';
  if (forms.every((pronoun) => isSubject(pronoun.lower))) {
    return `${quoted} ${verb} first person: resume bullets leave the subject implied and start with the verb.`;
  }
  if (forms.every((pronoun) => POSSESSIVES.has(pronoun.lower))) {
    return `${quoted} ${verb} first person: write \`the\`, or name whose it is (the team's, the company's).`;
  }
  if (forms.length === 1) return `${quoted} is first person: rephrase so the bullet says what you did, without the pronoun.`;
  return `${quoted} are first person: resume bullets leave the subject implied and say what you did, without the pronouns.`;
}

/** One fix for every pronoun that can go without a person rephrasing: "Remove `I`; replace `our` with `the`". */
function fixesFor(bullet: Bullet, found: readonly Found[]): FixIntent[] {
  const edits: (PronounEdit & { word: string })[] = [];
  for (const pronoun of found) {
    const previous = edits[edits.length - 1];
    // "We our …": the first edit already took the next word's first letter.
    if (pronoun.edit && (!previous || previous.end <= pronoun.edit.start)) edits.push({ ...pronoun.edit, word: pronoun.word });
  }
  if (edits.length === 0) return [];
  let value = bullet.text;
  for (const edit of [...edits].reverse()) value = value.slice(0, edit.start) + edit.text + value.slice(edit.end);
  const names = (list: readonly { word: string }[]) => listed([...new Set(list.map((edit) => `\`${edit.word}\``))]);
  const removed = edits.filter((edit) => !POSSESSIVES.has(edit.word.toLowerCase()));
  const replaced = edits.filter((edit) => POSSESSIVES.has(edit.word.toLowerCase()));
  const parts = [
    ...(removed.length ? [`Remove ${names(removed)}`] : []),
    ...(replaced.length ? [`${removed.length ? 'replace' : 'Replace'} ${names(replaced)} with \`the\``] : []),
  ];
  return [{ title: parts.join('; '), changes: [setText(bullet, [value])] }];
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
    const fixable = bullet.text.length <= MAX_FIXABLE_CHARS;
    const found: Found[] = [];
    words.forEach((word, index) => {
      if (!isPronoun(prose.text, words, index, quoted[index] === true)) return;
      const { start, end } = proseToRaw(prose, word.start, word.end);
      const edit = fixable ? pronounEdit(bullet.text, start, end, word.lower, isSentenceStart(prose.text, word.start)) : undefined;
      found.push({ word: word.text, lower: word.lower, start, end, edit });
    });
    const firstFound = found[0];
    const lastFound = found[found.length - 1];
    if (!firstFound || !lastFound) return;
    // One finding per bullet, underlined from the first pronoun to the last: see the file comment.
    report({
      range: bulletRanges(model, bullet)(firstFound.start, lastFound.end),
      message: message(found),
      fixes: () => fixesFor(bullet, found),
    });
  },
};

export default rule;
