/**
 * A layout of its own: a resume written in keys no tool defines
 * (`experience[].positions[].highlights`, `history[].accomplishments`,
 * `info.name` …). Detected only when JSON Resume would read no bullet from
 * it and this reading finds some, or when its root has none of JSON
 * Resume's keys but plainly holds a person or jobs. Its bullets, person and
 * entries are read conservatively (ownLayoutRead.ts, ownLayoutPerson.ts); its
 * keys are not checked against any schema.
 */
import { parseWrittenDate } from '../dates';
import { formatPath, type Bullet, type BulletSection, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import type { TextReader } from '../textReader';
import { asArray, isObject, makeBullet, rootAnchor, isReadable, stringScalar, textOf, type Json } from './common';
import type { DateField, EntryKind, Layout, MentionKind, ResumeView, ViewEntry } from './layout';
import { readOwnLayout, type OwnEntry, type OwnReading } from './ownLayoutRead';
import { readOwnPerson } from './ownLayoutPerson';
import { derivedSlot } from '../derived';

const BULLET_SECTIONS: Readonly<Partial<Record<EntryKind, BulletSection>>> = { work: 'work', project: 'projects', volunteer: 'volunteer' };

/** Keys of an entry's dates, and what each is; a `period` or `dates` mapping may hold `start` and `end`. */
const DATE_ROLES: Readonly<Record<string, DateField['role']>> = {
  start: 'start',
  startDate: 'start',
  start_date: 'start',
  date_start: 'start',
  from: 'start',
  end: 'end',
  endDate: 'end',
  end_date: 'end',
  date_end: 'end',
  stop_date: 'end',
  to: 'end',
  date: 'single',
};
const PERIOD_KEYS = ['period', 'dates'];

/** JSON Resume's keys for the person and the jobs: a root with one is JSON Resume's unless it has bullets JSON Resume would not read. */
const JSON_RESUME_CORE_KEYS = ['basics', 'work'];

/** JSON Resume's sections whose entries' `highlights` it reads: a file with one is JSON Resume's. */
const JSON_RESUME_BULLET_SECTIONS = ['work', 'volunteer', 'projects'];

export const ownLayout: Layout = {
  id: 'other',
  recognise: recogniseOwnLayout,
  recogniseName: () => undefined,
  bullets: ownBullets,
  dates: findDateFields,
  view,
  mentionKind,
  dateKeys: new Set(Object.keys(DATE_ROLES)),
};

/**
 * What says a root is in a layout of its own: bullets JSON Resume would not
 * read (and none it would), or, without JSON Resume's `basics` and `work`,
 * a person or a section of jobs under keys of its own. Undefined otherwise:
 * a JSON Resume file just begun, or one with a misspelt key, stays JSON
 * Resume. Only the file's structure counts, never its words, so an edit
 * inside a text never changes how the file is read.
 */
export function recogniseOwnLayout(root: unknown): string | undefined {
  if (!isObject(root) || hasJsonResumeBullets(root)) return undefined;
  const reading = readOwnLayout(root);
  if (reading.candidates > 0) {
    const withBullets = reading.sections.filter((section) => section.entries.some(holdsTexts));
    return listed([...new Set(withBullets.map(rootKeyOf))]);
  }
  // JSON Resume's person or jobs say it is JSON Resume, however little is written yet.
  if (JSON_RESUME_CORE_KEYS.some((key) => key in root)) return undefined;
  const work = reading.sections.find((section) => section.kind === 'work');
  const evidence = [readOwnPerson(root).evidence, work && `\`${rootKeyOf(work)}\``].filter((shown) => shown !== undefined);
  return evidence.length > 0 ? evidence.join(' and ') : undefined;
}

const holdsTexts = (entry: OwnEntry): boolean => entry.candidates > 0 || entry.nested.some(holdsTexts);

function hasJsonResumeBullets(root: Json): boolean {
  return JSON_RESUME_BULLET_SECTIONS.some((section) =>
    asArray(root[section]).some((entry) => asArray(isObject(entry) ? entry.highlights : undefined).length > 0),
  );
}

const rootKeyOf = (section: { segments: PathSegment[] }): string => String(section.segments[0]);

function listed(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map((key) => `\`${key}\``);
  return shown.length <= 1 ? (shown[0] ?? 'its keys') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function ownBullets(entries: ReadonlyMap<string, PathEntry>, value: unknown): Bullet[] {
  const bullets: Bullet[] = [];
  for (const entry of readOwnLayout(value).entries) {
    const section = BULLET_SECTIONS[entry.kind];
    if (!section) continue;
    const entryPath = formatPath(entry.segments);
    for (const segments of entry.bullets) {
      const written = entries.get(formatPath(segments));
      const node = stringScalar(written);
      // Under an alias, the text is the anchor's: it is checked there.
      if (!written || !node) continue;
      bullets.push(makeBullet(written, node, 'highlight', section, entryPath));
    }
  }
  return bullets.sort((a, b) => a.range.start - b.range.start);
}

const READING = derivedSlot<OwnReading>('layout of its own');

function readingOf(model: ResumeModel): OwnReading {
  return model.derived.get(READING, () => readOwnLayout(model.value));
}

function findDateFields(model: ResumeModel, read: TextReader): DateField[] {
  const fields: DateField[] = [];
  for (const entry of readingOf(model).entries) {
    if (!isObject(entry.value)) continue;
    const entryPath = formatPath(entry.segments);
    for (const [segments, role] of dateSpots(entry)) {
      const written = model.entries.get(formatPath(segments));
      const value = written?.node && 'value' in written.node ? (written.node as { value: unknown }).value : undefined;
      const date = value === undefined ? undefined : (read.date(value) ?? parseWrittenDate(value));
      if (!written || !date) continue;
      fields.push({
        section: formatPath(entry.sectionSegments),
        entryIndex: entry.index,
        entryPath,
        entryKind: entry.kind,
        role,
        field: String(segments[segments.length - 1]),
        entry: written,
        date,
      });
    }
  }
  return fields;
}

/** Where an entry writes its dates: its own keys, or `start`/`end` in a `period` mapping. */
function dateSpots(entry: OwnEntry): Array<[PathSegment[], DateField['role']]> {
  const record = entry.value as Json;
  const spots: Array<[PathSegment[], DateField['role']]> = [];
  for (const [key, value] of Object.entries(record)) {
    const role = DATE_ROLES[key];
    if (role && !isObject(value)) spots.push([[...entry.segments, key], role]);
    if (PERIOD_KEYS.includes(key) && isObject(value)) {
      for (const inner of Object.keys(value)) {
        const innerRole = DATE_ROLES[inner];
        if (innerRole && innerRole !== 'single') spots.push([[...entry.segments, key, inner], innerRole]);
      }
    }
  }
  return spots;
}

function view(model: ResumeModel): Omit<ResumeView, 'layout' | 'bullets'> {
  const root: Json = isObject(model.value) ? model.value : {};
  const person = readOwnPerson(root);
  const fallback = rootAnchor(model);
  const reading = readingOf(model);
  const work = reading.sections.find((section) => section.kind === 'work');
  const workAnchor = work && model.entries.get(formatPath(work.anchorSegments));
  return {
    readable: isReadable(model),
    rootAnchor: fallback,
    basics: {
      anchor: (person.key === undefined ? undefined : model.entries.get(person.key)?.keyRange) ?? fallback,
      hasName: person.hasName,
      hasContact: person.hasContact,
      namePath: person.namePath,
      summaryPath: person.summaryPath,
    },
    entries: reading.entries.map((entry) => viewEntry(model, entry)),
    workAnchor: workAnchor && (workAnchor.keyRange ?? workAnchor.valueRange),
    skills: {
      path: 'skills',
      keyRange: model.entries.get('skills')?.keyRange,
      listed: false,
      groups: [],
      // Skills in a layout of its own are not read as groups: not ours to regroup.
      ownShape: false,
      groupItem: (name, items) => ({ name, keywords: [...items] }),
      addToGroup: (group, item) => ({ kind: 'appendItem', path: group.itemsPath, item }),
    },
    terms: {
      name: 'a `name`',
      contact: 'an `email`, a `phone` or a `website`',
      workEntry: 'an `experience` entry with a list of `highlights`',
      noHighlights: 'No experience entry has a list of bullets (`highlights:` with `- ` items)',
      currentRoleEnd: 'leave its end date out',
    },
  };
}

const ORGANISATION_KEYS = ['company', 'employer', 'organization', 'organisation', 'entity', 'at'];
const TITLE_KEYS = ['title', 'position', 'role'];

function viewEntry(model: ResumeModel, entry: OwnEntry): ViewEntry {
  const path = formatPath(entry.segments);
  const record = isObject(entry.value) ? entry.value : {};
  const own = (keys: readonly string[]) => keys.map((key) => textOf(record, key)).find(Boolean);
  const where = isObject(record.where) ? record.where : {};
  const parentOrganisation = ORGANISATION_KEYS.map((key) => textOf(entry.parent, key)).find(Boolean) ?? textOf(entry.parent, 'name');
  const organisation = own(ORGANISATION_KEYS) ?? (textOf(where, 'title') || textOf(where, 'name') || parentOrganisation || undefined);
  const title = own(TITLE_KEYS) ?? (entry.kind === 'project' ? own(['name']) : undefined);
  const spots = dateSpots(entry);
  const spotOf = (role: DateField['role']) => spots.find(([, spotRole]) => spotRole === role)?.[0];
  const start = spotOf('start');
  const end = spotOf('end');
  return {
    kind: entry.kind,
    path,
    sectionPath: formatPath(entry.sectionSegments),
    index: entry.index,
    range: model.entries.get(path)?.valueRange,
    organisation: organisation || undefined,
    title: title || undefined,
    startPath: start ? formatPath(start) : `${path}.start`,
    endPath: end ? formatPath(end) : `${path}.end`,
    // Only a list of plain strings takes a new bullet; elsewhere the path is one nothing is written at.
    highlightsPath: entry.listSegments ? formatPath(entry.listSegments) : `${path}.highlights`,
    highlights: entry.bullets.length,
  };
}

/** Bullets can mention a posting's term; so can the items of a skills list. Nothing else is read. */
function mentionKind(segments: readonly PathSegment[], model: ResumeModel): MentionKind | undefined {
  const path = formatPath(segments);
  if (model.bullets.some((bullet) => bullet.path === path)) return 'bullet';
  const [section] = segments;
  return typeof section === 'string' && /skill/i.test(section) && typeof segments[segments.length - 1] === 'number' ? 'skill' : undefined;
}
