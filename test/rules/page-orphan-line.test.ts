/** orphan-line: a printed bullet whose last line holds one or two words. */
import * as assert from 'node:assert/strict';
import type { PrintedBullet } from '../../server/src/engine/page/types';
import orphanLine from '../../server/src/rules/orphan-line';
import { only } from '../support/lists';
import { pageFindings, shownFindings, type PageCase } from './page-support';

const TEXT = [
  'basics:',
  '  name: Alex Rivera',
  'work:',
  '  - name: Globex',
  '    highlights:',
  '      - Replaced a cron-driven shipment poller with an event pipeline on Kafka.',
  '      - "Cut p99 latency of the tracking API from 900 ms to 120 ms with a read-through cache"',
  '',
].join('\n');

/** How the compiler laid out a bullet: its lines and the words on the last one. */
function placed(id: string, lastLineWords: number, singleLine = false): PrintedBullet {
  return {
    id,
    first: { page: 1, x: 72, y: 200 },
    last: { page: 1, x: 90, y: singleLine ? 200 : 214 },
    singleLine,
    lastLineWords,
  };
}

function found(test: Omit<PageCase, 'text'> & { text?: string }): [string, string][] {
  const text = test.text ?? TEXT;
  return shownFindings(text, pageFindings(orphanLine, { ...test, text }));
}

describe('orphan-line', () => {
  it('one word on the last line: info on the bullet, quoting the word', () => {
    const finding = only(pageFindings(orphanLine, { text: TEXT, page: { bullets: [placed('work[0].highlights[0]', 1)] } }));
    assert.equal(finding.severity, 'info');
    const bullet = 'Replaced a cron-driven shipment poller with an event pipeline on Kafka.';
    assert.deepEqual(finding.range, { start: TEXT.indexOf(bullet), end: TEXT.indexOf(bullet) + bullet.length });
    assert.equal(finding.message, 'The last printed line of this bullet holds only “Kafka.”: cut a word or two to save a line.');
    assert.deepEqual(finding.fixes, []);
  });

  it('two words: both quoted; the range of a quoted scalar includes its quotes', () => {
    assert.deepEqual(found({ page: { bullets: [placed('work[0].highlights[1]', 2)] } }), [
      [
        '"Cut p99 latency of the tracking API from 900 ms to 120 ms with a read-through cache"',
        'The last printed line of this bullet holds only “read-through cache”: cut a word or two to save a line.',
      ],
    ]);
  });

  it('three words on the last line, or a bullet on one line: nothing', () => {
    assert.deepEqual(found({ page: { bullets: [placed('work[0].highlights[0]', 3), placed('work[0].highlights[1]', 1, true)] } }), []);
  });

  it('a bullet that is not in the model, or a count of none: nothing', () => {
    assert.deepEqual(found({ page: { bullets: [placed('work[5].highlights[0]', 1), placed('work[0].highlights[0]', 0)] } }), []);
  });

  it('a bullet the printed page does not show by that id: the count, no quote', () => {
    assert.deepEqual(
      found({ page: { bullets: [placed('work[0].highlights[0]', 2)] }, doc: () => ({ name: '', contact: [], sections: [] }) }),
      [
        [
          'Replaced a cron-driven shipment poller with an event pipeline on Kafka.',
          'The last printed line of this bullet holds only two words: cut a word or two to save a line.',
        ],
      ],
    );
  });

  it('a bullet that is one of several in a YAMLResume summary: its own span, its own words', () => {
    const text = [
      'content:',
      '  basics:',
      '    name: Alex Rivera',
      '  work:',
      '    - name: Globex',
      '      position: Backend Engineer',
      '      startDate: Jan 2021',
      '      summary: |',
      '        - Moved billing to PostgreSQL with zero downtime',
      '        - Cut p99 latency from 900 ms to 120 ms with a cache',
      '',
    ].join('\n');
    const doc = () => ({
      name: 'Alex Rivera',
      contact: [],
      sections: [
        {
          title: 'Experience',
          blocks: [
            {
              kind: 'bullets' as const,
              bullets: [
                {
                  id: 'content.work[0].summary#51',
                  spans: [{ text: 'Cut p99 latency from 900 ms to 120 ms with a ' }, { text: 'cache', bold: true }],
                },
              ],
            },
          ],
        },
      ],
    });
    assert.deepEqual(found({ text, doc, page: { bullets: [placed('content.work[0].summary#51', 2)] } }), [
      [
        'Cut p99 latency from 900 ms to 120 ms with a cache',
        'The last printed line of this bullet holds only “a cache”: cut a word or two to save a line.',
      ],
    ]);
  });
});
