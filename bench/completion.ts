/**
 * `node bench/build.mjs --script completion`: CPU time of completion in a JSON resume,
 * in-process, 200 requests at each size and cursor place, answered as the
 * server answered before it kept the lint's model for completion (the file
 * parsed again on each request) and as it answers now (the model of the
 * same text). The items must be the same both ways; the script fails if not.
 *
 *   node bench/build.mjs --script completion                                  1,000 and 50,000 lines, 200 requests
 *   node bench/build.mjs --script completion --sizes 200,10000 --requests 50
 */
import * as assert from 'node:assert/strict';
import { parseResume } from '../server/src/engine/document';
import { jsonCompletionsAt } from '../server/src/engine/features/jsonCompletion';
import { completionOffset, generateJsonResume } from './generate';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const sizes = (argument('sizes') ?? '1000,50000').split(',').map(Number);
const requests = Number(argument('requests') ?? 200);

/**
 * Where completion is asked, in the text as it is there: the bench's place
 * (a key of the last work entry), a new entry begun after the last one (`,`
 * and a new line typed), and the last key of the top level.
 */
function places(text: string): [string, string, number][] {
  const workEnd = text.indexOf('\n  ],\n  "skills"');
  const newEntry = `${text.slice(0, workEnd)},\n    ${text.slice(workEnd)}`;
  return [
    ['a key of the last work entry', text, completionOffset(text)],
    ['a new work entry after the last', newEntry, workEnd + ',\n    '.length],
    ['the last key of the top level', text, text.lastIndexOf('\n  "projects"') + '\n  "'.length],
  ];
}

/** CPU milliseconds of each call, sorted. */
function cpuTimes(call: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = process.cpuUsage();
    call();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

console.log(`Node ${process.version}, ${requests} completion requests per row, CPU time per request (user + system)\n`);
console.log('| lines | file lines | cursor | items | before p50 | before p95 | after p50 | after p95 |');
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
for (const lines of sizes) {
  for (const [place, text, offset] of places(generateJsonResume(lines))) {
    assert.ok(offset > 0, `no ${place} in the bench resume`);
    const model = parseResume(text, { format: 'json' });
    const items = jsonCompletionsAt(text, offset, 'json-resume', model);
    assert.deepEqual(items, jsonCompletionsAt(text, offset), `the items differ at ${place}`);
    const before = cpuTimes(() => jsonCompletionsAt(text, offset));
    const after = cpuTimes(() => jsonCompletionsAt(text, offset, 'json-resume', model));
    const fileLines = text.split('\n').length.toLocaleString('en-US');
    console.log(
      `| ${lines.toLocaleString('en-US')} | ${fileLines} | ${place} | ${items.length} | ${ms(percentile(before, 50))} ms | ${ms(percentile(before, 95))} ms | ${ms(percentile(after, 50))} ms | ${ms(percentile(after, 95))} ms |`,
    );
  }
}
