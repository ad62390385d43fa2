/**
 * RenderCV → JSON Resume. Each section's entries are read by their entry
 * type (found as RenderCV finds it: by the keys of the first entry that has
 * any), and the section's title picks the JSON Resume section among those
 * the type fits: experience entries under "Volunteering" become volunteer
 * work, normal entries under "Awards" awards.
 */
import type { PathSegment } from '../document';
import { sectionTitle, sectionTypeOfValues, type RenderCvEntryType } from '../layouts/renderCvSections';
import { isOngoing, isoDate } from './dates';
import { RENDERCV_NETWORKS, renderCvLink, spelledAs } from './networks';
import {
  compact,
  entriesOf,
  filled,
  JSON_RESUME_SECTIONS,
  isRecord,
  Notes,
  noteLeftOver,
  shown,
  textList,
  titleKey,
  unlink,
  type Plain,
} from './shape';

const TARGET = 'JSON Resume';

/** Section titles (compared loosely) and the JSON Resume section they name. */
const TITLES: Record<string, string[]> = {
  summary: [
    'summary',
    'about',
    'about me',
    'profile',
    'professional summary',
    'objective',
    'overview',
    'perfil profesional',
    'sobre mi',
    'resumen',
  ],
  volunteer: ['volunteer', 'volunteering', 'volunteer experience', 'volunteer work', 'community', 'community leadership'],
  projects: ['projects', 'project', 'personal projects', 'side projects', 'open source', 'proyectos', 'proyectos destacados'],
  awards: ['awards', 'honors', 'honours', 'awards and honors', 'achievements', 'awards honors'],
  certificates: ['certifications', 'certificates', 'certification', 'licenses', 'licenses and certifications'],
  publications: ['publications', 'papers', 'selected publications'],
  references: ['references', 'referees'],
  skills: ['skills', 'technical skills', 'technologies', 'tools', 'habilidades', 'habilidades tecnicas'],
  languages: ['languages', 'spoken languages', 'idiomas'],
  interests: ['interests', 'hobbies'],
  work: [
    'experience',
    'work',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'experiencia',
    'experiencia laboral',
  ],
  education: ['education', 'educacion'],
};

function named(title: string): string | undefined {
  const key = titleKey(title);
  return Object.keys(TITLES).find((section) => TITLES[section]!.includes(key));
}

/** The JSON Resume sections each entry type may fill; the first is where an unknown title goes. */
const SECTIONS_OF_TYPE: Record<RenderCvEntryType, string[]> = {
  experience: ['work', 'volunteer'],
  education: ['education'],
  normal: ['projects', 'awards', 'certificates', 'publications', 'references', 'volunteer'],
  oneLine: ['skills', 'languages', 'interests'],
  publication: ['publications'],
  text: ['summary', 'projects'],
  bullet: ['summary', 'projects'],
  numbered: ['summary', 'projects'],
  reversedNumbered: ['summary', 'projects'],
};

const TOP_LEVEL_DROPPED: Record<string, string> = {
  design: 'the look of the PDF has no JSON Resume field: dropped',
  locale: 'has no JSON Resume field: dropped',
  locale_catalog: 'has no JSON Resume field: dropped',
  settings: 'has no JSON Resume field: dropped',
  rendercv_settings: 'has no JSON Resume field: dropped',
};

