/**
 * Completion in a resume written as JSON: keys and values from the schema,
 * written as JSON (quoted keys, a colon, a comma when a key follows). The
 * cursor's place is read by `jsonc-parser`, which reads broken JSON too.
 * The templates come written as JSON (jsonTemplates.ts).
 */
import { findNodeAtLocation, getLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { jsonString } from '../json';
import { jsonNestingDepth } from '../jsonParse';
import { FULL_CHECK_MAX_CHARS } from '../limits';
import { MAX_NESTING } from '../nesting';
import { describe, knownKeys, schemaAt, typesOf, type SchemaNode } from '../schema/schemaInfo';
import type { LayoutId } from '../layouts/ids';
import { escapeSnippet, typeLabel, valueSuggestions, type CompletionEntry } from './completionItems';
import { jsonDocumentTemplates, jsonItemTemplates, jsonPropertyTemplates, needsComma, nextSignificant } from './jsonTemplates';

/** Completion in a JSON file read as `layout`: JSON Resume's keys, values and templates; nothing of ours for another layout. */
export function jsonCompletionsAt(text: string, offset: number, layout: LayoutId = 'json-resume'): CompletionEntry[] {
  if (layout !== 'json-resume') return [];
  // The parser recurses once per level: a file it cannot read safely gets no completion.
  if (text.length > FULL_CHECK_MAX_CHARS || jsonNestingDepth(text, MAX_NESTING) > MAX_NESTING) return [];
  if (text.trim() === '') return jsonDocumentTemplates(text);
  const location = getLocation(text, offset);
  const typed = location.previousNode;
  // After a key or a value, not inside it: what belongs there is a comma, a colon or a bracket.
  if (typed && !(typed.offset < offset && offset <= typed.offset + typed.length)) return [];
  const replace = typed ? { start: typed.offset, end: typed.offset + typed.length } : { start: offset, end: offset };
  const path = location.path;
  if (location.isAtPropertyKey) return keyEntries(text, path.slice(0, -1), typed, replace);
  if (typeof path.at(-1) === 'number') {
    // Only a string begun and closed may be replaced by a template: nothing typed, or a bullet's quote.
    if (typed && !closedString(text, typed, offset)) return [];
    return jsonItemTemplates(text, path, replace, typed !== undefined);
  }
  if (typeof path.at(-1) !== 'string' || (typed && typed.type !== 'string')) return [];
  const node = schemaAt(path);
  const comma = needsComma(text, replace.end) ? ',' : '';
  return valueSuggestions(node).map((value, index) => ({
    label: value,
    kind: 'value',
    documentation: describe(node),
    insertText: `${escapeSnippet(isNumber(node, value) ? value : jsonString(value))}${comma}`,
    filterText: isNumber(node, value) ? value : jsonString(value),
    replace,
    sortText: String(index).padStart(3, '0'),
  }));
}

function keyEntries(
  text: string,
  container: (string | number)[],
  typed: JsonNode | undefined,
  replace: CompletionEntry['replace'],
): CompletionEntry[] {
  const siblings = siblingKeys(text, container, typed);
  // Renaming the key of a property that has its value already: the key alone.
  const keyOnly = nextSignificant(text, replace.end) === ':';
  const comma = !keyOnly && needsComma(text, replace.end) ? ',' : '';
  const templates = container.length === 0 && !keyOnly ? jsonPropertyTemplates(text, replace, siblings, comma) : [];
  const keys = knownKeys(container)
    .filter((key) => !siblings.includes(key))
    .map((key, index): CompletionEntry => {
      const node = schemaAt([...container, key]);
      const quoted = escapeSnippet(jsonString(key));
      return {
        label: key,
        kind: 'key',
        detail: node?.title ?? typeLabel(node),
        documentation: describe(node),
        insertText: keyOnly ? quoted : `${quoted}: ${valueSkeleton(node)}${comma}`,
        // What the editor matches against the typed text, which starts with the quote.
        filterText: jsonString(key),
        replace,
        sortText: String(index).padStart(3, '0'),
      };
    });
  return [...templates, ...keys];
}

/** The keys the object already has, but the one being typed. */
function siblingKeys(text: string, container: (string | number)[], typed: JsonNode | undefined): string[] {
  const root = parseTree(text);
  const object = root && (container.length === 0 ? root : findNodeAtLocation(root, container));
  if (object?.type !== 'object') return [];
  return (object.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return key && key.offset !== typed?.offset && typeof key.value === 'string' ? [key.value] : [];
  });
}

/** An empty value of the key's type, with the cursor inside it. */
function valueSkeleton(node: SchemaNode | undefined): string {
  const types = typesOf(node);
  if (types.includes('array')) return '[$0]';
  if (types.includes('object')) return '{$0}';
  if (types.includes('string')) return '"$0"';
  return '$0';
}

function isNumber(node: SchemaNode | undefined, value: string): boolean {
  const types = typesOf(node);
  return (types.includes('number') || types.includes('integer')) && !types.includes('string') && /^-?\d+(\.\d+)?$/.test(value);
}

/** A string begun, closed on its line, with the cursor at its end: a template may replace it, as it replaces a word typed in YAML. */
function closedString(text: string, typed: JsonNode | undefined, offset: number): JsonNode | undefined {
  if (typed?.type !== 'string' || typed.length < 2 || offset !== typed.offset + typed.length - 1) return undefined;
  const raw = text.slice(typed.offset, typed.offset + typed.length);
  return raw.endsWith('"') && !raw.includes('\n') ? typed : undefined;
}
