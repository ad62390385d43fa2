/**
 * The resume model as the page prints it: every layout is read into JSON
 * Resume's shape (the conversions' hub), then laid out in the order a
 * reviewer expects, under standard headings. Each printed bullet keeps the
 * id of the model bullet it prints, so page findings land on the source.
 */
import { isScalar } from 'yaml';
import { renderCvToJsonResume } from '../convert/fromRenderCv';
import { yamlResumeToJsonResume } from '../convert/fromYamlResume';
import { withCurrentKeys } from '../convert/legacy';
import { filled, isRecord, Notes, textList, textOf, unlink, type Plain } from '../convert/shape';
import { parseWrittenDate } from '../dates';
import { resumeView } from '../layouts';
import { bulletId, type ResumeModel } from '../model';
import { inlineSpans, markdownBlocks, plainText } from './markdown';
import type { PageBlock, PageBullet, PageDoc, PageEntry, PageSection, Span } from './types';

export type PageDocResult = { ok: true; doc: PageDoc } | { ok: false; message: string };

/**
 * Syntax problems that leave the value plain to read: a key set twice (its
 * last value stands, as in JSON.parse), JSON's trailing commas and comments.
 */
const READABLE_PROBLEMS = new Set(['DUPLICATE_KEY', 'TRAILING_COMMA', 'COMMENT']);

/** Why a model cannot be printed, or undefined when it can. */
export function unprintable(model: ResumeModel): string | undefined {
  if (model.syntaxProblems.some((problem) => !READABLE_PROBLEMS.has(problem.code)))
    return 'the file has syntax errors: fix them and render again';
  if (model.checked !== 'all') return 'the file is too large or too deeply nested to read in full';
  if (!isRecord(model.value)) return 'it is not a resume: its top level is not a mapping of sections';
  return undefined;
}

export function pageDocument(model: ResumeModel): PageDocResult {
  const why = unprintable(model);
  if (why) return { ok: false, message: why };
  const hub = hubOf(model);
  const ids = new BulletIds(model);
  const basics = isRecord(hub.basics) ? hub.basics : {};
  const name = clean(filled(basics.name) ?? '');
  const sections: PageSection[] = [];
  const add = (title: string, blocks: PageBlock[]) => {
    if (blocks.length > 0) sections.push({ title, blocks });
  };
  add('Summary', summaryBlocks(filled(basics.summary), ids));
  add(
    'Experience',
    entries(hub.work, (entry) => workEntry(entry, 'name', ids)),
  );
  add(
    'Projects',
    entries(hub.projects, (entry) => projectEntry(entry, ids)),
  );
  add('Education', entries(hub.education, educationEntry));
  add('Skills', lines(hub.skills, 'name', 'keywords', 'level'));
  add(
    'Volunteering',
    entries(hub.volunteer, (entry) => workEntry(entry, 'organization', ids)),
  );
  add(
    'Awards',
    entries(hub.awards, (entry) => simpleEntry(entry.title, entry.awarder, entry.date, entry.summary)),
  );
  add(
    'Certificates',
    entries(hub.certificates, (entry) => simpleEntry(entry.name, entry.issuer, entry.date, undefined, entry.url)),
  );
  add(
    'Publications',
    entries(hub.publications, (entry) => simpleEntry(entry.name, entry.publisher, entry.releaseDate, entry.summary, entry.url)),
  );
  add('Languages', lines(hub.languages, 'language', undefined, 'fluency'));
  add('Interests', lines(hub.interests, 'name', 'keywords'));
  add(
    'References',
    entries(hub.references, (entry) => simpleEntry(entry.name, undefined, undefined, entry.reference)),
  );
  const email = filled(basics.email);
  return {
    ok: true,
    doc: {
      name,
      ...(filled(basics.label) && { headline: clean(filled(basics.label)!) }),
      ...(email && { email: clean(email) }),
      contact: contactLine(basics),
      sections,
    },
  };
}

/** The resume in JSON Resume's shape, whatever its layout. */
function hubOf(model: ResumeModel): Plain {
  const value = model.value as Plain;
  const notes = new Notes();
  switch (model.layout.id) {
    case 'rendercv':
      return renderCvToJsonResume(value, notes);
    case 'yamlresume':
      return yamlResumeToJsonResume(value, notes);
    case 'json-resume':
      return withCurrentKeys(value, notes);
    case 'other':
      return ownLayoutHub(model);
  }
}

