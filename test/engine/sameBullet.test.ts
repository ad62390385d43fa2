/** The same bullet gets the same advice whichever layout holds it: the backend example as JSON Resume and as RenderCV. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { adviceByBullet, lintText } from '../helpers';
import type { LintResult } from '../../server/src/linter';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

describe('the same bullet in two layouts', () => {
  for (const role of ['backend', 'general'] as const) {
    it(`gets the same findings in backend.resume.yaml and backend_CV.yaml (${role})`, () => {
      const read = (name: string, edit: (text: string) => string) =>
        lintText(edit(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')), { fileName: name, role });
      // Weaken a few bullets the same way in both, so there is advice to compare.
      const weaken = (text: string) =>
        text
          .replace('Designed a payments API handling 4M requests/day at 99.98% availability', 'Was responsible for various payment APIs')
          .replace('Mentored 4 engineers through their first on-call rotations', 'Mentor engineers')
          .replace('Built a gRPC rate-quote service', 'I built a gRPC rate-quote service');
      const json = read('backend.resume.yaml', weaken);
      const renderCv = read('backend_CV.yaml', weaken);
      assert.equal(renderCv.model.layout.id, 'rendercv');
      const jsonAdvice = adviceByBullet(json);
      const renderCvAdvice = adviceByBullet(renderCv);
      // Every highlight and the summary are bullets in both; RenderCV's project `summary` is JSON Resume's `description`, not a bullet.
      const highlights = (result: LintResult) =>
        result.model.bullets.filter((bullet) => bullet.kind === 'highlight' || bullet.section === 'basics').map((b) => b.text);
      assert.deepEqual(highlights(renderCv).sort(), highlights(json).sort());
      const shared = [...jsonAdvice.keys()].filter((text) => renderCvAdvice.has(text)).sort();
      assert.deepEqual(shared, [...jsonAdvice.keys()].sort());
      for (const text of shared) assert.deepEqual(renderCvAdvice.get(text), jsonAdvice.get(text), text);
      const advised = [...jsonAdvice.values()].filter((advice) => advice.length > 0).length;
      assert.ok(advised >= 3, `only ${advised} bullets advised: the comparison proves little`);
    });
  }
});
