import * as assert from 'node:assert/strict';
import { MemoContext } from '../../server/src/engine/memo';

/** One context, as a linter owns one, and a store per memoised function. */
const context = new MemoContext();
let stores = 0;
function memoizeByText<T>(compute: (text: string) => T): (text: string) => T {
  const name = `store${stores++}`;
  return (text) => context.get(name, text, compute);
}
const startMemoPass = (incremental: boolean) => context.startPass(incremental);
const forgetTexts = (texts: readonly string[]) => context.forget(texts);

/** A memo of a function that counts its calls. */
function counted<T>(compute: (text: string) => T) {
  const calls: string[] = [];
  const memo = memoizeByText((text: string) => {
    calls.push(text);
    return compute(text);
  });
  return { memo, calls };
}

describe('memoizeByText', () => {
  afterEach(() => startMemoPass(false));

  it('works out each text once, undefined answers included', () => {
    startMemoPass(false);
    const { memo, calls } = counted((text) => (text.includes('x') ? text.length : undefined));
    assert.equal(memo('axb'), 3);
    assert.equal(memo('axb'), 3);
    assert.equal(memo('ab'), undefined);
    assert.equal(memo('ab'), undefined);
    assert.deepEqual(calls, ['axb', 'ab']);
  });

  it('keeps what an incremental pass works out only until the next pass starts', () => {
    startMemoPass(false);
    const { memo, calls } = counted((text) => text.toUpperCase());
    memo('kept');
    startMemoPass(true);
    assert.equal(memo('typed'), 'TYPED');
    assert.equal(memo('typed'), 'TYPED');
    assert.equal(memo('kept'), 'KEPT');
    assert.deepEqual(calls, ['kept', 'typed']);
    startMemoPass(true);
    memo('typed');
    memo('kept');
    assert.deepEqual(calls, ['kept', 'typed', 'typed'], 'the last pass’s answer is gone, the full pass’s is not');
    startMemoPass(false);
    memo('typed');
    memo('typed');
    assert.deepEqual(calls, ['kept', 'typed', 'typed', 'typed']);
  });

  it('forgets the texts an edit made stale, in every memo', () => {
    startMemoPass(false);
    const first = counted((text) => text.length);
    const second = counted((text) => text.trim());
    first.memo('old value');
    second.memo('old value');
    first.memo('other');
    forgetTexts(['old value']);
    first.memo('old value');
    second.memo('old value');
    first.memo('other');
    assert.deepEqual(first.calls, ['old value', 'other', 'old value']);
    assert.deepEqual(second.calls, ['old value', 'old value']);
  });
});
