/**
 * Where things are on the preview's page, in points: the pages of the SVG
 * the typesetter made (one `g.typst-page` each, stacked), and a box around
 * each printed bullet from where the compiler placed its first and last
 * words. The webview only multiplies by its scale (pixels per point).
 */
import type { PreviewMark } from '../../../server/src/protocol';

export interface PageBox {
  /** Offset of the page from the top of the SVG. */
  top: number;
  width: number;
  height: number;
  /** The text column's left edge: the page's margin (the first block of the page sits on it). */
  margin: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  pages: PageBox[];
  /** The body text's size, for the height of a printed line. */
  fontSize: number;
}

/** Used when the SVG does not say: the classic theme's margin (0.75in) and body size. */
const DEFAULT_MARGIN = 54;
const DEFAULT_FONT_SIZE = 10.5;
/** A line of text reaches this far above its baseline and below it, in ems (with a little air). */
const ASCENT = 0.8;
const DESCENT = 0.3;
/** Room around the text column, in points. */
const PAD = 3;

const PAGE_TAG = /<g\b[^>]*\bclass="typst-page"[^>]*>/g;
const TRANSLATE = /translate\(\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*\)/;
/** A glyph run is scaled from font units (1000 per em in the themes' fonts) to points. */
const TEXT_SCALE = /class="typst-text"[^>]*transform="scale\(([\d.]+),/g;

export function pageGeometry(svg: string): PageGeometry {
  const pages: PageBox[] = [];
  for (const match of svg.matchAll(PAGE_TAG)) {
    const tag = match[0];
    const top = Number(TRANSLATE.exec(tag)?.[2] ?? NaN);
    const width = Number(attribute(tag, 'data-page-width'));
    const height = Number(attribute(tag, 'data-page-height'));
    if (![top, width, height].every(Number.isFinite) || width <= 0 || height <= 0) continue;
    // The page's first block is placed at the top-left corner of its text column.
    const after = svg.slice((match.index ?? 0) + tag.length, (match.index ?? 0) + tag.length + 400);
    const left = Number(TRANSLATE.exec(after)?.[1] ?? NaN);
    const margin = Number.isFinite(left) && left > 0 && left < width / 3 ? left : Math.min(DEFAULT_MARGIN, width / 4);
    pages.push({ top, width, height, margin });
  }
  const last = pages.at(-1);
  return {
    width: Math.max(0, ...pages.map((page) => page.width)),
    height: last ? last.top + last.height : 0,
    pages,
    fontSize: bodyFontSize(svg),
  };
}

/** The size most glyph runs are set in: the body text. */
function bodyFontSize(svg: string): number {
  const counts = new Map<number, number>();
  for (const match of svg.matchAll(TEXT_SCALE)) {
    const size = Math.round(Number(match[1]) * 1000 * 100) / 100;
    counts.set(size, (counts.get(size) ?? 0) + 1);
  }
  let best = DEFAULT_FONT_SIZE;
  let most = 0;
  for (const [size, count] of counts) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best >= 6 && best <= 20 ? best : DEFAULT_FONT_SIZE;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * The boxes around a printed bullet, in points from the SVG's top-left:
 * across the text column, from the top of its first line to the bottom of
 * its last; one box per page when it runs over a page break.
 */
export function markRects(mark: Pick<PreviewMark, 'first' | 'last'>, geometry: PageGeometry): Rect[] {
  const firstPage = geometry.pages[mark.first.page - 1];
  const lastPage = geometry.pages[mark.last.page - 1];
  if (!firstPage || !lastPage) return [];
  const above = ASCENT * geometry.fontSize;
  const below = DESCENT * geometry.fontSize;
  const column = (page: PageBox, top: number, bottom: number): Rect => ({
    x: page.margin - PAD,
    y: page.top + top,
    width: page.width - 2 * page.margin + 2 * PAD,
    height: Math.max(bottom - top, 1),
  });
  if (firstPage === lastPage) return [column(firstPage, mark.first.y - above, mark.last.y + below)];
  return [
    column(firstPage, mark.first.y - above, firstPage.height - firstPage.margin + below),
    column(lastPage, lastPage.margin - above, mark.last.y + below),
  ];
}

/** The mark that holds the position (the editor's cursor), or undefined. */
export function markAt(
  marks: readonly Pick<PreviewMark, 'id' | 'range'>[],
  position: { line: number; character: number },
): string | undefined {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return marks.find((mark) => before(mark.range.start, position) && before(position, mark.range.end))?.id;
}
