/** Every memo's cache, so an edit can drop the answers it made stale. */
const caches: Map<string, unknown>[] = [];

/**
 * Forgets the answers for `texts` in every memo: a value as it was before
 * an edit. Typing makes a new version of a bullet per keystroke; kept until
 * the cache fills, each would be copied to the old generation of the heap
 * and stay there. A text that is also another bullet's is worked out again
 * when asked for.
 */
export function forgetTexts(texts: readonly string[]): void {
  for (const cache of caches) for (const text of texts) cache.delete(text);
}

/**
 * Remembers results by input text. Every rule reads every bullet on every
 * keystroke, and between two keystrokes all bullets but one are unchanged,
 * so each bullet's analysis is worked out once. Results are shared: treat
 * them as read-only.
 */
export function memoizeByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  caches.push(cache);
  return (text) => {
    let result = cache.get(text);
    // Undefined is an answer too ("no weak opening here"), and the common one.
    if (result === undefined && !cache.has(text)) {
      const key = detached(text);
      result = compute(key);
      // Crude but bounded: a huge file must not grow the cache without end.
      if (cache.size >= limit) cache.clear();
      cache.set(key, result);
    }
    return result as T;
  };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from.
 * A bullet's text is a slice of the whole document, and JavaScript engines
 * keep the whole document alive for as long as a slice lives: a cache keyed
 * by slices would keep every version of the file ever typed.
 */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}