export function renderCvToJsonResume(file: Plain, notes: Notes): Plain {
  for (const key of Object.keys(file)) {
    if (key !== 'cv' && file[key] !== null && file[key] !== undefined)
      notes.add([key], TOP_LEVEL_DROPPED[key] ?? `has no ${TARGET} field: dropped`);
  }
  const cv = isRecord(file.cv) ? file.cv : {};
  const summaries: string[] = [];
  const sections: Record<string, Plain[]> = {};
  const add = (section: string, entries: Plain[]) => (sections[section] ??= []).push(...entries);
  const cvSections = isRecord(cv.sections) ? cv.sections : {};
  for (const [title, value] of Object.entries(cvSections)) {
    const path = ['cv', 'sections', title];
    if (!Array.isArray(value) || value.length === 0) {
      if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
        notes.add(path, 'is not a list of entries: dropped');
      continue;
    }
    const type = sectionTypeOfValues(value);
    if (!type) {
      notes.add(path, `RenderCV cannot tell its entry type: dropped (${shown(value)})`);
      continue;
    }
    const allowed = SECTIONS_OF_TYPE[type];
    const byTitle = named(title);
    const section = byTitle && allowed.includes(byTitle) ? byTitle : allowed[0]!;
    if (type === 'text' || type === 'bullet' || type === 'numbered' || type === 'reversedNumbered') {
      const lines = value.flatMap((entry, index) => {
        const text =
          typeof entry === 'string' ? entry : isRecord(entry) ? filled(entry.bullet ?? entry.number ?? entry.reversed_number) : undefined;
        if (text === undefined) notes.add([...path, index], `is not a ${type} entry: dropped (${shown(entry)})`);
        return text === undefined ? [] : [text];
      });
      if (section === 'summary' && (byTitle === 'summary' || summaries.length === 0)) {
        if (byTitle !== 'summary') notes.add(path, 'written as basics.summary');
        summaries.push(type === 'text' ? lines.join('\n\n') : lines.map((line) => `- ${line}`).join('\n'));
      } else {
        notes.add(path, `has no ${TARGET} section: kept as a project named ${shown(sectionTitle(title))} with its entries as highlights`);
        add('projects', [{ name: sectionTitle(title), highlights: lines }]);
      }
      continue;
    }
    if (!byTitle || byTitle !== section) {
      notes.add(path, `${type === 'oneLine' ? 'one-line' : type} entries under this title: added to ${section}`);
    }
    const entries = entriesOf(value, path, notes).map(({ entry, index }) => READERS[section]!(entry, [...path, index], notes));
    add(section, entries);
  }

  const basics = compact({
    name: filled(cv.name),
    label: filled(cv.headline),
    image: filled(cv.photo),
    email: firstOf(cv.email, ['cv', 'email'], notes),
    phone: firstOf(cv.phone, ['cv', 'phone'], notes),
    url: firstOf(cv.website, ['cv', 'website'], notes),
    summary: summaries.length > 0 ? summaries.join('\n\n') : undefined,
    location: location(cv.location, notes),
  });
  const profiles = [...socialProfiles(cv.social_networks, notes), ...customProfiles(cv.custom_connections, notes)];
  if (profiles.length > 0) basics.profiles = profiles;
  noteLeftOver(
    cv,
    ['name', 'headline', 'photo', 'email', 'phone', 'website', 'location', 'social_networks', 'custom_connections', 'sections'],
    ['cv'],
    TARGET,
    notes,
  );

  const resume: Plain = {};
  if (Object.keys(basics).length > 0) resume.basics = basics;
  for (const key of JSON_RESUME_SECTIONS) {
    if (sections[key]) resume[key] = sections[key];
  }
  return resume;
}

/** RenderCV 2.4 takes several e-mail addresses, phones or websites; JSON Resume one of each. */
function firstOf(value: unknown, path: readonly PathSegment[], notes: Notes): string | undefined {
  if (!Array.isArray(value)) return filled(value);
  const list = textList(value) ?? [];
  if (list.length > 1) notes.add(path, `JSON Resume holds one: kept the first, dropped ${shown(list.slice(1))}`);
  return list[0];
}

/** `Chicago, Illinois, US` split into city, region and a two-letter country code. */
function location(value: unknown, notes: Notes): Plain | undefined {
  const line = filled(value);
  if (line === undefined) return undefined;
  const parts = line.split(',').map((part) => part.trim());
  const out: Plain = {};
  if (parts.length > 1 && /^[A-Z]{2}$/.test(parts[parts.length - 1]!)) out.countryCode = parts.pop();
  if (parts.length === 1) out.city = parts[0];
  else if (parts.length === 2) Object.assign(out, { city: parts[0], region: parts[1] });
  else out.address = parts.join(', ');
  const ordered = compact({ address: out.address, city: out.city, region: out.region, countryCode: out.countryCode });
  notes.add(['cv', 'location'], `split into ${Object.keys(ordered).join(', ')}`);
  return ordered;
}

