/**
 * Read-only questions about our resume schema, answered by path: which keys
 * a mapping may hold, what a key means, which values are conventional. Used
 * for did-you-mean, completion and hover.
 */
import schemaJson from '../../../../schemas/resume.schema.json';
import type { PathSegment } from '../document';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  examples?: unknown[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  definitions?: Record<string, SchemaNode>;
}

const rootSchema = schemaJson as SchemaNode;

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  // Local refs only (`#/definitions/x`); a chain longer than a few is a bug.
  for (let depth = 0; current?.$ref && depth < 8; depth++) {
    const name = current.$ref.replace(/^#\/definitions\//, '');
    current = rootSchema.definitions?.[name];
  }
  return current;
}

/** The schema for the value at `segments`, or undefined where the schema says nothing. */
export function schemaAt(segments: readonly PathSegment[]): SchemaNode | undefined {
  let node = resolve(rootSchema);
  for (const segment of segments) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? resolve(node.items) : resolve(node.properties?.[segment]);
  }
  return node;
}

/** The keys a mapping at `segments` may hold, in schema order. */
export function knownKeys(segments: readonly PathSegment[]): string[] {
  return Object.keys(schemaAt(segments)?.properties ?? {});
}

export function describe(node: SchemaNode | undefined): string | undefined {
  return node?.markdownDescription ?? node?.description;
}

export function typesOf(node: SchemaNode | undefined): string[] {
  if (!node?.type) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}
