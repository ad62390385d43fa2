/**
 * A highlight that states no number: no scale, no result. The seed's point
 * in one rule: "Improved the API" is forgettable; "handling 4M requests/day
 * at 99.98% availability" is not. What counts as a number lives in
 * `recognizeMetrics`; this rule only asks whether there is one, and offers
 * templates in the dimensions the bullet is about.
 */
import type { Bullet } from '../engine/document';
import type { BulletRule } from '../engine/rule';
import { setText, type FixIntent, type TextPart } from '../engine/fixIntent';

const MESSAGE = 'No number in this bullet: add the scale or the result (requests/day, p99 latency, %, team size).';

const N = { placeholder: '‹N›' };
const BEFORE = { placeholder: '‹before›' };
const AFTER = { placeholder: '‹after›' };

interface Template {
  /** Completes "Add a metric: …". */
  label: string;
  parts: TextPart[];
}

interface Dimension {
  /** What in the bullet says it is about this kind of work. */
  pattern: RegExp;
  templates: Template[];
}

/** Ordered by how specific the wording is: a database bullet often mentions an API too; team size first, it is cheap to add. */
const DIMENSIONS: readonly Dimension[] = [
  {
    pattern:
      /\b(?:led|lead|managed|manage|mentor(?:ed|ing|s)?|coach(?:ed|ing)?|hir(?:e|ed|ing)|onboard(?:ed|ing)|supervis(?:ed|ing)|grew|trained)\b[^.;]{0,40}\b(?:team|teams|engineers|developers|interns|people|staff|juniors|students|analysts)\b|\bteam of\b/i,
    templates: [{ label: 'team size', parts: [' (', N, ' people)'] }],
  },
  {
    pattern:
      /\b(?:migrat(?:e|ed|es|ing|ion|ions)|port(?:ed|ing)|re-?platform(?:ed|ing)?|moved? (?:\w+ ){0,3}(?:to|off|from)|cut ?over|upgrad(?:e|ed|ing))\b/i,
    templates: [
      { label: 'duration and downtime', parts: [' in ', N, ' weeks with ', N, ' minutes of downtime'] },
      { label: 'cost', parts: [', cutting costs by ', N, '%'] },
    ],
  },
  {
    pattern:
      /\b(?:databases?|db|sql|quer(?:y|ies)|index(?:es|ing)?|postgres(?:ql)?|mysql|mongo(?:db)?|redis|dynamodb|cassandra|elasticsearch|schemas?|cach(?:e|es|ing))\b/i,
    templates: [
      { label: 'query latency', parts: [', cutting p95 query time from ', BEFORE, ' ms to ', AFTER, ' ms'] },
      { label: 'data volume', parts: [', on ', N, ' GB of data'] },
    ],
  },
  {
    pattern:
      /\b(?:ci\/cd|ci|continuous (?:integration|delivery|deployment)|builds?|deploys?|deployments?|releases?|github actions|jenkins|gitlab ci|circleci|argo ?cd)\b/i,
    templates: [
      { label: 'build time', parts: [', cutting build time from ', BEFORE, ' to ', AFTER, ' minutes'] },
      { label: 'deploy frequency', parts: [', shipping ', N, ' deploys/week'] },
    ],
  },
  {
    pattern:
      /\b(?:etl|elt|batch(?: jobs?)?|spark|airflow|dagster|kafka|kinesis|flink|streaming|ingest\w*|data ?warehouses?|data lakes?|data pipelines?|etl pipelines?|cron jobs?|bigquery|snowflake|redshift|dbt)\b/i,
    templates: [
      { label: 'data volume', parts: [', processing ', N, ' GB/day'] },
      { label: 'run time', parts: [', cutting run time from ', BEFORE, ' to ', AFTER, ' minutes'] },
    ],
  },
  {
    pattern: /\b(?:apis?|endpoints?|services?|microservices?|back-?end|servers?|gateway|grpc|rest(?:ful)?|graphql|webhooks?)\b/i,
    templates: [
      { label: 'throughput and availability', parts: [', handling ', N, ' requests/day at ', N, '% availability'] },
      { label: 'latency', parts: [', cutting p99 latency from ', BEFORE, ' ms to ', AFTER, ' ms'] },
    ],
  },
  {
    pattern: /\b(?:front-?end|ui|web ?apps?|websites?|pages?|react|angular|vue|dashboards?|portals?)\b/i,
    templates: [{ label: 'load time', parts: [', cutting page load time from ', BEFORE, ' s to ', AFTER, ' s'] }],
  },
  {
    pattern:
      /\b(?:apps?|applications?|tools?|platforms?|products?|features?|extensions?|plugins?|librar(?:y|ies)|packages?|bots?|sdks?|clis?)\b/i,
    templates: [{ label: 'users', parts: [', used by ', N, ' users'] }],
  },
];

const GENERIC: Template = { label: 'result', parts: [', resulting in ', N, '% ', { placeholder: '‹measure›' }] };

const MAX_FIXES = 3;

const rule: BulletRule = {
  meta: {
    id: 'quantify',
    severity: 'warning',
    description: 'A work, volunteer or project highlight that states no number: no scale, no result.',
    fixable: true,
    suggestions: ['Add a metric: …'],
    tags: ['prose'],
  },
  // Every language: a bullet in any language can state a number.
  languages: 'any',
  checkBullet(bullet, { report, prose: { text: prose }, read }) {
    if (bullet.kind !== 'highlight') return;
    // Nothing to read (empty, or only symbols): not this rule's business.
    if (!/\p{L}/u.test(prose)) return;
    if (read.metrics(prose).length > 0) return;
    // The templates are English; another language gets the warning without them.
    const fixes = read.isLikelyEnglish(prose) ? () => metricFixes(bullet, prose) : [];
    report({ range: bullet.range, message: MESSAGE, fixes });
  },
};

/** One to three "Add a metric" fixes in the dimensions the bullet is about. */
function metricFixes(bullet: Bullet, prose: string): FixIntent[] {
  const templates: Template[] = [];
  for (const dimension of DIMENSIONS) {
    if (!dimension.pattern.test(prose)) continue;
    for (const template of dimension.templates) {
      if (templates.length < MAX_FIXES && !templates.some((t) => t.label === template.label)) templates.push(template);
    }
  }
  if (templates.length === 0) templates.push(GENERIC);
  return templates.map((template) => appendFix(bullet, template));
}

/** The bullet with the template appended before its final period (kept if it had one). */
function appendFix(bullet: Bullet, template: Template): FixIntent {
  const text = bullet.text;
  const body = text.replace(/\s+$/, '');
  const tail = text.slice(body.length);
  const period = /[.。]$/.test(body) ? body.slice(-1) : '';
  const stem = period ? body.slice(0, -1) : body;
  const parts: TextPart[] = [stem, ...template.parts, period + tail];
  return { title: `Add a metric: ${template.label}`, changes: [setText(bullet, parts)] };
}

export default rule;
