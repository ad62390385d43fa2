/**
 * Validates the resume's value with the validator compiled at build time and
 * turns each schema error into a finding on the exact key or value at fault.
 * Fixes that rewrite or remove a value are built only when asked for (a code
 * action, `--fix`): finding the comments around a value lexes the whole
 * file, too much for every keystroke.
 */
import validateResume from './generated/validate-resume';
import type { SchemaError } from './generated/validate-resume';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../document';
import type { Report } from '../rule';
import type { Change, FixIntent } from '../fixIntent';
import type { MemoContext } from '../memo';
import { TextReader } from '../textReader';
import { closest } from '../similar';
import { templateTokens } from '../placeholders';
import { isAlias, isScalar, type Scalar } from 'yaml';
import { knownKeys, schemaAt, typesOf } from './schemaInfo';
import { aliasedScalar, placesOf } from '../anchors';
import { disabledRules } from '../disableComments';

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

/** The names resume-schema used before 1.0 (`work[].company`, `basics.website`, `education[].gpa`): themes written then may still read them. */
const OLD_JSON_RESUME_KEYS = new Set(['company', 'website', 'picture', 'gpa']);

/** The title of the fix that renames them all, before its count. */
export const RENAME_ALL_TITLE = 'Rename the old JSON Resume keys';

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** `memo` is the lint's: what it remembers (a typo's suggestion, a date's advice) follows its policy. */
export function validateAgainstSchema(model: ResumeModel, memo?: MemoContext): RawFinding[] {
  if (model.value === undefined || model.value === null) return [];
  if (validateResume(model.value)) return [];
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  const structured = new Map<string, unknown[]>();
  for (const error of validateResume.errors ?? []) {
    if (isStructuredHighlight(model.value, error, structured)) continue;
    const finding = toFinding(model, error, memo);
    if (!finding) continue;
    // anyOf/oneOf branches can repeat one complaint; say it once.
    const key = `${finding.ruleId}:${finding.range.start}:${finding.range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  addRenameAll(model, findings);
  for (const [list, items] of structured) {
    const finding = structuredHighlights(model, list, items);
    if (finding) findings.push(finding);
  }
  return findings;
}

const HIGHLIGHT_ITEM = /^(\/(?:work|volunteer|projects)\/\d+\/highlights)\/\d+$/;

/**
 * A highlight written as a mapping (`- text: …` with `tags: […]`) or a
 * nested list: kept aside, by its list, for one finding on the whole list
 * instead of one per item.
 */
function isStructuredHighlight(root: unknown, error: SchemaError, structured: Map<string, unknown[]>): boolean {
  const list = error.keyword === 'type' ? HIGHLIGHT_ITEM.exec(error.instancePath)?.[1] : undefined;
  if (list === undefined) return false;
  const item = valueAt(root, pointerToSegments(root, error.instancePath));
  if (item === null || typeof item !== 'object') return false;
  const items = structured.get(list) ?? [];
  // anyOf/oneOf branches can repeat one complaint.
  if (!items.includes(item)) items.push(item);
  structured.set(list, items);
  return true;
}

/** "`highlights` should be a list of text, one bullet per item: 4 items here are sets of fields (`text`, `tags`)." */
function structuredHighlights(model: ResumeModel, list: string, items: readonly unknown[]): RawFinding | undefined {
  const entry = model.entries.get(formatPath(pointerToSegments(model.value, list)));
  if (!entry?.keyRange) return undefined;
  const mappings = items.filter((item) => !Array.isArray(item));
  const lists = items.length - mappings.length;
  const keys = [...new Set(mappings.flatMap((item) => Object.keys(item as object)))];
  const shown = keys.length > 4 ? [...keys.slice(0, 4).map((key) => `\`${key}\``), '…'] : keys.map((key) => `\`${key}\``);
  const parts: string[] = [];
  if (mappings.length === 1) parts.push(`1 item here is a set of fields (${shown.join(', ')})`);
  else if (mappings.length > 1) parts.push(`${mappings.length} items here are sets of fields (${shown.join(', ')})`);
  if (lists > 0)
    parts.push(`${lists} ${lists === 1 ? 'item is a nested list' : 'items are nested lists'}${mappings.length ? '' : ' here'}`);
  return {
    ruleId: 'schema/wrong-type',
    range: entry.keyRange,
    message: `\`highlights\` should be a list of text, one bullet per item: ${parts.join(' and ')}. JSON Resume themes expect text here.`,
  };
}

