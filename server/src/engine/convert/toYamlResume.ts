/**
 * JSON Resume → YAMLResume. The sections keep their names and most fields;
 * `label` is `headline`, the location and profiles move up beside `basics`,
 * highlights become a Markdown list in `summary`, dates read `Apr 2021`.
 * YAMLResume strips keys it does not know, so what has no field is dropped,
 * with a note that quotes it.
 */
import type { PathSegment } from '../document';
import { yamlResumeDate } from './dates';
import { countryName } from './countries';
import { summaryWithList } from '../markdownList';
import { spelledAs, YAMLRESUME_NETWORKS } from './networks';
import { compact, entriesOf, filled, sameFields, isRecord, Notes, noteLeftOver, shown, textList, type Plain } from './shape';

const TARGET = 'YAMLResume';

const DEGREES = ['Middle School', 'High School', 'Diploma', 'Associate', 'Bachelor', 'Master', 'Doctor'];
const FLUENCIES = [
  'Elementary Proficiency',
  'Limited Working Proficiency',
  'Minimum Professional Proficiency',
  'Full Professional Proficiency',
  'Native or Bilingual Proficiency',
];
const LEVELS = ['Novice', 'Beginner', 'Intermediate', 'Advanced', 'Expert', 'Master'];

export function jsonResumeToYamlResume(resume: Plain, notes: Notes): Plain {
  const content: Plain = {};
  for (const key of Object.keys(resume)) {
    if (key === 'basics') {
      Object.assign(content, basicsOf(isRecord(resume.basics) ? resume.basics : {}, notes));
      continue;
    }
    const write = ENTRY_WRITERS[key];
    if (!write) {
      notes.add([key], `has no ${TARGET} field: dropped`);
      continue;
    }
    const entries = entriesOf(resume[key], [key], notes).map(({ entry, index }) => write(entry, [key, index], notes));
    if (entries.length > 0) content[key] = entries;
  }
  if (!content.basics) notes.add(['basics'], 'YAMLResume needs basics with a name: add them');
  if (!content.education) notes.add(['education'], 'YAMLResume needs an education section: add one');
  return { content };
}

function basicsOf(basics: Plain, notes: Notes): Plain {
  const path = ['basics'];
  const out: Plain = {
    basics: compact({
      name: filled(basics.name),
      headline: filled(basics.label),
      email: filled(basics.email),
      phone: filled(basics.phone),
      url: filled(basics.url),
      summary: filled(basics.summary),
    }),
  };
  noteLeftOver(basics, ['name', 'label', 'email', 'phone', 'url', 'summary', 'location', 'profiles'], path, TARGET, notes);
  if (isRecord(basics.location)) {
    const location = basics.location;
    const code = filled(location.countryCode);
    const country = code === undefined ? undefined : countryName(code);
    if (code !== undefined) {
      notes.add(
        [...path, 'location', 'countryCode'],
        country ? `written as the country ${shown(country)}` : `${shown(code)} is not a country code: kept as written`,
      );
    }
    const written = compact({
      address: filled(location.address),
      city: filled(location.city),
      region: filled(location.region),
      country: country ?? code,
      postalCode: filled(location.postalCode),
    });
    noteLeftOver(location, ['address', 'city', 'region', 'countryCode', 'postalCode'], [...path, 'location'], TARGET, notes);
    if (Object.keys(written).length > 0) out.location = written;
  }
  const profiles = entriesOf(basics.profiles, [...path, 'profiles'], notes).map(({ entry, index }) => {
    const given = filled(entry.network) ?? '';
    const network = spelledAs(given, YAMLRESUME_NETWORKS) ?? (spelledAs(given, ['X']) ? 'Twitter' : undefined);
    const at = [...path, 'profiles', index, 'network'];
    if (!network) notes.add(at, `${shown(given)} is not one of YAMLResume's networks: kept as written`);
    else if (network !== given) notes.add(at, `written as ${network}, as YAMLResume spells it`);
    noteLeftOver(entry, ['network', 'username', 'url'], [...path, 'profiles', index], TARGET, notes);
    return compact({ network: network ?? given, username: filled(entry.username), url: filled(entry.url) });
  });
  if (profiles.length > 0) out.profiles = profiles;
  return out;
}

