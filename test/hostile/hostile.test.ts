/**
 * Hostile input (see inputs.ts): each must get a clear diagnostic in bounded
 * time and memory, through the engine and through the bundled server, and
 * the server must stay up and answer what comes next. The CLI, given a
 * binary file, says so in one diagnostic, without a stack trace, and prints
 * nothing meant for a developer. The nesting guard must not take brackets in
 * text for nesting.
 *
 * `lint()` runs in a child process (this same file, with
 * BULLETPROOF_HOSTILE_CHILD set): a hang is killed at the time limit and an
 * out-of-memory abort kills only the child, so a bug fails its test instead
 * of stalling or crashing the whole run. The child reports its own peak RSS;
 * the server's is its VmHWM (Linux only).
 *
 * Time is judged in CPU time (the child's own, the server's from /proc):
 * on a machine busy with other work, wall-clock time says more about the
 * neighbours than about the code. Wall-clock time only catches a hang, at a
 * bound many times what the slowest input takes on an idle machine.
 */
import * as assert from 'node:assert/strict';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/linter';
import type { Severity } from '../../server/src/engine/types';
import { rangeProblems } from '../fuzz/invariants';
import { lspRangeProblems } from '../fuzz/serverInvariants';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { HOSTILE, MAX_FINDINGS, unreadable, type Expectation, type HostileInput } from './inputs';
import { cpuMsOf, peakRssMb } from './processStats';

/** CPU time to the first diagnostics. Generous: a resume takes milliseconds; ten seconds is a hang to a person typing. */
const TIME_LIMIT_MS = 10_000;
/**
 * Wall-clock time after which lint() or the server is taken to hang: the
 * slowest input (a 200,000-item sequence) takes 3.4 s on an idle machine,
 * and a 50 MB resume took 71 s of wall time for 1.3 s of CPU on a machine
 * running four test suites on two cores. The CPU limit above judges speed.
 */
const HANG_LIMIT_MS = 180_000;
/** Peak RSS of the process that read the input; a bare Node process is about 40 MB. */
const MEMORY_LIMIT_MB = 1024;
/** Once the diagnostics are out, the next request must be quick: it takes milliseconds on an idle machine. */
const NEXT_REQUEST_MS = 5000;
const CHILD_ENV = 'BULLETPROOF_HOSTILE_CHILD';

/** A finding as the child reports it: enough to judge it, small enough to send. */
interface Seen {
  ruleId: string;
  severity: Severity;
  message: string;
}

type ChildMessage =
  | { type: 'generated'; length: number }
  | {
      type: 'result';
      ms: number;
      cpuMs: number;
      count: number;
      distinct: Seen[];
      rangeProblems: string[];
      ruleErrors: string[];
      maxRssMb: number;
    }
  | { type: 'threw'; ms: number; error: string; maxRssMb: number };

type EngineOutcome =
  | Extract<ChildMessage, { type: 'result' | 'threw' }>
  | { type: 'timeout' }
  | { type: 'died'; code: number | null; signal: NodeJS.Signals | null; stderr: string };

