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

/** A posting pasted from a job board is a few KB; this is generous. */
const MAX_POSTING_BYTES = 512 * 1024;

export interface PostingPlaces {
  /** The resume's own path; undefined for an unsaved document. */
  resumePath?: string;
  /** The workspace folder (editor) or repository (CLI): nothing outside it is read. */
  root?: string;
  /** `bulletproof.posting` / `posting:` in `.bulletproof.yaml`, relative to `root`. */
  fromSettings?: string;
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
    if (!base) return { error: 'Save the resume first: the posting is found relative to it.' };
    return readPosting(named, path.resolve(base, named), places.root ?? base);
  };
}

function readPosting(named: string, file: string, root: string): PostingSource | { error: string } {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { error: `The posting \`${named}\` was not found.` };
  }
  if (!isInside(realOrSelf(root), real)) {
    return { error: `The posting \`${named}\` is outside the workspace, so it is not read.` };
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { error: `The posting \`${named}\` is not a file.` };
  if (stat.size > MAX_POSTING_BYTES) return { error: `The posting \`${named}\` is over 512 KB: paste just the job description.` };
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const known = cache.get(real);
  if (known?.stamp === stamp) return known.source;
  const source = postingSource(named, fs.readFileSync(real, 'utf8'));
  cache.set(real, { stamp, source });
  return source;
}

function realOrSelf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}
