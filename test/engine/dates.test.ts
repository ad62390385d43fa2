/** Resume dates: reading them, comparing them, and advising on the ones we cannot read. */
import * as assert from 'node:assert/strict';
import { adviseDate, compareDates, formatDate, parseResumeDate, today } from '../../server/src/engine/dates';

describe('parseResumeDate', () => {
  it('reads YYYY, YYYY-MM, YYYY-MM-DD and the integer YAML gives for a bare year', () => {
    assert.deepEqual(parseResumeDate('2021'), { year: 2021 });
    assert.deepEqual(parseResumeDate('2021-03'), { year: 2021, month: 3 });
    assert.deepEqual(parseResumeDate('2021-03-15'), { year: 2021, month: 3, day: 15 });
    assert.deepEqual(parseResumeDate(2021), { year: 2021 });
  });

  it('accepts exactly what the schema accepts, so one mistake gets one diagnostic', () => {
    for (const value of [' 2021-03 ', 1850, 2200, '0999', 20201]) {
      assert.equal(parseResumeDate(value), undefined, JSON.stringify(value));
    }
  });

  it('rejects anything else', () => {
    for (const value of [
      '2021-3',
      '2021-13',
      '2021-00',
      '2021-01-32',
      'September 2018',
      'Present',
      '',
      '21',
      2021.5,
      null,
      undefined,
      true,
      {},
    ]) {
      assert.equal(parseResumeDate(value), undefined, JSON.stringify(value));
    }
  });
});

describe('compareDates', () => {
  const d = (text: string) => {
    const date = parseResumeDate(text);
    assert.ok(date);
    return date;
  };

  it('orders by year, then month, then day', () => {
    assert.ok(compareDates(d('2020'), d('2021')) < 0);
    assert.ok(compareDates(d('2021-02'), d('2021-01')) > 0);
    assert.ok(compareDates(d('2021-02-03'), d('2021-02-04')) < 0);
    assert.equal(compareDates(d('2021-02-03'), d('2021-02-03')), 0);
  });

  it('compares at the coarser precision: 2020 is neither before nor after 2020-06', () => {
    assert.equal(compareDates(d('2020'), d('2020-06')), 0);
    assert.equal(compareDates(d('2020-06'), d('2020-06-30')), 0);
    assert.ok(compareDates(d('2019'), d('2020-06')) < 0);
  });
});

describe('formatDate and today', () => {
  it('pads months and days', () => {
    assert.equal(formatDate({ year: 2021 }), '2021');
    assert.equal(formatDate({ year: 2021, month: 3 }), '2021-03');
    assert.equal(formatDate({ year: 2021, month: 3, day: 5 }), '2021-03-05');
  });

  it('today is the UTC calendar day', () => {
    assert.deepEqual(today(new Date('2026-06-15T23:30:00Z')), { year: 2026, month: 6, day: 15 });
    assert.deepEqual(today(new Date('2026-01-01T00:00:00Z')), { year: 2026, month: 1, day: 1 });
  });
});

describe('adviseDate', () => {
  const rewrites: [string, string][] = [
    ['September 2018', '2018-09'],
    ['Sept. 2018', '2018-09'],
    ['sep 2018', '2018-09'],
    ['Sep, 2018', '2018-09'],
    ['2023-9-28', '2023-09-28'],
    ['2023/09', '2023-09'],
    ['2023.9', '2023-09'],
    ['09/2018', '2018-09'],
    ['9-2018', '2018-09'],
    ['28 September 2023', '2023-09-28'],
    ['September 28, 2023', '2023-09-28'],
    ['  March   2020 ', '2020-03'],
  ];
  for (const [input, suggestion] of rewrites) {
    it(`${JSON.stringify(input)} → ${suggestion}`, () => {
      assert.deepEqual(adviseDate(input), { kind: 'rewrite', suggestion });
    });
  }

  it('words for "still there" are ongoing', () => {
    for (const input of ['Present', 'present', 'Current', 'currently', 'Now', 'today', 'ongoing', 'to date']) {
      assert.deepEqual(adviseDate(input), { kind: 'ongoing' }, input);
    }
  });

  it('junk and impossible dates are unknown, never guessed', () => {
    for (const input of ['sometime', '2023-13', '13/2018', '2023-02-45', 'Smarch 2018', 'Q3 2020', '', '2020 - 2021']) {
      assert.deepEqual(adviseDate(input), { kind: 'unknown' }, input);
    }
  });
});
