/**
 * Resumes written as JSON, parsed as JSON: `jsonc-parser` (what VS Code's
 * own JSON support uses) gives every node's offset and length and goes on
 * after an error. Its tree is turned into the nodes the YAML parser builds
 * for the same text read as flow YAML (maps, sequences, pairs, double-quoted
 * and plain scalars, with the same ranges), so the rest of the engine reads
 * both formats alike, while the syntax and its errors are JSON's own.
 */
import { createScanner, parseTree, type Node as JsonNode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import type { OffsetRange } from './types';
import { isJsonText } from './json';
import { FULL_CHECK_MAX_CHARS } from './limits';
import { MAX_NESTING } from './nesting';

export type ResumeFormat = 'json' | 'yaml';

/** A JSON syntax error, as `document.ts`'s `SyntaxProblem` has it. */
export interface JsonSyntaxProblem {
  range: OffsetRange;
  message: string;
  code: string;
  /** For a trailing comma: the offset of the `}` or `]` it stands before. */
  trailingCommaBefore?: number;
}

export interface JsonParse {
  /** Undefined for a text with no value at all (empty, or blanks). */
  document: Document.Parsed | undefined;
  problems: JsonSyntaxProblem[];
}

/** The format a text is read in when the adapter does not know it: JSON when it opens with `{`. */
export function formatOfText(text: string): ResumeFormat {
  return isJsonText(text) ? 'json' : 'yaml';
}

/** A file's format by its name (`resume.json`), when the name says it. */
export function formatOfName(name: string | undefined): ResumeFormat | undefined {
  if (name === undefined) return undefined;
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return undefined;
}

/** More syntax errors than this say nothing new: a binary file would give one per byte. */
const MAX_PROBLEMS = 1000;

// SyntaxKind values (a `const enum` in jsonc-parser's types, which isolated modules cannot read).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const STRING_LITERAL = 10;
const EOF = 17;
/** `ScanError.None`. */
const NO_SCAN_ERROR = 0;

/**
 * The JSON text as the document the engine reads, or undefined when it nests
 * more than {@link MAX_NESTING} levels: the parser recurses once per level,
 * so the depth is measured first, token by token, without recursion.
 */
export function parseJson(text: string): JsonParse | undefined {
  if (jsonNestingDepth(text, MAX_NESTING) > MAX_NESTING) return undefined;
  // The parser takes a byte order mark for a stray symbol: a blank of the same length keeps every offset.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems = problemsOf(source, errors);
  if (!root) return { document: undefined, problems };
  const document = new Document(undefined, { schema: 'core' }) as Document.Parsed;
  document.contents = toYamlNode(source, root) as Document.Parsed['contents'];
  document.range = [root.offset, root.offset + root.length, text.length];
  return { document, problems };
}

/** How deeply `text` nests `{` and `[`, stopping past `limit`; brackets inside strings and comments are text. */
export function jsonNestingDepth(text: string, limit: number): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let deepest = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) break;
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

function toYamlNode(text: string, node: JsonNode): YamlNode {
  const end = node.offset + node.length;
  const range: [number, number, number] = [node.offset, end, end];
  switch (node.type) {
    case 'object': {
      const map = new YAMLMap();
      map.flow = true;
      map.range = range;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        map.items.push(new Pair(toYamlNode(text, key), value ? toYamlNode(text, value) : null));
      }
      return map;
    }
    case 'array': {
      const seq = new YAMLSeq();
      seq.flow = true;
      seq.range = range;
      for (const item of node.children ?? []) seq.items.push(toYamlNode(text, item));
      return seq;
    }
    case 'string':
      return jsonStringScalar(node.value as string, node.offset, end);
    case 'property':
    case 'number':
    case 'boolean':
    case 'null': {
      const scalar = new Scalar(node.type === 'null' ? null : (node.value as unknown));
      scalar.type = 'PLAIN';
      scalar.source = text.slice(node.offset, end);
      scalar.range = range;
      return scalar;
    }
  }
}

/** A JSON string at `[start, end)` of the text, quotes included, as the node the YAML parser makes of it. */
export function jsonStringScalar(value: string, start: number, end: number): Scalar {
  const scalar = new Scalar(value);
  scalar.type = 'QUOTE_DOUBLE';
  scalar.source = value;
  scalar.range = [start, end, end];
  return scalar;
}

/**
 * The value of `token` when it is exactly one complete JSON string, quotes
 * included, that the parser reads without an error; undefined otherwise (a
 * quote or a line break inside, a bad escape, a backslash before the
 * closing quote, anything after it).
 */
export function jsonStringToken(token: string): string | undefined {
  const scanner = createScanner(token, false);
  const kind: number = scanner.scan();
  const error: number = scanner.getTokenError();
  if (kind !== STRING_LITERAL || error !== NO_SCAN_ERROR || scanner.getTokenOffset() !== 0) return undefined;
  const value = scanner.getTokenValue();
  const next: number = scanner.scan();
  return next === EOF && scanner.getTokenOffset() === token.length ? value : undefined;
}

