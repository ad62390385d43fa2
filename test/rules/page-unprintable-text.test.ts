/** unprintable-text: characters the bundled fonts cannot show. */
import * as assert from 'node:assert/strict';
import unprintableText from '../../server/src/rules/unprintable-text';
import { only } from '../support/lists';
import { pageFindings, shownFindings } from './page-support';

const KOREAN = [
  'basics:',
  '  name: Kim Min-jun',
  '  summary: 백엔드 개발자',
  'work:',
  '  - name: 네이버',
  '    highlights:',
  '      - 결제 API 지연 시간을 120 ms로 단축',
  '',
].join('\n');

/** Each character once, in order of first use, as the compiler reports them. */
const KOREAN_MISSING = [...new Set([...'백엔드개발자네이버결제지연시간을로단축'])];

const FONTS = 'The bundled fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono)';
const ADVICE = 'Write a Latin transliteration instead, or keep the resume in a language these fonts cover.';

describe('unprintable-text', () => {
  it('one warning, on the first text that holds one of them, naming twelve and counting the rest', () => {
    const finding = only(pageFindings(unprintableText, { text: KOREAN, page: { missingGlyphs: KOREAN_MISSING } }));
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: KOREAN.indexOf('백엔드'), end: KOREAN.indexOf('백엔드') + '백엔드 개발자'.length });
    assert.equal(
      finding.message,
      `These 19 characters print as empty boxes in the PDF: 백 엔 드 개 발 자 네 이 버 결 제 지 and 7 more. ${FONTS} have no glyphs for them, and no other font is used, so that every machine prints the same page. ${ADVICE}`,
    );
    assert.deepEqual(finding.fixes, []);
  });

  it('one character: named, in the singular, on the bullet that holds it', () => {
    const text = 'basics:\n  name: Alex Rivera\nwork:\n  - name: Acme\n    highlights:\n      - "Shipped the launch 🚀 on time"\n';
    assert.deepEqual(shownFindings(text, pageFindings(unprintableText, { text, page: { missingGlyphs: ['🚀'] } })), [
      [
        '"Shipped the launch 🚀 on time"',
        `This character prints as an empty box in the PDF: 🚀. ${FONTS} have no glyph for it, and no other font is used, so that every machine prints the same page. ${ADVICE}`,
      ],
    ]);
  });

  it('a character that shows nothing by itself is named by its code point', () => {
    const text = 'basics:\n  name: "Alex\\uE000 Rivera"\n';
    const [[range, message]] = shownFindings(text, pageFindings(unprintableText, { text, page: { missingGlyphs: ['\uE000'] } })) as [
      [string, string],
    ];
    assert.equal(range, '"Alex\\uE000 Rivera"');
    assert.match(message, /^This character prints as an empty box in the PDF: U\+E000\. /);
  });

  it('characters no text of the file holds: on `basics`', () => {
    const text = 'basics:\n  name: Alex Rivera\n';
    assert.deepEqual(
      shownFindings(text, pageFindings(unprintableText, { text, page: { missingGlyphs: ['Ω'] } })).map(([range]) => range),
      ['basics'],
    );
  });

  it('every character printable: nothing', () => {
    assert.deepEqual(pageFindings(unprintableText, { text: KOREAN, page: { missingGlyphs: [] } }), []);
  });
});
