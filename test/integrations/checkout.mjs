// A fresh copy of this repository as a user's clone would have it: the files
// git tracks or would track (uncommitted edits and new files included, nothing
// ignored: no node_modules, no dist), committed on `main` in a new repository.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function git(args, cwd) {
  return execFileSync('git', ['-c', 'user.name=Bulletproof tests', '-c', 'user.email=tests@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The repository's files, relative to `root`, as a clone of it with the working tree's edits would hold them. */
export function repositoryFiles(root) {
  return git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root)
    .split('\0')
    .filter((file) => file && !/^(node_modules|dist)(\/|$)/.test(file))
    .filter((file) => existsSync(join(root, file)) && lstatSync(join(root, file)).isFile());
}

/** Copies the repository into `target` (which must not exist yet) and commits it there on `main`. */
export function freshClone(root, target) {
  if (existsSync(target)) throw new Error(`${target} exists`);
  const files = repositoryFiles(root);
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(root, file), join(target, file));
  }
  git(['init', '-q', '-b', 'main'], target);
  git(['add', '-A'], target);
  git(['commit', '-q', '-m', 'copy'], target);
  return files.length;
}

const README_SECTION = '### Use it in CI';

/** The README's ```yaml blocks in "Use it in CI", parsed as `parse` would a file. */
export function readmeRecipes(root) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  const start = readme.indexOf(`\n${README_SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${README_SECTION}" section`);
  const next = readme.slice(start + README_SECTION.length + 2).search(/^#{2,3} /m);
  const section = readme.slice(start, next < 0 ? undefined : start + README_SECTION.length + 2 + next);
  return [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}
