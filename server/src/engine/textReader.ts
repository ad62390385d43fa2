/**
 * How the engine reads a text: its prose, words and language, the verb it
 * opens with, its metrics, the date it holds. A lint gives its rules one
 * over its memo (`context.read`), so a bullet unchanged since the last
 * keystroke is read once; a rule calls it the same way either way and makes
 * no choice about speed. Outside a lint (hover, report, CLI, tests),
 * `plainReader` works every answer out afresh and keeps nothing.
 */
import { adviseDate, parseResumeDate, type DateAdvice, type ResumeDate } from './dates';
import type { MemoContext } from './memo';
import { recognizeMetrics, type Metric } from './metrics';
import { openingVerb, type Opening } from './openings';
import { isLikelyEnglish, toProse, wordsOf, type Prose, type Word } from './prose';

/** Answers may be shared with other rules and later lints: treat them as read-only. */
export class TextReader {
  /** Without a memo, every answer is worked out when asked. */
  constructor(private readonly memo?: MemoContext) {}

  // Properties, not methods: a rule may pass one on (`texts.filter(read.isLikelyEnglish)`).

  /** The text as prose, markup dropped (`toProse`). */
  readonly prose = (raw: string): Prose => this.answer('prose', raw, toProse);

  /** The words of a prose text (`wordsOf`). */
  readonly words = (text: string): Word[] => this.answer('words', text, wordsOf);

  /** Whether a prose text reads as English (`isLikelyEnglish`). */
  readonly isLikelyEnglish = (text: string): boolean => this.answer('english', text, (key) => isLikelyEnglish(key, this.words));

  /** The verb a bullet opens with (`openingVerb`). */
  readonly opening = (text: string): Opening | undefined => this.answer('opening', text, (key) => openingVerb(key, this));

  /** The metrics in a prose text (`recognizeMetrics`). */
  readonly metrics = (text: string): Metric[] => this.answer('metrics', text, (key) => recognizeMetrics(key, this.isLikelyEnglish));

  /** A value as a resume date (`parseResumeDate`): a few distinct texts, read by several rules. */
  readonly date = (value: unknown): ResumeDate | undefined =>
    typeof value === 'string' ? this.answer('date', value, parseResumeDate) : parseResumeDate(value);

  /** What to write instead of a date that cannot be read (`adviseDate`). */
  readonly dateAdvice = (raw: string): DateAdvice => this.answer('date advice', raw, adviseDate);

  private answer<T>(store: string, key: string, compute: (key: string) => T): T {
    return this.memo ? this.memo.get(store, key, compute) : compute(key);
  }
}

/** For callers outside a lint: works every answer out afresh, keeps nothing. */
export const plainReader = new TextReader();
