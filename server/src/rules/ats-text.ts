import { resumeView } from '../engine/layouts';
import { bulletId } from '../engine/model';
import { expectedTexts, holdsAnyOf, placeTexts, type ExpectedText } from '../engine/page/atsText';
import type { PageRule } from '../engine/page/pageRule';

/** How many words of a bullet name it in a message. */
const QUOTED_WORDS = 6;

const rule: PageRule = {
  meta: {
    id: 'ats-text',
    severity: 'warning',
    description:
      "The PDF's text, as an applicant tracking system extracts it, misses the name, the e-mail address, a heading or a bullet, or reads one out of order.",
    fixable: false,
    tags: ['page'],
  },
  checkPage({ model, doc, page, report }) {
    const missingGlyphs = new Set(page.missingGlyphs);
    // Text the fonts cannot show is `unprintable-text`'s to report, once.
    const expected = expectedTexts(doc).filter((item) => !holdsAnyOf(item.text, missingGlyphs));
    const placements = placeTexts(page.text.join('\n'), expected);
    const anchor = resumeView(model).basics.anchor;
    if (placements.length > 1 && placements.every((placement) => placement.found === 'missing')) {
      report({
        range: anchor,
        message:
          "The PDF's text holds none of the resume as written (the name, the headings, the bullets): an applicant tracking system would read nothing from it.",
      });
      return;
    }
    const bullets = new Map(model.bullets.map((bullet) => [bulletId(bullet), bullet]));
    const rangeOf = (item: ExpectedText) => (item.kind === 'bullet' && item.id !== undefined && bullets.get(item.id)?.range) || anchor;
    for (const placement of placements) {
      const { item } = placement;
      const what = item.kind === 'bullet' && bullets.has(item.id ?? '') ? 'this bullet' : describe(item);
      if (placement.found === 'missing') {
        report({
          range: rangeOf(item),
          message: `The PDF's text does not hold ${what} as written: an applicant tracking system reading the PDF may miss it or read it garbled. Look for symbols or unusual characters in it and write them plainly.`,
        });
      } else if (placement.found === 'out of order') {
        report({
          range: rangeOf(item),
          message: `The PDF's text holds ${what}, but a text extractor reads it before ${describe(placement.readBefore)}, which is printed above it: an applicant tracking system may file it in the wrong place.`,
        });
      }
    }
  },
};

/** "the name “Alex Rivera”", "the heading “Experience”", "the bullet “Cut p99 latency from 900 ms…”". */
function describe(item: ExpectedText): string {
  switch (item.kind) {
    case 'name':
      return `the name “${item.text}”`;
    case 'email':
      return `the e-mail address “${item.text}”`;
    case 'heading':
      return `the heading “${item.text}”`;
    case 'bullet': {
      const words = item.text.trim().split(/\s+/u);
      return `the bullet “${words.slice(0, QUOTED_WORDS).join(' ')}${words.length > QUOTED_WORDS ? '…' : ''}”`;
    }
  }
}

export default rule;
