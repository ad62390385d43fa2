/**
 * The settings, declared once. Each row of `SETTINGS` gives a setting's
 * name, type, default, allowed values with what each means, scope,
 * description and command-line flag; the editor's manifest
 * (`contributes.configuration` in package.json, `npm run generate:manifest`),
 * the checks of `.bulletproof.yaml` and editor settings, and the CLI's flags
 * all come from it. Plain data and text: it runs in the editor, the CLI, or
 * anywhere else.
 */
import { globProblem } from './globSyntax';
import { closest } from './similar';
import type { Role, RuleLevel, Severity } from './types';
import type { LayoutSetting } from './layouts/ids';
import { printed } from './plainValue';

export interface Settings {
  files: string[];
  rules: Record<string, RuleLevel>;
  role: Role;
  /**
   * Whether a layer (an editor setting, `.bulletproof.yaml`, `--role`) set
   * `role`. Left at its default, backend advice is given unless the resume
   * plainly is another role's; set, it is followed as it is.
   */
  roleSet: boolean;
  /** A job posting for every resume that names none in `meta.posting`. */
  posting?: string;
  /** How resume files are read: `auto` detects the layout from the content, then the file name. */
  layout: LayoutSetting;
}

/** Each allowed value and what it means, in the order shown to people. */
export type Choices<V extends string> = Readonly<Record<V, string>>;

export interface SettingSpec {
  /** `bulletproof.<name>` in the editor; `<name>:` in `.bulletproof.yaml` unless `editorOnly`. */
  name: string;
  type: 'string' | 'array' | 'object';
  /** The editor's default (the manifest's `default`). */
  default: unknown;
  scope: 'resource' | 'window';
  markdownDescription: string;
  /** The allowed values: of the setting itself, or of each value of its map (`rules`). */
  choices?: Choices<string>;
  /** An editor-only setting (read by the editor's client, not by the checks): not in `.bulletproof.yaml`. */
  editorOnly?: boolean;
  /** The command-line flag that sets it. */
  flag?: string;
}

export const RULE_LEVELS: Choices<RuleLevel> = {
  off: 'The rule does not run.',
  error: 'An error: the CLI exits 1.',
  warning: 'A warning.',
  info: 'Information.',
  hint: 'A hint: most editors show it as dots, not a squiggle.',
};

export const ROLES: Choices<Role> = {
  backend: 'Backend advice on: latency percentiles, availability nines, backend signals, skills grouping.',
  general: 'General resume advice only.',
};

export const LAYOUT_CHOICES: Choices<LayoutSetting> = {
  auto: 'Detect the layout from the content (RenderCV: `cv` with `sections`; YAMLResume: `content`), then the file name (`*_CV.yaml` is RenderCV); JSON Resume otherwise.',
  'json-resume': 'Read every resume as JSON Resume (`basics`, `work`, …).',
  rendercv: 'Read every resume as a RenderCV input file (`cv`, `sections`, …).',
  yamlresume: 'Read every resume as YAMLResume (`content`, `layouts`); its content is not checked yet.',
};

const TRACE_LEVELS: Choices<'off' | 'messages' | 'verbose'> = {
  off: 'No trace.',
  messages: 'The name of each message.',
  verbose: 'Each message with its content.',
};

export const DEFAULT_FILES: readonly string[] = [
  '**/*resume*.{yaml,yml}',
  '**/cv.{yaml,yml}',
  '**/*_CV.{yaml,yml}',
  '**/*_cv.{yaml,yml}',
  '**/resume.json',
  '**/*.resume.json',
  '**/cv.json',
  '!**/.github/**',
  '!**/node_modules/**',
];

const DEFAULT_ROLE: Role = 'backend';

const DEFAULT_LAYOUT: LayoutSetting = 'auto';

