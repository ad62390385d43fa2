/**
 * The writer for resumes written as YAML, and as JSON (parsed into the same
 * nodes as flow YAML; `jsonWriter.ts` asks this one): each change becomes
 * the smallest edit that keeps what the person wrote around it (comments,
 * anchors, quoting, indentation), and JSON in a JSON file. A change it
 * cannot write cleanly gives `undefined`.
 */
import { isAlias, isScalar, isSeq, type Scalar } from 'yaml';
import { aliasedScalar } from './anchors';
import type { PathEntry, ResumeModel } from './document';
import type { Change, FormatWriter, TextSpan } from './fixIntent';
import { appendTemplateEdit, setListEdit } from './listEdits';
import { appendItemEdit, insertItemEdit, moveItemEdits } from './posting/edits';
import { changeScalar, renderScalar, renderWithin } from './scalarRender';
import type { TextEdit } from './types';
import { removePairEdit, renameKeyEdit, structureIsSound } from './valueEdits';

const STR_TAG = 'tag:yaml.org,2002:str';

export const yamlWriter: FormatWriter = {
  edits(model, change) {
    const entry = model.entries.get(change.path);
    switch (change.kind) {
      case 'setText': {
        const scalar = writableScalar(model, entry);
        if (!scalar) return undefined;
        const written = change.within
          ? renderWithin(model.text, scalar, change.within, change.parts)
          : renderScalar(model.text, scalar, change.parts);
        if (!written) return undefined;
        const { range, newText, snippet } = written;
        return [snippet ? { range, newText, snippet } : { range, newText }];
      }
      case 'editText': {
        const scalar = writableScalar(model, entry);
        return scalar && [changeScalar(model.text, scalar, withSpans(String(scalar.value), change.spans))];
      }
      case 'renameKey':
        return entry?.keyRange && [renameKeyEdit(model.text, entry.keyRange, change.name)];
      case 'removeKey':
        return one(entry && removePairEdit(model, entry));
      case 'appendItem':
      case 'insertItem':
      case 'appendTemplate':
      case 'moveItem':
      case 'setList':
        return structureIsSound(model) ? structuralEdits(model, entry, change) : undefined;
      case 'removeTrailingComma':
        // YAML allows one: only the JSON writer is asked.
        return undefined;
    }
  },
};

/** The changes that add, move or replace whole items. */
type StructuralChange = Extract<Change, { kind: 'appendItem' | 'insertItem' | 'appendTemplate' | 'moveItem' | 'setList' }>;

/** Written only where the parsed structure can be trusted (`structureIsSound`). */
function structuralEdits(model: ResumeModel, entry: PathEntry | undefined, change: StructuralChange): TextEdit[] | undefined {
  const list = entry?.node;
  switch (change.kind) {
    case 'appendItem':
      return one(appendItemEdit(model, change.path, change.item));
    case 'insertItem':
      return one(isSeq(list) ? insertItemEdit(model.text, list, change.index, change.item) : undefined);
    case 'appendTemplate':
      return one(isSeq(list) ? appendTemplateEdit(model.text, list, change.parts) : undefined);
    case 'moveItem':
      return isSeq(list) ? moveItemEdits(model.text, list, change.from, change.to) : undefined;
    case 'setList':
      return one(isSeq(list) ? setListEdit(model.text, list, change.items) : undefined);
  }
}

function one(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit && [edit];
}

/**
 * The scalar holding the text at an entry, where it is written: for an
 * alias, at its anchor (every alias then changes with it). Undefined under
 * a tag other than `!!str`, which would read the new text as something else.
 */
function writableScalar(model: ResumeModel, entry: PathEntry | undefined): Scalar | undefined {
  const node = entry?.node;
  const scalar = isScalar(node) ? node : isAlias(node) ? aliasedScalar(model, node) : undefined;
  if (!scalar || (scalar.tag && scalar.tag !== STR_TAG) || isBroken(model, scalar)) return undefined;
  return scalar;
}

/** A scalar the parser found an error in (an unclosed quote): rewriting it could only guess where it ends. */
function isBroken(model: ResumeModel, scalar: Scalar): boolean {
  const [start, , end] = scalar.range ?? [0, 0, 0];
  return model.syntaxProblems.some((problem) => problem.range.start >= start && problem.range.start <= end);
}

/** `value` with each span replaced, the spans given in any order and not overlapping. */
function withSpans(value: string, spans: readonly TextSpan[]): string {
  let out = value;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}
