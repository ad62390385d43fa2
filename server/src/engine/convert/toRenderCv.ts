/**
 * JSON Resume → RenderCV. Each JSON Resume section becomes a RenderCV
 * section of the entry type that fits it, in the resume's own order; what
 * has no RenderCV field is kept as an extra key of the entry where RenderCV
 * allows one (it keeps them but does not print them), else dropped, with a
 * note either way.
 */
import type { PathSegment } from '../document';
import { isOngoing, isoDate } from './dates';
import { RENDERCV_NETWORKS, renderCvLink, sameLink, spelledAs } from './networks';
import { compact, entriesOf, filled, isEmpty, isRecord, link, Notes, noteLeftOver, shown, textList, textOf, type Plain } from './shape';

const TARGET = 'RenderCV';

/** Keys that make RenderCV take an entry for another type: never written as extra keys. */
const TYPE_KEYS = new Set([
  'label',
  'details',
  'name',
  'company',
  'position',
  'institution',
  'area',
  'degree',
  'grade',
  'title',
  'authors',
  'doi',
  'url',
  'journal',
  'bullet',
  'number',
  'reversed_number',
]);

/** The RenderCV section each JSON Resume section becomes. */
export const SECTION_KEYS: Record<string, string> = {
  work: 'experience',
  volunteer: 'volunteer',
  education: 'education',
  awards: 'awards',
  certificates: 'certifications',
  publications: 'publications',
  skills: 'skills',
  languages: 'languages',
  interests: 'interests',
  references: 'references',
  projects: 'projects',
};

export function jsonResumeToRenderCv(resume: Plain, notes: Notes): Plain {
  const basics = isRecord(resume.basics) ? resume.basics : {};
  const sections: Plain = {};
  const summary = filled(basics.summary);
  for (const key of Object.keys(resume)) {
    if (key === 'basics') {
      if (summary !== undefined) sections.summary = [summary];
      continue;
    }
    const section = SECTION_KEYS[key];
    if (section === undefined) {
      notes.add([key], `has no ${TARGET} field: dropped`);
      continue;
    }
    const entries = entriesOf(resume[key], [key], notes).map(({ entry, index }) => ENTRY_WRITERS[key]!(entry, [key, index], notes));
    if (entries.length > 0) sections[section] = entries;
  }
  const cv = compact({
    name: filled(basics.name),
    headline: filled(basics.label),
    location: flatLocation(basics.location, notes),
    email: filled(basics.email),
    phone: filled(basics.phone),
    website: filled(basics.url),
    photo: photo(basics.image, notes),
  });
  const { social, custom } = socialNetworks(basics.profiles, notes);
  if (social.length > 0) cv.social_networks = social;
  if (custom.length > 0) cv.custom_connections = custom;
  if (Object.keys(sections).length > 0) cv.sections = sections;
  noteLeftOver(basics, ['name', 'label', 'location', 'email', 'phone', 'url', 'image', 'summary', 'profiles'], ['basics'], TARGET, notes);
  return { cv };
}

/** `Chicago, Illinois, US`: RenderCV's location is one line. */
function flatLocation(location: unknown, notes: Notes): string | undefined {
  if (!isRecord(location)) return filled(location);
  const parts = ['address', 'city', 'region', 'postalCode', 'countryCode'].flatMap((key) => filled(location[key]) ?? []);
  if (parts.length === 0) return undefined;
  const line = parts.join(', ');
  notes.add(['basics', 'location'], `flattened to ${shown(line)}`);
  noteLeftOver(location, ['address', 'city', 'region', 'postalCode', 'countryCode'], ['basics', 'location'], TARGET, notes);
  return line;
}

