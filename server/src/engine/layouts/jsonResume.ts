/**
 * JSON Resume (`basics`, `work`, `education`, `skills` …), in YAML or JSON:
 * the layout Bulletproof has always read, and the default.
 */
import { isMap, isSeq } from 'yaml';
import { formatPath, type Bullet, type BulletSection, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import type { ResumeDate } from '../dates';
import type { TextReader } from '../textReader';
import { asArray, hasText, isObject, itemCountAt, makeBullet, stringScalar, textOf, viewHead, type Json } from './common';
import type { DateField, EntryKind, Layout, MentionKind, ResumeView, SkillsGroupView, SkillsView, ViewEntry } from './layout';

const BULLET_SECTIONS: readonly BulletSection[] = ['work', 'volunteer', 'projects'];

/** What each section's entries are, here and in YAMLResume's `content`. */
export const ENTRY_KINDS: Readonly<Record<string, EntryKind>> = {
  work: 'work',
  volunteer: 'volunteer',
  projects: 'project',
  education: 'education',
};

/** The date keys of an entry, here and in YAMLResume's `content`. */
export const DATE_ROLES: Readonly<Record<string, DateField['role']>> = {
  startDate: 'start',
  endDate: 'end',
  date: 'single',
  releaseDate: 'single',
};

/** Keys only JSON Resume's root has: what says a file is one by its content. */
const ROOT_KEYS = ['basics', 'work', 'education', 'skills', 'projects', 'volunteer'];

export const jsonResume: Layout = {
  id: 'json-resume',
  recognise(root) {
    if (!isObject(root)) return undefined;
    const key = ROOT_KEYS.find((name) => name in root);
    return key === undefined ? undefined : `\`${key}\``;
  },
  recogniseName: () => undefined,
  bullets: collectBullets,
  dates: findDateFields,
  view,
  mentionKind: jsonResumeMentionKind,
  dateKeys: new Set(Object.keys(DATE_ROLES)),
};

function collectBullets(entries: ReadonlyMap<string, PathEntry>): Bullet[] {
  const bullets: Bullet[] = [];
  for (const entry of entries.values()) {
    const [section, entryIndex, field, index] = entry.segments;
    const node = stringScalar(entry);
    if (!node) continue;
    if (section === 'basics' && entryIndex === 'summary' && entry.segments.length === 2) {
      bullets.push(makeBullet(entry, node, 'summary', 'basics', 'basics'));
      continue;
    }
    if (typeof section !== 'string' || !BULLET_SECTIONS.includes(section as BulletSection) || typeof entryIndex !== 'number') continue;
    const entryPath = formatPath([section, entryIndex]);
    if (field === 'highlights' && typeof index === 'number' && entry.segments.length === 4) {
      bullets.push(makeBullet(entry, node, 'highlight', section as BulletSection, entryPath));
    } else if (field === 'highlights' && typeof index === 'number' && isPlainlyBullet(entries, entry.segments)) {
      bullets.push(makeBullet(entry, node, 'highlight', section as BulletSection, entryPath));
    } else if (field === 'summary' && entry.segments.length === 3) {
      bullets.push(makeBullet(entry, node, 'summary', section as BulletSection, entryPath));
    }
  }
  return bullets;
}

/** Keys whose text is the bullet in a highlight written as a mapping (`- text: …` beside `tags: […]`). */
const BULLET_TEXT_KEYS = new Set(['text', 'description', 'summary', 'content', 'highlight', 'bullet', 'value']);

/**
 * A text one level inside a highlight that is not text (the schema says so,
 * once, on the list): still a bullet when it plainly is one, an item of a
 * nested list, or the text of a mapping that has only it or keeps it under
 * a key like `text`.
 */
function isPlainlyBullet(entries: ReadonlyMap<string, PathEntry>, segments: readonly PathSegment[]): boolean {
  const key = segments[4];
  if (segments.length !== 5 || key === undefined) return false;
  if (typeof key === 'number') return true;
  const item = entries.get(formatPath(segments.slice(0, 4)))?.node;
  return isMap(item) && (item.items.length === 1 || BULLET_TEXT_KEYS.has(key));
}

function findDateFields(model: ResumeModel, read: TextReader): DateField[] {
  return sectionDateFields(model, [], (value) => read.date(value));
}

/**
 * The dates of each section's entries written under `prefix` (`work[0].startDate`
 * at the root, `content.work[0].startDate` in YAMLResume), read by `readDate`.
 */
export function sectionDateFields(
  model: ResumeModel,
  prefix: readonly string[],
  readDate: (value: unknown) => ResumeDate | undefined,
): DateField[] {
  const fields: DateField[] = [];
  for (const entry of model.entries.values()) {
    const segments = entry.segments;
    if (segments.length !== prefix.length + 3 || prefix.some((key, index) => segments[index] !== key)) continue;
    const [section, entryIndex, field] = segments.slice(prefix.length);
    const role = typeof field === 'string' ? DATE_ROLES[field] : undefined;
    if (typeof section !== 'string' || typeof entryIndex !== 'number' || typeof field !== 'string' || !role) continue;
    if (!entry.node || !('value' in entry.node)) continue;
    const date = readDate((entry.node as { value: unknown }).value);
    if (!date) continue;
    fields.push({
      section: formatPath([...prefix, section]),
      entryIndex,
      entryPath: formatPath([...prefix, section, entryIndex]),
      entryKind: ENTRY_KINDS[section] ?? 'other',
      role,
      field,
      entry,
      date,
    });
  }
  return fields;
}

function view(model: ResumeModel): Omit<ResumeView, 'layout' | 'bullets'> {
  const resume: Json = isObject(model.value) ? model.value : {};
  const basics = isObject(resume.basics) ? resume.basics : {};
  const hasContact = hasText(basics.email) || hasText(basics.phone) || hasText(basics.url) || asArray(basics.profiles).length > 0;
  return {
    ...viewHead(model, 'basics', basics, hasContact, 'basics.summary', 'label'),
    entries: Object.keys(ENTRY_KINDS).flatMap((section) => sectionEntries(model, resume, section)),
    workAnchor: model.entries.get('work')?.keyRange,
    skills: skillsView(model, resume),
    terms: {
      name: '`basics.name`',
      contact: '`basics.email`, `basics.phone`, `basics.url` or a profile',
      workEntry: 'a `work` entry with `highlights`',
      noHighlights: 'No work entry has `highlights`',
      currentRoleEnd: 'leave `endDate` out',
    },
  };
}

function sectionEntries(model: ResumeModel, resume: Json, section: string): ViewEntry[] {
  // Read as written when aliases expand to too much to read the value.
  const items = Array.isArray(resume[section]) ? resume[section] : Array.from({ length: itemCountAt(model.entries, section) });
  return items.map((item: unknown, index): ViewEntry => {
    const path = formatPath([section, index]);
    const record = isObject(item) ? item : {};
    const text = (key: string) => textOf(record, key);
    return {
      kind: ENTRY_KINDS[section] ?? 'other',
      path,
      sectionPath: section,
      index,
      range: model.entries.get(path)?.valueRange,
      organisation: (section === 'education' ? text('institution') : text('name') || text('organization') || text('company')) || undefined,
      title: (section === 'education' ? text('area') : text('position')) || undefined,
      startPath: `${path}.startDate`,
      endPath: `${path}.endDate`,
      highlightsPath: `${path}.highlights`,
      highlights: asArray(record.highlights).length,
    };
  });
}

function skillsView(model: ResumeModel, resume: Json): SkillsView {
  const written = model.entries.get('skills');
  const skills = asArray(resume.skills);
  return {
    path: 'skills',
    keyRange: written?.keyRange,
    listed: isSeq(written?.node) && Array.isArray(resume.skills),
    groups: skillsGroups(skills),
    // Another layout (`title`/`values`, `category`/`items`…) is not ours to judge.
    ownShape: !skills.some((item) => isObject(item) && !('name' in item) && !('keywords' in item)),
    groupItem: (name, items) => ({ name, keywords: [...items] }),
    addToGroup: (group, item) => ({ kind: 'appendItem', path: group.itemsPath, item }),
  };
}

/** `{name, keywords}` groups, as JSON Resume and YAMLResume write them, in the list at `path`. */
export function skillsGroups(skills: unknown[], path = 'skills'): SkillsGroupView[] {
  const groups: SkillsGroupView[] = [];
  skills.forEach((item: unknown, index) => {
    const itemsPath = `${path}[${index}].keywords`;
    if (typeof item === 'string') {
      groups.push({ index, name: item.trim(), items: [], itemsPath, hasOtherFields: false, bare: true });
      return;
    }
    if (!isObject(item)) return;
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    const items = asArray(item.keywords)
      .filter((k) => typeof k === 'string' || typeof k === 'number')
      .map((k) => String(k).trim())
      .filter(Boolean);
    const hasOtherFields = Object.entries(item).some(([key, value]) => key !== 'name' && key !== 'keywords' && !isBlank(value));
    groups.push({ index, name, items, itemsPath, hasOtherFields, bare: false });
  });
  return groups;
}

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Which strings of the resume can mention a technology, and as what. Company
 * and school names, URLs, dates and spoken languages are left out: working
 * at Oracle is not knowing Oracle Database.
 */
export function jsonResumeMentionKind(segments: readonly PathSegment[]): MentionKind | undefined {
  const [section, a, b, c] = segments;
  const n = segments.length;
  if (section === undefined) return undefined;
  switch (section) {
    case 'skills':
      return typeof a === 'number' && b === 'keywords' && typeof c === 'number' && n === 4 ? 'skill' : undefined;
    case 'work':
    case 'volunteer':
    case 'projects':
      if (typeof a !== 'number') return undefined;
      if (b === 'highlights' && typeof c === 'number' && n === 4) return 'bullet';
      if (n !== 3) return section === 'projects' && (b === 'keywords' || b === 'roles') && n === 4 ? 'other' : undefined;
      if (b === 'summary' || (section === 'projects' && b === 'description')) return 'bullet';
      return b === 'position' || (section === 'projects' && b === 'name') ? 'other' : undefined;
    case 'basics':
      // The summary is a bullet to the engine too (`model.bullets`): "eight years of Go" shows Go.
      if (n === 2 && a === 'summary') return 'bullet';
      return n === 2 && a === 'label' ? 'other' : undefined;
    case 'certificates':
    case 'awards':
    case 'publications':
      return typeof a === 'number' && n === 3 && (b === 'name' || b === 'title' || b === 'summary') ? 'other' : undefined;
    case 'education':
      if (typeof a !== 'number') return undefined;
      return (n === 3 && b === 'area') || (n === 4 && b === 'courses') ? 'other' : undefined;
    default:
      return undefined;
  }
}
