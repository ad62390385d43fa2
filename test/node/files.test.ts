/** Which YAML files are resumes: the default globs and the `# bulletproof` marker. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DEFAULT_FILES, fileMatcher, hasMarker, isInside } from '../../server/src/node/files';

describe('fileMatcher with the default globs', () => {
  const matches = fileMatcher(DEFAULT_FILES);

  for (const file of ['resume.yaml', 'my-Resume.yml', 'cv.yaml', 'docs/cv.yml', 'CV.YAML', 'jobs/2024/backend-resume.yaml', 'resume.yml']) {
    it(`matches ${file}`, () => assert.equal(matches(file), true));
  }

  for (const file of [
    'docker-compose.yml',
    '.github/workflows/resume.yaml',
    'node_modules/x/resume.yaml',
    'sub/node_modules/x/resume.yaml',
    'sub/.github/resume.yaml',
    'resume.json',
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
    for (const first of ['#bulletproof', '# bulletproofx', '# Bulletproof', ' # bulletproof', '# bulletproof # resume', '# bulletproof-disable']) {
      assert.equal(hasMarker(`${first}\nfoo: 1\n`), false, first);
    }
    assert.equal(hasMarker(''), false);
  });
});