/** Whether the key at `segments` is an old JSON Resume name where the schema knows its new one. */
export function isOldJsonResumeKey(segments: readonly PathSegment[]): boolean {
  const key = segments[segments.length - 1];
  if (typeof key !== 'string' || !OLD_JSON_RESUME_KEYS.has(key.toLowerCase())) return false;
  const renamed = RENAMED_KEYS[key.toLowerCase()];
  return renamed !== undefined && knownKeys(segments.slice(0, -1)).includes(renamed);
}

/**
 * Each old JSON Resume name's finding also offers one fix that renames
 * every one in the file. Fix all takes each key's own fix first; this one
 * then overlaps them and is left out, so nothing is renamed twice.
 */
function addRenameAll(model: ResumeModel, findings: RawFinding[]): void {
  const renames: { finding: RawFinding; change: Change & { kind: 'renameKey' }; segments: PathSegment[]; target: string }[] = [];
  for (const finding of findings) {
    const fix = Array.isArray(finding.fixes) ? finding.fixes[0] : undefined;
    const change = fix?.safe ? fix.changes[0] : undefined;
    const entry = change?.kind === 'renameKey' ? model.entries.get(change.path) : undefined;
    if (!change || change.kind !== 'renameKey' || !entry) continue;
    renames.push({ finding, change, segments: entry.segments, target: formatPath([...entry.segments.slice(0, -1), change.name]) });
  }
  // `Company` and `company` in one entry would both become `name`: neither rename is safe.
  const byTarget = new Map<string, number>();
  for (const { target } of renames) byTarget.set(target, (byTarget.get(target) ?? 0) + 1);
  for (const { finding, change, target } of renames) {
    if (byTarget.get(target) !== 1) finding.fixes = [{ title: `Rename to \`${change.name}\``, changes: [change] }];
  }
  const disabled = disabledRules(model);
  const old = renames.filter(
    ({ finding, segments, target }) =>
      byTarget.get(target) === 1 && isOldJsonResumeKey(segments) && !disabled.isDisabled(finding.ruleId, finding.range.start),
  );
  if (old.length < 2) return;
  const all: FixIntent = { title: `${RENAME_ALL_TITLE} (${old.length})`, safe: true, changes: old.map(({ change }) => change) };
  for (const { finding } of old) finding.fixes = [...(finding.fixes as FixIntent[]), all];
}

function toFinding(model: ResumeModel, error: SchemaError, memo: MemoContext | undefined): RawFinding | undefined {
  const segments = pointerToSegments(model.value, error.instancePath);
  const entry = model.entries.get(formatPath(segments));
  if (!entry) return undefined;
  const field = segments[segments.length - 1];
  const fieldName = typeof field === 'string' ? field : undefined;

  // An unfilled template slot (`‹YYYY-MM›`) is the placeholder rule's to report, once.
  if ((error.keyword === 'pattern' || error.keyword === 'format') && hasTemplateToken(entry)) return undefined;

  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(model, segments, String(error.params.additionalProperty), memo);
    case 'type':
      return wrongType(model, entry, fieldName, typesOf(schemaAt(segments)), valueAt(model.value, segments));
    case 'pattern':
    case 'minimum':
    case 'maximum':
      if (fieldName && DATE_KEYS.has(fieldName)) return invalidDate(model, entry, fieldName, new TextReader(memo));
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

function unknownKey(model: ResumeModel, parent: PathSegment[], key: string, memo: MemoContext | undefined): RawFinding | undefined {
  const entry = model.entries.get(formatPath([...parent, key]));
  if (!entry?.keyRange) return undefined;
  const suggested = suggestedKey(parent, key, memo);
  const where = describePlace(parent);
  if (!suggested) {
    return {
      ruleId: 'schema/unknown-key',
      range: entry.keyRange,
      message: `Unknown key \`${key}\` ${where}: JSON Resume themes will ignore it.`,
    };
  }
  return {
    ruleId: 'schema/unknown-key',
    range: entry.keyRange,
    message: `Unknown key \`${key}\` ${where}. Did you mean \`${suggested.name}\`?`,
    // Renaming onto a key that is already there would duplicate it.
    fixes: model.entries.has(formatPath([...parent, suggested.name])) ? [] : [renameFix(entry.path, suggested)],
  };
}

/**
 * An old JSON Resume name (`company` → `name`) has one right new name: a
 * fix. A likely typo's nearest key is a guess: a suggestion.
 */
function renameFix(path: string, suggested: SuggestedKey): FixIntent {
  const fix: FixIntent = { title: `Rename to \`${suggested.name}\``, changes: [{ kind: 'renameKey', path, name: suggested.name }] };
  return suggested.renamed ? { ...fix, isPreferred: true, safe: true } : fix;
}

interface SuggestedKey {
  name: string;
  /** From the table of old and other tools' names, not a guess from the spelling. */
  renamed: boolean;
}

/**
 * The key meant, by schema location and key: the same typo is reported again
 * on every keystroke, so a lint remembers it. A location is its path with the
 * list indexes left out: every item of a list has the same keys.
 */
function suggestedKey(parent: PathSegment[], key: string, memo: MemoContext | undefined): SuggestedKey | undefined {
  if (!schemaAt(parent)) return undefined;
  const suggest = (): SuggestedKey | undefined => {
    const candidates = knownKeys(parent);
    const renamed = RENAMED_KEYS[key.toLowerCase()];
    const guess = closest(key, candidates);
    return renamed && candidates.includes(renamed) ? { name: renamed, renamed: true } : guess ? { name: guess, renamed: false } : undefined;
  };
  if (!memo) return suggest();
  const location = parent.map((segment) => (typeof segment === 'number' ? 0 : segment));
  // Typing a key letter by letter adds one answer per letter: bounded, not kept forever.
  return memo.get('schema key', JSON.stringify([...location, key]), suggest, 1000);
}

export const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of `key: value` fields',
  null: 'empty',
};

