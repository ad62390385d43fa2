/**
 * Every rule, in the order its findings are produced. Adding a rule means
 * adding its file, its doc page and one line here.
 */
import type { Rule } from '../engine/rule';
import completeness from './completeness';
import dateOrder from './date-order';
import futureDate from './future-date';

export const rules: readonly Rule[] = [completeness, dateOrder, futureDate];
