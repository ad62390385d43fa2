/**
 * Packages the extension once, as `npm run package` does, and checks what the
 * .vsix holds: the bundled client and server, schemas, snippets, rule docs,
 * README, CHANGELOG, LICENSE and icon; nothing else (no node_modules, no
 * sources, no tests, no source maps), and small.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const MAX_BYTES = 1024 * 1024;

/** Paths inside the .vsix that may be there; vsce renames README, CHANGELOG and LICENSE. */
const ALLOWED: RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|server)\.js$/,
  /^extension\/schemas\/[\w./-]+\.json$/,
  /^extension\/snippets\/[\w./-]+\.json$/,
  /^extension\/docs\/rules\/[\w./-]+\.md$/,
  /^extension\/images\/icon\.png$/,
];

const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/images/icon.png',
];

/** The names in a zip file's central directory. */
export function zipEntries(zip: Buffer): string[] {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== ENTRY) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the packaged .vsix', () => {
  let dir: string;
  let vsix: string;
  let entries: string[];

  before(function () {
    this.timeout(120_000);
    assert.ok(fs.existsSync(path.join(root, 'dist', 'extension.js')), 'dist/ is not built: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-vsix-'));
    vsix = path.join(dir, 'bulletproof.vsix');
    const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    try {
      execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      assert.fail(`vsce package failed:\n${failure.stdout ?? ''}${failure.stderr ?? failure.message}`);
    }
    entries = zipEntries(fs.readFileSync(vsix));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds only the allowed files', () => {
    const unexpected = entries.filter((entry) => !ALLOWED.some((pattern) => pattern.test(entry)));
    assert.deepEqual(unexpected, [], 'files that should not ship; add them to .vscodeignore');
  });

  it('holds the bundled client and server, the docs, the licence and the icon', () => {
    const missing = REQUIRED.filter((entry) => !entries.includes(entry));
    assert.deepEqual(missing, []);
    assert.ok(entries.includes('extension/schemas/resume.schema.json'));
    assert.ok(
      entries.some((entry) => entry.startsWith('extension/docs/rules/')),
      'no rule docs',
    );
  });

  it('holds what package.json points at (main, icon, contributed snippets)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      icon: string;
      contributes?: { snippets?: { path: string }[] };
    };
    const inside = (file: string) => `extension/${path.posix.normalize(file).replace(/^\.\//, '')}`;
    assert.ok(entries.includes(inside(manifest.main)), `main ${manifest.main} is not packaged`);
    assert.ok(entries.includes(inside(manifest.icon)), `icon ${manifest.icon} is not packaged`);
    for (const snippet of manifest.contributes?.snippets ?? []) {
      assert.ok(entries.includes(inside(snippet.path)), `snippets ${snippet.path} are not packaged`);
    }
  });

  it(`is smaller than ${MAX_BYTES / 1024} KB`, () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `the .vsix is ${Math.round(size / 1024)} KB`);
  });
});
