/**
 * Metadata of the findings that come from parsing and the schema rather than
 * from a rule file. They share the rules' contract: an id, a default
 * severity, a doc page under docs/rules/.
 */
import type { RuleMeta } from '../types';

export const structuralChecks: readonly RuleMeta[] = [
  {
    id: 'yaml/syntax',
    severity: 'error',
    description: 'The file is not valid YAML at this point.',
    fixable: false,
    tags: ['yaml'],
  },
  {
    id: 'json/syntax',
    severity: 'error',
    description: 'The file is not valid JSON at this point.',
    fixable: true,
    fixes: ['Remove the trailing comma'],
    tags: ['json'],
  },
  {
    id: 'yaml/limits',
    severity: 'info',
    description: 'The file is too large or too deeply nested for every check to run while you type.',
    fixable: false,
    tags: ['yaml'],
  },
  {
    id: 'yaml/front-matter',
    severity: 'info',
    description: 'The resume is read from a later YAML document: the one before it is front matter, not checked.',
    fixable: false,
    tags: ['yaml'],
  },
  {
    id: 'yaml/multiple-documents',
    severity: 'warning',
    description: 'Only the first YAML document in the file is the resume.',
    fixable: false,
    tags: ['yaml'],
  },
  {
    id: 'schema/unknown-key',
    severity: 'warning',
    description: 'A key the resume schema does not know: often a typo or an old JSON Resume name.',
    fixable: true,
    fixes: ['Rename to `…`', 'Rename the old JSON Resume keys (…)'],
    suggestions: ['Rename to `…`'],
    tags: ['schema'],
  },
  {
    id: 'schema/own-layout',
    severity: 'info',
    description: 'A resume in a layout of its own: its bullets and basics are read, its keys are not checked.',
    fixable: false,
    tags: ['schema'],
  },
  {
    id: 'schema/wrong-type',
    severity: 'error',
    description: 'A value of the wrong kind: text where a list belongs, a number where text belongs.',
    fixable: true,
    fixes: ['Quote it: …'],
    suggestions: ['Quote it: …'],
    tags: ['schema'],
  },
  {
    id: 'schema/invalid-date',
    severity: 'error',
    description: 'A date not written as YYYY, YYYY-MM or YYYY-MM-DD.',
    fixable: true,
    fixes: ['Change to `…`', 'Remove `endDate` (a current role has none)'],
    suggestions: ['Change to `…`'],
    tags: ['schema', 'dates'],
  },
  {
    id: 'schema/invalid-format',
    severity: 'warning',
    description: 'An e-mail address or URL that is not well formed.',
    fixable: false,
    tags: ['schema'],
  },
];
