/**
 * `# bulletproof-disable-next-line <id>…` silences rules on the next line;
 * `# bulletproof-disable <id>…` silences them in the whole file. Without
 * ids, every rule. Only whole-line comments count, so a `#` inside a bullet
 * never disables anything.
 */
import type { ResumeModel } from './document';

const DIRECTIVE = /^[ \t]*#[ \t]*bulletproof-disable(-next-line)?(?![\w-])(.*)$/;

export interface DisabledRules {
  isDisabled(ruleId: string, offset: number): boolean;
}

export const DISABLE_NEXT_LINE = 'bulletproof-disable-next-line';
export const DISABLE_FILE = 'bulletproof-disable';

export function disabledRules(model: ResumeModel): DisabledRules {
  const { text, lineStarts } = model;
  const fileWide = new Set<string>();
  let allInFile = false;
  const byLine = new Map<number, Set<string> | 'all'>();

  // Directives are rare: skip the per-line scan when the text has none.
  if (text.includes('bulletproof-disable')) {
    for (let line = 0; line < lineStarts.length; line++) {
      const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
      const match = DIRECTIVE.exec(text.slice(lineStarts[line], end).replace(/\r?\n$/, ''));
      if (!match) continue;
      const ids = parseIds(match[2]);
      if (match[1]) {
        byLine.set(nextContentLine(text, lineStarts, line + 1), ids.length ? new Set(ids) : 'all');
      } else if (ids.length) {
        ids.forEach((id) => fileWide.add(id));
      } else {
        allInFile = true;
      }
    }
  }

  return {
    isDisabled(ruleId, offset) {
      if (allInFile || fileWide.has(ruleId)) return true;
      if (byLine.size === 0) return false;
      const rules = byLine.get(lineOf(lineStarts, offset));
      return rules === 'all' || (rules !== undefined && rules.has(ruleId));
    },
  };
}

/** Ids separated by spaces or commas; a trailing `-- reason` is a comment. */
function parseIds(rest: string): string[] {
  return rest
    .split('--')[0]
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The line a directive applies to: the next one that is not blank or a comment. */
function nextContentLine(text: string, lineStarts: number[], from: number): number {
  for (let line = from; line < lineStarts.length; line++) {
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const content = text.slice(lineStarts[line], end).trim();
    if (content && !content.startsWith('#')) return line;
  }
  return from;
}

export function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
