/**
 * Rules about the printed page (`page-count`, `orphan-line`, `ats-text`…):
 * they read the model, what was printed (`PageDoc`) and what the compiler
 * and a text extractor report about the page (`PageFacts`). They never run
 * on the keystroke path: only after a render (`lintPage`).
 */
import type { ResumeModel } from '../model';
import type { ResolvedOptions, Report } from '../rule';
import type { LintOptions, RuleMeta } from '../types';
import type { PageDoc, PageFacts } from './types';

export interface PageContext {
  readonly model: ResumeModel;
  readonly options: Readonly<ResolvedOptions> & { readonly maxPages?: number };
  readonly doc: PageDoc;
  readonly page: PageFacts;
  readonly report: (report: Report) => void;
}

export interface PageRule {
  meta: RuleMeta;
  checkPage(context: PageContext): void;
}

export interface PageLintOptions extends Pick<LintOptions, 'rules' | 'role' | 'today'> {
  /** The page limit; unset, two pages, or one for fewer than five years of work. */
  maxPages?: number;
}
