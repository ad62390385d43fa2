/**
 * The curated stack taxonomy (`taxonomy.json`) and the one function that
 * finds its terms in a piece of text, for postings and resumes alike, so
 * "does this text mention PostgreSQL?" has one answer.
 *
 * The data is checked once, when this module loads: a malformed file is a
 * bug in the repo, caught by the taxonomy tests, never a person's problem.
 */
import rawTaxonomy from './taxonomy.json';

/** The skills groups of the seed, in its order. */
export type SkillsCategory = 'Languages' | 'Data' | 'Architecture' | 'Reliability' | 'Cloud';
export const SKILLS_CATEGORIES: readonly SkillsCategory[] = ['Languages', 'Data', 'Architecture', 'Reliability', 'Cloud'];

export interface Category {
  id: string;
  label: string;
  skillsCategory: SkillsCategory;
}

export interface Term {
  canonical: string;
  /** Same meaning, other spelling: a spelling fix may swap one for another. */
  aliases: readonly string[];
  /** Narrower or broader product names (Spring Boot for Spring): matched, never swapped safely. */
  variants: readonly string[];
  category: Category;
  skillsCategory: SkillsCategory;
  /** A generic practice (idempotency): inflections are the same word; tools may imply it. */
  practice: boolean;
  /** Canonical names of the broader terms a mention of this one shows. */
  implies: readonly string[];
  /** Whether it can be a posting's main language (languages only). */
  mainLanguage: boolean;
}

/** One occurrence of a term in a text. */
export interface TermHit {
  term: Term;
  /** Indices into the text searched. */
  start: number;
  end: number;
  /** As written. */
  spelling: string;
  /** Whether the form matched is one of the term's variants. */
  variant: boolean;
}

interface Form {
  text: string;
  term: Term;
  variant: boolean;
  context?: CompiledContext;
}

interface CompiledContext {
  caseSensitive: boolean;
  otherwise: 'accept' | 'reject';
  rejectBefore?: RegExp;
  rejectAfter?: RegExp;
  acceptAlone: boolean;
  acceptNextTo: ReadonlySet<string>;
  acceptBefore?: RegExp;
  acceptAfter?: RegExp;
}

