// Runs a composite action's steps as a GitHub runner does, in a local shell:
// each `run:` with `bash --noprofile --norc -eo pipefail`, in the workspace,
// with the variables the runner sets. Only the expressions action.yml uses are
// evaluated; any other, or a step this runner cannot run, throws: a runner that
// guessed would test nothing.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const EXPRESSION = /\$\{\{\s*(.*?)\s*\}\}/g;
const STEP_KEYS = new Set(['name', 'id', 'shell', 'run', 'env', 'working-directory']);

/** action.yml in `actionPath`, checked to be a composite action whose steps this runner can run. */
export function readAction(actionPath) {
  const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
  if (action?.runs?.using !== 'composite') throw new Error('action.yml is not a composite action');
  for (const [index, step] of action.runs.steps.entries()) {
    const where = `step ${index + 1} (${step.name ?? step.id ?? 'unnamed'})`;
    const unknown = Object.keys(step).filter((key) => !STEP_KEYS.has(key));
    if (unknown.length) throw new Error(`${where}: this runner does not run ${unknown.join(', ')}`);
    if (step.shell !== 'bash') throw new Error(`${where}: shell is ${step.shell}, not bash`);
    // An expression in the script text is spliced in before bash reads it: script injection.
    if (/\$\{\{/.test(step.run)) throw new Error(`${where}: an expression inside run:, pass it through env:`);
  }
  return action;
}

/** The value of one `${{ … }}` expression, or a throw for one this runner does not know. */
function evaluate(expression, context) {
  let match;
  if ((match = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expression))) {
    const declared = context.action.inputs?.[match[1]];
    if (!declared) throw new Error(`\${{ ${expression} }}: no such input in action.yml`);
    return String(context.inputs[match[1]] ?? declared.default ?? '');
  }
  if (expression === 'github.action_path') return context.actionPath;
  if ((match = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(expression))) {
    return context.stepOutputs[match[1]]?.[match[2]] ?? '';
  }
  throw new Error(`\${{ ${expression} }}: this runner does not evaluate it`);
}

export function substitute(text, context) {
  return String(text).replace(EXPRESSION, (_whole, expression) => evaluate(expression, context));
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT and GITHUB_ENV. */
export function parseCommandFile(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2], i + 1);
      if (end < 0) throw new Error(`${block[1]}: no closing ${block[2]}`);
      values[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0) throw new Error(`not name=value: ${line}`);
    values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}

/** The variables a runner gives every step; nothing of npm's own (this runs under `npm run`). */
function baseEnv(actionPath, workspace, runnerTemp) {
  const env = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'USER', 'TERM']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return {
    ...env,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTION_PATH: actionPath,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
  };
}

/**
 * Runs the action's steps in `workspace` with `inputs` until one fails, as a
 * job does. Returns the combined log, the failing step's exit code (0 when all
 * passed), each step's outputs and the action's outputs.
 */
export function runAction(actionPath, workspace, inputs, { pathPrefix, timeoutMs = 15 * 60_000 } = {}) {
  actionPath = resolve(actionPath);
  const action = readAction(actionPath);
  for (const name of Object.keys(inputs)) {
    if (!action.inputs?.[name]) throw new Error(`input ${name} is not declared in action.yml`);
  }
  const runnerTemp = mkdtempSync(join(workspace, '..', 'runner-temp-'));
  const context = { action, actionPath, inputs, stepOutputs: {} };
  const jobEnv = {};
  let log = '';
  let exitCode = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    const script = join(runnerTemp, `step-${index + 1}.sh`);
    writeFileSync(script, step.run);
    const files = { GITHUB_OUTPUT: join(runnerTemp, `output-${index + 1}`), GITHUB_ENV: join(runnerTemp, `env-${index + 1}`) };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env = { ...baseEnv(actionPath, workspace, runnerTemp), ...jobEnv, ...files };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(value, context);
    if (pathPrefix) env.PATH = `${pathPrefix}:${env.PATH}`;
    const cwd = step['working-directory'] ? resolve(workspace, substitute(step['working-directory'], context)) : workspace;
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    log += run.stdout + run.stderr;
    if (step.id) context.stepOutputs[step.id] = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    Object.assign(jobEnv, parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8')));
    if (run.status !== 0) {
      exitCode = run.status ?? 1;
      break;
    }
  }
  const outputs = {};
  for (const [name, output] of Object.entries(action.outputs ?? {})) outputs[name] = substitute(output.value, context);
  return { log, exitCode, stepOutputs: context.stepOutputs, outputs };
}

/** An empty workspace beside the others in `root`, holding `files` (name → text). */
export function makeWorkspace(root, name, files) {
  const workspace = join(root, name, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const path = join(workspace, file);
    mkdirSync(join(path, '..'), { recursive: true });
    if (existsSync(path)) throw new Error(`${file} given twice`);
    appendFileSync(path, text);
  }
  return workspace;
}
