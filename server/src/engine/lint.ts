/**
 * Text in, findings out: parse, validate against the schema, run the rules,
 * then apply the person's choices (levels, role, disable comments). Given
 * the previous result, an edit inside one value is re-parsed and re-checked
 * only as far as it can change anything.
 */
import { parseResume, type Bullet, type ResumeModel, type SyntaxProblem } from './document';
import { movedOffset, reparseScalarEdit, type ScalarEdit } from './incremental';
import { isBulletRule, type BulletRule, type Report, type ResolvedOptions, type ResumeRule, type Rule, type RuleContext } from './rule';
import { structuralChecks } from './schema/checks';
import type { RawFinding } from './schema/validateSchema';
import { validateLayoutSchema } from './schema/layoutSchema';
import type { Finding, Fix, LintOptions, OffsetRange, PostingSource, RuleLevel, RuleMeta, Severity } from './types';
import { isDateField } from './dateFields';
import { disabledRules } from './disableComments';
import { detached, MemoContext } from './memo';
import { TextReader } from './textReader';
import { postingReference } from './posting';
import { PROSE_RULES_MAX_CHARS, SCHEMA_MAX_NODES } from './limits';
import type { FixIntent } from './fixIntent';
import { fixesOf } from './formatWriters';
import { offRoleOf } from './roleGuess';

export interface LintResult {
  model: ResumeModel;
  /**
   * In file order. After an edit, a finding the edit did not move is the
   * same object as in the previous result.
   */
  findings: Finding[];
  /** Rules that threw: a bug in the rule, never the person's fault. */
  ruleErrors: { ruleId: string; error: unknown }[];
  /** The job posting the resume was matched against, if any. */
  posting?: PostingSource;
}

export { PROSE_RULES_MAX_CHARS, SCHEMA_MAX_NODES } from './limits';

/** A rule reports at most this many findings; more say nothing new and slow every editor down. */
export const MAX_FINDINGS_PER_RULE = 200;

export function allRuleMeta(rules: readonly Rule[]): RuleMeta[] {
  return [...structuralChecks, ...rules.map((rule) => rule.meta)];
}

/**
 * What a later lint may reuse: the findings of the rules that can move them
 * (bullet rules, and resume rules that declare `readsOfEachBullet`), before levels, disable
 * comments and caps were applied, and the options they were found with.
 * Only those: the rest is found again anyway, and keeping it would keep
 * hundreds of objects alive between keystrokes.
 */
interface Reusable {
  /** By rule id. */
  movableFindings: Map<string, RawFinding[]>;
  rules: readonly Rule[];
  optionsKey: string;
}

/**
 * Kept on the result itself (and a finding on its raw finding, below), not
 * in a WeakMap: a long-lived WeakMap's entries count as live to V8's young
 * generation collector, so every result that passed through one was copied
 * to the old generation with everything it holds, the whole text included.
 */
const REUSABLE = Symbol('reusable');
const SHOWN_AS = Symbol('shownAs');

type WithReusable = LintResult & { [REUSABLE]?: Reusable };
type RawShown = RawFinding & { [SHOWN_AS]?: Finding };

/**
 * The engine bound to one rule list (it knows no rule: `server/src/linter.ts`
 * binds the registry), and what it keeps between lints: one memo, under the
 * policy of `MemoContext` (docs/incremental-lint.md). The rules read through
 * it (`context.read`), and so does every engine helper a lint calls.
 */
export class Linter {
  readonly memo = new MemoContext();
  readonly read = new TextReader(this.memo);
  readonly metaById: Map<string, RuleMeta>;

  constructor(readonly rules: readonly Rule[]) {
    this.metaById = new Map(allRuleMeta(rules).map((meta) => [meta.id, meta]));
  }

  /**
   * Lints `text`. Pass the result for the previous version of the same text
   * as `previous` and an edit inside one scalar re-checks only what it can
   * change; `previous` is taken over and must not be used afterwards.
   */
  lint(text: string, options: LintOptions, previous?: LintResult): LintResult {
    return lintWith(this, text, options, previous);
  }
}