export const SETTINGS: readonly SettingSpec[] = [
  {
    name: 'files',
    type: 'array',
    default: DEFAULT_FILES,
    scope: 'resource',
    markdownDescription:
      'Globs (relative to the workspace folder) of the YAML and JSON resumes Bulletproof checks; a leading `!` excludes. Any YAML file whose first line is `# bulletproof` is checked too, and any JSON file whose top-level `$schema` names JSON Resume or whose `meta` object has a `bulletproof` key. Other YAML and JSON files (`package.json`, `tsconfig.json`, …) are never touched.',
  },
  {
    name: 'rules',
    type: 'object',
    default: {},
    scope: 'resource',
    choices: RULE_LEVELS,
    markdownDescription:
      'Severity per rule id, or `off`: e.g. `{ "quantify": "info", "first-person": "off" }`. A `.bulletproof.yaml` beside the resume wins where it sets a rule. Rule ids and docs: see the rule documentation.',
  },
  {
    name: 'role',
    type: 'string',
    default: DEFAULT_ROLE,
    scope: 'resource',
    choices: ROLES,
    flag: '--role',
    markdownDescription:
      'Which advice to give. `backend` adds the checks a backend reviewer looks for (latency percentiles, availability nines, data/reliability/observability signals, grouped skills).',
  },
  {
    name: 'trace.server',
    type: 'string',
    default: 'off',
    scope: 'window',
    choices: TRACE_LEVELS,
    editorOnly: true,
    markdownDescription:
      'Traces the communication between VS Code and the Bulletproof language server in the **Bulletproof** output channel.',
  },
  {
    name: 'posting',
    type: 'string',
    default: '',
    scope: 'resource',
    markdownDescription:
      'A job posting (Markdown, text, or a JSON Resume job as YAML/JSON) to match every resume against, relative to the workspace folder. A resume can name its own with `meta.posting`, which wins. Files outside the workspace are never read.',
  },
  {
    name: 'layout',
    type: 'string',
    default: DEFAULT_LAYOUT,
    scope: 'resource',
    choices: LAYOUT_CHOICES,
    flag: '--layout',
    markdownDescription:
      'How resume files are read. `auto` detects the layout from the content (RenderCV: `cv` with `sections`; YAMLResume: `content`), then the file name (`*_CV.yaml` is RenderCV), and reads JSON Resume otherwise; the hover on the first key says which. Name a layout to force it.',
  },
];

export const DEFAULT_SETTINGS: Settings = {
  files: [...DEFAULT_FILES],
  rules: {},
  role: DEFAULT_ROLE,
  roleSet: false,
  layout: DEFAULT_LAYOUT,
};

/** The names `.bulletproof.yaml` knows. */
export const SETTING_NAMES: readonly string[] = SETTINGS.filter((spec) => !spec.editorOnly).map((spec) => spec.name);

/** The first segment of the editor-only settings (`trace`), which the checks leave to the editor. */
export const EDITOR_ONLY_SECTIONS: readonly string[] = SETTINGS.filter((spec) => spec.editorOnly).map((spec) =>
  spec.name.replace(/\..*/s, ''),
);

/** The allowed values of a setting, in order. */
export function allowedValues<V extends string>(choices: Choices<V>): V[] {
  return Object.keys(choices) as V[];
}