function socialProfiles(value: unknown, notes: Notes): Plain[] {
  return entriesOf(value, ['cv', 'social_networks'], notes).map(({ entry }) => {
    const network = filled(entry.network) ?? '';
    const username = filled(entry.username);
    const known = spelledAs(network, RENDERCV_NETWORKS);
    return compact({ network, username, url: known && username ? renderCvLink(known, username) : undefined });
  });
}

function customProfiles(value: unknown, notes: Notes): Plain[] {
  return entriesOf(value, ['cv', 'custom_connections'], notes).map(({ entry, index }) => {
    notes.add(['cv', 'custom_connections', index], 'written as a profile whose network is its text');
    return compact({ network: filled(entry.placeholder), url: filled(entry.url) });
  });
}

/** The title of an entry and the address of its Markdown link. */
function titled(entry: Plain, key: string): { text?: string; url?: string } {
  const title = filled(entry[key]);
  return title === undefined ? {} : unlink(title);
}

function dates(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const single = entry.date;
  if (single !== undefined && single !== null && single !== '') {
    const date = isoDate(single, [...path, 'date'], TARGET, notes);
    notes.add([...path, 'date'], 'a single date: written as both startDate and endDate');
    return { startDate: date, endDate: date };
  }
  return compact({
    startDate: isoDate(entry.start_date, [...path, 'start_date'], TARGET, notes),
    endDate: isOngoing(entry.end_date) ? undefined : isoDate(entry.end_date, [...path, 'end_date'], TARGET, notes),
  });
}

