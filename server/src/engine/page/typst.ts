/**
 * `PageDoc` to Typst markup: our two themes, and every piece of the
 * person's text as a Typst string literal (`#"…"`), which Typst prints as
 * it is: no markup, no code, nothing read from disk. Each printed bullet
 * carries marks (a metadata with its position) after its first and last
 * three words, so the compiler tells where its lines fall.
 */
import { FONT_SIZE_RANGE, MARGIN_PATTERN } from '../settings';
import type { PageBullet, PageDoc, PageEntry, RenderSettings, Span, ThemeId } from './types';

/** The label of the marks: `query(<bp-mark>)` gives `{ b, w, p: { page, x, y } }` for each. */
export const MARK_LABEL = 'bp-mark';

export interface TypstMarkup {
  source: string;
  /** The model bullet id of each marked bullet, by its `b` in the marks. */
  markedBullets: string[];
  /** Every character the page prints, once each, in order of first use: what the fonts must show. */
  characters: string[];
}

interface Theme {
  font: string;
  fontSize: number;
  margin: string;
  nameSize: number;
  nameAlign: 'center' | 'left';
  headingSize: number;
  leading: string;
  sectionGap: string;
  entryGap: string;
  listSpacing: string;
}

/** Fonts built into the compiler, so the page is the same on every machine. */
export const THEME_FONTS: Readonly<Record<ThemeId, string>> = { classic: 'Libertinus Serif', compact: 'New Computer Modern' };

const THEMES: Readonly<Record<ThemeId, Theme>> = {
  classic: {
    font: THEME_FONTS.classic,
    fontSize: 10.5,
    margin: '0.75in',
    nameSize: 22,
    nameAlign: 'center',
    headingSize: 12,
    leading: '0.62em',
    sectionGap: '1.1em',
    entryGap: '0.5em',
    listSpacing: '0.5em',
  },
  compact: {
    font: THEME_FONTS.compact,
    fontSize: 9.5,
    margin: '0.5in',
    nameSize: 17,
    nameAlign: 'left',
    headingSize: 10.5,
    leading: '0.5em',
    sectionGap: '0.75em',
    entryGap: '0.3em',
    listSpacing: '0.35em',
  },
};

export function typstMarkup(doc: PageDoc, settings: RenderSettings): TypstMarkup {
  const theme = THEMES[settings.theme];
  const fontSize =
    settings.fontSize !== undefined && settings.fontSize >= FONT_SIZE_RANGE.min && settings.fontSize <= FONT_SIZE_RANGE.max
      ? settings.fontSize
      : theme.fontSize;
  const margin = settings.margin !== undefined && MARGIN_PATTERN.test(settings.margin) ? settings.margin : theme.margin;
  const writer = new Writer();
  const out: string[] = [
    `// Typeset by Bulletproof (${settings.theme} theme). Every text of the resume is a string literal, printed as written.`,
    `#set document(title: ${typstString(doc.name || 'Resume')}, author: ${typstString(doc.name)}, date: none)`,
    `#set page(paper: "${settings.paper}", margin: ${margin})`,
    // `fallback: false`: a character the font lacks is never drawn from a font installed on this machine.
    `#set text(font: (${typstString(theme.font)},), fallback: false, size: ${fontSize}pt, hyphenate: false, lang: "en")`,
    `#set par(justify: false, leading: ${theme.leading}, spacing: ${theme.leading})`,
    `#set list(marker: [•], indent: 0.4em, body-indent: 0.5em, spacing: ${theme.listSpacing})`,
    `#show heading: it => block(above: ${theme.sectionGap}, below: 0.5em, width: 100%)[#text(size: ${theme.headingSize}pt, weight: "bold", it.body) #v(-0.75em) #line(length: 100%, stroke: 0.5pt)]`,
    '',
    `#align(${theme.nameAlign})[#text(size: ${theme.nameSize}pt, weight: "bold")[${writer.text(doc.name)}]]`,
  ];
  if (doc.headline) out.push(`#v(-0.4em)`, `#align(${theme.nameAlign})[${writer.text(doc.headline)}]`);
  if (doc.contact.length > 0) out.push(`#align(${theme.nameAlign})[${doc.contact.map((item) => writer.spans(item)).join(' | ')}]`);
  for (const section of doc.sections) {
    out.push('', `= ${section.title}`);
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'entry':
          out.push(...entryMarkup(block.entry, writer, theme, block === section.blocks[0]));
          break;
        case 'paragraph':
          out.push(writer.spans(block.spans), '');
          break;
        case 'line':
          out.push(
            `${block.label ? `#strong[${writer.text(block.label)}]${block.spans.length > 0 ? ': ' : ''}` : ''}${writer.spans(block.spans)}`,
            '',
          );
          break;
        case 'bullets':
          out.push(...block.bullets.map((bullet) => writer.bullet(bullet)), '');
          break;
      }
    }
  }
  return { source: `${out.join('\n')}\n`, markedBullets: writer.markedBullets, characters: [...writer.characters] };
}