function lintWith(linter: Linter, text: string, options: LintOptions, previous?: LintResult): LintResult {
  const { rules, memo, read } = linter;
  const optionsKey = JSON.stringify([
    options.rules ?? {},
    options.role ?? 'default',
    text.length > PROSE_RULES_MAX_CHARS,
    options.format,
    options.layout ?? 'auto',
    options.fileName ?? '',
  ]);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast adds the hidden reuse slot to the result's type
  const reuse = (previous as WithReusable | undefined)?.[REUSABLE];
  // Read before the edit takes the previous model over.
  const previousText = previous?.model.text ?? '';
  const edit =
    previous && reuse && reuse.rules === rules && reuse.optionsKey === optionsKey ? reparseScalarEdit(previous.model, text) : undefined;
  const model = edit?.model ?? parseResume(text, { format: options.format, fileName: options.fileName, layout: options.layout });
  memo.startPass(edit !== undefined);
  // An edit to a date can change what every role's dates say: then nothing derived from them is kept.
  const editsDate = edit !== undefined && isDateField(model.entries.get(edit.path)?.segments.at(-1));
  const offRole = model.checked === 'all' && options.role === undefined ? offRoleOf(model) : undefined;
  const resolved: ResolvedOptions = {
    role: options.role ?? 'backend',
    today: options.today ?? new Date(),
    ...(model.checked === 'all' ? resolvePosting(model, options) : {}),
    ...(offRole && { offRole }),
  };
  const raw = yamlFindings(model);
  const movableFindings = new Map<string, RawFinding[]>();
  const ruleErrors: LintResult['ruleErrors'] = [];
  // Past a size limit only the YAML is read: its findings (the note saying so among them) and nothing else.
  const readsContent = model.checked === 'all';

  if (readsContent) for (const finding of schemaFindings(model, memo)) raw.push(finding);

  const skipProse = text.length > PROSE_RULES_MAX_CHARS;
  if (skipProse && readsContent) {
    raw.push({
      ruleId: 'yaml/limits',
      range: { start: 0, end: 0 },
      message: `This file is over ${PROSE_RULES_MAX_CHARS.toLocaleString('en-US')} characters, so only YAML and schema checks run; the bullet rules are skipped.`,
    });
  }

  const levels = options.rules ?? {};
  // One list per rule: sorted and capped on its own, a rule's thousands of findings never meet the others'.
  const lists: RawFinding[][] = [inFileOrderSorted(raw)];
  for (const rule of rules) {
    const level = levelOf(rule.meta, levels, resolved);
    if (!readsContent || level === 'off' || (skipProse && rule.meta.tags.includes('prose'))) continue;
    let list: RawFinding[] = [];
    try {
      const previousFindings = edit && reuse?.movableFindings.get(rule.meta.id);
      if (edit && previousFindings) list = runAfterEdit(rule, edit, editsDate, previousFindings, resolved, linter);
      else if (isBulletRule(rule))
        for (const bullet of model.bullets) checkBulletKept(rule, bullet, { model, options: resolved, read }, memo, list);
      else rule.check({ model, options: resolved, read, report: (report) => list.push({ ruleId: rule.meta.id, ...report }) });
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, error });
    }
    lists.push(inFileOrderSorted(list));
    if (isBulletRule(rule) || rule.readsOfEachBullet) movableFindings.set(rule.meta.id, list);
  }

  const shown: Shown = { metaById: linter.metaById, levels, options: resolved, disabled: disabledRules(model), model };
  const findings: Finding[] = [];
  for (const list of lists) addCapped(list, shown, findings);
  inFileOrderSorted(findings);
  // What was worked out for the value as it was is never asked for again.
  const stale: string[] = [];
  if (edit?.oldValue !== undefined) stale.push(edit.oldValue, read.prose(edit.oldValue).text);
  if (edit?.oldBullet) stale.push(bulletKey(previousText, edit.oldBullet));
  memo.forget(stale);
  const result: LintResult = { model, findings, ruleErrors, posting: resolved.posting };
  if (ruleErrors.length === 0)
    Object.defineProperty(result, REUSABLE, { value: { movableFindings, rules, optionsKey } satisfies Reusable });
  return result;
}

