/**
 * The outline (Basics, Work › Acme — Backend Engineer, …) and folding
 * ranges, from the document model. Offsets only; the adapter makes lines.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { nodeRange, type ResumeModel } from '../document';
import type { OffsetRange } from '../types';
import { lineOf } from '../textLines';

export type OutlineKind = 'section' | 'entry' | 'field';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineItem[];
}

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
  const root = model.document?.contents;
  if (!isMap(root)) return [];
  const items: OutlineItem[] = [];
  for (const pair of root.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const value = pair.value as YamlNode | null;
    const keyRange = nodeRange(key);
    const section: OutlineItem = {
      name: SECTION_TITLES[name] ?? name,
      kind: 'section',
      range: { start: keyRange.start, end: value?.range ? value.range[1] : keyRange.end },
      selectionRange: keyRange,
      children: [],
    };
    if (name === 'basics' && isMap(value)) {
      const person = value.get('name');
      if (typeof person === 'string') section.detail = person;
    }
    if (isSeq(value)) {
      value.items.forEach((item, index) => {
        const node = item as YamlNode | null;
        if (!node?.range) return;
        section.children.push(entryItem(name, node, index));
      });
    }
    items.push(section);
  }
  return items;
}

function entryItem(section: string, node: YamlNode, index: number): OutlineItem {
  const range = nodeRange(node);
  const [titleKeys, detailKeys] = ENTRY_NAMES[section] ?? [['name'], []];
  let title: string | undefined;
  let detail: string | undefined;
  if (isMap(node)) {
    title = firstText(node, titleKeys);
    detail = firstText(node, detailKeys);
  } else if (isScalar(node)) {
    title = String(node.value);
  }
  return {
    name: title && detail ? `${title} — ${detail}` : (title ?? detail ?? `Entry ${index + 1}`),
    kind: 'entry',
    range,
    selectionRange: range,
    children: [],
  };
}

function firstText(map: { get(key: string): unknown }, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = map.get(key);
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return undefined;
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
