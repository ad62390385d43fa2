/**
 * What is worked out from one model and kept on it (`model.derived`), for
 * as long as the model lives: found when first asked for, by whichever rule,
 * fix or feature asks. Each module declares the slot its answer goes in
 * (`dateFields.ts`, `anchors.ts`, `posting/match.ts`); what a model made by
 * an edit takes over is decided in one place, `derivedAfterEdit` in
 * `incremental.ts`. Nothing is kept by text here: that is the lint's memo
 * (`MemoContext`). See docs/incremental-lint.md.
 *
 * A plain object on the model, not a `WeakMap` per module: a long-lived
 * `WeakMap`'s entries count as live to V8's young generation collector, so
 * every model that passed through one was copied to the old generation.
 */

declare const answerType: unique symbol;

/** Where one kind of answer is kept; `T` is the answer's type. */
export interface DerivedSlot<T> {
  readonly name: string;
  readonly [answerType]?: T;
}

export function derivedSlot<T>(name: string): DerivedSlot<T> {
  return { name };
}

export class Derived {
  private readonly answers = new Map<DerivedSlot<unknown>, unknown>();

  /** The answer in `slot`, worked out by `compute` the first time it is asked for. */
  get<T>(slot: DerivedSlot<T>, compute: () => NoInfer<T>): T {
    if (this.answers.has(slot)) return this.answers.get(slot) as T;
    const answer = compute();
    this.answers.set(slot, answer);
    return answer;
  }

  /** A new one holding this one's answers in `slots`, those it has. */
  carried(slots: readonly DerivedSlot<unknown>[]): Derived {
    const next = new Derived();
    for (const slot of slots) if (this.answers.has(slot)) next.answers.set(slot, this.answers.get(slot));
    return next;
  }
}
