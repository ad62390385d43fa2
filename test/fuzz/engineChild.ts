/**
 * Runs fuzz cases through the engine in a child process, watched: a case
 * that hangs is killed after a timeout, and one that exhausts the heap kills
 * only the child (a worker thread's resource limits do not stop V8 from
 * aborting the whole process). Both the mocha test and `npm run fuzz` fork
 * their own bundle with {@link CHILD_ENV} set; that bundle calls
 * {@link childMain} instead of running.
 */
import { fork } from 'node:child_process';
import { capturingWarnings, checkEngine } from './invariants';
import { loadSeedTexts, makeCase } from './mutate';

/** Set, to the child's {@link ChildInput} as JSON, in the environment of the child. */
export const CHILD_ENV = 'BULLETPROOF_FUZZ_CHILD';

export interface ChildInput {
  seed: number;
  from: number;
  cases: number;
  /** Go on after a case with problems (a hang or a crash always ends the child). */
  keepGoing: boolean;
  fixAll: boolean;
}

export type ChildMessage =
  | { type: 'begin'; index: number }
  | { type: 'done'; index: number; problems: string[]; ms: number; findings: number; fixes: number; warnings: string[] };

export type CaseResult = Extract<ChildMessage, { type: 'done' }>;

/** The input when this process is such a child. */
export function childInput(): ChildInput | undefined {
  const raw = process.env[CHILD_ENV];
  return raw ? (JSON.parse(raw) as ChildInput) : undefined;
}

/** In the child: every case from `from` on, reporting before and after each. */
export function childMain(input: ChildInput): void {
  const { texts } = loadSeedTexts();
  const send = (message: ChildMessage) => process.send?.(message);
  for (let index = input.from; index < input.cases; index++) {
    send({ type: 'begin', index });
    const fuzzCase = makeCase(texts, input.seed, index);
    const { value, warnings } = capturingWarnings(() => checkEngine(fuzzCase.text, { fixAll: input.fixAll }));
    send({ type: 'done', index, ...value, warnings });
    if (value.problems.length && !input.keepGoing) break;
  }
  process.disconnect?.();
}

export interface EngineRun {
  /** The bundle to fork: it must call {@link childMain} when {@link childInput} is set. */
  script: string;
  seed: number;
  cases: number;
  keepGoing: boolean;
  fixAll: boolean;
  /** A case that takes longer is a hang. */
  hangMs: number;
  heapMb: number;
  /** After a hang or a crash, start a new child at the next case (else stop there). */
  restart: boolean;
  onCase(result: CaseResult): void;
  /** A case the child did not finish: why. */
  onLost(index: number, why: string): void;
  /** Polled after each case: true ends the run. */
  stopped(): boolean;
}

export async function runEngineCases(run: EngineRun): Promise<void> {
  let from = 0;
  while (from < run.cases && !run.stopped()) {
    const input: ChildInput = { seed: run.seed, from, cases: run.cases, keepGoing: run.keepGoing, fixAll: run.fixAll };
    const child = fork(run.script, [], {
      env: { ...process.env, [CHILD_ENV]: JSON.stringify(input) },
      execArgv: ['--enable-source-maps', `--max-old-space-size=${run.heapMb}`],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    let current = from;
    let next = from;
    let hung = false;
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        hung = true;
        child.kill('SIGKILL');
      }, run.hangMs);
    };
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    arm();
    child.on('message', (message: ChildMessage) => {
      arm();
      if (message.type === 'begin') {
        current = message.index;
        return;
      }
      next = message.index + 1;
      run.onCase(message);
      if (run.stopped() || (message.problems.length && !run.keepGoing)) child.kill('SIGKILL');
    });
    const exit = await exited;
    clearTimeout(watchdog);
    // Done, or ended between two cases: it stopped after a failing case, as asked.
    if (run.stopped() || next >= run.cases || (next > current && !hung)) return;
    // The child stopped inside a case: a hang, or a crash (most often out of memory).
    const why = hung
      ? `lint() did not return within ${run.hangMs / 1000} s: a hang`
      : `the process running lint() died (exit ${exit.code}, signal ${exit.signal}) with a ${run.heapMb} MB heap; its stderr:\n${stderr.trim().split('\n').slice(0, 8).join('\n')}`;
    run.onLost(current, why);
    if (!run.restart) return;
    from = current + 1;
  }
}
