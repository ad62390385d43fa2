/**
 * The HTML a bullet may carry, read the way a browser shows it: a tag is
 * hidden whatever its attributes look like (`<a href="x"target="_blank">`,
 * a `>` inside a quoted value, a line break inside the tag), a comment is
 * hidden, and an entity (`&amp;`, `&nbsp;`, `&#8217;`) is the character it
 * stands for. `prose.ts` uses these to build a bullet's readable text.
 *
 * Only the names of HTML elements count as tags: in a resume kept as text,
 * `List<String>` or `<Redis>` is something the author typed to be read.
 */

const ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'big',
  'blockquote',
  'br',
  'center',
  'cite',
  'code',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'nobr',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Elements a browser shows on a line of their own: the words on either side do not run together. */
const BREAKS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'tr',
  'td',
  'th',
  'table',
  'hr',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Past this, a `<a …` that never closes is text: keeps a hostile bullet linear. */
const MAX_TAG_LENGTH = 2048;

export interface Hidden {
  /** Index just after the tag or comment. */
  end: number;
  /** Whether a browser would break the line there. */
  breaks: boolean;
}

/** The tag or comment that starts at `raw[at]` (a `<`), or undefined when a browser would show it as text. */
export function hiddenMarkupAt(raw: string, at: number): Hidden | undefined {
  if (raw.startsWith('<!--', at)) {
    const close = raw.indexOf('-->', at + 4);
    return close < 0 ? undefined : { end: close + 3, breaks: false };
  }
  const name = /^<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])/.exec(raw.slice(at, at + 16));
  const element = name?.[1]?.toLowerCase();
  if (!name || !element || !ELEMENTS.has(element)) return undefined;
  const limit = Math.min(raw.length, at + MAX_TAG_LENGTH);
  // Attributes: a value quoted after `=` may hold `>` or `<`; elsewhere `>` ends the tag.
  let afterEquals = false;
  for (let i = at + name[0].length; i < limit; i++) {
    const char = raw[i]!;
    if (char === '>') return { end: i + 1, breaks: BREAKS.has(element) };
    if (char === '<') return undefined;
    if (afterEquals && (char === '"' || char === "'")) {
      const close = raw.indexOf(char, i + 1);
      if (close < 0 || close >= limit) return undefined;
      i = close;
    }
    if (char === '=') afterEquals = true;
    else if (!/\s/.test(char)) afterEquals = false;
  }
  return undefined;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  // Shown as a space, and read as one: a rule splitting words must not see one word.
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  deg: '°',
  micro: 'µ',
  le: '≤',
  ge: '≥',
  asymp: '≈',
  rarr: '→',
  larr: '←',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
};

export interface Entity {
  /** What it shows: one character, or none for a soft hyphen. */
  text: string;
  end: number;
}

/** The character reference that starts at `raw[at]` (a `&`), or undefined when it is a plain ampersand ("R&D", "AT&T"). */
export function entityAt(raw: string, at: number): Entity | undefined {
  const match = /^&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,8}));/.exec(raw.slice(at, at + 12));
  if (!match) return undefined;
  const [whole, decimal, hex, name] = match;
  const end = at + whole.length;
  if (name !== undefined) {
    // Named references are case-sensitive, except the few often written in capitals (`&AMP;`).
    const text = NAMED[name] ?? (/^(?:AMP|LT|GT|QUOT)$/.test(name) ? NAMED[name.toLowerCase()] : undefined);
    if (text === undefined) return undefined;
    return { text, end };
  }
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  if (code === 0xa0) return { text: ' ', end };
  return { text: String.fromCodePoint(code), end };
}
