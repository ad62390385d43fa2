/**
 * posting-main-language on a RenderCV file: the languages are read from the
 * one-line skills entry (`details`, comma-separated) through the resume
 * view, and the fix moves the language to the front of that text.
 */
import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-main-language';
import { findingsOf, lintText, textAt } from '../helpers';
import { applyFix, markdownPosting } from '../engine/posting/support';
import { first } from '../support/lists';

const ID = 'posting-main-language';
const GO_POSTING = markdownPosting(
  ['# Senior Go Engineer', '', '## Requirements', '- Go and PostgreSQL', '- Some Python is a plus'].join('\n'),
);
const FILE = 'Dana_Reyes_CV.yaml';

function resume(details: string): string {
  return `cv:
  name: Dana Reyes
  sections:
    summary:
      - Backend engineer; eight years of Java, the last three in Go.
    skills:  # deepest first
      - label: Languages
        details: ${details}
      - label: Data
        details: PostgreSQL
`;
}

const lintWith = (text: string) => findingsOf(text, ID, { posting: GO_POSTING, fileName: FILE }, [rule]);

describe(`${ID} on RenderCV`, () => {
  it('flags the main language where it sits in the one-line skills entry, with the same message', () => {
    const text = resume('Java, Python, Go  # by years');
    const findings = lintWith(text);
    assert.deepEqual(
      findings.map((f) => [textAt(text, f.range), f.range, f.severity, f.message]),
      [
        [
          'Go',
          { start: text.indexOf('Go  #'), end: text.indexOf('Go  #') + 2 },
          'info',
          "`Go` is the posting's main language but comes after `Java` in your Languages: lead with it.",
        ],
      ],
    );
  });

  it('moves it to the front of the text: a suggestion; the finding goes, the comment stays, the file is still RenderCV', () => {
    const text = resume('Java, Python, Go  # by years');
    const fix = first(first(lintWith(text)).fixes);
    assert.deepEqual([fix.title, fix.safe], ['Move Go first', undefined]);
    const fixed = applyFix(text, fix);
    assert.equal(fixed, resume('Go, Java, Python  # by years'));
    assert.deepEqual(lintWith(fixed), []);
    const result = lintText(fixed, { fileName: FILE });
    assert.equal(result.model.layout.id, 'rendercv');
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId.startsWith('schema/')),
      [],
    );
  });

  it('compares languages only, and keeps a quoted text quoted', () => {
    assert.deepEqual(lintWith(resume('gRPC, Go, Java')), []);
    const text = resume('"gRPC, Java, Go, SQL"');
    const fixed = applyFix(text, first(first(lintWith(text)).fixes));
    assert.equal(fixed, resume('"gRPC, Go, Java, SQL"'));
  });

  it('says so on `details`, without a fix, when the languages lack it but the resume shows it', () => {
    const text = resume('Java, Python');
    assert.deepEqual(
      lintWith(text).map((f) => [textAt(text, f.range), f.message, f.fixes.length]),
      [['details', "The posting's main language is `Go`, but your Languages list does not include it: if you use it, list it first.", 0]],
    );
  });

  it('stays quiet when the language leads', () => {
    assert.deepEqual(lintWith(resume('Go, Java, Python')), []);
  });
});
