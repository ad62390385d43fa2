/** Which YAML files are resumes: the default globs and the `# bulletproof` marker. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  compileGlob,
  DEFAULT_FILES,
  excludedBy,
  fileMatcher,
  globProblem,
  globProblems,
  hasMarker,
  isGlob,
  isInside,
  splitGlobBase,
} from '../../server/src/node/files';

describe('fileMatcher with the default globs', () => {
  const matches = fileMatcher(DEFAULT_FILES);

  for (const file of [
    'resume.yaml',
    'my-Resume.yml',
    'cv.yaml',
    'docs/cv.yml',
    'CV.YAML',
    'jobs/2024/backend-resume.yaml',
    'resume.yml',
    'Sam_Lee_CV.yaml',
    'resume.json',
    'docs/backend.resume.json',
    'cv.json',
  ]) {
    it(`matches ${file}`, () => assert.equal(matches(file), true));
  }

  for (const file of [
    'docker-compose.yml',
    '.github/workflows/resume.yaml',
    'node_modules/x/resume.yaml',
    'sub/node_modules/x/resume.yaml',
    'sub/.github/resume.yaml',
    'package.json',
    'tsconfig.json',
    'data.json',
    'my-resume.json.bak',
    'node_modules/x/resume.json',
    'resume.yaml.bak',
    'mycv.yaml',
    'config.yaml',
  ]) {
    it(`does not match ${file}`, () => assert.equal(matches(file), false));
  }

  it('paths relative to a root; the root’s own folders do not count', () => {
    const root = path.join(path.sep, 'home', 'sam', '.github');
    const underRoot = fileMatcher(DEFAULT_FILES, root);
    // The workspace itself may sit inside a folder named `.github`.
    assert.equal(underRoot(path.join(root, 'resume.yaml')), true);
    assert.equal(underRoot(path.join(root, '.github', 'resume.yaml')), false);
    assert.equal(underRoot(path.join(root, 'node_modules', 'x', 'resume.yaml')), false);
  });

  it('custom globs, with `!` to exclude', () => {
    const custom = fileMatcher(['**/*.yaml', '!drafts/**']);
    assert.equal(custom('anything.yaml'), true);
    assert.equal(custom('drafts/resume.yaml'), false);
    assert.equal(fileMatcher([])('resume.yaml'), false);
    assert.equal(fileMatcher(['!**/x/**'])('resume.yaml'), false);
  });
});

describe('globs', () => {
  const matches = (pattern: string, candidate: string) => compileGlob(pattern).matches(candidate);

  it('`*` stays in one folder, `**` crosses any number (none included), `?` is one character', () => {
    assert.equal(matches('*.yaml', 'resume.yaml'), true);
    assert.equal(matches('*.yaml', 'cv/resume.yaml'), false);
    assert.equal(matches('**/*.yaml', 'resume.yaml'), true);
    assert.equal(matches('**/*.yaml', 'a/b/c/resume.yaml'), true);
    assert.equal(matches('a/**/b/*.yaml', 'a/b/x.yaml'), true);
    assert.equal(matches('a/**/b/*.yaml', 'a/x/y/b/x.yaml'), true);
    assert.equal(matches('a/**/b/*.yaml', 'a/x/y/c/x.yaml'), false);
    assert.equal(matches('cv?.yaml', 'cv1.yaml'), true);
    assert.equal(matches('cv?.yaml', 'cv.yaml'), false);
    assert.equal(matches('cv?.yaml', 'cv12.yaml'), false);
    assert.equal(matches('?.yaml', '🚀.yaml'), true, 'one character, not one UTF-16 unit');
  });

  it('dot files and folders match like any other; case does not matter', () => {
    assert.equal(matches('*', '.bulletproof.yaml'), true);
    assert.equal(matches('**/resume.yaml', '.hidden/resume.yaml'), true);
    assert.equal(matches('**/Resume.YAML', 'CV/resume.yaml'), true);
  });

  it('braces, nested braces, classes, negated classes, escapes; `./` and a leading `/` are ignored', () => {
    assert.equal(matches('*.{yaml,yml}', 'a.yml'), true);
    assert.equal(matches('{cv,resume{,-en}}.yaml', 'resume-en.yaml'), true);
    assert.equal(matches('{cv,resume{,-en}}.yaml', 'resume-de.yaml'), false);
    assert.equal(matches('{a}.yaml', '{a}.yaml'), true, 'braces without a comma are literal');
    assert.equal(matches('cv[0-9].yaml', 'cv7.yaml'), true);
    assert.equal(matches('cv[!0-9].yaml', 'cv7.yaml'), false);
    assert.equal(matches('cv[^0-9].yaml', 'cvx.yaml'), true);
    assert.equal(matches('cv[].yaml', 'cv[].yaml'), true, 'an unclosed class is literal');
    assert.equal(matches('\\*.yaml', '*.yaml'), true);
    assert.equal(matches('\\*.yaml', 'a.yaml'), false);
    assert.equal(matches('./cv/*.yaml', 'cv/a.yaml'), true);
    assert.equal(matches('/home/*/cv.yaml', '/home/sam/cv.yaml'), true);
  });

  it('maxDepth: how deep a walk must go', () => {
    assert.equal(compileGlob('*.yaml').maxDepth, 1);
    assert.equal(compileGlob('{a,b/c}/*.yaml').maxDepth, 3);
    assert.equal(compileGlob('a/**/*.yaml').maxDepth, Infinity);
  });

  it('splitGlobBase and isGlob: the folder to walk, the glob below it', () => {
    assert.deepEqual(splitGlobBase('/work/corpus/resumes/*.yaml'), { base: '/work/corpus/resumes', rest: '*.yaml' });
    assert.deepEqual(splitGlobBase('cv/**/*.yaml'), { base: 'cv', rest: '**/*.yaml' });
    assert.deepEqual(splitGlobBase('*.yaml'), { base: '', rest: '*.yaml' });
    assert.deepEqual(splitGlobBase('/*.yaml'), { base: '/', rest: '*.yaml' });
    assert.deepEqual(splitGlobBase('a\\*b/{x,y}.yaml'), { base: 'a*b', rest: '{x,y}.yaml' });
    assert.deepEqual(splitGlobBase('cv/resume.yaml'), { base: 'cv/resume.yaml', rest: '' });
    assert.equal(isGlob('cv/resume.yaml'), false);
    assert.equal(isGlob('cv/*.yaml'), true);
    assert.equal(isGlob('+(a|b).yaml'), true, 'an extglob is a glob, so that its problem is said');
  });

  it('excludedBy: only the `!` globs', () => {
    const excluded = excludedBy(DEFAULT_FILES);
    assert.equal(excluded('docker-compose.yml'), false);
    assert.equal(excluded('.github/workflows/ci.yml'), true);
  });
});

