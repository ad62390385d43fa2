/**
 * Settings from three places, merged the same way in the editor and the CLI:
 * built-in defaults, then editor settings or command-line flags, then a
 * `.bulletproof.yaml` beside the resume or in a parent folder, which wins
 * where it speaks so that the editor and CI agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { Role, RuleLevel } from '../engine/types';
import { DEFAULT_FILES } from './files';

export interface Settings {
  files: string[];
  rules: Record<string, RuleLevel>;
  role: Role;
  /** A job posting for every resume that names none in `meta.posting`. */
  posting?: string;
}

export const DEFAULT_SETTINGS: Settings = { files: [...DEFAULT_FILES], rules: {}, role: 'backend' };

export const CONFIG_FILE_NAMES = ['.bulletproof.yaml', '.bulletproof.yml', '.bulletproof.json'];

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  problems: string[];
}

const LEVELS = new Set<string>(['off', 'error', 'warning', 'info', 'hint']);

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

export function readConfigFile(file: string): ConfigFile {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(file, 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    return { path: file, settings: {}, problems: [`cannot be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return { path: file, ...normalizeSettings(raw, problems), problems };
}

/** Keeps what is well formed and says what is not, so a typo never silences the linter. */
export function normalizeSettings(raw: unknown, problems: string[] = []): { settings: Partial<Settings> } {
  const settings: Partial<Settings> = {};
  if (raw === null || raw === undefined) return { settings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('should be a mapping of settings (files, rules, role, posting)');
    return { settings };
  }
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!['files', 'rules', 'role', 'posting'].includes(key)) problems.push(`unknown setting \`${key}\``);
  }
  if (Array.isArray(source.files) && source.files.every((item) => typeof item === 'string')) {
    settings.files = source.files as string[];
  } else if (source.files !== undefined) {
    problems.push('`files` should be a list of globs');
  }
  if (typeof source.posting === 'string' && source.posting.trim()) settings.posting = source.posting.trim();
  else if (source.posting !== undefined && source.posting !== null && source.posting !== '') {
    problems.push('`posting` should be the path of a job posting file');
  }
  if (source.role === 'backend' || source.role === 'general') settings.role = source.role;
  else if (source.role !== undefined) problems.push('`role` should be `backend` or `general`');
  if (source.rules && typeof source.rules === 'object' && !Array.isArray(source.rules)) {
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(source.rules as Record<string, unknown>)) {
      const text = level === false ? 'off' : String(level);
      if (LEVELS.has(text)) rules[id] = text as RuleLevel;
      else problems.push(`rule \`${id}\`: \`${String(level)}\` is not one of off, error, warning, info, hint`);
    }
    settings.rules = rules;
  } else if (source.rules !== undefined) {
    problems.push('`rules` should map rule ids to off, error, warning, info or hint');
  }
  return { settings };
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
