/**
 * Settings from three places, merged the same way in the editor and the CLI:
 * built-in defaults, then editor settings or command-line flags, then a
 * `.bulletproof.yaml` beside the resume or in a parent folder, which wins
 * where it speaks so that the editor and CI agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { Role, RuleLevel, Severity } from '../engine/types';
import { closest } from '../engine/similar';
import { DEFAULT_FILES, globProblem } from './files';
import { decodeText } from './atomicWrite';
import { READ_LIMITS, readRegularFile } from './readFile';

export interface Settings {
  files: string[];
  rules: Record<string, RuleLevel>;
  role: Role;
  /** A job posting for every resume that names none in `meta.posting`. */
  posting?: string;
}

export const DEFAULT_SETTINGS: Settings = { files: [...DEFAULT_FILES], rules: {}, role: 'backend' };

export const CONFIG_FILE_NAMES = ['.bulletproof.yaml', '.bulletproof.yml', '.bulletproof.json'];

/** A problem in a config file's text, for a diagnostic on the config file itself. */
export interface ConfigProblem {
  message: string;
  /** UTF-16 offsets into the text. */
  range: { start: number; end: number };
  severity: Extract<Severity, 'error' | 'warning'>;
}

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  /** Each problem as `line:column message`, for a log. */
  problems: string[];
  /** The same problems with their place, 1-based line and UTF-16 column. */
  located: (ConfigProblem & { line: number; column: number })[];
  /** Why the file could not be read at all (then there are no settings). */
  readError?: string;
}

const SETTING_NAMES = ['files', 'rules', 'role', 'posting'];
const LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info', 'hint'];
const ROLES: readonly Role[] = ['backend', 'general'];

/** The nearest config file from `dir` up to `stopAt` (inclusive), or the filesystem root. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current || (stopAt && path.resolve(current) === path.resolve(stopAt))) return undefined;
    current = parent;
  }
}

/** Reads a config file (regular files only, at most 512 KB). `knownRuleIds`, when given, catches misspelt rule ids. */
export function readConfigFile(file: string, knownRuleIds?: readonly string[]): ConfigFile {
  const read = readRegularFile(file, READ_LIMITS.configBytes);
  const decoded = read.ok ? decodeText(read.bytes) : undefined;
  if (!decoded) {
    const reason = read.ok ? 'it is not UTF-8 text' : `${read.reason}${read.code ? ` (${read.code})` : ''}`;
    const problem = { message: `cannot be read: ${reason}`, range: { start: 0, end: 0 }, severity: 'error' as const };
    return { path: file, settings: {}, problems: [problem.message], located: [{ ...problem, line: 1, column: 1 }], readError: reason };
  }
  const { settings, problems } = parseConfigText(decoded.text, file, knownRuleIds);
  const located = problems
    .map((problem) => ({ ...problem, ...lineAndColumn(decoded.text, problem.range.start) }))
    .sort((a, b) => a.range.start - b.range.start);
  return { path: file, settings, problems: located.map((p) => `${p.line}:${p.column} ${p.message}`), located };
}

/**
 * A config file's text (YAML, or JSON, which is YAML too) to settings and
 * problems with their ranges. Broken YAML gives no settings; otherwise what
 * is well formed is kept, so a typo never silences the linter. `file` names
 * the text in messages; `knownRuleIds` catches misspelt rule ids.
 */
export function parseConfigText(
  text: string,
  file?: string,
  knownRuleIds?: readonly string[],
): { settings: Partial<Settings>; problems: ConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const language = file && path.extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML';
  const syntaxProblem = (error: YAMLError, severity: ConfigProblem['severity']): ConfigProblem => ({
    message: `${language}: ${error.message}`,
    range: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) },
    severity,
  });
  const syntax = [...doc.errors.map((e) => syntaxProblem(e, 'error')), ...doc.warnings.map((w) => syntaxProblem(w, 'warning'))];
  if (doc.errors.length > 0) return { settings: {}, problems: syntax };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { settings: {}, problems: [...syntax, { message, range: { start: 0, end: text.length }, severity: 'error' }] };
  }
  const checked = checkSettings(raw, knownRuleIds);
  const located = checked.problems.map((problem): ConfigProblem => ({
    message: problem.message,
    range: rangeOf(doc, problem.path, problem.on) ?? { start: 0, end: 0 },
    severity: problem.severity,
  }));
  return { settings: checked.settings, problems: [...syntax, ...located] };
}

