/**
 * `# bulletproof-disable-next-line <id>…` silences rules on the next line;
 * `# bulletproof-disable <id>…` silences them in the whole file. Without
 * ids, every rule. Only whole-line comments count, so a `#` inside a bullet
 * never disables anything.
 */
import { isScalar } from 'yaml';
import type { ResumeModel } from './document';
import { lineOf } from './textLines';
import type { OffsetRange } from './types';

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
    const blockScalars = blockScalarRanges(model);
    for (const [line, start] of lineStarts.entries()) {
      const end = lineStarts[line + 1] ?? text.length;
      const match = DIRECTIVE.exec(text.slice(start, end).replace(/\r?\n$/, ''));
      if (!match || blockScalars.some((range) => start > range.start && start < range.end)) continue;
      const [, nextLine, rest = ''] = match;
      const ids = parseIds(rest);
      if (nextLine) {
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
      const rules = byLine.get(directiveLineFor(model, offset));
      return rules === 'all' || (rules !== undefined && rules.has(ruleId));
    },
  };
}

/**
 * The line a `disable-next-line` comment must sit above to cover `offset`:
 * the first line of a scalar that spans several lines (a comment inside a
 * block scalar would be text), else the offset's own line.
 */
export function directiveLineFor(model: ResumeModel, offset: number): number {
  const line = lineOf(model.lineStarts, offset);
  for (const entry of model.entries.values()) {
    const range = entry.valueRange;
    if (!isScalar(entry.node) || offset < range.start || offset > range.end) continue;
    const first = lineOf(model.lineStarts, entry.keyRange?.start ?? range.start);
    return first < line ? first : line;
  }
  return line;
}

/** A `#` line inside a `|` or `>` bullet is text, not a comment. */
function blockScalarRanges(model: ResumeModel): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (const entry of model.entries.values()) {
    const node = entry.node;
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) ranges.push(entry.valueRange);
  }
  return ranges;
}

/** Ids separated by spaces or commas; a trailing `-- reason` is a comment. */
function parseIds(rest: string): string[] {
  return rest
    .replace(/--[\s\S]*/, '')
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
