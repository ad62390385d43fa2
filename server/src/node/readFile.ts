/**
 * The one way Bulletproof reads a file it is given: a resume, a posting, a
 * config. Only regular files, and only up to a size checked before reading,
 * so `/dev/zero`, a FIFO or a folder named as a file is a message, never
 * gigabytes of memory or a read that never returns.
 */
import * as fs from 'node:fs';
import { MAX_CONFIG_BYTES, MAX_DOCUMENT_CHARS, MAX_POSTING_BYTES } from '../engine/limits';

/** What the README promises: above these, a file is not read at all. The engine's limits, so every reader agrees. */
export const READ_LIMITS = {
  /** A resume: far above any real one (the largest in the corpus is 30 KB). A character takes at least a byte. */
  resumeBytes: MAX_DOCUMENT_CHARS,
  /** A job posting pasted from a job board is a few KB. */
  postingBytes: MAX_POSTING_BYTES,
  /** `.bulletproof.yaml` and friends. */
  configBytes: MAX_CONFIG_BYTES,
} as const;

export type ReadResult = { ok: true; bytes: Buffer; stat: fs.Stats } | { ok: false; reason: string; code?: string };

/** `O_NONBLOCK` so that opening a FIFO with no writer returns at once instead of waiting for one. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'it is a folder, not a file', code: 'EISDIR' };
    if (!stat.isFile()) return { ok: false, reason: 'it is not a regular file (a device, FIFO or socket)', code: 'ENOTREG' };
    if (stat.size > maxBytes) return { ok: false, reason: `it is over the ${describeBytes(maxBytes)} limit`, code: 'EFBIG' };
    // Read until the end, not to the stat's size: a file that grew since is still bounded.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 4096), maxBytes + 1 - length) || 1);
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > maxBytes) return { ok: false, reason: `it is over the ${describeBytes(maxBytes)} limit`, code: 'EFBIG' };
    }
    const only = chunks.length === 1 ? chunks[0] : undefined;
    return { ok: true, bytes: only ?? Buffer.concat(chunks, length), stat };
  } catch (error) {
    return failure(error);
  } finally {
    fs.closeSync(fd);
  }
}

function failure(error: unknown): { ok: false; reason: string; code?: string } {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: 'it does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder, not a file',
    ELOOP: 'it is a symbolic link that loops',
  };
  return { ok: false, reason: (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error)), code };
}

export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
