/**
 * A job posting's stack: which taxonomy terms it asks for, where, how
 * strongly, and which language leads. Postings come as pasted plain text,
 * Markdown, or JSON Resume job YAML/JSON; all three become the same list of
 * units (a line or sentence with the section it sits in) before the terms
 * are found, so the three formats cannot drift apart.
 *
 * Extraction is cached by posting text: the editor re-lints on every
 * keystroke in the resume while the posting stays the same.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { parseYaml } from '../document';
import { toProse } from '../prose';
import type { PostingSource } from '../types';
import { taxonomy, type SkillsCategory, type Taxonomy } from './taxonomy';

/** How strongly the posting asks for what a unit names, from the section it is in. */
export type Importance = 'title' | 'required' | 'responsibility' | 'preferred' | 'description';

export interface PostingTerm {
  canonical: string;
  /** Taxonomy category id (`datastores`) and its label (`Data stores`). */
  category: string;
  categoryLabel: string;
  skillsCategory: SkillsCategory;
  /** The posting's usual spelling: the most frequent, the first on a tie. */
  spelling: string;
  /** Every spelling the posting uses, most frequent first. */
  spellings: string[];
  /** The strongest place the posting asks for it: `Requirements: '5+ years with PostgreSQL'`. */
  where: string;
  importance: Importance;
  /** Sum over mentions of their section's weight: more and stronger mentions weigh more. */
  weight: number;
  count: number;
  /** A generic practice (idempotency) rather than a named tool. */
  practice: boolean;
}

export interface PostingExtraction {
  format: PostingSource['format'];
  title?: string;
  /** In order of first mention. */
  terms: PostingTerm[];
  /** Canonical name of the language the role centres on. */
  mainLanguage?: string;
}

/** A line or sentence of the posting, with its section. */
export interface PostingUnit {
  section: string;
  importance: Importance;
  text: string;
}

const WEIGHT: Record<Importance, number> = { title: 3, required: 3, responsibility: 2, description: 1, preferred: 1 };
/** Which mention a message quotes: the one that says most about why the posting wants the term. */
const WHERE_RANK: Record<Importance, number> = { required: 5, responsibility: 4, preferred: 3, title: 2, description: 1 };

const CACHE_SIZE = 16;
const cache = new Map<string, PostingExtraction>();

/** The posting's terms and main language; cached by text, so re-linting the resume does not re-extract. */
export function extractPostingTerms(source: PostingSource): PostingExtraction {
  const key = `${source.format}\u0000${source.text}`;
  const cached = cache.get(key);
  if (cached) {
    // Refresh its place: the least recently used posting is the one dropped.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const extraction = extractFromUnits(source.format, postingUnits(source), taxonomy);
  cache.set(key, extraction);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return extraction;
}

/** The posting as units: exported for tests and for a report that wants to quote the posting. */
export function postingUnits(source: PostingSource): PostingUnit[] {
  if (source.format === 'yaml' || source.format === 'json') {
    const units = jobUnits(source.text);
    if (units) return units;
  }
  return textUnits(source.text);
}

export function extractFromUnits(format: PostingSource['format'], units: readonly PostingUnit[], tax: Taxonomy): PostingExtraction {
  interface Aggregate {
    term: PostingTerm;
    spellings: Map<string, number>;
    whereRank: number;
    titleCount: number;
    firstRequired: number;
  }
  const byCanonical = new Map<string, Aggregate>();
  let order = 0;
  for (const unit of units) {
    for (const hit of tax.find(unit.text)) {
      order++;
      let aggregate = byCanonical.get(hit.term.canonical);
      if (!aggregate) {
        aggregate = {
          term: {
            canonical: hit.term.canonical,
            category: hit.term.category.id,
            categoryLabel: hit.term.category.label,
            skillsCategory: hit.term.skillsCategory,
            spelling: hit.spelling,
            spellings: [],
            where: '',
            importance: unit.importance,
            weight: 0,
            count: 0,
            practice: hit.term.practice,
          },
          spellings: new Map(),
          whereRank: -1,
          titleCount: 0,
          firstRequired: Infinity,
        };
        byCanonical.set(hit.term.canonical, aggregate);
      }
      const term = aggregate.term;
      term.count++;
      term.weight += WEIGHT[unit.importance];
      aggregate.spellings.set(hit.spelling, (aggregate.spellings.get(hit.spelling) ?? 0) + 1);
      if (unit.importance === 'title') aggregate.titleCount++;
      if (unit.importance === 'required') aggregate.firstRequired = Math.min(aggregate.firstRequired, order);
      if (WHERE_RANK[unit.importance] > aggregate.whereRank) {
        aggregate.whereRank = WHERE_RANK[unit.importance];
        term.importance = unit.importance;
        term.where = `${unit.section}: '${excerpt(unit.text, hit.start, hit.end)}'`;
      }
    }
  }
  const aggregates = [...byCanonical.values()];
  for (const aggregate of aggregates) {
    // Map order is first-seen order, so a stable sort keeps the first spelling on a tie.
    const spellings = [...aggregate.spellings.entries()].sort((a, b) => b[1] - a[1]).map(([spelling]) => spelling);
    aggregate.term.spellings = spellings;
    aggregate.term.spelling = spellings[0] ?? aggregate.term.spelling;
  }

  const title = units.find((unit) => unit.importance === 'title')?.text;
  return { format, title, terms: aggregates.map((a) => a.term), mainLanguage: mainLanguageOf(aggregates, tax) };

  function mainLanguageOf(all: Aggregate[], t: Taxonomy): string | undefined {
    const languages = all.filter((a) => t.term(a.term.canonical)?.mainLanguage);
    if (!languages.length) return undefined;
    const firstRequired = Math.min(...languages.map((a) => a.firstRequired));
    let best: { canonical: string; score: number } | undefined;
    for (const a of languages) {
      // The title settles it ("Senior Go Engineer"); then weight, with a nudge for the first one the requirements name.
      const score = a.titleCount * 100 + a.term.weight + (a.firstRequired === firstRequired && firstRequired < Infinity ? 2 : 0);
      if (!best || score > best.score) best = { canonical: a.term.canonical, score };
    }
    return best?.canonical;
  }
}

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

type SectionKind = Importance | 'skip';

const SKIP =
  /\b(?:benefits?|perks|compensation|salary|pay range|equal (?:opportunity|employment)|how to apply|apply now|apply|what we offer|we offer|our offer|why join|why work)\b/i;
const PREFERRED =
  /\b(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred|pluses|plus|desired|desirable|optional|ideally|extra credit|great if|not required|would be great)\b/i;
const REQUIRED =
  /\b(?:requirements?|required|qualifications?|must[- ]haves?|must|who you are|about you|you have|you bring|you'll bring|you will bring|what you bring|we(?:'re| are) looking for|looking for|skills|experience|ideal candidate|what you need|what we need|minimum|basic)\b/i;
