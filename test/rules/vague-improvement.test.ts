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
      ['Reduced tech debt and improved code quality', ['improved code quality']],
      ['Migrated the app to React, resulting in improved performance and reliability', ['improved performance and reliability']],
      ['Improve developer experience through coaching', ['Improve developer experience']],
    ];
    for (const [bullet, expected] of cases) assert.deepEqual(phrases(workResume([bullet])), expected, bullet);
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
      'Amélioration des performances de l’application',
    ];
    for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
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
