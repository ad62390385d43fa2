/** page-count: a printed resume past its page limit. */
import * as assert from 'node:assert/strict';
import { parseResume } from '../../server/src/engine/document';
import { workExperience } from '../../server/src/engine/page/experience';
import { allRuleMeta, registeredRules } from '../../server/src/linter';
import pageCount from '../../server/src/rules/page-count';
import { pageRules } from '../../server/src/rules/registry';
import { FIXED_TODAY } from '../helpers';
import { only } from '../support/lists';
import { pageFindings, shownFindings, type PageCase } from './page-support';

/** A JSON Resume with one work entry per `[start, end]` (no end: a current role); today is 2026-06-15. */
function resume(...jobs: [string, string?][]): string {
  const work = jobs.map(
    ([start, end], index) =>
      `  - name: Company ${index}\n    startDate: ${start}\n${end ? `    endDate: ${end}\n` : ''}    highlights:\n      - Cut p99 latency from 900 ms to 120 ms\n`,
  );
  return `basics:\n  name: Alex Rivera\n  email: alex@example.com\nwork:\n${work.join('')}`;
}

function found(test: PageCase): [string, string][] {
  return shownFindings(test.text, pageFindings(pageCount, test));
}

const LONG_CAREER = resume(['2015-01'], ['2011-03', '2014-12']);
const THREE_YEARS = resume(['2023-07']);

describe('page-count', () => {
  it('3 pages with a long career: over the limit of 2, a warning on `basics`', () => {
    const text = LONG_CAREER;
    const finding = only(pageFindings(pageCount, { text, page: { pages: 3 } }));
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: 0, end: 'basics'.length });
    assert.equal(
      finding.message,
      'The resume prints on 3 pages (classic theme, US Letter); keep it to 2: reviewers skim, and even a long career fits on two. ' +
        'Cut the bullets of older roles down to the ones that show the most, or try the compact theme (`render.theme: compact`).',
    );
    assert.deepEqual(finding.fixes, []);
  });

  it('2 pages with 3 years of work: over the limit of 1, and says why; no compact theme offered when it is the theme', () => {
    assert.deepEqual(found({ text: THREE_YEARS, page: { pages: 2, settings: { theme: 'compact', paper: 'a4' } } }), [
      [
        'basics',
        'The resume prints on 2 pages (compact theme, A4); keep it to 1: the work dates add up to 3 years, and under five years of work one page holds it all. ' +
          'Cut the bullets of older roles down to the ones that show the most.',
      ],
    ]);
  });

  it('at the limit: nothing', () => {
    assert.deepEqual(found({ text: LONG_CAREER, page: { pages: 2 } }), []);
    assert.deepEqual(found({ text: THREE_YEARS, page: { pages: 1 } }), []);
  });

  it('`maxPages` wins over the work dates, both ways', () => {
    assert.deepEqual(found({ text: LONG_CAREER, page: { pages: 3 }, options: { maxPages: 3 } }), []);
    assert.deepEqual(found({ text: THREE_YEARS, page: { pages: 2 }, options: { maxPages: 2 } }), []);
    assert.deepEqual(found({ text: LONG_CAREER, page: { pages: 2 }, options: { maxPages: 1 } }), [
      [
        'basics',
        'The resume prints on 2 pages (classic theme, US Letter); keep it to 1: the limit the `render.maxPages` setting gives. ' +
          'Cut the bullets of older roles down to the ones that show the most, or try the compact theme (`render.theme: compact`).',
      ],
    ]);
  });

  it('overlapping roles count once: 4 years, not 6', () => {
    const text = resume(['2019-01', '2021-12'], ['2020-01', '2022-12']);
    assert.equal(workExperience(parseResume(text), FIXED_TODAY).months, 48);
    const [[, message]] = found({ text, page: { pages: 2 } }) as [[string, string]];
    assert.match(message, /keep it to 1: the work dates add up to 4 years, and under five years/);
  });

  it('five years exactly is no longer under five: the limit is 2', () => {
    const text = resume(['2021-07']);
    assert.equal(workExperience(parseResume(text), FIXED_TODAY).months, 60);
    assert.deepEqual(found({ text, page: { pages: 2 } }), []);
  });

  it('no dated work: the length of the career is unknown, so the limit is 2', () => {
    const text = 'basics:\n  name: Alex Rivera\nwork:\n  - name: Acme\n    highlights:\n      - Cut p99 latency from 900 ms to 120 ms\n';
    assert.deepEqual(found({ text, page: { pages: 2 } }), []);
    assert.match(only(found({ text, page: { pages: 3 } }))[1], /keep it to 2: reviewers skim/);
  });

  it('a RenderCV resume: its experience dates, "present" for a current role, the finding on `cv`', () => {
    const text = [
      'cv:',
      '  name: Alex Rivera',
      '  sections:',
      '    experience:',
      '      - company: Acme',
      '        position: Backend Engineer',
      '        start_date: 2024-09',
      '        end_date: present',
      '        highlights:',
      '          - Cut p99 latency from 900 ms to 120 ms',
      '',
    ].join('\n');
    assert.deepEqual(found({ text, page: { pages: 2 }, doc: () => ({ name: 'Alex Rivera', contact: [], sections: [] }) }), [
      [
        'cv',
        'The resume prints on 2 pages (classic theme, US Letter); keep it to 1: the work dates add up to 1 year and 10 months, and under five years of work one page holds it all. ' +
          'Cut the bullets of older roles down to the ones that show the most, or try the compact theme (`render.theme: compact`).',
      ],
    ]);
  });
});

describe('page rules in the registry', () => {
  const ids = ['page-count', 'orphan-line', 'ats-text', 'unprintable-text'];

  it('are listed with every rule, tagged `page`, and never run by the text lint', () => {
    assert.deepEqual(
      pageRules.map((rule) => rule.meta.id),
      ids,
    );
    assert.deepEqual(
      allRuleMeta()
        .slice(-4)
        .map((meta) => meta.id),
      ids,
    );
    for (const rule of pageRules) assert.ok(rule.meta.tags.includes('page') && !rule.meta.fixable, rule.meta.id);
    assert.deepEqual(
      registeredRules.filter((rule) => ids.includes(rule.meta.id)),
      [],
    );
  });

  it('a disable comment silences one, as for the text rules', () => {
    const text = `# bulletproof-disable page-count\n${LONG_CAREER}`;
    assert.deepEqual(found({ text, page: { pages: 3 } }), []);
  });
});

describe('work experience from the dates', () => {
  const months = (text: string) => workExperience(parseResume(text), FIXED_TODAY);

  it('a year alone runs from its January to its December; a written month is read', () => {
    assert.deepEqual(months(resume(['2018', '2019'])), { months: 24, datedEntries: 1 });
    assert.deepEqual(months(resume(['Sep 2018', 'August 2019'])), { months: 12, datedEntries: 1 });
  });

  it('an end in the future stops at today; an end before the start, or one that cannot be read, is left out', () => {
    assert.deepEqual(months(resume(['2026-01', '2027-12'])), { months: 6, datedEntries: 1 });
    assert.deepEqual(months(resume(['2020-05', '2019-01'])), { months: 0, datedEntries: 0 });
    assert.deepEqual(months(resume(['2020-05', 'soon'])), { months: 0, datedEntries: 0 });
  });
});
