/**
 * From command-line arguments to files. A named file is always checked. A
 * folder is walked and filtered by the `files` globs. A glob is explicit, as
 * a file name is (and as in ESLint): every file it matches is checked, except
 * the ones the `!` globs of `files` exclude, and `node_modules/` and `.git/`,
 * which are never walked. An argument that ends up naming no file is a
 * problem, never a silent success.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, excludedBy, fileMatcher, globProblem, splitGlobBase } from '../../server/src/node/files';

export class UsageError extends Error {}

export interface Expanded {
  files: string[];
  /** What went wrong with an argument: the run goes on with the others and exits 2. */
  problems: string[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function expandInputs(inputs: string[], cwd: string, filesFor: (dir: string) => string[]): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const walk = (dir: string, maxDepth: number) =>
    walkFolder(dir, maxDepth, (folder, error) =>
      problems.push(`cannot read the folder ${path.relative(cwd, folder) || folder}: ${folderReason(error)}.`),
    );
  inputs.forEach((input, index) => {
    const where = `argument ${index + 1}`;
    if (input.trim() === '') {
      problems.push(`${where} is empty: name a file, a folder or a glob.`);
      return;
    }
    const absolute = path.resolve(cwd, input);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      files.push(...expandFolder(walk(absolute, Infinity), absolute, input, filesFor(absolute), problems));
    } else if (stat) {
      // A regular file, or something that is not one: the reader says which.
      files.push(absolute);
    } else if (input.startsWith('!')) {
      problems.push(`${where} \`${input}\`: arguments cannot exclude; put \`${input}\` in the \`files\` setting.`);
    } else {
      const pattern = path.sep === '\\' ? input.split(path.sep).join('/') : input;
      const { base, rest } = splitGlobBase(pattern);
      if (rest === '')
        files.push(absolute); // Not a glob: reported as unreadable by the caller, with the reason.
      else files.push(...expandGlob(pattern, path.resolve(cwd, base || '.'), rest, filesFor, walk, problems));
    }
  });
  return { files: [...new Set(files)], problems };
}

type Walk = (dir: string, maxDepth: number) => string[] | undefined;

function expandFolder(walked: string[] | undefined, folder: string, input: string, patterns: string[], problems: string[]): string[] {
  if (!walked) return [];
  const found = walked.filter(fileMatcher(patterns, folder));
  if (found.length === 0) {
    const includes = patterns.filter((p) => !p.startsWith('!'));
    const globs = includes.length > 0 ? includes.map((p) => `\`${p}\``).join(', ') : 'none';
    problems.push(
      `no file in ${input} matches the \`files\` setting (${globs}): name the files, or pass a glob such as "${input.replace(/\/+$/, '')}/*.yaml".`,
    );
  }
  return found;
}

function expandGlob(
  pattern: string,
  base: string,
  rest: string,
  filesFor: (dir: string) => string[],
  walk: Walk,
  problems: string[],
): string[] {
  const problem = globProblem(rest);
  if (problem !== undefined) {
    problems.push(`the glob ${pattern}: ${problem}.`);
    return [];
  }
  const glob = compileGlob(rest);
  const matched = (statOrUndefined(base)?.isDirectory() ? (walk(base, glob.maxDepth) ?? []) : []).filter((file) =>
    glob.matches(path.relative(base, file).split(path.sep).join('/')),
  );
  const excluded = excludedBy(filesFor(base), base);
  const found = matched.filter((file) => !excluded(file));
  if (matched.length === 0) problems.push(`no files match ${pattern}`);
  else if (found.length === 0) {
    const excludes = filesFor(base)
      .filter((p) => p.startsWith('!'))
      .map((p) => `\`${p}\``)
      .join(', ');
    problems.push(`all ${matched.length} files matching ${pattern} are excluded by the \`files\` setting (${excludes}).`);
  }
  return found;
}

/**
 * The files under `dir`, at most `maxDepth` folders down, sorted; symbolic
 * links to files count, links to folders are not followed (no loops).
 * Undefined when `dir` itself cannot be read; a subfolder that cannot be
 * read is a problem, and the walk goes on.
 */
function walkFolder(dir: string, maxDepth: number, cannotRead: (dir: string, error: unknown) => void): string[] | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    cannotRead(dir, error);
    return undefined;
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (maxDepth > 1 && !SKIPPED_FOLDERS.has(entry.name)) out.push(...(walkFolder(full, maxDepth - 1, cannotRead) ?? []));
    } else if (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile())) {
      out.push(full);
    }
  }
  return out;
}

function folderReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  return code ?? String(error);
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
