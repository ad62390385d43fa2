/** Read-only questions about YAMLResume's schema, answered by path: which keys a mapping may hold, what a value may be. */
import schemaJson from '../../../../schemas/yamlresume.schema.json';
import type { PathSegment } from '../model';
import type { SchemaNode } from './schemaInfo';

interface YamlResumeSchemaNode extends SchemaNode {
  anyOf?: YamlResumeSchemaNode[];
  oneOf?: YamlResumeSchemaNode[];
  /** What holds when sibling keys have given values (a layout's options by its `engine`). */
  allOf?: YamlResumeSchemaNode[];
  if?: { properties?: Record<string, { const?: unknown }> };
  then?: YamlResumeSchemaNode;
}

const rootSchema = schemaJson as YamlResumeSchemaNode;

function resolve(node: YamlResumeSchemaNode | undefined): YamlResumeSchemaNode | undefined {
  let current = node;
  // Local refs only (`#/definitions/x`); a chain longer than a few is a bug.
  for (let depth = 0; current?.$ref && depth < 8; depth++) {
    current = rootSchema.definitions?.[current.$ref.replace(/^#\/definitions\//, '')];
  }
  return current;
}

/** The branch of a union that holds keys or items, or the node itself. */
function structured(node: YamlResumeSchemaNode | undefined, segment: PathSegment): YamlResumeSchemaNode | undefined {
  if (!node || node.properties || node.items) return node;
  const branches = (node.anyOf ?? node.oneOf ?? []).map(resolve);
  return branches.find((branch) => (typeof segment === 'number' ? branch?.items : branch?.properties?.[segment])) ?? node;
}

/** The schema for the value at `segments`; undefined where the schema says nothing. */
export function yamlResumeSchemaAt(segments: readonly PathSegment[]): YamlResumeSchemaNode | undefined {
  let node = resolve(rootSchema);
  for (const segment of segments) {
    node = structured(node, segment);
    if (!node) return undefined;
    node = resolve(typeof segment === 'number' ? node.items : node.properties?.[segment]);
  }
  return node;
}

/** The keys a mapping at `segments` may hold, in schema order. */
export function yamlResumeKnownKeys(segments: readonly PathSegment[]): string[] {
  return Object.keys(yamlResumeSchemaAt(segments)?.properties ?? {});
}

/**
 * The schema at `segments`, titled and described as its key is (`name`:
 * "Company") rather than as the definition it refers to (`text128`:
 * "Text"), for hover and completion.
 */
export function yamlResumeKeyNodeAt(segments: readonly PathSegment[]): YamlResumeSchemaNode | undefined {
  const node = yamlResumeSchemaAt(segments);
  const key = segments.at(-1);
  if (!node || typeof key !== 'string') return node;
  const own = structured(yamlResumeSchemaAt(segments.slice(0, -1)), key)?.properties?.[key];
  if (!own?.$ref) return node;
  const { title = node.title, description = node.description, markdownDescription = node.markdownDescription } = own;
  return { ...node, title, description, markdownDescription };
}

/**
 * The values the schema allows at `segments` once the conditions on the
 * mapping's other keys are read (a `latex` layout's `template`, from its
 * `engine`); `valueAt` gives a value of the file. Empty when none is listed.
 */
export function yamlResumeEnumAt(segments: readonly PathSegment[], valueAt: (path: readonly PathSegment[]) => unknown): unknown[] {
  const own = yamlResumeSchemaAt(segments)?.enum;
  if (own) return own;
  for (let depth = segments.length - 1; depth >= 0; depth--) {
    const owner = segments.slice(0, depth);
    for (const branch of yamlResumeSchemaAt(owner)?.allOf ?? []) {
      const conditions = Object.entries(branch.if?.properties ?? {});
      if (!branch.then || conditions.length === 0) continue;
      if (!conditions.every(([key, { const: value }]) => valueAt([...owner, key]) === value)) continue;
      const found = enumWithin(branch.then, segments.slice(depth));
      if (found) return found;
    }
  }
  return [];
}

/** The enum at `rest` under `node`, or under one of the definitions its `allOf` joins to it. */
function enumWithin(node: YamlResumeSchemaNode, rest: readonly PathSegment[]): unknown[] | undefined {
  for (const start of [node, ...(node.allOf ?? []).map(resolve)]) {
    let current = start;
    for (const segment of rest) current = resolve(typeof segment === 'string' ? current?.properties?.[segment] : current?.items);
    if (current?.enum) return current.enum;
  }
  return undefined;
}
