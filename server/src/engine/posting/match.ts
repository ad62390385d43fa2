/**
 * The resume against a posting: for each term the posting asks for, whether
 * the resume mentions it (and where: skills keywords, bullets), spells it
 * differently, or misses it; the coverage the status bar and the report
 * show; the order of the resume's languages; and the skills the resume
 * lists but no bullet shows.
 *
 * One match per resume model and posting: the four posting rules share it.
 */
import { isScalar, isSeq, type Range, type Scalar } from 'yaml';
import type { ResumeModel } from '../document';
import { layoutOf, resumeView, type MentionKind, type SkillsGroupView } from '../layouts';
import { proseToRaw } from '../prose';
import { plainReader, type TextReader } from '../textReader';
import { derivedSlot } from '../derived';
import { scalarSourceMap } from '../scalarSource';
import type { OffsetRange, PostingSource } from '../types';
import { extractPostingTerms, type PostingExtraction, type PostingTerm } from './extract';
import { normalizeForm, SKILLS_CATEGORIES, taxonomy, type SkillsCategory } from './taxonomy';

export type { MentionKind } from '../layouts';

export interface ResumeMention {
  canonical: string;
  /** As written in the resume. */
  spelling: string;
  variant: boolean;
  kind: MentionKind;
  /** Path of the scalar: `skills[1].keywords[0]`, `work[0].highlights[2]`. */
  path: string;
  /** Source range of the spelling (the whole scalar when it cannot be mapped exactly). */
  range: OffsetRange;
  scalar: Scalar;
  /** Indices of the spelling in the scalar's parsed value. */
  valueStart: number;
  valueEnd: number;
}

export type TermStatus = 'found' | 'spelled-differently' | 'missing';

export interface TermMatch {
  term: PostingTerm;
  status: TermStatus;
  /** The resume's mentions of the term itself. */
  mentions: ResumeMention[];
  /** For a practice the resume never names: the tools that cover it (Kafka for message queues). */
  coveredBy: string[];
  inSkills: boolean;
  inBullets: boolean;
}

export interface CategoryCoverage {
  category: SkillsCategory;
  matched: number;
  total: number;
}

export interface Coverage {
  /** Terms the resume mentions, however spelled. */
  matched: number;
  total: number;
  /** Of the matched, those spelled differently from the posting. */
  spelledDifferently: number;
  /** Seed order; only categories the posting asks for. */
  byCategory: CategoryCoverage[];
}

export interface LanguageItem {
  /** The item's place in its group: the keyword's index, or the piece's among the comma-separated text. */
  index: number;
  canonical: string;
  mention: ResumeMention;
}

export interface ResumeLanguages {
  group: SkillsGroupView;
  /** Where the group's items are written: `skills[0].keywords`, `cv.sections.skills[0].details`. */
  path: string;
  /** The items as one comma-separated text, where the layout writes them so (RenderCV's `details`). */
  itemsText?: string;
  /** The items that are languages, in the resume's order. */
  languages: LanguageItem[];
}

export interface PostingMatch {
  postingName: string;
  posting: PostingExtraction;
  terms: TermMatch[];
  coverage: Coverage;
  languages?: ResumeLanguages;
  /** Every taxonomy skill the resume lists (posting or not) that no bullet shows, first listing of each. */
  listedNotShown: ResumeMention[];
}

/** Kept per model (`model.derived`): by posting, and every term the resume mentions. */
const MATCHES = derivedSlot<Map<string, PostingMatch>>('posting matches');
const MENTIONS = derivedSlot<ResumeMention[]>('mentions');

/** The resume matched against the posting; kept per model and posting text. */
export function matchResume(model: ResumeModel, source: PostingSource, read: TextReader = plainReader): PostingMatch {
  const byPosting = model.derived.get(MATCHES, () => new Map<string, PostingMatch>());
  const key = `${source.format}\u0000${source.name}\u0000${source.text}`;
  const cached = byPosting.get(key);
  if (cached) return cached;
  const match = computeMatch(model, source, read);
  byPosting.set(key, match);
  return match;
}