/**
 * One problem per place, in words: the parser often reports two codes at
 * the same offset (a trailing comma is "property name expected" and "value
 * expected" at the closing bracket).
 */
function problemsOf(text: string, errors: readonly ParseError[]): JsonSyntaxProblem[] {
  const problems: JsonSyntaxProblem[] = [];
  let lastOffset = -1;
  for (const error of errors) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (error.offset === lastOffset) continue;
    lastOffset = error.offset;
    const comma = trailingCommaBefore(text, error);
    if (comma !== undefined) {
      problems.push({
        range: { start: comma, end: comma + 1 },
        message: 'Trailing comma: JSON allows none after the last item.',
        code: 'TRAILING_COMMA',
        trailingCommaBefore: error.offset,
      });
      continue;
    }
    const start = Math.min(error.offset, text.length);
    problems.push({
      range: { start, end: Math.min(text.length, start + Math.min(error.length, 200)) },
      message: JSON_ERROR_MESSAGES[error.error] ?? 'This is not valid JSON.',
      code: JSON_ERROR_CODES[error.error] ?? 'JSON_ERROR',
    });
  }
  return problems;
}

/** The offset of the comma before a closing `}` or `]` the parser stopped at, if that is what it stopped at. */
function trailingCommaBefore(text: string, error: ParseError): number | undefined {
  // PropertyNameExpected (3) or ValueExpected (4), at the closing bracket.
  const code: number = error.error;
  if (code !== 3 && code !== 4) return undefined;
  const at = text.charCodeAt(error.offset);
  if (at !== 0x7d && at !== 0x5d) return undefined;
  let i = error.offset - 1;
  while (i >= 0 && /[ \t\r\n]/.test(text.charAt(i))) i--;
  return text.charAt(i) === ',' ? i : undefined;
}

/** A name per code, for the finding's data (the codes are jsonc-parser's `ParseErrorCode`). */
const JSON_ERROR_CODES: Readonly<Record<ParseErrorCode, string>> = {
  1: 'INVALID_SYMBOL',
  2: 'INVALID_NUMBER',
  3: 'KEY_EXPECTED',
  4: 'VALUE_EXPECTED',
  5: 'COLON_EXPECTED',
  6: 'COMMA_EXPECTED',
  7: 'CLOSE_BRACE_EXPECTED',
  8: 'CLOSE_BRACKET_EXPECTED',
  9: 'END_EXPECTED',
  10: 'COMMENT',
  11: 'COMMENT',
  12: 'UNCLOSED_STRING',
  13: 'UNFINISHED_NUMBER',
  14: 'INVALID_UNICODE',
  15: 'INVALID_ESCAPE',
  16: 'CONTROL_CHARACTER',
};

const JSON_ERROR_MESSAGES: Readonly<Record<ParseErrorCode, string>> = {
  1: 'Not JSON: a value, a key in double quotes, or one of `{ } [ ] , :` belongs here.',
  2: 'Not a JSON number: write digits with no leading zero, such as `12` or `0.5`.',
  3: 'Expected a key in double quotes.',
  4: 'Expected a value: text in double quotes, a number, `true`, `false`, `null`, an object or a list.',
  5: 'Expected a colon after the key.',
  6: 'Expected a comma.',
  7: 'Expected a comma, or a `}` to close the object.',
  8: 'Expected a comma, or a `]` to close the list.',
  9: 'Expected the end of the file: the resume is one JSON object, and text follows it.',
  10: 'Comments are not allowed in JSON.',
  11: 'Comments are not allowed in JSON, and this one is not closed.',
  12: 'This string is not closed: add the closing double quote.',
  13: 'This number is cut short.',
  14: 'Not a valid `\\u` escape: write four hex digits, such as `\\u00e9`.',
  15: 'Not a JSON escape: JSON allows `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`.',
  16: 'A control character (a tab or a line break) inside a string: write it as `\\t` or `\\n`.',
};

/**
 * Whether a JSON text says it is a JSON Resume: a top-level `"$schema"`
 * that names JSON Resume, or a `bulletproof` key in its `meta` object.
 * What any JSON file, opened in the editor, is asked; most never mention
 * either word, and are not parsed.
 */
export function hasJsonMarker(text: string): boolean {
  if (text.length > FULL_CHECK_MAX_CHARS || !isJsonText(text) || !/"\$schema"|"bulletproof"/.test(text)) return false;
  const parsed = parseJson(text);
  const root = parsed?.document?.contents;
  if (!(root instanceof YAMLMap)) return false;
  const schema: unknown = root.get('$schema');
  if (typeof schema === 'string' && /json-?resume/i.test(schema)) return true;
  const meta: unknown = root.get('meta');
  return meta instanceof YAMLMap && meta.has('bulletproof');
}
