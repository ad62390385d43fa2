/**
 * What a rule is: metadata plus a `check` that reads the document model and
 * reports findings. Rules never see editors, files or the protocol.
 */
import type { Bullet, ResumeModel } from './document';
import type { Fix, LintOptions, OffsetRange, PostingSource, RuleMeta } from './types';

export interface Report {
  range: OffsetRange;
  message: string;
  /**
   * The fixes, or a function that builds them: most findings are never
   * opened in a quick-fix menu, so rules with costly rewrites build them
   * only when asked.
   */
  fixes?: Fix[] | (() => Fix[]);
}

export interface RuleContext {
  readonly model: ResumeModel;
  readonly options: Readonly<ResolvedOptions>;
  report(report: Report): void;
}

export interface ResolvedOptions {
  role: NonNullable<LintOptions['role']>;
  today: Date;
  posting?: PostingSource;
  /** Why the posting the resume names could not be read. */
  postingError?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
  /**
   * For a rule whose findings depend on nothing but a little of each bullet
   * (its opening verb, say) and the roles' dates, and lie inside bullets:
   * that little, as a string. After an edit that leaves the edited bullet's
   * key as it was, or edits no bullet and no date, the previous findings
   * stand, moved with the text.
   */
  bulletKey?(bullet: Bullet): string;
}

/** Docs live next to the code: `docs/rules/<id>.md`, computed, never typed. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
