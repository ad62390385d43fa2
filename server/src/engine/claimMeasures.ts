/**
 * Whether an improvement claim is measured: a number in its sentence, or a
 * measure a reader can put a number on ("Improved API latency": the
 * `quantify` rule then asks for the figure). Costs, savings, downtime and
 * incidents are outcomes, not measures: "Lowered costs" needs the figure,
 * while "Optimized queries to cut costs" names what the work was for.
 */
import type { Claim } from './improvementClaims';
import type { TextReader } from './textReader';

/** Measures a reader can put a number on: naming one is half the job. */
const NAMED_MEASURE = new RegExp(
  [
    String.raw`\blatenc(?:y|ies)\b`,
    String.raw`\bthroughput\b`,
    String.raw`\bt?p(?:50|75|90|95|99|999)\b`,
    String.raw`\b(?:response|load|build|deploy(?:ment)?|lead|cycle|run|execution|processing|query|startup|start-up|boot|page[- ]load|wait|queue|recovery|resolution|review|release|compile|test|render(?:ing)?|development|delivery|turnaround|onboarding|iteration|feedback|handling|setup|ingestion|training|inference|transaction)[- ]?times?\b`,
    String.raw`\bresponsiveness\b`,
    String.raw`\bruntime\b`,
    String.raw`\b[\p{L}-]+[- ]rates?\b(?![- ]limit)`,
    String.raw`\b(?:cadence|(?:deploy(?:ment)?|release) frequency)\b`,
    String.raw`\b(?:uptime|availability|incident (?:count|volume|rate))\b`,
    String.raw`\b(?:revenue|sales|profit|margins?|ROI|ARR|MRR)\b`,
    String.raw`\b(?:conversions?|retention|churn|signups?|sign-ups?|bookings|orders|traffic|page ?views|MAU|DAU|NPS|CSAT|CTR|click-through)\b`,
    String.raw`\b(?:coverage|accuracy|precision|recall|F1)\b`,
    String.raw`\b(?:memory|CPU|disk|storage|bandwidth)(?: (?:usage|use|footprint|utili[sz]ation|consumption))?\b`,
    String.raw`\b(?:bundle|payload|image|binary|index) sizes?\b`,
    String.raw`\b(?:speed|performance score|lighthouse|core web vitals|LCP|TTFB|FPS|frame ?rate|hit ratio|MTTR|MTTD|mean time|time to (?:market|recovery|first byte|resolution))\b`,
    String.raw`\b(?:QPS|RPS|TPS|SLAs?|SLOs?)\b`,
    // French, Spanish, German, Chinese, Korean: the few measures resumes name.
    String.raw`latenz|latencia|latence|temps de (?:réponse|chargement)|tiempos? de (?:respuesta|carga)|antwortzeit|ladezeit|couverture|cobertura|testabdeckung`,
    String.raw`延迟|延时|响应时间|加载时间|覆盖率|转化率|吞吐|지연|응답 ?시간|로딩 ?시간|커버리지|전환율|처리량`,
  ].join('|'),
  'iu',
);

/** Outcomes whose naming is not a measure when they are the claim itself ("Minimised downtime"). */
const OUTCOME = /\b(?:costs?|spend(?:ing)?|savings?|budget|downtime|outages?|incidents)\b|coûts|costos|costes|kosten|成本|비용/iu;

/** Fractions the metric reader leaves to words: "by a third", "by half". */
const FRACTION = /\bby\s+(?:a\s+(?:third|quarter|fifth|tenth)|half|two[- ]thirds|three[- ]quarters|an\s+order\s+of\s+magnitude)\b/iu;

/** The claims whose sentence has no number and names no measure. */
export function unmeasured(text: string, claims: readonly Claim[], read: TextReader): Claim[] {
  return claims.filter((claim) => {
    const sentence = sentenceAround(text, claim.start);
    if (read.metrics(sentence.text).length > 0 || NAMED_MEASURE.test(sentence.text) || FRACTION.test(sentence.text)) return false;
    // "Optimized queries to cut costs": an outcome in the claim's clause says what a generic improvement was for.
    // "Lowered costs", "cutting costs" are claims about the outcome itself: they still lack the figure.
    if (claim.kind !== 'improve' || claim.objectIsMeasure) return true;
    const from = Math.max(text.lastIndexOf(',', claim.start), text.lastIndexOf(';', claim.start), sentence.start);
    const next = text.slice(claim.end).search(/[,;]/);
    const clause = text.slice(from, next < 0 ? sentence.start + sentence.text.length : claim.end + next);
    return !OUTCOME.test(clause);
  });
}

/** The sentence holding `at`, within 500 characters either side. */
export function sentenceAround(text: string, at: number): { text: string; start: number } {
  const from = Math.max(0, at - 500);
  const before = text.slice(from, at);
  const start = from + Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf('。')) + 1;
  const after = text.slice(at, at + 500).search(/[.;](?:\s|$)|。/);
  const end = after < 0 ? Math.min(text.length, at + 500) : at + after;
  return { text: text.slice(start, end), start };
}
