/**
 * Disable comments: `# bulletproof-disable-next-line [ids]` and
 * `# bulletproof-disable [ids]`. Only whole-line YAML comments count; a `#`
 * inside a bullet's text never disables anything.
 */
import * as assert from 'node:assert/strict';
import { lintText, textAt } from '../helpers';

/** `ruleId@text under the range` of the schema and YAML findings, in order. */
function found(text: string): string[] {
  return lintText(text)
    .findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('yaml/') || f.ruleId === 'date-order')
    .map((f) => `${f.ruleId}@${textAt(text, f.range)}`);
}

const HEAD = 'basics:\n  name: Sam\n  email: sam@example.com\n';

describe('disable comments', () => {
  it('without a directive, both unknown keys are reported', () => {
    assert.deepEqual(found(`${HEAD}foo: 1\nbar: 2\n`), ['schema/unknown-key@foo', 'schema/unknown-key@bar']);
  });

  it('`# bulletproof-disable-next-line <id>` silences that rule on the next line only', () => {
    const text = `${HEAD}# bulletproof-disable-next-line schema/unknown-key\nfoo: 1\nbar: 2\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@bar']);
  });

  it('`# bulletproof-disable-next-line <other id>` leaves the rule on', () => {
    const text = `${HEAD}# bulletproof-disable-next-line date-order\nfoo: 1\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@foo']);
  });

  it('without ids, every rule on the next line', () => {
    const text = `${HEAD}# bulletproof-disable-next-line\nfoo: 1\nbar: 2\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@bar']);
  });

  it('several ids, separated by commas or spaces, and a `-- reason`', () => {
    const text = `${HEAD}work:\n  - name: A\n    startDate: 2020\n    # bulletproof-disable-next-line schema/unknown-key, date-order -- moved back\n    endDate: 2019\n    foo: 1\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@foo']);
    const spaced = text.replace('schema/unknown-key, date-order', 'date-order schema/unknown-key');
    assert.deepEqual(found(spaced), ['schema/unknown-key@foo']);
  });

  it('a blank line and a comment line between the directive and its line', () => {
    const text = `${HEAD}# bulletproof-disable-next-line schema/unknown-key\n\n# why: a field for my own theme\nfoo: 1\nbar: 2\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@bar']);
  });

  it('an indented directive inside a list entry', () => {
    const text = `${HEAD}work:\n  - name: A\n    # bulletproof-disable-next-line schema/invalid-date\n    startDate: September 2019\n    endDate: June 2021\n`;
    assert.deepEqual(found(text), ['schema/invalid-date@June 2021']);
  });

  it('CRLF line endings', () => {
    const text = `${HEAD}# bulletproof-disable-next-line schema/unknown-key\nfoo: 1\nbar: 2\n`.replace(/\n/g, '\r\n');
    assert.deepEqual(found(text), ['schema/unknown-key@bar']);
  });

  it('`# bulletproof-disable <id>` silences the rule in the whole file, wherever it stands', () => {
    assert.deepEqual(found(`${HEAD}foo: 1\n# bulletproof-disable schema/unknown-key\nbar: 2\n`), []);
    assert.deepEqual(found(`# bulletproof-disable schema/unknown-key\n${HEAD}foo: 1\nbar: 2\nwork:\n  - startDate: May 2020\n`), [
      'schema/invalid-date@May 2020',
    ]);
  });

  it('`# bulletproof-disable` without ids silences every rule', () => {
    const { findings } = lintText(`# bulletproof-disable\nfoo: 1\nwork:\n  - startDate: May 2020\n`);
    assert.deepEqual(findings, []);
  });

  it('a similar word is not a directive', () => {
    assert.deepEqual(found(`${HEAD}# bulletproof-disabled schema/unknown-key\nfoo: 1\n`), ['schema/unknown-key@foo']);
    assert.deepEqual(found(`${HEAD}# bulletproof-disable-next-lines\nfoo: 1\n`), ['schema/unknown-key@foo']);
  });

  it('a directive after a value on the same line does not disable the next line', () => {
    const text = `${HEAD}foo: 1 # bulletproof-disable-next-line\nbar: 2\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@foo', 'schema/unknown-key@bar']);
  });

  it('a `#` inside a quoted or plain bullet never disables', () => {
    const text = `${HEAD}work:\n  - name: A\n    highlights:\n      - "Wrote # bulletproof-disable in a doc"\n      - Tagged C# bulletproof-disable-next-line\n    foo: 1\n`;
    assert.deepEqual(found(text), ['schema/unknown-key@foo']);
  });

  // Bug: directives are found by scanning raw lines, so a line of a block
  // scalar that starts with `#` counts as a comment and silences the file.
  it('a line starting with `#` inside a literal or folded bullet never disables', () => {
    const literal = `${HEAD}work:\n  - name: A\n    highlights:\n      - |\n        # bulletproof-disable\n    foo: 1\n`;
    assert.deepEqual(found(literal), ['schema/unknown-key@foo']);
    const folded = `${HEAD}work:\n  - name: A\n    highlights:\n      - >\n        Wrote the runbook:\n        # bulletproof-disable-next-line\n    foo: 1\n`;
    assert.deepEqual(found(folded), ['schema/unknown-key@foo']);
  });
});
