/**
 * The sizes past which Bulletproof checks less, in one place, so the
 * engine, the server and the CLI agree and the README can quote them. A
 * resume is a few KB (the largest in our corpus is 30 KB): each limit sits
 * orders of magnitude above that and below what would freeze an editor.
 */

/**
 * Past this many characters a document is not parsed at all: it gets one
 * finding saying it is too large. The CLI and the server refuse files of
 * more bytes than this before reading them (a character takes at least one
 * byte, so a file under the byte limit is under this one too).
 */
export const MAX_DOCUMENT_CHARS = 20 * 1024 * 1024;

/**
 * Past this many characters only the YAML syntax is checked, and only in
 * the first {@link SYNTAX_ONLY_CHARS}: a full check costs time and memory
 * per node, and at 5 MB a file of short lines already takes seconds and
 * hundreds of MB to open.
 */
export const FULL_CHECK_MAX_CHARS = 5 * 1024 * 1024;

/**
 * How much of a file past {@link FULL_CHECK_MAX_CHARS} has its syntax
 * checked: parsed again on every keystroke (no incremental parse there), so
 * it must cost no more than a keystroke may, a fraction of a second.
 */
export const SYNTAX_ONLY_CHARS = 1_000_000;

/** Past this many characters the bullet rules are skipped: they read every bullet on every keystroke. */
export const PROSE_RULES_MAX_CHARS = 1_000_000;

/**
 * Past this many characters a resume is not typeset (no PDF, preview or page
 * checks): the bullet rules stop about here too, and a 50 MB file took
 * the typesetter's process past 4 GB.
 */
export const MAX_RENDER_CHARS = 1024 * 1024;

/** Past this many keys and values the schema is not checked: the validator's error list grows quadratically. */
export const SCHEMA_MAX_NODES = 50_000;

/**
 * How many values aliases may add to the resume, counting each alias as
 * the size of what it repeats: a resume reuses a handful, a "billion
 * laughs" stops here instead of eating the memory.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** A job posting pasted from a job board is a few KB. */
export const MAX_POSTING_BYTES = 512 * 1024;

/** `.bulletproof.yaml` and friends. */
export const MAX_CONFIG_BYTES = 512 * 1024;

/** "20 MB", "512 KB": how a limit reads in a message. */
export function describeSize(size: number): string {
  return size >= 1024 * 1024 ? `${Math.round((size / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(size / 1024)} KB`;
}
