/**
 * Completion in a resume written as JSON: keys and values from the schema,
 * written as JSON (quoted keys, a colon, a comma when a key follows). The
 * cursor's place is read by `jsonc-parser`, which reads broken JSON too;
 * when the lint's model of the same text is at hand, from its tree, so a
 * request does not parse the file again (jsonLocation.ts). The templates
 * come written as JSON (jsonTemplates.ts).
 */
import { findNodeAtLocation, getLocation, parseTree } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { jsonString } from '../json';
import { jsonNestingDepth } from '../jsonParse';
import { FULL_CHECK_MAX_CHARS } from '../limits';
import { MAX_NESTING } from '../nesting';
import { describe, knownKeys, schemaAt, typesOf, type SchemaNode } from '../schema/schemaInfo';
import type { LayoutId } from '../layouts/ids';
import type { ResumeModel } from '../model';
import { escapeSnippet, typeLabel, valueSuggestions, withDistinctLabels, type CompletionEntry } from './completionItems';
import { jsonLocationAt, type JsonCursor } from './jsonLocation';
import { jsonDocumentTemplates, jsonItemTemplates, jsonPropertyTemplates, needsComma, nextSignificant } from './jsonTemplates';

type TypedNode = JsonCursor['previousNode'];

/**
 * Completion in a JSON file read as `layout`: JSON Resume's keys, values and
 * templates; nothing of ours for another layout. `model` is the lint's
 * reading of the file, used when it is of this very text.
 */
export function jsonCompletionsAt(text: string, offset: number, layout: LayoutId = 'json-resume', model?: ResumeModel): CompletionEntry[] {
  if (layout !== 'json-resume') return [];
  const parsed = model?.format === 'json' && model.text === text ? model : undefined;
  // The parser recurses once per level: a file it cannot read safely gets no completion (nor is it checked in full).
  const unsafe = parsed
    ? parsed.checked !== 'all'
    : text.length > FULL_CHECK_MAX_CHARS || jsonNestingDepth(text, MAX_NESTING) > MAX_NESTING;
  if (unsafe) return [];
  if (text.trim() === '') return jsonDocumentTemplates(text);
  const root = parsed ? (parsed.document?.contents ?? null) : undefined;
  const location = root === undefined ? getLocation(text, offset) : jsonLocationAt(text, offset, root);
  const typed = location.previousNode;
  // After a key or a value, not inside it: what belongs there is a comma, a colon or a bracket.
  if (typed && !(typed.offset < offset && offset <= typed.offset + typed.length)) return [];
  const replace = typed ? { start: typed.offset, end: typed.offset + typed.length } : { start: offset, end: offset };
  const path = location.path;
  if (location.isAtPropertyKey) return withDistinctLabels(keyEntries(text, path.slice(0, -1), typed, replace, root));
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
  typed: TypedNode,
  replace: CompletionEntry['replace'],
  root: YamlNode | null | undefined,
): CompletionEntry[] {
  const siblings = root === undefined ? siblingKeys(text, container, typed) : treeSiblingKeys(root, container, typed);
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
function siblingKeys(text: string, container: (string | number)[], typed: TypedNode): string[] {
  const root = parseTree(text);
  const object = root && (container.length === 0 ? root : findNodeAtLocation(root, container));
  if (object?.type !== 'object') return [];
  return (object.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return key && key.offset !== typed?.offset && typeof key.value === 'string' ? [key.value] : [];
  });
}

/**
 * The same, read from the model's tree: the object found as jsonc-parser's
 * `findNodeAtLocation` finds it (the first key of that name that has a
 * value; the item by its place among the array's values).
 */
function treeSiblingKeys(root: YamlNode | null, container: (string | number)[], typed: TypedNode): string[] {
  let node: unknown = root;
  for (const segment of container) {
    if (typeof segment === 'string') {
      const pair = isMap(node)
        ? node.items.find((item) => isScalar(item.key) && item.key.value === segment && item.value !== null)
        : undefined;
      node = pair?.value;
    } else {
      node = isSeq(node) ? node.items[segment] : undefined;
    }
  }
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => {
    const key = isPair(pair) && isScalar(pair.key) ? pair.key : undefined;
    return key && key.range?.[0] !== typed?.offset && typeof key.value === 'string' ? [key.value] : [];
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
function closedString(text: string, typed: TypedNode, offset: number): TypedNode {
  if (typed?.type !== 'string' || typed.length < 2 || offset !== typed.offset + typed.length - 1) return undefined;
  const raw = text.slice(typed.offset, typed.offset + typed.length);
  return raw.endsWith('"') && !raw.includes('\n') ? typed : undefined;
}
