/**
 * The tokens our templates leave for the person to fill in. They are
 * deliberately distinctive (guillemets), so the `placeholder` rule can catch
 * an unfilled template without ever mistaking ordinary text for one.
 */

/** `‹N›`, `‹before›`, `‹how›`, `‹so that …›`. */
export const TEMPLATE_TOKEN = /‹[^‹›\n]{1,40}›/gu;

/** The default text of a numeric slot in a template. */
export const NUMBER_SLOT = '‹N›';

export function templateTokens(text: string): { token: string; start: number; end: number }[] {
  const found: { token: string; start: number; end: number }[] = [];
  // Every scalar is scanned on every keystroke: most have no `‹`, and saying so is far cheaper than `matchAll`.
  if (!text.includes('‹')) return found;
  for (const match of text.matchAll(TEMPLATE_TOKEN)) {
    const start = match.index ?? 0;
    found.push({ token: match[0], start, end: start + match[0].length });
  }
  return found;
}
