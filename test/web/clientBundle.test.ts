/**
 * The web client (`browser` in package.json, dist/browserExtension.js): its
 * answer to the server's `bulletproof/readFile`, a bundle that loads with no
 * Node at all and asks only for `vscode` (test/package/bundle.test.ts checks
 * it is ASCII), a build that fails when a Node built-in sneaks in, and a
 * manifest that hides what needs Node in the web.
 * That it runs in a real workbench's web worker extension host is
 * test/ui/webWorker.ui.ts's job (`node scripts/ui/run.mjs --grep "web worker"`).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readFileForServer, toBase64, type ReadableFileSystem } from '../../client/src/readFile';
import { REPO_ROOT } from '../support/lspClient';

const BUNDLE = path.join(REPO_ROOT, 'dist', 'browserExtension.js');

/** A file system of files and folders in memory; `reads` counts readFile calls. */
function memoryFs(entries: Record<string, Uint8Array | 'folder'>, grownBy = 0): ReadableFileSystem & { reads: number } {
  const notFound = (uri: string) => Object.assign(new Error(`no such file: ${uri}`), { code: 'FileNotFound' });
  return {
    reads: 0,
    stat(uri) {
      const entry = entries[uri];
      if (entry === undefined) return Promise.reject(notFound(uri));
      return Promise.resolve(entry === 'folder' ? { type: 2, size: 0 } : { type: 1, size: entry.byteLength });
    },
    readFile(uri) {
      this.reads++;
      const entry = entries[uri];
      if (entry === undefined || entry === 'folder') return Promise.reject(notFound(uri));
      return Promise.resolve(grownBy ? new Uint8Array(entry.byteLength + grownBy) : entry);
    },
  };
}

describe('web client: bulletproof/readFile through the editor', () => {
  const config = new TextEncoder().encode('\uFEFFrules:\n  quantify: off # ‘no numbers yet’\n');
  const uri = 'vscode-vfs://github/someone/resume/.bulletproof.yaml';

  it('answers the bytes in base64, BOM and all', async () => {
    const answer = await readFileForServer(memoryFs({ [uri]: config }), { uri, maxBytes: 1024 });
    assert.deepEqual(answer, { data: Buffer.from(config).toString('base64') });
  });

  it('answers null for a missing file, a folder, or a file over maxBytes, without reading what it will not send', async () => {
    const files = memoryFs({ [uri]: config, 'vscode-vfs://github/someone/resume/docs': 'folder' });
    assert.equal(await readFileForServer(files, { uri: 'vscode-vfs://github/someone/resume/missing.md', maxBytes: 1024 }), null);
    assert.equal(await readFileForServer(files, { uri: 'vscode-vfs://github/someone/resume/docs', maxBytes: 1024 }), null);
    assert.equal(await readFileForServer(files, { uri, maxBytes: config.byteLength - 1 }), null);
    assert.equal(files.reads, 0);
    assert.deepEqual(await readFileForServer(files, { uri, maxBytes: config.byteLength }), {
      data: Buffer.from(config).toString('base64'),
    });
  });

  it('answers null for a file that grew past maxBytes between the stat and the read', async () => {
    assert.equal(await readFileForServer(memoryFs({ [uri]: config }, 10), { uri, maxBytes: config.byteLength + 5 }), null);
  });

  it('answers a symbolic link to a file, and null for malformed parameters', async () => {
    const files: ReadableFileSystem = {
      stat: () => Promise.resolve({ type: 1 | 64, size: 3 }),
      readFile: () => Promise.resolve(new Uint8Array([1, 2, 3])),
    };
    assert.deepEqual(await readFileForServer(files, { uri, maxBytes: 3 }), { data: 'AQID' });
    for (const params of [null, {}, { uri }, { uri: 42, maxBytes: 3 }, { uri, maxBytes: Number.NaN }, { uri, maxBytes: -1 }]) {
      assert.equal(await readFileForServer(files, params as never), null, JSON.stringify(params));
    }
  });

  it('encodes base64 as Node does, across the chunks it builds the string in', () => {
    const bytes = new Uint8Array(100_003).map((_, index) => (index * 7919 + (index >> 8)) & 0xff);
    assert.equal(toBase64(bytes), Buffer.from(bytes).toString('base64'));
    assert.equal(toBase64(new Uint8Array()), '');
  });
});

