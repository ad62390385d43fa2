/** Phrases of a scalar's value, as ranges of the source text. */
import type { Scalar } from 'yaml';
import { nodeRange, type ResumeModel } from './document';
import { scalarSourceMap } from './scalarSource';
import type { OffsetRange } from './types';

/**
 * Maps `[start, end)` of a scalar's parsed value to source ranges, computing
 * the scalar's source map once: a rule that reports many phrases in one long
 * scalar stays linear. The whole scalar when it cannot be mapped, as
 * `rangeInBullet` does.
 */
export function scalarRanges(model: ResumeModel, node: Scalar): (start: number, end: number) => OffsetRange {
  let map: number[] | undefined | null = null;
  return (start, end) => {
    if (map === null) map = scalarSourceMap(model.text, node);
    if (!map || map.length === 0) return nodeRange(node);
    const from = map[Math.max(0, Math.min(start, map.length - 1))];
    // The end maps from the phrase's last character, so a folded line break after it is not included.
    const to = end > start ? map[Math.max(start, Math.min(end, map.length - 1) - 1)] + 1 : from;
    return { start: from, end: Math.max(from, to) };
  };
}