function oneOf(value: string | undefined, allowed: readonly string[], path: readonly PathSegment[], what: string, notes: Notes): void {
  if (value === undefined) notes.add(path, `YAMLResume needs ${what}, one of ${allowed.join(', ')}: add it`);
  else if (!allowed.includes(value))
    notes.add(path, `${shown(value)}: YAMLResume's ${what} is one of ${allowed.join(', ')}; kept as written`);
}

function needs(out: Plain, keys: readonly string[], path: readonly PathSegment[], notes: Notes): void {
  const missing = keys.filter((key) => out[key] === undefined);
  if (missing.length > 0) notes.add(path, `YAMLResume needs ${missing.join(' and ')} here: add ${missing.length > 1 ? 'them' : 'it'}`);
}

function dates(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  return compact({
    startDate: yamlResumeDate(entry.startDate, [...path, 'startDate'], notes),
    endDate: yamlResumeDate(entry.endDate, [...path, 'endDate'], notes),
  });
}

function role(entry: Plain, path: readonly PathSegment[], notes: Notes, nameKey: 'name' | 'organization'): Plain {
  const out = compact({
    [nameKey]: filled(entry[nameKey]),
    position: filled(entry.position),
    ...dates(entry, path, notes),
    summary: summaryWithList(filled(entry.summary), textList(entry.highlights)),
    keywords: nameKey === 'name' ? textList(entry.keywords) : undefined,
    url: filled(entry.url),
  });
  needs(out, [nameKey, 'position', 'startDate', 'summary'], path, notes);
  noteLeftOver(entry, [nameKey, 'position', 'startDate', 'endDate', 'summary', 'highlights', 'keywords', 'url'], path, TARGET, notes);
  return out;
}

function education(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const degree = filled(entry.studyType);
  oneOf(degree, DEGREES, [...path, 'studyType'], 'degree', notes);
  const out = compact({
    institution: filled(entry.institution),
    area: filled(entry.area),
    degree,
    ...dates(entry, path, notes),
    courses: textList(entry.courses),
    score: filled(entry.score),
    url: filled(entry.url),
  });
  noteLeftOver(entry, ['institution', 'area', 'studyType', 'startDate', 'endDate', 'courses', 'score', 'url'], path, TARGET, notes);
  return out;
}

function project(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({
    name: filled(entry.name),
    description: filled(entry.description),
    ...dates(entry, path, notes),
    summary: summaryWithList(undefined, textList(entry.highlights)),
    keywords: textList(entry.keywords),
    url: filled(entry.url),
  });
  needs(out, ['name', 'startDate', 'summary'], path, notes);
  noteLeftOver(entry, ['name', 'description', 'startDate', 'endDate', 'highlights', 'keywords', 'url'], path, TARGET, notes);
  return out;
}

const plain = (keys: readonly string[], rename?: Record<string, string>, dateKeys?: readonly string[]) =>
  sameFields(TARGET, yamlResumeDate, keys, rename, dateKeys);

const skill = plain(['name', 'level', 'keywords']);
const language = plain(['language', 'fluency']);

const ENTRY_WRITERS: Record<string, (entry: Plain, path: readonly PathSegment[], notes: Notes) => Plain> = {
  work: (entry, path, notes) => role(entry, path, notes, 'name'),
  volunteer: (entry, path, notes) => role(entry, path, notes, 'organization'),
  education,
  projects: project,
  awards: plain(['title', 'awarder', 'date', 'summary'], {}, ['date']),
  certificates: plain(['name', 'issuer', 'date', 'url'], {}, ['date']),
  publications: plain(['name', 'publisher', 'releaseDate', 'summary', 'url'], {}, ['releaseDate']),
  skills: (entry, path, notes) => {
    const out = skill(entry, path, notes);
    oneOf(filled(entry.level), LEVELS, [...path, 'level'], 'level', notes);
    return out;
  },
  languages: (entry, path, notes) => {
    const out = language(entry, path, notes);
    oneOf(filled(entry.fluency), FLUENCIES, [...path, 'fluency'], 'fluency', notes);
    return out;
  },
  interests: plain(['name', 'keywords']),
  references: plain(['name', 'reference'], { reference: 'summary' }),
};
