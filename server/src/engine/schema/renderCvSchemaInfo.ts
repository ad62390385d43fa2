/**
 * Read-only questions about RenderCV's schema, answered by path: which keys
 * a mapping may hold, what a key means. A section's entries are read as the
 * type RenderCV gives the section (its first identifiable entry).
 */
import schemaJson from '../../../../schemas/rendercv.schema.json';
import type { PathSegment } from '../model';
import type { RenderCvEntryType } from '../layouts/renderCvSections';
import type { SchemaNode } from './schemaInfo';

interface RenderCvSchemaNode extends SchemaNode {
  anyOf?: RenderCvSchemaNode[];
  additionalProperties?: boolean | RenderCvSchemaNode;
}

const rootSchema = schemaJson as RenderCvSchemaNode;

/** The schema's definition of each entry type. */
export const ENTRY_DEFINITIONS: Readonly<Record<RenderCvEntryType, string>> = {
  text: 'textEntry',
  oneLine: 'oneLineEntry',
  normal: 'normalEntry',
  experience: 'experienceEntry',
  education: 'educationEntry',
  publication: 'publicationEntry',
  bullet: 'bulletEntry',
  numbered: 'numberedEntry',
  reversedNumbered: 'reversedNumberedEntry',
};

function resolve(node: RenderCvSchemaNode | undefined): RenderCvSchemaNode | undefined {
  let current = node;
  for (let depth = 0; current?.$ref && depth < 8; depth++) {
    current = rootSchema.definitions?.[current.$ref.replace(/^#\/definitions\//, '')];
  }
  return current;
}

/** An entry type's definition. */
export function entryDefinition(type: RenderCvEntryType): RenderCvSchemaNode | undefined {
  return resolve({ $ref: `#/definitions/${ENTRY_DEFINITIONS[type]}` });
}

/**
 * The schema for the value at `segments`; `sectionType` gives the type of
 * a section's entries by its title. Undefined where the schema says nothing.
 */
export function renderCvSchemaAt(
  segments: readonly PathSegment[],
  sectionType: (title: string) => RenderCvEntryType | undefined,
): RenderCvSchemaNode | undefined {
  let node = resolve(rootSchema);
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (!node || segment === undefined) return undefined;
    const inSections = index === 3 && segments[0] === 'cv' && segments[1] === 'sections';
    if (inSections && typeof segment === 'number') {
      const type = sectionType(String(segments[2]));
      node = type ? entryDefinition(type) : undefined;
    } else if (typeof segment === 'number') {
      node = resolve(node.items ?? node.anyOf?.find((branch) => branch.type === 'array')?.items);
    } else if (index === 2 && segments[0] === 'cv' && segments[1] === 'sections') {
      node = resolve({ $ref: '#/definitions/section' });
    } else {
      node = resolve(node.properties?.[segment]);
    }
  }
  return node;
}

/** The keys a mapping at `segments` may hold, in schema order. */
export function renderCvKnownKeys(
  segments: readonly PathSegment[],
  sectionType: (title: string) => RenderCvEntryType | undefined,
): string[] {
  return Object.keys(renderCvSchemaAt(segments, sectionType)?.properties ?? {});
}
