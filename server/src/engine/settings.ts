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
import type { Paper, ThemeId } from './page/types';

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
  /** How the resume is typeset, and whether the page is checked; unset keys take {@link DEFAULT_RENDER}'s. */
  render: RenderPreferences;
}

/** `render.*`: each key set by some layer, or left to the default (a theme's own size and margin, the usual page limit). */
export interface RenderPreferences {
  theme?: ThemeId;
  paper?: Paper;
  /** Body text in points. */
  fontSize?: number;
  /** A Typst length: `0.75in`, `18mm`. */
  margin?: string;
  maxPages?: number;
  /** Page checks in the editor after typing stops. */
  checks?: boolean;
}

export const DEFAULT_RENDER = { theme: 'classic', paper: 'us-letter', checks: true } as const satisfies RenderPreferences;

/** The render preferences with the defaults filled in. */
export function renderPreferences(
  settings: Pick<Settings, 'render'>,
): RenderPreferences & { theme: ThemeId; paper: Paper; checks: boolean } {
  return { ...DEFAULT_RENDER, ...settings.render };
}

/** Each allowed value and what it means, in the order shown to people. */
export type Choices<V extends string> = Readonly<Record<V, string>>;

export interface SettingSpec {
  /** `bulletproof.<name>` in the editor; `<name>:` in `.bulletproof.yaml` unless `editorOnly`. */
  name: string;
  type: 'string' | 'array' | 'object' | 'boolean' | 'number' | 'integer';
  /** `null` is allowed too (the manifest's type becomes `[type, "null"]`): null leaves it to the default. */
  nullable?: boolean;
  /** More of the manifest's JSON schema for it (`minimum`, `pattern`…), so the editor checks it as it is typed. */
  schema?: Readonly<Record<string, unknown>>;
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

export const THEME_CHOICES: Choices<ThemeId> = {
  classic: 'The default: standard spacing.',
  compact: 'Tighter spacing: more fits on a page.',
};

export const PAPER_CHOICES: Choices<Paper> = {
  'us-letter': 'US Letter, 8.5 × 11 in.',
  a4: 'A4, 210 × 297 mm.',
};

/** The font sizes a resume may ask for, in points. */
export const FONT_SIZE_RANGE = { min: 6, max: 24 } as const;

/** A Typst length with an absolute unit or `em`: `0.75in`, `18mm`, `2cm`, `54pt`, `1.5em`. */
export const MARGIN_PATTERN = /^(?:\d+(?:\.\d+)?|\.\d+)(?:pt|mm|cm|in|em)$/;

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
  {
    name: 'render.theme',
    type: 'string',
    default: DEFAULT_RENDER.theme,
    scope: 'resource',
    choices: THEME_CHOICES,
    markdownDescription:
      'The theme **Bulletproof: Export PDF** and the page checks typeset the resume with; both are single-column and ATS-friendly.',
  },
  {
    name: 'render.paper',
    type: 'string',
    default: DEFAULT_RENDER.paper,
    scope: 'resource',
    choices: PAPER_CHOICES,
    markdownDescription: 'The paper size of the PDF and of the page checks.',
  },
  {
    name: 'render.fontSize',
    type: 'number',
    nullable: true,
    schema: { minimum: FONT_SIZE_RANGE.min, maximum: FONT_SIZE_RANGE.max },
    default: null,
    scope: 'resource',
    markdownDescription: `The body text size in points, from ${FONT_SIZE_RANGE.min} to ${FONT_SIZE_RANGE.max}; \`null\` keeps the theme's own.`,
  },
  {
    name: 'render.margin',
    type: 'string',
    nullable: true,
    schema: { pattern: MARGIN_PATTERN.source, patternErrorMessage: 'A length with a unit: 0.75in, 18mm, 2cm, 54pt or 1.5em.' },
    default: null,
    scope: 'resource',
    markdownDescription: "The page margin as a length with a unit (`0.75in`, `18mm`, `2cm`, `54pt`); `null` keeps the theme's own.",
  },
  {
    name: 'render.maxPages',
    type: 'integer',
    nullable: true,
    schema: { minimum: 1 },
    default: null,
    scope: 'resource',
    markdownDescription: 'The page limit `page-count` checks; `null` means two pages, or one for a resume with under five years of work.',
  },
  {
    name: 'render.checks',
    type: 'boolean',
    default: DEFAULT_RENDER.checks,
    scope: 'resource',
    markdownDescription:
      'Typeset the resume after typing stops and show what only the page tells (`page-count`, `orphan-line`, `ats-text`, `unprintable-text`) beside the other findings. Off, the page is checked only on export.',
  },
];

