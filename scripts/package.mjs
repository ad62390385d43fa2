// Builds the .vsix files: the universal one (lints everywhere; rendering says
// it needs a platform build) and one per platform with the Typst compiler's
// native binary as dist/typst-ts-node-compiler.node.
//
//   node scripts/package.mjs                      the universal .vsix
//   node scripts/package.mjs --target linux-x64   one platform (repeat, or a comma list)
//   node scripts/package.mjs --all                the universal one and every platform
// Options: --universal (with --target: also the universal one), --out <dir>
// (default: the repository), --no-build (package dist/ as it is), --offline
// (never fetch a binary: node_modules or the cache must have it).
//
// A binary comes from node_modules when npm installed it (this machine's
// platform), else from .cache/, else `npm pack` fetches the version
// package-lock.json pins and its integrity is checked against the lock.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMPILER = '@myriaddreamin/typst-ts-node-compiler';
const BUNDLED = join(root, 'dist', 'typst-ts-node-compiler.node');

/** VS Code's platform targets and the npm package suffix of the compiler's binary for each. */
const TARGETS = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'alpine-x64': 'linux-x64-musl',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64-msvc',
  'win32-arm64': 'win32-arm64-msvc',
};

function parseArguments(argv) {
  const options = { targets: [], universal: false, out: root, build: true, offline: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--all') {
      options.universal = true;
      options.targets.push(...Object.keys(TARGETS));
    } else if (argument === '--target' || argument === '-t') {
      options.targets.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    } else if (argument === '--universal') options.universal = true;
    else if (argument === '--out') options.out = resolve(argv[++i] ?? '.');
    else if (argument === '--no-build') options.build = false;
    else if (argument === '--offline') options.offline = true;
    else throw new Error(`unknown option ${argument}`);
  }
  if (options.targets.length === 0) options.universal = true;
  for (const target of options.targets) {
    if (!(target in TARGETS)) throw new Error(`unknown target ${target}: one of ${Object.keys(TARGETS).join(', ')}`);
  }
  options.targets = [...new Set(options.targets)];
  return options;
}

/** The version and integrity package-lock.json pins for a package. */
function locked(name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry.integrity) throw new Error(`${name} is not in package-lock.json`);
  return { version: entry.version, integrity: entry.integrity };
}

function nodeFileIn(directory) {
  const file = readdirSync(directory).find((name) => name.endsWith('.node'));
  return file ? join(directory, file) : undefined;
}

/** The path of the compiler's binary for a target, fetched into .cache/ if need be. */
function compilerBinary(target, offline) {
  const name = `${COMPILER}-${TARGETS[target]}`;
  const { version, integrity } = locked(name);
  const installed = join(root, 'node_modules', name);
  if (existsSync(join(installed, 'package.json'))) {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    const file = manifest.version === version ? nodeFileIn(installed) : undefined;
    if (file) return file;
  }
  const cache = join(root, '.cache', 'typst-compiler');
  const cached = join(cache, `${TARGETS[target]}-${version}.node`);
  if (existsSync(cached)) return cached;
  if (offline) throw new Error(`${name}@${version} is neither installed nor in .cache/, and --offline forbids fetching it`);

  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'fetch-'));
  try {
    npm(['pack', `${name}@${version}`, '--pack-destination', work, '--silent']);
    const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${name}@${version} gave no tarball`);
    const digest = `sha512-${createHash('sha512')
      .update(readFileSync(join(work, tarball)))
      .digest('base64')}`;
    if (digest !== integrity) throw new Error(`${name}@${version} does not match package-lock.json's integrity`);
    execFileSync('tar', ['-xzf', tarball], { cwd: work, stdio: 'inherit' });
    const file = nodeFileIn(join(work, 'package'));
    if (!file) throw new Error(`${name}@${version} holds no .node file`);
    renameSync(file, cached);
    return cached;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function npm(args) {
  // Under `npm run`, npm_execpath is npm's own script: no shell needed on Windows.
  const script = process.env.npm_execpath;
  if (script && /\.c?js$/.test(script)) execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  else execFileSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}

function vsce(args) {
  const requireHere = createRequire(import.meta.url);
  const cli = join(dirname(requireHere.resolve('@vscode/vsce/package.json')), 'vsce');
  execFileSync(process.execPath, [cli, 'package', '--no-dependencies', ...args], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function main() {
  const options = parseArguments(process.argv.slice(2));
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (options.build) execFileSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  for (const file of ['renderWorker.mjs', 'pdf.worker.mjs']) {
    if (!existsSync(join(root, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\``);
  }
  mkdirSync(options.out, { recursive: true });
  rmSync(BUNDLED, { force: true });

  const made = [];
  if (options.universal) {
    const vsix = join(options.out, `${name}-${version}.vsix`);
    vsce(['-o', vsix]);
    made.push({ target: 'universal', vsix });
  }
  for (const target of options.targets) {
    const binary = compilerBinary(target, options.offline);
    const vsix = join(options.out, `${name}-${target}-${version}.vsix`);
    copyFileSync(binary, BUNDLED);
    try {
      vsce(['--target', target, '-o', vsix]);
    } finally {
      rmSync(BUNDLED, { force: true });
    }
    made.push({ target, vsix, binary: statSync(binary).size });
  }

  console.log('\n| Target | .vsix | Compiler binary (unpacked) |\n| --- | ---: | ---: |');
  for (const { target, vsix, binary } of made) {
    console.log(`| ${target} | ${megabytes(statSync(vsix).size)} | ${binary ? megabytes(binary) : 'none'} |`);
  }
  for (const { vsix } of made) console.log(relative(process.cwd(), vsix) || vsix);
}

try {
  main();
} catch (error) {
  console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