function computeMatch(model: ResumeModel, source: PostingSource, read: TextReader): PostingMatch {
  const posting = extractPostingTerms(source);
  const mentions = resumeMentions(model, read);
  const byCanonical = new Map<string, ResumeMention[]>();
  for (const mention of mentions) {
    const list = byCanonical.get(mention.canonical);
    if (list) list.push(mention);
    else byCanonical.set(mention.canonical, [mention]);
  }

  const terms = posting.terms.map((term): TermMatch => {
    const own = byCanonical.get(term.canonical) ?? [];
    const coveredBy = own.length || !term.practice ? [] : coveringTools(term.canonical, byCanonical);
    const status: TermStatus = own.length
      ? sameSpellingSomewhere(term, own)
        ? 'found'
        : 'spelled-differently'
      : coveredBy.length
        ? 'found'
        : 'missing';
    return {
      term,
      status,
      mentions: own,
      coveredBy,
      inSkills: own.some((m) => m.kind === 'skill'),
      inBullets: own.some((m) => m.kind === 'bullet'),
    };
  });

  return {
    postingName: source.name,
    posting,
    terms,
    coverage: coverageOf(terms),
    languages: resumeLanguages(model, mentions),
    listedNotShown: listedNotShown(mentions),
  };
}

/**
 * Whether a keyword search for the posting's spelling finds the resume: the
 * resume uses one of the posting's spellings, or the canonical name (we never
 * push "k8s" over "Kubernetes"), or any form at all of a generic practice.
 */
function sameSpellingSomewhere(term: PostingTerm, mentions: readonly ResumeMention[]): boolean {
  if (term.practice) return true;
  const wanted = [...term.spellings, term.canonical].map(spellingKey);
  return mentions.some((mention) => {
    const written = spellingKey(mention.spelling);
    return wanted.some((key) => written === key || ` ${written} `.includes(` ${key} `));
  });
}

/** "Apache Kafka" and "Kafka", "Amazon SQS" and "SQS" are one spelling for a keyword search. */
function spellingKey(spelling: string): string {
  return normalizeForm(spelling).replace(/^(?:apache|amazon|aws|google cloud|google|microsoft|azure|hashicorp|red hat) /, '');
}

function coveringTools(canonical: string, byCanonical: ReadonlyMap<string, ResumeMention[]>): string[] {
  const tools: string[] = [];
  for (const other of byCanonical.keys()) {
    if (other !== canonical && taxonomy.closure(other).has(canonical)) tools.push(other);
  }
  return tools;
}

function coverageOf(terms: readonly TermMatch[]): Coverage {
  const byCategory = new Map<SkillsCategory, CategoryCoverage>();
  let matched = 0;
  let spelledDifferently = 0;
  for (const match of terms) {
    const category = match.term.skillsCategory;
    let entry = byCategory.get(category);
    if (!entry) {
      entry = { category, matched: 0, total: 0 };
      byCategory.set(category, entry);
    }
    entry.total++;
    if (match.status !== 'missing') {
      entry.matched++;
      matched++;
    }
    if (match.status === 'spelled-differently') spelledDifferently++;
  }
  return {
    matched,
    total: terms.length,
    spelledDifferently,
    byCategory: SKILLS_CATEGORIES.flatMap((category) => byCategory.get(category) ?? []),
  };
}

// ---------------------------------------------------------------------------
// The resume's mentions
// ---------------------------------------------------------------------------

/** Every taxonomy term the resume mentions, in document order; kept per model. */
export function resumeMentions(model: ResumeModel, read: TextReader = plainReader): ResumeMention[] {
  return model.derived.get(MENTIONS, () => findMentions(model, read));
}

function findMentions(model: ResumeModel, read: TextReader): ResumeMention[] {
  const mentions: ResumeMention[] = [];
  // Which strings can name a technology, and as what, is the layout's to say: working at Oracle is not knowing Oracle Database.
  const layout = layoutOf(model);
  for (const entry of model.entries.values()) {
    const node = entry.node;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
    const kind = layout.mentionKind(entry.segments, model);
    if (!kind) continue;
    const value = node.value;
    const prose = read.prose(value);
    let map: number[] | undefined | null = null;
    for (const hit of taxonomy.find(prose.text)) {
      const raw = proseToRaw(prose, hit.start, hit.end);
      if (map === null) map = scalarSourceMap(model.text, node);
      mentions.push({
        canonical: hit.term.canonical,
        spelling: value.slice(raw.start, raw.end),
        variant: hit.variant,
        kind,
        path: entry.path,
        range: rangeOfMention(map, raw, node.range),
        scalar: node,
        valueStart: raw.start,
        valueEnd: raw.end,
      });
    }
  }
  mentions.sort((a, b) => a.range.start - b.range.start);
  return mentions;
}

