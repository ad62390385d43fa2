/**
 * YAMLResume's bullets: each item of the Markdown list in a `summary` is a
 * bullet of its own (`within` the summary's text), and the text before the
 * list is the entry's summary. A summary without a list is one summary
 * bullet, as in the other layouts. Text after the list (rare: YAMLResume's
 * own files end a summary with its list) is no bullet.
 */
import type { Scalar } from 'yaml';
import { readMarkdownList } from '../markdownList';
import { formatPath, type Bullet, type BulletKind, type BulletSection, type PathEntry } from '../model';
import { scalarSourceMap } from '../scalarSource';
import type { OffsetRange } from '../types';
import { itemCountAt, makeBullet, stringScalar } from './common';

/** The sections whose entries' summaries hold bullets, and what those are to the rules. */
const BULLET_SECTIONS: Readonly<Record<string, BulletSection>> = { work: 'work', volunteer: 'volunteer', projects: 'projects' };

export function yamlResumeBullets(entries: ReadonlyMap<string, PathEntry>, text: string): Bullet[] {
  const bullets = summaryBullets(entries.get('content.basics.summary'), text, 'basics', 'content.basics', 'summary');
  for (const [section, bulletSection] of Object.entries(BULLET_SECTIONS)) {
    const count = itemCountAt(entries, `content.${section}`);
    for (let index = 0; index < count; index++) {
      const entryPath = formatPath(['content', section, index]);
      bullets.push(...summaryBullets(entries.get(`${entryPath}.summary`), text, bulletSection, entryPath, 'highlight'));
    }
  }
  // In file order, as every layout gives them.
  return bullets.sort((a, b) => a.range.start - b.range.start);
}

/** The bullets of one summary: its lead text (`summary`) and each list item (`itemKind`). */
function summaryBullets(
  entry: PathEntry | undefined,
  text: string,
  section: BulletSection,
  entryPath: string,
  itemKind: BulletKind,
): Bullet[] {
  const node = stringScalar(entry);
  if (!entry || !node) return [];
  const value = String(node.value);
  const list = readMarkdownList(value);
  if (list.items.length === 0) return [makeBullet(entry, node, 'summary', section, entryPath)];
  const rangeOf = sourceRanges(text, node, entry.valueRange);
  const within = (kind: BulletKind, start: number, end: number): Bullet => ({
    path: entry.path,
    kind,
    section,
    entryPath,
    text: value.slice(start, end),
    range: rangeOf(start, end),
    node,
    within: { start, end },
  });
  const bullets: Bullet[] = [];
  const lead = value.slice(0, list.start);
  const leadStart = lead.length - lead.trimStart().length;
  const leadEnd = lead.trimEnd().length;
  if (leadEnd > leadStart) bullets.push(within('summary', leadStart, leadEnd));
  for (const item of list.items) if (item.end > item.start) bullets.push(within(itemKind, item.start, item.end));
  return bullets;
}

/** Where `[start, end)` of the scalar's value is written; the whole scalar when it cannot be mapped. */
function sourceRanges(text: string, node: Scalar, whole: OffsetRange): (start: number, end: number) => OffsetRange {
  const map = scalarSourceMap(text, node);
  return (start, end) => {
    const from = map?.[start];
    const last = map?.[end - 1];
    return from === undefined || last === undefined ? whole : { start: from, end: Math.max(from, last + 1) };
  };
}
