/**
 * How deeply a YAML text nests, measured on the tokens of the `yaml`
 * package's own lexer: its composer recurses once per level, so a hostile
 * 10,000-deep `[[[[…` or `- - - -…` must be turned away before it reaches
 * the composer and exhausts the stack (and, when a regular expression is
 * compiled at that depth, aborts the whole process).
 *
 * Reading the lexer's tokens rather than the characters means the meter
 * sees the text exactly as the parser will: anchors, tags, comments,
 * directives, document markers, a byte order mark, quoted and block
 * scalars (whose brackets are text) all come out as the tokens they are.
 */
import { CST, Lexer } from 'yaml';

/** A resume nests about six levels; anything past this is not a resume. */
export const MAX_NESTING = 100;

/**
 * Counts nesting token by token: flow brackets, one level per deeper
 * indentation, and one per `-`, `?` or `:` indicator on the line. It may
 * count a level the composer would not build (a bracket after a finished
 * value, say), never miss one it would.
 */
export class NestingMeter {
  deepest = 0;
  private flow = 0;
  /** Indentation of each open block level. */
  private readonly indents: number[] = [];
  private indent = 0;
  private indicators = 0;
  private atLineStart = true;
  /** The token after the lexer's scalar marker is the scalar's source: text, whatever it holds. */
  private scalarNext = false;

  /** Takes the next token; returns the deepest nesting so far. */
  feed(token: string): number {
    if (this.scalarNext) {
      this.scalarNext = false;
      return this.deepest;
    }
    switch (token) {
      case CST.SCALAR:
        this.scalarNext = true;
        this.content();
        return this.deepest;
      case CST.DOCUMENT:
      case '---':
      case '...':
        this.flow = 0;
        this.indents.length = 0;
        this.indicators = 0;
        this.atLineStart = false;
        return this.deepest;
      case CST.FLOW_END:
        this.flow = 0;
        return this.deepest;
      case CST.BOM:
        return this.deepest;
      case '':
      case '\n':
      case '\r\n':
        this.atLineStart = true;
        this.indent = 0;
        this.indicators = 0;
        return this.deepest;
    }
    const first = token[0];
    if (first === ' ' || first === '\t') {
      if (this.atLineStart) this.indent = token.length;
      return this.deepest;
    }
    if (first === '#' || first === '%') return this.deepest;
    this.content();
    if (token === '[' || token === '{') this.flow++;
    else if (token === ']' || token === '}') this.flow = Math.max(0, this.flow - 1);
    else if ((token === '-' || token === '?' || token === ':') && this.flow === 0) this.indicators++;
    this.measure();
    return this.deepest;
  }

  /** The first content on a line opens a block level if it is indented deeper than the open ones. */
  private content(): void {
    if (!this.atLineStart) return;
    this.atLineStart = false;
    if (this.flow > 0) return;
    while ((this.indents.at(-1) ?? -Infinity) >= this.indent) this.indents.pop();
    this.indents.push(this.indent);
    this.measure();
  }

  private measure(): void {
    const depth = this.indents.length + this.indicators + this.flow;
    if (depth > this.deepest) this.deepest = depth;
  }
}

/** The deepest nesting of `text`, stopping early past `limit`. */
export function nestingDepth(text: string, limit = MAX_NESTING): number {
  const meter = new NestingMeter();
  for (const token of new Lexer().lex(text)) {
    if (meter.feed(token) > limit) break;
  }
  return meter.deepest;
}