/** Highlights where the target has only a summary: one line each, after the summary. */
function summaryWithHighlights(entry: Plain, path: readonly PathSegment[], notes: Notes): string | undefined {
  const highlights = textList(entry.highlights);
  if (highlights) notes.add([...path, 'highlights'], `${TARGET} has no highlights here: written into the summary as a list`);
  const parts = [filled(entry.summary), highlights?.map((line) => `- ${line}`).join('\n')].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function work(entry: Plain, path: readonly PathSegment[], notes: Notes, nameKey: 'name' | 'organization'): Plain {
  const company = titled(entry, 'company');
  const out = compact({
    [nameKey]: company.text,
    location: nameKey === 'name' ? filled(entry.location) : undefined,
    description: nameKey === 'name' ? filled(entry.description) : undefined,
    position: filled(entry.position),
    url: company.url,
    ...dates(entry, path, notes),
    summary: filled(entry.summary),
    highlights: textList(entry.highlights),
  });
  const used = ['company', 'position', 'date', 'start_date', 'end_date', 'summary', 'highlights'];
  noteLeftOver(entry, nameKey === 'name' ? [...used, 'location', 'description'] : used, path, TARGET, notes);
  return out;
}

/** A volunteer entry from a normal entry: its name is the organization. */
function volunteerFromNormal(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  if ('company' in entry || 'position' in entry) return work(entry, path, notes, 'organization');
  return work({ ...entry, company: entry.name, name: undefined }, path, notes, 'organization');
}

function education(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const institution = titled(entry, 'institution');
  const courses = textList(entry.highlights);
  if (courses) notes.add([...path, 'highlights'], 'written as courses');
  const out = compact({
    institution: institution.text,
    url: institution.url,
    area: filled(entry.area),
    studyType: filled(entry.degree),
    ...dates(entry, path, notes),
    score: filled(entry.grade),
    courses,
  });
  noteLeftOver(entry, ['institution', 'area', 'degree', 'grade', 'date', 'start_date', 'end_date', 'highlights'], path, TARGET, notes);
  return out;
}

function projectFrom(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const name = titled(entry, 'name');
  const out = compact({
    name: name.text,
    description: filled(entry.summary),
    highlights: textList(entry.highlights),
    keywords: textList(entry.keywords),
    ...dates(entry, path, notes),
    url: name.url,
    roles: textList(entry.roles),
    entity: filled(entry.entity),
    type: filled(entry.type),
  });
  noteLeftOver(
    entry,
    ['name', 'summary', 'highlights', 'keywords', 'date', 'start_date', 'end_date', 'roles', 'entity', 'type'],
    path,
    TARGET,
    notes,
  );
  return out;
}

/** The one date of an award, certificate or publication: `date`, else the start. */
function oneDate(entry: Plain, path: readonly PathSegment[], notes: Notes): string | number | undefined {
  if (entry.date !== undefined && entry.date !== null) return isoDate(entry.date, [...path, 'date'], TARGET, notes);
  return isoDate(entry.start_date, [...path, 'start_date'], TARGET, notes);
}

function award(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({
    title: titled(entry, 'name').text,
    date: oneDate(entry, path, notes),
    awarder: filled(entry.awarder),
    summary: summaryWithHighlights(entry, path, notes),
  });
  noteLeftOver(entry, ['name', 'date', 'start_date', 'awarder', 'summary', 'highlights'], path, TARGET, notes);
  return out;
}

function certificate(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const name = titled(entry, 'name');
  const out = compact({ name: name.text, date: oneDate(entry, path, notes), url: name.url, issuer: filled(entry.issuer) });
  noteLeftOver(entry, ['name', 'date', 'start_date', 'issuer'], path, TARGET, notes);
  return out;
}

function reference(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  const out = compact({ name: filled(entry.name), reference: summaryWithHighlights(entry, path, notes) });
  noteLeftOver(entry, ['name', 'summary', 'highlights'], path, TARGET, notes);
  return out;
}

function publication(entry: Plain, path: readonly PathSegment[], notes: Notes): Plain {
  if ('name' in entry && !('title' in entry)) {
    const name = titled(entry, 'name');
    const out = compact({
      name: name.text,
      releaseDate: oneDate(entry, path, notes),
      url: name.url,
      summary: summaryWithHighlights(entry, path, notes),
    });
    noteLeftOver(entry, ['name', 'date', 'start_date', 'summary', 'highlights'], path, TARGET, notes);
    return out;
  }
  const doi = filled(entry.doi);
  const url = filled(entry.url) ?? (doi ? `https://doi.org/${doi}` : undefined);
  if (doi) notes.add([...path, 'doi'], filled(entry.url) ? `has no ${TARGET} field: dropped (${doi})` : `written as the url ${url}`);
  const authors = textList(entry.authors);
  if (authors) notes.add([...path, 'authors'], `has no ${TARGET} field: dropped (${shown(authors)})`);
  const out = compact({
    name: filled(entry.title),
    publisher: filled(entry.journal),
    releaseDate: entry.date === undefined || entry.date === null ? undefined : isoDate(entry.date, [...path, 'date'], TARGET, notes),
    url,
    summary: filled(entry.summary),
  });
  noteLeftOver(entry, ['title', 'authors', 'doi', 'url', 'journal', 'date', 'summary'], path, TARGET, notes);
  return out;
}

function oneLine(entry: Plain, path: readonly PathSegment[], notes: Notes, labelKey: string, detailsKey: 'keywords' | 'fluency'): Plain {
  const details = filled(entry.details);
  const out = compact({
    [labelKey]: filled(entry.label),
    level: labelKey === 'name' && detailsKey === 'keywords' ? filled(entry.level) : undefined,
    [detailsKey]: details === undefined ? undefined : detailsKey === 'keywords' ? details.split(/\s*,\s*/).filter(Boolean) : details,
  });
  noteLeftOver(entry, ['label', 'details', 'level'], path, TARGET, notes);
  return out;
}

const READERS: Record<string, (entry: Plain, path: readonly PathSegment[], notes: Notes) => Plain> = {
  work: (entry, path, notes) => work(entry, path, notes, 'name'),
  volunteer: (entry, path, notes) =>
    'company' in entry ? work(entry, path, notes, 'organization') : volunteerFromNormal(entry, path, notes),
  education,
  projects: projectFrom,
  awards: award,
  certificates: certificate,
  references: reference,
  publications: publication,
  skills: (entry, path, notes) => oneLine(entry, path, notes, 'name', 'keywords'),
  languages: (entry, path, notes) => oneLine(entry, path, notes, 'language', 'fluency'),
  interests: (entry, path, notes) => oneLine(entry, path, notes, 'name', 'keywords'),
};
