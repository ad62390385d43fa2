/**
 * A completion's snippet as the editor leaves it once accepted: each tab
 * stop keeps its default (a choice its first option), every `‹…›` slot is
 * given a sample by `fill` when asked, the final stops vanish and escapes
 * are read.
 */

/** `${1:default}`, `${1|a,b|}`, `${1}`, `$1`, and the escapes `\$`, `\}`, `\\`. */
const PIECE = /\$\{\d+:((?:[^}\\]|\\.)*)\}|\$\{\d+\|([^|]*)\|\}|\$\{\d+\}|\$\d+|\\([$}\\])/g;

export function acceptSnippet(snippet: string, fill: (token: string) => string = (token) => token): string {
  return snippet.replace(PIECE, (_whole, value: string | undefined, choice: string | undefined, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    const text = value ?? choice?.split(',')[0] ?? '';
    return text.replace(/\\([$}\\])/g, '$1').replace(/‹[^›]*›/g, fill);
  });
}
