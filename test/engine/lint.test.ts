import * as assert from 'node:assert/strict';
import { lint, MAX_FINDINGS_PER_RULE } from '../../server/src/linter';
import { FULL_CHECK_MAX_CHARS, MAX_DOCUMENT_CHARS } from '../../server/src/engine/limits';
import type { BulletRule, Rule } from '../../server/src/engine/rule';
import { first, last } from '../support/lists';

/** A rule that flags every bullet, last bullet first, as a rule may. */
const everyBullet: Rule = {
  meta: { id: 'every-bullet', severity: 'warning', description: 'Flags every bullet.', fixable: false, tags: ['prose'] },
  check(context) {
    for (const bullet of [...context.model.bullets].reverse())
      context.report({ range: bullet.range, message: `bullet at ${bullet.range.start}` });
  },
};

/** Flags the `name` value once. */
const theName: Rule = {
  meta: { id: 'the-name', severity: 'info', description: 'Flags the name.', fixable: false, tags: [] },
  check(context) {
    const range = context.model.entries.get('basics.name')?.valueRange;
    if (range) context.report({ range, message: 'the name' });
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
    const note = last(fromRule);
    assert.equal(note.message, `${extra} more \`every-bullet\` findings after this one are not shown.`);
    assert.deepEqual(note.range, last(shown).range);
    assert.equal(note.severity, 'warning');
    assert.deepEqual(note.fixes, []);
    // The other rule is unaffected, and the whole list is in file order.
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'the-name').map((finding) => finding.message),
      ['the name'],
    );
    const starts = findings.map((finding) => finding.range.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  it('counts only the findings that are shown: a disabled one makes room for the next', () => {
    const text = resume(MAX_FINDINGS_PER_RULE + 1, { disableFirst: true });
    const fromRule = lint(text, {}, [everyBullet]).findings.filter((finding) => finding.ruleId === 'every-bullet');
    assert.equal(fromRule.length, MAX_FINDINGS_PER_RULE);
    assert.equal(text.slice(first(fromRule).range.start, first(fromRule).range.end), 'Bullet number 1');
    assert.ok(fromRule.every((finding) => !finding.message.includes('not shown')));
  });

  it('adds no note when a rule has exactly as many findings as are shown', () => {
    const fromRule = lint(resume(MAX_FINDINGS_PER_RULE), {}, [everyBullet]).findings.filter((finding) => finding.ruleId === 'every-bullet');
    assert.equal(fromRule.length, MAX_FINDINGS_PER_RULE);
    assert.ok(fromRule.every((finding) => finding.message.startsWith('bullet at ')));
  });
});

describe('lint: what YAML problems are called', () => {
  it('an unknown alias is a syntax error on the alias, and the rest is still checked', () => {
    const text = 'basics:\n  name: *nobody\n  email: sam@example\n' + resume(1).replace('basics:\n  name: Ada\n', '');
    const findings = lint(text, {}, [everyBullet]).findings;
    const at = text.indexOf('*nobody');
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.range, finding.message]),
      [
        [
          'yaml/syntax',
          'error',
          { start: at, end: at + '*nobody'.length },
          '`*nobody` refers to no anchor: define `&nobody` earlier or write the value.',
        ],
        [
          'schema/invalid-format',
          'warning',
          { start: text.indexOf('sam@example'), end: text.indexOf('sam@example') + 'sam@example'.length },
          '`email` is not an e-mail address (name@example.com).',
        ],
        [
          'every-bullet',
          'warning',
          { start: text.indexOf('Bullet number 0'), end: text.indexOf('Bullet number 0') + 'Bullet number 0'.length },
          `bullet at ${text.indexOf('Bullet number 0')}`,
        ],
      ],
    );
  });

  it('aliases that expand too far are a limit, not an error', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 6; level++)
      levels.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
    const findings = lint(`${levels.join('\n')}\n`, {}, [theName]).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity]),
      [['yaml/limits', 'info']],
    );
  });
});

