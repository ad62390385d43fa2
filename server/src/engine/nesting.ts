/**
 * How deeply a YAML text nests, measured without parsing it: the parser
 * recurses once per level, so a hostile 10,000-deep `[[[[…` or `- - - -…`
 * must be turned away before it reaches the parser and exhausts the stack.
 * Brackets count only where YAML reads them as flow collections (at the
 * start of a value, or inside one), never inside text or block scalars.
 */

/** A resume nests about six levels; anything past this is not a resume. */
export const MAX_NESTING = 100;

const BLOCK_HEADER = /(?:^|[\s:-])[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

/** The deepest nesting of flow brackets, block indentation and `- `/`? ` indicators, stopping early past `limit`. */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  let deepest = 0;
  let flow = 0;
  let quote: '"' | "'" | undefined;
  const indents: number[] = [];
  let blockScalarIndent: number | undefined;

  for (let lineStart = 0; lineStart <= text.length; ) {
    const lineEnd = nextLineEnd(text, lineStart);
    const line = text.slice(lineStart, lineEnd);
    lineStart = lineEnd + 1;

    let i = 0;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    const indent = i;
    const blank = i >= line.length || line[i] === '#' || line[i] === '\r';
    if (blockScalarIndent !== undefined) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (blank && !quote) continue;

    // Sequence and mapping indicators at the start of the line: one level each.
    let indicators = 0;
    if (flow === 0 && !quote) {
      while ((line[i] === '-' || line[i] === '?') && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t' || line[i + 1] === '\r')) {
        indicators++;
        i++;
        while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      }
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }

    let valueStart = true;
    for (; i < line.length; i++) {
      const ch = line[i];
      if (quote) {
        if (ch === quote) quote = undefined;
        else if (ch === '\\' && quote === '"') i++;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') continue;
      if ((ch === '"' || ch === "'") && valueStart) {
        quote = ch;
        valueStart = false;
      } else if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
        break;
      } else if ((ch === '[' || ch === '{') && (valueStart || flow > 0)) {
        flow++;
        valueStart = true;
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
        valueStart = false;
      } else if (ch === ',' && flow > 0) {
        valueStart = true;
      } else if (ch === ':' && (i + 1 >= line.length || /[\s,[\]{}]/.test(line[i + 1]))) {
        valueStart = true;
      } else {
        valueStart = false;
      }
      deepest = Math.max(deepest, indents.length + indicators + flow);
      if (deepest > limit) return deepest;
    }
    deepest = Math.max(deepest, indents.length + indicators + flow);
    if (deepest > limit) return deepest;
    if (flow === 0 && !quote && BLOCK_HEADER.test(line)) blockScalarIndent = indent;
  }
  return deepest;
}

function nextLineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
