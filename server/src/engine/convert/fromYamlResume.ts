/**
 * YAMLResume → JSON Resume: `content` is nearly JSON Resume already. The
 * Markdown list that ends a `summary` becomes `highlights`, `headline` is
 * `label`, the location and profiles go back into `basics`, and dates are
 * written ISO (`Apr 2021` → `2021-04`).
 */
import type { PathSegment } from '../document';
import { isoDate } from './dates';
import { countryCode } from './countries';
import { splitList } from '../markdownList';
import {
  compact,
  entriesOf,
  filled,
  JSON_RESUME_SECTIONS,
  sameFields,
  isRecord,
  Notes,
  noteLeftOver,
  shown,
  textList,
  type Plain,
} from './shape';

const TARGET = 'JSON Resume';

export function yamlResumeToJsonResume(file: Plain, notes: Notes): Plain {
  for (const key of Object.keys(file)) {
    if (key !== 'content' && file[key] !== null && file[key] !== undefined) notes.add([key], `has no ${TARGET} field: dropped`);
  }
  const content = isRecord(file.content) ? file.content : {};
  const resume: Plain = {};
  const basics = basicsOf(content, notes);
  if (Object.keys(basics).length > 0) resume.basics = basics;
  for (const key of Object.keys(content)) {
    if (key === 'basics' || key === 'location' || key === 'profiles') continue;
    const read = READERS[key];
    if (!read) {
      notes.add(['content', key], `has no ${TARGET} field: dropped`);
      continue;
    }
    const entries = entriesOf(content[key], ['content', key], notes).map(({ entry, index }) => read(entry, ['content', key, index], notes));
    if (entries.length > 0) resume[key] = entries;
  }
  // JSON Resume's documented order, as YAMLResume's sections may come in any.
  const ordered: Plain = resume.basics ? { basics: resume.basics } : {};
  for (const key of JSON_RESUME_SECTIONS) if (resume[key]) ordered[key] = resume[key];
  return ordered;
}

function basicsOf(content: Plain, notes: Notes): Plain {
  const basics = isRecord(content.basics) ? content.basics : {};
  const path = ['content', 'basics'];
  noteLeftOver(basics, ['name', 'headline', 'email', 'phone', 'url', 'summary'], path, TARGET, notes);
  const out = compact({
    name: filled(basics.name),
    label: filled(basics.headline),
    email: filled(basics.email),
    phone: filled(basics.phone),
    url: filled(basics.url),
    summary: filled(basics.summary),
  });
  if (isRecord(content.location)) {
    const location = content.location;
    const country = filled(location.country);
    const code = country === undefined ? undefined : countryCode(country);
    if (country !== undefined) {
      notes.add(
        ['content', 'location', 'country'],
        code ? `written as the country code ${code}` : `${shown(country)} has no country code: dropped`,
      );
    }
    const written = compact({
      address: filled(location.address),
      postalCode: filled(location.postalCode),
      city: filled(location.city),
      countryCode: code,
      region: filled(location.region),
    });
    noteLeftOver(location, ['address', 'postalCode', 'city', 'country', 'region'], ['content', 'location'], TARGET, notes);
    if (Object.keys(written).length > 0) out.location = written;
  }
  const profiles = entriesOf(content.profiles, ['content', 'profiles'], notes).map(({ entry, index }) => {
    noteLeftOver(entry, ['network', 'username', 'url'], ['content', 'profiles', index], TARGET, notes);
    return compact({ network: filled(entry.network), username: filled(entry.username), url: filled(entry.url) });
  });
  if (profiles.length > 0) out.profiles = profiles;
  return out;
}

function dates(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  return compact({
    startDate: isoDate(entry.startDate, [...path, 'startDate'], TARGET, notes),
    endDate: isoDate(entry.endDate, [...path, 'endDate'], TARGET, notes),
  });
}

/** The summary's text and the Markdown list that ends it. */
function summaryParts(entry: Plain): { summary?: string; highlights?: string[] } {
  const summary = filled(entry.summary);
  return summary === undefined ? {} : splitList(summary);
}

function role(entry: Plain, path: readonly PathSegment[], notes: Notes, nameKey: 'name' | 'organization'): Plain {
  const { summary, highlights } = summaryParts(entry);
  const out = compact({
    [nameKey]: filled(entry[nameKey]),
    position: filled(entry.position),
    url: filled(entry.url),
    ...dates(entry, path, notes),
    summary,
    highlights,
  });
  noteLeftOver(entry, [nameKey, 'position', 'url', 'startDate', 'endDate', 'summary'], path, TARGET, notes);
  return out;
}

function education(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({
    institution: filled(entry.institution),
    url: filled(entry.url),
    area: filled(entry.area),
    studyType: filled(entry.degree),
    ...dates(entry, path, notes),
    score: filled(entry.score),
    courses: textList(entry.courses),
  });
  noteLeftOver(entry, ['institution', 'url', 'area', 'degree', 'startDate', 'endDate', 'score', 'courses'], path, TARGET, notes);
  return out;
}

function project(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const { summary, highlights } = summaryParts(entry);
  const description = [filled(entry.description), summary].filter((part) => part !== undefined);
  if (summary !== undefined)
    notes.add([...path, 'summary'], `its text before the list: ${description.length > 1 ? 'added to' : 'written as'} the description`);
  const out = compact({
    name: filled(entry.name),
    description: description.length > 0 ? description.join('\n\n') : undefined,
    highlights,
    keywords: textList(entry.keywords),
    ...dates(entry, path, notes),
    url: filled(entry.url),
  });
  noteLeftOver(entry, ['name', 'description', 'summary', 'keywords', 'startDate', 'endDate', 'url'], path, TARGET, notes);
  return out;
}

const plain = (keys: readonly string[], rename?: Record<string, string>, dateKeys?: readonly string[]) =>
  sameFields(TARGET, (value, path, notes) => isoDate(value, path, TARGET, notes), keys, rename, dateKeys);

const READERS: Record<string, (entry: Plain, path: readonly PathSegment[], notes: Notes) => Plain> = {
  work: (entry, path, notes) => role(entry, path, notes, 'name'),
  volunteer: (entry, path, notes) => role(entry, path, notes, 'organization'),
  education,
  projects: project,
  awards: plain(['title', 'date', 'awarder', 'summary'], {}, ['date']),
  certificates: plain(['name', 'date', 'url', 'issuer'], {}, ['date']),
  publications: plain(['name', 'publisher', 'releaseDate', 'url', 'summary'], {}, ['releaseDate']),
  skills: plain(['name', 'level', 'keywords']),
  languages: plain(['language', 'fluency']),
  interests: plain(['name', 'keywords']),
  references: plain(['name', 'summary'], { summary: 'reference' }),
};
