/**
 * Writing a setting into the config file a resume is checked with, for the
 * fixes that change settings (`role: general`): the nearest
 * `.bulletproof.yaml` (or `.yml`, `.json`) within the workspace, edited in
 * place with its comments and layout kept, or a new `.bulletproof.yaml`
 * beside the resume when there is none. Only text is worked out here; the
 * adapter turns it into a workspace edit that the person applies.
 */
import * as path from 'node:path';
import { isMap, isScalar, isPair, parseAllDocuments } from 'yaml';
import { modify } from 'jsonc-parser';
import type { Role, TextEdit } from '../engine/types';
import { lineBreakOf } from '../engine/textLines';
import { applyEdits } from '../engine/fixes';
import { decodeText } from './atomicWrite';
import { findConfigFile, parseConfigText } from './config';
import { READ_LIMITS, readRegularFile } from './readFile';

export interface SettingValue {
  name: 'role';
  value: Role;
}

/** A config file to create with `text`, or one to change with `edits` (offsets into `text`, its text now). */
export type ConfigWrite = { kind: 'create'; path: string; text: string } | { kind: 'edit'; path: string; text: string; edits: TextEdit[] };

export const NEW_CONFIG_NAME = '.bulletproof.yaml';

/**
 * Where and how to write `settings` for the resume at `resumePath`: the
 * config file it is checked with (looked for up to `root`), or a new one
 * beside it. `textOf` gives a file's text as the editor has it (an open,
 * unsaved config file), else it is read from disk. Undefined when the
 * setting cannot be written cleanly there (a config file that does not
 * parse, or cannot be read).
 */
export function configWriteFor(
  resumePath: string,
  root: string | undefined,
  settings: readonly SettingValue[],
  textOf: (file: string) => string | undefined = () => undefined,
): ConfigWrite | undefined {
  const dir = path.dirname(resumePath);
  const existing = findConfigFile(dir, root ?? dir);
  if (!existing) return { kind: 'create', path: path.join(dir, NEW_CONFIG_NAME), text: newConfigText(settings) };
  const text = textOf(existing) ?? readConfigText(existing);
  if (text === undefined) return undefined;
  const edits = settingEdits(text, existing, settings);
  return edits && { kind: 'edit', path: existing, text, edits };
}

/** A new config file holding `settings`, one line each. */
export function newConfigText(settings: readonly SettingValue[]): string {
  return `# Bulletproof settings for the resumes in this folder and below.\n${settings.map(({ name, value }) => `${name}: ${value}\n`).join('')}`;
}

function readConfigText(file: string): string | undefined {
  const read = readRegularFile(file, READ_LIMITS.configBytes);
  return read.ok ? decodeText(read.bytes)?.text : undefined;
}

/**
 * The edits that set each of `settings` in a config file's text, keeping
 * everything else as written; undefined when the result would not read back
 * as the same settings with these changed (the check that keeps any odd
 * file, a flow mapping or a second document, as it is).
 */
export function settingEdits(text: string, fileName: string, settings: readonly SettingValue[]): TextEdit[] | undefined {
  const before = parseConfigText(text, fileName);
  if (before.problems.some((problem) => problem.severity === 'error')) return undefined;
  const edits = path.extname(fileName).toLowerCase() === '.json' ? jsonEdits(text, settings) : yamlEdits(text, settings);
  if (!edits) return undefined;
  const after = parseConfigText(applyEdits(text, edits), fileName);
  const expected = { ...before.settings, ...Object.fromEntries(settings.map(({ name, value }) => [name, value])) };
  const same =
    after.problems.length === before.problems.length && JSON.stringify(sorted(after.settings)) === JSON.stringify(sorted(expected));
  return same ? edits : undefined;
}

function sorted(settings: object): [string, unknown][] {
  return Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** In YAML: a key's plain value replaced where it is written, or a new line at the end. */
function yamlEdits(text: string, settings: readonly SettingValue[]): TextEdit[] | undefined {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents) || documents.length > 1) return undefined;
  const contents = documents[0]?.contents;
  const map = isMap(contents) ? contents : undefined;
  if (contents && (!map || map.flow)) return undefined;
  const lineBreak = lineBreakOf(text);
  const edits: TextEdit[] = [];
  let added = '';
  for (const { name, value } of settings) {
    const pair = map?.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === name);
    const written = pair && isScalar(pair.value) ? pair.value.range : undefined;
    if (pair && !written) return undefined;
    if (written) edits.push({ range: { start: written[0], end: written[1] }, newText: value });
    else added += `${name}: ${value}${lineBreak}`;
  }
  if (added) {
    const end = text.length;
    const needsBreak = end > 0 && !text.endsWith('\n');
    edits.push({ range: { start: end, end }, newText: `${needsBreak ? lineBreak : ''}${added}` });
  }
  return edits;
}

/** In JSON: each key set, as `jsonc-parser` writes it in the file's own indentation. */
function jsonEdits(text: string, settings: readonly SettingValue[]): TextEdit[] | undefined {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const formattingOptions = {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: lineBreakOf(text),
  };
  let current = text;
  for (const { name, value } of settings) {
    current = applyEdits(
      current,
      modify(current, [name], value, { formattingOptions }).map((edit) => ({
        range: { start: edit.offset, end: edit.offset + edit.length },
        newText: edit.content,
      })),
    );
  }
  // One edit from the text as it is to the text as it will be: only the changed middle is replaced.
  let start = 0;
  while (start < text.length && start < current.length && text[start] === current[start]) start++;
  let end = 0;
  while (end < text.length - start && end < current.length - start && text[text.length - 1 - end] === current[current.length - 1 - end])
    end++;
  return [{ range: { start, end: text.length - end }, newText: current.slice(start, current.length - end) }];
}
