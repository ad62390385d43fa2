/**
 * What the layouts' schema checks (RenderCV's, YAMLResume's) share: which
 * of several errors at one place to keep, and the findings every layout
 * words alike (a wrong type, a value not among the allowed ones).
 */
import { isScalar } from 'yaml';
import type { SchemaError } from './generated/validate-resume';
import type { FixIntent } from '../fixIntent';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import type { OffsetRange } from '../types';
import { closest } from '../similar';
import { templateTokens } from '../placeholders';
import { TYPE_NAMES, type RawFinding } from './validateSchema';

export interface PlacedError {
  segments: PathSegment[];
  error: SchemaError;
}

/** Which error to keep when several name one place: the most specific. */
const PRIORITY = [
  'additionalProperties',
  'required',
  'enum',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'type',
  'anyOf',
];

/** One error per place (a missing or unknown key is a place of its own): the most specific. */
export function mostSpecific(errors: readonly PlacedError[]): PlacedError[] {
  const byPlace = new Map<string, PlacedError>();
  for (const found of errors) {
    const extra = found.error.keyword === 'additionalProperties' ? `/${String(found.error.params.additionalProperty)}` : '';
    const missing = found.error.keyword === 'required' ? `/${String(found.error.params.missingProperty)}` : '';
    const key = `${formatPath(found.segments)}${extra}${missing}`;
    const kept = byPlace.get(key);
    if (!kept || rank(found.error) < rank(kept.error)) byPlace.set(key, found);
  }
  return [...byPlace.values()];
}

/** The findings of the errors, each said once. */
export function distinctFindings(errors: readonly PlacedError[], toFinding: (found: PlacedError) => RawFinding | undefined): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const found of errors) {
    const finding = toFinding(found);
    if (!finding) continue;
    const key = `${finding.ruleId}:${finding.range.start}:${finding.range.end}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function rank(error: SchemaError): number {
  const index = PRIORITY.indexOf(error.keyword);
  return index === -1 ? PRIORITY.length : index;
}

/** The declared types of a schema node, directly or in its `anyOf` branches. */
interface TypedNode {
  type?: string | string[];
  anyOf?: { type?: string | string[] }[];
}

export function wrongType(entry: PathEntry, name: string | undefined, node: TypedNode | undefined): RawFinding {
  const declared = node?.type ?? node?.anyOf?.flatMap((branch) => branch.type ?? 'string');
  const types = (Array.isArray(declared) ? declared : declared ? [declared] : []).filter((type) => type !== 'null' && type !== 'integer');
  const wanted = [...new Set(types)].map((type) => TYPE_NAMES[type] ?? type).join(' or ') || 'something else';
  const scalar = entry.node;
  const actual = isScalar(scalar)
    ? scalar.value === null
      ? 'empty'
      : (TYPE_NAMES[typeof scalar.value] ?? typeof scalar.value)
    : undefined;
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${label(name)} should be ${wanted}${actual ? `, not ${actual}` : ''}.`,
  };
}

export function notOneOf(
  entry: PathEntry,
  name: string | undefined,
  allowed: readonly unknown[],
  layoutName: string,
  renamed: Readonly<Record<string, string>> = {},
): RawFinding {
  const value = isScalar(entry.node) ? String(entry.node.value) : '';
  const choices = allowed.map(String);
  const guess =
    choices.find((choice) => choice.toLowerCase() === value.toLowerCase()) ??
    (renamed[value] !== undefined && choices.includes(renamed[value]) ? renamed[value] : closest(value, choices));
  const list = choices.map((choice) => `\`${choice}\``).join(', ');
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: guess
      ? `\`${value}\` is not a ${label(name).replace(/`/g, '')} ${layoutName} knows: write \`${guess}\`.`
      : `\`${value}\` is not a ${label(name).replace(/`/g, '')} ${layoutName} knows: write one of ${list}.`,
    fixes: guess ? [{ title: `Change to \`${guess}\``, changes: [{ kind: 'setText', path: entry.path, parts: [guess] }] }] : [],
  };
}

export function label(name: string | undefined): string {
  return name ? `\`${name}\`` : 'This value';
}

/** Where a missing key is reported: the entry's first key, not the whole entry. */
export function firstKeyRange(entry: PathEntry): PathEntry['valueRange'] {
  const node = entry.node as { items?: { key?: { range?: [number, number, number] } }[] } | null;
  const range = node?.items?.[0]?.key?.range;
  return range ? { start: range[0], end: range[1] } : entry.valueRange;
}

export function hasTemplateToken(entry: PathEntry): boolean {
  const node = entry.node;
  return isScalar(node) && typeof node.value === 'string' && templateTokens(node.value).length > 0;
}

/**
 * An unknown key, with the key it most likely means (a renamed one first)
 * and a fix renaming it when that key is not written there already.
 * `says` ends each message: what the layout does with it.
 */
export function unknownKeyFinding(
  model: ResumeModel,
  entry: PathEntry & { keyRange: OffsetRange },
  parent: readonly PathSegment[],
  known: readonly string[],
  renames: Readonly<Record<string, string>>,
  says: { guessed: string; unguessed: string },
): RawFinding {
  const key = String(entry.segments[entry.segments.length - 1]);
  const renamed = renames[key];
  const guess = renamed && known.includes(renamed) ? renamed : closest(key, known);
  const where = parent.length === 0 ? 'at the top level' : `in \`${formatPath(parent)}\``;
  const shown = key.length > 40 ? `${key.slice(0, 39)}…` : key;
  const fixes: FixIntent[] =
    guess && !model.entries.has(formatPath([...parent, guess]))
      ? [{ title: `Rename to \`${guess}\``, changes: [{ kind: 'renameKey', path: entry.path, name: guess }] }]
      : [];
  return {
    ruleId: 'schema/unknown-key',
    range: entry.keyRange,
    message: guess
      ? `Unknown key \`${shown}\` ${where}: ${says.guessed}. Did you mean \`${guess}\`?`
      : `Unknown key \`${shown}\` ${where}: ${says.unguessed}.`,
    fixes,
  };
}