/** A layout of the person's own, read through the resume view: the person, the entries and their bullets, the skills. */
function ownLayoutHub(model: ResumeModel): Plain {
  const view = resumeView(model);
  const scalarAt = (path: string | undefined) => {
    const node = path === undefined ? undefined : model.entries.get(path)?.node;
    return isScalar(node) ? textOf(node.value) : undefined;
  };
  const sections: Record<string, Plain[]> = {};
  for (const entry of view.entries) {
    const highlights = view.bullets
      .filter((bullet) => bullet.entryPath === entry.path && bullet.kind === 'highlight')
      .map((bullet) => bullet.text);
    const key =
      entry.kind === 'education' ? 'education' : entry.kind === 'work' ? 'work' : entry.kind === 'volunteer' ? 'volunteer' : 'projects';
    const fields: Plain =
      key === 'education'
        ? { institution: entry.organisation, area: entry.title }
        : key === 'projects'
          ? { name: entry.organisation ?? entry.title ?? entry.sectionTitle, highlights }
          : { name: entry.organisation, organization: entry.organisation, position: entry.title, highlights };
    (sections[key] ??= []).push(fields);
  }
  const skills = view.skills.groups.map((group) => ({ name: group.name, keywords: group.items }));
  return {
    basics: { name: scalarAt(view.basics.namePath), summary: scalarAt(view.basics.summaryPath), label: view.basics.headline?.text },
    ...sections,
    ...(skills.length > 0 && { skills }),
  };
}

/**
 * Model bullets by their text, each handed out once in document order: the
 * hub keeps a bullet's text as written, so the n-th printed "Cut p99…" is
 * the n-th such bullet of the file.
 */
class BulletIds {
  private readonly byText = new Map<string, string[]>();

  constructor(model: ResumeModel) {
    for (const bullet of model.bullets) {
      const key = bullet.text.trim();
      const list = this.byText.get(key);
      if (list) list.push(bulletId(bullet));
      else this.byText.set(key, [bulletId(bullet)]);
    }
  }

  take(text: string): string | undefined {
    return this.byText.get(text.trim())?.shift();
  }
}

function bullet(text: string, ids: BulletIds): PageBullet {
  const id = ids.take(text);
  return { ...(id !== undefined && { id }), spans: spansOf(text) };
}

function bulletsOf(value: unknown, ids: BulletIds): PageBullet[] {
  return (textList(value) ?? []).filter((text) => text.trim() !== '').map((text) => bullet(text, ids));
}

function summaryBlocks(summary: string | undefined, ids: BulletIds): PageBlock[] {
  if (summary === undefined) return [];
  const blocks: PageBlock[] = [];
  for (const block of markdownBlocks(summary)) {
    if (block.kind === 'paragraph') blocks.push({ kind: 'paragraph', spans: spansOf(block.text) });
    else {
      const last = blocks.at(-1);
      const item = bullet(block.text, ids);
      if (last?.kind === 'bullets') last.bullets.push(item);
      else blocks.push({ kind: 'bullets', bullets: [item] });
    }
  }
  return blocks;
}

function entries(value: unknown, read: (entry: Plain) => PageEntry | undefined): PageBlock[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const page = isRecord(entry) ? read(entry) : undefined;
    return page ? [{ kind: 'entry' as const, entry: page }] : [];
  });
}

function workEntry(entry: Plain, orgKey: 'name' | 'organization', ids: BulletIds): PageEntry | undefined {
  const organisation = filled(entry[orgKey]) ?? filled(entry.company) ?? filled(entry.organization);
  const position = filled(entry.position);
  const summary = filled(entry.summary) ?? filled(entry.description);
  const bullets = bulletsOf(entry.highlights, ids);
  if (!organisation && !position && !summary && bullets.length === 0) return undefined;
  return {
    heading: joinSpans([position && bold(position), organisation && named(organisation, filled(entry.url))], ', '),
    ...dated(entry.startDate, entry.endDate),
    ...(filled(entry.location) && { details: [{ text: clean(filled(entry.location)!), italic: true }] }),
    paragraphs: summary ? summaryParagraphs(summary) : [],
    bullets,
  };
}

function projectEntry(entry: Plain, ids: BulletIds): PageEntry | undefined {
  const name = filled(entry.name);
  const description = filled(entry.description) ?? filled(entry.summary);
  const bullets = bulletsOf(entry.highlights, ids);
  if (!name && !description && bullets.length === 0) return undefined;
  const roles = textList(entry.roles)?.join(', ');
  const keywords = textList(entry.keywords)?.join(', ');
  return {
    heading: joinSpans([name && named(name, filled(entry.url), true), roles && plain(roles)], ', '),
    ...dated(entry.startDate, entry.endDate),
    ...(keywords && { details: [{ text: clean(keywords), italic: true }] }),
    paragraphs: description ? summaryParagraphs(description) : [],
    bullets,
  };
}

function educationEntry(entry: Plain): PageEntry | undefined {
  const institution = filled(entry.institution);
  const degree = [filled(entry.studyType), filled(entry.area)].filter((part) => part !== undefined).join(', ');
  if (!institution && !degree) return undefined;
  const score = filled(entry.score);
  const courses = textList(entry.courses)?.join(', ');
  const details = [score && `Score: ${score}`, courses && `Courses: ${courses}`].filter((part) => part).join('. ');
  return {
    heading: joinSpans([degree && bold(degree), institution && named(institution, filled(entry.url))], ', '),
    ...dated(entry.startDate, entry.endDate),
    ...(details && { details: [{ text: clean(details), italic: true }] }),
    paragraphs: [],
    bullets: [],
  };
}

