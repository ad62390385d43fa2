/**
 * What the built CLI reads, and what it says when an argument or a config
 * names nothing it can use: regular files only, within the size limits;
 * devices and FIFOs return at once; folders and globs that find no file,
 * and config files with mistakes, are exit 2 with a message saying where.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertExit, BACKEND, cli, filesReported, giveAway, put, tempDir, WEAK } from './run';

describe('CLI: what it reads', function () {
  this.timeout(60_000);
  let dir: string;
  let fifo: string;
  // The backend example with one warning, so that every file checked shows in the output.
  const backend = () =>
    fs.readFileSync(BACKEND, 'utf8').replace('  url: https://example.com/alex\n', '  website: https://example.com/alex\n');

  before(() => {
    dir = tempDir('bulletproof-inputs-');
    put(dir, 'resume.yaml', backend());
    fifo = path.join(dir, 'pipe.resume.yaml');
    execFileSync('mkfifo', [fifo]);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('files that cannot be read: a message, exit 2, and the other files are still checked', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a device', () => '/dev/zero', /cannot read \S*dev\/zero: it is not a regular file \(a device, FIFO or socket\) \(ENOTREG\)\./],
      ['a FIFO', () => fifo, /cannot read pipe\.resume\.yaml: it is not a regular file \(a device, FIFO or socket\) \(ENOTREG\)\./],
      ['a missing file', () => 'gone.resume.yaml', /cannot read gone\.resume\.yaml: it does not exist \(ENOENT\)\./],
      [
        'a file over 20 MB',
        () => {
          // Sparse: the size is checked before a byte is read, so this costs no disk and no time.
          const big = path.join(dir, 'big.resume.yaml');
          fs.writeFileSync(big, '');
          fs.truncateSync(big, 20 * 1024 * 1024 + 1);
          return big;
        },
        /cannot read big\.resume\.yaml: it is over the 20 MB limit \(EFBIG\)\./,
      ],
    ];
    for (const [what, name, message] of cases) {
      it(what, () => {
        const run = cli([name(), 'resume.yaml'], dir, { timeoutMs: 20_000 });
        assertExit(run, 2, what);
        assert.match(run.stderr, message);
        assert.deepEqual(filesReported(run), ['resume.yaml'], 'the readable file is still linted');
      });
    }

    it('a file of exactly 20 MB is read', () => {
      const edge = path.join(dir, 'edge', 'cv.yaml');
      fs.mkdirSync(path.dirname(edge), { recursive: true });
      const text = 'basics:\n  name: Sam\n';
      fs.writeFileSync(edge, text + ' '.repeat(20 * 1024 * 1024 - text.length - 1) + '\n');
      const run = cli(['--format', 'json', edge], dir);
      assert.doesNotMatch(run.stderr, /cannot read/);
      assert.ok(Array.isArray(JSON.parse(run.stdout)));
      fs.rmSync(path.dirname(edge), { recursive: true });
    });

    it('a regular file full of binary stays one error diagnostic, exit 1', () => {
      const binary = put(dir, 'bin/photo.resume.yaml', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
      const run = cli(['--format', 'json', binary], dir);
      assertExit(run, 1, 'binary');
      assert.equal(run.stderr, '');
      const found = JSON.parse(run.stdout) as { code: string; severity: string; message: string }[];
      assert.deepEqual(
        found.map((f) => [f.code, f.severity]),
        [['yaml/syntax', 'error']],
      );
      assert.match(found[0]?.message ?? '', /not a text file/);
    });
  });

  describe('--posting and --config that are not regular files return at once: exit 2 and a message', () => {
    const named: [string, () => string][] = [
      ['/dev/zero', () => '/dev/zero'],
      ['a FIFO with no writer', () => fifo],
      ['a folder', () => dir],
    ];
    for (const flag of ['--posting', '--config']) {
      for (const [what, name] of named) {
        it(`${flag} ${what}`, () => {
          const run = cli([flag, name(), 'resume.yaml'], dir, { timeoutMs: 20_000 });
          assertExit(run, 2, `${flag} ${what}`);
          assert.equal(run.stdout, '');
          const kind = flag === '--posting' ? 'posting' : 'config';
          assert.match(
            run.stderr,
            new RegExp(`^bulletproof: cannot read the ${kind} \\S+: it is (not a regular file|a folder, not a file)`),
          );
          // Generous: a read of /dev/zero would not end, a FIFO's open would wait for ever.
          assert.ok(run.ms < 15_000, `${run.ms} ms`);
        });
      }
    }

    it('--posting over 512 KB', () => {
      const big = put(dir, 'big-posting.md', 'Go '.repeat(200_000));
      const run = cli(['--posting', big, 'resume.yaml'], dir);
      assertExit(run, 2, 'big posting');
      assert.match(run.stderr, /cannot read the posting \S+big-posting\.md: it is over the 512 KB limit \(EFBIG\)\./);
    });
  });

  describe('arguments that name no file: exit 2, saying why', () => {
    it('a folder with no resume in it (by the `files` setting)', () => {
      put(dir, 'notes/todo.yaml', 'todo: 1\n');
      const run = cli(['notes'], dir);
      assertExit(run, 2, 'notes');
      assert.equal(run.stdout, '', 'no "✓ no problems in 0 files"');
      assert.equal(
        run.stderr,
        'bulletproof: no file in notes matches the `files` setting (`**/*resume*.{yaml,yml}`, `**/cv.{yaml,yml}`, `**/*_CV.{yaml,yml}`, ' +
          '`**/*_cv.{yaml,yml}`, `**/resume.json`, `**/*.resume.json`, `**/cv.json`): ' +
          'name the files, or pass a glob such as "notes/*.yaml".\n',
      );
    });

    it('an empty folder next to a good file: the file is checked, exit 2', () => {
      fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
      const run = cli(['empty', 'resume.yaml'], dir);
      assertExit(run, 2, 'empty');
      assert.match(run.stderr, /no file in empty matches the `files` setting/);
      assert.match(run.stdout, / in 1 file\n$/);
    });

    it('a folder that cannot be read', () => {
      const locked = path.join(dir, 'locked');
      fs.mkdirSync(path.join(locked, 'inner'), { recursive: true });
      put(locked, 'inner/resume.yaml', backend());
      giveAway(locked);
      fs.chmodSync(locked, 0o000);
      try {
        const run = cli(['locked'], dir, { asNobody: true });
        assertExit(run, 2, 'locked');
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, 'bulletproof: cannot read the folder locked: permission denied (EACCES).\n');
      } finally {
        fs.chmodSync(locked, 0o755);
      }
    });

    it('a folder walk takes symbolic links to files, and does not follow links to folders (no loops)', () => {
      put(dir, 'linked/real/resume.yaml', backend());
      fs.symlinkSync(path.join('real', 'resume.yaml'), path.join(dir, 'linked', 'cv.yaml'));
      fs.symlinkSync('..', path.join(dir, 'linked', 'real', 'loop'));
      const run = cli(['linked'], dir);
      assertExit(run, 0, 'linked');
      assert.deepEqual(filesReported(run), ['linked/cv.yaml', 'linked/real/resume.yaml']);
    });

    it('an empty argument, and a `!` argument', () => {
      const run = cli(['', '!drafts/**', 'resume.yaml'], dir);
      assertExit(run, 2, 'empty argument');
      assert.equal(
        run.stderr,
        'bulletproof: argument 1 is empty: name a file, a folder or a glob.\n' +
          'bulletproof: argument 2 `!drafts/**`: arguments cannot exclude; put `!drafts/**` in the `files` setting.\n',
      );
      assert.deepEqual(filesReported(run), ['resume.yaml']);
    });
  });

  describe('globs', () => {
    let corpus: string;

    before(() => {
      // Numbered resumes, as in a corpus: no name matches the default `files` globs.
      corpus = path.join(dir, 'corpus', 'resumes');
      for (let n = 31; n <= 34; n++) put(corpus, `0${n}.yaml`, backend());
      put(corpus, '001.json', '{}\n');
      put(corpus, 'deeper/035.yaml', backend());
    });

    it('an absolute glob, run from another folder, checks every file it matches, whatever its name', () => {
      const run = cli(['--format', 'json', path.join(corpus, '*.yaml')], path.dirname(WEAK));
      assertExit(run, 0, 'absolute glob');
      const files = [...new Set((JSON.parse(run.stdout) as { file: string }[]).map((f) => path.basename(f.file)))].sort();
      assert.deepEqual(files, ['031.yaml', '032.yaml', '033.yaml', '034.yaml']);
    });

    it('a relative glob with `**`', () => {
      const run = cli(['corpus/**/*.yaml'], dir);
      assert.deepEqual(
        filesReported(run),
        ['031', '032', '033', '034']
          .map((n) => `corpus/resumes/${n}.yaml`)
          .concat('corpus/resumes/deeper/035.yaml')
          .sort(),
      );
      assert.match(run.stdout, / in 5 files\n$/);
    });

    it('a glob whose every file the `!` globs exclude says so: exit 2', () => {
      put(dir, 'site/.github/workflows/resume.yaml', 'on: push\n');
      const run = cli(['site/**/*.yaml'], dir);
      assertExit(run, 2, 'excluded');
      assert.equal(
        run.stderr,
        'bulletproof: all 1 files matching site/**/*.yaml are excluded by the `files` setting (`!**/.github/**`, `!**/node_modules/**`).\n',
      );
    });

    it('a glob that matches nothing: exit 2', () => {
      const run = cli(['corpus/*.yml'], dir);
      assertExit(run, 2, 'no match');
      assert.equal(run.stderr, 'bulletproof: no files match corpus/*.yml\n');
      assert.equal(run.stdout, '');
    });

    it('an extglob built to backtrack is refused at once, not matched', () => {
      const run = cli([`${'+(a|aa)'.repeat(5)}x`, 'resume.yaml'], dir);
      assertExit(run, 2, 'extglob');
      assert.match(
        run.stderr,
        /the glob \+\(a\|aa\)\S+x: `\+\(…\)` patterns are not supported: write the alternatives in braces, e\.g\. `\{a,b\}`\./,
      );
      assert.deepEqual(filesReported(run), ['resume.yaml']);
    });
  });

  describe('config files with mistakes: exit 2, file:line:column, and a suggestion', () => {
    const lint = (config: string, text: string, args: string[] = []) => {
      const file = put(dir, config, text);
      return { run: cli([...args, '--config', file, 'resume.yaml'], dir), name: path.relative(dir, file) };
    };

    it('a misspelt rule id, an unknown level, an unknown setting, a bad role', () => {
      const { run, name } = lint('c/typos.yaml', 'rules:\n  quantfy: off\n  tense: warn\nrole: backnd\ncolour: blue\n');
      assertExit(run, 2, 'typos');
      assert.equal(
        run.stderr,
        [
          `${name}:2:3: unknown rule \`quantfy\`; did you mean \`quantify\`?`,
          `${name}:3:10: rule \`tense\`: \`warn\` is not one of off, error, warning, info, hint; did you mean \`warning\`?`,
          `${name}:4:7: \`role\` should be \`backend\` or \`general\`; did you mean \`backend\`?`,
          `${name}:5:1: unknown setting \`colour\``,
        ]
          .map((line) => `bulletproof: ${line}\n`)
          .join(''),
      );
      assert.match(run.stdout, / in 1 file\n$/, 'the resume is still linted with what was good');
    });

    it('YAML that does not parse', () => {
      const { run, name } = lint('c/broken.yaml', 'rules:\n  quantify: [off\n');
      assertExit(run, 2, 'broken');
      assert.match(run.stderr, new RegExp(`^bulletproof: ${name.replace(/[.]/g, '\\.')}:\\d+:\\d+: YAML: `));
    });

    it('an empty and a `!`-only glob in `files`, with their positions', () => {
      const { run, name } = lint('c/globs.yaml', 'files:\n  - "**/*resume*.yaml"\n  - ""\n  - "!"\n');
      assertExit(run, 2, 'globs');
      assert.equal(
        run.stderr,
        `bulletproof: ${name}:3:5: \`files\` item 2: an empty glob matches no file\n` +
          `bulletproof: ${name}:4:5: \`files\` item 3: \`!\` alone excludes nothing: write the glob to exclude after it, e.g. \`!drafts/**\`\n`,
      );
      assert.deepEqual(filesReported(run), ['resume.yaml'], 'the good glob is kept; a named file is checked anyway');
    });

    it('a `.bulletproof.yaml` found beside the resume is checked the same way', () => {
      put(dir, 'found/.bulletproof.yaml', 'rules:\n  first-persn: off\n');
      put(dir, 'found/resume.yaml', backend());
      const run = cli(['found/resume.yaml'], dir);
      assertExit(run, 2, 'found');
      assert.equal(run.stderr, 'bulletproof: found/.bulletproof.yaml:2:3: unknown rule `first-persn`; did you mean `first-person`?\n');
    });
  });
});
