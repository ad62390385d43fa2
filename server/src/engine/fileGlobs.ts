/**
 * Which files are resumes, by name: the `files` globs and the marker line.
 * The globs are matched by the small matcher below, not by a regular
 * expression: a glob such as `*a*a*a*a*a*b` or `+(a|aa)+(a|aa)…x` made a
 * regular expression backtrack for minutes against a long file name. Here a
 * `*` backtracks only to the last `*` seen (and `**` to the last `**`), so a
 * match costs at most (path length × glob length) steps. Paths here are
 * `/`-separated: the Node side makes them relative to a folder first.
 */
import { expandBraces, globProblem } from './globSyntax';

/** A first line that opts any YAML file in, whatever its name. */
const MARKER = /^\uFEFF?# bulletproof[ \t]*\r?$/;

export function hasMarker(text: string): boolean {
  const end = text.indexOf('\n');
  return MARKER.test(end === -1 ? text : text.slice(0, end));
}

export type PathMatcher = (slashPath: string) => boolean;

/**
 * Globs, where a leading `!` excludes, matched case-insensitively on a
 * `/`-separated path. A glob with a problem (see `globProblem`) is left out,
 * never thrown. `excludeOnly`: only the `!` globs, true for a path they exclude.
 */
export function pathMatcher(patterns: readonly string[], excludeOnly = false): PathMatcher {
  const include = excludeOnly ? [] : compileAll(patterns.filter((p) => !p.startsWith('!')));
  const exclude = compileAll(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  return (slashPath) => {
    const parts = splitPath(slashPath);
    const excluded = exclude.some((glob) => glob.matchParts(parts));
    return excludeOnly ? excluded : !excluded && include.some((glob) => glob.matchParts(parts));
  };
}

/** The problems of a `files` list, each with the index of its glob. */
export function globProblems(patterns: readonly string[]): { index: number; message: string }[] {
  return patterns.flatMap((pattern, index) => {
    const message = globProblem(pattern);
    return message === undefined ? [] : [{ index, message }];
  });
}

/** True when the text has a wildcard, a class or braces, so it names files by pattern rather than by name. */
export function isGlob(pattern: string): boolean {
  return splitGlobBase(pattern).rest !== '';
}

/**
 * `cv/2026/*.yaml` → base `cv/2026`, rest `*.yaml`: the folder to walk and
 * the glob to match below it. The base is unescaped; the rest is a glob.
 */
export function splitGlobBase(pattern: string): { base: string; rest: string } {
  const segments = splitUnescaped(pattern, '/');
  const literal = segments.findIndex(hasMagic);
  if (literal === -1) return { base: unescape(pattern), rest: '' };
  const base = segments.slice(0, literal).map(unescape).join('/');
  return { base: base === '' && literal > 0 ? '/' : base, rest: segments.slice(literal).join('/') };
}

export interface Glob {
  /** Matches a `/`-separated path (a leading `/` or `./` is ignored). */
  matches(candidate: string): boolean;
  /** How many folders deep a match can be, for a walk; Infinity with `**`. */
  maxDepth: number;
}

/** A single glob, with no `!`. Throws when `globProblem` has a message for it. */
export function compileGlob(pattern: string): Glob {
  const problem = globProblem(pattern);
  if (problem !== undefined) throw new Error(problem);
  const compiled = compile(pattern);
  return {
    matches: (candidate) => compiled.matchParts(splitPath(candidate)),
    maxDepth: compiled.maxDepth,
  };
}

// ---------------------------------------------------------------------------
// The matcher

/** One character position: a literal, `?`, or a class such as `[a-z]`. */
type CharTest = string | { negated: boolean; ranges: [string, string][] } | typeof ANY_CHAR;
const ANY_CHAR = Symbol('?');
const STAR = Symbol('*');
const GLOBSTAR = Symbol('**');
type SegmentToken = CharTest | typeof STAR;
/** A path segment's tokens, or `**` for any number of segments. */
type Segment = SegmentToken[] | typeof GLOBSTAR;

interface Compiled {
  matchParts(parts: string[][]): boolean;
  maxDepth: number;
}

function compileAll(patterns: readonly string[]): Compiled[] {
  return patterns.filter((pattern) => globProblem(pattern) === undefined).map(compile);
}

function compile(pattern: string): Compiled {
  const alternatives = expandBraces(pattern) ?? [];
  const globs = alternatives.map((alternative) =>
    splitUnescaped(alternative.toLowerCase().replace(/^(\.\/)+/, ''), '/')
      .filter((segment) => segment !== '')
      .map((segment): Segment => (segment === '**' ? GLOBSTAR : tokenize(segment))),
  );
  return {
    matchParts: (parts) => globs.some((glob) => matchSequence(glob, parts, matchSegment)),
    maxDepth: Math.max(0, ...globs.map((glob) => (glob.includes(GLOBSTAR) ? Infinity : glob.length))),
  };
}

/**
 * Wildcard matching with one backtrack point: on a mismatch, the last star
 * takes one more item and matching resumes after it. Correct because every
 * other token takes exactly one item; each (token, item) pair is tried at
 * most once per star, so the cost is at most tokens × items.
 */
function matchSequence<T, I extends object | string>(
  tokens: readonly (T | typeof STAR | typeof GLOBSTAR)[],
  items: readonly I[],
  one: (token: T, item: I) => boolean,
): boolean {
  let t = 0;
  let i = 0;
  let starAt = -1;
  let starItem = 0;
  const isStar = (token: unknown) => token === STAR || token === GLOBSTAR;
  for (let item = items[i]; item !== undefined; item = items[i]) {
    if (t < tokens.length && isStar(tokens[t])) {
      starAt = t++;
      starItem = i;
    } else if (t < tokens.length && one(tokens[t] as T, item)) {
      t++;
      i++;
    } else if (starAt >= 0) {
      t = starAt + 1;
      i = ++starItem;
    } else {
      return false;
    }
  }
  while (t < tokens.length && isStar(tokens[t])) t++;
  return t === tokens.length;
}

function matchSegment(tokens: SegmentToken[], part: string[]): boolean {
  return matchSequence<CharTest, string>(tokens, part, matchChar);
}

function matchChar(test: CharTest, char: string): boolean {
  if (test === ANY_CHAR) return true;
  if (typeof test === 'string') return test === char;
  const inside = test.ranges.some(([low, high]) => low <= char && char <= high);
  return inside !== test.negated;
}

function splitPath(candidate: string): string[][] {
  return candidate
    .toLowerCase()
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .map((part) => Array.from(part));
}

function tokenize(segment: string): SegmentToken[] {
  const chars = Array.from(segment);
  const tokens: SegmentToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = charAt(chars, i);
    if (char === '\\' && i + 1 < chars.length) tokens.push(charAt(chars, ++i));
    else if (char === '*') {
      if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
    } else if (char === '?') tokens.push(ANY_CHAR);
    else if (char === '[') {
      const parsed = parseClass(chars, i);
      if (parsed) {
        tokens.push(parsed.test);
        i = parsed.end;
      } else tokens.push('[');
    } else tokens.push(char);
  }
  return tokens;
}

/** `chars[index]`, or '' past the end (the callers read within bounds). */
function charAt(chars: readonly string[], index: number): string {
  return chars[index] ?? '';
}

/** `[abc]`, `[a-z]`, `[!a]` or `[^a]` from `chars[start]`; undefined when it is not closed. */
function parseClass(chars: string[], start: number): { test: CharTest; end: number } | undefined {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < chars.length; first = false) {
    if (chars[i] === ']' && !first) return { test: { negated, ranges }, end: i };
    const low = chars[i] === '\\' && i + 1 < chars.length ? charAt(chars, ++i) : charAt(chars, i);
    i++;
    if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
      const high = chars[i + 1] === '\\' && i + 2 < chars.length ? charAt(chars, (i += 2)) : charAt(chars, ++i);
      i++;
      ranges.push([low, high]);
    } else ranges.push([low, low]);
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Escapes

/** Wildcards, classes, braces, or an extglob's opening (`+(`), which `globProblem` turns down. */
function hasMagic(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const char = segment.charAt(i);
    if (char === '\\') i++;
    else if ('*?[{'.includes(char) || ('@+!'.includes(char) && segment[i + 1] === '(')) return true;
  }
  return false;
}

function splitUnescaped(text: string, separator: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}
