/**
 * Packages the extension as `npm run package` does (scripts/package.mjs, on
 * the dist/ already built) and checks what each .vsix holds: the universal
 * one (bundled client and server, for Node and for the browser, the render
 * worker, pdf.js's worker script, schemas, snippets, rule docs, README,
 * CHANGELOG, LICENSE and icon; nothing else: no node_modules, no sources, no
 * tests, no source maps, no compiler)
 * and, on linux-x64, the platform one, which adds the Typst compiler's binary
 * from node_modules (no download). Each render worker is unpacked into a
 * folder with no node_modules above it, as VS Code installs it, and asked
 * for a render over IPC.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { RenderRequest } from '../../server/src/node/render/protocol';
import type { WorkerReply } from '../../server/src/node/render/worker';
import { hostTarget } from '../../server/src/node/render/typstLoader';

const root = path.resolve(__dirname, '..', '..', '..');
/**
 * The universal .vsix as the tests pack it, from the unminified development build (`--no-build`): 2.1 MB
 * with the web bundles. `npm run package` minifies it to 1.7 MB (the README's table).
 */
const UNIVERSAL_MAX_BYTES = 3 * 1024 * 1024;
const COMPILER = 'extension/dist/typst-ts-node-compiler.node';
const WORKER = ['extension/dist/renderWorker.mjs', 'extension/dist/pdf.worker.mjs'];

/** Paths inside the .vsix that may be there; vsce renames README, CHANGELOG and LICENSE. */
const ALLOWED: RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|server|browserExtension|browserServer)\.js$/,
  /^extension\/dist\/(renderWorker|pdf\.worker)\.mjs$/,
  /^extension\/schemas\/[\w./-]+\.json$/,
  /^extension\/snippets\/[\w./-]+\.json$/,
  /^extension\/docs\/rules\/[\w./-]+\.md$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/media\/preview\.(js|css)$/,
];

