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
  parseConfigText,
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
    const file = write(
      'good.yaml',
      'files:\n  - "**/*.resume.yaml"\nrole: general\nrules:\n  date-order: warning\n  future-date: off\n  completeness: false\n',
    );
    assert.deepEqual(readConfigFile(file), {
      path: file,
      settings: {
        files: ['**/*.resume.yaml'],
        role: 'general',
        rules: { 'date-order': 'warning', 'future-date': 'off', completeness: 'off' },
      },
      problems: [],
      located: [],
    });
  });

  it('bad values are reported, good ones kept', () => {
    const file = write('mixed.yaml', 'role: frontend\nrules:\n  date-order: warn\n  future-date: hint\ncolour: blue\n');
    const read = readConfigFile(file);
    assert.deepEqual(read.settings, { rules: { 'future-date': 'hint' } });
    assert.deepEqual(read.problems, [
      '1:7 `role` should be `backend` or `general`',
      '3:15 rule `date-order`: `warn` is not one of off, error, warning, info, hint; did you mean `warning`?',
      '5:1 unknown setting `colour`',
    ]);
    assert.deepEqual(
      read.located.map((p) => [p.line, p.column, p.severity]),
      [
        [1, 7, 'error'],
        [3, 15, 'error'],
        [5, 1, 'warning'],
      ],
    );
  });

  it('JSON config', () => {
    const file = write('c.json', '{"rules": {"schema/unknown-key": "error"}}');
    assert.deepEqual(readConfigFile(file).settings, { rules: { 'schema/unknown-key': 'error' } });
  });

  it('broken YAML: its place and the parser’s message, no settings', () => {
    const broken = readConfigFile(write('broken.yaml', 'rules: [\n'));
    assert.deepEqual(broken.settings, {});
    assert.deepEqual(broken.problems, ['2:1 YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    assert.equal(broken.readError, undefined);
  });

  it('a file that cannot be read: `readError`, one problem, no settings, no throw', () => {
    const missing = readConfigFile(path.join(dir, 'nope.yaml'));
    assert.deepEqual(
      [missing.settings, missing.readError, missing.problems],
      [{}, 'it does not exist (ENOENT)', ['cannot be read: it does not exist (ENOENT)']],
    );
    assert.equal(readConfigFile(dir).readError, 'it is a folder, not a file (EISDIR)');
    assert.equal(readConfigFile('/dev/zero').readError, 'it is not a regular file (a device, FIFO or socket) (ENOTREG)');
    const big = write('big.yaml', `# ${'x'.repeat(512 * 1024)}\n`);
    assert.equal(readConfigFile(big).readError, 'it is over the 512 KB limit (EFBIG)');
    const latin1 = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(latin1, Buffer.from('role: g\xe9n\xe9ral\n', 'latin1'));
    assert.equal(readConfigFile(latin1).readError, 'it is not UTF-8 text');
  });

  it('an alias bomb: stopped at 100 aliases, one problem, no settings, no throw', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'files: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    const read = readConfigFile(write('bomb.yaml', bomb));
    assert.deepEqual(read.settings, {});
    assert.deepEqual(read.problems, ['1:1 cannot be read: Excessive alias count indicates a resource exhaustion attack']);
  });

  it('rule ids are checked when the known ids are given', () => {
    const file = write('ids.yaml', 'rules:\n  quantfy: off\n  date-order: warning\n');
    assert.deepEqual(readConfigFile(file).problems, []);
    assert.deepEqual(readConfigFile(file, ['quantify', 'date-order']).problems, ['2:3 unknown rule `quantfy`; did you mean `quantify`?']);
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
      assert.deepEqual(problems, ['should be a mapping of settings (files, rules, role, posting, layout, render)']);
    }
  });

  it('`files` must be a list of strings; `rules` a mapping', () => {
    const problems: string[] = [];
    assert.deepEqual(normalizeSettings({ files: 'resume.yaml', rules: ['date-order'] }, problems), { settings: {} });
    assert.deepEqual(problems, ['`files` should be a list of globs', '`rules` should map rule ids to off, error, warning, info or hint']);
    const mixed: string[] = [];
    assert.deepEqual(normalizeSettings({ files: ['a.yaml', 3, '', '!'] }, mixed), { settings: { files: ['a.yaml'] } });
    assert.deepEqual(mixed, [
      '`files` item 2: should be a glob (text)',
      '`files` item 3: an empty glob matches no file',
      '`files` item 4: `!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`',
    ]);
  });

  it('null and undefined are no settings', () => {
    assert.deepEqual(normalizeSettings(null), { settings: {} });
    assert.deepEqual(normalizeSettings(undefined), { settings: {} });
  });
});

