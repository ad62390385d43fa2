/**
 * The document model: the YAML AST with exact source ranges, an index from
 * a JSON-style path (`work[2].highlights[0]`) to the key and value ranges,
 * and the bullets the prose rules read.
 *
 * We parse with the `yaml` package because it keeps a range for every node
 * (maps and sequences included) and goes on after a syntax error, so what
 * did parse is still checked.
 */
import { Composer, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, Scalar } from 'yaml';
import type { CST, Node as YamlNode, YAMLError } from 'yaml';
import type { OffsetRange } from './types';
import { Derived, derivedSlot } from './derived';
import { scalarSourceMap } from './scalarSource';
import { MAX_NESTING, NestingMeter } from './nesting';
import { describeSize, FULL_CHECK_MAX_CHARS, MAX_ALIAS_EXPANSION, MAX_DOCUMENT_CHARS, SYNTAX_ONLY_CHARS } from './limits';
import { toPlainValue } from './plainValue';
import { printed } from './plainValue';
import { formatOfText, parseJson, type ResumeFormat } from './jsonParse';
import { formatPath, type Bullet, type PathEntry, type PathSegment, type ResumeModel, type SyntaxProblem } from './model';
import { JSON_RESUME } from './layouts/ids';
import { detectLayout, layoutOf, type DetectOptions } from './layouts';
import { recognisedByContent } from './layouts/detect';

type Token = CST.Token;

export type { Bullet, BulletKind, BulletSection, Checked, PathEntry, PathSegment, ResumeModel, SyntaxProblem } from './model';
export { firstRootKey, formatPath } from './model';

/** How every part of the engine parses YAML, whole files and single lines alike. */
export const YAML_OPTIONS = {
  prettyErrors: false,
  // Duplicate keys are found in one pass below; the parser's own check is quadratic.
  uniqueKeys: false,
  // Warnings (collection keys stringified) are not the person's concern, nor stderr's.
  logLevel: 'error',
  // Core schema: `2020-01-15` stays the string a JSON Resume theme expects.
  schema: 'core',
} as const;

/** How to read a file: its format (by default, JSON when the text opens with `{`), its name and the `layout` setting (layouts/detect.ts). */
export type ParseOptions = DetectOptions & { format?: ResumeFormat | undefined };

export function parseResume(text: string, options: ParseOptions = {}): ResumeModel {
  const format = options.format ?? formatOfText(text);
  if (text.length > MAX_DOCUMENT_CHARS) return unparsed(text, format, [0], tooLargeProblem(text));
  if (text.length > FULL_CHECK_MAX_CHARS) return syntaxOnly(text, format);
  const parsed = parseAs(text, format);
  if (!parsed) return unparsed(text, format, lineStartsOf(text), tooDeepProblem(text));
  const { all, lineStarts } = parsed;
  const resumeAt = resumeDocumentIndex(all);
  const document = all[resumeAt];
  const syntaxProblems = parsed.problems;

  const index: Index = { entries: new Map(), problems: syntaxProblems, hasAliases: false };
  const entries = index.entries;
  const root = document?.contents ?? null;
  if (root) indexNode(root, [], '', undefined, index);

  let value: unknown;
  let valueProblem: SyntaxProblem | undefined;
  if (document) {
    const plain = toPlainValue(root, MAX_ALIAS_EXPANSION);
    syntaxProblems.push(...plain.problems);
    if ('tooMuch' in plain) {
      valueProblem = {
        range: root ? nodeRange(root) : { start: 0, end: 0 },
        message:
          "Aliases here expand to far too much data, so the resume's content was not checked. Write the repeated text out, or use fewer aliases.",
        code: 'ALIAS_LIMIT',
      };
    } else {
      value = plain.value;
    }
  }

  const layout = detectLayout(value, options);
  return {
    text,
    format,
    document,
    skippedDocuments: all.slice(0, resumeAt),
    extraDocuments: all.slice(resumeAt + 1),
    syntaxProblems,
    entries,
    bullets: layoutOf({ layout }).bullets(entries, value, text),
    lineStarts,
    value,
    valueProblem,
    hasAliases: index.hasAliases,
    checked: 'all',
    layout,
    derived: new Derived(),
  };
}

