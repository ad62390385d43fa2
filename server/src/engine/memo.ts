interface MemoStore<T> {
  cache: Map<string, T>;
  /** Answers worked out during an incremental lint: dropped when the next lint starts. */
  scratch: Map<string, T>;
}

/** Every memo, so a lint can say where new answers go and an edit can drop stale ones. */
const stores: MemoStore<unknown>[] = [];
let keepNewAnswers = true;

/**
 * Called as a lint starts. A full lint keeps what it works out. An
 * incremental one works out answers for one version of the value being
 * typed (its text, sentences, clauses), never asked for again: they are
 * kept aside until the next lint starts, so they die young instead of
 * filling the caches and the old generation of the heap.
 */
export function startMemoPass(incremental: boolean): void {
  for (const store of stores) store.scratch.clear();
  keepNewAnswers = !incremental;
}

/**
 * Forgets the answers for `texts` in every memo: a value as it was before
 * an edit, worked out by the last full lint. A text that is also another
 * bullet's is worked out again when asked for.
 */
export function forgetTexts(texts: readonly string[]): void {
  for (const store of stores) for (const text of texts) store.cache.delete(text);
}

/**
 * Remembers results by input text. Every rule reads every bullet on every
 * keystroke, and between two keystrokes all bullets but one are unchanged,
 * so each bullet's analysis is worked out once. Results are shared: treat
 * them as read-only.
 */
export function memoizeByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const store: MemoStore<T> = { cache: new Map(), scratch: new Map() };
  stores.push(store);
  return (text) => {
    const known = store.cache.get(text);
    // Undefined is an answer too ("no weak opening here"), and the common one.
    if (known !== undefined || store.cache.has(text)) return known as T;
    if (!keepNewAnswers) {
      const aside = store.scratch.get(text);
      if (aside !== undefined || store.scratch.has(text)) return aside as T;
      const result = compute(text);
      store.scratch.set(text, result);
      return result;
    }
    const key = detached(text);
    const result = compute(key);
    // Crude but bounded: a huge file must not grow the cache without end.
    if (store.cache.size >= limit) store.cache.clear();
    store.cache.set(key, result);
    return result;
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