/** What the parser found: syntax errors, a limit that stopped the checks, documents after the first. */
function yamlFindings(model: ResumeModel): RawFinding[] {
  const raw: RawFinding[] = model.syntaxProblems.map((problem) =>
    model.format === 'json'
      ? jsonSyntaxFinding(model, problem)
      : {
          ruleId: 'yaml/syntax',
          range: problem.range,
          message: problem.message,
        },
  );
  if (model.valueProblem) raw.push({ ruleId: 'yaml/limits', range: model.valueProblem.range, message: model.valueProblem.message });
  const resumeStart = model.document?.range?.[0];
  if (model.skippedDocuments.length > 0 && resumeStart !== undefined) {
    raw.push({
      ruleId: 'yaml/front-matter',
      range: { start: resumeStart, end: resumeStart },
      message:
        'The resume is read from the YAML document that starts here; what comes before it (front matter for a site generator) is not checked.',
    });
  }
  const extra = model.extraDocuments[0];
  if (extra?.range) {
    raw.push({
      ruleId: 'yaml/multiple-documents',
      range: { start: extra.range[0], end: extra.range[0] },
      message:
        model.skippedDocuments.length > 0
          ? 'Only the YAML document above is the resume; what follows this point is not checked.'
          : 'Only the first YAML document is the resume; what follows this point is not checked.',
    });
  }
  return raw;
}

/** A JSON syntax error; a trailing comma has a fix that removes it, addressed by the object or list it ends. */
function jsonSyntaxFinding(model: ResumeModel, problem: SyntaxProblem): RawFinding {
  const finding: RawFinding = { ruleId: 'json/syntax', range: problem.range, message: problem.message };
  const closing = problem.trailingCommaBefore;
  if (closing === undefined) return finding;
  for (const entry of model.entries.values()) {
    if (entry.node?.range?.[1] !== closing + 1) continue;
    const changes = [{ kind: 'removeTrailingComma' as const, path: entry.path }];
    return { ...finding, fixes: [{ title: 'Remove the trailing comma', safe: true, isPreferred: true, changes }] };
  }
  return finding;
}

/** The schema's findings, or the note that the file is too large for it. */
function schemaFindings(model: ResumeModel, memo: MemoContext): RawFinding[] {
  if (model.entries.size <= SCHEMA_MAX_NODES) return validateLayoutSchema(model, memo);
  return [
    {
      ruleId: 'yaml/limits',
      range: { start: 0, end: 0 },
      message: `This file has over ${SCHEMA_MAX_NODES.toLocaleString('en-US')} keys and values, so the schema is not checked: a resume has a few hundred.`,
    },
  ];
}

/** A rule after an edit in one scalar, given its findings from before: checked again only as far as the edit can change them. */
function runAfterEdit(
  rule: Rule,
  edit: ScalarEdit,
  editsDate: boolean,
  previousRaw: readonly RawFinding[],
  options: ResolvedOptions,
  { memo, read }: Linter,
): RawFinding[] {
  const { model } = edit;
  if (isBulletRule(rule)) return recheckEditedBullet(rule, edit, previousRaw, { model, options, read }, memo);
  if (rule.readsOfEachBullet && !editsDate && bulletReadingKept(rule.readsOfEachBullet, edit, read)) {
    const recheck: Recheck = (_range, report) => rule.check({ model, options, read, report });
    return movedFindings(previousRaw, edit, recheck, () => false);
  }
  const list: RawFinding[] = [];
  rule.check({ model, options, read, report: (report) => list.push({ ruleId: rule.meta.id, ...report }) });
  return list;
}

/**
 * A bullet rule after an edit in one scalar: its findings in other
 * bullets move with the text, and only the edited bullet is checked again.
 */
