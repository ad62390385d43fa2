/**
 * The page: what a resume becomes when it is typeset. `PageDoc` is what is
 * printed, in order, layout-neutral (pageDoc.ts builds it from the model);
 * `typst.ts` turns it into Typst markup; the Node side compiles that and
 * reports `PageFacts`, what the printed page shows, which the page rules read.
 */

/** A run of text with the Markdown emphasis resumes use. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A link target (`https://…`, `mailto:…`). */
  href?: string;
}

/** One bullet as printed: which model bullet it is (`bulletId`), and its text. */
export interface PageBullet {
  /** The model bullet's id (`bulletId()`), when the printed bullet is one the rules read. */
  id?: string;
  spans: Span[];
}

export interface PageEntry {
  /** The main line's left side: "Backend Engineer, Acme". */
  heading: Span[];
  /** The main line's right side: "Jan 2021 – Present". */
  dates?: string;
  /** A second line: location, degree details, a project's link. */
  details?: Span[];
  /** Paragraphs before the bullets (an entry's summary). */
  paragraphs: Span[][];
  bullets: PageBullet[];
}

export type PageBlock =
  | { kind: 'entry'; entry: PageEntry }
  | { kind: 'paragraph'; spans: Span[] }
  /** A labelled line: "Languages: Go, Java". */
  | { kind: 'line'; label?: string; spans: Span[] }
  | { kind: 'bullets'; bullets: PageBullet[] };

export interface PageSection {
  /** A standard heading an applicant tracking system knows: "Experience", "Education", "Skills". */
  title: string;
  blocks: PageBlock[];
}

export interface PageDoc {
  name: string;
  headline?: string;
  email?: string;
  /** Phone, e-mail, website, profiles, location: one line under the name. */
  contact: Span[][];
  sections: PageSection[];
}

export type ThemeId = 'classic' | 'compact';
export const THEMES: readonly ThemeId[] = ['classic', 'compact'];
export type Paper = 'us-letter' | 'a4';
export const PAPERS: readonly Paper[] = ['us-letter', 'a4'];

export interface RenderSettings {
  theme: ThemeId;
  paper: Paper;
  /** Body text size in points; the theme's own when unset. */
  fontSize?: number;
  /** Page margin as Typst length (`0.75in`, `18mm`); the theme's own when unset. */
  margin?: string;
}

export const DEFAULT_RENDER_SETTINGS: Readonly<RenderSettings> = { theme: 'classic', paper: 'us-letter' };

/** Where the compiler placed one word of a bullet: its page, and its line's place in points from the top. */
export interface WordPlace {
  page: number;
  y: number;
}

/** One bullet as the compiler laid it out (from the marks `typst.ts` puts in). */
export interface PrintedBullet {
  id: string;
  /** Where its first and last words printed: the line is exact; `x` is near the word (its end, or its start for the last). */
  first: WordPlace & { x: number };
  last: WordPlace & { x: number };
  /** Whether it printed on one line (its first and last words share one). */
  singleLine: boolean;
  /**
   * Words on its last printed line, counted up to 3 (only its last three
   * words are marked): 1 or 2 is a line a tighter bullet would save.
   */
  lastLineWords: number;
}

/** What the printed page shows: the facts page rules read. */
export interface PageFacts {
  settings: RenderSettings;
  pages: number;
  bullets: PrintedBullet[];
  /** The PDF's text as a text extractor reads it (pdf.js), one string per page. */
  text: string[];
  /** Characters of the resume that the bundled fonts cannot show, in order of first use. */
  missingGlyphs: string[];
}