describe('parseConfigText: problems with their ranges, for diagnostics on the config file', () => {
  const ids = ['quantify', 'first-person', 'date-order'];
  const at = (text: string, part: string, from = 0) => {
    const start = text.indexOf(part, from);
    assert.ok(start >= 0, part);
    return { start, end: start + part.length };
  };
  const byPlace = <T extends { range: { start: number } }>(problems: T[]) => [...problems].sort((a, b) => a.range.start - b.range.start);

  it('each problem on the key or value at fault, with its severity; what is good is kept', () => {
    const text =
      'rules:\n  quantfy: off\n  date-order: loud\nrole: backnd\ncolour: blue\nfiles:\n  - "**/*resume*.yaml"\n  - ""\n  - "!"\nposting: 3\n';
    const parsed = parseConfigText(text, '.bulletproof.yaml', ids);
    assert.deepEqual(byPlace(parsed.problems), [
      { message: 'unknown rule `quantfy`; did you mean `quantify`?', range: at(text, 'quantfy'), severity: 'warning' },
      { message: 'rule `date-order`: `loud` is not one of off, error, warning, info, hint', range: at(text, 'loud'), severity: 'error' },
      { message: '`role` should be `backend` or `general`; did you mean `backend`?', range: at(text, 'backnd'), severity: 'error' },
      { message: 'unknown setting `colour`', range: at(text, 'colour'), severity: 'warning' },
      { message: '`files` item 2: an empty glob matches no file', range: at(text, '""'), severity: 'error' },
      {
        message: '`files` item 3: `!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`',
        range: at(text, '"!"'),
        severity: 'error',
      },
      { message: '`posting` should be the path of a job posting file', range: at(text, '3', text.indexOf('posting')), severity: 'error' },
    ]);
    assert.deepEqual(parsed.settings, { files: ['**/*resume*.yaml'], rules: { quantfy: 'off' } });
  });

  it('a rule with no level points at its key', () => {
    const text = 'rules:\n  quantify:\n';
    assert.deepEqual(parseConfigText(text, undefined, ids).problems, [
      { message: 'rule `quantify`: `null` is not one of off, error, warning, info, hint', range: at(text, 'quantify'), severity: 'error' },
    ]);
  });

  it('broken YAML: the parser’s range, an error, no settings', () => {
    const text = 'rules:\n  quantify: off\n  quantify: error\n';
    const parsed = parseConfigText(text, '.bulletproof.yml', ids);
    assert.deepEqual(parsed, {
      settings: {},
      // The parser points at the repeated key's first character.
      problems: [
        {
          message: 'YAML: Map keys must be unique',
          range: { start: at(text, 'quantify', 10).start, end: at(text, 'quantify', 10).start + 1 },
          severity: 'error',
        },
      ],
    });
  });

  it('JSON: the same checks, ranges into the JSON text, JSON named in syntax errors', () => {
    const text = '{\n\t"rules": {"quantfy": "off"},\n\t"role": "general"\n}\n';
    const parsed = parseConfigText(text, '.bulletproof.json', ids);
    assert.deepEqual(parsed.problems, [
      { message: 'unknown rule `quantfy`; did you mean `quantify`?', range: at(text, '"quantfy"'), severity: 'warning' },
    ]);
    assert.deepEqual(parsed.settings, { rules: { quantfy: 'off' }, role: 'general' });
    const broken = parseConfigText('{"role": "general",\n', '.bulletproof.json', ids);
    assert.match(broken.problems[0]?.message ?? '', /^JSON: /);
  });

  it('a document that is not a mapping: one error over it', () => {
    const text = '- files\n- rules\n';
    assert.deepEqual(parseConfigText(text).problems, [
      {
        message: 'should be a mapping of settings (files, rules, role, posting, layout, render)',
        range: { start: 0, end: text.length },
        severity: 'error',
      },
    ]);
  });

  it('`render:`: each key checked, on the value at fault; what is good is kept; null leaves a key to its default', () => {
    const text =
      'render:\n  theme: compakt\n  paper: a4\n  fontSize: 40\n  margin: 20\n  maxPages: 1.5\n  checks: yes please\n  colour: red\n';
    const parsed = parseConfigText(text, '.bulletproof.yaml', ids);
    assert.deepEqual(byPlace(parsed.problems), [
      {
        message: '`render.theme` should be `classic` or `compact`; did you mean `compact`?',
        range: at(text, 'compakt'),
        severity: 'error',
      },
      {
        message: "`render.fontSize` should be a size in points from 6 to 24, or null for the theme's own; not 40",
        range: at(text, '40'),
        severity: 'error',
      },
      {
        message:
          "`render.margin` should be a length with a unit (`0.75in`, `18mm`, `2cm`, `54pt`, `1.5em`), or null for the theme's own; not 20",
        range: at(text, '20'),
        severity: 'error',
      },
      {
        message: '`render.maxPages` should be a whole number of pages, 1 or more, or null for the usual limit; not 1.5',
        range: at(text, '1.5'),
        severity: 'error',
      },
      { message: '`render.checks` should be true or false; not yes please', range: at(text, 'yes please'), severity: 'error' },
      { message: 'unknown setting `render.colour`', range: at(text, 'colour'), severity: 'warning' },
    ]);
    assert.deepEqual(parsed.settings, { render: { paper: 'a4' } });
    const good = parseConfigText(
      'render:\n  theme: compact\n  fontSize: 10.5\n  margin: 0.75in\n  maxPages: 1\n  checks: false\n  paper: null\n',
    );
    assert.deepEqual(good, {
      settings: { render: { theme: 'compact', fontSize: 10.5, margin: '0.75in', maxPages: 1, checks: false } },
      problems: [],
    });
  });

  it('`render:` that is not a mapping, and a margin Typst would read as code', () => {
    const list = 'render: [classic]\n';
    assert.deepEqual(parseConfigText(list).problems, [
      {
        message: '`render` should be a mapping of `theme`, `paper`, `fontSize`, `margin`, `maxPages` and `checks`',
        range: at(list, '[classic]'),
        severity: 'error',
      },
    ]);
    const code = 'render:\n  margin: "1in); #read(\\"/etc/passwd\\")"\n';
    assert.deepEqual(parseConfigText(code).settings, { render: {} });
    assert.equal(parseConfigText(code).problems.length, 1);
  });

  it('an empty file, or only comments: no settings, no problem', () => {
    assert.deepEqual(parseConfigText(''), { settings: {}, problems: [] });
    assert.deepEqual(parseConfigText('# nothing yet\n'), { settings: {}, problems: [] });
  });
});

