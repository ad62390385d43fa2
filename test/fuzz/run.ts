/**
 * The long fuzz run behind `npm run fuzz` (scripts/fuzz.mjs bundles and
 * starts this file). The engine cases run in a child process, so a case that
 * hangs or eats the heap is caught by a watchdog and named; a sample of the
 * cases goes to the bundled server over stdio at the same time, from this
 * process. The first failure stops the run with the command that replays it.
 *
 *   --cases N          how many cases (default 20000)
 *   --seed S           the run's seed (default the test's; `random` for a fresh one)
 *   --case I           replay case I only: print it, write it to a file, check it
 *   --server-every K   send every Kth case to the server too (default 50; 0 for none)
 *   --keep-going       do not stop at the first failure: group all failures by kind
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LspClient } from '../support/lspClient';
import { childInput, childMain, runEngineCases } from './engineChild';
import { CASE_BUDGET_MS, capturingWarnings, checkEngine } from './invariants';
import { DEFAULT_SEED, loadSeedTexts, makeCase, repoRoot, serverRandom, type FuzzCase } from './mutate';
import { checkServerCase } from './serverInvariants';

const USAGE = `Usage: npm run fuzz -- [options]   (or node scripts/fuzz.mjs [options])
  --cases N          how many cases (default 20000)
  --seed S           the run's seed (default ${DEFAULT_SEED}, the test's; \`random\` for a fresh one)
  --case I           replay case I only: print it, write it to out/fuzz/, check it
  --server-every K   send every Kth case to the server too (default 50; 0 for none)
  --keep-going       do not stop at the first failure: group all failures by kind
  --no-build         do not rebuild dist/ first`;

/** No word from the child for this long: the case it is on hangs. */
const HANG_MS = 15_000;
/** The child's heap: a resume needs a few MB; a case past this is a memory bomb. */
const CHILD_HEAP_MB = 2048;
const SERVER_TIMEOUT_MS = 10_000;

interface Args {
  seed: number;
  cases: number;
  replayCase?: number;
  serverEvery: number;
  keepGoing: boolean;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string' },
      seed: { type: 'string' },
      case: { type: 'string' },
      'server-every': { type: 'string' },
      'keep-going': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`--${name} must be a whole number up to ${max}, not ${raw}`);
    return value;
  };
  const seed = values.seed === 'random' ? Math.floor(Math.random() * 0x100000000) : whole('seed', values.seed, DEFAULT_SEED, 0xffffffff);
  return {
    seed,
    cases: whole('cases', values.cases, 20_000),
    replayCase: values.case === undefined ? undefined : whole('case', values.case, 0),
    serverEvery: whole('server-every', values['server-every'], 50),
    keepGoing: values['keep-going'] === true,
  };
}

function replayCommand(seed: number, index: number): string {
  return `node scripts/fuzz.mjs --no-build --seed ${seed} --case ${index}`;
}

function describeCase(fuzzCase: FuzzCase): string {
  return `seed ${fuzzCase.seed}, case ${fuzzCase.index}, from ${fuzzCase.source}\n  mutations: ${fuzzCase.mutations.join('; ')}`;
}

function printProblems(problems: string[]): void {
  for (const problem of problems.slice(0, 20)) console.log(`  - ${problem.replace(/\n/g, '\n    ')}`);
  if (problems.length > 20) console.log(`  … and ${problems.length - 20} more`);
}

async function startServer(): Promise<LspClient> {
  return LspClient.start({ settings: { bulletproof: {} }, timeoutMs: SERVER_TIMEOUT_MS });
}

async function stopServer(client: LspClient | undefined): Promise<void> {
  if (!client) return;
  try {
    await client.shutdown();
  } catch {
    // Reported by the caller when it matters.
  } finally {
    client.kill();
  }
}

const caseUri = (index: number) => `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-fuzz')).href}/case-${index}.resume.yaml`;

