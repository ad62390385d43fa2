/**
 * The completion entries every layout builds alike: a key with its
 * description and an empty value of its type, a conventional value, a
 * template indented where the cursor is.
 */
import type { PathSegment } from '../model';
import { describe, typesOf, type SchemaNode } from '../schema/schemaInfo';
import { indentBody, withoutLeadingDash, type Snippet } from '../snippets';

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

/** The key entries for `keys`, in that order, each described by its schema node. */
export function keyEntries(
  keys: readonly string[],
  nodeOf: (key: string) => SchemaNode | undefined,
  context: CursorContext,
  replace: CompletionEntry['replace'],
): CompletionEntry[] {
  return keys.map((key, index): CompletionEntry => {
    const node = nodeOf(key);
    return {
      label: key,
      kind: 'key',
      detail: node?.title ?? typeLabel(node),
      documentation: describe(node),
      insertText: keyInsertText(key, node, context.keyColumn),
      replace,
      sortText: String(index).padStart(3, '0'),
    };
  });
}

/** The value entries for `values`, in that order, all described by the key's node. */
export function valueEntries(
  values: readonly string[],
  node: SchemaNode | undefined,
  replace: CompletionEntry['replace'],
): CompletionEntry[] {
  return values.map((value, index) => ({
    label: value,
    kind: 'value',
    documentation: describe(node),
    insertText: escapeSnippet(value),
    replace,
    sortText: String(index).padStart(3, '0'),
  }));
}

/**
 * The entries with no label twice: a template named like a key offered
 * beside it (`skills`, the section, and `skills`, the key) is shown as
 * "skills (template)", and typing "skills" still finds it.
 */
export function withDistinctLabels(entries: readonly CompletionEntry[]): CompletionEntry[] {
  const taken = new Set(entries.filter((entry) => entry.kind !== 'snippet').map((entry) => entry.label));
  return entries.map((entry) => {
    if (entry.kind !== 'snippet') return entry;
    const label = taken.has(entry.label) ? `${entry.label} (template)` : entry.label;
    taken.add(label);
    return label === entry.label ? entry : { ...entry, label, filterText: entry.filterText ?? entry.label };
  });
}

/** A snippet is listed under its first prefix (every snippet has one; its name would do otherwise). */
export function labelOf(snippet: Snippet<string>): string {
  return snippet.prefix[0] ?? snippet.name;
}

export function snippetEntry(
  snippet: Snippet<string>,
  context: CursorContext,
  replace: CompletionEntry['replace'],
  index: number,
): CompletionEntry {
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