describe('mergeSettings', () => {
  it('no layers: the defaults', () => {
    assert.deepEqual(mergeSettings(), DEFAULT_SETTINGS);
    assert.deepEqual(DEFAULT_SETTINGS, {
      files: [...DEFAULT_FILES],
      rules: {},
      role: 'backend',
      roleSet: false,
      layout: 'auto',
      render: {},
    });
  });

  it('later layers win; rules merge per rule id', () => {
    const editor = { rules: { 'date-order': 'warning' as const, completeness: 'off' as const }, role: 'general' as const, files: ['a/**'] };
    const configFile = { rules: { completeness: 'error' as const } };
    assert.deepEqual(mergeSettings(editor, configFile, { layout: 'rendercv' }), {
      files: ['a/**'],
      role: 'general',
      roleSet: true,
      layout: 'rendercv',
      rules: { 'date-order': 'warning', completeness: 'error' },
      render: {},
    });
  });

  it('render settings merge per key: the config file wins where it speaks', () => {
    const editor = { render: { theme: 'compact' as const, paper: 'a4' as const, checks: true } };
    const configFile = { render: { paper: 'us-letter' as const, margin: '18mm', checks: false } };
    assert.deepEqual(mergeSettings(editor, configFile).render, { theme: 'compact', paper: 'us-letter', margin: '18mm', checks: false });
    assert.deepEqual(editor.render, { theme: 'compact', paper: 'a4', checks: true });
    assert.deepEqual(DEFAULT_SETTINGS.render, {});
  });

  it('a layer that says nothing leaves the rest alone', () => {
    assert.deepEqual(mergeSettings({ role: 'general' }, {}), { ...DEFAULT_SETTINGS, role: 'general', roleSet: true });
  });

  it('a role set by any layer is marked set, and stays so when merged settings are merged again', () => {
    assert.equal(mergeSettings({}, { role: 'backend' }).roleSet, true);
    assert.equal(mergeSettings(mergeSettings({ role: 'backend' })).roleSet, true);
    assert.equal(mergeSettings(mergeSettings({}), {}).roleSet, false);
    assert.equal(mergeSettings(mergeSettings({}), {}).role, 'backend');
  });

  it('rules are a fresh object: changing them changes neither a layer nor the defaults', () => {
    const layer = { rules: { completeness: 'off' as const } };
    const merged = mergeSettings(layer);
    merged.rules['date-order'] = 'off';
    assert.deepEqual(layer, { rules: { completeness: 'off' } });
    assert.deepEqual(DEFAULT_SETTINGS.rules, {});
  });
});