function wrongType(model: ResumeModel, entry: PathEntry, fieldName: string | undefined, expected: string[], actual: unknown): RawFinding {
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
  const scalar = quotable ? scalarOf(model, entry) : undefined;
  if (!scalar) return { ruleId: 'schema/wrong-type', range: entry.valueRange, message };
  // YAML read `3.6` or `yes` as a number or boolean; quoting keeps the text as written.
  const written = scalar.source !== undefined ? String(scalar.source) : String(actual);
  const quoted = JSON.stringify(written);
  const wantsText = (place: PathEntry) => typesOf(schemaAt(place.segments)).includes('string');
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${message} Quote it to keep it as text: ${quoted}.`,
    fixes: () => [inPlaceFix(model, entry, scalar, written, `Quote it: ${quoted}`, wantsText)],
  };
}

/** The scalar an entry holds: its own, or the one its alias stands for. */
function scalarOf(model: ResumeModel, entry: PathEntry): Scalar | undefined {
  const node = entry.node;
  if (isScalar(node)) return node;
  return isAlias(node) ? aliasedScalar(model, node) : undefined;
}

/**
 * A fix writing `value` over the scalar, where it is written: for an alias,
 * at its anchor, so the alias stays. Every alias of that anchor changes too,
 * so it is safe only when each place the value shows up `fits` the new
 * value; otherwise a suggestion.
 */
function inPlaceFix(
  model: ResumeModel,
  entry: PathEntry,
  scalar: Scalar,
  value: string,
  title: string,
  fits: (place: PathEntry) => boolean,
): FixIntent {
  const changes = [{ kind: 'setText', path: entry.path, parts: [value] } as const];
  const places = placesOf(model, scalar, entry);
  if (places && places.every(fits)) return { title, changes, isPreferred: true, safe: true };
  return { title, changes };
}

function invalidDate(model: ResumeModel, entry: PathEntry, fieldName: string, read: TextReader): RawFinding {
  const scalar = scalarOf(model, entry);
  const value = scalar ? String(scalar.value) : model.text.slice(entry.valueRange.start, entry.valueRange.end);
  const advice = read.dateAdvice(value);
  const base = `\`${value}\` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD`;
  if (advice.kind === 'rewrite') {
    const isDate = (place: PathEntry) => DATE_KEYS.has(String(place.segments[place.segments.length - 1]));
    const title = `Change to \`${advice.suggestion}\``;
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `${base}, here \`${advice.suggestion}\`.`,
      fixes: () => (scalar ? [inPlaceFix(model, entry, scalar, advice.suggestion, title, isDate)] : []),
    };
  }
  if (advice.kind === 'ongoing' && fieldName === 'endDate') {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `\`${value}\` is not a date: for a current role, leave \`endDate\` out.`,
      // The writer never removes an anchored `Present` an alias still uses.
      fixes: () => [
        {
          title: 'Remove `endDate` (a current role has none)',
          isPreferred: true,
          safe: true,
          changes: [{ kind: 'removeKey', path: entry.path }],
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

export function pointerToSegments(root: unknown, pointer: string): PathSegment[] {
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