/** Keeps what is well formed and says what is not (editor settings: no places to point at). */
export function normalizeSettings(raw: unknown, problems: string[] = []): { settings: Partial<Settings> } {
  const checked = checkSettings(raw);
  problems.push(...checked.problems.map((problem) => problem.message));
  return { settings: checked.settings };
}

/** Later layers win; `rules` merge per rule id. */
export function mergeSettings(...layers: Partial<Settings>[]): Settings {
  const merged: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  for (const layer of layers) {
    if (layer.files) merged.files = layer.files;
    if (layer.role) merged.role = layer.role;
    if (layer.posting) merged.posting = layer.posting;
    if (layer.rules) merged.rules = { ...merged.rules, ...layer.rules };
  }
  return merged;
}

/** A problem found in the settings' values, with the path to the key or value at fault. */
interface SettingProblem {
  message: string;
  path: (string | number)[];
  on: 'key' | 'value';
  severity: ConfigProblem['severity'];
}

function checkSettings(raw: unknown, knownRuleIds?: readonly string[]): { settings: Partial<Settings>; problems: SettingProblem[] } {
  const settings: Partial<Settings> = {};
  const problems: SettingProblem[] = [];
  const problem = (message: string, at: (string | number)[], on: 'key' | 'value' = 'value', severity: ConfigProblem['severity'] = 'error') =>
    problems.push({ message, path: at, on, severity });
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem('should be a mapping of settings (files, rules, role, posting)', []);
    return { settings, problems };
  }
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!SETTING_NAMES.includes(key)) problem(`unknown setting \`${key}\`${didYouMean(key, SETTING_NAMES)}`, [key], 'key', 'warning');
  }
  if (Array.isArray(source.files)) {
    const files: string[] = [];
    source.files.forEach((item: unknown, index) => {
      const glob = typeof item === 'string' ? globProblem(item) : 'should be a glob (text)';
      if (glob === undefined) files.push(item as string);
      else problem(`\`files\` item ${index + 1}: ${glob}`, ['files', index]);
    });
    settings.files = files;
  } else if (source.files !== undefined) {
    problem('`files` should be a list of globs', ['files']);
  }
  if (typeof source.posting === 'string' && source.posting.trim()) settings.posting = source.posting.trim();
  else if (source.posting !== undefined && source.posting !== null && source.posting !== '') {
    problem('`posting` should be the path of a job posting file', ['posting']);
  }
  if (source.role === 'backend' || source.role === 'general') settings.role = source.role;
  else if (source.role !== undefined) problem(`\`role\` should be \`backend\` or \`general\`${didYouMean(String(source.role), ROLES)}`, ['role']);
  if (source.rules && typeof source.rules === 'object' && !Array.isArray(source.rules)) {
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(source.rules as Record<string, unknown>)) {
      if (knownRuleIds && !knownRuleIds.includes(id)) {
        problem(`unknown rule \`${id}\`${didYouMean(id, knownRuleIds)}`, ['rules', id], 'key', 'warning');
      }
      const text = level === false ? 'off' : String(level);
      if ((LEVELS as readonly string[]).includes(text)) rules[id] = text as RuleLevel;
      else problem(`rule \`${id}\`: \`${text}\` is not one of ${LEVELS.join(', ')}${didYouMean(text, LEVELS)}`, ['rules', id]);
    }
    settings.rules = rules;
  } else if (source.rules !== undefined) {
    problem('`rules` should map rule ids to off, error, warning, info or hint', ['rules']);
  }
  return { settings, problems };
}

/** `; did you mean \`quantify\`?` for a near miss (or a prefix: `warn` → `warning`), else nothing. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  const near = closest(word, candidates) ?? (lower.length >= 2 ? candidates.find((c) => c.startsWith(lower)) : undefined);
  return near === undefined || near === word ? '' : `; did you mean \`${near}\`?`;
}

/** The text range of the key or value at `at` in the document, if it is there. */
function rangeOf(doc: Document, at: (string | number)[], on: 'key' | 'value'): { start: number; end: number } | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (const [depth, step] of at.entries()) {
    node = resolved(doc, node);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      // `quantify:` with nothing after it: point at the key.
      const empty = !pair.value || (isScalar(pair.value) && pair.value.range?.[0] === pair.value.range?.[1]);
      next = (on === 'key' && depth === at.length - 1) || empty ? pair.key : pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (!next) break;
    node = next;
    found = next as Node;
  }
  const range = found?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** An alias stands for its anchor's node; the chain is short in any real file. */
function resolved(doc: Document, node: unknown): unknown {
  for (let hops = 0; isAlias(node) && hops < 10; hops++) node = node.resolve(doc);
  return node;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