export const DEFAULT_SETTINGS: Settings = {
  files: [...DEFAULT_FILES],
  rules: {},
  role: DEFAULT_ROLE,
  roleSet: false,
  layout: DEFAULT_LAYOUT,
  render: {},
};

/** The first segment of a setting's name: `render` for `render.theme`. */
const sectionOf = (name: string): string => name.replace(/\..*/s, '');

/** The names `.bulletproof.yaml` knows at its top level. */
export const SETTING_NAMES: readonly string[] = [
  ...new Set(SETTINGS.filter((spec) => !spec.editorOnly).map((spec) => sectionOf(spec.name))),
];

/** The keys under `render:`. */
const RENDER_KEYS: readonly string[] = SETTINGS.filter((spec) => spec.name.startsWith('render.')).map((spec) => spec.name.slice(7));

/** The first segment of the editor-only settings (`trace`), which the checks leave to the editor. */
export const EDITOR_ONLY_SECTIONS: readonly string[] = SETTINGS.filter((spec) => spec.editorOnly).map((spec) => sectionOf(spec.name));

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
    const property: Record<string, unknown> = { type: spec.nullable ? [spec.type, 'null'] : spec.type };
    if (spec.type === 'array') property.items = { type: 'string' };
    if (spec.choices && spec.type === 'object') property.additionalProperties = { type: 'string', ...enumOf(spec.choices) };
    else if (spec.choices) Object.assign(property, enumOf(spec.choices));
    Object.assign(property, spec.schema, { default: spec.default, scope: spec.scope, markdownDescription: spec.markdownDescription });
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
  const merged: Settings = { ...DEFAULT_SETTINGS, rules: {}, render: {} };
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
    if (layer.render) merged.render = { ...merged.render, ...layer.render };
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
  if (source.render !== undefined && source.render !== null) settings.render = checkRender(source.render, problem);
  return { settings, problems };
}

type ProblemSink = (message: string, at: (string | number)[], on?: 'key' | 'value', severity?: SettingProblem['severity']) => void;

/** `render:`: each key that is well formed; null leaves a key to its default. */
function checkRender(raw: unknown, problem: ProblemSink): RenderPreferences {
  const render: RenderPreferences = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problem(`\`render\` should be a mapping of ${listOf(RENDER_KEYS, 'and', '`')}`, ['render']);
    return render;
  }
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!RENDER_KEYS.includes(key))
      problem(`unknown setting \`render.${key}\`${didYouMean(key, RENDER_KEYS)}`, ['render', key], 'key', 'warning');
  }
  const given = (key: string) => source[key] !== undefined && source[key] !== null;
  const themes = allowedValues(THEME_CHOICES);
  if (isOneOf(source.theme, themes)) render.theme = source.theme;
  else if (given('theme'))
    problem(`\`render.theme\` should be ${listOf(themes, 'or', '`')}${didYouMean(printed(source.theme), themes)}`, ['render', 'theme']);
  const papers = allowedValues(PAPER_CHOICES);
  if (isOneOf(source.paper, papers)) render.paper = source.paper;
  else if (given('paper'))
    problem(`\`render.paper\` should be ${listOf(papers, 'or', '`')}${didYouMean(printed(source.paper), papers)}`, ['render', 'paper']);
  const { fontSize, margin, maxPages, checks } = source;
  if (typeof fontSize === 'number' && fontSize >= FONT_SIZE_RANGE.min && fontSize <= FONT_SIZE_RANGE.max) render.fontSize = fontSize;
  else if (given('fontSize'))
    problem(
      `\`render.fontSize\` should be a size in points from ${FONT_SIZE_RANGE.min} to ${FONT_SIZE_RANGE.max}, or null for the theme's own; not ${printed(fontSize)}`,
      ['render', 'fontSize'],
    );
  if (typeof margin === 'string' && MARGIN_PATTERN.test(margin.trim())) render.margin = margin.trim();
  else if (given('margin'))
    problem(
      `\`render.margin\` should be a length with a unit (\`0.75in\`, \`18mm\`, \`2cm\`, \`54pt\`, \`1.5em\`), or null for the theme's own; not ${printed(margin)}`,
      ['render', 'margin'],
    );
  if (Number.isSafeInteger(maxPages) && (maxPages as number) >= 1) render.maxPages = maxPages as number;
  else if (given('maxPages'))
    problem(`\`render.maxPages\` should be a whole number of pages, 1 or more, or null for the usual limit; not ${printed(maxPages)}`, [
      'render',
      'maxPages',
    ]);
  if (typeof checks === 'boolean') render.checks = checks;
  else if (given('checks')) problem(`\`render.checks\` should be true or false; not ${printed(checks)}`, ['render', 'checks']);
  return render;
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
