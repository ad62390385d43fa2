/**
 * Improvement claims in the other languages resumes are written in: French
 * ("Amélioré la fiabilité", "Optimisation des requêtes"), Spanish ("Mejoré
 * el rendimiento", ", mejorando la experiencia"), German ("Verbesserte die
 * Stabilität"), Chinese ("优化了数据库查询", "提升用户体验") and Korean
 * ("성능을 개선했습니다"). Only the plain verbs and their nouns, read where
 * they open a bullet or a clause; a purpose ("pour améliorer", "para
 * mejorar", "um … zu verbessern", "为了提升", "개선하기 위해") is left alone,
 * as in English.
 */
import type { Claim } from './improvementClaims';

const L = String.raw`\p{L}`;

/** A verb or noun of improvement, French, Spanish or German, as a whole word. */
const LATIN = new RegExp(
  String.raw`(?<!${L})(?:` +
    [
      String.raw`amélior(?:é|ée|és|ées|ons|ant|ation|ations|e)`,
      String.raw`optimis(?:é|ée|és|ées|ons|ant|ation|ations|e)`,
      String.raw`mejor(?:é|ó|ado|ada|ados|adas|ando|amos|as|a)`,
      String.raw`optimic(?:é|e)|optimiz(?:ó|ado|ada|ados|adas|ando|amos|ación|aciones|a)`,
      String.raw`verbessert(?:e|en)?|verbesserung(?:en)?|optimiert(?:e|en)?|optimierung(?:en)?`,
      String.raw`augmentation\s+(?:de|du|des)|réduction\s+(?:de|du|des)|aumento\s+de|reducción\s+de|steigerung\s+der`,
    ].join('|') +
    String.raw`)(?!${L})`,
  'giu',
);

/** A purpose just before: "pour améliorer", "para optimización", "zur Verbesserung", "um … zu". */
const LATIN_PURPOSE = new RegExp(
  String.raw`(?:^|\s)(?:pour|afin\s+d['’]|afin\s+de|para|por|zur|zum|um|en\s+vue\s+d['’])(?:\s+(?:${L}+\s+){0,2})?\s*$`,
  'iu',
);

/** Participles that open a clause are claims; after a noun they describe it ("diseño optimizado para SEO"). */
const PARTICIPLE = /(?:é|ée|és|ées|ado|ada|ados|adas|iert|ierte|ierten|essert|esserte|esserten)$/iu;

const CJK_VERB = /提升|优化|改进|提高|改善|加快|减少|降低|개선|향상|최적화/gu;
const CJK_PURPOSE_BEFORE = /(?:为了|以便?|来|用于|旨在|以期)[^，。；,;]{0,20}$/u;
const CLAUSE_PUNCT = /[，。；：,;:！？!?]/u;

/** Improvement claims in a prose text that does not read as English. */
export function foreignClaims(text: string): Claim[] {
  const claims = [...latinClaims(text), ...cjkClaims(text)].sort((a, b) => a.start - b.start);
  return claims.filter((claim, i) => i === 0 || claim.start >= (claims[i - 1]?.end ?? 0)).slice(0, 5);
}

function latinClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const match of text.matchAll(LATIN)) {
    const start = match.index ?? 0;
    const word = match[0];
    const before = text.slice(Math.max(0, start - 40), start);
    if (LATIN_PURPOSE.test(before)) continue;
    const opensClause = /(?:^|[,;:.(])\s*$/u.test(before) || before.trim() === '';
    if (PARTICIPLE.test(word) && !opensClause && !/\b(?:ai|a|avons|he|ha|hemos|habe|hat|haben|wurde|wurden)\s+$/iu.test(before)) continue;
    const end = latinClauseEnd(text, start + word.length);
    claims.push({
      start,
      end,
      kind: 'note',
      hasObject: end > start + word.length,
      objectIsMeasure: /^(?:aug|réd|aum|red|ste)/iu.test(word),
    });
  }
  return claims;
}

function latinClauseEnd(text: string, from: number): number {
  const rest = text.slice(from, from + 200);
  const stop = rest.search(
    /[,;:.()]|\s(?:pour|afin|para|grâce|gracias|mediante|durch|um|avec|con|mit|en\s+utilisant|utilizando)\s|\s(?:et|y|und)\s+(?:à|au|aux|a|al)\s/iu,
  );
  let end = from + (stop < 0 ? rest.length : stop);
  while (end > from && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function cjkClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const match of text.matchAll(CJK_VERB)) {
    const at = match.index ?? 0;
    const verbEnd = at + match[0].length;
    if (/[\uAC00-\uD7A3]/u.test(match[0])) {
      const claim = koreanClaim(text, at, verbEnd);
      if (claim) claims.push(claim);
      continue;
    }
    if (CJK_PURPOSE_BEFORE.test(text.slice(Math.max(0, at - 30), at))) continue;
    // The verb and its object, to the end of the clause.
    const rest = text.slice(verbEnd, verbEnd + 100);
    const stop = rest.search(CLAUSE_PUNCT);
    const end = verbEnd + (stop < 0 ? rest.length : stop);
    claims.push({ start: at, end, kind: 'note', hasObject: end > verbEnd, objectIsMeasure: /减少|降低/u.test(match[0]) });
  }
  return claims;
}

/** Korean puts the object first: the claim is its clause, up to the end of the verb's word. */
function koreanClaim(text: string, at: number, verbEnd: number): Claim | undefined {
  const word = /^[\uAC00-\uD7A3]*/u.exec(text.slice(verbEnd))?.[0] ?? '';
  // "개선안": a proposal; "개선하기 위해", "개선을 위한": a purpose.
  if (/^안/u.test(word) || /^(?:하기|을|를|시키기)?\s*위(?:해|한|하여)/u.test(text.slice(verbEnd, verbEnd + 12))) return undefined;
  const end = verbEnd + word.length;
  const before = text.slice(Math.max(0, at - 80), at);
  const punct = Math.max(before.search(/[^,;.，。]*$/u), 0);
  // A previous verb ending in a connective ("최적화하여 ", "개선하고 ") closes the clause before this one.
  const connective = /^.*[\uAC00-\uD7A3](?:여|고|며|서|해)\s/u.exec(before.slice(punct));
  const start = at - before.length + punct + (connective ? connective[0].length : 0);
  const from = start + (/^\s*/u.exec(text.slice(start))?.[0].length ?? 0);
  return { start: from, end, kind: 'note', hasObject: from < at, objectIsMeasure: false };
}
