/**
 * An unfilled template slot or a TODO left in the resume. Our templates use
 * distinctive tokens (`‹N›`, `‹how›`) precisely so this rule can be an error
 * without ever mistaking ordinary text for one.
 */
import { templateTokens } from '../engine/placeholders';
import type { ResumeRule } from '../engine/rule';
import { forEachText } from '../engine/valueRanges';

/** Upper case, whole word: `todo app`, `TODOs` and `PTBD` are ordinary text. */
const MARKER = /(?<![\p{L}\p{N}_-])(TODO|TBD)(?![\p{L}\p{N}_]|-\p{L})/gu;

/** "Built a TODO app", "a TODO list in React": the word names the thing, not a gap. */
const MARKER_AS_NAME = /^\s+(?:apps?|applications?|lists?|manager|tracker|comments?|items?)\b/i;

interface Hit {
  token: string;
  start: number;
  end: number;
}

export function placeholderHits(text: string): Hit[] {
  const hits: Hit[] = templateTokens(text);
  if (!text.includes('TODO') && !text.includes('TBD')) return hits;
  for (const match of text.matchAll(MARKER)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (match[0] === 'TODO' && MARKER_AS_NAME.test(text.slice(end, end + 20))) continue;
    hits.push({ token: match[0], start, end });
  }
  return hits.sort((a, b) => a.start - b.start);
}

function message(token: string): string {
  if (token === 'TODO' || token === 'TBD') {
    return `\`${token}\` marks unfinished text: finish it or remove it before you send the resume.`;
  }
  return `\`${token}\` is an unfilled template slot: replace it with your own words or figure.`;
}

const rule: ResumeRule = {
  meta: {
    id: 'placeholder',
    severity: 'error',
    description: 'A template placeholder (`‹N›`, `‹how›`) or a `TODO`/`TBD` left in the resume.',
    fixable: false,
    tags: ['template'],
  },
  check({ model, report }) {
    // Keys too: `- TODO: the Kafka migration` parses as a mapping whose key is the TODO.
    forEachText(model, (value, rangeOf) => {
      const hits = placeholderHits(value);
      for (const hit of hits) report({ range: rangeOf(hit.start, hit.end), message: message(hit.token) });
    });
  },
};

export default rule;
