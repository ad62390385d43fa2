/** ats-text: the PDF's text must hold the name, the e-mail, every heading and every bullet, in order. */
import * as assert from 'node:assert/strict';
import { normalizeForAts, placeTexts } from '../../server/src/engine/page/atsText';
import atsText from '../../server/src/rules/ats-text';
import { only } from '../support/lists';
import { pageFindings, shownFindings, type PageCase } from './page-support';

const A = 'Cut p99 latency from 900 ms to 120 ms';
const B = 'Moved billing to PostgreSQL with zero downtime';
const C = 'Replaced the shipment poller with Kafka consumers';

function resume(...bullets: string[][]): string {
  const work = bullets.map(
    (list, index) => `  - name: Company ${index}\n    highlights:\n${list.map((bullet) => `      - ${bullet}\n`).join('')}`,
  );
  return `basics:\n  name: Alex Rivera\n  email: alex@example.com\nwork:\n${work.join('')}`;
}

const TEXT = resume([A, B], [C]);

/** What a text extractor reads of the page: a header, then each line as printed (bullets wrap), over two pages. */
function extracted(bullets: readonly string[]): string[] {
  const lines = ['Alex Rivera', 'Backend Engineer', 'alex@example.com · +1 555 0100', 'Experience', 'Company 0 Jan 2021 – Present'];
  return [
    [...lines, ...bullets.slice(0, 2).map((bullet) => `• ${bullet}`)].join('\n'),
    bullets
      .slice(2)
      .map((bullet) => `• ${bullet}`)
      .join('\n'),
  ];
}

function found(test: Omit<PageCase, 'text'> & { text?: string }): [string, string][] {
  const text = test.text ?? TEXT;
  return shownFindings(text, pageFindings(atsText, { ...test, text }));
}

const MISSING = (what: string) =>
  `The PDF's text does not hold ${what} as written: an applicant tracking system reading the PDF may miss it or read it garbled. Look for symbols or unusual characters in it and write them plainly.`;

