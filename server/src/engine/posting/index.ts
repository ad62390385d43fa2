/**
 * Matching a resume to a job posting's stack: the API the rules, the
 * language server, the CLI and the report use. Pure: the adapters read the
 * posting file and pass its text.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { ResumeModel } from '../document';
import type { Change, FixIntent, TextPart } from '../fixIntent';
import { fixesOf } from '../formatWriters';
import type { RuleContext } from '../rule';
import type { Fix, OffsetRange, PostingSource } from '../types';
import { resumeView, type SkillsGroupView } from '../layouts';
import { newestHighlights } from '../newestHighlights';
import {
  matchResume,
  resumeMentions,
  textItems,
  type LanguageItem,
  type PostingMatch,
  type ResumeLanguages,
  type TermMatch,
  type TermStatus,
} from './match';
import { taxonomy, type SkillsCategory } from './taxonomy';

export { extractPostingTerms, type Importance, type PostingExtraction, type PostingTerm } from './extract';
export {
  matchResume,
  resumeMentions,
  type CategoryCoverage,
  type Coverage,
  type PostingMatch,
  type ResumeLanguages,
  type ResumeMention,
  type TermMatch,
  type TermStatus,
} from './match';
export { SKILLS_CATEGORIES, taxonomy, type SkillsCategory, type Term } from './taxonomy';

/** The posting's format from its file name: `.md` Markdown, `.yaml`/`.yml` and `.json` a JSON Resume job, else text. */
export function postingFormatOf(fileName: string): PostingSource['format'] {
  const lower = fileName.toLowerCase();
  if (/\.(?:md|markdown|mdown|mkd)$/.test(lower)) return 'markdown';
  if (/\.ya?ml$/.test(lower)) return 'yaml';
  if (/\.json$/.test(lower)) return 'json';
  return 'text';
}

/** A posting source for a file the adapter has read. */
export function postingSource(name: string, text: string): PostingSource {
  return { name, text, format: postingFormatOf(name) };
}

/** The resume's own `meta.posting` (a path, relative to the resume), if it names one. */
export function postingReference(model: ResumeModel): string | undefined {
  const node = model.entries.get('meta.posting')?.node;
  return isScalar(node) && typeof node.value === 'string' && node.value.trim() ? node.value.trim() : undefined;
}

/** `posting match 11/14 terms`, for the status bar and the CLI. */
export function coverageLabel(match: PostingMatch): string {
  return `posting match ${match.coverage.matched}/${match.coverage.total} terms`;
}

/** The match as plain data, for `--report --format json` and the report view. */
export interface PostingReport {
  posting: string;
  title?: string;
  mainLanguage?: string;
  /** The resume's languages, in its order (canonical names). */
  resumeLanguages: string[];
  coverage: PostingMatch['coverage'];
  terms: {
    term: string;
    category: string;
    skillsCategory: SkillsCategory;
    status: TermStatus;
    postingSpelling: string;
    resumeSpellings: string[];
    where: string;
    importance: string;
    weight: number;
    inSkills: boolean;
    inBullets: boolean;
    coveredBy: string[];
  }[];
  listedNotShown: { term: string; spelling: string; path: string }[];
}

export function postingReport(match: PostingMatch): PostingReport {
  return {
    posting: match.postingName,
    title: match.posting.title,
    mainLanguage: match.posting.mainLanguage,
    resumeLanguages: match.languages?.languages.map((item) => item.canonical) ?? [],
    coverage: match.coverage,
    terms: match.terms.map((t) => ({
      term: t.term.canonical,
      category: t.term.categoryLabel,
      skillsCategory: t.term.skillsCategory,
      status: t.status,
      postingSpelling: t.term.spelling,
      resumeSpellings: [...new Set(t.mentions.map((m) => m.spelling))],
      where: t.term.where,
      importance: t.term.importance,
      weight: t.term.weight,
      inSkills: t.inSkills,
      inBullets: t.inBullets,
      coveredBy: t.coveredBy,
    })),
    listedNotShown: match.listedNotShown.map((m) => ({ term: m.canonical, spelling: m.spelling, path: m.path })),
  };
}

// ---------------------------------------------------------------------------
// For the posting rules
// ---------------------------------------------------------------------------

/**
 * The change moving one of the languages before another, in the group's own
 * form: a list item moved, or, in one comma-separated text, the item
 * written in front and taken out with the comma before it.
 */
export function moveLanguageChange(list: ResumeLanguages, item: LanguageItem, before: LanguageItem): Change | undefined {
  if (list.itemsText === undefined) return { kind: 'moveItem', path: list.path, from: item.index, to: before.index };
  const items = textItems(list.itemsText);
  const moved = items[item.index];
  const target = items[before.index];
  const previous = items[item.index - 1];
  // The item comes after the one it moves before, so an item precedes it.
  if (!moved || !target || !previous || before.index >= item.index) return undefined;
  return {
    kind: 'editText',
    path: list.path,
    spans: [
      { start: target.start, end: target.start, text: `${list.itemsText.slice(moved.start, moved.end)}, ` },
      { start: previous.end, end: moved.end, text: '' },
    ],
  };
}

/** The match for a rule's lint run, or undefined when no posting was given. */
export function postingMatchOf(context: RuleContext): PostingMatch | undefined {
  const posting = context.options.posting;
  return posting ? matchResume(context.model, posting, context.read) : undefined;
}