/** `a, b or c` (`conjunction` "or"), for messages and help. */
export function listOf(values: readonly string[], conjunction: string, quote = ''): string {
  const quoted = values.map((value) => `${quote}${value}${quote}`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** The setting a command-line flag sets. */
export function settingOfFlag(flag: string): SettingSpec {
  const spec = SETTINGS.find((candidate) => candidate.flag === flag);
  if (!spec) throw new Error(`no setting has the flag ${flag}`);
  return spec;
}

/** `contributes.configuration` of the editor's manifest: `bulletproof.<name>` for each setting. */
export function manifestConfiguration(): { title: string; properties: Record<string, Record<string, unknown>> } {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const spec of SETTINGS) {
    const property: Record<string, unknown> = { type: spec.type };
    if (spec.type === 'array') property.items = { type: 'string' };
    if (spec.choices && spec.type === 'object') property.additionalProperties = { type: 'string', ...enumOf(spec.choices) };
    else if (spec.choices) Object.assign(property, enumOf(spec.choices));
    Object.assign(property, { default: spec.default, scope: spec.scope, markdownDescription: spec.markdownDescription });
    properties[`bulletproof.${spec.name}`] = property;
  }
  return { title: 'Bulletproof', properties };
}

/** package.json's text with `contributes.configuration` as the settings declare it, formatted as npm writes it. */
export function manifestWithSettings(packageJson: string): string {
  const manifest = JSON.parse(packageJson) as { contributes: Record<string, unknown> };
  manifest.contributes.configuration = manifestConfiguration();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function enumOf(choices: Choices<string>): { enum: string[]; enumDescriptions: string[] } {
  return { enum: allowedValues(choices), enumDescriptions: Object.values(choices) };
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
    if (layer.role) {
      merged.role = layer.role;
      // A layer that is itself merged settings says whether its role was set; any other layer that names one set it.
      merged.roleSet = layer.roleSet ?? true;
    }
    if (layer.layout) merged.layout = layer.layout;
    if (layer.posting) merged.posting = layer.posting;
    if (layer.rules) merged.rules = { ...merged.rules, ...layer.rules };
  }
  return merged;
}

/** A problem found in the settings' values, with the path to the key or value at fault. */
export interface SettingProblem {
  message: string;
  path: (string | number)[];
  on: 'key' | 'value';
  severity: Extract<Severity, 'error' | 'warning'>;
}

/** What is well formed in `raw`, and a problem for each thing that is not. `knownRuleIds`, when given, catches misspelt rule ids. */
export function checkSettings(raw: unknown, knownRuleIds?: readonly string[]): { settings: Partial<Settings>; problems: SettingProblem[] } {
  const settings: Partial<Settings> = {};
  const problems: SettingProblem[] = [];
  const problem = (
    message: string,
    at: (string | number)[],
    on: 'key' | 'value' = 'value',
    severity: SettingProblem['severity'] = 'error',
  ) => problems.push({ message, path: at, on, severity });
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem(`should be a mapping of settings (${SETTING_NAMES.join(', ')})`, []);
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
  const roles = allowedValues(ROLES);
  if (isOneOf(source.role, roles)) settings.role = source.role;
  else if (source.role !== undefined)
    problem(`\`role\` should be ${listOf(roles, 'or', '`')}${didYouMean(printed(source.role), roles)}`, ['role']);
  const layouts = allowedValues(LAYOUT_CHOICES);
  if (isOneOf(source.layout, layouts)) settings.layout = source.layout;
  else if (source.layout !== undefined)
    problem(`\`layout\` should be ${listOf(layouts, 'or', '`')}${didYouMean(printed(source.layout), layouts)}`, ['layout']);
  const levels = allowedValues(RULE_LEVELS);
  if (source.rules && typeof source.rules === 'object' && !Array.isArray(source.rules)) {
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(source.rules as Record<string, unknown>)) {
      if (knownRuleIds && !knownRuleIds.includes(id)) {
        problem(`unknown rule \`${id}\`${didYouMean(id, knownRuleIds)}`, ['rules', id], 'key', 'warning');
      }
      const text = level === false ? 'off' : String(level);
      if (isOneOf(text, levels)) rules[id] = text;
      else problem(`rule \`${id}\`: \`${text}\` is not one of ${levels.join(', ')}${didYouMean(text, levels)}`, ['rules', id]);
    }
    settings.rules = rules;
  } else if (source.rules !== undefined) {
    problem(`\`rules\` should map rule ids to ${listOf(levels, 'or')}`, ['rules']);
  }
  return { settings, problems };
}

export function isOneOf<V extends string>(value: unknown, allowed: readonly V[]): value is V {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** `; did you mean \`quantify\`?` for a near miss (or a prefix: `warn` → `warning`), else nothing. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  const near = closest(word, candidates) ?? (lower.length >= 2 ? candidates.find((c) => c.startsWith(lower)) : undefined);
  return near === undefined || near === word ? '' : `; did you mean \`${near}\`?`;
}
