/**
 * Reading a resume in a layout of its own (`experience[].positions[].highlights`,
 * `history[].accomplishments`, `work[].description[].content` …) from its
 * plain value: which sections hold jobs, projects or volunteer roles, their
 * entries, and where each bullet is. Conservative on purpose: a bullet is a
 * sentence-like text in a list under a bullet-like key of such an entry;
 * prose written as one paragraph, skills, schools and awards are left alone.
 */
import type { PathSegment } from '../model';
import { isObject, type Json } from './common';
import type { EntryKind } from './layout';

/** A section of jobs, projects or volunteer roles, and the entries it holds. */
export interface OwnSection {
  kind: EntryKind;
  /** The list (or mapping) of entries. */
  segments: PathSegment[];
  /** Where a finding about the section goes: its key, or the scalar holding its title. */
  anchorSegments: PathSegment[];
  /** The title as written, for a section named by a `title` rather than a key. */
  title?: string;
  entries: OwnEntry[];
}

export interface OwnEntry {
  kind: EntryKind;
  segments: PathSegment[];
  /** The section (list or mapping) the entry is in. */
  sectionSegments: PathSegment[];
  index: number;
  /** The entry as written: a mapping, or a list of bullets. */
  value: unknown;
  /** The entry this one is nested in (a company's `positions`), if any. */
  parent?: Json;
  /** Each bullet's path, in file order. */
  bullets: PathSegment[][];
  /**
   * How many texts stand where bullets go, sentence-like or not: what says
   * it is an entry and the file is in this layout. It depends on the file's
   * structure only, so editing a text never changes how the file is read.
   */
  candidates: number;
  /** The list the bullets are the items of, when they are its plain strings (a bullet can be added there). */
  listSegments?: PathSegment[];
  /** Entries written inside this one: a company's `positions`, a job's `projects`. */
  nested: OwnEntry[];
}

export interface OwnReading {
  sections: OwnSection[];
  /** Entries with no entries nested in them (a company's positions stand for it), in file order. */
  entries: OwnEntry[];
  /** Texts where bullets go, in all entries ({@link OwnEntry.candidates}). */
  candidates: number;
}

/** Keys (and titles) whose entries are jobs, projects or volunteer roles. */
const SECTION_WORDS: ReadonlyArray<[RegExp, EntryKind]> = [
  [/\bprojects?\b|项目|プロジェクト/, 'project'],
  [/\b(leadership|volunteer(ing)?|activit(y|ies)|community|extracurriculars?|involvement)\b/, 'volunteer'],
  [/\b(experiences?|work|history|employment|positions?|jobs?|professional|career|roles?)\b|経歴|職歴|经历|經歷/, 'work'],
];

/** Sections that are never jobs, even with a word above in their name ("professional interests", "work skills"). */
const NOT_SECTIONS =
  /\b(skills?|education|schools?|awards?|honou?rs?|publications?|talks?|interests?|languages?|references?|certifications?|certificates?|courses?|hobb(y|ies)|tools?|technolog(y|ies))\b/;

/** Keys whose list items are bullets. */
const BULLET_KEYS = new Set([
  'highlights',
  'highlight',
  'accomplishments',
  'achievements',
  'responsibilities',
  'duties',
  'duty',
  'description',
  'descriptions',
  'content',
  'bullets',
  'details',
  'extra',
  'tasks',
  'points',
  'summary',
]);

/** In a bullet written as a mapping (`- content: …`, `- description: … tags: […]`), the key holding its text. */
const TEXT_KEYS = ['content', 'description', 'text', 'bullet', 'highlight', 'detail', 'summary', 'value'];

/** Keys that say a mapping is an entry: an employer, a role, a time. */
const ENTRY_KEYS =
  /^(company|employer|organi[sz]ation|entity|where|at|title|position|role|start|start_?date|date_?start|from|since|period|dates?|when|end|end_?date|date_?end|to|期間|会社|公司|职位|時期|时间)$/;

