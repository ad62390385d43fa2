/**
 * The seed: "Strong backend resumes mention database performance (indexing,
 * replicas, query tuning), reliability patterns (idempotency, retries,
 * queues), and observability (logging, tracing, alerting). These are the
 * details that separate someone who's run production from someone who's
 * only written endpoints." This rule reads the whole resume and names each
 * of the three areas that no bullet shows, once, on the `work` key (in
 * RenderCV, the first experience section's key).
 */
import { showsDimension, type BackendDimensionId } from '../engine/backendTerms';
import type { ResumeRule } from '../engine/rule';
import type { FixIntent, TextPart } from '../engine/fixIntent';
import { newestHighlights } from '../engine/newestHighlights';
import { resumeView } from '../engine/layouts';

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
    const workKey = resumeView(model).workAnchor;
    if (!workKey) return;
    if (!model.bullets.some((bullet) => bullet.section === 'work' && bullet.kind === 'highlight')) return;
    const texts = model.bullets.map((bullet) => read.prose(bullet.text).text);
    // A resume written in another language would miss every English term.
    const english = texts.filter((text) => read.isLikelyEnglish(text)).length;
    if (english * 2 < texts.length) return;
    // Where a fix adds its bullet: found only when a fix is asked for, it reads every role's dates.
    let target: string | undefined | null = null;
    for (const area of AREAS) {
      if (texts.some((text) => showsDimension(text, area.dimension))) continue;
      const fixes = (): FixIntent[] => {
        if (target === null) target = newestHighlights(model);
        return target ? [{ title: area.fixTitle, changes: [{ kind: 'appendTemplate', path: target, parts: area.template }] }] : [];
      };
      report({ range: workKey, message: area.message, fixes });
    }
  },
};

export default rule;
