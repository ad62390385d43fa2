/**
 * `convert` on real resumes: JSON Resume YAML → JSON → YAML and JSON →
 * YAML → JSON give back the same value for every file of the corpus that
 * can be converted, and every file is either converted into each layout or
 * refused with a reason (never an exception, never a text that reads back
 * as something else).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { convertResume, type ConvertTarget } from '../../server/src/engine/convert/convert';
import { ROOT } from '../cli/run';

const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const numbered = (from: number, to: number) =>
  fs.existsSync(CORPUS)
    ? fs
        .readdirSync(CORPUS)
        .filter((name) => Number(name.slice(0, 3)) >= from && Number(name.slice(0, 3)) <= to)
        .sort()
    : [];
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');
const yamlValue = (text: string): unknown => parse(text, { schema: 'core' });

/** Files convert refuses, and why: each would lose content. */
const REFUSED: Record<string, RegExp> = {
  '036.yaml': /more than one YAML document/,
  '047.yaml': /^line 98: Missing closing "quote/,
};

function converted(text: string, to: ConvertTarget): string {
  const result = convertResume(text, to);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.text;
}

describe('convert on the corpus', function () {
  this.timeout(120_000);
  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
  });

  it('JSON Resume YAML (031–046) → JSON → YAML gives back the same value', () => {
    const files = numbered(31, 46);
    assert.equal(files.length, 16);
    let roundTrips = 0;
    for (const name of files) {
      const text = read(name);
      if (REFUSED[name]) {
        const result = convertResume(text, 'json');
        assert.ok(!result.ok && REFUSED[name].test(result.message), `${name}: ${JSON.stringify(result)}`);
        continue;
      }
      const json = converted(text, 'json');
      assert.deepEqual(JSON.parse(json), yamlValue(text), `${name} → JSON`);
      assert.deepEqual(yamlValue(converted(json, 'yaml')), yamlValue(text), `${name} → JSON → YAML`);
      roundTrips++;
    }
    assert.equal(roundTrips, 15);
  });

  it('JSON Resume JSON (001–030) → YAML → JSON gives back the same value', () => {
    const files = numbered(1, 30);
    assert.equal(files.length, 30);
    for (const name of files) {
      const text = read(name);
      // 018 has a trailing comma: not strict JSON, read without it (as the linter reads it).
      const value: unknown = name === '018.json' ? yamlValue(text) : JSON.parse(text);
      const yaml = converted(text, 'yaml');
      assert.deepEqual(yamlValue(yaml), value, `${name} → YAML`);
      assert.deepEqual(JSON.parse(converted(yaml, 'json')), value, `${name} → YAML → JSON`);
    }
  });

  it('every file converts into every other layout, or is refused with its reason', () => {
    const targets: ConvertTarget[] = ['json', 'yaml', 'rendercv', 'yamlresume'];
    for (const name of numbered(1, 75)) {
      const text = read(name);
      for (const to of targets) {
        const result = convertResume(text, to);
        if (result.ok) continue;
        const sameLayout = /already$/.test(result.message);
        assert.ok(sameLayout || REFUSED[name]?.test(result.message), `${name} → ${to}: ${result.message}`);
      }
    }
  });
});
