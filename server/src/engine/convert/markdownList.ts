/**
 * YAMLResume has no `highlights`: bullets are a Markdown list at the end of
 * `summary`. These two turn one form into the other and back.
 */

/** The summary, a blank line, then one `- ` item per highlight (a line break inside one indented under it). */
export function summaryWithList(summary: string | undefined, highlights: readonly string[] | undefined): string | undefined {
  const list =
    highlights && highlights.length > 0 ? `${highlights.map((line) => `- ${line.replace(/\n/g, '\n  ')}`).join('\n')}\n` : undefined;
  if (list === undefined) return summary;
  return summary === undefined ? list : `${summary}\n\n${list}`;
}

const ITEM = /^[-*+] (.*)$/;

/** The text before a Markdown list that ends the summary, and the list's items; no list: the summary as it is. */
export function splitList(text: string): { summary?: string; highlights?: string[] } {
  const lines = text.replace(/\s+$/, '').split('\n');
  let start = lines.length;
  // Walk back over the list: items, and lines indented under an item.
  while (start > 0 && (ITEM.test(lines[start - 1]!) || /^ {2,}\S/.test(lines[start - 1]!))) start--;
  while (start < lines.length && !ITEM.test(lines[start]!)) start++;
  if (start === lines.length || (start > 0 && lines[start - 1]!.trim() !== '')) return { summary: text };
  const highlights: string[] = [];
  for (const line of lines.slice(start)) {
    const item = ITEM.exec(line);
    if (item) highlights.push(item[1]!);
    else highlights[highlights.length - 1] += `\n${line.slice(2)}`;
  }
  const before = lines.slice(0, start).join('\n').trimEnd();
  return before === '' ? { highlights } : { summary: before, highlights };
}