const RESPONSIBILITY =
  /\b(?:responsibilit(?:y|ies)|what you(?:'ll| will)? do|what you(?:'ll| will) work on|you will|you'll|the role|your role|in this role|day[- ]to[- ]day|duties|your impact|the work|the job)\b/i;
const STACK = /\b(?:stack|technolog(?:y|ies)|tools|tooling|tech)\b/i;

export function classifySection(heading: string): SectionKind {
  const text = heading.trim();
  if (SKIP.test(text)) return 'skip';
  if (PREFERRED.test(text)) return 'preferred';
  // "About the job", "About us": the pitch, not the asks.
  if (/^about\b/i.test(text)) return 'description';
  if (REQUIRED.test(text)) return 'required';
  if (RESPONSIBILITY.test(text)) return 'responsibility';
  if (STACK.test(text)) return 'responsibility';
  return 'description';
}

/** A line that says it is optional, whatever section it sits in. */
const OPTIONAL_LINE = /\b(?:(?:is |would be )?a (?:big )?plus|nice[- ]to[- ]have|bonus points?|is a bonus|not required)\b/i;

// ---------------------------------------------------------------------------
// Plain text and Markdown
// ---------------------------------------------------------------------------

const BULLET = /^\s*(?:[-*+•·◦▪▸►–—]|\d{1,2}[.)]|o(?=\s))\s+/u;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** `**Requirements**` or `__Requirements:__` alone on a line. */
const BOLD_LABEL = /^\s*(\*\*|__)([^*_]{1,60}?):?\1\s*:?\s*$/;
/** `**Stack:** Go, Kafka` or `Tech stack: Go, Kafka`: a label owning the rest of its line. */
const INLINE_LABEL = /^\s*(?:\*\*|__)?([A-Za-z][\w '’/&-]{1,40}?)(?::(?:\*\*|__)|(?:\*\*|__):|:)\s+(\S.*)$/;
const MAX_HEADING_WORDS = 6;
const MAX_TITLE_WORDS = 14;

interface Line {
  raw: string;
  text: string;
  bullet: boolean;
}

export function textUnits(text: string, defaultSection = 'Description', withTitle = true): PostingUnit[] {
  const lines: Line[] = text.split(/\r?\n/).map((raw) => {
    const bullet = BULLET.test(raw) && !MD_HEADING.test(raw);
    const body = bullet ? raw.replace(BULLET, '') : raw;
    return { raw, text: clean(body), bullet };
  });
  const units: PostingUnit[] = [];
  let section = defaultSection;
  let kind: SectionKind = 'description';
  let titleDone = !withTitle;
  let paragraph: string[] = [];

  const flush = (): void => {
    if (paragraph.length && kind !== 'skip') {
      for (const sentence of sentencesOf(paragraph.join(' '))) units.push(unitOf(section, kind, sentence));
    }
    paragraph = [];
  };

  for (const [i, line] of lines.entries()) {
    if (!line.text) {
      flush();
      continue;
    }
    if (!titleDone) {
      titleDone = true;
      const heading = MD_HEADING.exec(line.raw);
      const candidate = heading ? clean(heading[2] ?? '') : line.text;
      if (!line.bullet && wordCount(candidate) <= MAX_TITLE_WORDS && !/[.!?]$/.test(candidate)) {
        units.push({ section: 'Title', importance: 'title', text: candidate });
        continue;
      }
    }
    const heading = line.bullet ? undefined : headingOf(line, lines, i);
    if (heading !== undefined) {
      flush();
      section = heading;
      kind = classifySection(heading);
      continue;
    }
    const inline = line.bullet ? undefined : INLINE_LABEL.exec(line.raw);
    if (inline) {
      const [, rawLabel = '', rest = ''] = inline;
      const label = clean(rawLabel);
      const labelKind = classifySection(label);
      if (labelKind !== 'description' && wordCount(label) <= 4) {
        flush();
        if (labelKind !== 'skip') units.push(unitOf(label, labelKind, clean(rest)));
        continue;
      }
    }
    if (line.bullet) {
      flush();
      if (kind !== 'skip') units.push(unitOf(section, kind, line.text));
      continue;
    }
    paragraph.push(line.text);
  }
  flush();
  return units;
}

function unitOf(section: string, kind: Importance, text: string): PostingUnit {
  const importance = kind !== 'title' && OPTIONAL_LINE.test(text) ? 'preferred' : kind;
  return { section, importance, text };
}

/** The heading a line is, if it is one: Markdown, a bold label, or a short line that introduces a list. */
function headingOf(line: Line, lines: readonly Line[], index: number): string | undefined {
  const md = MD_HEADING.exec(line.raw);
  if (md) return clean(md[2] ?? '').replace(/:$/, '');
  const bold = BOLD_LABEL.exec(line.raw);
  if (bold) return clean(bold[2] ?? '');
  const text = line.text;
  // "Bonus: Rust" is a labelled line, not a heading.
  if (wordCount(text) > MAX_HEADING_WORDS || /[.!?,;]$/.test(text) || /:\s*\S/.test(text) || text.includes(' · ')) return undefined;
  const next = lines.slice(index + 1).find((l) => l.text);
  if (text.endsWith(':') || classifySection(text) !== 'description' || /^about\b/i.test(text) || next?.bullet) {
    return text.replace(/:$/, '').trim();
  }
  return undefined;
}

/** Markdown emphasis, links and code markers off; spaces collapsed. */
function clean(text: string): string {
  return toProse(text).text.replace(/\s+/g, ' ').trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"'“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// JSON Resume job (YAML or JSON)
// ---------------------------------------------------------------------------

/** Units from JSON Resume's job fields; undefined when the text is not such an object. */
function jobUnits(text: string): PostingUnit[] | undefined {
  let root: YamlNode | null;
  try {
    // Guarded against hostile nesting as a resume is.
    const documents = parseYaml(text);
    const document = documents?.length === 1 ? documents[0] : undefined;
    if (!document || document.errors.length) return undefined;
    root = document.contents;
  } catch {
    return undefined;
  }
  if (!isMap(root)) return undefined;
  const field = (name: string): unknown => (root && isMap(root) ? root.get(name, true) : undefined);
  const units: PostingUnit[] = [];
  const title = stringOf(field('title'));
  if (title) units.push({ section: 'Title', importance: 'title', text: clean(title) });
  const description = stringOf(field('description'));
  if (description) units.push(...textUnits(description, 'Description', false));
  for (const item of stringsOf(field('responsibilities'))) units.push(unitOf('Responsibilities', 'responsibility', clean(item)));
  for (const item of stringsOf(field('qualifications'))) units.push(unitOf('Qualifications', 'required', clean(item)));
  const skills = field('skills');
  if (isSeq(skills)) {
    for (const group of skills.items) {
      if (isScalar(group)) {
        const name = stringOf(group);
        if (name) units.push({ section: 'Skills', importance: 'required', text: clean(name) });
        continue;
      }
      if (!isMap(group)) continue;
      const name = stringOf(group.get('name', true));
      const keywords = stringsOf(group.get('keywords', true));
      const list = keywords.map(clean).join(', ');
      const text = name && list ? `${clean(name)}: ${list}` : name ? clean(name) : list;
      if (text) units.push({ section: 'Skills', importance: 'required', text });
    }
  }
  return units.length || title !== undefined ? units : undefined;
}

function stringOf(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

function stringsOf(node: unknown): string[] {
  if (!isSeq(node)) return [];
  return node.items.map(stringOf).filter((s): s is string => s !== undefined && s.trim() !== '');
}

// ---------------------------------------------------------------------------
// Quoting
// ---------------------------------------------------------------------------

const EXCERPT_MAX = 70;
const EXCERPT_SIDE = 30;

/** The unit, or a window of it around the term, cut at word boundaries. */
export function excerpt(text: string, start: number, end: number): string {
  const trimmed = text.trim().replace(/[.;:,]$/, '');
  if (trimmed.length <= EXCERPT_MAX) return trimmed;
  let from = Math.max(0, start - EXCERPT_SIDE);
  let to = Math.min(text.length, end + EXCERPT_SIDE);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (from > start) from = start;
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}
