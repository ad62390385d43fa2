import { resumeView } from '../engine/layouts';
import { workExperience } from '../engine/page/experience';
import type { ResumeModel } from '../engine/model';
import type { PageContext, PageRule } from '../engine/page/pageRule';
import type { RenderSettings } from '../engine/page/types';

/** Under this much work, one page holds a resume. */
const ONE_PAGE_UNDER_MONTHS = 5 * 12;

const THEME_NAMES: Record<RenderSettings['theme'], string> = { classic: 'classic theme', compact: 'compact theme' };
const PAPER_NAMES: Record<RenderSettings['paper'], string> = { 'us-letter': 'US Letter', a4: 'A4' };

const rule: PageRule = {
  meta: {
    id: 'page-count',
    severity: 'warning',
    description: 'The printed resume runs past its page limit: two pages, one under five years of work, or the `render.maxPages` setting.',
    fixable: false,
    tags: ['page'],
  },
  checkPage({ model, options, page, report }) {
    const { limit, why } = pageLimit(model, options);
    if (page.pages <= limit) return;
    const { theme, paper } = page.settings;
    const shorter =
      theme === 'compact'
        ? 'Cut the bullets of older roles down to the ones that show the most.'
        : 'Cut the bullets of older roles down to the ones that show the most, or try the compact theme (`render.theme: compact`).';
    report({
      range: resumeView(model).basics.anchor,
      message: `The resume prints on ${pages(page.pages)} (${THEME_NAMES[theme]}, ${PAPER_NAMES[paper]}); keep it to ${limit}: ${why}. ${shorter}`,
    });
  },
};

/** The page limit, and why it is that one. */
function pageLimit(model: ResumeModel, options: PageContext['options']): { limit: number; why: string } {
  if (options.maxPages !== undefined && Number.isInteger(options.maxPages) && options.maxPages >= 1) {
    return { limit: options.maxPages, why: 'the limit the `render.maxPages` setting gives' };
  }
  const work = workExperience(model, options.today);
  if (work.datedEntries > 0 && work.months < ONE_PAGE_UNDER_MONTHS) {
    return { limit: 1, why: `the work dates add up to ${duration(work.months)}, and under five years of work one page holds it all` };
  }
  return { limit: 2, why: 'reviewers skim, and even a long career fits on two' };
}

function pages(count: number): string {
  return count === 1 ? '1 page' : `${count} pages`;
}

/** "3 years", "1 year and 4 months", "7 months". */
function duration(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (years === 0) return unit(rest, 'month');
  return rest === 0 ? unit(years, 'year') : `${unit(years, 'year')} and ${unit(rest, 'month')}`;
}

export default rule;
