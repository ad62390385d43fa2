/** Layout detection: by content, by file name, forced by the `layout` setting, and when the content looks like two. */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { detectLayout, describeLayout } from '../../server/src/engine/layouts';
import { parseResume } from '../../server/src/engine/document';
import { checkSettings } from '../../server/src/engine/settings';
import { lintText } from '../helpers';

const RENDERCV = 'cv:\n  name: Alex Rivera\n  sections:\n    experience:\n      - company: Acme\n        position: Engineer\n';
const JSON_RESUME = 'basics:\n  name: Alex Rivera\nwork:\n  - name: Acme\n';
const YAMLRESUME = 'content:\n  basics:\n    name: Alex Rivera\n  education: []\n';

const detect = (text: string, options = {}) => detectLayout(parse(text) as unknown, options);

describe('layout detection', () => {
  it('by content: `cv.sections` is RenderCV, `content.basics` YAMLResume, `basics` JSON Resume', () => {
    assert.deepEqual(detect(RENDERCV), { id: 'rendercv', reason: 'content', evidence: '`cv.sections`' });
    assert.deepEqual(detect(YAMLRESUME), { id: 'yamlresume', reason: 'content', evidence: '`content.basics`' });
    assert.deepEqual(detect(JSON_RESUME), { id: 'json-resume', reason: 'content', evidence: '`basics`' });
  });

  it('by content: `cv` beside RenderCV settings keys, or beside no JSON Resume key, is RenderCV', () => {
    assert.deepEqual(detect('cv:\n  name: A\ndesign:\n  theme: classic\n'), {
      id: 'rendercv',
      reason: 'content',
      evidence: '`cv` and `design`',
    });
    assert.deepEqual(detect('cv:\n  name: A\ndesing: x\n'), { id: 'rendercv', reason: 'content', evidence: '`cv`' });
    assert.deepEqual(detect('cv:\n  name: A\nwork: []\n'), { id: 'json-resume', reason: 'content', evidence: '`work`' });
    assert.deepEqual(detect('cv: A\n'), { id: 'json-resume', reason: 'default' });
  });

  it('the content wins over the file name', () => {
    assert.equal(detect(JSON_RESUME, { fileName: '/home/a/Alex_Rivera_CV.yaml' }).id, 'json-resume');
    assert.equal(detect(RENDERCV, { fileName: 'resume.yaml' }).id, 'rendercv');
  });

  it('by name, when the content says nothing: `*_CV.yaml` is RenderCV; other names are JSON Resume', () => {
    assert.deepEqual(detect('{}', { fileName: 'C:\\cv\\Alex_Rivera_CV.yaml' }), {
      id: 'rendercv',
      reason: 'file name',
      evidence: 'the file name `*_CV.yaml`',
    });
    assert.deepEqual(detect('{}', { fileName: 'alex_cv.txt.yaml' }), { id: 'json-resume', reason: 'default' });
    assert.deepEqual(detect('{}', { fileName: 'resume.yaml' }), { id: 'json-resume', reason: 'default' });
  });

  it('forced by the setting, whatever the content and name; `auto` detects', () => {
    assert.deepEqual(detect(JSON_RESUME, { layout: 'rendercv', fileName: 'resume.yaml' }), {
      id: 'rendercv',
      reason: 'setting',
      evidence: '`layout: rendercv`',
    });
    assert.equal(detect(RENDERCV, { layout: 'json-resume' }).id, 'json-resume');
    assert.equal(detect(RENDERCV, { layout: 'auto' }).id, 'rendercv');
  });

  it('ambiguous content (both `cv.sections` and `basics`): the file name decides, else JSON Resume', () => {
    const both = `${RENDERCV}basics:\n  name: A\n`;
    assert.deepEqual(detect(both), { id: 'json-resume', reason: 'content', evidence: '`basics`' });
    assert.deepEqual(detect(both, { fileName: 'Alex_CV.yaml' }), { id: 'rendercv', reason: 'content', evidence: '`cv.sections`' });
  });

  it('not a mapping, or nothing: JSON Resume by default', () => {
    for (const text of ['', '- a\n- b\n', 'just text\n']) assert.deepEqual(detect(text), { id: 'json-resume', reason: 'default' });
  });

  it('says what it read the file as, and why', () => {
    assert.equal(describeLayout(detect(RENDERCV)), 'read as RenderCV (detected from `cv.sections`)');
    assert.equal(describeLayout(detect('{}', { fileName: 'A_CV.yaml' })), 'read as RenderCV (from the file name `*_CV.yaml`)');
    assert.equal(describeLayout(detect(RENDERCV, { layout: 'json-resume' })), 'read as JSON Resume (set by `layout: json-resume`)');
    assert.equal(describeLayout(detect('{}')), 'read as JSON Resume');
  });

  it('the model carries the layout, and its bullets are the layout’s', () => {
    const model = parseResume(
      'cv:\n  sections:\n    Work:\n      - company: Acme\n        position: Engineer\n        highlights:\n          - Built the API\n',
    );
    assert.equal(model.layout.id, 'rendercv');
    assert.deepEqual(
      model.bullets.map((bullet) => [bullet.path, bullet.kind, bullet.section, bullet.entryPath]),
      [['cv.sections.Work[0].highlights[0]', 'highlight', 'work', 'cv.sections.Work[0]']],
    );
  });

  it('YAMLResume is checked like the others: its summary is a bullet, its schema is YAMLResume’s', () => {
    const text = `${YAMLRESUME}  work:\n    - name: A\n      summary: I was responsible for various things\n`;
    const findings = lintText(text).findings;
    assert.ok(!findings.some((finding) => finding.ruleId.startsWith('layout/')), 'no note about the layout');
    const found = (ruleId: string) =>
      findings.filter((finding) => finding.ruleId === ruleId).map((finding) => text.slice(finding.range.start, finding.range.end));
    assert.deepEqual(found('filler'), ['various']);
    assert.deepEqual(found('schema/wrong-type'), ['name', 'name', 'A']);
  });

  it('the `layout` setting: the four values, and a misspelt one', () => {
    assert.deepEqual(checkSettings({ layout: 'rendercv' }), { settings: { layout: 'rendercv' }, problems: [] });
    assert.deepEqual(checkSettings({ layout: 'rendrcv' }).problems, [
      {
        message: '`layout` should be `auto`, `json-resume`, `rendercv` or `yamlresume`; did you mean `rendercv`?',
        path: ['layout'],
        on: 'value',
        severity: 'error',
      },
    ]);
  });
});
