/**
 * Which writer turns a file's fix intents into text: one per format, as the
 * model was parsed.
 */
import type { ResumeModel } from './document';
import { writeFixes, type FixIntent, type FormatWriter } from './fixIntent';
import { jsonWriter } from './jsonWriter';
import type { Fix } from './types';
import { yamlWriter } from './yamlWriter';

/** The writer for the model's format. */
export function writerFor(model: ResumeModel): FormatWriter {
  return model.format === 'json' ? jsonWriter : yamlWriter;
}

/** The intents as fixes for the model's text, leaving out any the writer cannot write. */
export function fixesOf(model: ResumeModel, intents: readonly FixIntent[]): Fix[] {
  return writeFixes(model, intents, writerFor(model));
}
