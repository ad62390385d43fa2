/**
 * `--format sarif`: one SARIF 2.1.0 run for every file checked, the form code
 * scanning reads. Regions are 1-based, columns in UTF-16 code units (said
 * by `columnKind`), end columns exclusive, as in the JSON format.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allRuleMeta } from '../../server/src/linter';
import { docsPath } from '../../server/src/engine/rule';
import type { Fix, OffsetRange, RuleMeta, Severity } from '../../server/src/engine/types';
import type { FileReport } from './format';

/** The repository's home, as `repository.url` in package.json says (a test holds them equal). */
export const REPOSITORY_URL = 'https://github.com/bulletproof-resume/bulletproof';
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifFix {
  description: { text: string };
  artifactChanges: {
    artifactLocation: SarifArtifactLocation;
    replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[];
  }[];
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
  fixes?: SarifFix[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

export interface SarifContext {
  version: string;
  /** The folder the artifact URIs are relative to: the working directory. */
  cwd: string;
  /** False when a file could not be read or written, or a config file had a problem (exit 2). */
  executionSuccessful: boolean;
}

/** info and hint have no SARIF level of their own: both are notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}

/** The rule's doc page in the repository, where code scanning links "help". */
export function helpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/${docsPath(ruleId)}`;
}

export function buildSarif(reports: FileReport[], context: SarifContext): SarifLog {
  const rules = allRuleMeta().map(toRule);
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const ruleIndex = (ruleId: string, severity: Severity): number => {
    let index = indexOf.get(ruleId);
    if (index === undefined) {
      // Every finding names a registered rule; should one not, it still gets a descriptor.
      index = rules.push(toRule({ id: ruleId, severity, description: ruleId, fixable: false, tags: [] })) - 1;
      indexOf.set(ruleId, index);
    }
    return index;
  };
  const results = reports.flatMap((report) => {
    const artifactLocation = artifactFor(report.file, context.cwd);
    return report.findings.map((finding): SarifResult => {
      const fixes = finding.fixes.filter(isSafe).map((fix) => toSarifFix(fix, report.document, artifactLocation));
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex(finding.ruleId, finding.severity),
        level: sarifLevel(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: regionOf(report.document, finding.range) } }],
        ...(fixes.length > 0 && { fixes }),
      };
    });
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Bulletproof', version: context.version, informationUri: REPOSITORY_URL, rules } },
        invocations: [{ executionSuccessful: context.executionSuccessful }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(reports: FileReport[], context: SarifContext): string {
  return JSON.stringify(buildSarif(reports, context), null, 2);
}

function toRule(meta: RuleMeta): SarifRule {
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    helpUri: helpUri(meta.id),
    defaultConfiguration: { level: sarifLevel(meta.severity) },
  };
}

/**
 * Only what `--fix` would apply: a suggestion changes meaning, a snippet is
 * not text to insert, and a change of settings is no replacement in the file.
 */
function isSafe(fix: Fix): boolean {
  return fix.safe === true && fix.edits.length > 0 && fix.edits.every((edit) => !edit.snippet) && !fix.settings?.length;
}

function toSarifFix(fix: Fix, document: TextDocument, artifactLocation: SarifArtifactLocation): SarifFix {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: regionOf(document, edit.range),
          insertedContent: { text: edit.newText },
        })),
      },
    ],
  };
}

/** `TextDocument` counts characters in UTF-16 code units, as `columnKind` says. */
function regionOf(document: TextDocument, range: OffsetRange): SarifRegion {
  const start = document.positionAt(range.start);
  const end = document.positionAt(range.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * Under the working directory: a relative URI against `%SRCROOT%`, with
 * forward slashes and each segment percent-encoded. Elsewhere: an absolute
 * `file:` URI, since `..` would climb out of the source root.
 */
export function artifactFor(file: string, cwd: string): SarifArtifactLocation {
  const relative = path.relative(cwd, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (relative === '' || outside) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