describe('globProblem: what cannot be a glob is said, never thrown or matched', () => {
  it('empty, blank and `!`-only globs', () => {
    assert.equal(globProblem(''), 'an empty glob matches no file');
    assert.equal(globProblem('  '), 'an empty glob matches no file');
    assert.equal(globProblem('!'), '`!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`');
    assert.equal(globProblem('! '), '`!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`');
    assert.equal(globProblem('!drafts/**'), undefined);
  });

  it('extglobs, too many brace alternatives, too long', () => {
    for (const extglob of ['+(a|aa)x', '@(cv|resume).yaml', '*(x)', '?(x)', 'a/!(b)']) {
      assert.equal(
        globProblem(extglob),
        `\`${/[@?+*!]\(/.exec(extglob)![0]}…)\` patterns are not supported: write the alternatives in braces, e.g. \`{a,b}\``,
        extglob,
      );
    }
    assert.equal(globProblem('\\+(a).yaml'), undefined, 'escaped, it is a literal +');
    assert.equal(globProblem('{a,b}'.repeat(8)), undefined, '2^8 = 256 alternatives is the limit');
    assert.equal(globProblem('{a,b}'.repeat(9)), 'its braces expand to more than 256 alternatives');
    assert.equal(globProblem('a'.repeat(1024)), undefined);
    assert.equal(globProblem('a'.repeat(1025)), 'a glob longer than 1,024 characters is not read');
  });

  it('globProblems: each with the index of its glob', () => {
    assert.deepEqual(globProblems(['**/*.yaml', '', '!']), [
      { index: 1, message: 'an empty glob matches no file' },
      { index: 2, message: '`!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`' },
    ]);
  });

  it('fileMatcher leaves a bad glob out and keeps the rest; compileGlob refuses it', () => {
    const matcher = fileMatcher(['', '!', '+(a|aa)x', '**/*.yaml', `!${'{a,b}'.repeat(20)}`]);
    assert.equal(matcher('resume.yaml'), true);
    assert.equal(fileMatcher(['', '!'])('resume.yaml'), false);
    assert.throws(() => compileGlob(''), /an empty glob matches no file/);
  });
});

