/**
 * Every rule, in the order its findings are produced. Adding a rule means
 * adding its file, its doc page and one line here.
 */
import type { PageRule } from '../engine/page/pageRule';
import type { Rule } from '../engine/rule';
import completeness from './completeness';
import dateOrder from './date-order';
import futureDate from './future-date';
import placeholder from './placeholder';
import quantify from './quantify';
import weakOpening from './weak-opening';
import vagueImprovement from './vague-improvement';
import firstPerson from './first-person';
import passiveVoice from './passive-voice';
import tense from './tense';
import repeatedOpening from './repeated-opening';
import filler from './filler';
import bulletLength from './bullet-length';
import latencyPercentile from './latency-percentile';
import availabilityNines from './availability-nines';
import showTheWhy from './show-the-why';
import backendSignals from './backend-signals';
import skillsGrouping from './skills-grouping';
import backendOffRole from './backend-off-role';
import postingFile from './posting-file';
import postingMissingTerm from './posting-missing-term';
import postingSpelling from './posting-spelling';
import postingMainLanguage from './posting-main-language';
import postingSkillNotShown from './posting-skill-not-shown';
import pageCount from './page-count';
import orphanLine from './orphan-line';
import atsText from './ats-text';
import unprintableText from './unprintable-text';

export const rules: readonly Rule[] = [
  // Structure and dates
  completeness,
  dateOrder,
  futureDate,
  // An unfilled template must never ship
  placeholder,
  // Every bullet
  quantify,
  weakOpening,
  vagueImprovement,
  firstPerson,
  passiveVoice,
  tense,
  repeatedOpening,
  filler,
  bulletLength,
  // What a backend reviewer looks for
  latencyPercentile,
  availabilityNines,
  showTheWhy,
  backendSignals,
  skillsGrouping,
  backendOffRole,
  // Against a job posting, when one is given
  postingFile,
  postingMissingTerm,
  postingSpelling,
  postingMainLanguage,
  postingSkillNotShown,
];

/** Rules about the printed page: they run after a render, never on the keystroke path. */
export const pageRules: readonly PageRule[] = [
  // How much paper it takes
  pageCount,
  orphanLine,
  // What a machine reads of it
  atsText,
  unprintableText,
];
