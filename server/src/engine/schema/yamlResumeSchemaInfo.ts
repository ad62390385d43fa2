/** Read-only questions about YAMLResume's schema, answered by path: which keys a mapping may hold, what a value may be. */
import schemaJson from '../../../../schemas/yamlresume.schema.json';
import type { PathSegment } from '../model';
import type { SchemaNode } from './schemaInfo';

interface YamlResumeSchemaNode extends SchemaNode {
  anyOf?: YamlResumeSchemaNode[];
  oneOf?: YamlResumeSchemaNode[];
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