function recheckEditedBullet(
  rule: BulletRule,
  edit: ScalarEdit,
  previousRaw: readonly RawFinding[],
  context: Omit<RuleContext, 'report'>,
  memo: MemoContext,
): RawFinding[] {
  const list = movedFindings(previousRaw, edit, recheckOf(rule, context), (finding) => inEditedBullet(finding, edit));
  if (edit.bullet) checkBulletKept(rule, edit.bullet, context, memo, list);
  return list;
}

/** Checks a bullet rule again where a finding at a range could be, passing every report on. */
function recheckOf(rule: BulletRule, context: Omit<RuleContext, 'report'>): Recheck {
  return (range, report) => {
    const bullet = context.model.bullets.find((candidate) => candidate.range.start <= range.start && range.end <= candidate.range.end);
    if (bullet) checkOneBullet(rule, bullet, { ...context, report });
  };
}

/** A bullet rule's reports about one bullet, from the bullet's start: all a later lint needs to give them again. */
interface KeptReport {
  start: number;
  end: number;
  message: string;
  hasFixes: boolean;
}

/**
 * What a bullet rule's findings about a bullet depend on: the bullet's
 * kind, section, source and text, the role and the day (rule.ts).
 */
function bulletKey(text: string, bullet: Bullet): string {
  return `${bullet.kind}\u0000${bullet.section}\u0000${text.slice(bullet.range.start, bullet.range.end)}\u0000${bullet.text}`;
}

/**
 * A bullet rule on one bullet, its findings appended to `list`: worked out
 * once per bullet as written (kept in `memo`), and given again, fixes
 * built when asked, wherever that bullet stands in a later lint.
 */
function checkBulletKept(
  rule: BulletRule,
  bullet: Bullet,
  context: Omit<RuleContext, 'report'>,
  memo: MemoContext,
  list: RawFinding[],
): void {
  const { model, options, read } = context;
  const { start } = bullet.range;
  const ruleId = rule.meta.id;
  const store = `${ruleId}\u0000${options.role}\u0000${options.today.toDateString()}`;
  let fresh: RawFinding[] | undefined;
  const kept = memo.get(store, bulletKey(model.text, bullet), () => {
    fresh = [];
    const found = fresh;
    checkOneBullet(rule, bullet, { model, options, read, report: (report) => found.push({ ruleId, ...report }) });
    const reports: KeptReport[] = [];
    for (const { range, message, fixes } of found) {
      // Outside the bullet breaks the promise a bullet rule makes: nothing is kept, the rule runs every time.
      if (range.start < start || range.end > bullet.range.end) return undefined;
      reports.push({ start: range.start - start, end: range.end - start, message: detached(message), hasFixes: fixes !== undefined });
    }
    return reports;
  });
  if (fresh) {
    for (const finding of fresh) list.push(finding);
    return;
  }
  if (!kept) {
    checkOneBullet(rule, bullet, { model, options, read, report: (report) => list.push({ ruleId, ...report }) });
    return;
  }
  let recheck: Recheck | undefined;
  for (const report of kept) {
    const range = { start: start + report.start, end: start + report.end };
    const { message } = report;
    if (!report.hasFixes) list.push({ ruleId, range, message });
    else list.push({ ruleId, range, message, fixes: () => fixesFromRecheck(range, message, (recheck ??= recheckOf(rule, context))) });
  }
}

/**
 * The previous findings where the edit moved them, less the dropped ones.
 * They are in file order: the ones before the edit are copied in one go.
 */
function movedFindings(
  previousRaw: readonly RawFinding[],
  edit: ScalarEdit,
  recheck: Recheck,
  dropped: (finding: RawFinding) => boolean,
): RawFinding[] {
  let unmoved = 0;
  for (const finding of previousRaw) {
    if (!isUnmoved(finding, edit)) break;
    unmoved++;
  }
  const list = previousRaw.slice(0, unmoved);
  for (let index = unmoved; index < previousRaw.length; index++) {
    const finding = previousRaw[index];
    if (finding && !dropped(finding)) list.push(movedFinding(finding, edit, recheck));
  }
  return list;
}

