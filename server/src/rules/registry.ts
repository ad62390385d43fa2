/**
 * Every rule, in the order its findings are produced. Adding a rule means
 * adding its file, its doc page and one line here.
 */
import type { Rule } from '../engine/rule';
import completeness from './completeness';
import dateOrder from './date-order';
import futureDate from './future-date';
import latencyPercentile from './latency-percentile';
import availabilityNines from './availability-nines';
import showTheWhy from './show-the-why';
import backendSignals from './backend-signals';
import skillsGrouping from './skills-grouping';

export const rules: readonly Rule[] = [
  // Structure and dates
  completeness,
  dateOrder,
  futureDate,
  // What a backend reviewer looks for
  latencyPercentile,
  availabilityNines,
  showTheWhy,
  backendSignals,
  skillsGrouping,
];
