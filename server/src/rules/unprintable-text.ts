import { resumeView } from '../engine/layouts';
import { firstValueHolding } from '../engine/page/atsText';
import type { PageRule } from '../engine/page/pageRule';

/** How many characters a message names before "and N more". */
const NAMED_CHARACTERS = 12;

const rule: PageRule = {
  meta: {
    id: 'unprintable-text',
    severity: 'warning',
    description: 'Characters the bundled fonts cannot show: the PDF prints them as empty boxes.',
    fixable: false,
    tags: ['page'],
  },
  checkPage({ model, page, report }) {
    const missing = page.missingGlyphs;
    if (missing.length === 0) return;
    const range = firstValueHolding(model, new Set(missing)) ?? resumeView(model).basics.anchor;
    const named = missing.slice(0, NAMED_CHARACTERS).map(shown).join(' ');
    const more = missing.length > NAMED_CHARACTERS ? ` and ${missing.length - NAMED_CHARACTERS} more` : '';
    const [prints, glyphs] =
      missing.length === 1
        ? ['This character prints as an empty box', 'glyph for it']
        : [`These ${missing.length} characters print as empty boxes`, 'glyphs for them'];
    report({
      range,
      message:
        `${prints} in the PDF: ${named}${more}. The bundled fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) have no ${glyphs}, and no other font is used, so that every machine prints the same page. ` +
        'Write a Latin transliteration instead, or keep the resume in a language these fonts cover.',
    });
  },
};

/** The character itself, or its code point when it shows nothing by itself (a control or format character, a space). */
function shown(character: string): string {
  if (/^[\p{C}\p{Z}]$/u.test(character)) return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return character;
}

export default rule;
