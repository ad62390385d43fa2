/**
 * A config file's text to settings, and a resume's settings to lint options:
 * no file system here, so the CLI, the server and the browser worker share it
 * (each reads the bytes its own way).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
import type { LintOptions, PostingSource, Severity } from './types';
import { checkSettings, mergeSettings, type Settings } from './settings';
import { formatOfName } from './jsonParse';
import { decodeText } from './textBytes';

export const CONFIG_FILE_NAMES = ['.bulletproof.yaml', '.bulletproof.yml', '.bulletproof.json'];

/** A problem in a config file's text, for a diagnostic on the config file itself. */
export interface ConfigProblem {
  message: string;
  /** UTF-16 offsets into the text. */
  range: { start: number; end: number };
  severity: Extract<Severity, 'error' | 'warning'>;
}

export interface ConfigFile {
  path: string;
  settings: Partial<Settings>;
  /** Each problem as `line:column message`, for a log. */
  problems: string[];
  /** The same problems with their place, 1-based line and UTF-16 column. */
  located: (ConfigProblem & { line: number; column: number })[];
  /** Why the file could not be read at all (then there are no settings). */
  readError?: string;
}

/** Where a resume is, for its posting. */
export interface ResumePlace {
  /** Undefined for a document with no local path. */
  resumePath?: string;
  /** The document's name when it has no local path (`untitled:Jane_CV.yaml`): layouts are recognised by name too. */
  name?: string;
  /** The workspace folder (editor) or repository (CLI): no posting outside it is read. */
  root?: string;
  /** Why a saved resume has no local path, for the posting's message. */
  noPathReason?: string;
}

/** The layers of settings, weakest first: editor settings, then the config file, then command-line flags. */
export interface SettingLayers {
  editor?: Partial<Settings>;
  configFile?: ConfigFile;
  flags?: Partial<Settings>;
  /** `--posting FILE`, read already. */
  posting?: PostingSource;
}

/** How postings are read where the resume is checked: from disk (Node) or not at all (a browser). */
export type PostingLoaderFactory = (places: ResumePlace & { fromSettings?: string }) => NonNullable<LintOptions['loadPosting']>;

/** The settings a resume is checked with and the lint options they give, the same in the editor, the CLI and a browser. */
export function resumeSetupWith(
  place: ResumePlace,
  layers: SettingLayers,
  postings: PostingLoaderFactory,
): { settings: Settings; lintOptions: LintOptions } {
  const settings = mergeSettings(layers.editor ?? {}, layers.configFile?.settings ?? {}, layers.flags ?? {});
  const lintOptions: LintOptions = {
    rules: settings.rules,
    // Left unset, the engine gives backend advice unless the resume plainly is another role's.
    ...(settings.roleSet && { role: settings.role }),
    layout: settings.layout,
    fileName: place.resumePath ?? place.name,
    loadPosting: postings({ ...place, fromSettings: settings.posting }),
  };
  if (layers.posting) lintOptions.posting = layers.posting;
  const format = formatOfName(place.resumePath);
  if (format) lintOptions.format = format;
  return { settings, lintOptions };
}

/** A config file from the bytes read for it (or why they could not be). `knownRuleIds`, when given, catches misspelt rule ids. */
export function configFileFromBytes(
  file: string,
  read: { ok: true; bytes: Uint8Array } | { ok: false; reason: string; code?: string },
  knownRuleIds?: readonly string[],
): ConfigFile {
  const decoded = read.ok ? decodeText(read.bytes) : undefined;
  if (!decoded) {
    const reason = read.ok ? 'it is not UTF-8 text' : `${read.reason}${read.code ? ` (${read.code})` : ''}`;
    const problem = { message: `cannot be read: ${reason}`, range: { start: 0, end: 0 }, severity: 'error' as const };
    return { path: file, settings: {}, problems: [problem.message], located: [{ ...problem, line: 1, column: 1 }], readError: reason };
  }
  const { settings, problems } = parseConfigText(decoded.text, file, knownRuleIds);
  const located = problems
    .map((problem) => ({ ...problem, ...lineAndColumn(decoded.text, problem.range.start) }))
    .sort((a, b) => a.range.start - b.range.start);
  return { path: file, settings, problems: located.map((p) => `${p.line}:${p.column} ${p.message}`), located };
}

/**
 * A config file's text (YAML, or JSON, which is YAML too) to settings and
 * problems with their ranges. Broken YAML gives no settings; otherwise what
 * is well formed is kept, so a typo never silences the linter. `file` names
 * the text in messages; `knownRuleIds` catches misspelt rule ids.
 */
export function parseConfigText(
  text: string,
  file?: string,
  knownRuleIds?: readonly string[],
): { settings: Partial<Settings>; problems: ConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // The extension as `path.extname` reads it: a name that is only `.json` has none.
  const language = file && /[^/\\.][^/\\]*\.json$/i.test(file) ? 'JSON' : 'YAML';
  const syntaxProblem = (error: YAMLError, severity: ConfigProblem['severity']): ConfigProblem => ({
    message: `${language}: ${error.message}`,
    range: { start: error.pos[0], end: Math.max(error.pos[0], error.pos[1]) },
    severity,
  });
  const syntax = [...doc.errors.map((e) => syntaxProblem(e, 'error')), ...doc.warnings.map((w) => syntaxProblem(w, 'warning'))];
  if (doc.errors.length > 0) return { settings: {}, problems: syntax };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return { settings: {}, problems: [...syntax, { message, range: { start: 0, end: text.length }, severity: 'error' }] };
  }
  const checked = checkSettings(raw, knownRuleIds);
  const located = checked.problems.map((problem): ConfigProblem => ({
    message: problem.message,
    range: rangeOf(doc, problem.path, problem.on) ?? { start: 0, end: 0 },
    severity: problem.severity,
  }));
  return { settings: checked.settings, problems: [...syntax, ...located] };
}

/** The text range of the key or value at `at` in the document, if it is there. */
function rangeOf(doc: Document, at: (string | number)[], on: 'key' | 'value'): { start: number; end: number } | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (const [depth, step] of at.entries()) {
    node = resolved(doc, node);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      // `quantify:` with nothing after it: point at the key.
      const empty = !pair.value || (isScalar(pair.value) && pair.value.range?.[0] === pair.value.range?.[1]);
      next = (on === 'key' && depth === at.length - 1) || empty ? pair.key : pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (!next) break;
    node = next;
    found = next as Node;
  }
  const range = found?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** An alias stands for its anchor's node; the chain is short in any real file. */
function resolved(doc: Document, node: unknown): unknown {
  for (let hops = 0; isAlias(node) && hops < 10; hops++) node = node.resolve(doc);
  return node;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
