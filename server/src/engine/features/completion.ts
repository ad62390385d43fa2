/**
 * Completion of keys and values from the schema. While a person types, the
 * YAML is often broken, so the context (which mapping the cursor is in) is
 * read from indentation, line by line, rather than from the syntax tree.
 */
import type { PathSegment } from '../document';
import type { LayoutId } from '../layouts/ids';
import type { RenderCvEntryType } from '../layouts/renderCvSections';
import { knownKeys, schemaAt } from '../schema/schemaInfo';
import { snippetsFor, type Snippet } from '../snippets';
import {
  keyEntries,
  labelOf,
  snippetEntry,
  valueEntries,
  valueSuggestions,
  withDistinctLabels,
  type CompletionEntry,
  type CursorContext,
} from './completionItems';
import { renderCvCompletions } from './renderCvCompletion';
import { yamlResumeBlockCompletions, yamlResumeCompletions, type BlockLine } from './yamlResumeCompletion';

export { escapeSnippet, typeLabel, valueSuggestions, type CompletionEntry, type CursorContext } from './completionItems';

/** What the file is, as its last reading says: the layout decides which keys and templates fit. */
export interface CompletionOptions {
  /** JSON Resume when not given. */
  layout?: LayoutId;
  /** RenderCV: the type of the entries of the section titled `title`, when RenderCV can tell. */
  sectionType?: (title: string) => RenderCvEntryType | undefined;
  /** YAMLResume: the value written at a path in the items holding `offset` (a layout's `engine` decides its `template`). */
  valueAt?: (path: readonly PathSegment[], offset: number) => unknown;
}

interface LineShape {
  /** Columns of each `- ` that opens the line. */
  dashColumns: number[];
  /** Column of the key, or of the content after the dashes. */
  column: number;
  key?: string;
  blank: boolean;
}