const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/browserExtension.js',
  'extension/dist/browserServer.js',
  ...WORKER,
  'extension/images/icon.png',
  'extension/media/preview.js',
  'extension/media/preview.css',
];

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries in a zip file's central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== ENTRY) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes (stored or deflated, the two methods vsce writes). */
function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  if (zip.readUInt32LE(entry.localOffset) !== 0x04034b50) throw new Error(`bad local header for ${entry.name}`);
  const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: compression method ${entry.method}`);
}

interface Vsix {
  file: string;
  zip: Buffer;
  entries: ZipEntry[];
  names: string[];
}

function readVsix(file: string): Vsix {
  const zip = fs.readFileSync(file);
  const entries = zipEntries(zip);
  return { file, zip, entries, names: entries.map((entry) => entry.name) };
}

/** Unpacks `extension/dist/` into a new folder outside the repository and returns it. */
function unpackDist(vsix: Vsix, into: string): string {
  const dist = path.join(into, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  for (const entry of vsix.entries.filter((candidate) => candidate.name.startsWith('extension/dist/'))) {
    fs.writeFileSync(path.join(dist, entry.name.slice('extension/dist/'.length)), zipRead(vsix.zip, entry));
  }
  return dist;
}

/** Sends the render worker one request over IPC, as the language server does, and returns its reply. */
function askWorker(worker: string, request: RenderRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('message', (reply: WorkerReply) => {
      child.kill();
      resolve(reply);
    });
    child.once('exit', (code) => reject(new Error(`the render worker exited (${code}) without answering:\n${stderr}`)));
    child.send({ id: 7, request });
  });
}

const REQUEST: RenderRequest = {
  text: fs.readFileSync(path.join(root, 'examples', 'backend.resume.yaml'), 'utf8'),
  fileName: 'backend.resume.yaml',
  settings: { theme: 'classic', paper: 'us-letter' },
  output: 'pdf',
  checks: false,
};

function checkCommon(vsix: Vsix, extra: RegExp[]): void {
  const unexpected = vsix.names.filter((name) => ![...ALLOWED, ...extra].some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], 'files that should not ship; add them to .vscodeignore');
  assert.deepEqual(
    REQUIRED.filter((name) => !vsix.names.includes(name)),
    [],
  );
  assert.ok(vsix.names.includes('extension/schemas/resume.schema.json'));
  assert.ok(
    vsix.names.some((name) => name.startsWith('extension/docs/rules/')),
    'no rule docs',
  );
}

describe('the packaged .vsix files', () => {
  const platform = hostTarget() === 'linux-x64' ? 'linux-x64' : undefined;
  let dir: string;
  let universal: Vsix;
  let platformVsix: Vsix | undefined;

  before(function () {
    this.timeout(240_000);
    assert.ok(fs.existsSync(path.join(root, 'dist', 'renderWorker.mjs')), 'dist/ is not built: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-vsix-'));
    const args = ['scripts/package.mjs', '--no-build', '--offline', '--universal', '--out', dir];
    if (platform) args.push('--target', platform);
    try {
      execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      assert.fail(`scripts/package.mjs failed:\n${failure.stdout ?? ''}${failure.stderr ?? failure.message}`);
    }
    const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    universal = readVsix(path.join(dir, `${name}-${version}.vsix`));
    if (platform) platformVsix = readVsix(path.join(dir, `${name}-${platform}-${version}.vsix`));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('universal', () => {
    it('holds only the allowed files, the render worker among them, and no compiler', () => {
      checkCommon(universal, []);
      assert.equal(universal.names.includes(COMPILER), false);
    });

    it('names no target platform', () => {
      const manifest = zipRead(
        universal.zip,
        universal.entries.find((entry) => entry.name === 'extension.vsixmanifest')!,
      );
      assert.doesNotMatch(manifest.toString('utf8'), /TargetPlatform=/);
    });

    it('holds what package.json points at (main, icon, contributed snippets)', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        main: string;
        icon: string;
        contributes?: { snippets?: { path: string }[] };
      };
      const inside = (file: string) => `extension/${path.posix.normalize(file).replace(/^\.\//, '')}`;
      assert.ok(universal.names.includes(inside(manifest.main)), `main ${manifest.main} is not packaged`);
      assert.ok(universal.names.includes(inside(manifest.icon)), `icon ${manifest.icon} is not packaged`);
      for (const snippet of manifest.contributes?.snippets ?? []) {
        assert.ok(universal.names.includes(inside(snippet.path)), `snippets ${snippet.path} are not packaged`);
      }
    });

    it(`is smaller than ${UNIVERSAL_MAX_BYTES / 1024 / 1024} MB`, () => {
      const size = fs.statSync(universal.file).size;
      assert.ok(size < UNIVERSAL_MAX_BYTES, `the .vsix is ${Math.round(size / 1024)} KB`);
    });

    it('has a render worker that answers, installed, that rendering is unavailable', async function () {
      this.timeout(60_000);
      const dist = unpackDist(universal, path.join(dir, 'universal'));
      const reply = await askWorker(path.join(dist, 'renderWorker.mjs'), REQUEST);
      assert.equal(reply.id, 7);
      assert.equal(reply.response.ok, false);
      assert.equal(reply.response.ok ? '' : reply.response.reason, 'unavailable');
    });
  });

  describe('linux-x64', () => {
    before(function () {
      if (!platformVsix) this.skip(); // built only where npm installed the linux-x64 binary
    });

    it('holds the universal files and the compiler binary from node_modules', () => {
      const vsix = platformVsix!;
      checkCommon(vsix, [/^extension\/dist\/typst-ts-node-compiler\.node$/]);
      const binary = require.resolve('@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu/typst-ts-node-compiler.linux-x64-gnu.node');
      assert.equal(vsix.entries.find((entry) => entry.name === COMPILER)?.size, fs.statSync(binary).size);
      assert.deepEqual(vsix.names.filter((name) => name !== COMPILER).sort(), [...universal.names].sort());
    });

    it('names its target platform', () => {
      const vsix = platformVsix!;
      const manifest = zipRead(
        vsix.zip,
        vsix.entries.find((entry) => entry.name === 'extension.vsixmanifest')!,
      );
      assert.match(manifest.toString('utf8'), /TargetPlatform="linux-x64"/);
    });

    it('leaves no binary in dist/ after packing', () => {
      assert.equal(fs.existsSync(path.join(root, 'dist', 'typst-ts-node-compiler.node')), false);
    });

    it('has a compiler binary that loads and a render worker that renders, installed', async function () {
      this.timeout(60_000);
      const dist = unpackDist(platformVsix!, path.join(dir, 'linux-x64'));
      const loaded = execFileSync(
        process.execPath,
        ['-e', 'console.log(typeof require(process.argv[1]).NodeCompiler.create)', path.join(dist, 'typst-ts-node-compiler.node')],
        { encoding: 'utf8' },
      );
      assert.equal(loaded.trim(), 'function');
      const reply = await askWorker(path.join(dist, 'renderWorker.mjs'), REQUEST);
      assert.equal(reply.id, 7);
      assert.ok(reply.response.ok, reply.response.ok ? '' : reply.response.message);
      assert.ok(reply.response.pages >= 1);
    });
  });
});
