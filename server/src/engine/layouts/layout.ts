/**
 * A layout is one way of writing a resume as a file (JSON Resume, RenderCV,
 * YAMLResume): how to recognise it, and how to map its parsed tree to the
 * resume view, the layout-neutral part of the model that rules read instead
 * of one layout's paths. Fixes stay intents addressed by model paths, so the
 * file's writer serves every layout.
 */
import type { ResumeDate } from '../dates';
import type { Change, ItemValue } from '../fixIntent';
import type { Bullet, PathEntry, PathSegment, ResumeModel } from '../model';
import type { TextReader } from '../textReader';
import type { OffsetRange } from '../types';
import type { DetectedLayout, LayoutId } from './ids';

/** What an entry is to the rules, whatever its section is called. */
export type EntryKind = 'work' | 'volunteer' | 'project' | 'education' | 'other';

/** One entry of a section: a job, a project, a school. */
export interface ViewEntry {
  kind: EntryKind;
  /** `work[0]`, `cv.sections.experience[0]`. */
  path: string;
  /** The section's path (`work`, `cv.sections.experience`). */
  sectionPath: string;
  /** The section's title as written, for layouts whose section titles are free text (RenderCV). */
  sectionTitle?: string;
  index: number;
  /** The entry as written; undefined when it is not written out (an alias repeats it). */
  range?: OffsetRange;
  /** The employer, school or project ("Acme"). */
  organisation?: string;
  /** The position or area ("Backend Engineer"). */
  title?: string;
  /** Where the start and end dates are, or would be written. */
  startPath: string;
  endPath: string;
  /** The highlights list's path, and how many highlights it holds (as read, aliases included). */
  highlightsPath: string;
  highlights: number;
}

/** A readable date of an entry (`work[0].startDate`, `…experience[0].end_date`). */
export interface DateField {
  /** The entry's section as a path (`work`, `cv.sections.experience`). */
  section: string;
  entryIndex: number;
  entryPath: string;
  entryKind: EntryKind;
  /** A start, an end, or a date of its own (an award's `date`). */
  role: 'start' | 'end' | 'single';
  /** The key as written (`startDate`, `end_date`). */
  field: string;
  entry: PathEntry;
  date: ResumeDate;
}

/** One skills group: JSON Resume's `{name, keywords}`, RenderCV's one-line `{label, details}`. */
export interface SkillsGroupView {
  index: number;
  name: string;
  /** Each item as written (trimmed, empty ones dropped): JSON Resume's keywords, RenderCV's details split on commas. */
  items: string[];
  /** Where the items are written (`skills[0].keywords`, `cv.sections.skills[0].details`). */
  itemsPath: string;
  /** The items as one text, where they are written as one (RenderCV's `details`). */
  itemsText?: string;
  /** Non-empty fields besides the name and items (level, icons…): regrouping would lose them. */
  hasOtherFields: boolean;
  /** The item was a bare string, not a group. */
  bare: boolean;
}

export interface SkillsView {
  /** The skills list's path (`skills`, `cv.sections.skills`), where it is or would be added. */
  path: string;
  /** Its key, when it is written. */
  keyRange?: OffsetRange;
  /** Whether a list is written there. */
  listed: boolean;
  groups: SkillsGroupView[];
  /** False when some group has a shape that is not the layout's own (`title`/`values`): not ours to judge. */
  ownShape: boolean;
  /** A group as this layout writes it, for fixes that regroup or add one. */
  groupItem(name: string, items: readonly string[]): ItemValue;
  /** The change adding one skill to a group. */
  addToGroup(group: SkillsGroupView, item: string): Change;
}

/** How messages name the layout's own fields. */
export interface LayoutTerms {
  /** "`basics.name`". */
  name: string;
  /** "`basics.email`, `basics.phone`, `basics.url` or a profile". */
  contact: string;
  /** "a `work` entry with `highlights`". */
  workEntry: string;
  /** "No work entry has `highlights`" / "No experience entry has `highlights`". */
  noHighlights: string;
  /** "leave `endDate` out". */
  currentRoleEnd: string;
}

export interface ResumeView {
  layout: DetectedLayout;
  /** Whether there is a resume to read at all (a mapping at the root). */
  readable: boolean;
  /** The first key: where a finding about the whole resume goes when nothing nearer says it. */
  rootAnchor: OffsetRange;
  basics: {
    /** Where a finding about the person goes: `basics`, `cv`, else the first key. */
    anchor: OffsetRange;
    hasName: boolean;
    /** An e-mail, phone, website or profile. */
    hasContact: boolean;
    namePath: string;
    summaryPath?: string;
    /** The one-line headline ("Backend Engineer"): JSON Resume's `basics.label`, RenderCV's and YAMLResume's `headline`. */
    headline?: { text: string; path: string; range: OffsetRange };
  };
  entries: ViewEntry[];
  /** Where a finding about work experience as a whole goes: the `work` key, the first experience section's key. */
  workAnchor?: OffsetRange;
  bullets: readonly Bullet[];
  skills: SkillsView;
  terms: LayoutTerms;
}

/** Where a term the posting asks for sits in the resume: a skill, a bullet, or another place that can name it. */
export type MentionKind = 'skill' | 'bullet' | 'other';

export interface Layout {
  id: LayoutId;
  /** By content: what in the root's keys says it is this layout (`\`cv.sections\``), else undefined. */
  recognise(root: unknown): string | undefined;
  /** By file name: what in the name says so (`the file name \`*_CV.yaml\``), else undefined. */
  recogniseName(fileName: string): string | undefined;
  /** The bullets the prose rules read, from the index of paths and the text (at parse time, so no model yet). */
  bullets(entries: ReadonlyMap<string, PathEntry>, value: unknown, text: string): Bullet[];
  /** Every readable date of every entry. */
  dates(model: ResumeModel, read: TextReader): DateField[];
  view(model: ResumeModel): Omit<ResumeView, 'layout' | 'bullets'>;
  /** What a string at these segments can mention a posting's term as; undefined where it cannot. */
  mentionKind(segments: readonly PathSegment[], model: ResumeModel): MentionKind | undefined;
  /** Keys whose value is a date: an edit there can change what a role's dates say. */
  dateKeys: ReadonlySet<string>;
}
