/**
 * What a rule is: metadata plus either `checkBullet` (a bullet rule, given
 * one bullet at a time) or `check` (a resume rule, given the whole model).
 * Rules read the document model and report findings; they never see
 * editors, files or the protocol, and make no choice about speed: what is
 * kept between keystrokes is the engine's business (docs/incremental-lint.md).
 */
import type { Bullet, ResumeModel } from './document';
import type { Prose } from './prose';
import type { TextReader } from './textReader';
import type { FixIntent } from './fixIntent';
import type { LintOptions, OffsetRange, PostingSource, RuleMeta } from './types';
import type { OffRole } from './roleGuess';

export interface Report {
  range: OffsetRange;
  message: string;
  /**
   * The fixes, as intents the file's writer turns into edits, or a function
   * that builds them: most findings are never opened in a quick-fix menu,
   * so rules with costly rewrites build them only when asked.
   */
  fixes?: FixIntent[] | (() => FixIntent[]);
}

export interface RuleContext {
  readonly model: ResumeModel;
  readonly options: Readonly<ResolvedOptions>;
  /** A property, not a method: rules take it out of the context (`{ model, report }`). */
  readonly report: (report: Report) => void;
  /** How to read a bullet's prose, words, opening verb, metrics and dates: the lint remembers the answers. */
  readonly read: TextReader;
}

export interface ResolvedOptions {
  role: NonNullable<LintOptions['role']>;
  today: Date;
  posting?: PostingSource;
  /** Why the posting the resume names could not be read. */
  postingError?: string;
  /** The resume plainly is another role's and `role` was left at its default: the backend-only rules are off. */
  offRole?: OffRole;
}

/** A language a bullet can read as; a rule that matches English words covers `en` only. */
export type Language = 'en';

/**
 * A rule about one bullet at a time: what it reports about a bullet depends
 * on that bullet alone (and the options) and lies inside it. The engine
 * loops over the bullets, gives the rule only those in the languages it
 * covers, and after an edit checks again only the edited bullet.
 */
export interface BulletRule {
  meta: RuleMeta;
  /** The bullets the rule is given: `any`, or those that read as one of these languages. */
  languages: 'any' | readonly Language[];
  checkBullet(bullet: Bullet, context: BulletContext): void;
}

export interface BulletContext extends RuleContext {
  /** The bullet's text as prose (markup dropped), as the language check read it. */
  readonly prose: Prose;
}

/**
 * A rule about the resume as a whole: structure, dates, or bullets compared
 * with one another. It runs again after every edit, unless it declares
 * `readsOfEachBullet`.
 */
export interface ResumeRule {
  meta: RuleMeta;
  check(context: RuleContext): void;
  /**
   * For a rule that compares bullets (their opening verbs, say): all it
   * reads of a bullet, as a string. Declaring it is a promise the engine
   * relies on: the findings depend on nothing but these strings, the
   * bullets' places and the roles' dates, and lie inside bullets. After an
   * edit that leaves every bullet's string as it was and no date changed,
   * the previous findings stand, moved with the text.
   */
  readonly readsOfEachBullet?: (bullet: Bullet, read: TextReader) => string;
}

export type Rule = BulletRule | ResumeRule;

export function isBulletRule(rule: Rule): rule is BulletRule {
  return 'checkBullet' in rule;
}

/** Docs live next to the code: `docs/rules/<id>.md`, computed, never typed. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