interface ServerOutcome {
  ms?: number;
  /** The server's CPU time from open to diagnostics; undefined where there is no /proc. */
  cpuMs?: number;
  diagnostics?: Diagnostic[];
  rangeProblems: string[];
  /** Why it failed: no diagnostics in time, no answer, or the process died. */
  error?: string;
  completionMs?: number;
  peakRssMb?: number;
}

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** In the child: lint each input the parent names, and report; the parent does the judging. */
function childMain(): void {
  const send = (message: ChildMessage) => process.send?.(message);
  const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
  process.on('message', (name: string) => {
    const input = HOSTILE.find((candidate) => candidate.name === name);
    if (!input) throw new Error(`no hostile input ${name}`);
    const text = input.make();
    send({ type: 'generated', length: text.length });
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    try {
      const result = lint(text, { today: new Date('2026-06-15T00:00:00Z'), format: input.format ?? 'yaml' });
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(startedCpu);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const distinct = new Map<string, Seen>();
      for (const finding of result.findings) {
        const key = `${finding.ruleId}\0${finding.severity}\0${finding.message}`;
        if (distinct.size < 200 && !distinct.has(key))
          distinct.set(key, { ruleId: finding.ruleId, severity: finding.severity, message: finding.message });
      }
      send({
        type: 'result',
        ms,
        cpuMs,
        count: result.findings.length,
        distinct: [...distinct.values()],
        rangeProblems: result.findings.flatMap((finding) => rangeProblems(text, finding.range, finding.ruleId)).slice(0, 5),
        ruleErrors: result.ruleErrors.map(({ ruleId, error }) => `${ruleId}: ${error instanceof Error ? error.message : String(error)}`),
        maxRssMb: peak(),
      });
    } catch (error) {
      send({
        type: 'threw',
        ms: performance.now() - started,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        maxRssMb: peak(),
      });
    }
  });
}

/**
 * `lint()` in a child process with a bounded heap, killed at the time limit.
 * One child serves input after input (a fork costs a third of a second);
 * after a hang or a crash the next input gets a new one. Its peak RSS is the
 * peak so far, so the first input that reports one over the limit is the one
 * that pushed it there.
 */
class LintChild {
  private child: ChildProcess | undefined;
  private stderr = '';

