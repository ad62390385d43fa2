/**
 * The engine's vocabulary. Everything here is plain data: offsets into the
 * document text (UTF-16 code units, as JavaScript strings index), never
 * line/column positions, which only the adapters compute.
 */

import type { LayoutSetting } from './layouts/ids';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity, or `off` to silence a rule. */
export type RuleLevel = Severity | 'off';

/** Half-open range of offsets into the document text. */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface TextEdit {
  range: OffsetRange;
  newText: string;
  /**
   * When true, `newText` uses snippet syntax (`${1:‹N›}`); a client without
   * snippet support gets `plainText` instead.
   */
  snippet?: boolean;
}

/**
 * Two kinds, as in ESLint. A fix (`safe: true`) is mechanical and keeps the
 * meaning (a date's format, `Present`, quoting, an old key's new name, the
 * tense of a finished role): `--fix`, Fix all and
 * `source.fixAll.bulletproof` apply it. Anything else is a suggestion (a
 * rewrite, a deleted word, a template, a guess) that a person applies one
 * at a time. Both are quick fixes in the editor.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix: editors may apply it on "auto fix". Only a safe fix may be preferred. */
  isPreferred?: boolean;
  /** Mechanical and meaning-preserving: used by fix-all and `--fix`. */
  safe?: boolean;
  /** Settings the fix changes besides `edits` (`role: general`): the adapter writes them where the settings live. */
  settings?: { name: 'role'; value: Role }[];
}

export interface Finding {
  ruleId: string;
  range: OffsetRange;
  message: string;
  severity: Severity;
  fixes: Fix[];
}

export type Role = 'backend' | 'general';

export interface LintOptions {
  /** The file's path or name: a layout can be recognised by it (`*_CV.yaml` is RenderCV). */
  fileName?: string;
  /** The `layout` setting: `auto` (the default) detects it from the content, then the file name. */
  layout?: LayoutSetting;
  /** Per-rule level overrides, keyed by rule id. */
  rules?: Record<string, RuleLevel>;
  /**
   * `general` turns the backend-specific rules off; `backend` keeps them on.
   * Unset (the default), backend advice is given unless the resume plainly
   * is another role's (`roleGuess.ts`).
   */
  role?: Role;
  /** Today, for the future-date check; injectable so tests are stable. */
  today?: Date;
  /** A job posting to match the resume against; the adapters read the file. Wins over `meta.posting`. */
  posting?: PostingSource;
  /**
   * Reads the posting a resume names in `meta.posting` (undefined when it
   * names none, for a default from settings). Injected by the adapters, so
   * the engine itself never touches the file system.
   */
  loadPosting?: (reference: string | undefined) => PostingSource | { error: string } | undefined;
  /** How to parse the text, when the adapter knows (a `.json` file, a `json` document); else the text decides. */
  format?: 'json' | 'yaml';
}

export interface PostingSource {
  /** How the person named it (`./acme-backend.md`), for messages. */
  name: string;
  text: string;
  format: 'text' | 'markdown' | 'yaml' | 'json';
}

export interface RuleMeta {
  /** Stable id, also the diagnostic code and the docs file name. */
  id: string;
  severity: Severity;
  /** One line, shown in docs and `--help`. */
  description: string;
  fixable: boolean;
  /**
   * The titles of the safe fixes the rule offers, `…` where a title varies
   * (`Change to \`…\``); its doc page lists the same under "Fixes".
   */
  fixes?: readonly string[];
  /** The titles of the suggestions the rule offers, as `fixes` lists its fixes. */
  suggestions?: readonly string[];
  tags: string[];
  /** Only meaningful for backend roles; off when `role` is `general`. */
  backendOnly?: boolean;
}
