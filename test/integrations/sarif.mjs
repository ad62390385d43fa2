// The SARIF 2.1.0 schema check of test/cli/sarif.test.ts, for plain scripts:
// the same checked-in schema, never fetched.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sarifValidator(root) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')));
}
