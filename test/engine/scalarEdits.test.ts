/**
 * Writing a new value into a scalar: as a JSON string in a JSON file, and,
 * for a small change of letters (a verb's tense, a product's spelling), as
 * the smallest edit, so the rest of the scalar stays as the person wrote it.
 */
import * as assert from 'node:assert/strict';
import { isScalar, parseDocument, type Scalar } from 'yaml';
import { applyEdits } from '../../server/src/engine/fixes';
import { changeScalar, renderScalar } from '../../server/src/engine/scalarRender';

/** The first string scalar under `key`, anywhere in the text. */
function scalarAt(text: string, key: string): Scalar {
  const node = parseDocument(text, { schema: 'core' }).getIn(
    key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    true,
  );
  assert.ok(isScalar(node), key);
  return node;
}

/** The edit, and the value the scalar reads as after it. */
function changed(text: string, key: string, value: string): { edit: { start: number; end: number; newText: string }; after: unknown } {
  const edit = changeScalar(text, scalarAt(text, key), value);
  const out = applyEdits(text, [edit]);
  return { edit: { ...edit.range, newText: edit.newText }, after: scalarAt(out, key).value };
}

describe('renderScalar in a JSON file', () => {
  it('writes a JSON string whatever the scalar was, with JSON escapes only', () => {
    const text = '{"a": 5551234, "b": "x"}';
    assert.equal(renderScalar(text, scalarAt(text, 'a'), ['5551234']).newText, '"5551234"');
    const value = 'tab\tquote" back\\ esc\u001b nel\u0085 ls\u2028 bom\ufeff';
    assert.equal(
      renderScalar(text, scalarAt(text, 'b'), [value]).newText,
      '"tab\\tquote\\" back\\\\ esc\\u001b nel\\u0085 ls\\u2028 bom\\ufeff"',
    );
    assert.equal(JSON.parse(renderScalar(text, scalarAt(text, 'b'), [value]).newText), value);
  });

  it('writes a placeholder inside the quotes', () => {
    const text = '{"b": "x"}';
    const edit = renderScalar(text, scalarAt(text, 'b'), ['Cut "p99" by ', { placeholder: '‹N›' }, '%']);
    assert.deepEqual([edit.newText, edit.snippet], ['"Cut \\\\"p99\\\\" by ${1:‹N›}%"', true]);
  });
});

describe('changeScalar', () => {
  it('inserts the letters a verb gains, in every style', () => {
    for (const [text, value] of [
      ['a: Manage the team\n', 'Managed the team'],
      ["a: 'Manage the team'\n", 'Managed the team'],
      ['a: "Manage the\\tteam"\n', 'Managed the\tteam'],
      ['a: |\n  Manage the team\n', 'Managed the team\n'],
      ['a: >-\n  Manage the\n  team\n', 'Managed the team'],
      ['{"a": "Manage the \\u0074eam"}', 'Managed the team'],
    ] as const) {
      const { edit, after } = changed(text, 'a', value);
      const verbEnd = text.indexOf('Manage') + 'Manage'.length;
      assert.deepEqual(edit, { start: verbEnd, end: verbEnd, newText: 'd' }, text);
      assert.equal(after, value, text);
    }
  });

  it('replaces only the letters that differ: `Lead` → `Led`, `Postgres` → `PostgreSQL`, `k8s` → `Kubernetes`', () => {
    assert.deepEqual(changed('- x\n- Lead a team\n', '1', 'Led a team'), { edit: { start: 8, end: 9, newText: '' }, after: 'Led a team' });
    assert.deepEqual(changed('a: [Postgres, Redis]\n', 'a.0', 'PostgreSQL'), {
      edit: { start: 11, end: 12, newText: 'SQL' },
      after: 'PostgreSQL',
    });
    assert.deepEqual(changed('a: Ran k8s clusters\n', 'a', 'Ran Kubernetes clusters'), {
      edit: { start: 7, end: 9, newText: 'Kubernete' },
      after: 'Ran Kubernetes clusters',
    });
  });

  it('rewrites the whole scalar when the change is more than letters, or touches an escape or a fold', () => {
    const whole = (text: string, value: string) => {
      const node = scalarAt(text, 'a');
      assert.deepEqual(changeScalar(text, node, value), renderScalar(text, node, [value]), text);
    };
    whole('a: Design, build and run it\n', 'Designed, built and ran it');
    whole('a: "Manag\\u0065 it"\n', 'Managed it');
    whole('a: Manage\n  it\n', 'Manage it now');
    // A plain scalar that would no longer read as text: quoted, in full.
    whole('a: Yesterday\n', 'Yes');
  });
});
