/**
 * Bullets longer than about two printed lines, or too short to say what was
 * done and why it mattered. Only highlights are measured: a summary is a
 * paragraph by design.
 *
 * Length is measured in printed columns, so it works in any language: a
 * Chinese, Japanese or Korean character takes two columns. Words are counted
 * with spaces, except in Chinese and Japanese, which are written without
 * them: there every two characters count as one word.
 */
import type { BulletRule } from '../engine/rule';
import { plainReader, type TextReader } from '../engine/textReader';

/** About two lines of a printed resume in a 10–11pt font. */
export const MAX_COLUMNS = 200;
export const MIN_WORDS = 4;

/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Characters a printed line gives two columns. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60]/u;

export function columns(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export function wordCount(text: string, read: TextReader = plainReader): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return read.words(text.replace(UNSPACED, ' ')).length + Math.ceil(unspaced / 2);
}

/** "Java", "Active Directory": every word capitalised, no verb form; a skill, not an achievement. */
function looksLikeKeyword(text: string, read: TextReader): boolean {
  const words = read.words(text);
  const [first] = words;
  return (
    first !== undefined && words.every((word) => /^(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})/u.test(word.text)) && !/(ed|ing)$/i.test(first.text)
  );
}

function shortMessage(text: string, words: number, read: TextReader): string {
  const count = words === 1 ? 'one word' : `${words} words`;
  return looksLikeKeyword(text, read)
    ? `\`${text}\` reads like a keyword, not a bullet: move it to \`skills\`, or say what you did with it and what changed.`
    : `\`${text}\` is ${count}: say what you did, how, and what changed.`;
}

const rule: BulletRule = {
  meta: {
    id: 'bullet-length',
    severity: 'info',
    description: `A bullet longer than about two printed lines (${MAX_COLUMNS} characters) or shorter than ${MIN_WORDS} words.`,
    fixable: false,
    tags: ['prose'],
  },
  languages: 'any',
  checkBullet(bullet, { report, prose, read }) {
    if (bullet.kind !== 'highlight') return;
    const text = prose.text.trim().replace(/\s+/g, ' ');
    // An empty bullet has nothing to measure; it is a different problem.
    if (text === '') return;
    const width = columns(text);
    const words = wordCount(text, read);
    if (width > MAX_COLUMNS) {
      report({
        range: bullet.range,
        message: `This bullet is ${width} characters, more than two printed lines: keep what you did and the result, and cut the rest to under ${MAX_COLUMNS}.`,
      });
    } else if (words < MIN_WORDS) {
      report({ range: bullet.range, message: shortMessage(text, words, read) });
    }
  },
};

export default rule;