function inEditedBullet(finding: RawFinding, { oldBullet }: ScalarEdit): boolean {
  return oldBullet !== undefined && oldBullet.range.start <= finding.range.start && finding.range.end <= oldBullet.range.end;
}

/** Before the edit and outside the edited bullet: nothing about the finding changed. */
function isUnmoved(finding: RawFinding, edit: ScalarEdit): boolean {
  return finding.range.end <= edit.change.start && !inEditedBullet(finding, edit);
}

/** Whether an edit left what the rule reads of the edited bullet as it was; an edit outside bullets always does. */
function bulletReadingKept(reads: NonNullable<ResumeRule['readsOfEachBullet']>, edit: ScalarEdit, read: TextReader): boolean {
  return !edit.bullet || !edit.oldBullet || reads(edit.bullet, read) === reads(edit.oldBullet, read);
}

/**
 * A finding from the previous lint, where the edit moved it. Before the edit
 * (and outside the edited bullet) nothing moved and the text it was built
 * from is the same: it is kept, fixes and all. Otherwise its fixes were built
 * for the old text: they are built again, when asked, by checking again as
 * `recheck` does and taking the finding's own.
 */
function movedFinding(finding: RawFinding, edit: ScalarEdit, recheck: Recheck): RawFinding {
  const { change } = edit;
  // A fix in the edited bullet rewrites text that changed, wherever the finding stands.
  if (isUnmoved(finding, edit)) return finding;
  const start = movedOffset(finding.range.start, change);
  // An end is exclusive: text typed right after a finding ("Built" → "Built*") is not part of it.
  const end = finding.range.end <= change.start ? finding.range.end : movedOffset(finding.range.end, change);
  const range = { start, end: Math.max(start, end) };
  const { ruleId, message } = finding;
  return { ruleId, range, message, fixes: () => fixesFromRecheck(range, message, recheck) };
}

/** Runs a rule again on the current model where it could find a finding at `range`, passing every report on. */
type Recheck = (range: OffsetRange, report: (report: Report) => void) => void;

function fixesFromRecheck(range: OffsetRange, message: string, recheck: Recheck): FixIntent[] {
  let fixes: FixIntent[] = [];
  recheck(range, (report) => {
    if (report.range.start !== range.start || report.range.end !== range.end || report.message !== message) return;
    fixes = typeof report.fixes === 'function' ? report.fixes() : (report.fixes ?? []);
  });
  return fixes;
}

/** A bullet rule on one bullet, if the bullet is in a language the rule covers. */
function checkOneBullet(rule: BulletRule, bullet: Bullet, context: RuleContext): void {
  const prose = context.read.prose(bullet.text);
  if (rule.languages !== 'any' && !(rule.languages.includes('en') && context.read.isLikelyEnglish(prose.text))) return;
  rule.checkBullet(bullet, { ...context, prose });
}

/** What decides whether a raw finding is shown, and at which severity. */
interface Shown {
  metaById: Map<string, RuleMeta>;
  levels: Record<string, RuleLevel>;
  options: ResolvedOptions;
  disabled: ReturnType<typeof disabledRules>;
  /** What the findings' fix intents are written against. */
  model: ResumeModel;
}

/**
 * Adds the findings of `list` (in file order) that are on and not disabled:
 * the first ones of each rule, and one note per rule that had more.
 */
function addCapped(list: readonly RawFinding[], shown: Shown, findings: Finding[]): void {
  // A rule's list has its id only: the schema's list has several, counted apart.
  const first = list[0];
  const single = list.every((raw) => raw.ruleId === first?.ruleId);
  let counts: Map<string, { count: number; last: Finding }> | undefined;
  let count = 0;
  let last: Finding | undefined;
  for (const raw of list) {
    const meta = shown.metaById.get(raw.ruleId);
    const level = meta ? levelOf(meta, shown.levels, shown.options) : 'error';
    if (level === 'off' || shown.disabled.isDisabled(raw.ruleId, raw.range.start)) continue;
    if (single) {
      if (++count <= MAX_FINDINGS_PER_RULE) findings.push((last = findingOf(raw, level, shown.model)));
      continue;
    }
    counts ??= new Map();
    const seen = counts.get(raw.ruleId);
    if (seen && seen.count >= MAX_FINDINGS_PER_RULE) {
      seen.count++;
      continue;
    }
    const finding = findingOf(raw, level, shown.model);
    findings.push(finding);
    if (seen) {
      seen.count++;
      seen.last = finding;
    } else {
      counts.set(raw.ruleId, { count: 1, last: finding });
    }
  }
  if (single && last) addCapNote(findings, last.ruleId, count, last);
  for (const [ruleId, seen] of counts ?? []) addCapNote(findings, ruleId, seen.count, seen.last);
}