const KEY_LINE = /^([ \t]*)((?:-[ \t]+)*)(?:([^\s#:'"{}[\],&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*'):(?:[ \t]|$))?/;

function shapeOf(line: string): LineShape {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { dashColumns: [], column: 0, blank: true };
  const match = KEY_LINE.exec(line);
  const indent = match?.[1]?.length ?? 0;
  const dashes = match?.[2] ?? '';
  const dashColumns: number[] = [];
  for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') dashColumns.push(indent + i);
  const key = match?.[3]?.trim().replace(/^["']|["']$/g, '');
  return { dashColumns, column: indent + dashes.length, key, blank: false };
}

/** Where the cursor is: typing a key in some mapping, or a value of some key. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop(); // the empty string after the last line break

  const valueMatch = /^([ \t]*)((?:-[ \t]+)*)([A-Za-z_$][\w$-]*):[ \t]+(\S*)$/.exec(before);
  if (valueMatch) {
    const [, indent = '', dashes = '', key = '', prefix = ''] = valueMatch;
    const keyColumn = indent.length + dashes.length;
    const parent = containerPath(lines, keyColumn, dashColumnsOf(indent, dashes));
    if (!parent) return undefined;
    return {
      kind: 'value',
      path: [...parent, key],
      prefix,
      prefixStart: offset - prefix.length,
      keyColumn,
      siblings: [],
    };
  }
  const keyMatch = /^([ \t]*)((?:-[ \t]+)*)([A-Za-z_$][\w$-]*)?$/.exec(before);
  if (!keyMatch) return undefined;
  const [, indent = '', dashes = '', prefix = ''] = keyMatch;
  const keyColumn = indent.length + dashes.length;
  const dashed = dashes.length > 0;
  const dashColumns = dashColumnsOf(indent, dashes);
  const dashColumn = dashColumns.at(-1);
  const parent = containerPath(lines, keyColumn, dashColumns);
  if (!parent) return undefined;
  const after = text.slice(offset).split(/\r?\n/);
  after.shift();
  return {
    kind: 'key',
    path: parent,
    prefix,
    prefixStart: offset - prefix.length,
    keyColumn,
    dashColumn,
    siblings: dashed ? [] : siblingKeys(lines, after, keyColumn),
  };
}

/**
 * The path of the mapping that holds a key at `column` on the line below
 * `linesAbove`; `dashColumns` are the `- ` that open the line, if any.
 */
function containerPath(linesAbove: string[], column: number, dashColumns: readonly number[]): PathSegment[] | undefined {
  return dashColumns.length === 0
    ? mappingPath(linesAbove, linesAbove.length, column)
    : itemPath(linesAbove, linesAbove.length, dashColumns);
}

/** Columns of each `-` in a run of sequence indicators. */
function dashColumnsOf(indent: string, dashes: string): number[] {
  const columns: number[] = [];
  for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') columns.push(indent.length + i);
  return columns;
}

/**
 * The path of the item a line's dashes open: the first dash is an item of
 * the list above it, and each further dash an item of a list inside that
 * one (`- - x` is `[0][0]`).
 */
function itemPath(lines: string[], below: number, dashColumns: readonly number[]): PathSegment[] | undefined {
  const [outer, ...inner] = dashColumns;
  if (outer === undefined) return undefined;
  const path = sequenceItemPath(lines, below, outer);
  return path && [...path, ...inner.map(() => 0)];
}

/** The path of the line `index`'s own key: its container plus the key. */
function pathOfKeyLine(lines: string[], index: number, shape: LineShape): PathSegment[] | undefined {
  if (!shape.key) return undefined;
  const parent = shape.dashColumns.length === 0 ? mappingPath(lines, index, shape.column) : itemPath(lines, index, shape.dashColumns);
  return parent && [...parent, shape.key];
}

function mappingPath(lines: string[], below: number, column: number): PathSegment[] | undefined {
  for (let i = below - 1; i >= 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank || shape.column > column) continue;
    if (shape.column === column) {
      // A sibling key; if it opened a sequence item, so is our mapping.
      if (shape.dashColumns.length > 0) return itemPath(lines, i, shape.dashColumns);
      continue;
    }
    return pathOfKeyLine(lines, i, shape);
  }
  return [];
}

function sequenceItemPath(lines: string[], below: number, dashColumn: number): PathSegment[] | undefined {
  for (let i = below - 1; i >= 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank || shape.dashColumns.includes(dashColumn)) continue;
    // A dash left of an item's content but right of its own dash belongs to no list: YAML rejects it.
    if (shape.column > dashColumn && shape.dashColumns.some((column) => column < dashColumn)) return undefined;
    // Sibling items and their contents.
    if (shape.column > dashColumn) continue;
    const owner = pathOfKeyLine(lines, i, shape);
    return owner && [...owner, 0];
  }
  return undefined;
}

/** Keys at `column` in the same mapping, above and below the cursor. */
function siblingKeys(above: string[], below: string[], column: number): string[] {
  const keys: string[] = [];
  for (const line of above.slice().reverse()) {
    const shape = shapeOf(line);
    if (shape.blank || shape.column > column) continue;
    if (shape.column < column) break;
    if (shape.key) keys.push(shape.key);
    if (shape.dashColumns.length) break; // the line that opened this item
  }
  for (const line of below) {
    const shape = shapeOf(line);
    if (shape.blank || shape.column > column) continue;
    if (shape.column < column || shape.dashColumns.length) break; // the next item
    if (shape.key) keys.push(shape.key);
  }
  return keys;
}

export function completionsAt(text: string, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  return withDistinctLabels(entriesAt(text, offset, options));
}

function entriesAt(text: string, offset: number, options: CompletionOptions): CompletionEntry[] {
  const comment = commentCompletions(text, offset);
  if (comment) return comment;
  // YAMLResume's bullets are text in a block: no key goes there.
  const block = options.layout === 'yamlresume' ? blockScalarAt(text, offset) : undefined;
  if (block) return yamlResumeBlockCompletions(block, offset);
  const context = cursorContext(text, offset);
  if (!context) return [];
  const replace = { start: context.prefixStart, end: offset };
  if (options.layout === 'rendercv') return renderCvCompletions(context, replace, options.sectionType ?? (() => undefined));
  if (options.layout === 'yamlresume') return yamlResumeCompletions(context, replace, (path) => options.valueAt?.(path, offset));
  if (options.layout !== undefined && options.layout !== 'json-resume') return [];
  if (context.kind === 'value') {
    const node = schemaAt(context.path);
    return valueEntries(valueSuggestions(node), node, replace);
  }
  // YAML lets no tab stand before a mapping's key: after `-` and a tab, only text (a bullet) may follow.
  const mappingFits = !/-[ \t]*\t[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, context.prefixStart));
  const keys = mappingFits ? knownKeys(context.path).filter((key) => !context.siblings.includes(key)) : [];
  const templates = templatesAt(context, mappingFits).map((snippet, index) => snippetEntry(snippet, context, replace, index));
  return [...templates, ...keyEntries(keys, (key) => schemaAt([...context.path, key]), context, replace)];
}

const BULLET_SECTIONS = new Set(['work', 'volunteer', 'projects']);

/**
 * The templates that fit where the cursor is: an entry (a mapping) only
 * where a list item is being started, right after its `- `.
 */
function templatesAt(context: CursorContext, mappingFits: boolean): Snippet[] {
  const { path, dashColumn } = context;
  if (path.length === 0 && context.keyColumn === 0) {
    // The whole skeleton only into an empty file; a section only where it is missing.
    return snippetsFor('document').filter((snippet) =>
      snippet.prefix.includes('skeleton') ? context.siblings.length === 0 : !context.siblings.includes('skills'),
    );
  }
  const [section, , field, item] = path;
  const inBulletSection = typeof section === 'string' && BULLET_SECTIONS.has(section);
  if (inBulletSection && field === 'highlights' && (path.length === 3 || (path.length === 4 && item === 0 && dashColumn !== undefined))) {
    return snippetsFor('highlights');
  }
  if (mappingFits && dashColumn !== undefined && path.length === 2 && (section === 'work' || section === 'projects')) {
    return snippetsFor(section);
  }
  return [];
}

const BLOCK_HEADER = /^[ \t]*(?:-[ \t]+)*[^\s#:'"{}[\],&*!|>%@`-][^:#]*:[ \t]+([|>][1-9+-]{0,2})[ \t]*(?:#.*)?$/;

/**
 * The cursor's line when it is a line of a block scalar (`summary: |`) at
 * the column of the block's text: the first line above left of the cursor's
 * is the block's header, and the block's first line is at the cursor's
 * column (a line further right would set the text's column there, and the
 * cursor's line would end the block).
 */
export function blockScalarAt(text: string, offset: number): BlockLine | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typed = /^([ \t]*)((?:-[ \t]+)?)([\w-]*)$/.exec(text.slice(lineStart, offset));
  if (!typed) return undefined;
  const [, indent = '', dash = '', prefix = ''] = typed;
  const column = indent.length;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop(); // the empty string after the last line break
  let first = column;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const lineColumn = line.length - line.trimStart().length;
    if (lineColumn >= column) {
      first = lineColumn;
      continue;
    }
    const header = BLOCK_HEADER.exec(line);
    const shape = shapeOf(line);
    if (!header || shape.column >= column || first !== column) return undefined;
    const path = pathOfKeyLine(lines, i, shape);
    return (
      path && {
        path,
        indicator: header[1] ?? '',
        column,
        dashColumn: dash ? column : undefined,
        prefix,
        prefixStart: offset - prefix.length,
      }
    );
  }
  return undefined;
}

/**
 * Whether a line indented by `indent` continues a scalar that starts above
 * it (a `|` or `>` block, or a quoted string left open), where a `#` is
 * text, not a comment.
 */
function insideScalar(text: string, lineStart: number, indent: number): boolean {
  const above = text.slice(0, lineStart).split(/\r?\n/);
  above.pop();
  for (const line of above.reverse()) {
    if (line.trim() === '') continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent >= indent) continue;
    const blockHeader = /(?:^|[\s:-])[|>][1-9+-]{0,2}\s*(?:#.*)?$/;
    const openQuote = /(?:^|[\s:-])(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$/;
    return blockHeader.test(line) || openQuote.test(line);
  }
  return false;
}

/** On a comment line: the disable directives. */
function commentCompletions(text: string, offset: number): CompletionEntry[] | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^([ \t]*)#[ \t]*[\w-]*$/.exec(text.slice(lineStart, offset));
  if (!match) return undefined;
  const [, indent = ''] = match;
  const replace = { start: lineStart + indent.length, end: offset };
  if (insideScalar(text, lineStart, indent.length)) return undefined;
  return snippetsFor('comment').map((snippet, index) => ({
    label: labelOf(snippet),
    kind: 'snippet',
    filterText: snippet.prefix.join(' '),
    detail: snippet.name,
    documentation: snippet.description,
    insertText: snippet.body,
    replace,
    sortText: String(index).padStart(3, '0'),
  }));
}
