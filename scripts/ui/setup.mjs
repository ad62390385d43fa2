// Installs what the UI tests need, pinned and reused when already present:
// Debian's chromium and the build headers code-server's native modules need
// (apt-get, as root), and code-server itself into a cache folder outside the
// repository. Run it alone with `node scripts/ui/setup.mjs`; run.mjs calls
// ensureUiTools(). Facts behind each step: shared/notes/vscode-on-this-machine.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** @vscode/ripgrep looks here for its download before going to the network. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
export const DEBIAN_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium'];

export function cacheRoot() {
  return resolve(process.env.BULLETPROOF_CACHE || join(homedir(), '.cache', 'bulletproof-ui'));
}

function log(message) {
  console.log(`[ui setup] ${message}`);
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them as root: ${command}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

export function chromiumPath() {
  return process.env.BULLETPROOF_CHROMIUM || '/usr/bin/chromium';
}

function codeServerDir() {
  return join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server launcher script inside the cache; run it with `node`. */
export function codeServerEntry() {
  return join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function installedCodeServerVersion() {
  const marker = join(codeServerDir(), '.installed');
  if (!existsSync(marker) || !existsSync(codeServerEntry())) return undefined;
  return readFileSync(marker, 'utf8').trim();
}

function ensureCodeServer() {
  if (installedCodeServerVersion() === CODE_SERVER_VERSION) return;
  const dir = codeServerDir();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (about 2 minutes, once)`);
  rmSync(dir, { recursive: true, force: true });
  const tmp = join(dir, 'tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE, '..'), { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg; hand it Debian's instead.
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  execFileSync('tar', ['-czf', join(tmp, RIPGREP_CACHE), '-C', join(rg, '..'), 'rg']);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bulletproof-ui-cache', private: true }) + '\n');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(codeServerEntry())) throw new Error(`code-server installed but ${codeServerEntry()} is missing`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(dir, '.installed'), `${CODE_SERVER_VERSION}\n`);
}

/** Makes sure chromium and code-server are there; returns their paths. */
export function ensureUiTools() {
  const started = Date.now();
  ensureDebianPackages();
  if (!existsSync(chromiumPath())) throw new Error(`chromium not found at ${chromiumPath()}`);
  ensureCodeServer();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`ready in ${seconds} s: code-server ${CODE_SERVER_VERSION}, ${chromiumPath()}`);
  return { codeServerEntry: codeServerEntry(), chromium: chromiumPath(), seconds: Number(seconds) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureUiTools();
  } catch (error) {
    console.error(`[ui setup] failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