/** Keys naming a section in a mapping that has its entries under another key (`title: Experience`, `items: […]`). */
const TITLE_KEYS = ['title', 'name', 'heading', 'label', 'section'];

/** How deep to look for sections below the root: pages of sections of entries is three. */
const MAX_SEARCH_DEPTH = 6;

/** How deep entries nest in entries: a company's positions' projects is two. */
const MAX_NESTED_ENTRIES = 3;

/** Whether a key or title names a section of jobs, projects or volunteer roles, and which. */
export function sectionKindOf(label: string): EntryKind | undefined {
  if (isNeverSection(label)) return undefined;
  const words = wordsOf(label);
  return SECTION_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}

/** `workExperience`, `work_experience`, `Work Experience` → `work experience`. */
const wordsOf = (label: string): string =>
  label
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .toLowerCase();

const isNeverSection = (label: string): boolean => NOT_SECTIONS.test(wordsOf(label));

/** A key with its case and separators dropped: `Start_Date` → `startdate`. */
const bare = (key: string): string => key.toLowerCase().replace(/[_\-\s]/g, '');

export function isBulletKey(key: string): boolean {
  return BULLET_KEYS.has(bare(key));
}

const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$|^[\w.-]+\.[a-z]{2,}\/\S*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `^(?:${MONTH}\\s+)?\\d{4}(?:\\s*[-–—/]\\s*(?:(?:${MONTH}\\s+)?\\d{4}|present|now|current|today))?$|^[\\d\\s./\\-–—:,]+$`,
  'i',
);
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/**
 * Whether a text reads as a bullet: a few words or more, not a link, an
 * e-mail address, a date or a single term. Text in Chinese, Japanese or
 * Korean has no spaces between words: six of its characters or more.
 */
export function isSentenceLike(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || URL.test(trimmed) || EMAIL.test(trimmed) || DATE_LIKE.test(trimmed)) return false;
  if ((trimmed.match(CJK)?.length ?? 0) >= 6) return true;
  return trimmed.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3;
}

/** Sections, entries and bullets of a resume in a layout of its own. */
export function readOwnLayout(root: unknown): OwnReading {
  const sections: OwnSection[] = [];
  if (isObject(root)) searchSections(root, [], sections, 0);
  const entries = sections.flatMap((section) => section.entries.flatMap(leaves));
  return { sections, entries, candidates: entries.reduce((sum, entry) => sum + entry.candidates, 0) };
}

/** Finds sections in a mapping: by key (`experience:`), or by title (`- title: Experience` beside `items:`). */
function searchSections(record: Json, segments: PathSegment[], out: OwnSection[], depth: number): void {
  for (const [key, value] of Object.entries(record)) {
    const kind = sectionKindOf(key);
    const at = [...segments, key];
    if (kind) {
      const section = sectionAt(kind, at, at, value);
      if (section) out.push(section);
    } else if (!isNeverSection(key) && depth < MAX_SEARCH_DEPTH) {
      searchWithin(value, at, out, depth + 1);
    }
  }
}

function searchWithin(value: unknown, segments: PathSegment[], out: OwnSection[], depth: number): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => searchWithin(item, [...segments, index], out, depth));
    return;
  }
  if (!isObject(value)) return;
  const titled = titledSection(value, segments);
  if (titled) out.push(titled);
  else searchSections(value, segments, out, depth);
}

/** A mapping titled like a section (`title: Professional Experience`) with its entries in a list beside the title. */
function titledSection(record: Json, segments: PathSegment[]): OwnSection | undefined {
  const titleKey = TITLE_KEYS.find((key) => typeof record[key] === 'string');
  if (titleKey === undefined) return undefined;
  const title = String(record[titleKey]).trim();
  // A section title is a few words; a talk's title that mentions "experience" is not one.
  if (title.split(/\s+/).length > 5) return undefined;
  const kind = sectionKindOf(title);
  if (!kind) return undefined;
  const listKey = Object.keys(record).find((key) => key !== titleKey && Array.isArray(record[key]) && record[key].some(isObject));
  if (listKey === undefined) return undefined;
  const section = sectionAt(kind, [...segments, listKey], [...segments, titleKey], record[listKey]);
  return section && { ...section, title };
}

