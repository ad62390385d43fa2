/**
 * `bulletproof convert` as a person runs it: where it writes, what it
 * refuses, what it says on stderr and stdout, its exit codes, and that it
 * leaves no temporary file. Then the point of it: the same advice for the
 * same bullet whichever layout holds it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseResume } from '../../server/src/engine/document';
import { assertExit, BACKEND, cli, put, tempDir, WEAK } from './run';

const BACKEND_TEXT = fs.readFileSync(BACKEND, 'utf8');

function setUp(): string {
  const dir = tempDir('bulletproof-convert-');
  put(dir, 'backend.resume.yaml', BACKEND_TEXT);
  return dir;
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

describe('bulletproof convert', function () {
  this.timeout(60_000);

  it('writes JSON beside the input, the notes on stderr and a summary on stdout', () => {
    const dir = setUp();
    const run = cli(['convert', '--to', 'json', 'backend.resume.yaml'], dir);
    assertExit(run, 0, 'convert');
    assert.equal(run.stderr, '3 comments dropped: JSON cannot hold comments\n');
    assert.equal(run.stdout, 'backend.resume.yaml (JSON Resume (YAML)) → backend.resume.json (JSON Resume (JSON)): 1 note\n');
    assert.deepEqual(listing(dir), ['backend.resume.json', 'backend.resume.yaml']);
    const json = fs.readFileSync(path.join(dir, 'backend.resume.json'), 'utf8');
    assert.equal(json, fs.readFileSync(path.join(path.dirname(BACKEND), 'backend.resume.json'), 'utf8'));
  });

  it('names a RenderCV file after the person, and says what changed form', () => {
    const dir = setUp();
    const run = cli(['convert', '--to', 'rendercv', 'backend.resume.yaml'], dir);
    assertExit(run, 0, 'convert');
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      '3 comments not carried over: comments have no place in the converted layout',
      'work[0].url: kept only as a link on the company',
      'projects[0].url: kept only as a link on the name',
      'basics.location: flattened to "Chicago, Illinois, US"',
      'basics.profiles[0]: its link https://example.com/github/alexrivera is not the one RenderCV makes from the username (https://github.com/alexrivera): kept as a custom connection (RenderCV 2.4 or later)',
    ]);
    assert.match(run.stdout, /→ Alex_Rivera_CV\.yaml \(RenderCV\): 5 notes\n$/);
    assert.deepEqual(listing(dir), ['Alex_Rivera_CV.yaml', 'backend.resume.yaml']);
  });

  it('refuses an existing output without --force (exit 2), and replaces it with --force', () => {
    const dir = setUp();
    const existing = put(dir, 'mine.json', '{"keep": true}\n');
    const refused = cli(['convert', '--to', 'json', 'backend.resume.yaml', '-o', 'mine.json'], dir);
    assertExit(refused, 2, 'no --force');
    assert.equal(refused.stderr, 'bulletproof: mine.json exists; use --force to replace it, or -o to name another file.\n');
    assert.equal(refused.stdout, '');
    assert.equal(fs.readFileSync(existing, 'utf8'), '{"keep": true}\n');

    const forced = cli(['convert', '--to', 'json', 'backend.resume.yaml', '-o', 'mine.json', '--force'], dir);
    assertExit(forced, 0, '--force');
    assert.equal((JSON.parse(fs.readFileSync(existing, 'utf8')) as { basics: { name: string } }).basics.name, 'Alex Rivera');
    assert.deepEqual(listing(dir), ['backend.resume.yaml', 'mine.json'], 'no temporary file left');
  });

  it('writes where -o says, and nothing when the folder is missing', () => {
    const dir = setUp();
    const run = cli(['convert', '--to', 'yamlresume', 'backend.resume.yaml', '-o', 'out/cv.yaml'], dir);
    assertExit(run, 2, 'missing folder');
    assert.match(run.stderr, /^bulletproof: cannot write out\/cv\.yaml: .* \(ENOENT\); nothing was written\.\n$/);
    assert.deepEqual(listing(dir), ['backend.resume.yaml']);

    fs.mkdirSync(path.join(dir, 'out'));
    assertExit(cli(['convert', '--to', 'yamlresume', 'backend.resume.yaml', '-o', 'out/cv.yaml'], dir), 0, '-o');
    assert.deepEqual(listing(path.join(dir, 'out')), ['cv.yaml']);
    assert.match(
      fs.readFileSync(path.join(dir, 'out', 'cv.yaml'), 'utf8'),
      /^# yaml-language-server: \$schema=https:\/\/yamlresume\.dev\/schema\.json\n/,
    );
  });

  it('refuses what it cannot convert, writing nothing (exit 2)', () => {
    const dir = setUp();
    put(dir, 'broken.yaml', 'basics:\n  name: "Dana\n');
    const cases: [string[], string][] = [
      [
        ['convert', '--to', 'yaml', 'backend.resume.yaml'],
        'bulletproof: cannot convert backend.resume.yaml: it is JSON Resume as YAML already.\n',
      ],
      [
        ['convert', '--to', 'json', 'broken.yaml'],
        'bulletproof: cannot convert broken.yaml: line 3: Missing closing "quote: fix the YAML first.\n',
      ],
      [['convert', '--to', 'json', 'missing.yaml'], 'bulletproof: cannot read missing.yaml: it does not exist (ENOENT).\n'],
      [
        ['convert', '--to', 'pdf', 'backend.resume.yaml'],
        'bulletproof: --to must be json, yaml, rendercv or yamlresume, not pdf.\nRun bulletproof convert --help for usage.\n',
      ],
      [
        ['convert', 'backend.resume.yaml'],
        'bulletproof: convert needs --to json, yaml, rendercv or yamlresume.\nRun bulletproof convert --help for usage.\n',
      ],
      [
        ['convert', '--to', 'json', 'a.yaml', 'b.yaml'],
        'bulletproof: convert takes one file at a time.\nRun bulletproof convert --help for usage.\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const run = cli(args, dir);
      assertExit(run, 2, args.join(' '));
      assert.equal(run.stderr, stderr, args.join(' '));
    }
    assert.deepEqual(listing(dir), ['backend.resume.yaml', 'broken.yaml']);
  });

  it('documents itself', () => {
    const run = cli(['convert', '--help'], process.cwd());
    assertExit(run, 0, '--help');
    assert.match(run.stdout, /^Usage: bulletproof convert --to <json\|yaml\|rendercv\|yamlresume> <file> \[-o <out>\] \[--force\]/);
    assert.match(cli(['--help'], process.cwd()).stdout, /bulletproof convert --to/);
  });

  describe('the same advice for the same bullet, whichever layout holds it', () => {
    /** `rule: message` of each finding inside a bullet, by the bullet's text. */
    function adviceByBullet(dir: string, file: string): Map<string, string[]> {
      const run = cli(['--format', 'json', file], dir);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const document = TextDocument.create('', 'yaml', 0, text);
      const bullets = parseResume(text).bullets;
      const advice = new Map<string, string[]>(bullets.map((bullet) => [bullet.text, []]));
      for (const finding of JSON.parse(run.stdout) as { line: number; column: number; code: string; message: string }[]) {
        const offset = document.offsetAt({ line: finding.line - 1, character: finding.column - 1 });
        const bullet = bullets.find((candidate) => candidate.range.start <= offset && offset < candidate.range.end);
        if (bullet) advice.get(bullet.text)!.push(`${finding.code}: ${finding.message}`);
      }
      for (const list of advice.values()) list.sort();
      return advice;
    }

    for (const example of [BACKEND, WEAK]) {
      const name = path.basename(example);
      it(`${name} as JSON, and back as YAML`, () => {
        const dir = tempDir('bulletproof-convert-advice-');
        fs.copyFileSync(example, path.join(dir, name));
        const source = adviceByBullet(dir, name);
        assert.ok(source.size > 0, 'the example has bullets');
        assertExit(cli(['convert', '--to', 'json', name, '-o', 'converted.resume.json'], dir), 0, 'to JSON');
        assert.deepEqual(adviceByBullet(dir, 'converted.resume.json'), source);
        assertExit(cli(['convert', '--to', 'yaml', 'converted.resume.json', '-o', 'again.resume.yaml'], dir), 0, 'back to YAML');
        assert.deepEqual(adviceByBullet(dir, 'again.resume.yaml'), source);
      });

      it(`${name} as RenderCV`, () => {
        const dir = tempDir('bulletproof-convert-advice-');
        fs.copyFileSync(example, path.join(dir, name));
        const source = adviceByBullet(dir, name);
        assertExit(cli(['convert', '--to', 'rendercv', name, '-o', 'converted_CV.yaml'], dir), 0, 'to RenderCV');
        const converted = adviceByBullet(dir, 'converted_CV.yaml');
        // A project's `description` becomes its RenderCV `summary`, which RenderCV prints as a bullet: one more to advise on.
        const shared = new Map([...converted].filter(([text]) => source.has(text)));
        assert.deepEqual(shared, source);
      });

      it(`${name} as YAMLResume`, () => {
        const dir = tempDir('bulletproof-convert-advice-');
        fs.copyFileSync(example, path.join(dir, name));
        const source = adviceByBullet(dir, name);
        assertExit(cli(['convert', '--to', 'yamlresume', name, '-o', 'converted.yamlresume.yaml'], dir), 0, 'to YAMLResume');
        // Each highlight is a Markdown list item of its entry's `summary`: the same bullet, read out of the list.
        const converted = adviceByBullet(dir, 'converted.yamlresume.yaml');
        const shared = new Map([...converted].filter(([text]) => source.has(text)));
        assert.deepEqual(shared, source);
      });
    }

    it('the weak example has advice to compare', () => {
      const dir = tempDir('bulletproof-convert-advice-');
      fs.copyFileSync(WEAK, path.join(dir, 'weak.resume.yaml'));
      const advice = [...adviceByBullet(dir, 'weak.resume.yaml').values()].flat();
      assert.ok(advice.length >= 5, `only ${advice.length} findings in bullets`);
    });
  });
});
