/**
 * JSON Resume's templates written as JSON, for a resume kept in a `.json`
 * file: the YAML of each template is read with its tab stops held by
 * markers, printed as JSON in the file's own indentation, and the tab stops
 * put back, so what is inserted is a JSON value (a `work` entry, a bullet
 * string, the `skills` property, the whole skeleton) where one may go.
 */
import { parse as parseYaml } from 'yaml';
import { jsonString, jsonValue } from '../json';
import { isObject } from '../layouts/common';
import { snippetsFor, type Snippet } from '../snippets';
import { escapeSnippet, labelOf, type CompletionEntry } from './completionItems';

/** `${1:default}`, `${1|a,b|}`, `${1}`, `$1`: what our templates use (none nests or escapes). */
const TAB_STOP = /\$\{\d+:[^}]*\}|\$\{\d+\|[^|}]*\|\}|\$\{\d+\}|\$\d+/g;
/** Private-use characters: plain text to YAML and JSON, and in no template. */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

const BULLET_SECTIONS = new Set(['work', 'volunteer', 'projects']);

type Replace = CompletionEntry['replace'];

/** The templates for an empty file: the skeleton as a JSON document. */
export function jsonDocumentTemplates(text: string): CompletionEntry[] {
  const unit = indentUnitOf(text);
  return snippetsFor('document')
    .filter((snippet) => snippet.prefix.includes('skeleton'))
    .flatMap((snippet, index) => {
      const body = jsonBody(snippet.body, unit, '');
      return body === undefined ? [] : [templateEntry(snippet, `${body}\n$0`, { start: 0, end: text.length }, index)];
    });
}

/** At a key of the root object: the `skills` section as a property, while the resume has none. */
export function jsonPropertyTemplates(text: string, replace: Replace, siblings: readonly string[], comma: string): CompletionEntry[] {
  if (siblings.includes('skills')) return [];
  const unit = indentUnitOf(text);
  const base = lineIndentAt(text, replace.start);
  return snippetsFor('document')
    .filter((snippet) => !snippet.prefix.includes('skeleton'))
    .flatMap((snippet, index) => {
      // The section is `skills: [...]`: its value follows the quoted key.
      const value = jsonBody(snippet.body, unit, base, (section) => (isObject(section) ? section.skills : undefined));
      return value === undefined
        ? []
        : [templateEntry(snippet, `${escapeSnippet(jsonString('skills'))}: ${value}${comma}$0`, replace, index)];
    });
}

/**
 * Inside an array at `path`: a `work` or `projects` entry, or a bullet in
 * a `highlights` list; `typed` is a string already begun there.
 */
export function jsonItemTemplates(text: string, path: readonly (string | number)[], replace: Replace, typed: boolean): CompletionEntry[] {
  const [section, , field] = path;
  const bullets = path.length === 4 && typeof section === 'string' && BULLET_SECTIONS.has(section) && field === 'highlights';
  const entries = path.length === 2 && (section === 'work' || section === 'projects');
  if (!bullets && !entries) return [];
  // An item goes after `[` or a comma; a bullet may replace the string begun, an entry only an empty place.
  const before = previousSignificant(text, replace.start);
  if ((before !== '[' && before !== ',') || (typed && !bullets)) return [];
  const comma = needsComma(text, replace.end) ? ',' : '';
  const unit = indentUnitOf(text);
  const lineStart = text.lastIndexOf('\n', replace.start - 1) + 1;
  const ownLine = text.slice(lineStart, replace.start).trim() === '';
  const lineIndent = lineIndentAt(text, replace.start);
  const snippets = bullets ? snippetsFor('highlights') : snippetsFor(section === 'work' ? 'work' : 'projects');
  return snippets.flatMap((snippet, index) => {
    if (bullets) {
      const value = jsonBody(snippet.body, unit, lineIndent);
      return value === undefined ? [] : [templateEntry(snippet, `${value}${comma}$0`, replace, index, true)];
    }
    // An entry opens its own lines, at one level under the line holding `[`.
    const base = ownLine ? lineIndent : lineIndent + unit;
    const value = jsonBody(snippet.body, unit, base);
    if (value === undefined) return [];
    const closesHere = !ownLine && nextSignificantOnLine(text, replace.end) === ']';
    const insert = `${ownLine ? '' : `\n${base}`}${value}${comma}${closesHere ? `\n${lineIndent}` : ''}$0`;
    return [templateEntry(snippet, insert, replace, index)];
  });
}

function templateEntry(snippet: Snippet, insertText: string, replace: Replace, index: number, quoted = false): CompletionEntry {
  return {
    label: labelOf(snippet),
    kind: 'snippet',
    detail: snippet.name,
    documentation: snippet.description,
    // A bullet replaces a string begun with a quote: match what was typed, quote included.
    filterText: quoted ? `"${snippet.prefix.join(' ')}` : snippet.prefix.join(' '),
    insertText,
    replace,
    sortText: ` ${String(index).padStart(3, '0')}`,
  };
}

/**
 * A template's YAML body as JSON (snippet syntax kept), its first line at
 * the cursor and the others indented by `base`; the final `$0` is left to
 * the caller, which places it after the comma. Undefined if the body does
 * not read as YAML, which a test rules out.
 */
export function jsonBody(body: string, unit: string, base: string, select = itemOrValue): string | undefined {
  const stops: string[] = [];
  const marked = body.replace(/\n?\$0$/, '').replace(TAB_STOP, (stop) => {
    stops.push(stop);
    return `${MARK_OPEN}${stops.length - 1}${MARK_CLOSE}`;
  });
  let value: unknown;
  try {
    value = select(parseYaml(marked));
  } catch {
    return undefined;
  }
  if (value === undefined) return undefined;
  const spaces = unit === '\t' ? 1 : unit.length;
  let json = jsonValue(value, spaces);
  if (unit === '\t') json = json.replace(/^ +/gm, (indent) => '\t'.repeat(indent.length));
  const indented = json.replace(/\n/g, `\n${base}`);
  // Literal JSON is escaped for snippet syntax; each tab stop goes back as written, its default as JSON string text.
  return indented
    .split(MARK)
    .map((part, index) => (index % 2 === 0 ? escapeSnippet(part) : jsonInside(stops[Number(part)] ?? '')))
    .join('');
}

/** An entry template is a one-item list (`- name: …`): the item is what goes in. */
function itemOrValue(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

/** A tab stop whose defaults sit inside a JSON string: quotes and backslashes escaped as JSON wants. */
function jsonInside(stop: string): string {
  return stop.replace(/[\\"]/g, (ch) => (ch === '\\' ? '\\\\\\\\' : '\\\\"'));
}

/** The file's indentation step: its first indented line's, else two spaces. */
export function indentUnitOf(text: string): string {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (!indent) return '  ';
  return indent.startsWith('\t') ? '\t' : indent;
}

function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function previousSignificant(text: string, before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const char = text.charAt(i);
    if (!' \t\r\n'.includes(char)) return char;
  }
  return '';
}

function nextSignificantOnLine(text: string, from: number): string {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\n') return '';
    if (char !== ' ' && char !== '\t' && char !== '\r') return char;
  }
  return '';
}

/** A comma is needed after what is inserted when another key or item follows it. */
export function needsComma(text: string, from: number): boolean {
  const next = nextSignificant(text, from);
  return next === '"' || next === '{' || next === '[';
}

export function nextSignificant(text: string, from: number): string {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (!' \t\r\n'.includes(char)) return char;
  }
  return '';
}