describe('web client: the bundle', () => {
  it('loads with no Node globals and requires nothing but vscode', () => {
    const code = fs.readFileSync(BUNDLE, 'utf8');
    const required = new Set<string>();
    // Any property of the stand-in `vscode` is another stand-in: loading only builds objects and classes.
    const standIn = (): unknown =>
      new Proxy(function () {}, {
        get: (_target, key) => (key === Symbol.toPrimitive ? () => '' : standIn()),
        apply: standIn,
        construct: () => standIn() as object,
      });
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = {
      module,
      exports: module.exports,
      require: (id: string) => {
        required.add(id);
        if (id !== 'vscode') throw new Error(`the web bundle requires ${id}`);
        return standIn();
      },
      console,
      setTimeout,
      clearTimeout,
      TextEncoder,
      TextDecoder,
      URL,
    };
    vm.runInNewContext(code, sandbox, { filename: BUNDLE });
    assert.deepEqual([...required], ['vscode']);
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
    assert.deepEqual([...(module.exports.WEB_SCHEMES as string[])], ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web']);
  });

  it('holds none of the Node client: no server process, Export PDF or preview code', () => {
    const inputs = buildWebClient('client/src/browserExtension.ts');
    assert.ok(inputs.includes('client/src/common.ts'), inputs.join('\n'));
    const nodeOnly = inputs.filter((input) =>
      /client\/src\/(extension|exportPdf)\.ts$|client\/src\/preview\/|vscode-languageclient\/lib\/node\//.test(input),
    );
    assert.deepEqual(nodeOnly, []);
  });

  it('fails to build when a Node built-in sneaks in', () => {
    const probe = path.join(REPO_ROOT, 'out', 'web-client-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, "import { join } from 'node:path';\nexport const joined = join('a', 'b');\n");
    try {
      assert.throws(() => buildWebClient(path.relative(REPO_ROOT, probe)), /node:path/);
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });
});

describe('web client: the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    browser?: string;
    capabilities: { virtualWorkspaces: { supported: unknown; description?: string } };
    contributes: { menus: Record<string, { command: string; when?: string }[]> };
  };

  it('names the web bundle as the browser entry', () => {
    assert.equal(manifest.browser, './dist/browserExtension.js');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, manifest.browser)));
  });

  it('shows Export PDF and the preview only where the Node entry runs, in every menu and in the palette', () => {
    const entries = Object.values(manifest.contributes.menus)
      .flat()
      .filter((entry) => entry.command === 'bulletproof.exportPdf' || entry.command === 'bulletproof.openPreview');
    assert.ok(entries.length >= 5, JSON.stringify(entries));
    for (const entry of entries) assert.match(entry.when ?? '', /^bulletproof\.canTypeset && /, JSON.stringify(entry));
  });

  it('sets the context key those menus need from the Node entry only', () => {
    const bundle = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'dist', name), 'utf8');
    assert.match(bundle('extension.js'), /["']setContext["'],\s*["']bulletproof\.canTypeset["'],\s*(true|!0)/);
    assert.doesNotMatch(bundle('browserExtension.js'), /bulletproof\.canTypeset/);
  });

  it('runs in virtual workspaces, saying what does not work there', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description ?? '', /Export PDF and the preview need VS Code on the desktop/);
  });
});

/** The web client build's input files (repository paths), built as esbuild.config.mjs builds it, from `entry`. */
function buildWebClient(entry: string): string[] {
  const script = [
    "import * as esbuild from 'esbuild';",
    "import { webClientBuild } from './esbuild.config.mjs';",
    `const result = await esbuild.build({ ...webClientBuild(), entryPoints: [${JSON.stringify(entry)}], write: false, metafile: true, logLevel: 'silent' });`,
    'console.log(JSON.stringify(Object.keys(result.metafile.inputs)));',
  ].join('\n');
  try {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return JSON.parse(output) as string[];
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(stderr || String(error), { cause: error });
  }
}
