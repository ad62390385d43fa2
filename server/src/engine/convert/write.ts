/**
 * The converted value as text: JSON with two-space indentation, or YAML in
 * the core schema with no folded lines. A string another YAML reader would
 * take for a number or a boolean (`yes`, `0123`, `1_000`: YAML 1.1, as
 * RenderCV's Python reads it) is quoted.
 */
import { Document, isScalar, isSeq, Lexer, visit } from 'yaml';
import { jsonValue } from '../json';

export function jsonText(value: unknown): string {
  return `${jsonValue(value, 2)}\n`;
}

/** Plain scalars YAML 1.1 reads as something other than a string (dates aside: RenderCV reads those itself). */
const YAML11_NOT_STRING = new RegExp(
  [
    '^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$',
    '^(?:~|null|Null|NULL)?$',
    '^[-+]?(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$',
    '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?$',
    '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$',
    '^[-+]?\\.(?:inf|Inf|INF)$',
    '^\\.(?:nan|NaN|NAN)$',
  ].join('|'),
);

/** Lists of short words, written on one line. */
const FLOW_KEYS = new Set(['keywords', 'courses', 'roles']);

export function yamlText(value: unknown, header?: string): string {
  const document = new Document(value, { schema: 'core' });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && YAML11_NOT_STRING.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Pair(_key, pair) {
      // `keywords: [Go, Java, SQL]` on one line, as the layouts' own examples write them.
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isSeq(pair.value)) {
        const items = pair.value.items;
        const short = items.every((item) => isScalar(item) && typeof item.value === 'string' && !/[\n,[\]{}#:]/.test(item.value));
        const width = items.reduce<number>((sum, item) => sum + String(isScalar(item) ? item.value : '').length + 2, 0);
        if (short && width <= 80) pair.value.flow = true;
      }
    },
  });
  if (header !== undefined) document.commentBefore = header;
  return document.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
}

/** How many comments a YAML text holds (a `#` inside a string or a block scalar is none). */
export function countComments(text: string): number {
  let count = 0;
  let previous = '';
  for (const lexeme of new Lexer().lex(text)) {
    // The lexer marks a scalar's start with U+001F: a block scalar's body that starts with `#` follows one.
    if (lexeme.startsWith('#') && previous !== '\u001f') count++;
    previous = lexeme;
  }
  return count;
}
