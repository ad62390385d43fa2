/**
 * YAMLResume (`content:` holding `basics`, `work`, `education` …, with
 * `locale` and `layouts` beside it). The content is nearly JSON Resume's,
 * under `content`, but there are no `highlights`: the bullets of a job, a
 * project or a volunteer role are the items of the Markdown list in its
 * `summary` (yamlResumeBullets.ts). Dates are whatever JavaScript's
 * `Date.parse` reads (`Apr 2021`, `2021-04`, `Sep 1, 2016`, `2021`); an
 * empty `endDate` is a current role.
 */
import { parseWrittenDate } from '../dates';
import { formatPath, type PathSegment, type ResumeModel } from '../model';
import type { TextReader } from '../textReader';
import { asArray, hasText, isObject, itemCountAt, JSON_RESUME_KEYS, textOf, viewHead, type Json } from './common';
import { DATE_ROLES, ENTRY_KINDS, jsonResumeMentionKind, sectionDateFields, skillsGroups } from './jsonResume';
import type { DateField, Layout, MentionKind, ResumeView, SkillsView, ViewEntry } from './layout';
import { yamlResumeBullets } from './yamlResumeBullets';

const CONTENT_KEYS = ['basics', 'work', 'education', 'skills', 'projects'];

/** A skill group needs a `level`; a new one takes the last group's, else this. */
const DEFAULT_LEVEL = 'Intermediate';

export const yamlResume: Layout = {
  id: 'yamlresume',
  recognise(root) {
    if (!isObject(root) || !isObject(root.content)) return undefined;
    const content = root.content;
    const key = CONTENT_KEYS.find((name) => name in content);
    if (key !== undefined) return `\`content.${key}\``;
    // `content` alone (an empty one, a resume just begun), beside none of JSON Resume's keys, is YAMLResume's too.
    return Object.keys(root).some((name) => JSON_RESUME_KEYS.has(name)) ? undefined : '`content`';
  },
  recogniseName: () => undefined,
  bullets: (entries, _value, text) => yamlResumeBullets(entries, text),
  dates: findDateFields,
  view,
  mentionKind,
  dateKeys: new Set(Object.keys(DATE_ROLES)),
};

/** `content.work[0].startDate` and the like, written as JSON Resume's or as YAMLResume reads them (`Apr 2021`). */
function findDateFields(model: ResumeModel, read: TextReader): DateField[] {
  return sectionDateFields(model, ['content'], (value) => read.date(value) ?? parseWrittenDate(value));
}

function view(model: ResumeModel): Omit<ResumeView, 'layout' | 'bullets'> {
  const root: Json = isObject(model.value) ? model.value : {};
  const content: Json = isObject(root.content) ? root.content : {};
  const basics = isObject(content.basics) ? content.basics : {};
  const hasContact = hasText(basics.email) || hasText(basics.phone) || hasText(basics.url) || asArray(content.profiles).length > 0;
  const head = viewHead(model, 'content.basics', basics, hasContact, 'content.basics.summary', 'headline');
  return {
    ...head,
    // A resume with `content` but no `basics` yet: the finding goes on `content`.
    basics: {
      ...head.basics,
      anchor: model.entries.get('content.basics')?.keyRange ?? model.entries.get('content')?.keyRange ?? head.rootAnchor,
    },
    entries: Object.keys(ENTRY_KINDS).flatMap((section) => sectionEntries(model, content, section)),
    workAnchor: model.entries.get('content.work')?.keyRange,
    skills: skillsView(model, content),
    terms: {
      name: '`content.basics.name`',
      contact: '`content.basics.email`, `content.basics.phone`, `content.basics.url` or a profile',
      workEntry: 'a `content.work` entry with a Markdown list in its `summary`',
      noHighlights: 'No `content.work` entry has a Markdown list (`- `) in its `summary`',
      currentRoleEnd: 'leave `endDate` empty',
    },
  };
}

function sectionEntries(model: ResumeModel, content: Json, section: string): ViewEntry[] {
  const sectionPath = `content.${section}`;
  const items = Array.isArray(content[section]) ? content[section] : Array.from({ length: itemCountAt(model.entries, sectionPath) });
  return items.map((item: unknown, index): ViewEntry => {
    const path = formatPath(['content', section, index]);
    const organisation = section === 'education' ? textOf(item, 'institution') : textOf(item, 'name') || textOf(item, 'organization');
    const title = section === 'education' ? textOf(item, 'area') : textOf(item, 'position');
    const summaryPath = `${path}.summary`;
    return {
      kind: ENTRY_KINDS[section] ?? 'other',
      path,
      sectionPath,
      index,
      range: model.entries.get(path)?.valueRange,
      organisation: organisation || undefined,
      title: title || undefined,
      startPath: `${path}.startDate`,
      endPath: `${path}.endDate`,
      // The bullets are the summary's list items.
      highlightsPath: summaryPath,
      highlights: model.bullets.filter((bullet) => bullet.path === summaryPath && bullet.kind === 'highlight').length,
    };
  });
}

function skillsView(model: ResumeModel, content: Json): SkillsView {
  const written = model.entries.get('content.skills');
  const skills = asArray(content.skills);
  const groups = skillsGroups(skills, 'content.skills');
  const lastLevel = [...skills]
    .reverse()
    .map((item) => textOf(item, 'level'))
    .find(Boolean);
  return {
    path: 'content.skills',
    keyRange: written?.keyRange,
    listed: Array.isArray(content.skills),
    groups,
    ownShape: !skills.some((item) => isObject(item) && !('name' in item) && !('keywords' in item)),
    // YAMLResume rejects a group without a level: the new one takes the last group's, for you to adjust.
    groupItem: (name, items) => ({ name, level: lastLevel ?? DEFAULT_LEVEL, keywords: [...items] }),
    addToGroup: (group, item) => ({ kind: 'appendItem', path: group.itemsPath, item }),
  };
}

/** As JSON Resume's, under `content`: `headline` is its `label`. */
function mentionKind(segments: readonly PathSegment[]): MentionKind | undefined {
  const [content, section, key] = segments;
  if (content !== 'content') return undefined;
  if (section === 'basics' && segments.length === 3) return key === 'summary' ? 'bullet' : key === 'headline' ? 'other' : undefined;
  return jsonResumeMentionKind(segments.slice(1));
}
