/**
 * Validates the resume's value with the validator compiled at build time and
 * turns each schema error into a finding on the exact key or value at fault.
 */
import validateResume from './generated/validate-resume';
import type { SchemaError } from './generated/validate-resume';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../document';
import type { Report } from '../rule';
import { adviseDate } from '../dates';
import { closest } from '../similar';
import { knownKeys, schemaAt, typesOf } from './schemaInfo';

export interface RawFinding extends Report {
  ruleId: string;
}

/** Names from older JSON Resume versions and other resume tools, and what we call them. */
const RENAMED_KEYS: Record<string, string> = {
  company: 'name',
  website: 'url',
  hilights: 'highlights',
  picture: 'image',
  gpa: 'score',
  organisation: 'organization',
  title: 'position',
};

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

export function validateAgainstSchema(model: ResumeModel): RawFinding[] {
  if (model.value === undefined || model.value === null) return [];
  if (validateResume(model.value)) return [];
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const error of validateResume.errors ?? []) {
    const finding = toFinding(model, error);
    if (!finding) continue;
    // anyOf/oneOf branches can repeat one complaint; say it once.
    const key = `${finding.ruleId}:${finding.range.start}:${finding.range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function toFinding(model: ResumeModel, error: SchemaError): RawFinding | undefined {
  const segments = pointerToSegments(model.value, error.instancePath);
  const entry = model.entries.get(formatPath(segments));
  if (!entry) return undefined;
  const field = segments[segments.length - 1];
  const fieldName = typeof field === 'string' ? field : undefined;

  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(model, segments, String(error.params.additionalProperty));
    case 'type':
      return wrongType(entry, fieldName, typesOf(schemaAt(segments)), valueAt(model.value, segments));
    case 'pattern':
    case 'minimum':
    case 'maximum':
      if (fieldName && DATE_KEYS.has(fieldName)) return invalidDate(model, entry, fieldName);
      break;
    case 'format':
      return invalidFormat(entry, fieldName, String(error.params.format));
  }
  // Nothing else in our schema can fail; keep a readable fallback if it grows.
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${label(fieldName)} ${error.message ?? 'is not allowed here'}.`,
  };
}

function unknownKey(model: ResumeModel, parent: PathSegment[], key: string): RawFinding | undefined {
  const entry = model.entries.get(formatPath([...parent, key]));
  if (!entry?.keyRange) return undefined;
  const candidates = knownKeys(parent);
  const renamed = RENAMED_KEYS[key.toLowerCase()];
  const suggestion = renamed && candidates.includes(renamed) ? renamed : closest(key, candidates);
  const where = describePlace(parent);
  if (!suggestion) {
    return {
      ruleId: 'schema/unknown-key',
      range: entry.keyRange,
      message: `Unknown key \`${key}\` ${where}: JSON Resume themes will ignore it.`,
    };
  }
  const alreadyThere = model.entries.has(formatPath([...parent, suggestion]));
  return {
    ruleId: 'schema/unknown-key',
    range: entry.keyRange,
    message: `Unknown key \`${key}\` ${where}. Did you mean \`${suggestion}\`?`,
    fixes: alreadyThere
      ? []
      : [{ title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [{ range: entry.keyRange, newText: suggestion }] }],
  };
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of `key: value` fields',
  null: 'empty',
};

function wrongType(entry: PathEntry, fieldName: string | undefined, expected: string[], actual: unknown): RawFinding {
  const wanted = expected.includes('string') && expected.includes('integer') ? ['string'] : expected;
  const expectedText = wanted.map((type) => TYPE_NAMES[type] ?? type).join(' or ');
  const actualText = TYPE_NAMES[jsonType(actual)] ?? jsonType(actual);
  let message = `${label(fieldName)} should be ${expectedText}, not ${actualText}.`;
  if (wanted.includes('array') && typeof actual === 'string') {
    message = `${label(fieldName)} should be a list, with one item per line starting with \`- \`, not a single piece of text.`;
  } else if (wanted.includes('string') && actual === null) {
    message = `${label(fieldName)} is empty: write a value or remove the key.`;
  }
  const quotable = wanted.includes('string') && (typeof actual === 'number' || typeof actual === 'boolean');
  if (!quotable) return { ruleId: 'schema/wrong-type', range: entry.valueRange, message };
  // YAML read `3.6` or `yes` as a number or boolean; quoting keeps the text as written.
  const quoted = JSON.stringify(entry.node && 'source' in entry.node ? String(entry.node.source) : String(actual));
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${message} Quote it to keep it as text: ${quoted}.`,
    fixes: [{ title: `Quote it: ${quoted}`, isPreferred: true, safe: true, edits: [{ range: entry.valueRange, newText: quoted }] }],
  };
}

function invalidDate(model: ResumeModel, entry: PathEntry, fieldName: string): RawFinding {
  const raw = model.text.slice(entry.valueRange.start, entry.valueRange.end);
  const value = entry.node && 'value' in entry.node ? String((entry.node as { value: unknown }).value) : raw;
  const advice = adviseDate(value);
  const base = `\`${value}\` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD`;
  if (advice.kind === 'rewrite') {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `${base}, here \`${advice.suggestion}\`.`,
      fixes: [
        {
          title: `Change to \`${advice.suggestion}\``,
          isPreferred: true,
          safe: true,
          edits: [{ range: entry.valueRange, newText: advice.suggestion }],
        },
      ],
    };
  }
  if (advice.kind === 'ongoing' && fieldName === 'endDate' && entry.keyRange) {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `\`${value}\` is not a date: for a current role, leave \`endDate\` out.`,
      fixes: [
        {
          title: 'Remove `endDate` (a current role has none)',
          isPreferred: true,
          safe: true,
          edits: [{ range: wholeLine(model.text, entry.keyRange.start, entry.valueRange.end), newText: '' }],
        },
      ],
    };
  }
  return { ruleId: 'schema/invalid-date', range: entry.valueRange, message: `${base}, for example \`2018-09\`.` };
}

function invalidFormat(entry: PathEntry, fieldName: string | undefined, format: string): RawFinding {
  const message =
    format === 'email'
      ? `${label(fieldName)} is not an e-mail address (name@example.com).`
      : `${label(fieldName)} should be a full address starting with https://.`;
  return { ruleId: 'schema/invalid-format', range: entry.valueRange, message };
}

/** The range of the line(s) holding `[start, end)`, with the line break, for deleting a key. */
function wholeLine(text: string, start: number, end: number): { start: number; end: number } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  return { start: lineStart, end: nextBreak === -1 ? text.length : nextBreak + 1 };
}

function label(fieldName: string | undefined): string {
  return fieldName ? `\`${fieldName}\`` : 'This value';
}

const SECTION_NAMES: Record<string, string> = {
  work: 'a work entry',
  volunteer: 'a volunteer entry',
  education: 'an education entry',
  awards: 'an award',
  certificates: 'a certificate',
  publications: 'a publication',
  skills: 'a skill group',
  languages: 'a language',
  interests: 'an interest',
  references: 'a reference',
  projects: 'a project',
};

function describePlace(parent: PathSegment[]): string {
  if (parent.length === 0) return 'at the top level';
  const [section, second] = parent;
  if (typeof section === 'string' && typeof second === 'number' && parent.length === 2 && SECTION_NAMES[section]) {
    return `in ${SECTION_NAMES[section]}`;
  }
  return `in \`${formatPath(parent)}\``;
}

function pointerToSegments(root: unknown, pointer: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(current) ? Number(part) : part;
    segments.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  }
  return segments;
}

function valueAt(root: unknown, segments: PathSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
