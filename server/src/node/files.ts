/**
 * Which YAML files are resumes. The editor checks only these, so compose
 * files and CI configs never see a squiggle from us; the CLI uses the same
 * globs to filter the folders it walks.
 */
import picomatch from 'picomatch';
import * as path from 'node:path';

export const DEFAULT_FILES: readonly string[] = [
  '**/*resume*.{yaml,yml}',
  '**/cv.{yaml,yml}',
  '!**/.github/**',
  '!**/node_modules/**',
];

/** A first line that opts any YAML file in, whatever its name. */
const MARKER = /^\uFEFF?# bulletproof[ \t]*\r?$/;

export function hasMarker(text: string): boolean {
  const end = text.indexOf('\n');
  return MARKER.test(end === -1 ? text : text.slice(0, end));
}

export type FileMatcher = (filePath: string) => boolean;

/** Globs, where a leading `!` excludes. Matched case-insensitively on `/`-separated paths. */
export function fileMatcher(patterns: readonly string[], root?: string): FileMatcher {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const options = { nocase: true, dot: true };
  const included = include.length ? picomatch(include, options) : () => false;
  const excluded = exclude.length ? picomatch(exclude, options) : () => false;
  return (filePath) => {
    const relative = root && isInside(root, filePath) ? path.relative(root, filePath) : filePath;
    const candidate = relative.split(path.sep).join('/').replace(/^\/+/, '');
    return included(candidate) && !excluded(candidate);
  };
}

export function isInside(root: string, filePath: string): boolean {
  const relative = path.relative(root, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
