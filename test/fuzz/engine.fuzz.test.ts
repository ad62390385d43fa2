/**
 * The fuzz test in the normal run: a bounded, seeded sample of mutated real
 * resumes through the engine, and a smaller sample through the bundled
 * server over stdio. `npm run fuzz` runs the same checks on many more cases.
 *
 * The engine cases run in a child process (this same file, see
 * `engineChild.ts`), so a case that hangs or runs out of memory fails this
 * test instead of taking mocha down with it; they start first and run while
 * the server sample does.
 *
 * Replay a failure with the seed and case index from its message:
 *   node scripts/fuzz.mjs --seed <seed> --case <index>
 * or change the sample with BULLETPROOF_FUZZ_SEED / BULLETPROOF_FUZZ_CASES.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { childInput, childMain, runEngineCases } from './engineChild';
import { caseSeed, loadSeedTexts, makeCase, seedFromEnv, serverRandom, type FuzzCase, type SeedText } from './mutate';
import { checkServerCase } from './serverInvariants';

const SEED = seedFromEnv();
const ENGINE_CASES = Number(process.env.BULLETPROOF_FUZZ_CASES ?? 200);
/** Every how-manyth engine case also goes to the server: 20 of the 200. */
const SERVER_EVERY = 10;
const SERVER_TIMEOUT_MS = 10_000;
/** A case normally takes milliseconds; past this it is a hang, and the run stops there. */
const HANG_MS = 10_000;
const CHILD_HEAP_MB = 1024;

function failure(fuzzCase: FuzzCase, problems: string[]): string {
  return [
    `seed ${fuzzCase.seed}, case ${fuzzCase.index}: ${problems.length} problem(s)`,
    `  from ${fuzzCase.source}, mutations: ${fuzzCase.mutations.join('; ')}`,
    `  replay: node scripts/fuzz.mjs --seed ${fuzzCase.seed} --case ${fuzzCase.index}`,
    ...problems.slice(0, 10).map((problem) => `  - ${problem.replace(/\n/g, '\n    ')}`),
  ].join('\n');
}

const asChild = childInput();
if (asChild) {
  childMain(asChild);
} else {
  describe(`fuzz (seed ${SEED})`, function () {
    let seeds: SeedText[] = [];

    before(() => {
      const loaded = loadSeedTexts();
      seeds = loaded.texts;
      console.log(
        `    ${seeds.length} seed texts (${loaded.corpus ? `corpus ${loaded.corpus} and examples` : 'examples and fixtures: no corpus'})`,
      );
    });

    /** The engine cases' outcome: started in `before`, so they run while the server sample below does. */
    let engineRun: Promise<{ done: number; failures: string[]; summary: string }>;

    before(() => {
      const started = performance.now();
      const failures: string[] = [];
      let done = 0;
      let findings = 0;
      let fixes = 0;
      let warnings = 0;
      let slowest = { ms: 0, index: -1 };
      engineRun = runEngineCases({
        script: __filename,
        seed: SEED,
        cases: ENGINE_CASES,
        keepGoing: true,
        fixAll: false,
        hangMs: HANG_MS,
        heapMb: CHILD_HEAP_MB,
        // One hang costs HANG_MS: report it and stop rather than wait on the next.
        restart: false,
        stopped: () => false,
        onCase(result) {
          done++;
          findings += result.findings;
          fixes += result.fixes;
          warnings += result.warnings.length;
          if (result.ms > slowest.ms) slowest = { ms: result.ms, index: result.index };
          if (result.problems.length) failures.push(failure(makeCase(seeds, SEED, result.index), result.problems));
        },
        onLost(index, why) {
          failures.push(failure(makeCase(seeds, SEED, index), [`${why}\n(the run stopped at this case)`]));
        },
      }).then(() => ({
        done,
        failures,
        summary:
          `${done} cases, ${findings} findings, ${fixes} fixes in ${Math.round(performance.now() - started)} ms; ` +
          `slowest case ${slowest.index}: ${Math.round(slowest.ms)} ms${warnings ? `; ${warnings} process warnings from the engine` : ''}`,
      }));
    });

    it('the same seed and index give the same case', () => {
      const a = makeCase(seeds, SEED, 7);
      const b = makeCase(seeds, SEED, 7);
      assert.deepEqual(a, b);
      assert.notDeepEqual(makeCase(seeds, SEED, 8).text, a.text);
      assert.notEqual(caseSeed(SEED, 1), caseSeed(SEED + 1, 1));
    });

    describe('the server over stdio', function () {
      this.timeout(120_000);
      let client: LspClient | undefined;

      before(async () => {
        client = await LspClient.start({ settings: { bulletproof: {} }, timeoutMs: SERVER_TIMEOUT_MS });
      });
      after(async () => {
        if (!client) return;
        try {
          await client.shutdown();
        } catch {
          // Already reported by the tests; make sure no process is left behind.
        } finally {
          client.kill();
        }
      });

      it(`on every ${SERVER_EVERY}th case: stays up, answers every request, every range inside the document`, async () => {
        assert.ok(client);
        const started = performance.now();
        const base = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-fuzz')).href;
        const failures: string[] = [];
        let count = 0;
        for (let index = 0; index < ENGINE_CASES; index += SERVER_EVERY) {
          const fuzzCase = makeCase(seeds, SEED, index);
          const problems = await checkServerCase(client, `${base}/case-${index}.resume.yaml`, fuzzCase.text, serverRandom(SEED, index));
          count++;
          if (problems.length) {
            failures.push(failure(fuzzCase, problems));
            // A dead or stuck server fails every later case the same way: one report is enough.
            if (problems.some((problem) => /exited|no answer|no publishDiagnostics/.test(problem))) break;
          }
        }
        console.log(`    ${count} cases through the server in ${Math.round(performance.now() - started)} ms`);
        assert.equal(failures.length, 0, `${failures.length} of ${count} server cases failed:\n${failures.slice(0, 5).join('\n')}`);
        // Still alive at the end: it shuts down cleanly when asked.
        assert.equal(await client.shutdown(), 0);
      });
    });

    describe('the engine', () => {
      it(`on ${ENGINE_CASES} mutated resumes: never throws, no rule throws, every range and fix edit inside the text`, async function () {
        this.timeout(120_000);
        const { done, failures, summary } = await engineRun;
        console.log(`    ${summary}`);
        assert.equal(failures.length, 0, `${failures.length} of ${done} cases failed:\n${failures.slice(0, 6).join('\n')}`);
        assert.equal(done, ENGINE_CASES);
      });
    });
  });
}
