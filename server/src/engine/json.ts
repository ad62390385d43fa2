/**
 * Resumes written as JSON: how a text is known for one, and JSON text that
 * is YAML too. A JSON resume is parsed as JSON (`jsonParse.ts`) into the
 * nodes a YAML parse gives, which lets every rule run on both formats. A
 * fix must still write JSON into a JSON file, so every fix writer asks
 * `isJsonText` and writes `jsonString`s there.
 */

/** Whether the text is a JSON document: its first character after a BOM and blanks is `{`. */
export function isJsonText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b) return true;
    const blank = code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || (code === 0xfeff && i === 0);
    if (!blank) return false;
  }
  return false;
}

/**
 * Characters JSON accepts raw but YAML does not (DEL and the C1 controls,
 * U+2028/2029, BOM, non-characters): a JSON file is also read as YAML here,
 * and by the person's other YAML tools.
 */
const NOT_RAW_IN_YAML = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** `value` as a JSON string, quotes included, that reads back the same as JSON and as YAML. */
export function jsonString(value: string): string {
  return yamlSafe(JSON.stringify(value));
}

/** Any JSON value, pretty-printed with `indent`, with the same escapes as `jsonString`. */
export function jsonValue(value: unknown, indent: number): string {
  return yamlSafe(JSON.stringify(value, null, indent));
}

function yamlSafe(json: string): string {
  return json.replace(NOT_RAW_IN_YAML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` parses as JSON (a leading BOM allowed, as editors write one). */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return true;
  } catch {
    return false;
  }
}
