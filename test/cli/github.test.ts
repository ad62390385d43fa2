/**
 * `--format github` from the built CLI: one GitHub Actions workflow command
 * per finding, with the runner's escaping, so each finding lands on its line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { escapeData, escapeProperty, githubCommand } from '../../cli/src/githubFormat';
import { assertExit, cli, put, tempDir, type Run } from './run';

// An emoji (two UTF-16 code units) before `emial`, CJK (one each) before the date,
// and a key holding `%` and a line break, which the message quotes.
const A = [
  'basics: {name: "🚀 山田", emial: taro@example.com, "50%\\nx": 1}',
  'work:',
  '  - {name: 株式会社, startDate: 2020/04}',
  '',
].join('\n');
// A bullet over two lines: the finding spans them.
const B = [
  'basics:',
  '  name: Ada Lovelace',
  '  email: ada@example.com',
  'work:',
  '  - name: Acme',
  '    startDate: 2020-04',
  '    highlights:',
  '      - Built the payments service',
  '        and the billing jobs',
  '',
].join('\n');

describe('CLI: --format github', function () {
  this.timeout(60_000);
  let dir: string;
  let run: Run;
  let lines: string[];

  before(() => {
    dir = tempDir('bulletproof-github-');
    put(dir, 'sub/a,b:c.resume.yaml', A);
    put(dir, 'b.resume.yaml', B);
    put(dir, '.bulletproof.yaml', 'rules:\n  completeness: hint\n');
    run = cli(['--format', 'github', 'sub/a,b:c.resume.yaml', 'b.resume.yaml'], dir);
    lines = run.stdout.trimEnd().split('\n');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one exact command per finding, UTF-16 columns, escaped file names and messages', () => {
    assertExit(run, 1, 'github');
    const file = 'file=sub/a%2Cb%3Ac.resume.yaml';
    const commands = lines.filter((line) => /title=(schema\/|quantify)/.test(line));
    assert.deepEqual(commands, [
      `::warning ${file},line=1,col=25,endLine=1,endColumn=30,title=schema/unknown-key::Unknown key \`emial\` in \`basics\`. Did you mean \`email\`?`,
      `::warning ${file},line=1,col=50,endLine=1,endColumn=58,title=schema/unknown-key::Unknown key \`50%25%0Ax\` in \`basics\`: JSON Resume themes will ignore it.`,
      `::error ${file},line=3,col=29,endLine=3,endColumn=36,title=schema/invalid-date::\`2020/04\` is not a date JSON Resume understands: write YYYY, YYYY-MM or YYYY-MM-DD, here \`2020-04\`.`,
      // Over two lines: no columns, or the runner drops the annotation.
      '::warning file=b.resume.yaml,line=8,endLine=9,title=quantify::No number in this bullet: add the scale or the result (requests/day, p99 latency, %25, team size).',
    ]);
  });

  it('info and hint are notices; every finding is a command, then the summary', () => {
    assert.ok(
      lines.slice(0, -1).every((line) => /^::(error|warning|notice) file=/.test(line)),
      lines.join('\n'),
    );
    assert.equal(lines.at(-1), '✖ 9 problems (1 error, 3 warnings, 3 info, 2 hints) in 2 files');
    const notices = lines.filter((line) => line.startsWith('::notice '));
    assert.deepEqual(
      notices.map((line) => /title=([^:]+)::/.exec(line)?.[1]),
      ['completeness', 'completeness', 'backend-signals', 'backend-signals', 'backend-signals'],
    );
  });

  it('a clean file: only the summary, exit 0', () => {
    put(dir, 'clean/resume.yaml', B.replace('Built the payments service', 'Built the payments service for 2M users'));
    const clean = cli(['--format', 'github', '--role', 'general', 'clean/resume.yaml'], dir);
    assertExit(clean, 0, 'clean');
    assert.equal(clean.stdout, '✓ no problems in 1 file\n');
  });

  it('escapes as the runner unescapes: % first, then line breaks; : and , in properties only', () => {
    assert.equal(escapeData('50%\r\n: a, b'), '50%25%0D%0A: a, b');
    assert.equal(escapeProperty('50%\r\n: a, b'), '50%25%0D%0A%3A a%2C b');
    assert.equal(escapeData('%0A'), '%250A', 'a literal %0A stays literal');
  });

  it('a one-line range keeps its columns, an empty one too', () => {
    const finding = { file: 'r.yaml', line: 2, column: 4, endLine: 2, endColumn: 4, code: 'yaml/syntax', message: 'm' } as const;
    assert.equal(
      githubCommand({ ...finding, severity: 'hint' }),
      '::notice file=r.yaml,line=2,col=4,endLine=2,endColumn=4,title=yaml/syntax::m',
    );
    assert.equal(githubCommand({ ...finding, severity: 'error', endLine: 3 }), '::error file=r.yaml,line=2,endLine=3,title=yaml/syntax::m');
  });
});
