import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import { REPO_ROOT } from '../support/lspClient';

describe('the bundles', () => {
  for (const name of ['server.js', 'cli.js', 'extension.js', 'browserExtension.js', 'browserServer.js', 'renderWorker.mjs']) {
    it(`dist/${name} is ASCII, so V8 keeps its source one byte a character`, () => {
      const code = fs.readFileSync(path.join(REPO_ROOT, 'dist', name), 'utf8');
      const first = /[\u0080-\uFFFF]/.exec(code);
      assert.equal(
        first,
        null,
        first ? `non-ASCII at ${first.index}: ${JSON.stringify(code.slice(first.index - 40, first.index + 10))}` : '',
      );
    });
  }

  it('find what the sources find in text with curly quotes, dashes, currency signs and ×', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    startDate: 2019-01',
      '    endDate: 2021-02',
      '    highlights:',
      '      - Improved the team’s API — a lot',
      '      - Saved €2M a year on hosting',
      '      - Cut build time 3× with remote caching',
      '      - “Responsible for” the on-call rotation',
      '',
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-')), 'a.resume.yaml');
    fs.writeFileSync(file, text);
    let output: string;
    try {
      output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    const bundled = (JSON.parse(output) as { code: string; message: string }[]).map((finding) => `${finding.code}: ${finding.message}`);
    const sources = lint(text, { today: new Date() }).findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.deepEqual(bundled.sort(), sources.sort());
    // The characters matter: these findings come from patterns that hold them.
    assert.ok(
      bundled.some((finding) => finding.includes('team’s')),
      bundled.join('\n'),
    );
  });
});