/** How a message names a posting term: a practice by its canonical name, a tool as the posting writes it. */
export function termName(term: { canonical: string; spelling: string; practice: boolean }): string {
  return term.practice ? term.canonical : properSpelling(term.spelling);
}

/** The taxonomy's capitalisation of a spelling ("postgresql" → "PostgreSQL"); the spelling itself otherwise. */
export function properSpelling(spelling: string): string {
  return taxonomy.formOf(spelling)?.text ?? spelling;
}

/** Where a finding about the whole skills list goes: the skills list's key, else the resume's first key. */
export function skillsAnchor(model: ResumeModel): OffsetRange | undefined {
  const skillsKey = resumeView(model).skills.keyRange ?? model.entries.get('skills')?.keyRange;
  if (skillsKey) return skillsKey;
  const root = model.document?.contents;
  if (!isMap(root)) return undefined;
  const key = root.items[0]?.key as YamlNode | undefined;
  return key?.range ? { start: key.range[0], end: key.range[1] } : undefined;
}

/** The group a term of this category belongs in: named like the category, else the one already holding most of it. */
export function groupFor(model: ResumeModel, category: SkillsCategory): SkillsGroupView | undefined {
  const groups = resumeView(model).skills.groups.filter((group) => !group.bare);
  const exact = groups.find((g) => g.name.toLowerCase() === category.toLowerCase());
  if (exact) return exact;
  const pattern = taxonomy.groupNames.get(category);
  const named = pattern ? groups.find((g) => g.name !== '' && pattern.test(g.name)) : undefined;
  if (named) return named;
  let best: SkillsGroupView | undefined;
  let bestCount = 0;
  for (const group of groups) {
    let count = 0;
    for (const mention of resumeMentions(model)) {
      const inGroup = mention.path === group.itemsPath || mention.path.startsWith(`${group.itemsPath}[`);
      if (mention.kind === 'skill' && inGroup && taxonomy.term(mention.canonical)?.skillsCategory === category) count++;
    }
    if (count > bestCount) {
      best = group;
      bestCount = count;
    }
  }
  return best;
}

/** A fix adding `value` to the right skills group, creating the group (or the skills list) when there is none. */
export function addSkillIntent(model: ResumeModel, category: SkillsCategory, value: string): FixIntent {
  const skills = resumeView(model).skills;
  const group = groupFor(model, category);
  const title = group
    ? `Add ${value} to ${group.name ? `the ${group.name} skills` : 'this skills group'}`
    : `Add ${value} in a new ${category} skills group`;
  const change: Change = group
    ? skills.addToGroup(group, value)
    : { kind: 'appendItem', path: skills.path, item: skills.groupItem(category, [value]) };
  return { title, changes: [change], safe: false };
}

/** That fix as edits of the resume's text; undefined when it cannot be written cleanly. */
export function addSkillFix(model: ResumeModel, category: SkillsCategory, value: string): Fix | undefined {
  return fixesOf(model, [addSkillIntent(model, category, value)])[0];
}

/**
 * The fix for a term the resume misses: added to its skills group; the
 * posting's main language goes first in the languages group, where
 * `posting-main-language` wants it, so adding it never raises that rule.
 */
export function addTermIntent(model: ResumeModel, match: PostingMatch, { term }: TermMatch): FixIntent {
  const name = termName(term);
  const list = match.languages;
  const first = list?.languages[0];
  if (term.canonical !== match.posting.mainLanguage || !list || !first) return addSkillIntent(model, term.skillsCategory, name);
  const at = list.itemsText === undefined ? undefined : textItems(list.itemsText)[first.index];
  const change: Change = at
    ? { kind: 'editText', path: list.path, spans: [{ start: at.start, end: at.start, text: `${name}, ` }] }
    : { kind: 'insertItem', path: list.path, index: first.index, item: name };
  const title = `Add ${name} first in ${list.group.name ? `the ${list.group.name} skills` : 'this skills group'}`;
  return { title, changes: [change], safe: false };
}

/**
 * Where a bullet showing a skill would go: the newest job's highlights,
 * else the newest project's, when they are a list of text a template can be
 * added to. Undefined when there is none: then there is no bullet to offer,
 * and the posting rules do not ask for one.
 */
export function bulletTarget(model: ResumeModel): string | undefined {
  const path = newestHighlights(model, 'work') ?? newestHighlights(model, 'project');
  const list = path === undefined ? undefined : model.entries.get(path)?.node;
  const last = isSeq(list) ? list.items[list.items.length - 1] : undefined;
  return isScalar(last) && typeof last.value === 'string' ? path : undefined;
}

/**
 * A bullet to fill in that shows `name`: the verb, what was built and its
 * result are placeholders, never made up. The verb too, so the template takes
 * no tense (a current role may be written in the present) and repeats no
 * opening.
 */
export function showTermIntent(target: string, name: string): FixIntent {
  const parts: TextPart[] = [
    { placeholder: '‹Verb›' },
    ' ',
    { placeholder: '‹what you built›' },
    ` with ${name}, `,
    { placeholder: '‹result›' },
  ];
  return { title: `Add a bullet showing ${name}`, changes: [{ kind: 'appendTemplate', path: target, parts }], safe: false };
}
