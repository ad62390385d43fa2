/**
 * The seed: "Strong backend resumes mention database performance (indexing,
 * replicas, query tuning), reliability patterns (idempotency, retries,
 * queues), and observability (logging, tracing, alerting). These are the
 * details that separate someone who's run production from someone who's
 * only written endpoints." This rule reads the whole resume and names each
 * of the three areas that no bullet shows, once, on the `work` key.
 */
import { isMap, isScalar, isSeq, type Scalar, type YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { showsDimension, type BackendDimensionId } from '../engine/backendTerms';
import { compareDates, parseResumeDate, type ResumeDate } from '../engine/dates';
import type { ResumeModel } from '../engine/document';
import type { ResumeRule } from '../engine/rule';
import { renderScalar, type TextPart } from '../engine/scalarRender';
import type { Fix, TextEdit } from '../engine/types';
import { columnOf, insertionAt, lineBreakOf, lineIndent } from '../engine/textLines';
import { structureIsSound } from '../engine/valueEdits';

interface Area {
  dimension: BackendDimensionId;
  message: string;
  fixTitle: string;
  /** A bullet to adapt: every figure and name is a placeholder. */
  template: TextPart[];
}

const AREAS: readonly Area[] = [
  {
    dimension: 'database',
    message:
      'No bullet shows database work (indexing, replicas, query tuning, schema design, caching): if you have done it, add it with its result; reviewers look for data you made fast.',
    fixTitle: 'Add a database-performance bullet to fill in',
    template: [
      'Cut ',
      { placeholder: '‹query›' },
      ' p95 from ',
      { placeholder: '‹before›' },
      ' to ',
      { placeholder: '‹after›' },
      ' ms by ',
      { placeholder: '‹adding an index / read replica›' },
    ],
  },
  {
    dimension: 'reliability',
    message:
      'No bullet shows a reliability pattern (idempotency, retries with backoff, queues, circuit breakers, rate limiting): if you have built one, add it; it shows you have run production.',
    fixTitle: 'Add a reliability bullet to fill in',
    template: [
      'Made ',
      { placeholder: '‹service›' },
      ' safe to retry with idempotency keys, cutting duplicate ',
      { placeholder: '‹operations›' },
      ' by ',
      { placeholder: '‹N›' },
      '%',
    ],
  },
  {
    dimension: 'observability',
    message:
      'No bullet shows observability (logging, tracing, alerting, dashboards, SLOs): if you have instrumented a service, add what you added and what it caught.',
    fixTitle: 'Add an observability bullet to fill in',
    template: [
      'Added ',
      { placeholder: '‹tracing / alerting›' },
      ' to ',
      { placeholder: '‹service›' },
      ', cutting time to detect incidents from ',
      { placeholder: '‹before›' },
      ' to ',
      { placeholder: '‹after›' },
    ],
  },
];

const rule: ResumeRule = {
  meta: {
    id: 'backend-signals',
    severity: 'info',
    description: 'No bullet in the resume shows database work, reliability patterns or observability.',
    fixable: true,
    suggestions: AREAS.map((area) => area.fixTitle),
    tags: ['prose', 'backend', 'content'],
    backendOnly: true,
  },
  check({ model, report, read }) {
    const workKey = model.entries.get('work')?.keyRange;
    if (!workKey) return;
    if (!model.bullets.some((bullet) => bullet.section === 'work' && bullet.kind === 'highlight')) return;
    const texts = model.bullets.map((bullet) => read.prose(bullet.text).text);
    // A resume written in another language would miss every English term.
    const english = texts.filter((text) => read.isLikelyEnglish(text)).length;
    if (english * 2 < texts.length) return;
    // Where a fix adds its bullet: found only when a fix is asked for, it reads every role's dates.
    let target: YAMLSeq | undefined | null = null;
    for (const area of AREAS) {
      if (texts.some((text) => showsDimension(text, area.dimension))) continue;
      const fixes = (): Fix[] => {
        if (target === null) target = structureIsSound(model) ? newestHighlights(model) : undefined;
        const edit = target ? insertBullet(model.text, target, area.template) : undefined;
        return edit ? [{ title: area.fixTitle, edits: [edit] }] : [];
      };
      report({ range: workKey, message: area.message, fixes });
    }
  },
};

/** The highlights list of the most recent work entry that has one. */
function newestHighlights(model: ResumeModel): YAMLSeq | undefined {
  const work = model.entries.get('work')?.node;
  if (!isSeq(work)) return undefined;
  let best: { seq: YAMLSeq; end: ResumeDate | 'ongoing'; start?: ResumeDate } | undefined;
  for (const job of work.items) {
    if (!isMap(job)) continue;
    const highlights = job.get('highlights', true);
    if (!isSeq(highlights) || highlights.items.length === 0 || !highlights.range) continue;
    const candidate = { seq: highlights, end: endOf(job.get('endDate', true)), start: dateOf(job.get('startDate', true)) };
    // Resumes list the newest job first, so only a strictly newer one replaces the first found.
    if (!best || newer(candidate, best)) best = candidate;
  }
  return best?.seq;
}

type Dated = { end: ResumeDate | 'ongoing'; start?: ResumeDate };

function newer(a: Dated, b: Dated): boolean {
  if (a.end !== b.end && (a.end === 'ongoing' || b.end === 'ongoing')) return a.end === 'ongoing';
  if (a.end !== 'ongoing' && b.end !== 'ongoing') {
    const byEnd = compareDates(a.end, b.end);
    if (byEnd !== 0) return byEnd > 0;
  }
  return !!a.start && !!b.start && compareDates(a.start, b.start) > 0;
}

function dateOf(node: unknown): ResumeDate | undefined {
  return isScalar(node) ? parseResumeDate(node.value) : undefined;
}

/** No end date, or one that is not a date ("Present"): the job is current. */
function endOf(node: unknown): ResumeDate | 'ongoing' {
  return dateOf(node) ?? 'ongoing';
}

/** An edit adding one item at the end of a highlights list, styled like its last item. */
export function insertBullet(text: string, seq: YAMLSeq, template: readonly TextPart[]): TextEdit | undefined {
  const last = seq.items[seq.items.length - 1] as YamlNode | null;
  if (!isScalar(last) || !last.range || !seq.range) return undefined;
  const scalar = renderLike(text, last, template);
  const eol = lineBreakOf(text);
  if (seq.flow) {
    const valueEnd = last.range[1];
    const ownLine = lineIndent(text, last.range[0]);
    // JSON-style lists put each item on its own line; keep that.
    const separator = ownLine !== undefined ? `,${eol}${ownLine}` : ', ';
    return { range: insertionAt(valueEnd), newText: separator + scalar, snippet: true };
  }
  const dashIndent = lineIndent(text, seq.range[0]) ?? ' '.repeat(columnOf(text, seq.range[0]));
  // After the last item's line, trailing comment included.
  let end = last.range[1];
  while (end > last.range[0] && /\s/.test(text[end - 1])) end--;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  else if (text[lineEnd - 1] === '\r') lineEnd--;
  return { range: insertionAt(lineEnd), newText: `${eol}${dashIndent}- ${scalar}`, snippet: true };
}

/** The template in the sibling's quoting style; block scalars get double quotes. */
function renderLike(text: string, sibling: Scalar, template: readonly TextPart[]): string {
  if (sibling.type !== 'BLOCK_LITERAL' && sibling.type !== 'BLOCK_FOLDED') {
    return renderScalar(text, sibling, template).newText;
  }
  let tabStop = 0;
  const escapeYaml = (s: string) => s.replace(/["\\]/g, '\\$&');
  const escapeSnippet = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const body = template
    .map((part) =>
      typeof part === 'string' ? escapeSnippet(escapeYaml(part)) : `\${${++tabStop}:${escapeSnippet(escapeYaml(part.placeholder))}}`,
    )
    .join('');
  return `"${body}"`;
}

export default rule;
