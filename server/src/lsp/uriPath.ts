/**
 * A URI's path as a name to match globs against, with no file system and no
 * Node: each segment decoded where it can be, and kept as written where it
 * cannot (`%zz`) or would decode to a separator or a NUL.
 */

/** The URI's path, decoded segment by segment; undefined when the text is no URL. */
export function uriPathOf(uri: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(uri).pathname;
  } catch {
    return undefined;
  }
  return pathname.split('/').map(decodeSegment).join('/');
}

function decodeSegment(segment: string): string {
  try {
    const decoded = decodeURIComponent(segment);
    return /[/\\\0]/.test(decoded) ? segment : decoded;
  } catch {
    return segment;
  }
}
