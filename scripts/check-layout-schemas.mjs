// Checks schemas/rendercv.schema.json and schemas/yamlresume.schema.json:
// both compile with the options scripts/build-schema.mjs uses, every RenderCV
// file of the corpus validates (apart from the known rejections listed below),
// the layout fixtures validate or fail as each one says, and the examples
// validate. Prints one summary line; exits 1 on any failure.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = resolve(root, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const fixturesDir = join(root, 'test/fixtures/layouts');

// Corpus files RenderCV's own checks (or the YAML 1.2 spec) reject, each with
// the exact problems expected, so a change in the schema or the file shows up.
const knownCorpusRejections = {
  // A double-quoted summary continues on lines less indented than its key:
  // invalid YAML 1.2, though the lenient PyYAML-style loader RenderCV uses reads it.
  '047.yaml': ['yaml MISSING_CHAR at line 98'],
  // `cv` takes no keys of your own in current RenderCV (1.13 to 2.4 allowed them).
  '063.yaml': ['/cv additionalProperties label_as_an_arbitrary_key'],
};

function compile(name) {
  // The options of scripts/build-schema.mjs, so what passes here compiles there.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['email', 'uri']);
  ajv.addKeyword('markdownDescription');
  return ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')));
}

/** The problems of one YAML file against one validator, as short strings. */
function problems(validate, file) {
  if (!existsSync(file)) return { text: '', found: ['file not found'] };
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text, { schema: 'core' });
  // The first YAML error only: the ones after it follow from it.
  const found = doc.errors.slice(0, 1).map((error) => `yaml ${error.code} at line ${error.linePos?.[0].line}`);
  if (found.length === 0 && !validate(doc.toJS())) {
    for (const error of validate.errors ?? []) {
      const extra = error.keyword === 'additionalProperties' ? ` ${error.params.additionalProperty}` : '';
      found.push(`${error.instancePath || '/'} ${error.keyword}${extra}`);
    }
  }
  return { text, found };
}

/** The `# expect:` lines at the top of an invalid fixture: problems that must be reported. */
function expectedProblems(text) {
  return [...text.matchAll(/^# expect: (.+)$/gm)].map((match) => match[1].trim());
}

const yamlFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(dir, name))
    : [];

const validators = { rendercv: compile('rendercv.schema.json'), yamlresume: compile('yamlresume.schema.json') };
const failures = [];
const counts = { corpus: 0, known: 0, valid: 0, invalid: 0, examples: 0 };
const show = (file) => relative(root, file);

function expectValid(layout, file, counter) {
  const { found } = problems(validators[layout], file);
  if (found.length > 0) failures.push(`${show(file)} should be valid ${layout}: ${found.join('; ')}`);
  counts[counter] += 1;
}

function expectInvalid(layout, file) {
  const { text, found } = problems(validators[layout], file);
  const expected = expectedProblems(text);
  if (expected.length === 0) failures.push(`${show(file)} has no '# expect:' line`);
  else if (found.length === 0) failures.push(`${show(file)} should be invalid ${layout} but validates`);
  for (const want of expected) {
    if (!found.some((problem) => problem.startsWith(want))) {
      failures.push(`${show(file)} should report "${want}"; reported: ${found.join('; ') || 'nothing'}`);
    }
  }
  counts.invalid += 1;
}

const corpus = yamlFiles(corpusDir).filter((file) => /^0(4[7-9]|5[0-9]|6[0-3])\.yaml$/.test(file.split('/').pop()));
for (const file of corpus) {
  const known = knownCorpusRejections[file.split('/').pop()];
  if (!known) {
    expectValid('rendercv', file, 'corpus');
    continue;
  }
  const { found } = problems(validators.rendercv, file);
  if (found.join('\n') !== known.join('\n')) {
    failures.push(`corpus ${file}: expected exactly [${known.join('; ')}], got [${found.join('; ')}]`);
  }
  counts.known += 1;
}
if (existsSync(corpusDir) && corpus.length !== 17)
  failures.push(`expected the 17 RenderCV corpus files in ${corpusDir}, found ${corpus.length}`);

for (const layout of ['rendercv', 'yamlresume']) {
  const valid = yamlFiles(join(fixturesDir, layout, 'valid'));
  const invalid = yamlFiles(join(fixturesDir, layout, 'invalid'));
  if (valid.length === 0 || invalid.length === 0) failures.push(`no ${layout} fixtures in ${show(join(fixturesDir, layout))}`);
  for (const file of valid) expectValid(layout, file, 'valid');
  for (const file of invalid) expectInvalid(layout, file);
}

expectValid('rendercv', join(root, 'examples/backend_CV.yaml'), 'examples');
expectValid('yamlresume', join(root, 'examples/backend.yamlresume.yaml'), 'examples');

const corpusNote = existsSync(corpusDir)
  ? `${counts.corpus} corpus files valid, ${counts.known} known rejections as expected`
  : `corpus not found at ${corpusDir} (set BULLETPROOF_CORPUS)`;
const summary = `layout schemas: ${corpusNote}; ${counts.valid} valid and ${counts.invalid} invalid fixtures; ${counts.examples} examples; ${failures.length} failures`;
for (const failure of failures) console.error(`  ${failure}`);
console.log(summary);
process.exitCode = failures.length === 0 ? 0 : 1;
