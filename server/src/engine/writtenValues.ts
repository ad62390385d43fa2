/**
 * What is written at a path, for rules that must tell a value written out
 * from one an alias repeats: the plain value (`model.value`) cannot.
 */
import { isScalar, isSeq } from 'yaml';
import type { ResumeModel } from './model';

/** The value of the scalar written at `path`; undefined for a list, a mapping, an alias or nothing. */
export function scalarValueAt(model: ResumeModel, path: string): unknown {
  const node = model.entries.get(path)?.node;
  return isScalar(node) ? node.value : undefined;
}

/** How many items the list written at `path` has; undefined when no list is written there. */
export function listLengthAt(model: ResumeModel, path: string): number | undefined {
  const node = model.entries.get(path)?.node;
  return isSeq(node) ? node.items.length : undefined;
}
