/**
 * The writer for resumes parsed as JSON. The YAML writer already writes
 * JSON (quoted strings, commas, the file's own indentation) into a text
 * that reads as JSON; here it is asked only for such a text, and the
 * changes only JSON needs are written.
 */
import type { ResumeModel } from './document';
import type { FormatWriter } from './fixIntent';
import { isJsonText } from './json';
import type { TextEdit } from './types';
import { yamlWriter } from './yamlWriter';

export const jsonWriter: FormatWriter = {
  edits(model, change) {
    if (change.kind === 'removeTrailingComma') return trailingCommaEdits(model, change.path);
    // A JSON file that does not open with `{` (a comment first, say) would get YAML: nothing is written there.
    return isJsonText(model.text) ? yamlWriter.edits(model, change) : undefined;
  },
};

/** Removes the comma between the last item of the collection at `path` and its closing bracket. */
function trailingCommaEdits(model: ResumeModel, path: string): TextEdit[] | undefined {
  const range = model.entries.get(path)?.node?.range;
  if (!range) return undefined;
  const closing = range[1] - 1;
  const bracket = model.text.charAt(closing);
  if (bracket !== '}' && bracket !== ']') return undefined;
  let comma = closing - 1;
  while (comma >= 0 && ' \t\r\n'.includes(model.text.charAt(comma))) comma--;
  if (model.text.charAt(comma) !== ',') return undefined;
  return [{ range: { start: comma, end: comma + 1 }, newText: '' }];
}
