/** Phrases of a text value, as ranges of the source text. */
import type { Scalar } from 'yaml';
import { forEachScalar, nodeRange, type Bullet, type ResumeModel } from './document';
import { scalarSourceMap } from './scalarSource';
import type { OffsetRange } from './types';

/** Maps `[start, end)` of a value to the source range it is written at. */
export type RangeOf = (start: number, end: number) => OffsetRange;

/**
 * Maps `[start, end)` of a bullet's text to source ranges, computing the
 * source map once: a rule that reports many phrases in one long bullet
 * stays linear. The whole scalar when it cannot be mapped.
 */
export function bulletRanges(model: ResumeModel, bullet: Bullet): RangeOf {
  const offset = bullet.within?.start;
  if (offset === undefined) return scalarRanges(model, bullet.node);
  // A bullet `within` a text: its offsets count from where it starts there, and an unmappable one is its own range.
  const ranges = scalarRanges(model, bullet.node, bullet.range);
  return (start, end) => ranges(start + offset, end + offset);
}

/** Every text value in the resume, keys included, in document order, with where its phrases are written. */
export function forEachText(model: ResumeModel, visit: (value: string, rangeOf: RangeOf) => void): void {
  if (!model.document) return;
  forEachScalar(model.document.contents, (node) => {
    if (typeof node.value === 'string') visit(node.value, scalarRanges(model, node));
  });
}

function scalarRanges(model: ResumeModel, node: Scalar, whole: OffsetRange = nodeRange(node)): RangeOf {
  let map: number[] | undefined | null = null;
  return (start, end) => {
    if (map === null) map = scalarSourceMap(model.text, node);
    if (!map || map.length === 0) return whole;
    const last = map.length - 1;
    const from = map[Math.max(0, Math.min(start, last))] ?? 0;
    // The end maps from the phrase's last character, so a folded line break after it is not included.
    const to = end > start ? (map[Math.max(start, Math.min(end, last) - 1)] ?? from) + 1 : from;
    return { start: from, end: Math.max(from, to) };
  };
}