/** One finding that says how many more a rule has, where the last one shown stands. */
function addCapNote(findings: Finding[], ruleId: string, count: number, last: Finding): void {
  if (count <= MAX_FINDINGS_PER_RULE) return;
  findings.push({
    ruleId,
    range: last.range,
    message: `${(count - MAX_FINDINGS_PER_RULE).toLocaleString('en-US')} more \`${ruleId}\` findings after this one are not shown.`,
    severity: last.severity,
    fixes: [],
  });
}

/** Sorts in place, unless already in order: the usual case, and a sort copies the whole list even then. */
function inFileOrderSorted<T extends Pick<RawFinding, 'ruleId' | 'range'>>(list: T[]): T[] {
  for (let index = 1; index < list.length; index++) {
    const before = list[index - 1];
    const after = list[index];
    if (before && after && inFileOrder(before, after) > 0) return list.sort(inFileOrder);
  }
  return list;
}

function inFileOrder(a: Pick<RawFinding, 'ruleId' | 'range'>, b: Pick<RawFinding, 'ruleId' | 'range'>): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * The same finding object for a raw finding kept from the previous lint, so
 * an adapter can keep what it derived from it: a kept finding has the same
 * range and the text before it is unchanged.
 */
function findingOf(raw: RawShown, severity: Severity, model: ResumeModel): Finding {
  let finding = raw[SHOWN_AS];
  if (!finding || finding.severity !== severity) {
    finding = toFinding(raw, severity, model);
    // Not enumerable: a raw finding still reads as what the rule reported.
    Object.defineProperty(raw, SHOWN_AS, { value: finding, writable: true });
  }
  return finding;
}

/**
 * A finding whose fix intents are written as edits for the model's text;
 * when a rule gave a builder, on first read, and kept.
 */
function toFinding(raw: RawFinding, severity: Severity, model: ResumeModel): Finding {
  const { ruleId, range, fixes } = raw;
  // A message quotes the bullet ("`Built` is …"), often as a slice of the file: it must not keep that version alive.
  const message = detached(raw.message);
  if (typeof fixes !== 'function') return { ruleId, range, message, severity, fixes: fixes ? safely(model, () => fixes) : [] };
  let built: Fix[] | undefined;
  return {
    ruleId,
    range,
    message,
    severity,
    get fixes() {
      return (built ??= safely(model, fixes));
    },
  };
}

/** A fix builder or writer that throws costs the person the fix, not the finding. */
function safely(model: ResumeModel, build: () => FixIntent[]): Fix[] {
  try {
    return fixesOf(model, build());
  } catch {
    return [];
  }
}

function resolvePosting(model: ResumeModel, options: LintOptions): Pick<ResolvedOptions, 'posting' | 'postingError'> {
  if (options.posting) return { posting: options.posting };
  const loaded = options.loadPosting?.(postingReference(model));
  if (!loaded) return {};
  return 'error' in loaded ? { postingError: loaded.error } : { posting: loaded };
}

/** A rule's level: the person's override, else off for backend advice on another role's resume, else the rule's own. */
export function levelOf(meta: RuleMeta, levels: Record<string, RuleLevel>, options: ResolvedOptions): Severity | 'off' {
  const override = levels[meta.id];
  if (override) return override;
  // A resume that plainly is another role's gets no backend advice unless `role: backend` was set.
  if (meta.backendOnly && (options.role !== 'backend' || options.offRole)) return 'off';
  return meta.severity;
}
