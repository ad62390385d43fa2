/**
 * The web worker bundle (`dist/browserServer.js`) is built for the browser
 * with no Node built-in: esbuild refuses one on `platform: 'browser'`, and the
 * metafile shows that no Node-only build of a package (the LSP library's
 * `lib/node`) and no external import got in.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../support/lspClient';

type BuildOptions = esbuild.BuildOptions & { entryPoints: Record<string, string> };

/** The build options of `esbuild.config.mjs`, loaded at run time (the test bundle leaves a computed import alone). */
async function browserServerBuild(): Promise<BuildOptions> {
  const config = pathToFileURL(path.join(REPO_ROOT, 'esbuild.config.mjs')).href;
  const loaded = (await import(config)) as { browserServerBuild(): BuildOptions };
  return loaded.browserServerBuild();
}

describe('the web worker bundle', function () {
  this.timeout(120_000);

  it('is an IIFE for the browser whose inputs hold no Node-only code and that imports nothing from outside', async () => {
    const options = await browserServerBuild();
    assert.equal(options.platform, 'browser');
    assert.equal(options.format, 'iife');
    assert.deepEqual(options.entryPoints, { browserServer: 'server/src/browserServer.ts' });
    const result = await esbuild.build({
      ...options,
      absWorkingDir: REPO_ROOT,
      write: false,
      metafile: true,
      sourcemap: false,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('server/src/lsp/languageServer.ts'), 'the handlers are in the bundle');
    assert.ok(
      inputs.some((input) => input.includes('node_modules/yaml/')),
      'the yaml package is in the bundle',
    );
    assert.deepEqual(
      inputs.filter((input) =>
        /\/lib\/node\/|^server\/src\/node\/|^server\/src\/server\.ts$|^server\/src\/lsp\/(render|preview|writer|uris)\.ts$/.test(input),
      ),
      [],
    );
    const externals = Object.entries(result.metafile.inputs).flatMap(([input, { imports }]) =>
      imports.filter((imported) => imported.external).map((imported) => `${input}: ${imported.path}`),
    );
    assert.deepEqual(externals, []);
  });

  it('fails to build when a Node built-in sneaks in', async () => {
    const options = await browserServerBuild();
    await assert.rejects(
      esbuild.build({
        ...options,
        entryPoints: undefined,
        stdin: { contents: "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n", resolveDir: REPO_ROOT, loader: 'ts' },
        absWorkingDir: REPO_ROOT,
        write: false,
        logLevel: 'silent',
      }),
      /Could not resolve "node:fs"/,
    );
  });
});
