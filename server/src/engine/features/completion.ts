/**
 * Completion of keys and values from the schema. While a person types, the
 * YAML is often broken, so the context (which mapping the cursor is in) is
 * read from indentation, line by line, rather than from the syntax tree.
 */
import type { PathSegment } from '../document';
import { describe, knownKeys, schemaAt, typesOf, type SchemaNode } from '../schema/schemaInfo';
import { indentBody, snippetsFor, withoutLeadingDash, type Snippet } from '../snippets';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value' | 'snippet';
  /** Markdown. */
  documentation?: string;
  detail?: string;
  /** Snippet syntax. */
  insertText: string;
  /** What typing matches against, when more than the label (a template's other prefixes). */
  filterText?: string;
  /** The text the entry replaces: the partial word before the cursor. */
  replace: { start: number; end: number };
  sortText?: string;
}

export interface CursorContext {
  kind: 'key' | 'value';
  /** Path of the mapping that holds the key (for `key`), or of the key itself (for `value`). */
  path: PathSegment[];
  /** The partial word under the cursor, and where it starts. */
  prefix: string;
  prefixStart: number;
  /** Column where the key starts, for indenting what we insert. */
  keyColumn: number;
  /** Set when the line opens a sequence item (`- `). */
  dashColumn?: number;
  /** Keys already present in the mapping. */
  siblings: string[];
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
    const parent = containerPath(lines, keyColumn, dashColumnOf(indent, dashes));
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
  const dashColumn = dashColumnOf(indent, dashes);
  const parent = containerPath(lines, keyColumn, dashColumn);
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
 * `linesAbove`; `dashColumn` is set when that line opens a sequence item.
 */
function containerPath(linesAbove: string[], column: number, dashColumn: number | undefined): PathSegment[] | undefined {
  return dashColumn === undefined
    ? mappingPath(linesAbove, linesAbove.length, column)
    : sequenceItemPath(linesAbove, linesAbove.length, dashColumn);
}

/** Column of the last `-` in a run of sequence indicators, if any. */
function dashColumnOf(indent: string, dashes: string): number | undefined {
  const last = dashes.lastIndexOf('-');
  return last === -1 ? undefined : indent.length + last;
}

function lastDash(shape: LineShape): number | undefined {
  return shape.dashColumns.at(-1);
}

/** The path of the line `index`'s own key: its container plus the key. */
function pathOfKeyLine(lines: string[], index: number, shape: LineShape): PathSegment[] | undefined {
  if (!shape.key) return undefined;
  const dash = lastDash(shape);
  const parent = dash === undefined ? mappingPath(lines, index, shape.column) : sequenceItemPath(lines, index, dash);
  return parent && [...parent, shape.key];
}

function mappingPath(lines: string[], below: number, column: number): PathSegment[] | undefined {
  for (let i = below - 1; i >= 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (shape.blank || shape.column > column) continue;
    if (shape.column === column) {
      // A sibling key; if it opened a sequence item, so is our mapping.
      const dash = lastDash(shape);
      if (dash !== undefined) return sequenceItemPath(lines, i, dash);
      continue;
    }
    return pathOfKeyLine(lines, i, shape);
  }
  return [];
}

function sequenceItemPath(lines: string[], below: number, dashColumn: number): PathSegment[] | undefined {
  for (let i = below - 1; i >= 0; i--) {
    const shape = shapeOf(lines[i]!);
    // Blank lines, sibling items and their contents.
    if (shape.blank || shape.dashColumns.includes(dashColumn) || shape.column > dashColumn) continue;
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

export function completionsAt(text: string, offset: number): CompletionEntry[] {
  const comment = commentCompletions(text, offset);
  if (comment) return comment;
  const context = cursorContext(text, offset);
  if (!context) return [];
  const replace = { start: context.prefixStart, end: offset };
  if (context.kind === 'value') {
    const node = schemaAt(context.path);
    return valueSuggestions(node).map((value, index) => ({
      label: value,
      kind: 'value',
      documentation: describe(node),
      insertText: escapeSnippet(value),
      replace,
      sortText: String(index).padStart(3, '0'),
    }));
  }
  const keys = knownKeys(context.path).filter((key) => !context.siblings.includes(key));
  const templates = templatesAt(context).map((snippet, index) => snippetEntry(snippet, context, replace, index));
  return [
    ...templates,
    ...keys.map((key, index): CompletionEntry => {
      const node = schemaAt([...context.path, key]);
      return {
        label: key,
        kind: 'key',
        detail: node?.title ?? typeLabel(node),
        documentation: describe(node),
        insertText: keyInsertText(key, node, context.keyColumn),
        replace,
        sortText: String(index).padStart(3, '0'),
      };
    }),
  ];
}

const BULLET_SECTIONS = new Set(['work', 'volunteer', 'projects']);

/** The templates that fit where the cursor is. */
function templatesAt(context: CursorContext): Snippet[] {
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
  if (dashColumn !== undefined && path.length === 2 && (section === 'work' || section === 'projects')) {
    return snippetsFor(section);
  }
  return [];
}

/** A snippet is listed under its first prefix (every snippet has one; its name would do otherwise). */
function labelOf(snippet: Snippet): string {
  return snippet.prefix[0] ?? snippet.name;
}

function snippetEntry(snippet: Snippet, context: CursorContext, replace: CompletionEntry['replace'], index: number): CompletionEntry {
  let body = snippet.body;
  // A bullet typed on a bare line under `highlights:` still needs its dash.
  if (snippet.context === 'highlights' && context.dashColumn === undefined) body = `- ${body}`;
  if (context.dashColumn !== undefined) body = withoutLeadingDash(body);
  return {
    label: labelOf(snippet),
    kind: 'snippet',
    detail: snippet.name,
    documentation: snippet.description,
    filterText: snippet.prefix.join(' '),
    insertText: indentBody(body, ' '.repeat(context.keyColumn)),
    replace,
    // Templates first: they are what a person looks for on an empty line.
    sortText: ` ${String(index).padStart(3, '0')}`,
  };
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

export function valueSuggestions(node: SchemaNode | undefined): string[] {
  const values = [...(node?.enum ?? []), ...(node?.examples ?? [])];
  return [...new Set(values.filter((value) => typeof value === 'string' || typeof value === 'number').map(String))];
}

function keyInsertText(key: string, node: SchemaNode | undefined, column: number): string {
  const types = typesOf(node);
  const indent = ' '.repeat(column + 2);
  if (types.includes('array')) return `${key}:\n${indent}- $0`;
  if (types.includes('object')) return `${key}:\n${indent}$0`;
  return `${key}: $0`;
}

export function typeLabel(node: SchemaNode | undefined): string | undefined {
  const types = typesOf(node);
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return 'section';
  return types.length ? 'text' : undefined;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
