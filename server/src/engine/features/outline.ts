/**
 * The outline (Basics, Work › Acme — Backend Engineer, …) and folding
 * ranges, from the document model. Offsets only; the adapter makes lines.
 */
import { isMap, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ResumeModel } from '../document';
import type { OffsetRange } from '../types';
import { lineOf } from '../textLines';
import { entryItems, namedEntry, pairItems, personName, type OutlineItem } from './outlineItem';
import { renderCvOutline } from './renderCvOutline';

export type { OutlineItem, OutlineKind } from './outlineItem';

const SECTION_TITLES: Record<string, string> = {
  basics: 'Basics',
  work: 'Work',
  volunteer: 'Volunteer',
  education: 'Education',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  skills: 'Skills',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
  projects: 'Projects',
  meta: 'Meta',
};

/** For each section, the fields that name an entry: title first, then the detail. */
const ENTRY_NAMES: Record<string, [string[], string[]]> = {
  work: [['name', 'company'], ['position']],
  volunteer: [['organization'], ['position']],
  education: [['institution'], ['studyType', 'area']],
  awards: [['title'], ['awarder']],
  certificates: [['name'], ['issuer']],
  publications: [['name'], ['publisher']],
  skills: [['name'], ['level']],
  languages: [['language'], ['fluency']],
  interests: [['name'], []],
  references: [['name'], []],
  projects: [['name'], ['entity']],
};

export function outline(model: ResumeModel): OutlineItem[] {
  if (model.layout.id === 'rendercv') return renderCvOutline(model);
  const root = model.document?.contents;
  if (!isMap(root)) return [];
  return pairItems(
    root,
    (name) => SECTION_TITLES[name] ?? name,
    (section, name, value) => {
      const person = name === 'basics' ? personName(value) : undefined;
      if (person !== undefined) section.detail = person;
      section.children = entryItems(value, (node, index) => entryItem(name, node, index));
    },
  );
}

function entryItem(section: string, node: YamlNode, index: number): OutlineItem {
  return namedEntry(node, ENTRY_NAMES[section] ?? [['name'], []], index);
}

/** Every block mapping or sequence, from its key: sections, entries, bullet lists. */
export function foldingRanges(model: ResumeModel): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  const json = model.format === 'json';
  let lastStartLine = -1;
  for (const entry of model.entries.values()) {
    const node = entry.node;
    // The root would start on the first section's line and hide its fold.
    if (entry.segments.length === 0) continue;
    // In YAML a flow collection is a line's worth; in JSON every object and list is one.
    if (!node || !(isMap(node) || isSeq(node)) || (node.flow && !json) || !node.range) continue;
    const start = entry.keyRange?.start ?? node.range[0];
    if (json) {
      // An editor keeps one fold per line (`"work": [{` opens two): the outer one, which comes first.
      const startLine = lineOf(model.lineStarts, start);
      if (startLine === lastStartLine) continue;
      lastStartLine = startLine;
    }
    ranges.push({ start, end: json ? beforeClosingLine(model, node.range[1]) : node.range[1] });
  }
  return ranges;
}

/** A JSON object or list folds up to its closing bracket's line, which stays in sight when it starts that line. */
function beforeClosingLine(model: ResumeModel, end: number): number {
  const lineStart = model.lineStarts[lineOf(model.lineStarts, end - 1)] ?? 0;
  return /^[ \t]*$/.test(model.text.slice(lineStart, end - 1)) ? lineStart : end;
}
