/**
 * Which YAML files are resumes. The editor checks only these, so compose
 * files and CI configs never see a squiggle from us; the CLI uses the same
 * globs to filter the folders it walks.
 *
 * The globs themselves are matched in `engine/fileGlobs.ts`.
 */
import * as path from 'node:path';
import { DEFAULT_FILES } from '../engine/settings';
import { pathMatcher } from '../engine/fileGlobs';

export { GLOB_LIMITS, globProblem } from '../engine/globSyntax';
export { compileGlob, globProblems, hasMarker, isGlob, splitGlobBase, type Glob } from '../engine/fileGlobs';
export { DEFAULT_FILES };

export type FileMatcher = (filePath: string) => boolean;

/**
 * Globs, where a leading `!` excludes. Matched case-insensitively on
 * `/`-separated paths, relative to `root` when the file is inside it. A glob
 * with a problem (see `globProblem`) is left out, never thrown.
 */
export function fileMatcher(patterns: readonly string[], root?: string): FileMatcher {
  const matches = pathMatcher(patterns);
  return (filePath) => matches(slashPathOf(filePath, root));
}

/** Only the `!` globs: true for a file they exclude. */
export function excludedBy(patterns: readonly string[], root?: string): FileMatcher {
  const excluded = pathMatcher(patterns, true);
  return (filePath) => excluded(slashPathOf(filePath, root));
}

export function isInside(root: string, filePath: string): boolean {
  const relative = path.relative(root, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A path with `/` separators, relative to `root` when inside it. */
function slashPathOf(filePath: string, root: string | undefined): string {
  const relative = root && isInside(root, filePath) ? path.relative(root, filePath) : filePath;
  return relative.split(path.sep).join('/');
}
