/**
 * Rules stand alone: one rule never imports another, so turning one off, or
 * changing it, cannot change what another reports. What they share lives in
 * the engine.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const RULES = path.join(__dirname, '..', '..', '..', 'server', 'src', 'rules');

describe('rules', () => {
  it('never import one another (only the registry imports rules)', () => {
    const files = fs.readdirSync(RULES).filter((name) => name.endsWith('.ts') && name !== 'registry.ts');
    assert.ok(files.length > 20, `only ${files.length} rule files found in ${RULES}`);
    for (const name of files) {
      const source = fs.readFileSync(path.join(RULES, name), 'utf8');
      const local = [...source.matchAll(/from '(\.\/[^']+)'/g)].map((match) => match[1]);
      assert.deepEqual(local, [], `${name} imports another rule`);
    }
  });

  it('read the resume model, not the YAML parser', () => {
    const files = fs.readdirSync(RULES).filter((name) => name.endsWith('.ts'));
    const importers = files.filter((name) => /from 'yaml'/.test(fs.readFileSync(path.join(RULES, name), 'utf8')));
    assert.deepEqual(importers.sort(), []);
  });
});
