/**
 * The printed page's text as an applicant tracking system reads it, and
 * what the resume says it must hold. Both sides are normalised the same
 * way, so only a real difference (a word lost, a bullet read out of order)
 * counts, never how the PDF spaces, joins or ligates letters.
 */
import { isScalar } from 'yaml';
import type { ResumeModel } from '../model';
import type { OffsetRange } from '../types';
import type { PageBullet, PageDoc, PageSection, Span } from './types';

/**
 * Characters that print nothing, which a text extractor may keep or drop:
 * soft hyphen, zero-width space and joiners, direction marks and controls,
 * word joiner, BOM. (A direction control can still reorder what prints, and
 * then the letters differ.)
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** Typographic quotes: a typesetter may curl the straight ones. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f]/g;

/**
 * The text as compared: NFKC (ligatures such as ﬁ and ﬂ become their
 * letters, a no-break space a space), invisible characters dropped, curly
 * quotes straight, every run of whitespace (line breaks included) one
 * space, trimmed. Case is kept.
 */
export function normalizeForAts(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/gu, ' ').trim();
}

/** The printed text of a run of spans. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((span) => span.text).join('');
}

/** Something the page must show, in the order it is printed. */
export type ExpectedText =
  { kind: 'name' | 'email'; text: string } | { kind: 'heading'; text: string } | { kind: 'bullet'; text: string; id?: string };

/** The name, the e-mail address, then each section's title and its bullets, in print order. */
export function expectedTexts(doc: PageDoc): ExpectedText[] {
  const expected: ExpectedText[] = [{ kind: 'name', text: doc.name }];
  if (doc.email) expected.push({ kind: 'email', text: doc.email });
  for (const section of doc.sections) {
    expected.push({ kind: 'heading', text: section.title });
    for (const bullet of sectionBullets(section)) {
      expected.push({ kind: 'bullet', text: spansText(bullet.spans), ...(bullet.id !== undefined && { id: bullet.id }) });
    }
  }
  return expected;
}

/** A section's bullets in print order: its entries' and its own lists'. */
export function sectionBullets(section: PageSection): PageBullet[] {
  return section.blocks.flatMap((block) => (block.kind === 'entry' ? block.entry.bullets : block.kind === 'bullets' ? block.bullets : []));
}

/** Every bullet of the page in print order. */
export function pageBullets(doc: PageDoc): PageBullet[] {
  return doc.sections.flatMap(sectionBullets);
}

export type Placement<T> =
  | { item: T; found: 'in order' }
  | { item: T; found: 'missing' }
  /** Present, but read before `readBefore`, which is printed above it. */
  | { item: T; found: 'out of order'; readBefore: T };

/**
 * A line the typesetter broke after a hyphen, a dash or a slash
 * (`tracking-` / `update`) had no space there: the extractor's line break
 * is not one.
 */
function joinBrokenWords(read: string): string {
  return read.replace(/([-\u2010\u2013\u2014/])\r?\n/g, '$1');
}

/**
 * Where each expected text stands in `read` (both normalised with
 * {@link normalizeForAts}): a cursor moves forward past each text found in
 * order; one not found past the cursor is searched from the start, to tell
 * a text read out of order from one missing (a text printed twice must be
 * read twice). Texts empty once normalised are left out. Linear in the
 * text for a page read in order.
 */
export function placeTexts<T extends { text: string }>(read: string, items: readonly T[]): Placement<T>[] {
  const haystack = normalizeForAts(joinBrokenWords(read));
  const placements: Placement<T>[] = [];
  /** How many times each text was found so far. */
  const seen = new Map<string, number>();
  let cursor = 0;
  let last: T | undefined;
  for (const item of items) {
    const needle = normalizeForAts(item.text);
    if (!needle) continue;
    const times = seen.get(needle) ?? 0;
    const at = haystack.indexOf(needle, cursor);
    if (at !== -1) {
      cursor = at + needle.length;
      last = item;
      placements.push({ item, found: 'in order' });
    } else if (last && occursMoreThan(haystack, needle, times)) {
      placements.push({ item, found: 'out of order', readBefore: last });
    } else {
      placements.push({ item, found: 'missing' });
      continue;
    }
    seen.set(needle, times + 1);
  }
  return placements;
}

/** Whether `needle` occurs in `haystack` more than `times` times (without overlaps). */
function occursMoreThan(haystack: string, needle: string, times: number): boolean {
  let from = 0;
  for (let count = 0; count <= times; count++) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) return false;
    from = at + needle.length;
  }
  return true;
}

/** Whether `text` holds any of `characters` (each one code point, as `PageFacts.missingGlyphs` lists them). */
export function holdsAnyOf(text: string, characters: ReadonlySet<string>): boolean {
  if (characters.size === 0) return false;
  for (const character of text) if (characters.has(character)) return true;
  return false;
}

/** The range of the first text value in the file, in document order, that holds any of `characters`. */
export function firstValueHolding(model: ResumeModel, characters: ReadonlySet<string>): OffsetRange | undefined {
  for (const entry of model.entries.values()) {
    if (isScalar(entry.node) && typeof entry.node.value === 'string' && holdsAnyOf(entry.node.value, characters)) return entry.valueRange;
  }
  return undefined;
}