/**
 * Which document of the stream is the resume: the first, unless no layout
 * recognises it and a later one is recognised (a site generator's front
 * matter, `title: …` then `---` then the resume).
 */
function resumeDocumentIndex(all: readonly Document.Parsed[]): number {
  if (all.length < 2) return 0;
  const recognised = (document: Document.Parsed | undefined): boolean => {
    const plain = toPlainValue(document?.contents ?? null, MAX_ALIAS_EXPANSION);
    return !('tooMuch' in plain) && recognisedByContent(plain.value);
  };
  if (recognised(all[0])) return 0;
  const later = all.findIndex((document, index) => index > 0 && recognised(document));
  return later === -1 ? 0 : later;
}

type ParsedStream = Document.Parsed[] & { empty?: true; errors?: readonly YAMLError[] };

interface ParsedText {
  /** The documents: one at most for JSON. */
  all: Document.Parsed[];
  problems: SyntaxProblem[];
  lineStarts: number[];
}

/** The text parsed as JSON or as YAML; undefined when it nests too deeply to parse safely. */
function parseAs(text: string, format: ResumeFormat): ParsedText | undefined {
  if (format === 'json') {
    const parsed = parseJson(text);
    if (!parsed) return undefined;
    return {
      all: parsed.document ? [parsed.document] : [],
      problems: parsed.problems.map(clampedProblem(text)),
      lineStarts: lineStartsOf(text),
    };
  }
  const lineCounter = new LineCounter();
  const documents = parseYaml(text, lineCounter);
  if (!documents) return undefined;
  const lineStarts = lineCounter.lineStarts.length ? lineCounter.lineStarts : [0];
  return { all: [...documents], problems: syntaxProblemsOf(text, documents), lineStarts };
}

/** A JSON problem's ranges, never splitting a character. */
function clampedProblem(text: string): (problem: SyntaxProblem) => SyntaxProblem {
  return (problem) => ({ ...problem, range: clampRange(text, problem.range.start, problem.range.end) });
}

/**
 * Every document in `text`, as `parseAllDocuments` gives them, or undefined
 * when the text nests more than {@link MAX_NESTING} levels: the tokens are
 * measured as the lexer hands them to the parser, and the stream stops
 * before the composer, which recurses once per level, sees the document.
 */
