/** date-order: an entry that ends before it starts. */
import * as assert from 'node:assert/strict';
import dateOrder from '../../server/src/rules/date-order';
import { findingsOf, textAt } from '../helpers';
import { first } from '../support/lists';

function found(text: string): [string, string][] {
  return findingsOf(text, 'date-order', {}, [dateOrder]).map((f) => [textAt(text, f.range), f.message]);
}

function work(start: string, end: string): string {
  return `work:\n  - name: Acme\n    startDate: ${start}\n    endDate: ${end}\n`;
}

describe('date-order', () => {
  it('an end before the start: an error on the endDate value', () => {
    const text = work('2020-05', '2020-04');
    const finding = first(findingsOf(text, 'date-order', {}, [dateOrder]));
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, { start: text.lastIndexOf('2020-04'), end: text.lastIndexOf('2020-04') + 7 });
    assert.equal(finding.message, 'This entry ends (2020-04) before it starts (2020-05): check both dates.');
    assert.deepEqual(finding.fixes, []);
  });

  it('bare years, unquoted (integers) and quoted', () => {
    assert.deepEqual(found(work('2021', '2019')), [['2019', 'This entry ends (2019) before it starts (2021): check both dates.']]);
    assert.deepEqual(found(work('"2021"', '"2019-12-31"')), [
      ['"2019-12-31"', 'This entry ends (2019-12-31) before it starts (2021): check both dates.'],
    ]);
  });

  it('equal dates, or the same year at a different precision, are fine', () => {
    assert.deepEqual(found(work('2020-05', '2020-05')), []);
    assert.deepEqual(found(work('2020', '2020-03')), []);
    assert.deepEqual(found(work('2020-06', '2020')), []);
    assert.deepEqual(found(work('2020-06-30', '2020-06')), []);
  });

  it('in order: nothing', () => {
    assert.deepEqual(found(work('2019-02', '2021-11')), []);
  });

  it('a missing or unreadable date on either side: nothing (the schema speaks for bad dates)', () => {
    assert.deepEqual(found('work:\n  - name: A\n    endDate: 2019\n'), []);
    assert.deepEqual(found('work:\n  - name: A\n    startDate: 2019\n'), []);
    assert.deepEqual(found(work('September 2019', '2018')), []);
  });

  it('dates of different entries are never compared', () => {
    const text = 'work:\n  - name: A\n    startDate: 2021\n  - name: B\n    endDate: 2019\n';
    assert.deepEqual(found(text), []);
  });

  it('every section with dates, each entry on its own', () => {
    const text = [
      'work:',
      '  - name: A',
      '    startDate: 2019',
      '    endDate: 2020',
      '  - name: B',
      '    startDate: 2018-02',
      '    endDate: 2017-11',
      'education:',
      '  - institution: U',
      '    startDate: 2014',
      '    endDate: 2012',
      'projects:',
      '  - name: P',
      '    startDate: 2022-05-01',
      '    endDate: 2022-04-30',
      'volunteer:',
      '  - organization: O',
      '    startDate: 2010',
      '    endDate: 2009',
      '',
    ].join('\n');
    assert.deepEqual(
      found(text).map(([at]) => at),
      ['2017-11', '2012', '2022-04-30', '2009'],
    );
  });
});

describe('date-order in RenderCV', () => {
  it('reads `start_date` and `end_date`, under any section title; the free-text `date` is left alone', () => {
    const text = [
      'cv:',
      '  sections:',
      '    Work Experience:',
      '      - company: Acme',
      '        position: Engineer',
      '        start_date: 2022-01',
      '        end_date: 2021-05',
      '        date: since forever',
      '      - company: Beta',
      '        position: Engineer',
      '        start_date: 2019-01',
      '        end_date: present',
      '',
    ].join('\n');
    assert.deepEqual(
      findingsOf(text, 'date-order', {}, [dateOrder]).map((f) => [textAt(text, f.range), f.message]),
      [['2021-05', 'This entry ends (2021-05) before it starts (2022-01): check both dates.']],
    );
  });
});
