import * as assert from 'node:assert/strict';
import { lint, MAX_FINDINGS_PER_RULE } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/rule';

/** A rule that flags every bullet, last bullet first, as a rule may. */
const everyBullet: Rule = {
  meta: { id: 'every-bullet', severity: 'warning', description: 'Flags every bullet.', fixable: false, tags: ['prose'] },
  check({ model, report }) {
    for (const bullet of [...model.bullets].reverse()) report({ range: bullet.range, message: `bullet at ${bullet.range.start}` });
  },
};

/** Flags the `name` value once. */
const theName: Rule = {
  meta: { id: 'the-name', severity: 'info', description: 'Flags the name.', fixable: false, tags: [] },
  check({ model, report }) {
    const range = model.entries.get('basics.name')?.valueRange;
    if (range) report({ range, message: 'the name' });
  },
};

function resume(bullets: number, { disableFirst = false } = {}): string {
  const lines = ['basics:', '  name: Ada', 'work:', '  - name: Acme', '    highlights:'];
  for (let index = 0; index < bullets; index++) {
    if (disableFirst && index === 0) lines.push('      # bulletproof-disable-next-line every-bullet');
    lines.push(`      - Bullet number ${index}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('lint', () => {
  it('shows the first findings of a rule in file order, and one note for the rest, where the last one shown stands', () => {
    const extra = 7;
    const text = resume(MAX_FINDINGS_PER_RULE + extra);
    const { findings } = lint(text, {}, [everyBullet, theName]);
    const fromRule = findings.filter((finding) => finding.ruleId === 'every-bullet');
    assert.equal(fromRule.length, MAX_FINDINGS_PER_RULE + 1);
    const shown = fromRule.slice(0, -1);
    assert.deepEqual(
      shown.map((finding) => text.slice(finding.range.start, finding.range.end)),
      Array.from({ length: MAX_FINDINGS_PER_RULE }, (_, index) => `Bullet number ${index}`),
    );
    const note = fromRule[fromRule.length - 1];
    assert.equal(note.message, `${extra} more \`every-bullet\` findings after this one are not shown.`);
    assert.deepEqual(note.range, shown[shown.length - 1].range);
    assert.equal(note.severity, 'warning');
    assert.deepEqual(note.fixes, []);
    // The other rule is unaffected, and the whole list is in file order.
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'the-name').map((finding) => finding.message),
      ['the name'],
    );
    const starts = findings.map((finding) => finding.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('counts only the findings that are shown: a disabled one makes room for the next', () => {
    const text = resume(MAX_FINDINGS_PER_RULE + 1, { disableFirst: true });
    const fromRule = lint(text, {}, [everyBullet]).findings.filter((finding) => finding.ruleId === 'every-bullet');
    assert.equal(fromRule.length, MAX_FINDINGS_PER_RULE);
    assert.equal(text.slice(fromRule[0].range.start, fromRule[0].range.end), 'Bullet number 1');
    assert.ok(fromRule.every((finding) => !finding.message.includes('not shown')));
  });

  it('adds no note when a rule has exactly as many findings as are shown', () => {
    const fromRule = lint(resume(MAX_FINDINGS_PER_RULE), {}, [everyBullet]).findings.filter((finding) => finding.ruleId === 'every-bullet');
    assert.equal(fromRule.length, MAX_FINDINGS_PER_RULE);
    assert.ok(fromRule.every((finding) => finding.message.startsWith('bullet at ')));
  });
});