describe('lint: size limits', () => {
  // Each bullet line is at least 23 characters.
  const bullets = (chars: number) => resume(Math.ceil(chars / 22));

  it('over the full-check limit: the note and the syntax only, no schema and no rule', () => {
    const text = `${bullets(FULL_CHECK_MAX_CHARS)}unknownKey: [1, 2\n`.replace('  name: Ada', '  name: Ada\n  label: a: b');
    assert.ok(text.length > FULL_CHECK_MAX_CHARS);
    const findings = lint(text, {}, [everyBullet, theName]).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity, finding.range.start]),
      [
        ['yaml/limits', 'info', 0],
        ['yaml/syntax', 'error', text.indexOf('a: b')],
      ],
    );
    assert.match(first(findings).message, /only the YAML syntax of its first 1,000,000 characters is checked/);
  });

  it('over the document limit: one finding, nothing parsed', () => {
    const text = bullets(MAX_DOCUMENT_CHARS + 1000);
    assert.ok(text.length > MAX_DOCUMENT_CHARS);
    const result = lint(text, {}, [everyBullet, theName]);
    assert.deepEqual(
      result.findings.map((finding) => [finding.ruleId, finding.severity, finding.range]),
      [['yaml/limits', 'info', { start: 0, end: 'basics:'.length }]],
    );
    assert.match(
      first(result.findings).message,
      /^This file has [\d,]+ characters, over the 20 MB Bulletproof reads, so it was not checked\./,
    );
    assert.equal(result.model.document, undefined);
  });

  it('typing in a bullet past the full-check limit: the syntax-only check, as a full lint gives', () => {
    const bulletsText = resume(Math.floor(FULL_CHECK_MAX_CHARS / 30));
    const text = bulletsText + '#'.repeat(FULL_CHECK_MAX_CHARS - 5 - bulletsText.length) + '\n';
    assert.equal(text.length, FULL_CHECK_MAX_CHARS - 4);
    // The same rules as the previous result was found with: else nothing is reused anyway.
    const rules = [everyBullet, theName];
    const at = text.indexOf('Bullet number 0') + 'Bullet number 0'.length;
    const typed = (more: string) => `${text.slice(0, at)}${more}${text.slice(at)}`;
    const first = lint(text, {}, rules);
    assert.equal(first.model.checked, 'all');
    // Under the limit, an edit in a bullet updates the previous result.
    const under = lint(typed('!'), {}, rules, first);
    assert.equal(under.model.entries, first.model.entries, 'the previous model was not updated');
    const result = lint(typed('! and more'), {}, rules, under);
    assert.ok(result.model.text.length > FULL_CHECK_MAX_CHARS);
    assert.equal(result.model.checked, 'syntax');
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['yaml/limits'],
    );
  });

  it('an edit that brings a file under the full-check limit gets every check again', () => {
    const big = `${bullets(FULL_CHECK_MAX_CHARS)}`;
    const previous = lint(big, {}, [everyBullet, theName]);
    assert.equal(previous.model.checked, 'syntax');
    const small = resume(2);
    const findings = lint(small, {}, [everyBullet, theName], previous).findings;
    assert.deepEqual(
      findings.map((finding) => finding.ruleId),
      ['the-name', 'every-bullet', 'every-bullet'],
    );
  });
});

describe('bullet rules', () => {
  /** Reports each bullet it is given, with the prose the engine handed it. */
  function recorder(languages: BulletRule['languages']): BulletRule {
    return {
      meta: {
        id: `seen-${typeof languages === 'string' ? languages : languages.join(',')}`,
        severity: 'info',
        description: 'Reports every bullet it is given.',
        fixable: false,
        tags: ['prose'],
      },
      languages,
      checkBullet(bullet, context) {
        context.report({ range: bullet.range, message: context.prose.text });
      },
    };
  }
  const text = [
    'work:',
    '  - name: Acme',
    '    highlights:',
    '      - Built the **billing** service in Go for the whole team',
    '      - Développé le service de facturation pour les équipes de la banque',
    '',
  ].join('\n');

  it('are given every bullet, in file order, with its prose, when they cover any language', () => {
    const rule = recorder('any');
    assert.deepEqual(
      lint(text, {}, [rule]).findings.map((finding) => finding.message),
      ['Built the billing service in Go for the whole team', 'Développé le service de facturation pour les équipes de la banque'],
    );
  });

  it('are given only the bullets that read as a language they cover', () => {
    const rule = recorder(['en']);
    assert.deepEqual(
      lint(text, {}, [rule]).findings.map((finding) => finding.message),
      ['Built the billing service in Go for the whole team'],
    );
  });

  it('after an edit in one bullet, keep the findings in the others and check the edited one again', () => {
    // The same list: a result is reused only with the rules it was found with.
    const rules = [recorder('any')];
    const first = lint(text, {}, rules);
    const edited = text.replace('whole team', 'whole teams');
    const next = lint(edited, {}, rules, first);
    assert.equal(next.model.entries, first.model.entries, 'the edit was not incremental');
    assert.deepEqual(
      next.findings.map((finding) => [edited.slice(finding.range.start, finding.range.end), finding.message]),
      [
        ['Built the **billing** service in Go for the whole teams', 'Built the billing service in Go for the whole teams'],
        [
          'Développé le service de facturation pour les équipes de la banque',
          'Développé le service de facturation pour les équipes de la banque',
        ],
      ],
    );
  });
});
