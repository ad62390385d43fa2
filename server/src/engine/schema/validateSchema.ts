/**
 * Validates the resume's value with the validator compiled at build time and
 * turns each schema error into a finding on the exact key or value at fault.
 */
import validateResume from './generated/validate-resume';
import type { SchemaError } from './generated/validate-resume';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../document';
import type { Report } from '../rule';
import type { TextEdit } from '../types';
import { adviseDate } from '../dates';
import { closest } from '../similar';
import { templateTokens } from '../placeholders';
import { isScalar } from 'yaml';
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

  // An unfilled template slot (`‹YYYY-MM›`) is the placeholder rule's to report, once.
  if ((error.keyword === 'pattern' || error.keyword === 'format') && hasTemplateToken(entry)) return undefined;

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
  const suggestion = suggestedKey(parent, key);
  const where = describePlace(parent);
  if (!suggestion) {
    return {
      ruleId: 'schema/unknown-key',
      range: entry.keyRange,
      message: `Unknown key \`${key}\` ${where}: JSON Resume themes will ignore it.`,
    };
  }
  return {
    ruleId: 'schema/unknown-key',
    range: entry.keyRange,
    message: `Unknown key \`${key}\` ${where}. Did you mean \`${suggestion}\`?`,
    // Renaming onto a key that is already there would duplicate it.
    fixes: model.entries.has(formatPath([...parent, suggestion]))
      ? []
      : [{ title: `Rename to \`${suggestion}\``, isPreferred: true, edits: [{ range: entry.keyRange, newText: suggestion }] }],
  };
}

/** Suggestions by schema location and key: the same typo is reported again on every keystroke. */
const suggestions = new WeakMap<object, Map<string, string | undefined>>();

function suggestedKey(parent: PathSegment[], key: string): string | undefined {
  const location = schemaAt(parent);
  if (!location) return undefined;
  let known = suggestions.get(location);
  if (!known) {
    known = new Map();
    suggestions.set(location, known);
  }
  if (!known.has(key)) {
    // Typing a key letter by letter adds one entry per letter: bounded, not kept forever.
    if (known.size >= 1000) known.clear();
    const candidates = knownKeys(parent);
    const renamed = RENAMED_KEYS[key.toLowerCase()];
    known.set(key, renamed && candidates.includes(renamed) ? renamed : closest(key, candidates));
  }
  return known.get(key);
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
  if (advice.kind === 'ongoing' && fieldName === 'endDate') {
    const removal = entry.keyRange && pairRemoval(model.text, entry.keyRange.start, entry.valueRange.end);
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `\`${value}\` is not a date: for a current role, leave \`endDate\` out.`,
      fixes: removal
        ? [{ title: 'Remove `endDate` (a current role has none)', isPreferred: true, safe: true, edits: [removal] }]
        : [],
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

/**
 * The edit that deletes a `key: value` pair and nothing else: its whole line
 * in a block mapping; the pair and one comma in a flow mapping; and when it
 * opens a list item (`- endDate: …`), up to the next key, which moves up
 * behind the dash. Undefined where no such clean cut exists.
 */
function pairRemoval(text: string, start: number, end: number): TextEdit | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const before = text.slice(lineStart, start);
  const flowBefore = /[{,][ \t]*$/.exec(text.slice(0, start));
  if (flowBefore) {
    const comma = /^[ \t]*,[ \t]*/.exec(text.slice(end));
    if (comma) return { range: { start, end: end + comma[0].length }, newText: '' };
    if (flowBefore[0].startsWith(',')) return { range: { start: start - flowBefore[0].length, end }, newText: '' };
    return undefined;
  }
  if (!/^[ \t]*(#.*)?\r?$/.test(text.slice(end, lineEnd))) return undefined;
  if (before.trim() === '') return { range: { start: lineStart, end: nextBreak === -1 ? text.length : nextBreak + 1 }, newText: '' };
  if (/^[ \t]*-[ \t]+$/.test(before) && nextBreak !== -1) {
    const column = before.length;
    const next = /^([ \t]*)[^\s#-]/.exec(text.slice(nextBreak + 1));
    if (next && next[1].length === column) return { range: { start, end: nextBreak + 1 + column }, newText: '' };
  }
  return undefined;
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

function hasTemplateToken(entry: PathEntry): boolean {
  const node = entry.node;
  return isScalar(node) && typeof node.value === 'string' && templateTokens(node.value).length > 0;
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