/** A mention's source range, from the scalar's source map; the whole scalar when it has none. */
function rangeOfMention(map: number[] | undefined, raw: OffsetRange, scalar: Range): OffsetRange {
  const start = map?.[raw.start];
  const last = map?.[raw.end - 1];
  return start !== undefined && last !== undefined ? { start, end: last + 1 } : { start: scalar[0], end: scalar[1] };
}

const LANGUAGES_GROUP = /\blanguages?\b/i;

/**
 * The skills group that lists languages, whatever the layout and whatever it
 * is called ("Software Engineering" may hold them, "Languages" may hold
 * English and French): the one that lists the most, a group named like
 * languages winning a tie, then the first. Only a group whose items are
 * written (a list, or one text of comma-separated items).
 */
export function resumeLanguages(
  model: ResumeModel,
  mentions: readonly ResumeMention[] = resumeMentions(model),
): ResumeLanguages | undefined {
  const groups = resumeView(model).skills.groups.filter(
    (group) => !group.bare && (group.itemsText !== undefined || isSeq(model.entries.get(group.itemsPath)?.node)),
  );
  let best: { group: SkillsGroupView; languages: LanguageItem[]; named: boolean } | undefined;
  for (const group of groups) {
    const languages = languagesIn(group, mentions);
    const named = LANGUAGES_GROUP.test(group.name);
    if (languages.length === 0) continue;
    if (!best || languages.length > best.languages.length || (languages.length === best.languages.length && named && !best.named)) {
      best = { group, languages, named };
    }
  }
  if (!best) return undefined;
  return { group: best.group, path: best.group.itemsPath, itemsText: best.group.itemsText, languages: best.languages };
}

/** The group's items that are languages, one per item ("Go (Golang)" is one), in order. */
function languagesIn(group: SkillsGroupView, mentions: readonly ResumeMention[]): LanguageItem[] {
  const items: LanguageItem[] = [];
  for (const mention of mentions) {
    if (mention.kind !== 'skill' || taxonomy.term(mention.canonical)?.category.id !== 'languages') continue;
    const index = itemIndexOf(group, mention);
    if (index === undefined || items.some((item) => item.index === index)) continue;
    items.push({ index, canonical: mention.canonical, mention });
  }
  return items;
}

/** Which of the group's items a mention is in: by the keyword's path, or by the commas before it in the group's text. */
function itemIndexOf(group: SkillsGroupView, mention: ResumeMention): number | undefined {
  if (group.itemsText !== undefined) {
    return mention.path === group.itemsPath ? textItems(group.itemsText).findIndex((item) => mention.valueStart < item.next) : undefined;
  }
  if (!mention.path.startsWith(`${group.itemsPath}[`)) return undefined;
  return Number(/\[(\d+)\]$/.exec(mention.path)?.[1]);
}

export interface TextItem {
  /** The item's text without the blanks around it. */
  start: number;
  end: number;
  /** Where the next item's piece starts (past the comma), or the text's length. */
  next: number;
}

/** The comma-separated items of a text, as RenderCV's `details` lists skills. */
export function textItems(text: string): TextItem[] {
  const items: TextItem[] = [];
  let start = 0;
  for (const piece of text.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const next = start + piece.length + 1;
    items.push({ start: start + lead, end: start + piece.trimEnd().length, next: Math.min(next, text.length) });
    start = next;
  }
  return items;
}

/** Skills keywords no bullet shows, directly or through a narrower term (a bullet on OpenTelemetry shows tracing). */
function listedNotShown(mentions: readonly ResumeMention[]): ResumeMention[] {
  const shown = new Set<string>();
  for (const mention of mentions) {
    if (mention.kind === 'bullet') for (const canonical of taxonomy.closure(mention.canonical)) shown.add(canonical);
  }
  const seen = new Set<string>();
  const out: ResumeMention[] = [];
  for (const mention of mentions) {
    if (mention.kind !== 'skill' || shown.has(mention.canonical) || seen.has(mention.canonical)) continue;
    seen.add(mention.canonical);
    out.push(mention);
  }
  return out;
}
