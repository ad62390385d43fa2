/**
 * Validates a YAMLResume file with the validator compiled at build time and
 * turns each error into a finding on the exact key or value at fault, with
 * the `schema/*` ids the other layouts' findings use. YAMLResume drops keys
 * it does not know without a word, so those are reported too; `highlights`
 * (JSON Resume's) gets the way YAMLResume writes bullets instead.
 */
import { isScalar } from 'yaml';
import validateYamlResume from './generated/validate-yamlresume';
import { formatPath, type PathEntry, type PathSegment, type ResumeModel } from '../model';
import type { MemoContext } from '../memo';
import { TextReader } from '../textReader';
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
import { yamlResumeKnownKeys, yamlResumeSchemaAt } from './yamlResumeSchemaInfo';

const NAME = 'YAMLResume';

const DATE_KEYS = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** JSON Resume's names for what YAMLResume calls otherwise: a file moved from one to the other keeps them. */
const JSON_RESUME_NAMES: Readonly<Record<string, string>> = { label: 'headline', studyType: 'degree', gpa: 'score' };

/** What each `content` section's entries are called in messages. */
const ENTRY_NAMES: Readonly<Record<string, string>> = {
  work: 'A `work` entry',
  volunteer: 'A `volunteer` entry',
  projects: 'A project',
  education: 'An `education` entry',
  awards: 'An award',
  certificates: 'A certificate',
  publications: 'A publication',
  skills: 'A skill group',
  languages: 'A language',
  interests: 'An interest',
  references: 'A reference',
  profiles: 'A profile',
};

export function validateYamlResumeSchema(model: ResumeModel, memo?: MemoContext): RawFinding[] {
  const value = model.value;
  if (value === undefined || value === null || validateYamlResume(value)) return [];
  const errors: PlacedError[] = (validateYamlResume.errors ?? []).map((error) => ({
    segments: pointerToSegments(value, error.instancePath),
    error,
  }));
  const read = new TextReader(memo);
  return distinctFindings(mostSpecific(errors), (found) => toFinding(model, found, read));
}

function toFinding(model: ResumeModel, { segments, error }: PlacedError, read: TextReader): RawFinding | undefined {
  const entry = model.entries.get(formatPath(segments));
  if (!entry && !(segments.length === 0 && error.keyword === 'required')) return undefined;
  const field = segments[segments.length - 1];
  // An item of a list is named by the list: `courses[0]`.
  const name = typeof field === 'string' ? field : segments.length > 1 ? formatPath(segments.slice(-2)) : undefined;
  if (entry && (error.keyword === 'pattern' || error.keyword === 'format') && hasTemplateToken(entry)) return undefined;
  if (!entry) {
    return {
      ruleId: 'schema/wrong-type',
      range: { start: 0, end: 0 },
      message: `A ${NAME} file needs \`${String(error.params.missingProperty)}\`: the resume goes under it.`,
    };
  }
  const isDate = name !== undefined && DATE_KEYS.has(name);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKey(model, segments, String(error.params.additionalProperty));
    case 'required':
      return {
        ruleId: 'schema/wrong-type',
        range: firstKeyRange(entry),
        message: `${describePlace(segments)} needs \`${String(error.params.missingProperty)}\`: ${NAME} rejects it without one.`,
      };
    case 'enum':
      // The values a branch allows (`fontSize` of a LaTeX layout) are the error's, not the property's.
      return notOneOf(entry, name, asList(error.params.allowedValues) ?? yamlResumeSchemaAt(segments)?.enum ?? [], NAME);
    case 'pattern':
      return isDate ? invalidDate(entry, name, read) : invalidFormat(entry, name);
    case 'format':
      return invalidFormat(entry, name);
    case 'minLength':
    case 'maxLength':
      return isDate && error.keyword === 'minLength'
        ? invalidDate(entry, name, read)
        : wrongLength(entry, name, error.keyword, error.params.limit);
    case 'type':
    case 'anyOf':
      return isDate ? dateNotText(entry, name) : wrongType(entry, name, yamlResumeSchemaAt(segments));
    case 'if':
    case 'allOf':
      // Said by the error inside the branch it stands for.
      return undefined;
  }
  return { ruleId: 'schema/wrong-type', range: entry.valueRange, message: `${label(name)} ${error.message ?? 'is not allowed here'}.` };
}

