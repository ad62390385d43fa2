/**
 * Bullets as prose: the words a reader sees once Markdown emphasis, inline
 * code markers, links and HTML tags are taken away, with a way back to the
 * index in the bullet's parsed text, so a rule can underline what it read.
 */

import { entityAt, hiddenMarkupAt } from './html';

export interface Prose {
  /** The readable text: markup removed, link text kept, URLs dropped, HTML entities decoded. */
  text: string;
  /** `offsets[i]` is the index in the original bullet text of `text[i]`; one extra entry for the end. */
  offsets: number[];
  /**
   * `ends[i]` is the index in the original text just after what `text[i]`
   * stands for: past the whole `&amp;` for a decoded `&`. Absent when the
   * text has no markup; `proseToRaw` reads it.
   */
  ends?: number[];
}

export interface Word {
  /** As written, e.g. "Responsible". */
  text: string;
  /** Lower-cased, for matching. */
  lower: string;
  /** Index in `Prose.text`. */
  start: number;
  end: number;
}

const MARKUP: RegExp[] = [
  // [link text](url) → link text
  /\[([^\]\n]*)\]\([^)\s]*\)/y,
  // <https://…> autolinks, then bare URLs
  /<(?:https?:\/\/|www\.|mailto:)[^\s<>]*>/y,
  /(?:https?:\/\/|www\.)[^\s)>\]]+/y,
  // emphasis and code markers
  /\*\*|__|[*`~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/y,
];

/** Where any markup could stand; most bullets have none. */
const MAY_HAVE_MARKUP = /[[<&*_`~]|https?:\/\/|www\./;

/** Builds the prose text and its map back to the raw text, one character at a time. */
class ProseBuilder {
  text = '';
  readonly offsets: number[] = [];
  readonly ends: number[] = [];
  /** Where a line-breaking tag stood, until the next visible character decides whether it needs a space. */
  private breakAt: { start: number; end: number } | undefined;

  /** Adds `chars`, all standing for raw `[start, end)`. */
  push(chars: string, start: number, end: number): void {
    if (chars === '') return;
    const pending = this.breakAt;
    this.breakAt = undefined;
    // "Built X<br>Led Y": a browser shows two lines, so the words must not run together.
    if (pending && this.text !== '' && !/\s$/.test(this.text) && !/^\s/.test(chars)) this.push(' ', pending.start, pending.end);
    for (let k = 0; k < chars.length; k++) {
      this.text += chars[k];
      this.offsets.push(start);
      this.ends.push(end);
    }
  }

  lineBreak(start: number, end: number): void {
    this.breakAt ??= { start, end };
  }

  done(rawLength: number): Prose {
    this.offsets.push(rawLength);
    return { text: this.text, offsets: this.offsets, ends: this.ends };
  }
}

/** Strips the markup a bullet may carry, keeping a map back to the original indices. */
export function toProse(raw: string): Prose {
  if (!MAY_HAVE_MARKUP.test(raw)) return { text: raw, offsets: Array.from({ length: raw.length + 1 }, (_, index) => index) };
  const out = new ProseBuilder();
  let i = 0;
  outer: while (i < raw.length) {
    const char = raw[i]!;
    if (char === '<') {
      const hidden = hiddenMarkupAt(raw, i);
      if (hidden) {
        if (hidden.breaks) out.lineBreak(i, hidden.end);
        i = hidden.end;
        continue;
      }
    } else if (char === '&') {
      const entity = entityAt(raw, i);
      if (entity) {
        out.push(entity.text, i, entity.end);
        i = entity.end;
        continue;
      }
    }
    for (const pattern of MARKUP) {
      pattern.lastIndex = i;
      const match = pattern.exec(raw);
      if (!match || match[0].length === 0) continue;
      if (match[1] !== undefined) {
        // Keep the link text, mapped to where it stands in the original.
        const innerStart = i + 1;
        for (let k = 0; k < match[1].length; k++) out.push(match[1][k]!, innerStart + k, innerStart + k + 1);
      }
      i += match[0].length;
      continue outer;
    }
    out.push(char, i, i + 1);
    i++;
  }
  return out.done(raw.length);
}

/** Maps a `[start, end)` of prose text back to the original bullet text. */
export function proseToRaw(prose: Prose, start: number, end: number): { start: number; end: number } {
  // `offsets` ends with the raw length, so it is never empty and the clamped index is in range.
  const last = prose.offsets.length - 1;
  const rawStart = prose.offsets[Math.min(start, last)]!;
  if (end <= start) return { start: rawStart, end: rawStart };
  const index = Math.min(end - 1, last);
  const rawEnd = prose.ends?.[index] ?? prose.offsets[index]! + 1;
  return { start: rawStart, end: rawEnd };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.+#-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]/gu;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    words.push({ text: match[0], lower: match[0].toLowerCase(), start, end: start + match[0].length });
  }
  return words;
}

const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'for',
  'with',
  'in',
  'on',
  'a',
  'an',
  'by',
  'from',
  'using',
  'that',
  'into',
  'across',
  'over',
  'at',
  'as',
  'our',
  'my',
  'team',
  'data',
  'built',
  'developed',
  'designed',
  'led',
  'managed',
  'created',
  'implemented',
  'responsible',
  'worked',
  'improved',
  'reduced',
  'increased',
  'helped',
  'was',
  'is',
  'are',
  'were',
]);

/**
 * Whether a bullet reads as English. Rules that depend on English phrasing
 * stay quiet otherwise: digits and units are universal, wording is not.
 * `wordsIn` finds the words: a lint passes its own, which remembers them.
 */
export function isLikelyEnglish(text: string, wordsIn: (text: string) => readonly Word[] = wordsOf): boolean {
  // Counted in place: this runs on every version of a bullet being typed.
  let latin = 0;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
    else if (code >= 128) ascii = false;
  }
  const letters = ascii ? latin : (text.match(/\p{L}/gu)?.length ?? 0);
  if (letters === 0 || latin / letters < 0.8) return false;
  const words = wordsIn(text);
  if (words.length <= 3) return true;
  let known = 0;
  let foreign = 0;
  for (const word of words) {
    if (ENGLISH_FUNCTION_WORDS.has(word.lower)) known++;
    if (FOREIGN_FUNCTION_WORDS.has(word.lower)) foreign++;
  }
  // Tech-heavy fragments ("Kubernetes, Terraform, AWS") have few function
  // words in any language; ones in another language have other ones.
  return foreign <= known;
}

const FOREIGN_FUNCTION_WORDS = new Set([
  // French
  'le',
  'la',
  'les',
  'des',
  'du',
  'et',
  'pour',
  'avec',
  'dans',
  'sur',
  'une',
  'un',
  'de',
  'au',
  'aux',
  'en',
  // Spanish
  'el',
  'los',
  'las',
  'y',
  'para',
  'con',
  'por',
  'del',
  'una',
  'que',
  'en',
  // German, Portuguese, Italian
  'und',
  'der',
  'die',
  'das',
  'mit',
  'für',
  'von',
  'e',
  'com',
  'para',
  'il',
  'di',
  'per',
]);