describe('glob matching time is bounded (path length × glob length)', () => {
  /** CPU time, so a busy machine does not make it flaky; the limit is far above the idle time. */
  const cpuMs = (work: () => void) => {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  // A real path is at most 4,096 characters, a name 255.
  const longName = 'a'.repeat(255);
  const longPath = Array.from({ length: 16 }, () => longName).join('/');
  const worst: [string, string, string][] = [
    // Each made a regular expression backtrack: seconds to minutes at these lengths.
    ['nested stars', '*a*a*a*a*a*a*a*a*a*a*b', longName],
    ['nested stars, all over the path', '**/*a*a*a*a*a*b/**/*a*a*a*a*a*b', longPath],
    ['a star before a long literal', `*${'a'.repeat(254)}b`, longName],
    ['many globstars', `${'**/a/'.repeat(100)}b`, Array.from({ length: 2000 }, () => 'a').join('/')],
    ['the longest glob allowed against the longest path', `${'*a'.repeat(511)}b`, longPath],
    ['braces at the limit', `${'{a,aa}'.repeat(8)}b`, longName],
  ];

  for (const [what, pattern, candidate] of worst) {
    it(what, () => {
      const glob = compileGlob(pattern);
      let matched = true;
      // Idle: each well under 100 ms (the longest glob against the longest path, ~20 ms).
      const ms = cpuMs(() => (matched = glob.matches(candidate)));
      assert.equal(matched, false);
      assert.ok(ms < 2_000, `${what}: ${ms.toFixed(0)} ms of CPU`);
    });
  }

  it('the extglob of the bug report is refused, not run', () => {
    const pattern = `${'+(a|aa)'.repeat(5)}x`;
    assert.match(globProblem(pattern)!, /not supported/);
    const ms = cpuMs(() => assert.equal(fileMatcher([pattern])(longName), false));
    assert.ok(ms < 2_000, `${ms.toFixed(0)} ms of CPU`);
  });
});

describe('isInside', () => {
  it('a file in the folder or below, not beside it', () => {
    const root = path.join(path.sep, 'work', 'repo');
    assert.equal(isInside(root, path.join(root, 'a', 'resume.yaml')), true);
    assert.equal(isInside(root, root), true);
    assert.equal(isInside(root, path.join(path.sep, 'work', 'repo2', 'resume.yaml')), false);
    assert.equal(isInside(root, path.join(path.sep, 'work', 'resume.yaml')), false);
  });
});

describe('hasMarker', () => {
  it('an exact first line `# bulletproof`', () => {
    assert.equal(hasMarker('# bulletproof\nbasics:\n  name: Sam\n'), true);
    assert.equal(hasMarker('# bulletproof'), true);
    assert.equal(hasMarker('# bulletproof  \nfoo: 1\n'), true);
  });

  it('with CRLF line endings and a byte order mark', () => {
    assert.equal(hasMarker('# bulletproof\r\nbasics: {}\r\n'), true);
    assert.equal(hasMarker('\uFEFF# bulletproof\nbasics: {}\n'), true);
    assert.equal(hasMarker('\uFEFF# bulletproof\r\n'), true);
  });

  it('not on line 2, not a near miss', () => {
    assert.equal(hasMarker('foo: 1\n# bulletproof\n'), false);
    assert.equal(hasMarker('\n# bulletproof\n'), false);
    for (const first of [
      '#bulletproof',
      '# bulletproofx',
      '# Bulletproof',
      ' # bulletproof',
      '# bulletproof # resume',
      '# bulletproof-disable',
    ]) {
      assert.equal(hasMarker(`${first}\nfoo: 1\n`), false, first);
    }
    assert.equal(hasMarker(''), false);
  });
});
