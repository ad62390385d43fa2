/**
 * `convert`: a resume from one layout to another, as text in and text out,
 * with a note for everything that has no place in the target or changed
 * its form. JSON Resume is the hub: RenderCV and YAMLResume are read into
 * it and written from it. Nothing here touches a file.
 */
import { parseResume } from '../document';
import { isJsonText } from '../json';
import { detectLayout, LAYOUT_NAMES, type LayoutId } from '../layouts';
import { renderCvToJsonResume } from './fromRenderCv';
import { withCurrentKeys } from './legacy';
import { yamlResumeToJsonResume } from './fromYamlResume';
import { isRecord, Notes, type ConvertNote } from './shape';
import { jsonResumeToRenderCv } from './toRenderCv';
import { jsonResumeToYamlResume } from './toYamlResume';
import { countComments, jsonText, yamlText } from './write';

export type { ConvertNote };

/** What `--to` names: JSON Resume as JSON or YAML, RenderCV, YAMLResume. */
export type ConvertTarget = 'json' | 'yaml' | 'rendercv' | 'yamlresume';
export const CONVERT_TARGETS: readonly ConvertTarget[] = ['json', 'yaml', 'rendercv', 'yamlresume'];

export const TARGET_NAMES: Readonly<Record<ConvertTarget, string>> = {
  json: `${LAYOUT_NAMES['json-resume']} (JSON)`,
  yaml: `${LAYOUT_NAMES['json-resume']} (YAML)`,
  rendercv: LAYOUT_NAMES.rendercv,
  yamlresume: LAYOUT_NAMES.yamlresume,
};

/** The layout a target is written in. */
function layoutOfTarget(to: ConvertTarget): LayoutId {
  return to === 'json' || to === 'yaml' ? 'json-resume' : to;
}

/** What the source was, as shown to people: "JSON Resume (YAML)", "RenderCV". */
export function sourceName(converted: { from: LayoutId; format: 'json' | 'yaml' }): string {
  return converted.from === 'json-resume' ? TARGET_NAMES[converted.format] : LAYOUT_NAMES[converted.from];
}

export type Converted =
  | {
      ok: true;
      text: string;
      /** The language of `text`. */
      language: 'json' | 'yaml';
      from: LayoutId;
      /** The source's own format. */
      format: 'json' | 'yaml';
      notes: ConvertNote[];
      /** The person's name, for a file name. */
      name?: string;
    }
  | { ok: false; message: string };

/** The schema comment RenderCV and YAMLResume files start with, so editors validate them. */
const HEADERS: Partial<Record<ConvertTarget, string>> = {
  rendercv: ' yaml-language-server: $schema=https://raw.githubusercontent.com/rendercv/rendercv/main/schema.json',
  yamlresume: ' yaml-language-server: $schema=https://yamlresume.dev/schema.json',
};

export function convertResume(text: string, to: ConvertTarget): Converted {
  const parsed = parseSource(text);
  if (!parsed.ok) return parsed;
  const { value, format } = parsed;
  if (!isRecord(value)) return { ok: false, message: 'it is not a resume: its top level is not a mapping of sections' };
  // The layout the linter reads from the same content; convert is given no file name or `layout` setting to go by.
  const from = detectLayout(value).id;
  const targetLayout = layoutOfTarget(to);
  if (from === targetLayout && (from !== 'json-resume' || to === format)) {
    return { ok: false, message: `it is ${LAYOUT_NAMES[from]}${from === 'json-resume' ? ` as ${format.toUpperCase()}` : ''} already` };
  }

  const notes = new Notes();
  // JSON Resume as JSON or YAML is the same value; into another layout, older key names are read as the current ones.
  const hub =
    from === 'rendercv'
      ? renderCvToJsonResume(value, notes)
      : from === 'yamlresume'
        ? yamlResumeToJsonResume(value, notes)
        : targetLayout === 'json-resume'
          ? value
          : withCurrentKeys(value, notes);
  const out = to === 'rendercv' ? jsonResumeToRenderCv(hub, notes) : to === 'yamlresume' ? jsonResumeToYamlResume(hub, notes) : hub;
  const language = to === 'json' ? 'json' : 'yaml';
  const written = language === 'json' ? jsonText(out) : yamlText(out, HEADERS[to]);

  // Read back, the text must hold exactly the value: a file that says something else is never written.
  const reread = parseSource(written);
  if (!reread.ok || !sameValue(reread.value, out)) {
    return {
      ok: false,
      message:
        'the converted text does not read back as the converted resume; this is a bug in Bulletproof, please report it with the file',
    };
  }

  const fileNotes: ConvertNote[] = [];
  if (parsed.loose) fileNotes.push({ path: '', message: 'it is not strict JSON (a trailing comma or a comment): read without them' });
  if (format === 'yaml' || parsed.loose) {
    const comments = countComments(text);
    if (comments > 0) {
      fileNotes.push({
        path: '',
        message:
          language === 'json'
            ? `${plural(comments, 'comment')} dropped: JSON cannot hold comments`
            : `${plural(comments, 'comment')} not carried over: comments have no place in the converted layout`,
      });
    }
    if (parsed.aliases) fileNotes.push({ path: '', message: 'anchors and aliases written out in full' });
  }
  if (language === 'json' && hasNonFinite(out))
    fileNotes.push({ path: '', message: 'a .nan or .inf number has no JSON form: written as null' });
  const basics = isRecord(hub.basics) ? hub.basics : {};
  return {
    ok: true,
    text: written,
    language,
    from,
    format,
    notes: [...fileNotes, ...notes.list],
    name: typeof basics.name === 'string' ? basics.name : undefined,
  };
}

