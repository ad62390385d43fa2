import * as assert from 'node:assert/strict';
import rule, { columns, wordCount } from '../../server/src/rules/bullet-length';
import { findingsOfRule, textAt, workResume } from '../helpers';
import { first, nth } from '../support/lists';

const find = findingsOfRule(rule);

const LONG =
  'Replaced the cron-driven shipment poller with a Kafka pipeline and idempotent consumers, cutting tracking-update ' +
  'lag from 15 minutes to 20 seconds and removing the nightly reconciliation job that paged on-call twice a week';

describe('bullet-length', () => {
  it('flags a bullet over 200 characters, underlining the whole bullet', () => {
    const text = workResume([LONG]);
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), JSON.stringify(LONG));
    assert.equal(
      finding.message,
      `This bullet is ${LONG.length} characters, more than two printed lines: keep what you did and the result, and cut the rest to under 200.`,
    );
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.fixes, []);
  });

  it('flags a bullet under four words', () => {
    const text = workResume(['Closed 30 tickets.', 'Kubernetes']);
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['"Closed 30 tickets."', '"Kubernetes"'],
    );
    assert.equal(first(findings).message, '`Closed 30 tickets.` is 3 words: say what you did, how, and what changed.');
    assert.equal(
      nth(findings, 1).message,
      '`Kubernetes` reads like a keyword, not a bullet: move it to `skills`, or say what you did with it and what changed.',
    );
  });

  it('accepts bullets between the limits, and measures what a reader sees', () => {
    const text = workResume([
      'Cut p95 latency by 40%',
      'Designed a payouts API handling 4M requests/day at 99.98% availability',
      // The link target is not printed: 190 visible characters.
      `[${'x'.repeat(150)}](https://example.com/${'a'.repeat(100)}) shipped to production weekly, on time`,
    ]);
    assert.deepEqual(find(text), []);
  });

  it('does not measure summaries, which are paragraphs', () => {
    const text = workResume([], `summary: ${JSON.stringify(LONG)}`).replace('    highlights:\n', '');
    assert.deepEqual(find(text), []);
  });

  it('counts Chinese and Japanese by characters, and wide characters as two columns', () => {
    assert.equal(wordCount('设计支付接口'), 3);
    assert.equal(wordCount('重构 Kafka 管道'), 3);
    assert.equal(wordCount('결제 API 지연 시간 단축'), 5);
    assert.equal(columns('API设计'), 7);
    const text = workResume(['设计并实现支付网关', '优化', '데이터베이스 마이그레이션 자동화를 구축했습니다', '大'.repeat(101)]);
    assert.deepEqual(
      find(text).map((f) => textAt(text, f.range)),
      ['"优化"', JSON.stringify('大'.repeat(101))],
    );
  });

  it('skips empty bullets', () => {
    assert.deepEqual(find(workResume(['', '   '])), []);
  });
});