  run(input: HostileInput): Promise<EngineOutcome> {
    const child = this.child ?? this.start();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (outcome: EngineOutcome) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const kill = (outcome: EngineOutcome) => {
        this.discard();
        done(outcome);
      };
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'generated') return done(message);
        // The hang limit runs from when lint() starts.
        clearTimeout(timer);
        timer = setTimeout(() => kill({ type: 'timeout' }), HANG_LIMIT_MS);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = undefined;
        done({ type: 'died', code, signal, stderr: this.stderr });
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      // Generating a big input takes a moment: a generous bound before lint() starts.
      timer = setTimeout(() => kill({ type: 'timeout' }), 60_000);
      child.send(input.name);
    });
  }

  discard(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private start(): ChildProcess {
    this.stderr = '';
    const child = fork(__filename, [], {
      env: { ...process.env, [CHILD_ENV]: '1' },
      // Heap above the memory limit: the limit is judged on the peak RSS, an abort past this is a crash.
      execArgv: [`--max-old-space-size=${MEMORY_LIMIT_MB * 2}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child = child;
    return child;
  }
}

/** One server for the inputs it survives; a new one after any that breaks it. */
class Servers {
  private client: LspClient | undefined;

  async get(): Promise<LspClient> {
    this.client ??= await LspClient.start({ settings: { bulletproof: {} }, timeoutMs: NEXT_REQUEST_MS });
    return this.client;
  }

  discard(): void {
    this.client?.kill();
    this.client = undefined;
  }

  async stop(): Promise<number | null | undefined> {
    const client = this.client;
    this.client = undefined;
    if (!client) return undefined;
    try {
      return await client.shutdown();
    } finally {
      client.kill();
    }
  }
}

async function throughServer(servers: Servers, input: HostileInput, text: string): Promise<ServerOutcome> {
  const outcome: ServerOutcome = { rangeProblems: [] };
  const format = input.format ?? 'yaml';
  const uri = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-hostile')).href}/${input.name}.resume.${format}`;
  let client: LspClient | undefined;
  try {
    client = await servers.get();
    const started = performance.now();
    const startedCpu = cpuMsOf(client.pid);
    await client.open(uri, text, format);
    const published = await client.waitForDiagnostics(uri, { version: 1, timeoutMs: HANG_LIMIT_MS });
    outcome.ms = performance.now() - started;
    const cpuMs = cpuMsOf(client.pid);
    if (startedCpu !== undefined && cpuMs !== undefined) outcome.cpuMs = cpuMs - startedCpu;
    outcome.diagnostics = published.diagnostics;
    const document = client.document(uri);
    outcome.rangeProblems = published.diagnostics.flatMap((d) => lspRangeProblems(document, d.range, String(d.code))).slice(0, 5);
    const asked = performance.now();
    const end = document.positionAt(text.length);
    await client.request(CompletionRequest.type, { textDocument: { uri }, position: end }, NEXT_REQUEST_MS);
    outcome.completionMs = performance.now() - asked;
    outcome.peakRssMb = peakRssMb(client.pid);
    await client.close(uri);
  } catch (error) {
    outcome.error = error instanceof Error ? error.message.slice(0, 2000) : String(error);
    if (client) outcome.peakRssMb = peakRssMb(client.pid);
    servers.discard();
  }
  return outcome;
}

/** A message as a failure shows it: shortened, control characters escaped. */
function quote(message: string): string {
  const short = message.length > 120 ? `${message.slice(0, 120)}…` : message;
  return JSON.stringify(short).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Fails with one readable line per problem. */
function assertNone(problems: string[], summary: string): void {
  if (problems.length) assert.fail(`${summary}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
}

/** What is wrong with these findings for this input, or an empty list. */
function judge(expect: Expectation, count: number, seen: Seen[]): string[] {
  const problems: string[] = [];
  if (count > MAX_FINDINGS) problems.push(`${count} findings: more than ${MAX_FINDINGS} is a flood, not a clear diagnostic`);
  const wanted = expect.ruleId
    ? seen.some((finding) => finding.ruleId === expect.ruleId && (!expect.message || expect.message.test(finding.message)))
    : expect.anyError
      ? seen.some((finding) => finding.severity === 'error')
      : true;
  const got = () =>
    seen
      .slice(0, 6)
      .map((f) => `${f.ruleId} (${f.severity}) ${quote(f.message)}`)
      .join('; ') || 'nothing';
  if (!wanted) {
    const what = expect.ruleId ? `${expect.ruleId}${expect.message ? ` matching ${expect.message}` : ''}` : 'an error';
    problems.push(`expected ${what}; got ${got()}`);
  }
  for (const ruleId of expect.also ?? []) {
    if (!seen.some((finding) => finding.ruleId === ruleId))
      problems.push(`expected a ${ruleId} finding too (the rest of the file checked); got ${got()}`);
  }
  for (const finding of seen.filter((candidate) => expect.none?.includes(candidate.ruleId))) {
    problems.push(`expected no ${finding.ruleId} finding; got ${quote(finding.message)}`);
  }
  const unclear = seen.flatMap((finding) => {
    const why = unreadable(finding.message);
    return why ? [`${finding.ruleId}: ${quote(finding.message)} is not a message a person understands: ${why}`] : [];
  });
  problems.push(...unclear.slice(0, 3));
  if (unclear.length > 3) problems.push(`… and ${unclear.length - 3} more such messages`);
  return problems;
}

if (process.env[CHILD_ENV]) {
  childMain();
} else {
  describe('hostile input', function () {
    const servers = new Servers();
    const linter = new LintChild();
    // With two cores, the engine's child and the server work on the input at the same time.
    const parallel = (os.availableParallelism?.() ?? os.cpus().length) >= 2;

    after(async () => {
      linter.discard();
      await servers.stop().catch(() => undefined);
    });

    for (const input of HOSTILE) {
      describe(input.title, function () {
        // Generating the input, then lint() and the server each up to the hang limit.
        this.timeout(60_000 + 2 * HANG_LIMIT_MS);
        let engine: EngineOutcome;
        let server: ServerOutcome;

        before(async () => {
          const started = performance.now();
          const text = input.make();
          if (parallel) {
            [engine, server] = await Promise.all([linter.run(input), throughServer(servers, input, text)]);
          } else {
            engine = await linter.run(input);
            server = await throughServer(servers, input, text);
          }
          const lintMs = engine.type === 'result' ? `${Math.round(engine.ms)} ms (CPU ${Math.round(engine.cpuMs)} ms)` : engine.type;
          const serverCpu = server.cpuMs === undefined ? '' : ` (CPU ${Math.round(server.cpuMs)} ms)`;
          const serverMs = server.ms === undefined ? 'failed' : `${Math.round(server.ms)} ms${serverCpu}`;
          console.log(
            `      ${text.length.toLocaleString('en-US')} characters: lint() ${lintMs}, server ${serverMs}; ${Math.round(performance.now() - started)} ms in all`,
          );
        });

        it(`lint(): returns within ${TIME_LIMIT_MS / 1000} s of CPU time and ${MEMORY_LIMIT_MB} MB, with a clear diagnostic`, () => {
          if (engine.type === 'timeout') assert.fail(`lint() did not return within ${HANG_LIMIT_MS / 1000} s`);
          if (engine.type === 'died') {
            assert.fail(
              `the process running lint() died (exit ${engine.code}, signal ${engine.signal}):\n${engine.stderr.split('\n').slice(0, 8).join('\n')}`,
            );
          }
          if (engine.type === 'threw')
            assert.fail(`lint() threw after ${Math.round(engine.ms)} ms:\n${engine.error.split('\n').slice(0, 8).join('\n')}`);
          const problems = [
            ...engine.ruleErrors.map((e) => `a rule threw: ${e}`),
            ...engine.rangeProblems,
            ...judge(input.expect, engine.count, engine.distinct),
          ];
          if (engine.cpuMs > TIME_LIMIT_MS) problems.push(`took ${Math.round(engine.cpuMs)} ms of CPU time`);
          if (engine.maxRssMb > MEMORY_LIMIT_MB) problems.push(`peak RSS ${engine.maxRssMb} MB`);
          assertNone(
            problems,
            `${Math.round(engine.ms)} ms (CPU ${Math.round(engine.cpuMs)} ms), ${engine.count} findings, peak RSS so far ${engine.maxRssMb} MB`,
          );
        });

        it(`the server: diagnostics within ${TIME_LIMIT_MS / 1000} s of CPU time, then answers a completion request, memory bounded`, () => {
          if (server.error) assert.fail(server.error);
          const diagnostics = server.diagnostics ?? [];
          const seen = diagnostics.map((d) => ({
            ruleId: String(d.code),
            severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error],
            message: typeof d.message === 'string' ? d.message : d.message.value,
          }));
          const distinct = [...new Map(seen.map((f) => [`${f.ruleId}\0${f.severity}\0${f.message}`, f])).values()].slice(0, 200);
          const problems = [...server.rangeProblems, ...judge(input.expect, diagnostics.length, distinct)];
          // Without /proc there is no CPU time: then the wall clock, at the hang limit.
          if (server.cpuMs !== undefined ? server.cpuMs > TIME_LIMIT_MS : (server.ms ?? 0) > HANG_LIMIT_MS) {
            problems.push(
              `diagnostics took ${Math.round(server.ms ?? 0)} ms (CPU ${server.cpuMs === undefined ? '?' : Math.round(server.cpuMs)} ms)`,
            );
          }
          if (server.peakRssMb !== undefined && server.peakRssMb > MEMORY_LIMIT_MB)
            problems.push(`the server's peak RSS is ${server.peakRssMb} MB`);
          assertNone(
            problems,
            `diagnostics after ${Math.round(server.ms ?? 0)} ms, completion after ${Math.round(server.completionMs ?? 0)} ms, peak RSS ${server.peakRssMb ?? '?'} MB`,
          );
        });
      });
    }

    describe('afterwards', () => {
      it('the server is up, checks a resume, and shuts down cleanly', async () => {
        const client = await servers.get();
        const uri = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-hostile')).href}/after.resume.yaml`;
        await client.open(uri, 'basics:\n  name: Sam Lee\n');
        const published = await client.waitForDiagnostics(uri, { version: 1 });
        assert.ok(published.diagnostics.some((d) => d.code === 'completeness'));
        assert.equal(await servers.stop(), 0);
      });
    });
  });

  describe('the nesting guard does not cry wolf', () => {
    it('brackets inside a block scalar are text, not nesting: the file is checked', () => {
      const text = [
        'basics:',
        '  name: Sam Lee',
        '  summary: |',
        ...Array.from({ length: 120 }, () => '    see [docs'),
        'work:',
        '  - name: Acme',
        '    highlights:',
        '      - Successfully cut latency by 40%',
        '',
      ].join('\n');
      const { findings } = lint(text, { today: new Date('2026-06-15T00:00:00Z') });
      assert.deepEqual(
        findings.filter((f) => /nests more than/.test(f.message)).map((f) => f.message),
        [],
        '120 unbalanced `[` in a literal block are not 120 levels of nesting',
      );
      assert.ok(
        findings.some((f) => f.ruleId === 'filler'),
        'the bullets were not checked',
      );
    });
  });

  describe('the CLI on hostile files', function () {
    this.timeout(30_000);
    const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
    let dir: string;

    before(() => {
      assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-hostile-cli-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const files: { name: string; bytes: () => Buffer }[] = [
      {
        name: 'random bytes (with NULs)',
        bytes: () => Buffer.from(HOSTILE.find((i) => i.name === 'binary-latin1')?.make() ?? '', 'latin1'),
      },
      { name: 'Latin-1 text (not UTF-8, no NUL)', bytes: () => Buffer.from('basics:\n  name: Ren\xe9 Lef\xe8vre\n', 'latin1') },
      { name: 'only NULs', bytes: () => Buffer.alloc(4096) },
    ];
    it('an alias to a map used as a key: findings, and no Node warning on stderr', () => {
      const target = path.join(dir, 'alias-key.resume.yaml');
      fs.writeFileSync(target, 'basics: &x {name: Sam}\n*x : 1\n');
      const run = spawnSync(process.execPath, [CLI, target], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}\n${run.stderr}`);
      assert.match(run.stdout, /schema\/unknown-key/);
      assert.equal(run.stderr, '', 'the person sees a warning meant for a developer');
    });

    for (const file of files) {
      it(`${file.name}: exit 1, one error diagnostic, no stack trace`, () => {
        const target = path.join(dir, 'binary.resume.yaml');
        const bytes = file.bytes();
        assert.ok(bytes.length > 0);
        fs.writeFileSync(target, bytes);
        const text = spawnSync(process.execPath, [CLI, target], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(text.status, 1, `exit ${text.status}\n${text.stdout}\n${text.stderr}`);
        assert.doesNotMatch(text.stderr, /\n\s+at .+:\d+:\d+\)?$/m, `a stack trace on stderr:\n${text.stderr}`);
        const lines = text.stdout.trim().split('\n');
        assert.equal(lines.length, 2, `one diagnostic and the summary:\n${text.stdout}`);
        assert.match(lines[0] ?? '', /^binary\.resume\.yaml:1:1 error \S+ .*not a text file/);
        assert.match(lines[1] ?? '', /1 problem \(1 error\)/);

        const json = spawnSync(process.execPath, [CLI, '--format', 'json', target], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(json.status, 1);
        assert.equal(json.stderr, '');
        const findings = JSON.parse(json.stdout) as { line: number; column: number; severity: string; message: string }[];
        const [finding] = findings;
        assert.ok(finding && findings.length === 1, json.stdout);
        assert.deepEqual(
          { line: finding.line, column: finding.column, severity: finding.severity },
          { line: 1, column: 1, severity: 'error' },
        );
        assert.equal(unreadable(finding.message), undefined);
      });
    }
  });
}