export function parseYaml(text: string, lineCounter?: LineCounter): ParsedStream | undefined {
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(YAML_OPTIONS);
  const meter = new NestingMeter();
  let tooDeep = false;
  function* tokens(): Generator<Token> {
    lineCounter?.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      if (meter.feed(lexeme) > MAX_NESTING) {
        tooDeep = true;
        return;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const documents: Document.Parsed[] = [];
  for (const document of composer.compose(tokens())) {
    if (tooDeep) break;
    documents.push(document);
  }
  if (tooDeep) return undefined;
  if (documents.length > 0) return documents;
  return Object.assign([], { empty: true as const }, composer.streamInfo());
}

/** The parser's errors, on the documents or (for an empty stream) on the stream itself. */
function syntaxProblemsOf(text: string, documents: ParsedStream): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const sources: { errors: readonly YAMLError[] }[] =
    documents.empty && documents.errors ? [{ errors: documents.errors }, ...documents] : documents;
  for (const source of sources) {
    for (const error of source.errors) {
      problems.push({ range: clampRange(text, error.pos[0], error.pos[1]), message: syntaxMessage(error.message), code: error.code });
    }
  }
  return problems;
}

/**
 * Past {@link FULL_CHECK_MAX_CHARS}: the YAML syntax of the first
 * {@link SYNTAX_ONLY_CHARS}, cut at a line break, and nothing kept of the
 * parse. An error the cut itself causes (an unclosed quote or bracket)
 * stands at the end of the cut text and is left out.
 */
function syntaxOnly(text: string, format: ResumeFormat): ResumeModel {
  const lastBreak = text.lastIndexOf('\n', SYNTAX_ONLY_CHARS - 1);
  let cut = lastBreak >= 0 ? lastBreak + 1 : SYNTAX_ONLY_CHARS;
  if (isLowSurrogate(text, cut)) cut--;
  const checked = text.slice(0, cut);
  const parsed = parseAs(checked, format);
  if (!parsed) return unparsed(text, format, lineStartsOf(checked), tooDeepProblem(text));
  const problems = parsed.problems.filter((problem) => problem.range.start < cut);
  const model = unparsed(text, format, parsed.lineStarts, {
    range: firstLine(text),
    message: `This file has ${count(text.length)} characters, over the ${describeSize(FULL_CHECK_MAX_CHARS)} checked in full: only the ${format === 'json' ? 'JSON' : 'YAML'} syntax of its first ${count(SYNTAX_ONLY_CHARS)} characters is checked. A resume is a few KB.`,
    code: 'SYNTAX_ONLY',
  });
  return { ...model, syntaxProblems: problems, checked: 'syntax' };
}

/** A model with nothing parsed, for text that is too large or nests too deeply to parse safely. */
function unparsed(text: string, format: ResumeFormat, lineStarts: number[], valueProblem: SyntaxProblem): ResumeModel {
  return {
    text,
    format,
    document: undefined,
    skippedDocuments: [],
    extraDocuments: [],
    syntaxProblems: [],
    entries: new Map(),
    bullets: [],
    lineStarts,
    value: undefined,
    hasAliases: false,
    valueProblem,
    checked: 'nothing',
    layout: JSON_RESUME,
    derived: new Derived(),
  };
}

function tooDeepProblem(text: string): SyntaxProblem {
  return {
    range: firstLine(text),
    message: `This file nests more than ${MAX_NESTING} levels deep, so it was not checked: a resume needs a handful.`,
    code: 'NESTING_LIMIT',
  };
}

function tooLargeProblem(text: string): SyntaxProblem {
  return {
    range: firstLine(text),
    message: `This file has ${count(text.length)} characters, over the ${describeSize(MAX_DOCUMENT_CHARS)} Bulletproof reads, so it was not checked. A resume is a few KB.`,
    code: 'SIZE_LIMIT',
  };
}

function firstLine(text: string): OffsetRange {
  const end = text.indexOf('\n');
  // Up to the first 200 characters (and the whole of a character cut there): a range over megabytes of one line helps no one.
  return clampRange(text, 0, Math.min(end === -1 ? text.length : end, 200));
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return lineStarts;
}

/** Calls `visit` with every scalar under `node`, keys included, in document order. */
export function forEachScalar(node: unknown, visit: (scalar: Scalar) => void): void {
  if (isScalar(node)) {
    visit(node);
  } else if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        forEachScalar(item.key, visit);
        forEachScalar(item.value, visit);
      } else {
        forEachScalar(item, visit);
      }
    }
  }
}

