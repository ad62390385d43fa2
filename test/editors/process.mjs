// Starting an editor for a test: an isolated home, a bound on how long it
// may run, and nothing of it left behind.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `command` is on the PATH (an editor that is not is skipped, never passed). */
export function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The environment of an editor whose home and XDG folders are all inside `home`. */
export function isolatedEnv(home, extra) {
  const xdg = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_STATE_HOME: 'state', XDG_CACHE_HOME: 'cache' };
  const env = { ...process.env, HOME: home, ...extra };
  for (const [name, folder] of Object.entries(xdg)) {
    env[name] = join(home, folder);
    mkdirSync(env[name], { recursive: true });
  }
  return env;
}

/**
 * Runs `command` in its own process group and waits for it to end, or kills
 * the group after `timeoutMs`. Whatever it left running in the group (a
 * language server its editor did not stop) is killed once it has ended.
 */
export function runBounded(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const finish = (status, signal, error) => {
      clearTimeout(timer);
      killGroup();
      resolve({ status, signal, timedOut, stderr: error ? `${stderr}${error.message}` : stderr });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (status, signal) => finish(status, signal));
  });
}
