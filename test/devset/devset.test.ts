/**
 * Each labelled set (`test/devset/<rule>.tsv`) against its rule run alone:
 * precision and recall must stay at or above the floors the file declares.
 * `DEVSET_VERBOSE=1` prints the figures and every miss.
 */
import * as assert from 'node:assert/strict';
import { rules } from '../../server/src/rules/registry';
import { findingsOf, workResume } from '../helpers';
import { labelledSets, type LabelledBullet, type LabelledSet } from './labels';

interface Score {
  truePositives: number;
  falsePositives: LabelledBullet[];
  falseNegatives: LabelledBullet[];
  precision: number;
  recall: number;
}

/** The bullet as the only highlight of an ended backend role, so no rule reads it as current. */
function flags(ruleId: string, text: string): boolean {
  const rule = rules.find((candidate) => candidate.meta.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const resume = workResume([text], 'endDate: 2023-06');
  return findingsOf(resume, ruleId, {}, [rule]).some((finding) => finding.range.start > resume.indexOf('highlights:'));
}

function score(set: LabelledSet): Score {
  let truePositives = 0;
  const falsePositives: LabelledBullet[] = [];
  const falseNegatives: LabelledBullet[] = [];
  for (const bullet of set.bullets) {
    const flagged = flags(set.rule, bullet.text);
    if (flagged && bullet.positive) truePositives++;
    else if (flagged) falsePositives.push(bullet);
    else if (bullet.positive) falseNegatives.push(bullet);
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives.length),
    recall: ratio(truePositives, truePositives + falseNegatives.length),
  };
}

function describeScore(set: LabelledSet, result: Score): string {
  const positives = set.bullets.filter((bullet) => bullet.positive).length;
  const lines = [
    `${set.rule}: ${set.bullets.length} bullets (${positives} positive${set.missing ? `, ${set.missing} corpus rows unread` : ''}), ` +
      `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`,
  ];
  for (const bullet of result.falsePositives) lines.push(`  flagged, should not be: ${bullet.id} ${bullet.text}`);
  for (const bullet of result.falseNegatives) lines.push(`  missed: ${bullet.id} ${bullet.text}`);
  return lines.join('\n');
}

describe('labelled bullets', () => {
  for (const set of labelledSets()) {
    it(`${set.rule} keeps precision ≥ ${set.minPrecision} and recall ≥ ${set.minRecall}`, function () {
      const result = score(set);
      const report = describeScore(set, result);
      if (process.env.DEVSET_VERBOSE) console.log(report);
      // Without the corpus only the written rows are read: too few to hold the floors.
      if (set.missing > 0) this.skip();
      const positives = set.bullets.filter((bullet) => bullet.positive).length;
      assert.ok(positives >= set.minPositives, `${set.rule}: ${positives} positives, at least ${set.minPositives} wanted`);
      assert.ok(result.precision >= set.minPrecision, report);
      assert.ok(result.recall >= set.minRecall, report);
    });
  }
});