/** `--case I`: one case, in this thread, with its text written out for a closer look. */
async function replay(args: Args, index: number): Promise<number> {
  const { texts } = loadSeedTexts();
  const fuzzCase = makeCase(texts, args.seed, index);
  const file = path.join(repoRoot(), 'out', 'fuzz', `case-${args.seed}-${index}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, fuzzCase.text);
  console.log(describeCase(fuzzCase));
  console.log(`  text (${fuzzCase.text.length} UTF-16 units) written to ${path.relative(process.cwd(), file)}`);
  const { value: engine, warnings } = capturingWarnings(() => checkEngine(fuzzCase.text, { fixAll: true }));
  console.log(
    `engine: ${engine.findings} findings, ${engine.fixes} fixes in ${Math.round(engine.ms)} ms${warnings.length ? `, ${warnings.length} process warnings` : ''}`,
  );
  printProblems(engine.problems);
  const client = await startServer();
  const server = await checkServerCase(client, caseUri(index), fuzzCase.text, serverRandom(args.seed, index));
  await stopServer(client);
  console.log(`server: ${server.length ? `${server.length} problems` : 'all requests answered, every range inside the document'}`);
  printProblems(server);
  return engine.problems.length + server.length > 0 ? 1 : 0;
}

interface Failure {
  index: number;
  where: 'engine' | 'server';
  problems: string[];
}

interface Stats {
  done: number;
  findings: number;
  fixes: number;
  warnings: number;
  warningExample: string;
  slowest: { ms: number; index: number };
  serverCases: number;
}

async function run(args: Args): Promise<number> {
  const started = performance.now();
  const { texts, corpus } = loadSeedTexts();
  console.log(
    `fuzz: ${args.cases} cases, seed ${args.seed}, ${texts.length} seed texts (${corpus ? `corpus ${corpus} and examples` : 'examples and fixtures: no corpus found'})` +
      (args.serverEvery ? `, every ${args.serverEvery}th case also through the server` : ''),
  );

  const failures: Failure[] = [];
  /** Stop at the first failure, unless --keep-going. */
  const stopped = () => failures.length > 0 && !args.keepGoing;
  const fail = (failure: Failure) => {
    if (!stopped()) failures.push(failure);
  };
  const stats: Stats = { done: 0, findings: 0, fixes: 0, warnings: 0, warningExample: '', slowest: { ms: 0, index: -1 }, serverCases: 0 };
  const engineDone = runEngineCases({
    script: __filename,
    seed: args.seed,
    cases: args.cases,
    keepGoing: args.keepGoing,
    fixAll: true,
    hangMs: HANG_MS,
    heapMb: CHILD_HEAP_MB,
    restart: args.keepGoing,
    stopped,
    onCase(result) {
      stats.done++;
      stats.findings += result.findings;
      stats.fixes += result.fixes;
      stats.warnings += result.warnings.length;
      const [warning] = result.warnings;
      if (warning !== undefined && !stats.warningExample) stats.warningExample = warning;
      if (result.ms > stats.slowest.ms) stats.slowest = { ms: result.ms, index: result.index };
      if (result.problems.length) fail({ index: result.index, where: 'engine', problems: result.problems });
    },
    onLost(index, why) {
      fail({ index, where: 'engine', problems: [why] });
    },
  });

  // A sample through the server, at the same time, on this thread.
  const serverDone = (async () => {
    if (!args.serverEvery) return;
    let client = await startServer();
    try {
      for (let index = 0; index < args.cases && !stopped(); index += args.serverEvery) {
        const fuzzCase = makeCase(texts, args.seed, index);
        const problems = await checkServerCase(client, caseUri(index), fuzzCase.text, serverRandom(args.seed, index));
        stats.serverCases++;
        if (problems.length) {
          fail({ index, where: 'server', problems });
          // With --keep-going, a server that died or hangs is replaced for the next case.
          if (!stopped() && problems.some((problem) => /exited|no answer|no publishDiagnostics/.test(problem))) {
            client.kill();
            client = await startServer();
          }
        }
      }
    } finally {
      await stopServer(client);
    }
  })();

  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${stats.done}/${args.cases} cases (${Math.round(stats.done / seconds)}/s), ${stats.serverCases} through the server, slowest ${Math.round(stats.slowest.ms)} ms (case ${stats.slowest.index}), ${Math.round(seconds)} s`,
    );
  }, 10_000);
  try {
    await Promise.all([engineDone, serverDone]);
  } finally {
    clearInterval(progress);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (failures.length) {
    // Grouped by kind (the first problem with its numbers and quoted text blanked), first case of each shown.
    const kinds = new Map<string, Failure[]>();
    for (const failure of failures) {
      const kind = `${failure.where}: ${(failure.problems[0]?.split('\n')[0] ?? '').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N')}`;
      kinds.set(kind, [...(kinds.get(kind) ?? []), failure]);
    }
    console.log(`\nFAILED after ${seconds} s and ${stats.done} cases: ${failures.length} failing case(s), ${kinds.size} kind(s)`);
    for (const [kind, group] of kinds) {
      const [first] = group;
      if (!first) continue;
      const fuzzCase = makeCase(texts, args.seed, Math.max(0, first.index));
      console.log(`\n[${group.length}×] ${kind}\n${describeCase(fuzzCase)}`);
      printProblems(first.problems);
      console.log(`  replay: ${replayCommand(args.seed, first.index)}`);
      if (group.length > 1)
        console.log(
          `  also cases ${group
            .slice(1, 11)
            .map((f) => f.index)
            .join(', ')}${group.length > 11 ? ', …' : ''}`,
        );
    }
    return 1;
  }
  console.log(
    `\nfuzz: ${stats.done} cases passed (seed ${args.seed}) in ${seconds} s: ${stats.findings} findings, ${stats.fixes} fixes checked; ` +
      `slowest case ${stats.slowest.index} at ${Math.round(stats.slowest.ms)} ms (budget ${CASE_BUDGET_MS} ms); ` +
      `${stats.serverCases} cases through the server` +
      (stats.warnings ? `; ${stats.warnings} process warnings from the engine, e.g. "${stats.warningExample.slice(0, 100)}"` : ''),
  );
  return 0;
}

const asChild = childInput();
if (asChild && require.main === module) {
  childMain(asChild);
} else if (require.main === module) {
  let args: Args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  (args.replayCase === undefined ? run(args) : replay(args, args.replayCase)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
