/**
 * Builders for the page rules' tests: a real model parsed from YAML, and a
 * hand-built page (what was printed, what the compiler and a text
 * extractor report), so each rule is tested without a render.
 */
import * as assert from 'node:assert/strict';
import { parseResume } from '../../server/src/engine/document';
import { bulletId, type ResumeModel } from '../../server/src/engine/model';
import { lintPage } from '../../server/src/engine/page/lintPage';
import type { PageLintOptions, PageRule } from '../../server/src/engine/page/pageRule';
import { DEFAULT_RENDER_SETTINGS, type PageDoc, type PageFacts } from '../../server/src/engine/page/types';
import type { Finding } from '../../server/src/engine/types';
import { FIXED_TODAY, textAt } from '../helpers';

/** The page as printed for a JSON Resume model: the name, the e-mail, then one "Experience" entry per work entry, each bullet as written. */
export function docOf(model: ResumeModel): PageDoc {
  const value = model.value as { basics?: { name?: string; email?: string }; work?: unknown[] };
  const bullets = (entryPath: string) =>
    model.bullets
      .filter((bullet) => bullet.entryPath === entryPath && bullet.kind === 'highlight')
      .map((bullet) => ({ id: bulletId(bullet), spans: [{ text: bullet.text }] }));
  return {
    name: value.basics?.name ?? '',
    ...(value.basics?.email !== undefined && { email: value.basics.email }),
    contact: [],
    sections: [
      {
        title: 'Experience',
        blocks: (value.work ?? []).map((_, index) => ({
          kind: 'entry' as const,
          entry: { heading: [{ text: `Job ${index}` }], paragraphs: [], bullets: bullets(`work[${index}]`) },
        })),
      },
    ],
  };
}

export function factsOf(page: Partial<PageFacts>): PageFacts {
  return { settings: { ...DEFAULT_RENDER_SETTINGS }, pages: 1, bullets: [], text: [], missingGlyphs: [], ...page };
}

export interface PageCase {
  text: string;
  page?: Partial<PageFacts>;
  /** The printed page; by default {@link docOf} the model. */
  doc?: (model: ResumeModel) => PageDoc;
  options?: PageLintOptions;
}

/** The rule's findings on a hand-built page, with a fixed today; a rule that throws fails the test. */
export function pageFindings(rule: PageRule, { text, page = {}, doc = docOf, options = {} }: PageCase): Finding[] {
  const model = parseResume(text);
  assert.deepEqual(model.syntaxProblems, []);
  const result = lintPage([rule], model, doc(model), factsOf(page), { today: FIXED_TODAY, ...options });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings;
}

/** Findings as `[text under the range, message]`: readable in assertions. */
export function shownFindings(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [textAt(text, finding.range), finding.message]);
}