export interface Taxonomy {
  categories: readonly Category[];
  terms: readonly Term[];
  /** Skills group names that hold each category, as whole-word patterns. */
  groupNames: ReadonlyMap<SkillsCategory, RegExp>;
  term(canonical: string): Term | undefined;
  /** The term and every broader term it implies, transitively. */
  closure(canonical: string): ReadonlySet<string>;
  /** Every term mentioned in `text`, in order; ambiguous words only in context. */
  find(text: string): TermHit[];
  /** The taxonomy's own writing of a spelling ("postgresql" → "PostgreSQL"), if it is a form of a term. */
  formOf(spelling: string): { text: string; term: Term; variant: boolean } | undefined;
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

interface RawContext {
  forms: string[];
  caseSensitive?: boolean;
  otherwise?: 'accept' | 'reject';
  reject?: { precededBy?: string[]; followedBy?: string[] };
  accept?: { alone?: boolean; nextTo?: string[]; precededBy?: string[]; followedBy?: string[] };
}

interface RawTerm {
  canonical: string;
  category: string;
  aliases?: string[];
  variants?: string[];
  implies?: string[];
  practice?: boolean;
  skillsCategory?: string;
  mainLanguage?: boolean;
  context?: RawContext;
}

interface RawTaxonomy {
  skillsCategories: { name: string; groupNames: string[] }[];
  categories: { id: string; label: string; skillsCategory: string; practice: boolean }[];
  terms: RawTerm[];
}

/** Builds a taxonomy from its JSON data; throws with a precise message when the data is inconsistent. */
export function loadTaxonomy(data: unknown): Taxonomy {
  const raw = data as RawTaxonomy;
  if (!raw || !Array.isArray(raw.categories) || !Array.isArray(raw.terms) || !Array.isArray(raw.skillsCategories)) {
    throw new Error('taxonomy: categories, terms and skillsCategories must be arrays');
  }
  const groupNames = new Map<SkillsCategory, RegExp>();
  for (const entry of raw.skillsCategories) {
    const name = skillsCategoryOf(entry.name, 'skillsCategories');
    groupNames.set(
      name,
      new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[name.toLowerCase(), ...entry.groupNames].join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    );
  }
  const categories = new Map<string, Category & { practice: boolean }>();
  for (const c of raw.categories) {
    if (categories.has(c.id)) throw new Error(`taxonomy: duplicate category ${c.id}`);
    categories.set(c.id, { id: c.id, label: c.label, skillsCategory: skillsCategoryOf(c.skillsCategory, c.id), practice: c.practice });
  }

  const terms: Term[] = [];
  const byCanonical = new Map<string, Term>();
  const forms: Form[] = [];
  const formOwner = new Map<string, string>();
  for (const t of raw.terms) {
    const category = categories.get(t.category);
    if (!category) throw new Error(`taxonomy: ${t.canonical} has unknown category ${t.category}`);
    if (byCanonical.has(t.canonical)) throw new Error(`taxonomy: duplicate term ${t.canonical}`);
    const term: Term = {
      canonical: t.canonical,
      aliases: t.aliases ?? [],
      variants: t.variants ?? [],
      category: { id: category.id, label: category.label, skillsCategory: category.skillsCategory },
      skillsCategory: t.skillsCategory ? skillsCategoryOf(t.skillsCategory, t.canonical) : category.skillsCategory,
      practice: t.practice ?? category.practice,
      implies: t.implies ?? [],
      mainLanguage: category.id === 'languages' && t.mainLanguage !== false,
    };
    terms.push(term);
    byCanonical.set(term.canonical, term);
    const context = t.context ? compileContext(t.context) : undefined;
    const ambiguous = new Set(t.context?.forms ?? []);
    const all = [
      ...[term.canonical, ...term.aliases].map((text) => ({ text, variant: false })),
      ...term.variants.map((text) => ({ text, variant: true })),
    ];
    for (const { text, variant } of all) {
      const key = normalizeForm(text);
      const owner = formOwner.get(key);
      if (owner) throw new Error(`taxonomy: "${text}" of ${term.canonical} is already a form of ${owner}`);
      formOwner.set(key, term.canonical);
      forms.push({ text, term, variant, context: ambiguous.has(text) ? context : undefined });
    }
    for (const form of ambiguous) {
      if (!all.some((f) => f.text === form)) throw new Error(`taxonomy: context form "${form}" is not a form of ${term.canonical}`);
    }
  }
  for (const term of terms) {
    for (const implied of term.implies) {
      if (!byCanonical.has(implied)) throw new Error(`taxonomy: ${term.canonical} implies unknown term ${implied}`);
    }
  }
  for (const t of raw.terms) {
    for (const category of t.context?.accept?.nextTo ?? []) {
      if (!categories.has(category)) throw new Error(`taxonomy: ${t.canonical} context names unknown category ${category}`);
    }
  }

  const finder = new Finder(forms);
  const closures = new Map<string, ReadonlySet<string>>();
  const closure = (canonical: string): ReadonlySet<string> => {
    let set = closures.get(canonical);
    if (!set) {
      const out = new Set<string>();
      const stack = [canonical];
      while (stack.length) {
        const next = stack.pop() as string;
        if (out.has(next)) continue;
        out.add(next);
        stack.push(...(byCanonical.get(next)?.implies ?? []));
      }
      set = out;
      closures.set(canonical, set);
    }
    return set;
  };

  return {
    categories: [...categories.values()].map(({ id, label, skillsCategory }) => ({ id, label, skillsCategory })),
    terms,
    groupNames,
    term: (canonical) => byCanonical.get(canonical),
    closure,
    find: (text) => finder.find(text),
    formOf: (spelling) => finder.formOf(spelling),
  };
}

function skillsCategoryOf(name: string, where: string): SkillsCategory {
  if ((SKILLS_CATEGORIES as readonly string[]).includes(name)) return name as SkillsCategory;
  throw new Error(`taxonomy: ${where} has unknown skills category ${name}`);
}

/** Case and the space/hyphen between words do not make two forms different. */
export function normalizeForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
}

function compileContext(raw: RawContext): CompiledContext {
  return {
    caseSensitive: raw.caseSensitive ?? false,
    otherwise: raw.otherwise ?? 'reject',
    rejectBefore: beforePattern(raw.reject?.precededBy),
    rejectAfter: afterPattern(raw.reject?.followedBy),
    acceptAlone: raw.accept?.alone ?? false,
    acceptNextTo: new Set(raw.accept?.nextTo ?? []),
    acceptBefore: beforePattern(raw.accept?.precededBy),
    acceptAfter: afterPattern(raw.accept?.followedBy),
  };
}

function wordAlternation(words: readonly string[]): string {
  return words.map((word) => word.replace(/ /g, '\\s+')).join('|');
}

/** Tested on the text just before a match: the listed words end there. */
function beforePattern(words: readonly string[] | undefined): RegExp | undefined {
  if (!words?.length) return undefined;
  return new RegExp(`(?:^|[^\\p{L}\\p{N}'’])(?:${wordAlternation(words)})\\s+$`, 'iu');
}

/** Tested on the text just after a match: "Go services", "Go-based", "TS/SCI". */
function afterPattern(words: readonly string[] | undefined): RegExp | undefined {
  if (!words?.length) return undefined;
  return new RegExp(`^(?:\\s+|\\s*[-/]\\s*)(?:${wordAlternation(words)})(?![\\p{L}\\p{N}])`, 'iu');
}

// ---------------------------------------------------------------------------
// Finding terms
// ---------------------------------------------------------------------------

/** How far around a match the context rules look. */
const CONTEXT_CHARS = 40;

/** Between list items: commas, slashes, brackets, "and", "or". */
const SEPARATOR = /[,;/|()[\]{}:•·\n]|\s+(?:and|or|&|\+|plus|as well as)\s+/giu;

class Finder {
  /**
   * Two instances of one pattern, used with `exec` and `lastIndex`:
   * `matchAll` would clone (and V8 recompile) this large expression on every
   * call. The second serves the neighbour check, which runs inside a `find`.
   */
  private readonly pattern: RegExp;
  private readonly neighbourPattern: RegExp;
  private readonly byKey = new Map<string, Form>();

