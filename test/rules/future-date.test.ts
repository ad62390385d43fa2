/** future-date: a date after today (FIXED_TODAY = 2026-06-15), except an expected graduation. */
import * as assert from 'node:assert/strict';
import futureDate from '../../server/src/rules/future-date';
import { FIXED_TODAY, findingsOf, textAt } from '../helpers';
import { first } from '../support/lists';

function found(text: string, today = FIXED_TODAY): [string, string][] {
  return findingsOf(text, 'future-date', { today }, [futureDate]).map((f) => [textAt(text, f.range), f.message]);
}

const START = 'Check the year, or leave the entry out until it has happened.';

describe('future-date', () => {
  it('the fixed today is 2026-06-15', () => {
    assert.equal(FIXED_TODAY.toISOString().slice(0, 10), '2026-06-15');
  });

  it('a startDate in the future: a warning on the value', () => {
    const text = 'work:\n  - name: A\n    startDate: 2027-01\n';
    const finding = first(findingsOf(text, 'future-date', {}, [futureDate]));
    assert.equal(finding.severity, 'warning');
    assert.equal(textAt(text, finding.range), '2027-01');
    assert.equal(finding.message, `\`startDate\` 2027-01 is in the future. ${START}`);
  });

  it('an endDate in the future: says to leave it out for a current role', () => {
    assert.deepEqual(found('work:\n  - name: A\n    startDate: 2020\n    endDate: 2026-09\n'), [
      ['2026-09', '`endDate` 2026-09 is in the future. For a current role, leave `endDate` out.'],
    ]);
  });

  it('the edge of today, at each precision', () => {
    const at = (date: string) => found(`work:\n  - name: A\n    startDate: ${date}\n`).length;
    assert.equal(at('2026-06-15'), 0);
    assert.equal(at('2026-06-16'), 1);
    assert.equal(at('2026-06'), 0);
    assert.equal(at('2026-07'), 1);
    assert.equal(at('2026'), 0);
    assert.equal(at('2027'), 1);
  });

  it('an education endDate in the future is an expected graduation: fine; its startDate is not', () => {
    const text = 'education:\n  - institution: U\n    startDate: 2024\n    endDate: 2028\n  - institution: V\n    startDate: 2030\n';
    assert.deepEqual(found(text), [['2030', `\`startDate\` 2030 is in the future. ${START}`]]);
  });

  it('other date fields: awards, certificates, publications', () => {
    const text =
      'awards:\n  - title: T\n    date: 2027-03\ncertificates:\n  - name: C\n    date: 2026-12-01\npublications:\n  - name: P\n    releaseDate: 2030\n';
    assert.deepEqual(found(text), [
      ['2027-03', `\`date\` 2027-03 is in the future. ${START}`],
      ['2026-12-01', `\`date\` 2026-12-01 is in the future. ${START}`],
      ['2030', `\`releaseDate\` 2030 is in the future. ${START}`],
    ]);
  });

  it('uses the `today` option: the same text is fine a year later', () => {
    const text = 'work:\n  - name: A\n    startDate: 2027-01\n';
    assert.equal(found(text).length, 1);
    assert.deepEqual(found(text, new Date('2028-01-01T00:00:00Z')), []);
  });

  it('dates it cannot read are the schema’s business', () => {
    assert.deepEqual(found('work:\n  - name: A\n    startDate: September 2099\n'), []);
  });
});

describe('future-date in RenderCV', () => {
  it('`end_date` in the future: says to write `end_date: present`; an education end date is an expected graduation', () => {
    const text = [
      'cv:',
      '  sections:',
      '    experience:',
      '      - company: Acme',
      '        position: Engineer',
      '        start_date: 2023-01',
      '        end_date: 2030-01',
      '        date: 2031',
      '    education:',
      '      - institution: State University',
      '        area: Computer Science',
      '        start_date: 2024-09',
      '        end_date: 2029-06',
      '',
    ].join('\n');
    assert.deepEqual(
      findingsOf(text, 'future-date', { today: FIXED_TODAY }, [futureDate]).map((f) => [textAt(text, f.range), f.message]),
      [['2030-01', '`end_date` 2030-01 is in the future. For a current role, write `end_date: present`.']],
    );
  });
});