/** The section whose entries are the items of a list, or the values of a mapping of mappings (`Project name: {…}`). */
function sectionAt(kind: EntryKind, segments: PathSegment[], anchorSegments: PathSegment[], value: unknown): OwnSection | undefined {
  const items: Array<[PathSegment, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : isObject(value) && Object.values(value).length > 0 && Object.values(value).every(isObject)
      ? Object.entries(value)
      : [];
  const entries = items.flatMap(([key, item], index) => entryAt(kind, segments, key, index, item, undefined, 0));
  return entries.length > 0 ? { kind, segments, anchorSegments, entries } : undefined;
}

/** One entry, with the entries nested in it and its own bullets; nothing when it does not look like one. */
function entryAt(
  kind: EntryKind,
  sectionSegments: PathSegment[],
  key: PathSegment,
  index: number,
  value: unknown,
  parent: Json | undefined,
  depth: number,
): OwnEntry[] {
  const segments = [...sectionSegments, key];
  const entry: OwnEntry = { kind, segments, sectionSegments, index, value, parent, bullets: [], candidates: 0, nested: [] };
  const take = (list: unknown[], at: PathSegment[]) => {
    const found = textsOfList(list, at);
    entry.candidates += found.length;
    entry.bullets.push(...found.filter((text) => text.sentence).map((text) => text.segments));
    // A new bullet can be added to a list of plain strings only.
    if (found.length > 0 && list.every((item) => typeof item === 'string')) entry.listSegments ??= at;
  };
  if (Array.isArray(value)) {
    // A list of lists: each inner list is an entry's bullets.
    take(value, segments);
    return entry.candidates > 0 ? [entry] : [];
  }
  if (!isObject(value)) return [];
  const nested = entry.nested;
  for (const [field, fieldValue] of Object.entries(value)) {
    if (isBulletKey(field) && Array.isArray(fieldValue)) {
      take(fieldValue, [...segments, field]);
    } else if (depth < MAX_NESTED_ENTRIES && sectionKindOf(field) && Array.isArray(fieldValue) && fieldValue.some(isObject)) {
      // A company's `positions`, a job's `projects`: entries of the same kind, nested.
      fieldValue.forEach((item, itemIndex) =>
        nested.push(...entryAt(kind, [...segments, field], itemIndex, itemIndex, item, value, depth + 1)),
      );
    }
  }
  const looksLikeEntry = entry.candidates > 0 || nested.length > 0 || Object.keys(value).some((field) => ENTRY_KEYS.test(field));
  return looksLikeEntry ? [entry] : [];
}

/** The entries that stand for one written entry: itself, or the entries nested in it (its bullets kept on it). */
function leaves(entry: OwnEntry): OwnEntry[] {
  if (entry.nested.length === 0) return [entry];
  const inner = entry.nested.flatMap(leaves);
  return entry.candidates > 0 ? [entry, ...inner] : inner;
}

interface ListText {
  segments: PathSegment[];
  /** Whether it reads as a bullet ({@link isSentenceLike}). */
  sentence: boolean;
}

/** The texts of a list that stand where bullets go: its strings, the text of mapping items, the strings of nested lists. */
function textsOfList(list: unknown[], segments: PathSegment[]): ListText[] {
  const found: ListText[] = [];
  const add = (text: string, at: PathSegment[]) => found.push({ segments: at, sentence: isSentenceLike(text) });
  list.forEach((item, index) => {
    const at = [...segments, index];
    if (typeof item === 'string') add(item, at);
    else if (Array.isArray(item)) {
      item.forEach((inner, innerIndex) => typeof inner === 'string' && add(inner, [...at, innerIndex]));
    } else if (isObject(item)) {
      const key = TEXT_KEYS.find((name) => typeof item[name] === 'string');
      if (key !== undefined) add(String(item[key]), [...at, key]);
    }
  });
  return found;
}
