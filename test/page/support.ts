/** What page tests share. */
import type { PageBullet, PageDoc } from '../../server/src/engine/page/types';

/** Every bullet the page prints, in order. */
export function printedBullets(doc: PageDoc): PageBullet[] {
  return doc.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'entry' ? block.entry.bullets : block.kind === 'bullets' ? block.bullets : [])),
  );
}
