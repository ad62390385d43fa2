/**
 * Writing `role: general` into a config file's text: in place, comments and
 * layout kept, or not at all where the result would not read back as the
 * same settings with the role changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/engine/fixes';
import { configWriteFor, newConfigText, settingEdits } from '../../server/src/node/configEdit';

const GENERAL = [{ name: 'role' as const, value: 'general' as const }];

function written(text: string, fileName = '.bulletproof.yaml'): string | undefined {
  const edits = settingEdits(text, fileName, GENERAL);
  return edits && applyEdits(text, edits);
}

describe('settingEdits', () => {
  it('changes a role that is there, keeping its comment', () => {
    assert.deepEqual(settingEdits('# team settings\nrole: backend # for now\n', '.bulletproof.yaml', GENERAL), [
      { range: { start: 22, end: 29 }, newText: 'general' },
    ]);
    assert.equal(written("rules:\n  quantify: info\nrole: 'backend'\n"), 'rules:\n  quantify: info\nrole: general\n');
  });

  it('adds a line at the end, with the file’s line breaks, when there is no role', () => {
    assert.equal(written('# settings\nrules:\n  quantify: info'), '# settings\nrules:\n  quantify: info\nrole: general\n');
    assert.equal(written('rules:\r\n  quantify: info\r\n'), 'rules:\r\n  quantify: info\r\nrole: general\r\n');
    assert.equal(written('# nothing yet\n'), '# nothing yet\nrole: general\n');
    assert.equal(written(''), 'role: general\n');
  });

  it('writes JSON as JSON, in its own indentation', () => {
    assert.equal(written('{\n    "rules": {}\n}\n', '.bulletproof.json'), '{\n    "rules": {},\n    "role": "general"\n}\n');
    assert.equal(written('{\n  "role": "backend"\n}\n', '.bulletproof.json'), '{\n  "role": "general"\n}\n');
  });

  it('writes nothing where the result would not read back cleanly', () => {
    for (const text of [
      '{rules: {}}\n',
      'rules: [quantify\n',
      'role: backend\n---\nrole: backend\n',
      'role: [backend]\n',
      '  rules: {}\n',
    ]) {
      assert.equal(settingEdits(text, '.bulletproof.yaml', GENERAL), undefined, JSON.stringify(text));
    }
  });
});

describe('configWriteFor', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-config-write-'));
    fs.mkdirSync(path.join(root, 'cv'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates .bulletproof.yaml beside the resume when no config file is found up to the root', () => {
    assert.deepEqual(configWriteFor(path.join(root, 'cv', 'resume.yaml'), root, GENERAL), {
      kind: 'create',
      path: path.join(root, 'cv', '.bulletproof.yaml'),
      text: newConfigText(GENERAL),
    });
  });

  it('edits the config file the resume is checked with, as the editor has it when it is open', () => {
    const config = path.join(root, '.bulletproof.yml');
    fs.writeFileSync(config, 'rules: {}\n');
    assert.deepEqual(configWriteFor(path.join(root, 'cv', 'resume.yaml'), root, GENERAL), {
      kind: 'edit',
      path: config,
      text: 'rules: {}\n',
      edits: [{ range: { start: 10, end: 10 }, newText: 'role: general\n' }],
    });
    const unsaved = 'rules: {}\nposting: ./job.md\n';
    const write = configWriteFor(path.join(root, 'cv', 'resume.yaml'), root, GENERAL, (file) => (file === config ? unsaved : undefined));
    assert.deepEqual(write?.kind === 'edit' && write.edits, [{ range: { start: 28, end: 28 }, newText: 'role: general\n' }]);
  });
});
