// The pre-commit hook (.pre-commit-hooks.yaml) the way a user meets it: the
// README's .pre-commit-config.yaml, pointed at a fresh copy of this repository,
// in a new git repository holding only a resume; pre-commit installs the hook
// itself (npm install, the `prepare` build, npm pack, a global install).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { git, readmeRecipes } from './checkout.mjs';

const REPOSITORY = 'https://github.com/bulletproof-resume/bulletproof';

/**
 * The README's pre-commit config, its repository replaced by the local copy
 * (the only change), and its hook by `hook` where one is given.
 */
function readmeConfig(root, clone, hook) {
  const configs = readmeRecipes(root)
    .map((text) => parse(text))
    .filter((recipe) => recipe?.repos);
  assert.equal(configs.length, 1, 'README "Use it in CI" should hold one .pre-commit-config.yaml');
  const config = configs[0];
  const entry = config.repos.find((repo) => repo.repo === REPOSITORY);
  assert.ok(entry, `the README's pre-commit config does not name ${REPOSITORY}`);
  assert.deepEqual(
    entry.hooks.map((hook) => hook.id),
    ['bulletproof'],
  );
  entry.repo = clone;
  if (hook) entry.hooks = [{ id: hook }];
  return stringify(config);
}

/** The environment pre-commit runs in: its own home, nothing of npm's (this runs under `npm run`). */
function preCommitEnv(home) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && !/^GIT_/.test(name)));
  return { ...env, PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: 'never', CI: 'true' };
}

/** A new git repository holding `files` and the config, all staged, and `pre-commit run --all-files` in it. */
function runHook(scratch, name, files, config, home) {
  const repo = join(scratch, name);
  for (const [file, text] of Object.entries({ ...files, '.pre-commit-config.yaml': config })) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    writeFileSync(join(repo, file), text);
  }
  git(['init', '-q', '-b', 'main'], repo);
  git(['add', '-A'], repo);
  const run = spawnSync('pre-commit', ['run', '--all-files'], {
    cwd: repo,
    env: preCommitEnv(home),
    encoding: 'utf8',
    timeout: 25 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { repo, status: run.status, output: run.stdout + run.stderr };
}

/** The hook's `files` regex (Python syntax: a leading `(?i)` is the `i` flag). */
function hookFilesPattern(root) {
  const [hook, fixHook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
  assert.deepEqual([fixHook.files, fixHook.exclude], [hook.files, hook.exclude]);
  const pattern = (source) => (source.startsWith('(?i)') ? new RegExp(source.slice(4), 'i') : new RegExp(source));
  return { hook, files: pattern(hook.files), exclude: pattern(hook.exclude) };
}

export function preCommitCases({ root, clone, scratch, readResume }) {
  const weak = readResume('examples/weak.resume.yaml');
  const clean = readResume('examples/backend.resume.yaml');
  const home = join(scratch, 'pre-commit-home');
  return [
    {
      name: "the hook's files pattern picks the names the CLI's default files setting picks in a folder",
      run() {
        const { hook, files, exclude } = hookFilesPattern(root);
        assert.equal(hook.id, 'bulletproof');
        assert.equal(hook.language, 'node');
        assert.equal(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin[hook.entry], 'dist/cli.js');
        const names = [
          ...['resume.yaml', 'my-resume.yml', 'docs/Resume.YAML', 'cv.yaml', 'a/CV.yml', 'Alex_Rivera_CV.yaml', 'x_cv.yml'],
          ...['resume.json', 'backend.resume.json', 'cv.json', 'Resume.JSON', '.resume.yaml'],
          ...['notes.yaml', 'package.json', 'cv.yaml.bak', 'resumes/031.yaml', 'mycv.yaml', 'cv.yml.txt', 'resume.jsonc'],
          ...['.github/workflows/resume.yml', 'node_modules/x/resume.yaml', 'sub/node_modules/cv.json', 'resume_notes.md'],
        ];
        const folder = join(scratch, 'names');
        for (const name of names) {
          mkdirSync(dirname(join(folder, name)), { recursive: true });
          // A resume with one warning, so each file the CLI checks shows in its findings.
          const text = /\.json$/i.test(name) ? '{ "basics": { "name": "A" } }\n' : 'basics:\n  name: A\n';
          writeFileSync(join(folder, name), text);
        }
        const run = spawnSync(process.execPath, [join(clone, 'dist', 'cli.js'), '--format', 'json', '.'], {
          cwd: folder,
          encoding: 'utf8',
        });
        const byCli = [...new Set(JSON.parse(run.stdout).map((finding) => finding.file))].sort();
        const byHook = names.filter((name) => files.test(name) && !exclude.test(name)).sort();
        assert.ok(byCli.length >= 10, run.stdout + run.stderr);
        assert.deepEqual(byHook, byCli);
      },
    },
    {
      name: "the README's config on a weak resume: pre-commit installs the hook, which fails and names the findings",
      timed: true,
      run() {
        const result = runHook(scratch, 'weak', { 'resume.yaml': weak }, readmeConfig(root, clone), home);
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /^bulletproof\.+Failed$/m, result.output);
        assert.match(result.output, /^resume\.yaml:\d+:\d+ error schema\/invalid-date /m, result.output);
        assert.match(result.output, /^✖ \d+ problems \(\d+ errors?, /m);
      },
    },
    {
      name: 'a clean resume passes, and a YAML file of another name is left alone',
      run() {
        const files = { 'cv/resume.yaml': clean, 'notes.yaml': 'todo: [call Acme]\n' };
        const result = runHook(scratch, 'clean', files, readmeConfig(root, clone), home);
        assert.equal(result.status, 0, result.output);
        assert.match(result.output, /^bulletproof\.+Passed$/m);
        const only = runHook(scratch, 'other', { 'notes.yaml': 'todo: [call Acme]\n' }, readmeConfig(root, clone), home);
        assert.equal(only.status, 0, only.output);
        assert.match(only.output, /^bulletproof\.+\(no files to check\)Skipped$/m);
      },
    },
    {
      name: 'bulletproof-fix writes what --fix writes, and stops the commit to show it',
      run() {
        const result = runHook(scratch, 'fix', { 'resume.yaml': weak }, readmeConfig(root, clone, 'bulletproof-fix'), home);
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /^bulletproof --fix\.+Failed$/m, result.output);
        assert.match(result.output, /^- files were modified by this hook$/m);
        assert.match(result.output, /^resume\.yaml: fixed \d+: /m);
        const expected = join(scratch, 'fix-expected');
        mkdirSync(expected);
        writeFileSync(join(expected, 'resume.yaml'), weak);
        spawnSync(process.execPath, [join(clone, 'dist', 'cli.js'), '--fix', 'resume.yaml'], { cwd: expected });
        const fixed = readFileSync(join(result.repo, 'resume.yaml'), 'utf8');
        assert.notEqual(fixed, weak);
        assert.equal(fixed, readFileSync(join(expected, 'resume.yaml'), 'utf8'));
      },
    },
  ];
}
