/**
 * How deeply a YAML text nests, measured without parsing it: the parser
 * recurses once per level, so a hostile 10,000-deep `[[[[…` must be turned
 * away before it reaches the parser and exhausts the stack.
 */

/** A resume nests about six levels; anything past this is not a resume. */
export const MAX_NESTING = 100;

/** The deepest nesting of flow brackets plus block indentation levels, stopping early past `limit`. */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  let deepest = 0;
  let flow = 0;
  let quote: '"' | "'" | undefined;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === ' ' || ch === '-' || ch === '\t') {
        indent++;
        continue;
      }
      lineStart = false;
      if (ch !== '#' && ch !== '\r' && flow === 0 && !quote) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
      }
    }
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A quote opens a string only at the start of a scalar, not in `don't`.
      const previous = text[i - 1];
      if (previous === undefined || /[\s,[{:-]/.test(previous)) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      flow++;
    } else if ((ch === ']' || ch === '}') && flow > 0) {
      flow--;
    }
    deepest = Math.max(deepest, flow + indents.length);
    if (deepest > limit) return deepest;
  }
  return deepest;
}
