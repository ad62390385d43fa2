/**
 * Each layout's file is checked against its own schema: JSON Resume's
 * (`validateSchema.ts`), RenderCV's, YAMLResume's. A layout of its own has
 * none: one note says its keys are not checked, instead of a warning on
 * every key JSON Resume does not know.
 */
import type { ResumeModel } from '../document';
import type { MemoContext } from '../memo';
import { describeLayout } from '../layouts/ids';
import { rootAnchor } from '../layouts/common';
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
    case 'other':
      return [ownLayoutNote(model)];
  }
}

function ownLayoutNote(model: ResumeModel): RawFinding {
  return {
    ruleId: 'schema/own-layout',
    range: rootAnchor(model),
    message:
      `This file is ${describeLayout(model.layout)}: its bullets, name, contacts and entries are read and advised on, ` +
      'but its keys are not checked against a schema. Write it as JSON Resume, RenderCV or YAMLResume to have them checked.',
  };
}
