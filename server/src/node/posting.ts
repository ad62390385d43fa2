/**
 * Reads the job posting a resume names, for the editor and the CLI alike:
 * relative to the resume (`meta.posting`) or to the workspace (the setting),
 * never outside the workspace, never over the network, never too large.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postingSource } from '../engine/posting';
import type { LintOptions, PostingSource } from '../engine/types';
import { isInside } from './files';
import { describeBytes, READ_LIMITS, readRegularFile } from './readFile';

export interface PostingPlaces {
  /** The resume's own path; undefined for an unsaved document. */
  resumePath?: string;
  /** The workspace folder (editor) or repository (CLI): nothing outside it is read. */
  root?: string;
  /** `bulletproof.posting` / `posting:` in `.bulletproof.yaml`, relative to `root`. */
  fromSettings?: string;
  /**
   * Why the resume has no path though it is saved (its URI is not a local
   * path): said instead of "save the resume first".
   */
  noPathReason?: string;
}

const cache = new Map<string, { stamp: string; source: PostingSource }>();

export function postingLoader(places: PostingPlaces): NonNullable<LintOptions['loadPosting']> {
  return (reference) => {
    const named = reference ?? places.fromSettings;
    if (!named) return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(named) && !/^[a-z]:[\\/]/i.test(named)) {
      return { error: `\`${named}\` is not a local file: save the posting beside the resume and name it by path.` };
    }
    const base = reference ? places.resumePath && path.dirname(places.resumePath) : places.root;
    if (!base) {
      if (places.noPathReason) return { error: `The posting \`${named}\` is not read: ${places.noPathReason}.` };
      return { error: 'Save the resume first: the posting is found relative to it.' };
    }
    return readPosting(named, path.resolve(base, named), places.root ?? base);
  };
}

function readPosting(named: string, file: string, root: string): PostingSource | { error: string } {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { error: `The posting \`${named}\` was not found.` };
    return { error: `The posting \`${named}\` cannot be read: ${code === 'EACCES' ? 'permission denied' : messageOf(error)}.` };
  }
  if (!isInside(realOrSelf(root), real)) {
    return { error: `The posting \`${named}\` is outside the workspace, so it is not read.` };
  }
  // The stamp comes from a stat, which neither reads nor blocks: an unchanged posting is not read again per keystroke.
  const stamp = stampOf(real);
  const known = stamp === undefined ? undefined : cache.get(real);
  if (known && known.stamp === stamp) return known.source;
  const read = readRegularFile(real, READ_LIMITS.postingBytes);
  if (!read.ok) {
    cache.delete(real);
    if (read.code === 'ENOENT') return { error: `The posting \`${named}\` was not found.` };
    if (read.code === 'EFBIG')
      return { error: `The posting \`${named}\` is over ${describeBytes(READ_LIMITS.postingBytes)}: paste just the job description.` };
    return { error: `The posting \`${named}\` cannot be read: ${read.reason}.` };
  }
  const source = postingSource(named, read.bytes.toString('utf8'));
  cache.set(real, { stamp: stampFrom(read.stat), source });
  return source;
}

/** Changes when the file's content or permissions may have. */
function stampFrom(stat: fs.Stats): string {
  return `${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
}

function stampOf(file: string): string | undefined {
  try {
    return stampFrom(fs.statSync(file));
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function realOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}