  constructor(forms: readonly Form[]) {
    for (const form of forms) this.byKey.set(normalizeForm(form.text), form);
    const source = `(?<![\\p{L}\\p{N}_])${trieSource(forms.map((form) => form.text))}(?![\\p{L}\\p{N}_]|[+#](?![\\p{L}\\p{N}]))`;
    this.pattern = new RegExp(source, 'giu');
    this.neighbourPattern = new RegExp(source, 'giu');
  }

  formOf(spelling: string): Form | undefined {
    return this.byKey.get(normalizeForm(spelling));
  }

  find(text: string): TermHit[] {
    const hits: TermHit[] = [];
    if (!text) return hits;
    let segments: Segment[] | undefined;
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const spelling = match[0];
      const form = this.byKey.get(normalizeForm(spelling));
      if (!form) continue;
      const end = start + spelling.length;
      if (form.context) {
        segments ??= segmentsOf(text);
        if (!this.inContext(text, start, end, spelling, form, form.context, segments)) continue;
      }
      hits.push({ term: form.term, start, end, spelling, variant: form.variant });
    }
    return hits;
  }

  private inContext(
    text: string,
    start: number,
    end: number,
    spelling: string,
    form: Form,
    context: CompiledContext,
    segments: Segment[],
  ): boolean {
    if (context.caseSensitive && spelling !== form.text) return false;
    const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
    const after = text.slice(end, end + CONTEXT_CHARS);
    if (context.rejectBefore?.test(before) || context.rejectAfter?.test(after)) return false;
    const index = segments.findIndex((segment) => start >= segment.start && end <= segment.end);
    const segment = segments[index];
    if (context.acceptAlone && segment && trimSegment(text.slice(segment.start, segment.end)) === spelling) return true;
    if (context.acceptNextTo.size && segment) {
      for (const neighbour of [segments[index - 1], segments[index + 1]]) {
        if (neighbour && this.mentionsCategory(text.slice(neighbour.start, neighbour.end), context.acceptNextTo, form.term)) return true;
      }
    }
    if (context.acceptBefore?.test(before) || context.acceptAfter?.test(after)) return true;
    return context.otherwise === 'accept';
  }

  /** A term of one of the categories, written as the taxonomy spells it; no context rules, so no recursion. */
  private mentionsCategory(text: string, categories: ReadonlySet<string>, self: Term): boolean {
    const pattern = this.neighbourPattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const form = this.byKey.get(normalizeForm(match[0]));
      if (!form || form.term === self || !categories.has(form.term.category.id)) continue;
      if (form.context?.caseSensitive && match[0] !== form.text) continue;
      return true;
    }
    return false;
  }
}

interface Segment {
  start: number;
  end: number;
}

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const match of text.matchAll(SEPARATOR)) {
    const at = match.index ?? 0;
    segments.push({ start, end: at });
    start = at + match[0].length;
  }
  segments.push({ start, end: text.length });
  return segments;
}

/** A list item without its surrounding space, emphasis, quotes and final punctuation. */
function trimSegment(segment: string): string {
  return segment.replace(/^[\s*_`"'“‘-]+|[\s*_`"'”’.!?-]+$/gu, '');
}

/** Stands for the space or hyphen between the words of a form. */
const GAP = '\u0000';

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

/**
 * All forms as one regular expression shaped like a trie: a flat list of a
 * few hundred alternatives is tried one by one at every position of the
 * text, a trie branches on each character once. Greedy optional tails keep
 * the longest form that fits ("Google Cloud Pub/Sub" over "Google Cloud"),
 * backing off to a shorter one when the longer fails its word boundary.
 */
function trieSource(forms: readonly string[]): string {
  const root: TrieNode = { children: new Map(), end: false };
  for (const form of forms) {
    let node = root;
    for (const ch of normalizeForm(form).replace(/ /g, GAP)) {
      let child = node.children.get(ch);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  return emit(root);

  function emit(node: TrieNode): string {
    const branches = [...node.children.entries()].map(([ch, child]) => (ch === GAP ? '[\\s-]+' : escapeChar(ch)) + emit(child));
    const [single, ...more] = branches;
    if (single === undefined) return '';
    const body = more.length === 0 ? single : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  }
}

function escapeChar(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

// ---------------------------------------------------------------------------
// The repo's taxonomy
// ---------------------------------------------------------------------------

let loaded: Taxonomy | undefined;
const load = (): Taxonomy => (loaded ??= loadTaxonomy(rawTaxonomy));

/**
 * Built on first use: compiling every term's forms costs tens of
 * milliseconds, which the server must not spend before it says it is ready.
 */
export const taxonomy: Taxonomy = {
  get categories() {
    return load().categories;
  },
  get terms() {
    return load().terms;
  },
  get groupNames() {
    return load().groupNames;
  },
  term: (canonical) => load().term(canonical),
  closure: (canonical) => load().closure(canonical),
  find: (text) => load().find(text),
  formOf: (spelling) => load().formOf(spelling),
};
