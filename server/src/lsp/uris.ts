/**
 * From a document's or folder's URI to a path, without trusting the URI.
 * `fileURLToPath` throws on what editors do send: a Latin-1 name as Neovim
 * encodes it (`%E9`), a broken escape (`%zz`), an encoded slash (`a%2Fb`),
 * a file on another host (`file://host/share/…`). Such a URI has no file
 * path (nothing beside it is read), but its name still says whether it is a
 * resume.
 */
import { fileURLToPath } from 'node:url';
import { uriPathOf } from './uriPath';

/** The local file path of a `file:` URI, or undefined when it has none we can read. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const filePath = fileURLToPath(uri);
    // A NUL cannot be in a path: every file system call would throw.
    return filePath.includes('\0') ? undefined : filePath;
  } catch {
    return undefined;
  }
}

/**
 * The path to match the `files` globs against: the file path when there is
 * one, else the `file:` URI's path with each segment decoded where it can
 * be (and kept as written where it cannot, or would decode to a separator).
 */
export function namePathOf(uri: string): string | undefined {
  const filePath = filePathOf(uri);
  if (filePath !== undefined || !uri.startsWith('file:')) return filePath;
  return uriPathOf(uri);
}
