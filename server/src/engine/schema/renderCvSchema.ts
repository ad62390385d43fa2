/**
 * Validates a RenderCV file with the validators compiled at build time and
 * turns each error into a finding on the exact key or value at fault, with
 * the `schema/*` ids JSON Resume's findings use. A section is checked as the
 * one entry type RenderCV gives it (its first identifiable entry), so one
 * wrong date is one finding, not one per type the section could have been.
 */
import { isScalar } from 'yaml';
import * as validators from './generated/validate-rendercv';
import type { SchemaError } from './generated/validate-resume';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import type { FixIntent } from '../fixIntent';
import type { MemoContext } from '../memo';
import { TextReader } from '../textReader';
import { sectionTypeOfValues, type RenderCvEntryType } from '../layouts/renderCvSections';
import { ENTRY_DEFINITIONS, renderCvKnownKeys, renderCvSchemaAt } from './renderCvSchemaInfo';
import { pointerToSegments, type RawFinding } from './validateSchema';
import {
  distinctFindings,
  firstKeyRange,
  hasTemplateToken,
  label,
  mostSpecific,
  notOneOf,
  wrongType,
  unknownKeyFinding,
  type PlacedError,
} from './layoutSchemaFindings';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

const DATE_KEYS = new Set(['start_date', 'end_date', 'date']);

/** Values RenderCV renamed: Twitter became X in 1.11. */
const RENAMED_VALUES: Readonly<Record<string, string>> = { Twitter: 'X' };

/** JSON Resume's names for what RenderCV calls otherwise: a file moved from one to the other keeps them. */
const JSON_RESUME_NAMES: Readonly<Record<string, string>> = { label: 'headline', url: 'website', profiles: 'social_networks' };

export function validateRenderCv(model: ResumeModel, memo?: MemoContext): RawFinding[] {
  const value = model.value;
  if (value === undefined || value === null) return [];
  const sections = isObject(value) && isObject(value.cv) && isObject(value.cv.sections) ? value.cv.sections : {};
  const types = new Map<string, RenderCvEntryType | undefined>();
  for (const [title, items] of Object.entries(sections)) types.set(title, Array.isArray(items) ? sectionTypeOfValues(items) : undefined);
  const sectionType = (title: string) => types.get(title);

  const errors: PlacedError[] = [];
  const findings: RawFinding[] = [];
  if (!validators.file(value)) {
    for (const error of validators.file.errors ?? []) {
      const segments = pointerToSegments(value, error.instancePath);
      // What is inside a section is checked below, as its one type.
      if (segments[0] === 'cv' && segments[1] === 'sections' && segments.length >= 3) continue;
      errors.push({ segments, error });
    }
  }
  for (const [title, items] of Object.entries(sections)) {
    const at: PathSegment[] = ['cv', 'sections', title];
    const finding = sectionProblem(model, at, items, sectionType(title));
    if (finding) findings.push(finding);
    const type = sectionType(title);
    if (!type || !Array.isArray(items)) continue;
    const validate = validators[ENTRY_DEFINITIONS[type] as keyof typeof validators];
    items.forEach((item, index) => {
      if (validate(item)) return;
      for (const error of validate.errors ?? [])
        errors.push({ segments: [...at, index, ...pointerToSegments(item, error.instancePath)], error });
    });
  }

  const read = new TextReader(memo);
  findings.push(...distinctFindings(mostSpecific(errors), ({ segments, error }) => toFinding(model, segments, error, sectionType, read)));
  return findings;
}

/** A section that is not a list, or whose entries RenderCV cannot type: one finding, as RenderCV gives one error. */
function sectionProblem(
  model: ResumeModel,
  at: PathSegment[],
  items: unknown,
  type: RenderCvEntryType | undefined,
): RawFinding | undefined {
  const entry = model.entries.get(formatPath(at));
  if (!entry) return undefined;
  if (!Array.isArray(items)) {
    return {
      ruleId: 'schema/wrong-type',
      range: entry.valueRange,
      message: 'Each section should be a list of entries, one per line starting with `- `.',
    };
  }
  if (type || items.length === 0) return undefined;
  return {
    ruleId: 'schema/wrong-type',
    range: entry.keyRange ?? entry.valueRange,
    message:
      'RenderCV cannot tell what kind of entries this section holds: give them the keys of one type (`company` and `position`, `institution` and `area`, `name`, `label` and `details`, `title` and `authors`, `bullet`), or write plain text.',
  };
}

