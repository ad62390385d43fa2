/**
 * The shape of the document model (`parseResume` in document.ts builds it):
 * apart from the parser, so the layouts, which map a model to the resume
 * view, read it without importing the parser that calls them.
 */
import { isMap, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { Derived } from './derived';
import type { ResumeFormat } from './jsonParse';
import type { DetectedLayout } from './layouts/ids';
import { printed } from './plainValue';
import type { OffsetRange } from './types';

export type PathSegment = string | number;

export interface PathEntry {
  path: string;
  segments: PathSegment[];
  /** The key's range; absent for sequence items and the root. */
  keyRange?: OffsetRange;
  /** The value's range; for an empty value, the end of its key. */
  valueRange: OffsetRange;
  node: YamlNode | null;
}

export type BulletKind = 'highlight' | 'summary';
export type BulletSection = 'work' | 'volunteer' | 'projects' | 'basics';

export interface Bullet {
  path: string;
  kind: BulletKind;
  section: BulletSection;
  /** Path of the entry the bullet belongs to (`work[1]`), or `basics`. */
  entryPath: string;
  /** The parsed text, as a reader sees it. */
  text: string;
  /** Range of the whole scalar in the source, quotes included; of the bullet's text alone when it is `within` one. */
  range: OffsetRange;
  node: Scalar;
  /**
   * Where the bullet is in its scalar's parsed value, when it is one of
   * several written in one text (a Markdown list item in YAMLResume's
   * `summary`); absent when the bullet is the whole value. `path` is still
   * the scalar's, so fixes find it.
   */
  within?: { start: number; end: number };
}

/** What tells a bullet from the others: its path, and where it starts in a text holding several (`…summary#42`). */
export function bulletId(bullet: Pick<Bullet, 'path' | 'within'>): string {
  return bullet.within ? `${bullet.path}#${bullet.within.start}` : bullet.path;
}

export interface SyntaxProblem {
  range: OffsetRange;
  message: string;
  code: string;
  /** For a trailing comma in JSON: the offset of the `}` or `]` it stands before. */
  trailingCommaBefore?: number;
}

/**
 * How much of the document was checked: all of it, its YAML syntax only
 * (past {@link FULL_CHECK_MAX_CHARS}), or nothing (past
 * {@link MAX_DOCUMENT_CHARS}, or nested too deeply to parse safely).
 */
export type Checked = 'all' | 'syntax' | 'nothing';

export interface ResumeModel {
  text: string;
  /** How the text was parsed: JSON, or YAML. */
  format: ResumeFormat;
  /** The first document of the stream: the resume. */
  document: Document.Parsed | undefined;
  /** Documents before the resume: front matter for a site generator, reported, never checked. */
  skippedDocuments: Document.Parsed[];
  /** Documents after the resume; reported, never checked. */
  extraDocuments: Document.Parsed[];
  syntaxProblems: SyntaxProblem[];
  entries: Map<string, PathEntry>;
  bullets: Bullet[];
  /** Start offset of each line, for the rare check that thinks in lines. */
  lineStarts: number[];
  /** The plain JS value, or undefined when it cannot be built safely. */
  value: unknown;
  /** Why less than the whole resume is checked, when it is: a limit, said once. */
  valueProblem?: SyntaxProblem;
  /** Whether an alias repeats a node elsewhere: then one scalar can stand at several paths. */
  hasAliases: boolean;
  checked: Checked;
  /** The layout the file is read as, and why: the layout maps the file to the resume view (layouts/). */
  layout: DetectedLayout;
  /** What is worked out from this model and kept with it (derived.ts). */
  readonly derived: Derived;
}

/** `work[2].highlights[0]`; keys that are not plain identifiers are bracketed. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * The root mapping's first key as text (`''` for a key that is not a
 * scalar, or no key); undefined when the root is not a mapping.
 */
export function firstRootKey(model: ResumeModel): string | undefined {
  const root = model.document?.contents;
  if (!isMap(root)) return undefined;
  return printed((root.items[0]?.key as { value?: unknown } | undefined)?.value ?? '');
}
