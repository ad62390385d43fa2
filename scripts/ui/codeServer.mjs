// Starts and stops code-server (a real VS Code workbench served over HTTP) on
// 127.0.0.1, with every folder it writes to under one temporary root.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nobody listens on right now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Folders code-server and its extension host write to, all under `root`. */
export function codeServerDirs(root) {
  const dirs = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    home: join(root, 'home'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

function codeServerEnv(dirs) {
  const env = { ...process.env };
  // The extension host inherits this environment; keep VS Code variables of
  // an enclosing editor (a developer running this from a VS Code terminal) out.
  for (const name of Object.keys(env)) if (name.startsWith('VSCODE_')) delete env[name];
  return {
    ...env,
    // No extension gallery: code-server would look extensions up on open-vsx.org.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    HOME: dirs.home,
  };
}

/** User settings that keep the workbench quiet and the same on every run. */
export function writeUserSettings(dirs, settings) {
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

export function installExtension(entry, dirs, vsix) {
  const output = execFileSync(
    process.execPath,
    [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix],
    { env: codeServerEnv(dirs), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return output.trim();
}

/**
 * Starts code-server on 127.0.0.1:`port` serving `folder`; resolves once it
 * answers /healthz. The process leads its own process group so that stop()
 * ends code-server and everything it started (extension host, language
 * server, watchers) and nothing else.
 */
export async function startCodeServer({ entry, dirs, folder, port, logFile, timeoutMs = 60_000 }) {
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    folder,
  ];
  const child = spawn(process.execPath, args, {
    env: codeServerEnv(dirs),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const onData = (chunk) => {
    log.push(chunk.toString());
    if (logFile) writeFileSync(logFile, log.join(''));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const server = {
    url,
    pid: child.pid,
    log: () => log.join(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      killGroup(child.pid, 'SIGKILL'); // stragglers in the group, if any
    },
    /** Synchronous, for exit and signal handlers. */
    stopNow() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child.pid, 'SIGKILL');
    },
  };

  const deadline = Date.now() + timeoutMs;
  const ready = (async () => {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      try {
        const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return true;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  })();
  const ok = await Promise.race([ready, exited.then(() => false)]);
  if (!ok) {
    server.stopNow();
    throw new Error(`code-server did not answer on ${url}\n${server.log().slice(-4000)}`);
  }
  return server;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
