/**
 * The one way Bulletproof writes a file the person owns (`--fix` today,
 * convert and render later): all or nothing, and never over an edit made
 * since the file was read.
 *
 * The new bytes go to a temporary file in the same folder (so the rename
 * stays on one file system), are flushed to disk, take the old file's mode,
 * and replace it by a rename: a crash leaves either the old file or the new
 * one, never half of each. A symbolic link is written through: its target
 * gets the new bytes and the link stays a link.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { READ_LIMITS, readRegularFile } from './readFile';

export { decodeText, type TextShape } from '../engine/textBytes';
import type { TextShape } from '../engine/textBytes';

export function encodeText(text: string, shape: TextShape): Buffer {
  return Buffer.from(shape.bom ? `\uFEFF${text}` : text, 'utf8');
}

/** Text a fix inserts, with the file's line ending. */
export function withLineEnding(text: string, eol: TextShape['eol']): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

export type WriteResult = { ok: true; path: string } | { ok: false; reason: string; code: string };

export interface WriteOptions {
  /**
   * The bytes the new content was made from. When the file no longer holds
   * exactly these, nothing is written: a line the editor saved meanwhile
   * must not be lost.
   */
  expected?: Uint8Array;
  /** The most the file may hold when it is read again to compare (default: the resume limit). */
  maxBytes?: number;
}

export function writeFileAtomic(file: string, data: Uint8Array, options: WriteOptions = {}): WriteResult {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    return failure(error, 'the file');
  }
  if (!stat.isFile()) return { ok: false, reason: 'it is not a regular file', code: 'ENOTREG' };
  if (isReadOnly(target, stat)) return { ok: false, reason: 'the file is read-only', code: 'EACCES' };

  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // `wx`: never reuse a file someone else put there; the mode is set again below, past the umask.
    fd = fs.openSync(temp, 'wx', stat.mode & 0o7777);
    writeAll(fd, data);
    fs.fchmodSync(fd, stat.mode & 0o7777);
    keepOwner(fd, stat);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Checked last, just before the rename, to leave the smallest window for a concurrent save.
    if (options.expected && changedSince(target, options.expected, options.maxBytes ?? READ_LIMITS.resumeBytes)) {
      removeQuietly(temp);
      return { ok: false, reason: 'it changed since it was read; run again to fix the new version', code: 'ECHANGED' };
    }
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    return failure(error, 'the folder');
  }
  syncFolder(folder);
  return { ok: true, path: target };
}

/**
 * A new file, all or nothing: written beside its place under a temporary
 * name, flushed, then linked in under its name, which fails rather than
 * replace a file that appeared meanwhile. An existing file is replaced only
 * with `overwrite`, through {@link writeFileAtomic} (its mode and link kept).
 */
export function createFileAtomic(file: string, data: Uint8Array, options: { overwrite?: boolean } = {}): WriteResult {
  if (fs.existsSync(file)) {
    if (!options.overwrite) return { ok: false, reason: 'it exists already', code: 'EEXIST' };
    return writeFileAtomic(file, data);
  }
  const folder = path.dirname(path.resolve(file));
  const temp = path.join(folder, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o666);
    writeAll(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      // A file system without hard links: rename, after checking once more that no file took the name.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(file)) throw error;
      fs.renameSync(temp, file);
    }
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    return (error as NodeJS.ErrnoException).code === 'EEXIST'
      ? { ok: false, reason: 'it exists already', code: 'EEXIST' }
      : failure(error, 'the folder');
  }
  removeQuietly(temp);
  syncFolder(folder);
  return { ok: true, path: path.resolve(file) };
}

/** No write permission for us, or no write bit for anyone (which root would otherwise ignore). */
function isReadOnly(file: string, stat: fs.Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function changedSince(file: string, expected: Uint8Array, maxBytes: number): boolean {
  const now = readRegularFile(file, maxBytes);
  return !now.ok || !Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength).equals(now.bytes);
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let written = 0; written < data.length;) written += fs.writeSync(fd, data, written, data.length - written);
}

/** Only root may give a file away; for anyone else the new file is already theirs. */
function keepOwner(fd: number, stat: fs.Stats): void {
  if (process.getuid?.() !== 0) return;
  try {
    fs.fchownSync(fd, stat.uid, stat.gid);
  } catch {
    // A file system without owners (a mounted FAT drive): nothing to keep.
  }
}

/** The rename itself is durable only once the folder's entry is flushed; not every platform can. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, fs.constants.O_RDONLY);
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the write itself is done.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed or never opened.
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Never created, or already gone.
  }
}

function failure(error: unknown, where: 'the file' | 'the folder'): { ok: false; reason: string; code: string } {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const reasons: Record<string, string> = {
    ENOENT: where === 'the file' ? 'it does not exist' : 'the folder is gone',
    EACCES: `${where} is read-only`,
    EPERM: `${where} is read-only`,
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ELOOP: 'it is a symbolic link that loops',
  };
  return { ok: false, reason: reasons[code] ?? (error instanceof Error ? error.message : String(error)), code };
}
