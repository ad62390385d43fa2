import * as assert from 'node:assert/strict';
import { dateFields } from '../../server/src/engine/dateFields';
import { Linter, type LintResult } from '../../server/src/engine/lint';
import type { Word } from '../../server/src/engine/prose';
import type { ResumeRule } from '../../server/src/engine/rule';
import { plainReader, TextReader } from '../../server/src/engine/textReader';
import { MemoContext } from '../../server/src/engine/memo';

const TEXT = [
  'work:',
  '  - name: Acme',
  '    startDate: 2020-01',
  '    highlights:',
  '      - Built the billing service',
  '      - Cut costs by half',
  '',
].join('\n');

/** A resume rule (it runs on every lint) that reads the first bullet's words and keeps the answers it was given. */
function firstBulletReader(): { rule: ResumeRule; answers: Word[][] } {
  const answers: Word[][] = [];
  const rule: ResumeRule = {
    meta: { id: 'first-bullet', severity: 'info', description: 'Reads the first bullet.', fixable: false, tags: ['prose'] },
    check({ model, read }) {
      const bullet = model.bullets[0];
      if (bullet) answers.push(read.words(bullet.text));
    },
  };
  return { rule, answers };
}

/** Lints `text` as an edit of `previous`, and checks that the edit took the incremental path. */
function lintEdit(linter: Linter, text: string, previous: LintResult): LintResult {
  const result = linter.lint(text, {}, previous);
  assert.equal(result.model.entries, previous.model.entries, 'the edit was not incremental');
  return result;
}

describe('what a linter remembers between lints', () => {
  it('keeps what a full lint read, for the next lint', () => {
    const { rule, answers } = firstBulletReader();
    const linter = new Linter([rule]);
    linter.lint(TEXT, {});
    linter.lint(TEXT, {});
    assert.equal(answers.length, 2);
    assert.equal(answers[1], answers[0], 'the second lint read the bullet again');
  });

  it('drops what an incremental lint read when the next lint starts', () => {
    const { rule, answers } = firstBulletReader();
    const linter = new Linter([rule]);
    const first = linter.lint(TEXT, {});
    const typed = TEXT.replace('billing service', 'billing services');
    const second = lintEdit(linter, typed, first);
    // The next edit is in the other bullet: the first bullet reads as it did in the lint before.
    lintEdit(linter, typed.replace('by half', 'by halves'), second);
    assert.equal(answers.length, 3);
    assert.deepEqual(
      answers[2]?.map((word) => word.text),
      ['Built', 'the', 'billing', 'services'],
    );
    assert.deepEqual(answers[2], answers[1]);
    assert.notEqual(answers[2], answers[1], 'an incremental lint’s answer outlived the next lint');
  });

  it('forgets what it read of a value once an edit changed it', () => {
    const { rule, answers } = firstBulletReader();
    const linter = new Linter([rule]);
    const first = linter.lint(TEXT, {});
    const away = lintEdit(linter, TEXT.replace('billing service', 'billing services'), first);
    lintEdit(linter, TEXT, away);
    assert.equal(answers.length, 3);
    assert.deepEqual(answers[2], answers[0]);
    assert.notEqual(answers[2], answers[0], 'the value as it was before the edit was still remembered');
  });

  it('gives a linter of its own a memo of its own', () => {
    const one = firstBulletReader();
    const other = firstBulletReader();
    new Linter([one.rule]).lint(TEXT, {});
    new Linter([other.rule]).lint(TEXT, {});
    assert.deepEqual(other.answers[0], one.answers[0]);
    assert.notEqual(other.answers[0], one.answers[0]);
  });
});

describe('TextReader', () => {
  it('remembers its answers over a memo, and keeps nothing without one', () => {
    const read = new TextReader(new MemoContext());
    assert.equal(read.words('Built the API'), read.words('Built the API'));
    assert.equal(read.prose('**Built** it'), read.prose('**Built** it'));
    assert.notEqual(plainReader.words('Built the API'), plainReader.words('Built the API'));
    assert.deepEqual(plainReader.words('Built the API'), read.words('Built the API'));
  });

  it('reads dates, a YAML number among them, and advises on the rest', () => {
    const read = new TextReader(new MemoContext());
    assert.deepEqual(read.date(2021), { year: 2021 });
    assert.deepEqual(read.date('2021-03'), { year: 2021, month: 3 });
    assert.equal(read.date('March 2021'), undefined);
    assert.deepEqual(read.dateAdvice('March 2021'), { kind: 'rewrite', suggestion: '2021-03' });
  });
});

describe('what a model keeps of what was worked out from it', () => {
  it('after an edit outside dates, the new model takes over the date fields; after one in a date, it finds them again', () => {
    const linter = new Linter([]);
    const first = linter.lint(TEXT, {});
    const fields = dateFields(first.model, plainReader);
    assert.deepEqual(
      fields.map((field) => [field.field, field.date]),
      [['startDate', { year: 2020, month: 1 }]],
    );
    const typed = lintEdit(linter, TEXT.replace('billing service', 'billing services'), first);
    assert.equal(dateFields(typed.model, plainReader), fields);
    const redated = lintEdit(linter, TEXT.replace('billing service', 'billing services').replace('2020-01', '2020-02'), typed);
    assert.deepEqual(
      dateFields(redated.model, plainReader).map((field) => [field.field, field.date]),
      [['startDate', { year: 2020, month: 2 }]],
    );
  });
});
