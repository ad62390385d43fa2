/**
 * Completion in a YAMLResume file: keys from YAMLResume's schema at every
 * level, values it lists (a skill's `level`, a layout's `engine`, and the
 * `template` that engine takes), its entries after `- ` in `work`,
 * `projects` and `skills`, and bullets inside an entry's `summary: |` block,
 * where YAMLResume keeps them as a Markdown list.
 */
import type { PathSegment } from '../model';
import { yamlResumeEnumAt, yamlResumeKeyNodeAt, yamlResumeKnownKeys } from '../schema/yamlResumeSchemaInfo';
import { snippetsFor, yamlResumeSnippetsFor, type Snippet, type YamlResumeSnippetContext } from '../snippets';
import { keyEntries, snippetEntry, valueEntries, valueSuggestions, type CompletionEntry, type CursorContext } from './completionItems';

/** YAMLResume's top-level keys; `layout` (before 0.8) is an old name, not offered. */
const ROOT_KEYS = ['content', 'locale', 'layouts'];

/** The sections whose entries' summaries hold bullets (yamlResumeBullets.ts), and those with an entry template. */
const BULLET_SECTIONS: ReadonlySet<PathSegment | undefined> = new Set(['work', 'volunteer', 'projects']);
const ENTRY_TEMPLATES: ReadonlyMap<PathSegment | undefined, YamlResumeSnippetContext> = new Map([
  ['work', 'work'],
  ['projects', 'projects'],
  ['skills', 'skills'],
]);

/** A line inside a block scalar (`summary: |`), as `blockScalarAt` in completion.ts reads it. */
export interface BlockLine {
  /** Path of the key that holds the block. */
  path: PathSegment[];
  /** The block's header as written: `|`, `|-`, `>`… */
  indicator: string;
  /** Column of the text, or of the `- ` that opens a list item. */
  column: number;
  /** Set when the line opens a list item before the cursor. */
  dashColumn?: number;
  prefix: string;
  prefixStart: number;
}

export function yamlResumeCompletions(
  context: CursorContext,
  replace: CompletionEntry['replace'],
  valueAt: (path: readonly PathSegment[]) => unknown,
): CompletionEntry[] {
  const { path } = context;
  if (context.kind === 'value') {
    const node = yamlResumeKeyNodeAt(path);
    // Every value the schema lists; of its examples, words only: an example date is not the person's date.
    const examples = (node?.examples ?? []).filter((value) => typeof value === 'string' && !/\d/.test(value));
    return valueEntries(valueSuggestions({ enum: yamlResumeEnumAt(path, valueAt), examples }), node, replace);
  }
  const keys = keysAt(context).filter((key) => !context.siblings.includes(key));
  const templates = templatesAt(context).map((snippet, index) => snippetEntry(snippet, context, replace, index));
  const entries = keyEntries(keys, (key) => yamlResumeKeyNodeAt([...path, key]), context, replace);
  return [...templates, ...entries.map((entry) => (entry.label === 'summary' && holdsBullets(path) ? bulletBlock(entry, context) : entry))];
}

/** In an entry's `summary: |` block: the bullets, each a list item (the dash added on a bare line); elsewhere in a block, nothing. */
export function yamlResumeBlockCompletions(line: BlockLine, offset: number): CompletionEntry[] {
  const { path } = line;
  if (path.at(-1) !== 'summary' || !holdsBullets(path.slice(0, -1)) || !line.indicator.startsWith('|')) return [];
  const context: CursorContext = {
    kind: 'key',
    path,
    prefix: line.prefix,
    prefixStart: line.prefixStart,
    keyColumn: line.column,
    dashColumn: line.dashColumn,
    siblings: [],
  };
  const replace = { start: line.prefixStart, end: offset };
  return snippetsFor('highlights').map((snippet, index) => snippetEntry(snippet, context, replace, index));
}

/** An entry of `content.work`, `content.volunteer` or `content.projects`, whose summary is its bullets. */
function holdsBullets(path: readonly PathSegment[]): boolean {
  return path.length === 3 && path[0] === 'content' && BULLET_SECTIONS.has(path[1]) && typeof path[2] === 'number';
}

/** Such an entry's `summary` opens a `|` block with its first list item. */
function bulletBlock(entry: CompletionEntry, context: CursorContext): CompletionEntry {
  return { ...entry, insertText: `summary: |\n${' '.repeat(context.keyColumn + 2)}- $0` };
}

function keysAt(context: CursorContext): string[] {
  const { path, siblings } = context;
  // `layout` written (YAMLResume before 0.8): `layouts` would be a second answer to the same question.
  if (path.length === 0) return ROOT_KEYS.filter((key) => key !== 'layouts' || !siblings.includes('layout'));
  return yamlResumeKnownKeys(path);
}

function templatesAt(context: CursorContext): Snippet<YamlResumeSnippetContext>[] {
  const { path, dashColumn } = context;
  const [content, section, index] = path;
  if (dashColumn === undefined || path.length !== 3 || content !== 'content' || index !== 0) return [];
  const kind = ENTRY_TEMPLATES.get(section);
  return kind ? yamlResumeSnippetsFor(kind) : [];
}
