/**
 * What the commands share to read `.bulletproof.yaml`: the nearest config
 * file per folder, up to the repository's root, each problem printed once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMeta } from '../../server/src/linter';
import { ConfigLookup, readConfigFile, type ConfigFile } from '../../server/src/node/config';
import { listOf } from '../../server/src/engine/settings';
import { UsageError } from './inputs';

/** Config files read once per folder; each problem printed once, with its place. */
export class ConfigFiles {
  hadProblems = false;
  private readonly lookup: ConfigLookup;
  private readonly printed = new Set<string>();
  private readonly knownRuleIds: readonly string[];

  constructor(
    private readonly nameOf: (file: string) => string,
    private readonly err: (text: string) => void,
  ) {
    this.knownRuleIds = allRuleMeta().map((meta) => meta.id);
    this.lookup = new ConfigLookup((config) => this.print(config), this.knownRuleIds);
  }

  /** `--config FILE`: one that cannot be read at all is a usage error. */
  explicit(file: string): ConfigFile {
    const config = readConfigFile(file, this.knownRuleIds);
    if (config.readError !== undefined) throw new UsageError(`cannot read the config ${file}: ${config.readError}.`);
    this.print(config);
    return config;
  }

  nearest(dir: string): ConfigFile | undefined {
    return this.lookup.nearest(dir, gitRootOf(dir));
  }

  private print(config: ConfigFile): void {
    if (this.printed.has(config.path)) return;
    this.printed.add(config.path);
    for (const problem of config.located) {
      this.err(`bulletproof: ${this.nameOf(config.path)}:${problem.line}:${problem.column}: ${problem.message}`);
      this.hadProblems = true;
    }
  }
}

/** Config lookup stops at the repository's root, like the editor stops at the workspace's. */
export function gitRootOf(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** A flag's value among its allowed values, else a usage error that lists them. */
export function oneOf<V extends string>(flag: string, value: string | boolean, allowed: readonly V[]): V {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as V;
  throw new UsageError(`${flag} must be ${listOf(allowed, 'or')}, not ${value}.`);
}

/** `it does not exist (ENOENT)`: the reason, and the code a script can match. */
export function why(failure: { reason: string; code?: string }): string {
  return failure.code ? `${failure.reason} (${failure.code})` : failure.reason;
}
