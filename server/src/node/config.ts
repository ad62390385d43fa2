/**
 * Settings from three places, merged the same way in the editor and the CLI:
 * built-in defaults, then editor settings or command-line flags, then a
 * `.bulletproof.yaml` beside the resume or in a parent folder, which wins
 * where it speaks so that the editor and CI agree.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintOptions } from '../engine/types';
import type { Settings } from '../engine/settings';
import { postingLoader } from './posting';
import { READ_LIMITS, readRegularFile } from './readFile';
import {
  CONFIG_FILE_NAMES,
  configFileFromBytes,
  resumeSetupWith,
  type ConfigFile,
  type ResumePlace,
  type SettingLayers,
} from '../engine/configText';

export { DEFAULT_SETTINGS, mergeSettings, normalizeSettings, type Settings } from '../engine/settings';
export {
  CONFIG_FILE_NAMES,
  parseConfigText,
  type ConfigFile,
  type ConfigProblem,
  type ResumePlace,
  type SettingLayers,
} from '../engine/configText';

/** The nearest config file from `dir` up to `stopAt` (inclusive), or the filesystem root. */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current || (stopAt && path.resolve(current) === path.resolve(stopAt))) return undefined;
    current = parent;
  }
}

/** Config files read once per folder; `onRead` hears of each file read (to say its problems). */
export class ConfigLookup {
  private readonly byFolder = new Map<string, ConfigFile | undefined>();

  constructor(
    private readonly onRead: (config: ConfigFile) => void = () => {},
    private readonly knownRuleIds?: readonly string[],
  ) {}

  /** The nearest config file from `dir` up to `stopAt` (or the filesystem root), read. */
  nearest(dir: string, stopAt?: string): ConfigFile | undefined {
    if (!this.byFolder.has(dir)) {
      const found = findConfigFile(dir, stopAt);
      const config = found ? readConfigFile(found, this.knownRuleIds) : undefined;
      if (config) this.onRead(config);
      this.byFolder.set(dir, config);
    }
    return this.byFolder.get(dir);
  }

  /** A config file changed on disk. */
  clear(): void {
    this.byFolder.clear();
  }
}

/** The settings a resume is checked with and the lint options they give, the same in the editor and the CLI; postings read from disk. */
export function resumeSetup(place: ResumePlace, layers: SettingLayers): { settings: Settings; lintOptions: LintOptions } {
  return resumeSetupWith(place, layers, postingLoader);
}

/** Reads a config file (regular files only, at most 512 KB). `knownRuleIds`, when given, catches misspelt rule ids. */
export function readConfigFile(file: string, knownRuleIds?: readonly string[]): ConfigFile {
  return configFileFromBytes(file, readRegularFile(file, READ_LIMITS.configBytes), knownRuleIds);
}
