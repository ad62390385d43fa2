/**
 * What the `yaml` lexer knows about a text that the parsed document keeps
 * out of easy reach: where the comments are, and where flow collections
 * (`[...]`, `{...}`) run. Fix writers need both: a fix must never drop a
 * comment, and a plain scalar means something else inside a flow collection.
 * The lexer alone tells a `#` that starts a comment from one inside a scalar.
 * Lexed once per text: the last text asked about is kept.
 */
import { Lexer } from 'yaml';
import type { OffsetRange } from './types';

export interface SourceComment extends OffsetRange {
  /** The comment as written, `#` included. */
  text: string;
}

interface Lexed {
  text: string;
  /** In file order. */
  comments: SourceComment[];
  flowRanges: [number, number][];
  /** The lexer failed: anything may be a comment or in a flow collection. */
  unknown: boolean;
}

/** `yaml`'s lexer markers: they take no room in the source. */
const LEXER_MARKERS = new Set(['\x02', '\x18', '\x1f']);

let last: Lexed | undefined;

function lexed(text: string): Lexed {
  if (last?.text === text) return last;
  const comments: SourceComment[] = [];
  const flowRanges: [number, number][] = [];
  let unknown = false;
  try {
    const open: number[] = [];
    let at = 0;
    for (const token of new Lexer().lex(text)) {
      if (LEXER_MARKERS.has(token)) {
        // `\x18` ends a broken flow collection.
        if (token === '\x18') while (open.length) flowRanges.push([open.pop()!, at]);
        continue;
      }
      if (token[0] === '#') comments.push({ start: at, end: at + token.length, text: token });
      else if (token === '[' || token === '{') open.push(at);
      else if ((token === ']' || token === '}') && open.length) flowRanges.push([open.pop()!, at + 1]);
      at += token.length;
    }
    while (open.length) flowRanges.push([open.pop()!, text.length]);
  } catch {
    unknown = true;
  }
  last = { text, comments, flowRanges, unknown };
  return last;
}

/** Every comment of the text, in file order. */
export function commentsOf(text: string): readonly SourceComment[] {
  return lexed(text).comments;
}

/**
 * The comments that start inside `[start, end)`; undefined when the text
 * could not be lexed, so a caller that must keep comments offers nothing.
 */
export function commentsIn(text: string, start: number, end: number): SourceComment[] | undefined {
  const { comments, unknown } = lexed(text);
  if (unknown) return undefined;
  return comments.filter((comment) => comment.start >= start && comment.start < end);
}

/** Whether `offset` lies inside a flow collection (`[...]`, `{...}`); "maybe" when unlexable. */
export function inFlowCollection(text: string, offset: number): boolean {
  if (!text.includes('[') && !text.includes('{')) return false;
  const { flowRanges, unknown } = lexed(text);
  return unknown || flowRanges.some(([start, end]) => offset > start && offset < end);
}