/** JSON problems that leave the value plain to read: the note says the file is not strict JSON. */
const TOLERATED_JSON_PROBLEMS = new Set(['TRAILING_COMMA', 'COMMENT']);

type Parsed = { ok: true; value: unknown; format: 'json' | 'yaml'; aliases: boolean; loose: boolean } | { ok: false; message: string };

function parseSource(text: string): Parsed {
  const json = isJsonText(text);
  if (json) {
    try {
      return {
        ok: true,
        value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
        format: 'json',
        aliases: false,
        loose: false,
      };
    } catch {
      // Not strict JSON: read as the linter reads it, which tolerates a trailing comma or a comment.
    }
  }
  const model = parseResume(text, { format: json ? 'json' : 'yaml' });
  if (model.checked !== 'all' && model.valueProblem) return { ok: false, message: model.valueProblem.message };
  const problem = model.syntaxProblems.find((candidate) => !json || !TOLERATED_JSON_PROBLEMS.has(candidate.code));
  if (problem) {
    const line = lineOf(model.lineStarts, problem.range.start);
    const more = model.syntaxProblems.length - 1;
    return {
      ok: false,
      message: `line ${line}: ${problem.message}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}: fix the ${json ? 'JSON' : 'YAML'} first`,
    };
  }
  if (model.extraDocuments.length > 0 || model.skippedDocuments.length > 0)
    return { ok: false, message: 'it holds more than one YAML document: convert works on one resume per file' };
  if (model.valueProblem) return { ok: false, message: model.valueProblem.message };
  return { ok: true, value: model.value ?? null, format: json ? 'json' : 'yaml', aliases: model.hasAliases, loose: json };
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
  return line + 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Deep equality of plain values (a number that JSON writes as null equals null). */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof b === 'number' && !Number.isFinite(b)) return a === null || Object.is(a, b);
  if (Object.is(a, b) || (a === 0 && b === 0)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue(a[key], b[key]))
    );
  }
  return false;
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFinite);
  return isRecord(value) && Object.values(value).some(hasNonFinite);
}

/**
 * Where the converted file goes when no name is given, beside the input:
 * `resume.yaml` → `resume.json`; RenderCV names its files `<Name>_CV.yaml`;
 * YAMLResume `<base>.yamlresume.yaml`.
 */
export function defaultOutputName(inputName: string, to: ConvertTarget, personName: string | undefined): string {
  const stem = inputName
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/\.yamlresume$/i, '')
    .replace(/_CV$/, '');
  if (to === 'rendercv') {
    const name = personName
      ?.trim()
      .replace(/[\\/:*?"<>|]/g, '')
      .replace(/\p{Cc}/gu, '')
      .replace(/\s+/g, '_');
    return `${name || stem}_CV.yaml`;
  }
  const base = stem.replace(/\.resume$/i, '');
  if (to === 'yamlresume') return `${base}.yamlresume.yaml`;
  // A JSON Resume file keeps "resume" in its name, so the linter's default globs find it.
  const named = /resume/i.test(stem) ? stem : `${stem}.resume`;
  return `${named}.${to}`;
}
