/**
 * Each layout's file is checked against its own schema: JSON Resume's
 * (`validateSchema.ts`), RenderCV's, YAMLResume's.
 */
import type { ResumeModel } from '../document';
import type { MemoContext } from '../memo';
import { validateAgainstSchema, type RawFinding } from './validateSchema';
import { validateRenderCv } from './renderCvSchema';
import { validateYamlResumeSchema } from './yamlResumeSchema';

export function validateLayoutSchema(model: ResumeModel, memo?: MemoContext): RawFinding[] {
  switch (model.layout.id) {
    case 'json-resume':
      return validateAgainstSchema(model, memo);
    case 'rendercv':
      return validateRenderCv(model, memo);
    case 'yamlresume':
      return validateYamlResumeSchema(model, memo);
  }
}
