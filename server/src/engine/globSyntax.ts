/**
 * What a glob of the `files` setting may be, and its `{a,b}` alternatives:
 * plain text work, shared by the settings check (which runs anywhere) and
 * the matcher in `node/files.ts`.
 */

/** What a glob may be, so that compiling and matching stay small. */
export const GLOB_LIMITS = {
  /** Characters in one glob. */
  chars: 1024,
  /** Alternatives its braces expand to: `{a,b}{c,d}` is four. */
  alternatives: 256,
} as const;

/** Why a glob of the `files` list cannot be used, or undefined when it can. `!` excludes. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'an empty glob matches no file';
  if (pattern.startsWith('!') && pattern.slice(1).trim() === '') {
    return '`!` alone excludes nothing: write the glob to exclude after it, e.g. `!drafts/**`';
  }
  return bodyProblem(pattern.startsWith('!') ? pattern.slice(1) : pattern);
}

/** `{a,b}` alternatives, nested braces included; undefined past `GLOB_LIMITS.alternatives`. */
export function expandBraces(pattern: string): string[] | undefined {
  const done: string[] = [];
  const work = [pattern];
  while (work.length > 0) {
    const current = work.pop()!;
    const brace = firstBrace(current);
    if (!brace) {
      done.push(current);
      continue;
    }
    const before = current.slice(0, brace.start);
    const after = current.slice(brace.end + 1);
    for (const alternative of [...brace.alternatives].reverse()) work.push(before + alternative + after);
    // Every item of `work` ends as one alternative at least.
    if (work.length + done.length > GLOB_LIMITS.alternatives) return undefined;
  }
  return done;
}

/** The first `{…}` with a comma at its own level, with its alternatives. */
function firstBrace(pattern: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = 0; start < pattern.length; start++) {
    if (pattern[start] === '\\') {
      start++;
      continue;
    }
    if (pattern[start] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '\\') i++;
      else if (char === '{') depth++;
      else if (char === ',' && depth === 1) commas.push(i);
      else if (char === '}' && --depth === 0) {
        if (commas.length === 0) break;
        // Each alternative runs from just after the previous cut (`{` or `,`) to the next.
        let from = start;
        const alternatives = [...commas, i].map((cut) => {
          const alternative = pattern.slice(from + 1, cut);
          from = cut;
          return alternative;
        });
        return { start, end: i, alternatives };
      }
    }
  }
  return undefined;
}

function bodyProblem(pattern: string): string | undefined {
  if (pattern.length > GLOB_LIMITS.chars) return `a glob longer than ${GLOB_LIMITS.chars.toLocaleString('en-US')} characters is not read`;
  const extglob = /(^|[^\\])([@?+*!]\()/.exec(pattern);
  if (extglob) return `\`${extglob[2]}…)\` patterns are not supported: write the alternatives in braces, e.g. \`{a,b}\``;
  if (expandBraces(pattern) === undefined) return `its braces expand to more than ${GLOB_LIMITS.alternatives} alternatives`;
  return undefined;
}
