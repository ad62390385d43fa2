/**
 * What Linux's /proc says about a process the tests started: its peak
 * resident memory and the CPU time it has used. Undefined where there is
 * no /proc (or the process is gone).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** The peak resident set (VmHWM), in MB. */
export function peakRssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc's CPU times: 100 on every Linux we run on, asked once. */
let clockTicks: number | undefined;

function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const asked = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const ticks = Number(asked.stdout?.trim());
    clockTicks = Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  }
  return clockTicks;
}

/** CPU time used so far, user and system, all threads, in ms. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
  } catch {
    return undefined;
  }
}
