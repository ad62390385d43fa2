import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { snippetToPlainText } from '../../server/src/engine/scalarSource';
import type { Fix } from '../../server/src/engine/types';
import placeholder from '../../server/src/rules/placeholder';
import quantify from '../../server/src/rules/quantify';
import rule from '../../server/src/rules/vague-improvement';
import { applyEdits, findingsOfRule, lintText, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string): string[] => find(text).map((f) => textAt(text, f.range));

/** Each bullet alone in a resume: the phrases the rule quotes, exactly. */
function assertPhrases(cases: readonly [string, string[]][]): void {
  for (const [bullet, expected] of cases) assert.deepEqual(phrases(workResume([bullet])), expected, bullet);
}

function applyFix(text: string, fix: Fix): string {
  return applyEdits(
    text,
    fix.edits.map((edit) => ({ ...edit, newText: edit.snippet ? snippetToPlainText(edit.newText) : edit.newText })),
  );
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value === 'string' ? '' : value;
}

/** Applies the fix of the only finding; checks that only template slots are left to fill and the YAML kept its shape and comment. */
function rewritten(bullet: string): string {
  const text = workResume([bullet]).replace('    highlights:\n', '    # the platform years\n    highlights:\n');
  const findings = find(text);
  assert.equal(findings.length, 1, bullet);
  const fix = first(first(findings).fixes);
  assert.equal(fix.title, 'Say what improved and by how much');
  assert.ok(!fix.safe && fix.edits.every((edit) => edit.snippet));
  const fixed = applyFix(text, fix);
  const after = lintText(fixed, {}, [rule, quantify, placeholder]).findings;
  assert.ok(
    after.every((f) => f.ruleId === 'placeholder'),
    after.map((f) => f.message).join('; '),
  );
  assert.deepEqual(shape(parse(fixed)), shape(parse(text)));
  assert.ok(fixed.includes('# the platform years'));
  return String(highlightAt(readResume(fixed), 0));
}

