/**
 * Picking elements out of a list in a test: each asserts the element is
 * there (the failure shows the list) and gives it back typed, so a test
 * says what it expects instead of reading `undefined` further down.
 */
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';

function shown(list: readonly unknown[]): string {
  return inspect(list, { depth: 4, breakLength: 120 });
}

/** The one element of a list that must hold exactly one. */
export function only<T>(list: readonly T[], what = 'element'): T {
  assert.equal(list.length, 1, `expected exactly one ${what}, got ${list.length}: ${shown(list)}`);
  return list[0] as T;
}

/** The element at `index` (negative counts from the end), which must exist. */
export function nth<T>(list: readonly T[], index: number, what = 'element'): T {
  const at = index < 0 ? list.length + index : index;
  assert.ok(at >= 0 && at < list.length, `expected a ${what} at ${index}, got ${list.length}: ${shown(list)}`);
  return list[at] as T;
}

/** The first element of a list that must not be empty. */
export function first<T>(list: readonly T[], what = 'element'): T {
  return nth(list, 0, what);
}

/** The last element of a list that must not be empty. */
export function last<T>(list: readonly T[], what = 'element'): T {
  return nth(list, -1, what);
}

type Tuple<T, N extends number, Built extends T[] = []> = Built['length'] extends N ? Built : Tuple<T, N, [...Built, T]>;

/** The first `count` elements of a list that must hold at least that many, as a tuple to destructure. */
export function take<T, N extends number>(list: readonly T[], count: N, what = 'element'): Tuple<T, N> {
  assert.ok(list.length >= count, `expected at least ${count} ${what}s, got ${list.length}: ${shown(list)}`);
  return list.slice(0, count) as Tuple<T, N>;
}

/** The elements of a list that must hold exactly `count`, as a tuple to destructure. */
export function exactly<T, N extends number>(list: readonly T[], count: N, what = 'element'): Tuple<T, N> {
  assert.equal(list.length, count, `expected exactly ${count} ${what}s, got ${list.length}: ${shown(list)}`);
  return list.slice() as Tuple<T, N>;
}

/** An element of a list that must not be empty, chosen with `random` (a number in [0, 1)). */
export function pickWith<T>(random: () => number, list: readonly T[], what = 'element'): T {
  return nth(list, Math.floor(random() * list.length), what);
}
