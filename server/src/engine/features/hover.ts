/** Hover: what a key means, from the schema. */
import type { ResumeModel } from '../document';
import { describe, schemaAt } from '../schema/schemaInfo';
import type { OffsetRange } from '../types';

export interface HoverInfo {
  markdown: string;
  range: OffsetRange;
}

export function hoverAt(model: ResumeModel, offset: number): HoverInfo | undefined {
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
