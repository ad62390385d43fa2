import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-main-language';
import { findingsOf, textAt } from '../helpers';
import { applyFix, assertValidYaml, examplePosting, exampleResume, markdownPosting } from '../engine/posting/support';
import { first } from '../support/lists';

const ID = 'posting-main-language';
const GO_POSTING = markdownPosting(
  ['# Senior Go Engineer', '', '## Requirements', '- Go and PostgreSQL', '- Some Python is a plus'].join('\n'),
);

function resume(keywords: string): string {
  return `basics:
  name: Dana Reyes
  summary: Backend engineer; eight years of Java, the last three in Go.
skills:  # deepest first
  - name: Languages
    keywords: ${keywords}
  - name: Data
    keywords: [PostgreSQL]
`;
}

function lintWith(text: string, posting = GO_POSTING) {
  return findingsOf(text, ID, { posting }, [rule]);
}

describe(ID, () => {
  it('flags the main language when another comes first', () => {
    const text = resume('[Java, Python, Go]  # by years');
    const findings = lintWith(text);
    assert.deepEqual(
      findings.map((f) => [textAt(text, f.range), f.range.start, f.severity, f.message]),
      [['Go', text.indexOf('Go]'), 'info', "`Go` is the posting's main language but comes after `Java` in your Languages: lead with it."]],
    );
  });

  it('finds the languages by what a group lists, not by its name', () => {
    const text = `basics:
  name: Dana Reyes
skills:
  - name: Software Engineering
    keywords: [Go, Java, Python, Kubernetes]
  - name: Other Languages
    keywords: [Ruby]
  - name: Languages
    keywords: [English, Spanish]
`;
    // Go leads the group that lists the languages: nothing to say.
    assert.deepEqual(lintWith(text), []);
    const reordered = text.replace('[Go, Java, Python, Kubernetes]', '[Java, Go, Python, Kubernetes]');
    assert.deepEqual(
      lintWith(reordered).map((f) => [textAt(reordered, f.range), f.message]),
      [['Go', "`Go` is the posting's main language but comes after `Java` in your Software Engineering: lead with it."]],
    );
  });

  it('moves it first in a flow list: a suggestion, finding gone, YAML valid, comments kept', () => {
    const text = resume('[Java, Python, Go]  # by years');
    const finding = first(lintWith(text));
    const fix = first(finding.fixes);
    // Only the person knows which language they know best: never applied by --fix.
    assert.deepEqual([fix.title, fix.safe, fix.isPreferred], ['Move Go first', undefined, undefined]);
    const fixed = applyFix(text, fix);
    assert.ok(fixed.includes('    keywords: [Go, Java, Python]  # by years\n'), fixed);
    assert.ok(fixed.includes('skills:  # deepest first'));
    assertValidYaml(fixed, ['basics', 'skills']);
    assert.deepEqual(lintWith(fixed), []);
  });

  it('moves the line in a block list, with its comment', () => {
    const text = resume('\n      - Java   # 8 years\n      - Golang # 3 years\n      - SQL');
    const finding = first(lintWith(text));
    assert.equal(textAt(text, finding.range), 'Golang');
    assert.equal(finding.message, "`Golang` is the posting's main language but comes after `Java` in your Languages: lead with it.");
    const fixed = applyFix(text, first(finding.fixes));
    assert.ok(fixed.includes('    keywords: \n      - Golang # 3 years\n      - Java   # 8 years\n      - SQL\n'), fixed);
    assertValidYaml(fixed, ['basics', 'skills']);
    assert.deepEqual(lintWith(fixed), []);
  });

  it('compares languages only: a framework or tool listed before them does not count', () => {
    assert.deepEqual(lintWith(resume('[gRPC, Go, Java]')), []);
    const text = resume('[gRPC, Java, Go]');
    const fixed = applyFix(text, first(first(lintWith(text)).fixes));
    assert.ok(fixed.includes('keywords: [gRPC, Go, Java]'));
  });

  it('says so, without a fix, when the languages list lacks it but the resume shows it', () => {
    const text = resume('[Java, Python]');
    const findings = lintWith(text);
    assert.deepEqual(
      findings.map((f) => [textAt(text, f.range), f.message, f.fixes.length]),
      [['keywords', "The posting's main language is `Go`, but your Languages list does not include it: if you use it, list it first.", 0]],
    );
  });

  it('stays quiet when the resume never mentions it (posting-missing-term says so), or lists it first', () => {
    const never = resume('[Java, Python]').replace('the last three in Go', 'the last three in Kotlin');
    assert.deepEqual(lintWith(never), []);
    assert.deepEqual(lintWith(resume('[Go, Java]')), []);
  });

  it('stays quiet without a posting, or when the posting has no main language', () => {
    assert.deepEqual(findingsOf(resume('[Java, Go]'), ID, {}, [rule]), []);
    assert.deepEqual(lintWith(resume('[Java, Go]'), markdownPosting('- Kafka and PostgreSQL')), []);
  });

  it('flags the example resume for the Java and Python postings, not the Go one', () => {
    const text = exampleResume();
    assert.deepEqual(lintWith(text, examplePosting('acme-backend.md')), []);
    const java = lintWith(text, examplePosting('globex-platform.txt'));
    assert.deepEqual(
      java.map((f) => f.message),
      ["`Java` is the posting's main language but comes after `Go` in your Languages: lead with it."],
    );
    const fixed = applyFix(text, first(first(java).fixes));
    assert.ok(fixed.includes('keywords: [Java, Go, SQL, Python]'));
    assert.deepEqual(lintWith(fixed, examplePosting('globex-platform.txt')), []);
    const python = lintWith(text, examplePosting('initech-api.job.yaml'));
    assert.ok(applyFix(text, first(first(python).fixes)).includes('keywords: [Python, Go, Java, SQL]'));
  });
});