function simpleEntry(title: unknown, by: unknown, date: unknown, summary: unknown, url?: unknown): PageEntry | undefined {
  const main = filled(title);
  const source = filled(by);
  const text = filled(summary);
  if (!main && !text) return undefined;
  const when = filled(date);
  return {
    heading: joinSpans([main && named(main, filled(url), true), source && plain(source)], ', '),
    ...(when && { dates: shownDate(when) }),
    paragraphs: text ? summaryParagraphs(text) : [],
    bullets: [],
  };
}

/** One line per item: "**Languages:** Go, Java (Advanced)". */
function lines(value: unknown, labelKey: string, itemsKey: string | undefined, levelKey?: string): PageBlock[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): PageBlock[] => {
    if (!isRecord(item)) {
      const text = filled(item);
      return text ? [{ kind: 'line', spans: spansOf(text) }] : [];
    }
    const label = filled(item[labelKey]);
    const items = itemsKey ? textList(item[itemsKey])?.filter((text) => text.trim() !== '') : undefined;
    const level = levelKey ? filled(item[levelKey]) : undefined;
    const body = [items?.join(', '), level && (items?.length ? `(${level})` : level)].filter((part) => part).join(' ');
    if (!label && !body) return [];
    return [{ kind: 'line', ...(label && { label: clean(label) }), spans: body ? spansOf(body) : [] }];
  });
}

function summaryParagraphs(text: string): Span[][] {
  return markdownBlocks(text).map((block) => spansOf(block.kind === 'item' ? `• ${block.text}` : block.text));
}

function contactLine(basics: Plain): Span[][] {
  const items: Span[][] = [];
  const location = isRecord(basics.location)
    ? [basics.location.city, basics.location.region, basics.location.countryCode]
        .map(filled)
        .filter((part) => part)
        .join(', ')
    : filled(basics.location);
  if (location) items.push([{ text: clean(location) }]);
  const email = filled(basics.email);
  if (email) items.push([{ text: clean(email), href: `mailto:${email.trim()}` }]);
  const phone = filled(basics.phone);
  if (phone) items.push([{ text: clean(phone) }]);
  const url = filled(basics.url) ?? filled(basics.website);
  if (url) items.push([{ text: clean(withoutScheme(url)), href: url.trim() }]);
  for (const profile of Array.isArray(basics.profiles) ? basics.profiles : []) {
    if (!isRecord(profile)) continue;
    const address = filled(profile.url);
    const shown = address ? withoutScheme(address) : [filled(profile.network), filled(profile.username)].filter((part) => part).join(': ');
    if (shown) items.push([{ text: clean(shown), ...(address && { href: address.trim() }) }]);
  }
  return items;
}

function withoutScheme(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/\/$/, '');
}

/** "Jan 2021 – Present"; dates written some other way are printed as written. */
function dated(start: unknown, end: unknown): { dates?: string } {
  const from = filled(start);
  const to = filled(end);
  if (!from && !to) return {};
  if (!from) return { dates: shownDate(to!) };
  return { dates: `${shownDate(from)} – ${to ? shownDate(to) : 'Present'}` };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shownDate(text: string): string {
  const date = /^\d{4}(-\d{2}){0,2}$/.test(text.trim()) ? parseWrittenDate(text.trim()) : undefined;
  if (!date) return clean(text);
  return date.month === undefined ? String(date.year) : `${MONTH_NAMES[date.month - 1]} ${date.year}`;
}

function spansOf(text: string): Span[] {
  return inlineSpans(clean(text)).map((span) => (span.href ? { ...span, href: span.href.trim() } : span));
}

function bold(text: string): Span[] {
  return spansOf(text).map((span) => ({ ...span, bold: true }));
}

function plain(text: string): Span[] {
  return spansOf(text);
}

/** A name that may be a Markdown link already, or have a `url` of its own. */
function named(text: string, url: string | undefined, strong = false): Span[] {
  const own = unlink(text);
  const href = own.url ?? url;
  return spansOf(own.text).map((span) => ({ ...span, ...(strong && { bold: true }), ...(href && !span.href && { href: href.trim() }) }));
}

function joinSpans(parts: readonly (Span[] | '' | undefined)[], separator: string): Span[] {
  const present = parts.filter((part): part is Span[] => Array.isArray(part) && part.length > 0);
  return present.flatMap((part, index) => (index === 0 ? part : [{ text: separator }, ...part]));
}

/**
 * Text the page can carry: control characters become spaces and a lone
 * surrogate (invalid UTF-16, no character at all) the replacement character.
 */
export function clean(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are what this replaces
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

export { plainText };