describe('ats-text', () => {
  it('everything read in order, across pages and wrapped lines: nothing', () => {
    assert.deepEqual(found({ page: { text: extracted([A.replace(' to ', ' to\n'), B, C]) } }), []);
  });

  it('a line broken after a hyphen or a slash joins without a space, as printed', () => {
    const text = resume(['Cut tracking-update lag with a read/write split']);
    assert.deepEqual(found({ text, page: { text: extracted(['Cut tracking-\nupdate lag with a read/\nwrite split']) } }), []);
    assert.deepEqual(found({ text, page: { text: extracted(['Cut tracking- update lag with a read/write split']) } }), [
      ['Cut tracking-update lag with a read/write split', MISSING('this bullet')],
    ]);
  });

  it('a bullet the text does not hold: a warning on that bullet', () => {
    const finding = only(pageFindings(atsText, { text: TEXT, page: { text: extracted([A, C]) } }));
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: TEXT.indexOf(B), end: TEXT.indexOf(B) + B.length });
    assert.equal(finding.message, MISSING('this bullet'));
    assert.deepEqual(finding.fixes, []);
  });

  it('a bullet read before the one printed above it: out of order, naming that one', () => {
    assert.deepEqual(found({ page: { text: extracted([A, C, B]) } }), [
      [
        C,
        "The PDF's text holds this bullet, but a text extractor reads it before the bullet “Moved billing to PostgreSQL with zero…”, which is printed above it: an applicant tracking system may file it in the wrong place.",
      ],
    ]);
  });

  it('the name, the e-mail and a heading not held: each on `basics`, named', () => {
    const page = {
      text: extracted([A, B, C]).map((text) =>
        text.replace('Alex Rivera', 'Alex').replace('alex@', 'alex.@').replace('Experience', 'Work'),
      ),
    };
    assert.deepEqual(found({ page }), [
      ['basics', MISSING('the name “Alex Rivera”')],
      ['basics', MISSING('the e-mail address “alex@example.com”')],
      ['basics', MISSING('the heading “Experience”')],
    ]);
  });

  it('a page whose text holds none of the resume: one finding, not one per bullet', () => {
    assert.deepEqual(found({ page: { text: ['', ''] } }), [
      [
        'basics',
        "The PDF's text holds none of the resume as written (the name, the headings, the bullets): an applicant tracking system would read nothing from it.",
      ],
    ]);
  });

  it('ligatures, no-break spaces, soft hyphens, curly quotes and line breaks read as the letters and spaces written', () => {
    const written = "Profiled the file-upload flow and cut its p99 from 2 s to 300 ms for the team's largest customer";
    const text = resume([written]);
    const page = {
      text: [
        'Alex Rivera\nalex@example.com\nExperience\n• Proﬁled the ﬁle-up\u00adload ﬂow and cut its p99\nfrom 2\u00a0s to 300 ms   for the team’s largest customer',
      ],
    };
    assert.deepEqual(found({ text, page }), []);
    assert.deepEqual(found({ text, page: { text: [page.text[0]!.replace('ﬂow', 'ﬂaw')] } }), [[written, MISSING('this bullet')]]);
  });

  it('a bullet holding a character the fonts cannot show is left to unprintable-text', () => {
    const cjk = '物流 API を再設計し p99 を 120 ms に短縮';
    const text = resume([A, cjk]);
    const page = { text: extracted([A, ' API を再設計し p99 を 120 ms に短縮']) };
    assert.deepEqual(found({ text, page: { ...page, missingGlyphs: ['物', '流'] } }), []);
    assert.deepEqual(found({ text, page }), [[cjk, MISSING('this bullet')]]);
  });

  it('a printed bullet with no model bullet behind it is named, on `basics`', () => {
    const doc = () => ({
      name: 'Alex Rivera',
      contact: [],
      sections: [
        {
          title: 'Projects',
          blocks: [
            {
              kind: 'bullets' as const,
              bullets: [{ spans: [{ text: 'Wrote a ' }, { text: 'Raft', italic: true }, { text: ' library in Go' }] }],
            },
          ],
        },
      ],
    });
    assert.deepEqual(found({ doc, page: { text: ['Alex Rivera\nProjects\n• Wrote a Raft library in Go'] } }), []);
    assert.deepEqual(found({ doc, page: { text: ['Alex Rivera\nProjects\n• Wrote a library in Go'] } }), [
      ['basics', MISSING('the bullet “Wrote a Raft library in Go”')],
    ]);
  });
});

describe('ats-text matching', () => {
  it('normalises both sides the same way, keeping case', () => {
    assert.equal(normalizeForAts('  ﬁne\u00a0\u00adTu\u00adned\n\t“API”  '), 'fine Tuned "API"');
    assert.equal(normalizeForAts('Kafka'), 'Kafka');
    assert.equal(normalizeForAts('\u200eKafka\u202e\u2069'), 'Kafka');
    assert.notEqual(normalizeForAts('kafka'), normalizeForAts('Kafka'));
  });

  it('a text printed three times and read twice is missing once, not out of order; empty texts are left out', () => {
    const items = [{ text: 'Go' }, { text: ' ' }, { text: 'Go' }, { text: 'Go' }];
    assert.deepEqual(
      placeTexts('Go and Go', items).map((placement) => placement.found),
      ['in order', 'in order', 'missing'],
    );
    assert.deepEqual(
      placeTexts('Rust then Go and Go', [{ text: 'Go' }, { text: 'Go' }, { text: 'Rust' }]).map((placement) => placement.found),
      ['in order', 'in order', 'out of order'],
    );
  });

  it('a long page: 2,000 bullets in order and one missing', () => {
    const items = Array.from({ length: 2000 }, (_, index) => ({ text: `Bullet number ${index} shipped` }));
    const read = items.map((item) => item.text).join('\n');
    const placements = placeTexts(read, [...items, { text: 'never printed' }]);
    assert.equal(placements.filter((placement) => placement.found === 'in order').length, 2000);
    assert.equal(placements.at(-1)?.found, 'missing');
  });
});
