/**
 * Remembers results by input text. Every rule reads every bullet on every
 * keystroke, and between two keystrokes all bullets but one are unchanged,
 * so each bullet's analysis is worked out once. Results are shared: treat
 * them as read-only.
 */
export function memoizeByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = compute(text);
      // Crude but bounded: a huge file must not grow the cache without end.
      if (cache.size >= limit) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}
