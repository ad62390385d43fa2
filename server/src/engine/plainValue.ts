/**
 * The resume as plain data, built from the YAML nodes in one pass. It gives
 * what the `yaml` package's `toJS()` gives (core schema, no merge keys),
 * but resolves each alias through a map of the anchors met so far: `toJS()`
 * searches the list of every anchor and alias for each alias, which made a
 * file with 40,000 aliases take tens of seconds. An alias shares the value
 * it repeats, as with `toJS()`.
 *
 * Where `toJS()` throws, this says what is wrong and where: an alias with
 * no anchor before it, or one inside the value it repeats, is left out
 * (its value is `undefined`) and the rest is still built; aliases that
 * would repeat more than a budget of values stop the whole value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Node as YamlNode, Pair } from 'yaml';
import type { OffsetRange } from './types';

export interface AliasProblem {
  range: OffsetRange;
  message: string;
  code: 'UNKNOWN_ALIAS' | 'RECURSIVE_ALIAS';
}

export type PlainValue =
  | { value: unknown; problems: AliasProblem[] }
  /** Aliases repeat more than the budget: no value. */
  | { tooMuch: true; problems: AliasProblem[] };

interface Anchored {
  value: unknown;
  /** How many values it holds, counting what aliases in it repeat; undefined while it is being built. */
  size: number | undefined;
}

class TooMuch extends Error {}

export function toPlainValue(root: YamlNode | null, aliasBudget: number): PlainValue {
  const builder = new Builder(aliasBudget);
  try {
    return { value: builder.build(root), problems: builder.problems };
  } catch (error) {
    if (error instanceof TooMuch) return { tooMuch: true, problems: builder.problems };
    throw error;
  }
}

class Builder {
  readonly problems: AliasProblem[] = [];
  private readonly anchors = new Map<string, Anchored>();
  /** Values built so far, each alias counting as the size of what it repeats. */
  private built = 0;
  private repeated = 0;

  constructor(private readonly budget: number) {}

  build(node: unknown): unknown {
    if (isAlias(node)) return this.alias(node);
    const before = this.built;
    this.built++;
    const anchor = (node as YamlNode | null)?.anchor;
    const anchored: Anchored | undefined = anchor ? { value: undefined, size: undefined } : undefined;
    if (anchor && anchored) this.anchors.set(anchor, anchored);
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
    } else if (isMap(node)) {
      const map: Record<string, unknown> = {};
      if (anchored) anchored.value = map;
      for (const item of node.items) this.addPair(map, item);
      value = map;
    } else if (isSeq(node)) {
      const list: unknown[] = [];
      if (anchored) anchored.value = list;
      for (const item of node.items) list.push(isPair(item) ? this.addPair({}, item) : this.build(item));
      value = list;
    } else if (isPair(node)) {
      value = this.addPair({}, node);
    } else {
      value = node ?? null;
    }
    if (anchored) {
      anchored.value = value;
      anchored.size = this.built - before;
    }
    return value;
  }

  /** As `toJS()` adds a pair: keys as strings, and a key the object already has (`__proto__`) set as its own. */
  private addPair(map: Record<string, unknown>, pair: Pair): Record<string, unknown> {
    const key = this.build(pair.key);
    const name = keyString(pair.key, key);
    const value = this.build(pair.value);
    if (name in map) Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
    else map[name] = value;
    return map;
  }

  private alias(alias: Alias): unknown {
    const target = this.anchors.get(alias.source);
    const range: OffsetRange = alias.range ? { start: alias.range[0], end: alias.range[1] } : { start: 0, end: 0 };
    if (!target) {
      this.problems.push({
        range,
        message: `\`*${alias.source}\` refers to no anchor: define \`&${alias.source}\` earlier or write the value.`,
        code: 'UNKNOWN_ALIAS',
      });
      return undefined;
    }
    if (target.size === undefined) {
      this.problems.push({
        range,
        message: `\`*${alias.source}\` is inside the value \`&${alias.source}\` names, so it would repeat itself forever: write the value out.`,
        code: 'RECURSIVE_ALIAS',
      });
      return undefined;
    }
    this.built += target.size;
    this.repeated += target.size;
    if (this.repeated > this.budget) throw new TooMuch();
    return target.value;
  }
}

/**
 * What `toJS()` names a key: `''` for null, the text of a scalar. An alias
 * of a collection (or of nothing) is named by its source, as the index names it.
 */
function keyString(node: unknown, key: unknown): string {
  if (isAlias(node) && (key === undefined || typeof key === 'object')) return `*${node.source}`;
  if (key === null || key === undefined) return '';
  return printed(key);
}

/**
 * A value as text, the way `String()` prints a primitive; an object (a
 * mapping used as a key, a date) as JSON rather than `[object Object]`.
 */
export function printed(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  if (typeof value === 'function' || typeof value === 'symbol') return value.toString();
  return String(value);
}