function unknownKey(model: ResumeModel, parent: PathSegment[], key: string): RawFinding | undefined {
  const entry = model.entries.get(formatPath([...parent, key]));
  if (!entry?.keyRange) return undefined;
  if (key === 'highlights' && parent[0] === 'content') {
    return {
      ruleId: 'schema/unknown-key',
      range: entry.keyRange,
      message: `${NAME} has no \`highlights\` and drops them: write each one as a Markdown list item (\`- \`) in \`summary\`.`,
    };
  }
  return unknownKeyFinding(model, { ...entry, keyRange: entry.keyRange }, parent, yamlResumeKnownKeys(parent), JSON_RESUME_NAMES, {
    guessed: `${NAME} drops it`,
    unguessed: `${NAME} drops keys it does not know`,
  });
}

/** A date with no digit in it ("Present", "Fall"): an empty `endDate` is a current role. */
function invalidDate(entry: PathEntry, name: string | undefined, read: TextReader): RawFinding {
  const value = isScalar(entry.node) ? String(entry.node.value) : '';
  if (name === 'endDate' && read.dateAdvice(value).kind === 'ongoing') {
    return {
      ruleId: 'schema/invalid-date',
      range: entry.valueRange,
      message: `\`${value}\` is not a date ${NAME} reads: for a current role, leave \`endDate\` empty.`,
      fixes: [{ title: 'Remove `endDate`', isPreferred: true, safe: true, changes: [{ kind: 'removeKey', path: entry.path }] }],
    };
  }
  return {
    ruleId: 'schema/invalid-date',
    range: entry.valueRange,
    message: `\`${value}\` is not a date ${NAME} reads in \`${name ?? 'date'}\`: write it as \`Apr 2021\`, \`2021-04\` or \`2021\`.`,
  };
}

/** A date YAML read as a number (`2021`): YAMLResume reads dates as text only, so it is quoted. */
function dateNotText(entry: PathEntry, name: string | undefined): RawFinding {
  const scalar = isScalar(entry.node) ? entry.node : undefined;
  if (!scalar || typeof scalar.value !== 'number') return wrongType(entry, name, { type: 'string' });
  const written = scalar.source !== undefined ? String(scalar.source) : String(scalar.value);
  const quoted = JSON.stringify(written);
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${label(name)} should be text, not a number: ${NAME} reads dates as text only. Write \`${quoted}\`.`,
    fixes: [
      {
        title: `Quote it: \`${quoted}\``,
        isPreferred: true,
        safe: true,
        changes: [{ kind: 'setText', path: entry.path, parts: [written] }],
      },
    ],
  };
}

function invalidFormat(entry: PathEntry, name: string | undefined): RawFinding {
  const messages: Record<string, string> = {
    email: '`email` is not an e-mail address (name@example.com).',
    phone: `\`phone\` is not a phone number ${NAME} reads: digits, spaces and dashes, with an optional leading \`+\` and one pair of parentheses.`,
  };
  const message = (name && messages[name]) ?? `${label(name)} should be a full address starting with https://.`;
  return { ruleId: 'schema/invalid-format', range: entry.valueRange, message };
}

function wrongLength(entry: PathEntry, name: string | undefined, keyword: 'minLength' | 'maxLength', limit: unknown): RawFinding {
  const shorter = keyword === 'minLength';
  return {
    ruleId: 'schema/wrong-type',
    range: entry.valueRange,
    message: `${label(name)} should be ${shorter ? 'at least' : 'at most'} ${String(limit)} characters: ${NAME} rejects a ${shorter ? 'shorter' : 'longer'} one.`,
  };
}

function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function describePlace(segments: PathSegment[]): string {
  const [content, section, index] = segments;
  if (content === 'content' && typeof section === 'string' && typeof index === 'number' && segments.length === 3) {
    return ENTRY_NAMES[section] ?? `\`${formatPath(segments)}\``;
  }
  return `\`${formatPath(segments)}\``;
}