function toFinding(
  model: ResumeModel,
  segments: PathSegment[],
  error: SchemaError,
  sectionType: (title: string) => RenderCvEntryType | undefined,
  read: TextReader,
): RawFinding | undefined {
  const entry = model.entries.get(formatPath(segments));
  if (!entry) return undefined;
  const field = segments[segments.length - 1];
  const name = typeof field === 'string' ? field : undefined;
  if ((error.keyword === 'pattern' || error.keyword === 'format') && hasTemplateToken(entry)) return undefined;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(model, segments, String(error.params.additionalProperty), sectionType);
    case 'required':
      return {
        ruleId: 'schema/wrong-type',
        range: firstKeyRange(entry),
        message: `${describePlace(segments, sectionType)} needs \`${String(error.params.missingProperty)}\`: RenderCV rejects it without one.`,
      };
    case 'enum':
      return notOneOf(entry, name, renderCvSchemaAt(segments, sectionType)?.enum ?? [], 'RenderCV', RENAMED_VALUES);
    case 'pattern':
    case 'minimum':
    case 'maximum':
      if (name && DATE_KEYS.has(name)) return invalidDate(entry, name, read);
      return invalidFormat(entry, name);
    case 'format':
      return invalidFormat(entry, name);
    case 'type':
    case 'anyOf':
      return wrongType(entry, name, renderCvSchemaAt(segments, sectionType));
    case 'if':
      return undefined;
  }
  return { ruleId: 'schema/wrong-type', range: entry.valueRange, message: `${label(name)} ${error.message ?? 'is not allowed here'}.` };
}

function unknownKey(
  model: ResumeModel,
  parent: PathSegment[],
  key: string,
  sectionType: (title: string) => RenderCvEntryType | undefined,
): RawFinding | undefined {
  const entry = model.entries.get(formatPath([...parent, key]));
  if (!entry?.keyRange) return undefined;
  return unknownKeyFinding(
    model,
    { ...entry, keyRange: entry.keyRange },
    parent,
    renderCvKnownKeys(parent, sectionType),
    JSON_RESUME_NAMES,
    {
      guessed: 'RenderCV rejects it',
      unguessed: 'RenderCV rejects keys it does not know here',
    },
  );
}

/** A date RenderCV cannot read: the advice JSON Resume's dates get, in RenderCV's forms (`present` for a current role). */
function invalidDate(entry: PathEntry, name: string, read: TextReader): RawFinding {
  const scalar = isScalar(entry.node) ? entry.node : undefined;
  const value = scalar ? String(scalar.value) : '';
  const base = `\`${value}\` is not a date RenderCV reads in \`${name}\`: write YYYY-MM, YYYY-MM-DD or YYYY`;
  const advice = read.dateAdvice(value);
  // Only a value written here (not an alias) is rewritten by `--fix`.
  const fix = (to: string): FixIntent[] =>
    scalar
      ? [{ title: `Change to \`${to}\``, isPreferred: true, safe: true, changes: [{ kind: 'setText', path: entry.path, parts: [to] }] }]
      : [];
  if (advice.kind === 'rewrite') {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `${base}, here \`${advice.suggestion}\`.`,
      fixes: fix(advice.suggestion),
    };
  }
  if (advice.kind === 'ongoing' && name === 'end_date') {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `\`${value}\` is not a date: for a current role, write \`end_date: present\`.`,
      fixes: fix('present'),
    };
  }
  return { ruleId: 'schema/invalid-date', range: entry.valueRange, message: `${base}, for example \`2018-09\`.` };
}

function invalidFormat(entry: PathEntry, name: string | undefined): RawFinding {
  const messages: Record<string, string> = {
    email: '`email` is not an e-mail address (name@example.com).',
    phone: '`phone` should start with `+` and the country code, e.g. `+49 30 1234 5678`: RenderCV rejects a number without it.',
    doi: '`doi` should start with `10.`, e.g. `10.1145/3477132.3483540`.',
    username:
      '`username` is not in the form this network takes: an ORCID iD is `0000-0002-1825-0097`, a Mastodon name `@dana@mastodon.social`, a Stack Overflow one `12345/dana`.',
  };
  const message = (name && messages[name]) ?? `${label(name)} should be a full address starting with https://.`;
  return { ruleId: 'schema/invalid-format', range: entry.valueRange, message };
}

const ENTRY_NAMES: Readonly<Record<RenderCvEntryType, string>> = {
  text: 'A text entry',
  oneLine: 'A one-line entry',
  normal: 'A normal entry',
  experience: 'An experience entry',
  education: 'An education entry',
  publication: 'A publication entry',
  bullet: 'A bullet entry',
  numbered: 'A numbered entry',
  reversedNumbered: 'A reversed-numbered entry',
};

function describePlace(segments: PathSegment[], sectionType: (title: string) => RenderCvEntryType | undefined): string {
  const [cv, sections, title, index] = segments;
  if (cv === 'cv' && sections === 'sections' && typeof title === 'string' && typeof index === 'number' && segments.length === 4) {
    const type = sectionType(title);
    if (type) return ENTRY_NAMES[type];
  }
  if (cv === 'cv' && segments[1] === 'social_networks' && segments.length === 3) return 'A social network';
  if (cv === 'cv' && segments[1] === 'custom_connections' && segments.length === 3) return 'A custom connection';
  return `\`${formatPath(segments)}\``;
}
