/**
 * RenderCV (`cv:` with `name`, contact fields and `sections`; `design`,
 * `locale`, `settings` beside it). Section titles are free text, so what an
 * entry is comes from its type: an experience entry's highlights are work
 * bullets, a normal entry's are project bullets, whatever the section is
 * called. Dates are `start_date`/`end_date` (`present` for a current role);
 * the free-text `date` is the author's, and no date rule reads it.
 */
import { derivedSlot } from '../derived';
import { formatPath, type Bullet, type BulletSection, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import { toProse } from '../prose';
import type { TextReader } from '../textReader';
import { asArray, hasItems, hasText, isObject, JSON_RESUME_KEYS, itemCountAt, makeBullet, stringScalar, textOf, viewHead } from './common';
import type { DateField, EntryKind, Layout, MentionKind, ResumeView, SkillsGroupView, SkillsView, ViewEntry } from './layout';
import { isSkillsSection, isSummarySection, renderCvSections, type RenderCvEntryType, type RenderCvSection } from './renderCvSections';

/** RenderCV's top-level keys, over its versions: `locale_catalog` (1.x), `rendercv_settings` (1.14–2.3), `settings` (2.4+). */
const ROOT_KEYS = new Set(['cv', 'design', 'locale', 'locale_catalog', 'rendercv_settings', 'settings']);

/** The entries with bullets, and what their bullets are to the rules. */
const BULLET_SECTIONS: Partial<Record<RenderCvEntryType, BulletSection>> = { experience: 'work', normal: 'projects' };

const ENTRY_KINDS: Partial<Record<RenderCvEntryType, EntryKind>> = { experience: 'work', normal: 'project', education: 'education' };

const DATE_ROLES: Readonly<Record<string, DateField['role']>> = { start_date: 'start', end_date: 'end' };

export const renderCv: Layout = {
  id: 'rendercv',
  recognise(root) {
    if (!isObject(root) || !isObject(root.cv)) return undefined;
    if ('sections' in root.cv) return '`cv.sections`';
    const settings = Object.keys(root).find((key) => key !== 'cv' && ROOT_KEYS.has(key));
    if (settings !== undefined) return `\`cv\` and \`${settings}\``;
    // JSON Resume has no `cv`: a mapping there, beside none of JSON Resume's keys, is RenderCV's header.
    return Object.keys(root).some((key) => JSON_RESUME_KEYS.has(key)) ? undefined : '`cv`';
  },
  recogniseName(fileName) {
    // `rendercv new "Jane Doe"` writes `Jane_Doe_CV.yaml`; editors give RenderCV's schema to `*_CV.yaml`.
    return /_CV\.ya?ml$/.test(fileName) ? 'the file name `*_CV.yaml`' : undefined;
  },
  bullets: collectBullets,
  dates: findDateFields,
  view,
  mentionKind,
  dateKeys: new Set(Object.keys(DATE_ROLES)),
};

function collectBullets(entries: ReadonlyMap<string, PathEntry>): Bullet[] {
  const bullets: Bullet[] = [];
  renderCvSections(entries).forEach((section, position) => {
    if (isSummarySection(section, position)) {
      for (let index = 0; index < section.count; index++) {
        const entry = entries.get(formatPath(['cv', 'sections', section.title, index]));
        const node = stringScalar(entry);
        if (entry && node) bullets.push(makeBullet(entry, node, 'summary', 'basics', section.path));
      }
      return;
    }
    const bulletSection = section.type && BULLET_SECTIONS[section.type];
    if (!bulletSection) return;
    for (let index = 0; index < section.count; index++) {
      const entryPath = formatPath(['cv', 'sections', section.title, index]);
      const summary = entries.get(`${entryPath}.summary`);
      const summaryNode = stringScalar(summary);
      if (summary && summaryNode) bullets.push(makeBullet(summary, summaryNode, 'summary', bulletSection, entryPath));
      const count = itemCountAt(entries, `${entryPath}.highlights`);
      for (let item = 0; item < count; item++) {
        const highlight = entries.get(`${entryPath}.highlights[${item}]`);
        const node = stringScalar(highlight);
        if (highlight && node) bullets.push(makeBullet(highlight, node, 'highlight', bulletSection, entryPath));
      }
    }
  });
  // In file order, as every layout gives them.
  return bullets.sort((a, b) => a.range.start - b.range.start);
}

/** The sections of a model, worked out once per model. */
const SECTIONS = derivedSlot<RenderCvSection[]>('RenderCV sections');

function plainText(markdown: string): string {
  return markdown && toProse(markdown).text.trim();
}

export function sectionsOf(model: ResumeModel): RenderCvSection[] {
  return model.derived.get(SECTIONS, () => renderCvSections(model.entries));
}

/** The type RenderCV gives the entries of the section titled `title`. */
export function sectionTypeOf(model: ResumeModel, title: string): RenderCvEntryType | undefined {
  return sectionsOf(model).find((section) => section.title === title)?.type;
}

function findDateFields(model: ResumeModel, read: TextReader): DateField[] {
  const fields: DateField[] = [];
  for (const section of sectionsOf(model)) {
    const entryKind = section.type && ENTRY_KINDS[section.type];
    if (!entryKind) continue;
    for (let entryIndex = 0; entryIndex < section.count; entryIndex++) {
      const entryPath = formatPath(['cv', 'sections', section.title, entryIndex]);
      for (const [field, role] of Object.entries(DATE_ROLES)) {
        const entry = model.entries.get(`${entryPath}.${field}`);
        if (!entry?.node || !('value' in entry.node)) continue;
        const date = read.date((entry.node as { value: unknown }).value);
        if (date) fields.push({ section: section.path, entryIndex, entryPath, entryKind, role, field, entry, date });
      }
    }
  }
  return fields;
}

function view(model: ResumeModel): Omit<ResumeView, 'layout' | 'bullets'> {
  const cv = isObject(model.value) && isObject(model.value.cv) ? model.value.cv : {};
  const plainSections = isObject(cv.sections) ? cv.sections : {};
  const sections = sectionsOf(model);
  const summary = sections.find((section, position) => isSummarySection(section, position));
  const skills = sections.find(isSkillsSection);
  const hasContact =
    hasItems(cv.email) ||
    hasItems(cv.phone) ||
    hasItems(cv.website) ||
    asArray(cv.social_networks).length > 0 ||
    asArray(cv.custom_connections).length > 0;
  return {
    ...viewHead(model, 'cv', cv, hasContact, summary?.path, 'headline'),
    entries: sections.flatMap((section) => sectionEntries(model, section, asArray(plainSections[section.title]))),
    workAnchor: sections.find((section) => section.type === 'experience')?.keyRange,
    skills: skillsView(skills, asArray(skills ? plainSections[skills.title] : undefined)),
    terms: {
      name: '`cv.name`',
      contact: '`cv.email`, `cv.phone`, `cv.website` or a social network',
      workEntry: 'an experience entry (`company`, `position`, `highlights`) under `cv.sections`',
      noHighlights: 'No experience entry has `highlights`',
      currentRoleEnd: 'write `end_date: present`',
    },
  };
}

function sectionEntries(model: ResumeModel, section: RenderCvSection, items: unknown[]): ViewEntry[] {
  const kind = section.type && ENTRY_KINDS[section.type];
  if (!kind) return [];
  return items.map((item, index): ViewEntry => {
    const path = formatPath(['cv', 'sections', section.title, index]);
    // Markdown is RenderCV's (`[Acme](https://…)`, `**bold**`): a title reads as the PDF prints it.
    const organisation = plainText(textOf(item, 'company') || textOf(item, 'name') || textOf(item, 'institution'));
    const title = plainText(textOf(item, 'position') || textOf(item, 'area'));
    return {
      kind,
      path,
      sectionPath: section.path,
      sectionTitle: section.title,
      index,
      range: model.entries.get(path)?.valueRange,
      organisation: organisation || undefined,
      title: title || undefined,
      startPath: `${path}.start_date`,
      endPath: `${path}.end_date`,
      highlightsPath: `${path}.highlights`,
      highlights: isObject(item) ? asArray(item.highlights).length : 0,
    };
  });
}

/** One-line entries: `label` names the group, `details` lists its skills, split on commas. */
function skillsView(section: RenderCvSection | undefined, items: unknown[]): SkillsView {
  const path = section?.path ?? 'cv.sections.skills';
  const groups = items.flatMap((item, index): SkillsGroupView[] => {
    if (!isObject(item)) return [];
    const details = textOf(item, 'details');
    return [
      {
        index,
        name: textOf(item, 'label'),
        items: details
          .split(',')
          .map((piece) => piece.trim())
          .filter(Boolean),
        itemsPath: `${path}[${index}].details`,
        itemsText: typeof item.details === 'string' ? item.details : undefined,
        hasOtherFields: Object.entries(item).some(([key, value]) => key !== 'label' && key !== 'details' && hasText(value)),
        bare: false,
      },
    ];
  });
  return {
    path,
    keyRange: section?.keyRange,
    listed: section !== undefined,
    groups,
    ownShape: true,
    groupItem: (name, skills) => ({ label: name, details: skills.join(', ') }),
    addToGroup: (group, item) => {
      const end = group.itemsText?.length ?? 0;
      const text = group.itemsText?.trim() ? `, ${item}` : item;
      return { kind: 'editText', path: group.itemsPath, spans: [{ start: end, end, text }] };
    },
  };
}

/** Highlights and summaries are bullets; the skills section's details are skills; positions and titles can name a tool too. */
function mentionKind(segments: readonly PathSegment[], model: ResumeModel): MentionKind | undefined {
  const [cv, sections, title, index, field, item] = segments;
  if (cv !== 'cv' || sections !== 'sections' || typeof title !== 'string' || typeof index !== 'number') return undefined;
  const all = sectionsOf(model);
  const position = all.findIndex((candidate) => candidate.title === title);
  const section = all[position];
  if (!section) return undefined;
  const n = segments.length;
  if (n === 4) return section.type === 'text' ? (isSummarySection(section, position) ? 'bullet' : 'other') : undefined;
  if (section.type === 'experience' || section.type === 'normal') {
    if (field === 'highlights' && typeof item === 'number' && n === 6) return 'bullet';
    if (n !== 5) return undefined;
    if (field === 'summary') return 'bullet';
    return field === 'position' || (section.type === 'normal' && field === 'name') ? 'other' : undefined;
  }
  if (section.type === 'oneLine' && field === 'details' && n === 5) return isSkillsSection(section) ? 'skill' : 'other';
  if (section.type === 'education' && field === 'area' && n === 5) return 'other';
  if (section.type === 'publication' && field === 'title' && n === 5) return 'other';
  return undefined;
}