describe('vague-improvement', () => {
  it('flags the verb and its object, with the phrase in the message', () => {
    const text = workResume(['Improved the API']);
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Improved the API');
    assert.equal(finding.message, '`Improved the API` says nothing measurable: say what got better and by how much.');
    assert.equal(finding.severity, 'warning');
  });

  it('recognises each verb, and stops the object at the end of its clause', () => {
    const cases: [string, string[]][] = [
      ['Enhanced the checkout flow, working with design', ['Enhanced the checkout flow']],
      ['Optimized autoscaling strategies.', ['Optimized autoscaling strategies']],
      ['Optimised the nightly jobs using Spark', ['Optimised the nightly jobs']],
      ['Increased developer satisfaction', ['Increased developer satisfaction']],
      ['Boosted engagement through A/B tests', ['Boosted engagement']],
      ['Streamlined the release process', ['Streamlined the release process']],
      ['Upgraded the monitoring stack', ['Upgraded the monitoring stack']],
      ['Built a design system, improving consistency across teams', ['improving consistency']],
      ['Reduced tech debt and improved code quality', ['Reduced tech debt', 'improved code quality']],
      ['Migrated the app to React, resulting in improved performance and reliability', ['improved performance and reliability']],
      ['Improve developer experience through coaching', ['Improve developer experience']],
    ];
    assertPhrases(cases);
  });

  it('is quiet when the sentence has a number or names a measure', () => {
    const bullets = [
      'Improved API latency by 40%',
      'Improved the API, handling 4M requests/day',
      'Improved API latency',
      'Optimized build times for the monorepo',
      'Increased test coverage across the services',
      'Improved the checkout conversion rate',
      'Enhanced the ranking model’s accuracy',
      'Optimized Postgres queries to cut costs',
      'Boosted throughput of the ingest pipeline',
    ];
    for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
  });

  it('leaves adjectives, purposes, concrete upgrades and titles alone', () => {
    const bullets = [
      'Shipped gasless transactions for improved user experience',
      'Designed an event bus with highly optimized thread utilization',
      'Wrote stored procedures to increase productivity',
      'Upgraded the PayPal integration to the latest SDK',
      'Published "Stability Optimized Swarming" at DASC',
      'Built tax-optimized cost basis reports',
      'Added retries and idempotency keys to the payment webhooks to improve reliability',
      'Added pytest-based validation to make image builds faster and more reliable',
      'Wrote a runbook for better on-call handovers',
      'Designed a highly reliable, horizontally scalable queue on Kafka',
      'Upgraded Postgres 11 to 15',
      'Improved the plane communication from direct database access to a GraphQL interface',
      'Break tasks into smaller and easier tasks',
      'Continuous improvement of the team’s rituals',
      'Suggested process improvements to the release managers',
    ];
    for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
  });

  it('flags comparatives and noun forms of a quality claim, quoting the claim', () => {
    const cases: [string, string[]][] = [
      ['Built a better onboarding flow for new merchants', ['better onboarding flow']],
      ['Made the nightly batch jobs more reliable', ['Made the nightly batch jobs more reliable']],
      ['Made the checkout page faster by lazy-loading images', ['Made the checkout page faster']],
      ['Shipped higher quality releases by adding contract tests', ['higher quality releases']],
      ['Introduced feature flags, resulting in faster and safer releases', ['faster and safer releases']],
      ['Improved observability, making incidents easier to debug', ['Improved observability', 'making incidents easier to debug']],
      ['Delivered a big performance improvement to the search service', ['a big performance improvement to the search service']],
      ['Made several improvements to the deployment scripts', ['several improvements to the deployment scripts']],
      ['Led an effort that brought noticeable gains in developer productivity', ['noticeable gains in developer productivity']],
      ['Moved shared components to a library, resulting in significant cost savings', ['significant cost savings']],
    ];
    assertPhrases(cases);
  });

  it('flags reductions and preventions with nothing measured, and names of outcomes are no measure', () => {
    const cases: [string, string[]][] = [
      [
        'Rewrote the importer in Go, reducing the time it takes to onboard a customer',
        ['reducing the time it takes to onboard a customer'],
      ],
      ['Added rate limiting that prevented a rise in failed logins', ['prevented a rise in failed logins']],
      ['Minimised downtime during the database migration', ['Minimised downtime']],
      ['Lowered costs by moving batch jobs to spot instances', ['Lowered costs']],
      ['Cut cloud spend by rightsizing instances', ['Cut cloud spend']],
      ['Sped up the test suite by running it in parallel', ['Sped up the test suite']],
    ];
    assertPhrases(cases);
    for (const bullet of [
      'Lowered costs by $40k a year',
      'Reduced the monthly AWS bill by a third',
      'Cut a release every week',
      'Prevented duplicate charges with idempotency keys',
    ]) {
      assert.deepEqual(find(workResume([bullet])), [], bullet);
    }
  });

  it('reads a purpose as no claim, unless the bullet is made only of it', () => {
    const cases: [string, string[]][] = [
      ['Worked with the platform team to improve performance', ['improve performance']],
      ['Worked closely with product to refine and improve feature sets', ['refine and improve feature sets']],
      ['Helped to increase the maintainability of the billing code', ['increase the maintainability of the billing code']],
      ['Led the team to implement better checks', ['better checks']],
      ['Replaced cron jobs with Airflow to improve visibility', []],
      ['Built an internal tool for faster code reviews', []],
    ];
    assertPhrases(cases);
  });

  it('quotes the quality claim, never the concrete action beside it', () => {
    assert.deepEqual(phrases(workResume(['Upgraded the CI runners, which increased maintainability'])), ['increased maintainability']);
    assert.deepEqual(phrases(workResume(['Upgraded the PayPal integration, improving checkout reliability'])), [
      'improving checkout reliability',
    ]);
  });

  it('reads the improvement verbs of French, Spanish, German, Chinese and Korean', () => {
    const cases: [string, string[]][] = [
      ['Amélioré la fiabilité du service de paiement', ['Amélioré la fiabilité du service de paiement']],
      ['Amélioration des performances de l’application', ['Amélioration des performances de l’application']],
      ['Mejoré el rendimiento de la API de pagos', ['Mejoré el rendimiento de la API de pagos']],
      ['Nuevos módulos en Laravel, mejorando la experiencia del usuario', ['mejorando la experiencia del usuario']],
      ['Verbesserte die Stabilität der Zahlungsplattform', ['Verbesserte die Stabilität der Zahlungsplattform']],
      ['优化了支付系统的数据库查询，提高了系统稳定性', ['优化了支付系统的数据库查询', '提高了系统稳定性']],
      ['결제 API의 성능을 개선했습니다', ['결제 API의 성능을 개선했습니다']],
      ['배포 파이프라인을 최적화하여 개발 생산성을 향상시켰습니다', ['배포 파이프라인을 최적화하여', '개발 생산성을 향상시켰습니다']],
    ];
    assertPhrases(cases);
    const quiet = [
      'Optimisation des requêtes pour améliorer les performances, temps de chargement réduit de 80 %',
      'Développement d’outils pour améliorer l’expérience des développeurs',
      'Páginas con un diseño responsivo y optimizado para SEO',
      'Mejoré el rendimiento de la API en un 35 %',
      '将接口响应时间从800ms降低到120ms',
      '为了提升用户体验，重写了首页',
      '사내 제안광장에 시스템 개선안을 올렸습니다',
      '성능을 개선하기 위해 캐시를 도입했습니다',
      'Optimierte die Datenbankabfragen und senkte die Antwortzeit um 60 %',
    ];
    for (const bullet of quiet) assert.deepEqual(find(workResume([bullet])), [], bullet);
  });

  it('rewrites only the claim, with slots for the figures in the form each claim takes', () => {
    assert.equal(
      rewritten('Lowered costs by moving batch jobs to spot instances'),
      'Lowered costs from ‹before› to ‹after› by moving batch jobs to spot instances',
    );
    assert.equal(rewritten('Minimised downtime'), 'Minimised downtime from ‹before› to ‹after› by ‹how›');
    assert.equal(
      rewritten('Made the nightly batch jobs more reliable'),
      'Made the nightly batch jobs more reliable (‹measure› from ‹before› to ‹after›)',
    );
    assert.equal(
      rewritten('Worked with the platform team to improve performance'),
      'Worked with the platform team to improve performance (‹measure› from ‹before› to ‹after›)',
    );
    assert.equal(
      rewritten('Upgraded the CI runners, which increased maintainability'),
      'Upgraded the CI runners, which increased maintainability from ‹before› to ‹after› by ‹how›',
    );
    assert.equal(
      rewritten('Mejoré el rendimiento de la API de pagos'),
      'Mejoré el rendimiento de la API de pagos (‹measure›: ‹before› → ‹after›)',
    );
    assert.equal(rewritten('优化了数据库查询'), '优化了数据库查询 (‹measure›: ‹before› → ‹after›)');
  });

  it('rewrites the clause as measure, before, after and how, keeping the rest', () => {
    const text = workResume(['Improved the API']);
    assert.equal(
      first(first(first(find(text)).fixes).edits).newText,
      '"Improved the API\'s ${1:‹measure›} from ${2:‹before›} to ${3:‹after›} by ${4:‹how›}"',
    );
    assert.equal(rewritten('Improved the API'), "Improved the API's ‹measure› from ‹before› to ‹after› by ‹how›");
    assert.equal(
      rewritten('Streamlined the release pipelines.'),
      "Streamlined the release pipelines' ‹measure› from ‹before› to ‹after› by ‹how›.",
    );
    assert.equal(
      rewritten('Improved code quality of the core, by adding linting'),
      "Improved code quality of the core's ‹measure› from ‹before› to ‹after›, by adding linting",
    );
    assert.equal(
      rewritten('Moved to GKE, resulting in improved performance'),
      'Moved to GKE, resulting in improved performance (‹measure› from ‹before› to ‹after›)',
    );
  });

  it('keeps markup and a block scalar intact', () => {
    assert.equal(
      rewritten('**Improved** the `search` page'),
      "**Improved** the `search` page's ‹measure› from ‹before› to ‹after› by ‹how›",
    );
    const text = 'work:\n  - name: Acme\n    highlights:\n      - |-\n        Improved the API\n';
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Improved the API');
    const fixed = applyFix(text, first(finding.fixes));
    assert.ok(fixed.includes('      - |-\n'));
    assert.equal(highlightAt(readResume(fixed), 0), "Improved the API's ‹measure› from ‹before› to ‹after› by ‹how›");
  });

  it('never throws on long or odd bullets', () => {
    const text = workResume(['improved '.repeat(5000), 'Improved', '‹N› improved', '(((improved']);
    assert.doesNotThrow(() => find(text));
  });
});
