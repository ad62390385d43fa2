/** The config file: where it is found, what is kept from it, and how layers merge. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_SETTINGS,
  findConfigFile,
  mergeSettings,
  normalizeSettings,
  readConfigFile,
} from '../../server/src/node/config';
import { DEFAULT_FILES } from '../../server/src/node/files';

describe('findConfigFile', () => {
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-config-'));
    fs.mkdirSync(path.join(root, 'repo', 'a', 'b'), { recursive: true });
    fs.mkdirSync(path.join(root, 'repo', 'c'), { recursive: true });
    fs.writeFileSync(path.join(root, '.bulletproof.yaml'), 'role: general\n');
    fs.writeFileSync(path.join(root, 'repo', 'c', '.bulletproof.json'), '{"role": "general"}\n');
    fs.writeFileSync(path.join(root, 'repo', 'c', '.bulletproof.yml'), 'role: backend\n');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('walks up from the folder to the nearest config', () => {
    assert.equal(findConfigFile(path.join(root, 'repo', 'a', 'b')), path.join(root, '.bulletproof.yaml'));
  });

  it('stops at the given root (the workspace): a config above it is not used', () => {
    assert.equal(findConfigFile(path.join(root, 'repo', 'a', 'b'), path.join(root, 'repo')), undefined);
    assert.equal(findConfigFile(path.join(root, 'repo'), path.join(root, 'repo')), undefined);
  });

  it('the root itself is searched', () => {
    assert.equal(findConfigFile(path.join(root, 'repo', 'a'), root), path.join(root, '.bulletproof.yaml'));
  });

  it('in one folder, `.yaml` then `.yml` then `.json`', () => {
    assert.deepEqual(CONFIG_FILE_NAMES, ['.bulletproof.yaml', '.bulletproof.yml', '.bulletproof.json']);
    assert.equal(findConfigFile(path.join(root, 'repo', 'c'), root), path.join(root, 'repo', 'c', '.bulletproof.yml'));
  });
});

describe('readConfigFile', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-read-'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a good file: every setting kept, no problem', () => {
    const file = write('good.yaml', 'files:\n  - "**/*.resume.yaml"\nrole: general\nrules:\n  date-order: warning\n  future-date: off\n  completeness: false\n');
    assert.deepEqual(readConfigFile(file), {
      path: file,
      settings: { files: ['**/*.resume.yaml'], role: 'general', rules: { 'date-order': 'warning', 'future-date': 'off', completeness: 'off' } },
      problems: [],
    });
  });

  it('bad values are reported, good ones kept', () => {
    const file = write('mixed.yaml', 'role: frontend\nrules:\n  date-order: warn\n  future-date: hint\ncolour: blue\n');
    const read = readConfigFile(file);
    assert.deepEqual(read.settings, { rules: { 'future-date': 'hint' } });
    assert.deepEqual(read.problems.sort(), [
      '`role` should be `backend` or `general`',
      'rule `date-order`: `warn` is not one of off, error, warning, info, hint',
      'unknown setting `colour`',
    ]);
  });

  it('JSON config', () => {
    const file = write('c.json', '{"rules": {"schema/unknown-key": "error"}}');
    assert.deepEqual(readConfigFile(file).settings, { rules: { 'schema/unknown-key': 'error' } });
  });

  it('broken YAML, a missing file, an alias bomb: a problem, no settings, no throw', () => {
    const broken = readConfigFile(write('broken.yaml', 'rules: [\n'));
    assert.deepEqual(broken.settings, {});
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0], /^cannot be read: /);

    const missing = readConfigFile(path.join(dir, 'nope.yaml'));
    assert.deepEqual(missing.settings, {});
    assert.match(missing.problems[0], /^cannot be read: .*ENOENT/);

    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
    const read = readConfigFile(write('bomb.yaml', bomb));
    assert.deepEqual(read.settings, {});
    assert.equal(read.problems.length, 1);
  });

  it('an empty file is no settings and no problem', () => {
    assert.deepEqual(readConfigFile(write('empty.yaml', '')).problems, []);
  });
});

describe('normalizeSettings', () => {
  it('the wrong shapes', () => {
    for (const raw of [[1, 2], 'role: general', 42]) {
      const problems: string[] = [];
      assert.deepEqual(normalizeSettings(raw, problems), { settings: {} });
      assert.deepEqual(problems, ['should be a mapping of settings (files, rules, role, posting)']);
    }
  });

  it('`files` must be a list of strings; `rules` a mapping', () => {
    const problems: string[] = [];
    assert.deepEqual(normalizeSettings({ files: 'resume.yaml', rules: ['date-order'] }, problems), { settings: {} });
    assert.deepEqual(problems, ['`files` should be a list of globs', '`rules` should map rule ids to off, error, warning, info or hint']);
    const mixed: string[] = [];
    assert.deepEqual(normalizeSettings({ files: ['a.yaml', 3] }, mixed), { settings: {} });
    assert.deepEqual(mixed, ['`files` should be a list of globs']);
  });

  it('null and undefined are no settings', () => {
    assert.deepEqual(normalizeSettings(null), { settings: {} });
    assert.deepEqual(normalizeSettings(undefined), { settings: {} });
  });
});

describe('mergeSettings', () => {
  it('no layers: the defaults', () => {
    assert.deepEqual(mergeSettings(), DEFAULT_SETTINGS);
    assert.deepEqual(DEFAULT_SETTINGS, { files: [...DEFAULT_FILES], rules: {}, role: 'backend' });
  });

  it('later layers win; rules merge per rule id', () => {
    const editor = { rules: { 'date-order': 'warning' as const, completeness: 'off' as const }, role: 'general' as const, files: ['a/**'] };
    const configFile = { rules: { completeness: 'error' as const } };
    assert.deepEqual(mergeSettings(editor, configFile), {
      files: ['a/**'],
      role: 'general',
      rules: { 'date-order': 'warning', completeness: 'error' },
    });
  });

  it('a layer that says nothing leaves the rest alone', () => {
    assert.deepEqual(mergeSettings({ role: 'general' }, {}), { ...DEFAULT_SETTINGS, role: 'general' });
  });

  it('rules are a fresh object: changing them changes neither a layer nor the defaults', () => {
    const layer = { rules: { completeness: 'off' as const } };
    const merged = mergeSettings(layer);
    merged.rules['date-order'] = 'off';
    assert.deepEqual(layer, { rules: { completeness: 'off' } });
    assert.deepEqual(DEFAULT_SETTINGS.rules, {});
  });
});