/** RenderCV's photo is a file beside the CV: an address on the web cannot be one. */
function photo(image: unknown, notes: Notes): string | undefined {
  const path = filled(image);
  if (path === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  notes.add(['basics', 'image'], `RenderCV's photo must be a file beside the CV, not an address: dropped (${path})`);
  return undefined;
}

function socialNetworks(profiles: unknown, notes: Notes): { social: Plain[]; custom: Plain[] } {
  const social: Plain[] = [];
  const custom: Plain[] = [];
  for (const { entry, index } of entriesOf(profiles, ['basics', 'profiles'], notes)) {
    const path = ['basics', 'profiles', index];
    const given = filled(entry.network) ?? '';
    const network = spelledAs(given, RENDERCV_NETWORKS) ?? (spelledAs(given, ['Twitter']) ? 'X' : undefined);
    const username = filled(entry.username);
    const url = filled(entry.url);
    noteLeftOver(entry, ['network', 'username', 'url'], path, TARGET, notes);
    const made = network && username ? renderCvLink(network, username) : undefined;
    if (network && username && (url === undefined || (made !== undefined && sameLink(made, url)))) {
      if (network !== given) notes.add([...path, 'network'], `written as ${network}, as RenderCV spells it`);
      social.push({ network, username });
      continue;
    }
    const placeholder = [given, username].filter(Boolean).join(': ') || url || '';
    custom.push(compact({ placeholder, url, fontawesome_icon: 'link' }));
    const why = !network
      ? `${shown(given)} is not a RenderCV network`
      : !username
        ? 'has no username'
        : `its link ${url} is not the one RenderCV makes from the username (${made ?? 'none'})`;
    notes.add(path, `${why}: kept as a custom connection (RenderCV 2.4 or later)`);
  }
  return { social, custom };
}

interface Fields {
  /** Keys written already. */
  used: string[];
  entry: Plain;
  path: readonly PathSegment[];
  notes: Notes;
}

/** The JSON Resume keys not written yet, kept as extra keys where RenderCV allows them. */
function extras(out: Plain, { used, entry, path, notes }: Fields, explain: Record<string, string> = {}): Plain {
  for (const [key, value] of Object.entries(entry)) {
    if (used.includes(key) || isEmpty(value)) continue;
    if (TYPE_KEYS.has(key) || key in out) {
      notes.add([...path, key], `has no ${TARGET} field: dropped (${shown(value)})`);
      continue;
    }
    out[key] = value;
    notes.add([...path, key], explain[key] ?? `has no ${TARGET} field: kept as an extra key, which RenderCV does not print`);
  }
  return out;
}

/** `[Fintech Co](https://…)`: the address of an entry lives in its title, as a Markdown link. */
function linkedTitle(entry: Plain, titleKey: string, path: readonly PathSegment[], notes: Notes, label = titleKey): string | undefined {
  const title = filled(entry[titleKey]);
  const url = filled(entry.url);
  if (url !== undefined) notes.add([...path, 'url'], `kept only as a link on the ${label}`);
  if (title === undefined) return url;
  return link(title, url);
}

function required(out: Plain, keys: readonly string[], path: readonly PathSegment[], notes: Notes, type: string): void {
  const missing = keys.filter((key) => out[key] === undefined);
  if (missing.length > 0) notes.add(path, `RenderCV's ${type} needs ${missing.join(' and ')}: add ${missing.length > 1 ? 'them' : 'it'}`);
}

/** start_date and end_date; `present` for a role still held, when `ongoing` says so. */
function dateRange(entry: Plain, path: readonly PathSegment[], notes: Notes, ongoing: boolean): Plain {
  const start = isoDate(entry.startDate, [...path, 'startDate'], TARGET, notes);
  let end: string | number | undefined;
  if (isOngoing(entry.endDate)) end = 'present';
  else end = isoDate(entry.endDate, [...path, 'endDate'], TARGET, notes);
  if (end === undefined && ongoing && start !== undefined) end = 'present';
  return compact({ start_date: start, end_date: end });
}

function experience(entry: Plain, path: readonly PathSegment[], notes: Notes, companyKey: 'name' | 'organization'): Plain {
  const out = compact({
    company: linkedTitle(entry, companyKey, path, notes, 'company'),
    position: filled(entry.position),
    ...dateRange(entry, path, notes, true),
    location: filled(entry.location),
    summary: filled(entry.summary),
    highlights: textList(entry.highlights),
  });
  required(out, ['company', 'position'], path, notes, 'experience entry');
  const used = [companyKey, 'url', 'position', 'startDate', 'endDate', 'location', 'summary', 'highlights'];
  return extras(out, { used, entry, path, notes });
}

function education(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const courses = textList(entry.courses);
  if (courses) notes.add([...path, 'courses'], 'written as highlights');
  const out = compact({
    institution: linkedTitle(entry, 'institution', path, notes),
    area: filled(entry.area),
    degree: filled(entry.studyType),
    grade: filled(entry.score),
    ...dateRange(entry, path, notes, false),
    highlights: courses,
  });
  required(out, ['institution', 'area'], path, notes, 'education entry');
  const used = ['institution', 'url', 'area', 'studyType', 'score', 'startDate', 'endDate', 'courses'];
  return extras(out, { used, entry, path, notes });
}

function project(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({
    name: linkedTitle(entry, 'name', path, notes),
    ...dateRange(entry, path, notes, false),
    summary: filled(entry.description),
    highlights: textList(entry.highlights),
  });
  required(out, ['name'], path, notes, 'normal entry');
  const used = ['name', 'url', 'startDate', 'endDate', 'description', 'highlights'];
  return extras(out, { used, entry, path, notes });
}

/** An award, certificate or reference: a normal entry with a name, a date and a summary. */
function normal(entry: Plain, path: readonly PathSegment[], notes: Notes, keys: { name: string; date?: string; summary?: string }): Plain {
  const out = compact({
    name: keys.name === 'title' ? filled(entry.title) : linkedTitle(entry, keys.name, path, notes),
    date: keys.date ? (textOf(entry[keys.date]) ?? undefined) : undefined,
    summary: keys.summary ? filled(entry[keys.summary]) : undefined,
  });
  required(out, ['name'], path, notes, 'normal entry');
  const used = [keys.name, 'url', keys.date ?? '', keys.summary ?? ''];
  return extras(out, { used, entry, path, notes });
}

function publication(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({
    title: filled(entry.name),
    authors: [],
    url: filled(entry.url),
    journal: filled(entry.publisher),
    date: textOf(entry.releaseDate),
    summary: filled(entry.summary),
  });
  notes.add(path, "RenderCV's publication entry needs authors, which JSON Resume does not have: the list is empty, add them");
  required(out, ['title'], path, notes, 'publication entry');
  return extras(out, { used: ['name', 'url', 'publisher', 'releaseDate', 'summary'], entry, path, notes });
}

/** A skill group or an interest: `label: details`, the keywords joined by commas. */
function oneLine(entry: Plain, path: readonly PathSegment[], notes: Notes, labelKey: string, detailsKey: string): Plain {
  const keywords = textList(entry[detailsKey]);
  const details = keywords ? keywords.join(', ') : (filled(entry[detailsKey]) ?? '');
  if (keywords?.some((keyword) => keyword.includes(','))) {
    notes.add([...path, detailsKey], 'a keyword has a comma in it: read back, it will be two keywords');
  }
  const out = compact({ label: filled(entry[labelKey]) ?? '', details });
  return extras(out, { used: [labelKey, detailsKey], entry, path, notes });
}

const ENTRY_WRITERS: Record<string, (entry: Plain, path: readonly PathSegment[], notes: Notes) => Plain> = {
  work: (entry, path, notes) => experience(entry, path, notes, 'name'),
  volunteer: (entry, path, notes) => experience(entry, path, notes, 'organization'),
  education,
  projects: project,
  awards: (entry, path, notes) => normal(entry, path, notes, { name: 'title', date: 'date', summary: 'summary' }),
  certificates: (entry, path, notes) => normal(entry, path, notes, { name: 'name', date: 'date' }),
  references: (entry, path, notes) => normal(entry, path, notes, { name: 'name', summary: 'reference' }),
  publications: publication,
  skills: (entry, path, notes) => oneLine(entry, path, notes, 'name', 'keywords'),
  languages: (entry, path, notes) => oneLine(entry, path, notes, 'language', 'fluency'),
  interests: (entry, path, notes) => oneLine(entry, path, notes, 'name', 'keywords'),
};
