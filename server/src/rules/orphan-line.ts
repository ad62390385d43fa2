import { bulletId } from '../engine/model';
import { pageBullets, spansText } from '../engine/page/atsText';
import type { PageRule } from '../engine/page/pageRule';

/** A last line with this many words or fewer is a line a tighter bullet would save. */
const MAX_ORPHAN_WORDS = 2;

const rule: PageRule = {
  meta: {
    id: 'orphan-line',
    severity: 'info',
    description: 'A printed bullet whose last line holds only one or two words: a word or two less saves the line.',
    fixable: false,
    tags: ['page'],
  },
  checkPage({ model, doc, page, report }) {
    const bullets = new Map(model.bullets.map((bullet) => [bulletId(bullet), bullet]));
    const printed = new Map<string | undefined, string>(pageBullets(doc).map((bullet) => [bullet.id, spansText(bullet.spans)]));
    for (const placed of page.bullets) {
      if (placed.singleLine || placed.lastLineWords < 1 || placed.lastLineWords > MAX_ORPHAN_WORDS) continue;
      const bullet = bullets.get(placed.id);
      if (!bullet) continue;
      const text = printed.get(placed.id);
      const words = text === undefined ? [] : text.split(/\s+/u).filter(Boolean);
      const lastLine = words.slice(-placed.lastLineWords).join(' ');
      const holds = lastLine ? `“${lastLine}”` : placed.lastLineWords === 1 ? 'one word' : 'two words';
      report({
        range: bullet.range,
        message: `The last printed line of this bullet holds only ${holds}: cut a word or two to save a line.`,
      });
    }
  },
};

export default rule;