export function nodeRange(node: YamlNode): OffsetRange {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/** Each bullet's source map, and where its scalar started when it was made. */
const SOURCE_MAPS = derivedSlot<Map<Scalar, { start: number | undefined; map: number[] | undefined }>>('source maps');

/**
 * Offsets in the source for each index of a scalar's parsed value (one more
 * entry for its end), so a rule can underline a phrase inside a bullet and a
 * fix can edit it in place. Undefined for scalars we cannot map exactly.
 */
export function bulletSourceMap(model: ResumeModel, bullet: Bullet): number[] | undefined {
  // Several rules underline phrases in the same bullet: map each scalar once,
  // again only if an edit above it moved it.
  const start = bullet.node.range?.[0];
  const sourceMaps = model.derived.get(SOURCE_MAPS, () => new Map());
  let known = sourceMaps.get(bullet.node);
  if (!known || known.start !== start) {
    known = { start, map: scalarSourceMap(model.text, bullet.node) };
    sourceMaps.set(bullet.node, known);
  }
  return known.map;
}

/** Source range of `[start, end)` of a bullet's parsed text; the whole scalar when unmappable. */
export function rangeInBullet(model: ResumeModel, bullet: Bullet, textStart: number, textEnd: number): OffsetRange {
  const map = bulletSourceMap(model, bullet);
  if (!map) return bullet.range;
  // A bullet `within` a text: its offsets count from where it starts there.
  const offset = bullet.within?.start ?? 0;
  const start = textStart + offset;
  const end = textEnd + offset;
  const last = map.length - 1;
  const from = map[Math.max(0, Math.min(start, last))];
  if (from === undefined) return bullet.range;
  if (end <= start) return { start: from, end: from };
  const stop = Math.max(1, Math.min(end, last));
  // Up to where the next character starts (an escape like `\u00e9` is six
  // source characters), unless a folded line break lies between them.
  const next = map[stop];
  const previous = map[stop - 1] ?? from;
  const to = next === undefined || /[\r\n]/.test(model.text.slice(previous, next)) ? previous + charLength(model.text, previous) : next;
  return { start: from, end: Math.max(from, to) };
}

/** 2 for a surrogate pair, else 1. */
function charLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

interface Index {
  entries: Map<string, PathEntry>;
  problems: SyntaxProblem[];
  hasAliases: boolean;
}

function indexNode(node: YamlNode, segments: PathSegment[], path: string, keyRange: OffsetRange | undefined, index: Index): void {
  const { entries, problems } = index;
  entries.set(path, { path, segments, keyRange, valueRange: nodeRange(node), node });
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (!isPair(item)) continue;
      if (isAlias(item.key)) index.hasAliases = true;
      if (isMap(item.key) || isSeq(item.key)) item.key = flattenKey(item.key);
      const key = item.key;
      const keyText = isScalar(key) ? printed(key.value) : isAlias(key) ? `*${key.source}` : '';
      if (seen.has(keyText) && key && (key as YamlNode).range) {
        problems.push({
          range: nodeRange(key as YamlNode),
          message: `Map keys must be unique: \`${keyText}\` is already set above.`,
          code: 'DUPLICATE_KEY',
        });
        continue;
      }
      seen.add(keyText);
      const childSegments = [...segments, keyText];
      const childPath = formatPath(childSegments);
      const childKeyRange = key && (key as YamlNode).range ? nodeRange(key as YamlNode) : undefined;
      const value = item.value as YamlNode | null;
      if (isAlias(value)) index.hasAliases = true;
      if (value && !isAlias(value)) {
        indexNode(value, childSegments, childPath, childKeyRange, index);
      } else {
        const at = value ? nodeRange(value) : (childKeyRange ?? { start: 0, end: 0 });
        entries.set(childPath, {
          path: childPath,
          segments: childSegments,
          keyRange: childKeyRange,
          valueRange: value ? at : { start: at.end, end: at.end },
          node: value,
        });
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, position) => {
      const childSegments = [...segments, position];
      const childPath = formatPath(childSegments);
      if (isAlias(item)) index.hasAliases = true;
      if (item && !isAlias(item) && (item as YamlNode).range) {
        indexNode(item as YamlNode, childSegments, childPath, undefined, index);
      }
    });
  }
}

function clampRange(text: string, start: number, end: number): OffsetRange {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  // Never split a surrogate pair (an emoji): widen to the whole character.
  if (isLowSurrogate(text, s) && s > 0) s--;
  if (isLowSurrogate(text, e) && e < text.length) e++;
  return { start: s, end: e };
}

function isLowSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A mapping or list used as a key (`{a: b}: c`) has no place in a resume,
 * and turning nested ones into JSON keys costs exponential time. Keep its
 * source text instead: the schema then reports it as an unknown key.
 */
function flattenKey(key: YamlNode): Scalar {
  const [start, end] = key.range ?? [0, 0];
  const flat = new Scalar(isSeq(key) ? 'a list used as a key' : 'a mapping used as a key');
  flat.range = [start, end, end];
  return flat;
}

/**
 * The `yaml` package's messages, minus the position suffix we show
 * ourselves, with any quoted source cut short: a message must not carry
 * kilobytes of the file.
 */
function syntaxMessage(message: string): string {
  const plain = message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  const quotedCut = plain.replace(/"([^"]{40})[^"]*"/g, '"$1…"');
  return quotedCut.length > 300 ? `${quotedCut.slice(0, 299)}…` : quotedCut;
}
