/**
 * The server side of "Convert Resume to Another Layout…": the document's
 * text (the open one, else the text the client sent) converted by the
 * engine, returned as text for the client to open unsaved. Nothing is
 * written to disk here.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONVERT_TARGETS, convertResume, sourceName, TARGET_NAMES, type ConvertTarget } from '../engine/convert/convert';
import type { ConvertParams, ConvertResult } from '../protocol';
import { Invalid, isRecord, type Parsed } from './params';

export function convertParams(raw: unknown): Parsed<ConvertParams> {
  if (!isRecord(raw) || typeof raw.uri !== 'string' || !(CONVERT_TARGETS as readonly unknown[]).includes(raw.to)) {
    return new Invalid(
      `expected { uri: string, to: ${CONVERT_TARGETS.map((target) => JSON.stringify(target)).join(' | ')}, text?: string }`,
    );
  }
  if (raw.text !== undefined && typeof raw.text !== 'string') return new Invalid('text should be a string');
  return { uri: raw.uri, to: raw.to as ConvertTarget, text: raw.text };
}

export function convertDocument(params: ConvertParams, document: TextDocument | undefined): ConvertResult {
  const text = document?.getText() ?? params.text;
  if (text === undefined) return { ok: false, message: 'The document is not open.' };
  // An editor keeps a BOM in the text; the engine reads the resume without it.
  const converted = convertResume(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, params.to);
  if (!converted.ok) return { ok: false, message: `Cannot convert this resume: ${converted.message}.` };
  const from = sourceName(converted);
  const count = converted.notes.length;
  return {
    ok: true,
    text: converted.text,
    language: converted.language,
    notes: converted.notes.map((note) => (note.path ? `${note.path}: ${note.message}` : note.message)),
    summary: `Converted ${from} to ${TARGET_NAMES[params.to]}: ${count === 0 ? 'nothing changed form' : `${count} ${count === 1 ? 'note' : 'notes'}`}.`,
  };
}
