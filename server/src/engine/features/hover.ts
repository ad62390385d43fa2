/** Hover: what a key means (from the schema), and what a bullet's numbers were read as. */
import type { ResumeModel } from '../document';
import { describeMetrics, recognizeMetrics } from '../metrics';
import { toProse } from '../prose';
import { describe, schemaAt } from '../schema/schemaInfo';
import type { OffsetRange } from '../types';

export interface HoverInfo {
  markdown: string;
  range: OffsetRange;
}

export function hoverAt(model: ResumeModel, offset: number): HoverInfo | undefined {
  const bullet = model.bullets.find((candidate) => offset >= candidate.range.start && offset <= candidate.range.end);
  if (bullet) {
    const metrics = recognizeMetrics(toProse(bullet.text).text);
    const markdown = metrics.length
      ? `**Numbers in this bullet:** ${describeMetrics(metrics)}`
      : '**No number in this bullet.** Add the scale or the result: requests/day, p99 latency, %, team size.';
    return { markdown, range: bullet.range };
  }
  for (const entry of model.entries.values()) {
    const key = entry.keyRange;
    if (!key || offset < key.start || offset > key.end) continue;
    const node = schemaAt(entry.segments);
    const text = describe(node);
    if (!text) return undefined;
    const heading = node?.title ? `**${node.title}** (\`${entry.path}\`)` : `\`${entry.path}\``;
    return { markdown: `${heading}\n\n${text}`, range: key };
  }
  return undefined;
}
