/**
 * Highlights written as mappings (`- text: …` with `tags: […]`) or nested
 * lists: one `schema/wrong-type` on the list's key that says what the items
 * look like, not one per item; the text that is plainly a bullet is still
 * a bullet, and the bullet rules read it.
 */
import * as assert from 'node:assert/strict';
import { at as offsetOf } from './scalarSupport';
import { findingsOf, lintText, textAt } from '../helpers';
import { parseResume } from '../../server/src/engine/document';
import firstPerson from '../../server/src/rules/first-person';
import { first } from '../support/lists';

const WRONG_TYPE = 'schema/wrong-type';

/** The range of the `nth` occurrence of `needle`. */
function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  const start = offsetOf(text, needle, nth);
  return { start, end: start + needle.length };
}

/** `[text under the range, message]` of each finding of `ruleId`. */
function found(text: string, ruleId: string): [string, string][] {
  return findingsOf(text, ruleId).map((finding) => [textAt(text, finding.range), finding.message]);
}

const resume = (...highlights: string[]) =>
  ['basics:', '  name: Sam', '  email: sam@example.com', 'work:', '  - name: Acme', '    highlights:', ...highlights, ''].join('\n');

describe('highlights that are mappings or nested lists', () => {
  const TAGGED = resume(
    '      - text: Cut p99 latency from 900 ms to 200 ms',
    '        tags: [backend, latency]',
    '      - text: I built the billing service',
    '        tags: [backend]',
    '      - Moved 40 services to Kubernetes',
    '      - 2019',
  );

  it('one finding on the `highlights` key, naming the items’ fields; other errors stay as they are', () => {
    assert.deepEqual(found(TAGGED, WRONG_TYPE), [
      [
        'highlights',
        '`highlights` should be a list of text, one bullet per item: 2 items here are sets of fields (`text`, `tags`). JSON Resume themes expect text here.',
      ],
      ['2019', 'This value should be text, not a whole number. Quote it to keep it as text: "2019".'],
    ]);
    const [list] = findingsOf(TAGGED, WRONG_TYPE);
    assert.deepEqual(list?.range, at(TAGGED, 'highlights'));
    assert.deepEqual(list?.fixes, []);
  });

  it('the `text` of each is a bullet, its tags are not', () => {
    const bullets = parseResume(TAGGED).bullets.filter((bullet) => bullet.kind === 'highlight');
    assert.deepEqual(
      bullets.map((bullet) => [bullet.path, bullet.entryPath, bullet.text, bullet.range]),
      [
        [
          'work[0].highlights[0].text',
          'work[0]',
          'Cut p99 latency from 900 ms to 200 ms',
          at(TAGGED, 'Cut p99 latency from 900 ms to 200 ms'),
        ],
        ['work[0].highlights[1].text', 'work[0]', 'I built the billing service', at(TAGGED, 'I built the billing service')],
        ['work[0].highlights[2]', 'work[0]', 'Moved 40 services to Kubernetes', at(TAGGED, 'Moved 40 services to Kubernetes')],
      ],
    );
  });

  it('the bullet rules read that text: a first-person opening, at its exact place, with its fix', () => {
    const findings = findingsOf(TAGGED, 'first-person', {}, [firstPerson]);
    assert.deepEqual(
      findings.map((finding) => [finding.range, finding.message]),
      [[at(TAGGED, 'I'), '`I` is first person: resume bullets leave the subject implied and start with the verb.']],
    );
    assert.deepEqual(first(first(findings).fixes).edits, [
      { range: at(TAGGED, 'I built the billing service'), newText: 'Built the billing service' },
    ]);
  });

  it('nested lists: counted, and each text in them is a bullet', () => {
    const text = resume('      - - Built the payments queue', '        - Cut p99 latency by 40%', '      - Shipped the API');
    assert.deepEqual(found(text, WRONG_TYPE), [
      [
        'highlights',
        '`highlights` should be a list of text, one bullet per item: 1 item is a nested list here. JSON Resume themes expect text here.',
      ],
    ]);
    assert.deepEqual(
      parseResume(text).bullets.map((bullet) => bullet.path),
      ['work[0].highlights[0][0]', 'work[0].highlights[0][1]', 'work[0].highlights[1]'],
    );
  });

  it('mappings and lists together; a mapping with one text is a bullet, one with other fields is not', () => {
    const text = resume(
      '      - Payments: Cut p99 latency by 40%',
      '      - title: Migration',
      '        year: "2020"',
      '      - [Built a queue]',
    );
    assert.deepEqual(found(text, WRONG_TYPE), [
      [
        'highlights',
        '`highlights` should be a list of text, one bullet per item: 2 items here are sets of fields (`Payments`, `title`, `year`) and 1 item is a nested list. JSON Resume themes expect text here.',
      ],
    ]);
    assert.deepEqual(
      parseResume(text).bullets.map((bullet) => [bullet.path, bullet.text]),
      [
        ['work[0].highlights[0].Payments', 'Cut p99 latency by 40%'],
        ['work[0].highlights[2][0]', 'Built a queue'],
      ],
    );
  });

  it('many fields: the first four are named', () => {
    const text = resume('      - {a: x, b: y, c: z, d: w, e: v}');
    assert.deepEqual(found(text, WRONG_TYPE), [
      [
        'highlights',
        '`highlights` should be a list of text, one bullet per item: 1 item here is a set of fields (`a`, `b`, `c`, `d`, …). JSON Resume themes expect text here.',
      ],
    ]);
  });

  it('in JSON, in volunteer and projects too', () => {
    const text =
      '{\n  "basics": {"name": "Sam", "email": "sam@example.com"},\n' +
      '  "volunteer": [{"organization": "Code Club", "highlights": [{"description": "Taught 30 students SQL"}]}],\n' +
      '  "projects": [{"name": "Queue", "highlights": [["Built it"], ["Ran it"]]}]\n}\n';
    assert.deepEqual(found(text, WRONG_TYPE), [
      [
        '"highlights"',
        '`highlights` should be a list of text, one bullet per item: 1 item here is a set of fields (`description`). JSON Resume themes expect text here.',
      ],
      [
        '"highlights"',
        '`highlights` should be a list of text, one bullet per item: 2 items are nested lists here. JSON Resume themes expect text here.',
      ],
    ]);
    assert.deepEqual(
      lintText(text).model.bullets.map((bullet) => [bullet.path, bullet.section, bullet.text]),
      [
        ['volunteer[0].highlights[0].description', 'volunteer', 'Taught 30 students SQL'],
        ['projects[0].highlights[0][0]', 'projects', 'Built it'],
        ['projects[0].highlights[1][0]', 'projects', 'Ran it'],
      ],
    );
  });

  it('a mapping elsewhere (under education) keeps the schema’s own error', () => {
    const text =
      'basics:\n  name: Sam\n  email: sam@example.com\neducation:\n  - institution: State\n    courses:\n      - {name: Databases}\n';
    assert.deepEqual(found(text, WRONG_TYPE), [['{name: Databases}', 'This value should be text, not a set of `key: value` fields.']]);
  });
});
