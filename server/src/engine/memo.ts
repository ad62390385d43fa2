interface MemoStore<T> {
  cache: Map<string, T>;
  /** Answers worked out during an incremental lint: dropped when the next lint starts. */
  scratch: Map<string, T>;
}

/**
 * What survives between two lints, in one place (docs/incremental-lint.md).
 * A linter owns one and passes it down; nothing else keeps answers by text.
 * A full lint keeps what it works out, bounded. An incremental one works out
 * answers for one version of the value being typed, never asked for again:
 * they are kept aside until the next lint starts, so they die young instead
 * of filling the caches and the old generation of the heap.
 */
export class MemoContext {
  private readonly stores = new Map<string, MemoStore<unknown>>();
  private keepNewAnswers = true;

  /** Called as a lint starts: a full lint keeps its new answers, an incremental one sets them aside. */
  startPass(incremental: boolean): void {
    for (const store of this.stores.values()) store.scratch.clear();
    this.keepNewAnswers = !incremental;
  }

  /** Forgets what was worked out for `texts` (a value as it was before an edit) in every store. */
  forget(texts: readonly string[]): void {
    for (const store of this.stores.values()) for (const text of texts) store.cache.delete(text);
  }

  /** The answer for `key` in the store `name`, worked out by `compute` if not known. Read-only. */
  get<T>(name: string, key: string, compute: (key: string) => T, limit = 20_000): T {
    let store = this.stores.get(name) as MemoStore<T> | undefined;
    if (!store) this.stores.set(name, (store = { cache: new Map(), scratch: new Map() }));
    const known = store.cache.get(key);
    // Undefined is an answer too ("no weak opening here"), and the common one.
    if (known !== undefined || store.cache.has(key)) return known as T;
    if (!this.keepNewAnswers) {
      const aside = store.scratch.get(key);
      if (aside !== undefined || store.scratch.has(key)) return aside as T;
      const result = compute(key);
      store.scratch.set(key, result);
      return result;
    }
    const kept = detached(key);
    const result = compute(kept);
    // Crude but bounded: a huge file must not grow the cache without end.
    if (store.cache.size >= limit) store.cache.clear();
    store.cache.set(kept, result);
    return result;
  }
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