function entryMarkup(entry: PageEntry, writer: Writer, theme: Theme, first: boolean): string[] {
  // Space between entries, on top of what follows a list: none above the first under its heading.
  const lines = first ? [] : [`#v(${theme.entryGap})`];
  lines.push(
    `#block(above: 0.45em, below: 0.45em)[${writer.spans(entry.heading)}${entry.dates ? ` #h(1fr) ${writer.text(entry.dates)}` : ''}]`,
  );
  if (entry.details) lines.push(`#block(above: 0.45em, below: 0.45em)[${writer.spans(entry.details)}]`);
  for (const paragraph of entry.paragraphs) lines.push(writer.spans(paragraph), '');
  for (const bullet of entry.bullets) lines.push(writer.bullet(bullet));
  lines.push('');
  return lines;
}

/** Emits the person's text, remembering the characters it prints and the bullets it marks. */
class Writer {
  readonly markedBullets: string[] = [];
  readonly characters = new Set<string>();

  text(text: string): string {
    return this.literal(text.replace(/\s+/g, ' ').trim());
  }

  spans(spans: readonly Span[]): string {
    return spans.map((span) => wrap(span, this.literal(span.text.replace(/\s+/g, ' ')))).join('');
  }

  /**
   * A list item whose first and last three words are marked. A mark goes
   * right after its word: before it, it would sit after the space a line
   * may break at, and print at the end of the line above.
   */
  bullet(bullet: PageBullet): string {
    if (bullet.id === undefined) return `- ${this.spans(bullet.spans)}`;
    const index = this.markedBullets.push(bullet.id) - 1;
    const pieces = bullet.spans.flatMap((span, spanIndex) =>
      span.text
        .split(/(\s+)/)
        .filter((piece) => piece !== '')
        .map((piece) => ({ piece, spanIndex, space: /^\s/.test(piece) })),
    );
    const words = countWords(bullet.spans);
    let word = -1;
    const inner = bullet.spans.map(() => '');
    pieces.forEach(({ piece, spanIndex, space }, at) => {
      if (space) {
        inner[spanIndex] += ' ';
        return;
      }
      if (at === 0 || pieces[at - 1]!.space) word++;
      const last = at === pieces.length - 1;
      const endsWord = last || pieces[at + 1]!.space;
      const mark =
        endsWord && (word === 0 || word >= words - 3)
          ? `#context [#metadata((b: ${index}, w: ${word}, p: here().position())) <${MARK_LABEL}>]`
          : '';
      // A mark that ends a paragraph is placed at the start of its line: in a box with its word, it stays beside it.
      inner[spanIndex] += last && mark ? `#box[${this.literal(piece)}${mark}]` : this.literal(piece) + mark;
    });
    return `- ${bullet.spans
      .map((span, spanIndex) => wrap(span, inner[spanIndex]!))
      .join('')
      .trim()}`;
  }

  private literal(text: string): string {
    if (text === '') return '';
    // Format characters (direction marks, joiners) steer the text and have no glyph to show.
    for (const char of text) if (!/[\s\p{Cf}]/u.test(char)) this.characters.add(char);
    return `#${typstString(text)};`;
  }
}

function countWords(spans: readonly Span[]): number {
  return spans
    .map((span) => span.text)
    .join('')
    .split(/\s+/)
    .filter((word) => word !== '').length;
}

/** Links only to the web, mail and phone: a page is no place for other schemes. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:|tel:)\S+$/i;

function wrap(span: Span, inner: string): string {
  if (inner.trim() === '') return inner;
  let out = inner;
  if (span.italic) out = `#emph[${out}]`;
  if (span.bold) out = `#strong[${out}]`;
  if (span.href && SAFE_LINK.test(span.href)) out = `#link(${typstString(span.href)})[${out}]`;
  return out;
}

/** A Typst string literal: only `\` and `"` are special, and line breaks and tabs are written as escapes. */
export function typstString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}
