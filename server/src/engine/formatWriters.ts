/**
 * Which writer turns a file's fix intents into text: one per format. YAML
 * and JSON resumes share the YAML writer, which writes JSON into JSON.
 */
import type { ResumeModel } from './document';
import { writeFixes, type FixIntent, type FormatWriter } from './fixIntent';
import type { Fix } from './types';
import { yamlWriter } from './yamlWriter';

/** The writer for the model's format: for now every resume is read as YAML. */
export function writerFor(): FormatWriter {
  return yamlWriter;
}

/** The intents as fixes for the model's text, leaving out any the writer cannot write. */
export function fixesOf(model: ResumeModel, intents: readonly FixIntent[]): Fix[] {
  return writeFixes(model, intents, writerFor());
}
