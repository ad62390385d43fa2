/** Hover: what a key means (from the schema), and what a bullet's numbers were read as. */
import { firstRootKey, type PathSegment, type ResumeModel } from '../document';
import { describeLayout } from '../layouts';
import { sectionTypeOf } from '../layouts/renderCv';
import { renderCvSchemaAt } from '../schema/renderCvSchemaInfo';
import { describeMetrics, recognizeMetrics } from '../metrics';
import { toProse } from '../prose';
import { describe, schemaAt, type SchemaNode } from '../schema/schemaInfo';
import { yamlResumeKeyNodeAt } from '../schema/yamlResumeSchemaInfo';
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
    const node = schemaNodeAt(model, entry.segments);
    const text = describe(node);
    // The first key says how the whole file is read.
    const layout =
      entry.segments.length === 1 && entry.path === firstRootKey(model) ? `Bulletproof: ${describeLayout(model.layout)}` : undefined;
    if (!text) return layout ? { markdown: layout, range: key } : undefined;
    const heading = node?.title ? `**${node.title}** (\`${entry.path}\`)` : `\`${entry.path}\``;
    return { markdown: [layout, heading, text].filter(Boolean).join('\n\n'), range: key };
  }
  return undefined;
}

/** What the layout's schema says of the value at `segments`; nothing for a layout without one. */
function schemaNodeAt(model: ResumeModel, segments: readonly PathSegment[]): SchemaNode | undefined {
  switch (model.layout.id) {
    case 'json-resume':
      return schemaAt(segments);
    case 'rendercv':
      return renderCvSchemaAt(segments, (title) => sectionTypeOf(model, title));
    case 'yamlresume':
      return yamlResumeKeyNodeAt(segments);
    case 'other':
      return undefined;
  }
}
