/**
 * A change measured in words rather than digits: "from hours to a single
 * click", "from monthly to daily", "from a full day to a few clicks",
 * "days of emails into one click". Both ends must be a quantity of time, of
 * cadence or of effort (clicks, commands, steps), so a change of technology
 * or of stage ("from Python to Go", "from one server to a cluster", "from
 * idea to launch") measures nothing and is not one. `recognizeMetrics`
 * counts these as metrics.
 */
/** A change in time or cadence is a duration; one down to a few clicks, a count (kinds of `recognizeMetrics`). */
export interface MeasuredChange {
  start: number;
  end: number;
  kind: 'duration' | 'count';
}

const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a couple of|a handful of|a few|several|many|multiple|dozens of|hundreds of)`;
/** Words that say how much of a unit: "a single", "a full", "half an". */
const AMOUNT = String.raw`(?:(?:a|an|one|a single|just one|only one|half an?|a full|a whole|an entire|${NUMBER_WORD})\s+(?:(?:full|whole|entire|working|business|manual)\s+)?)`;

const TIME_UNITS = String.raw`(?:(?:milli|micro|nano)?seconds|minutes|hours|days|weeks|weekends|months|quarters|years|sprints|afternoons|mornings|evenings|nights)`;
const TIME_UNIT = String.raw`(?:(?:milli|micro|nano)?second|minute|hour|day|week|weekend|month|quarter|year|sprint|afternoon|morning|evening|night)s?`;
const CADENCE = String.raw`(?:hourly|daily|nightly|weekly|fortnightly|bi-?weekly|monthly|quarterly|yearly|annually|(?:near[- ])?real[- ]time|instant(?:ly|aneous(?:ly)?)?|overnight|same[- ]day)`;
/** Units of effort, only ever with an amount: "a single click", "several steps". */
const EFFORT_UNIT = String.raw`(?:clicks?|commands?|steps?|keystrokes?|taps?|button (?:press|click)(?:es|s)?|(?:api )?calls?)`;

/** One end of the change: "hours", "a full day", "a daily", "real time", "a single click", "several manual steps". */
const END = String.raw`(?:${TIME_UNITS}|${AMOUNT}${TIME_UNIT}|(?:an?\s+)?${CADENCE}|${AMOUNT}${EFFORT_UNIT})`;
const TO = String.raw`(?:to|into|down to)\s{1,4}(?:(?:just|only|a mere|mere|under|less than|about|around|roughly|nearly|almost|near)\s{1,4})?`;
const EDGE = String.raw`(?![\p{L}\p{N}])`;

const PATTERNS: readonly RegExp[] = [
  // "from hours to a single click", "from weekly meetings to a daily summary": the span leaves "from" out.
  new RegExp(String.raw`(?<=\bfrom\s{1,4})${END}${EDGE}[^.;:!?]{0,40}?\b${TO}${END}${EDGE}`, 'giu'),
  // "days of emails into one click", "hours of manual reconciliation into a single click"
  new RegExp(String.raw`\b${TIME_UNITS}\s+of\b[^.;:!?]{0,40}?\b${TO}${END}${EDGE}`, 'giu'),
  // "Cut environment setup to a single click": a reduction to a measured end (the span is the end).
  new RegExp(
    String.raw`(?<=\b(?:cut|cuts|cutting|reduc(?:e|ed|es|ing)|shr[aiu]nk(?:s|ing)?|simplif(?:y|ied|ies|ying)|streamlin(?:e|ed|es|ing)|brought|bring(?:s|ing)?|turn(?:ed|s|ing)?)\b(?:(?!\bfrom\b)[^.;:!?]){0,40}?\b${TO})${AMOUNT}${EFFORT_UNIT}${EDGE}`,
    'giu',
  ),
];

const ENDS_IN_EFFORT = new RegExp(`${EFFORT_UNIT}$`, 'iu');

/** Every measured change in a prose text, as metric spans. */
export function measuredChanges(text: string): MeasuredChange[] {
  const found: MeasuredChange[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const kind = ENDS_IN_EFFORT.test(match[0]) ? 'count' : 'duration';
      found.push({ start, end: start + match[0].length, kind });
    }
  }
  // "Turned hours of work into a single click" is one change, not also "a single click".
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((span, i) => !found.slice(0, i).some((other) => other.end >= span.end));
}
