/**
 * From command-line arguments to files: a named file is always checked; a
 * folder is walked and filtered by the `files` globs; a glob is matched
 * against the files under the current folder, then filtered the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { fileMatcher } from '../../server/src/node/files';

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function expandInputs(inputs: string[], cwd: string, filesFor: (dir: string) => string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isFile()) {
      files.push(absolute);
    } else if (stat?.isDirectory()) {
      const matches = fileMatcher(filesFor(absolute), absolute);
      files.push(...walk(absolute).filter(matches));
    } else if (picomatch.scan(input).isGlob) {
      const scan = picomatch.scan(input);
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(input, { dot: true, nocase: true });
      const isResume = fileMatcher(filesFor(base), base);
      const found = walk(base).filter((file) => isMatch(path.relative(cwd, file).split(path.sep).join('/')) && isResume(file));
      if (found.length === 0) throw new UsageError(`no files match ${input}`);
      files.push(...found);
    } else {
      // Reported as unreadable by the caller, with the system's reason.
      files.push(absolute);
    }
  }
  return [...new Set(files)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
