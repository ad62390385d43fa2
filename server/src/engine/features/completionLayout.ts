/**
 * What completion needs to know of the file, from its last reading: the
 * layout (which keys and templates fit), RenderCV's section types, and the
 * values already written (a YAMLResume layout's `engine` decides its
 * templates).
 */
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { PathSegment, ResumeModel } from '../model';
import { isObject, JSON_RESUME_KEYS } from '../layouts/common';
import type { LayoutId } from '../layouts/ids';
import { sectionTypeOf } from '../layouts/renderCv';
import type { RenderCvEntryType } from '../layouts/renderCvSections';

export interface CompletionLayout {
  layout: LayoutId;
  sectionType: (title: string) => RenderCvEntryType | undefined;
  /**
   * The value written at `path` (as completion reads it, every item index
   * 0) in the items holding `offset`: the `engine` of the layout being typed.
   */
  valueAt: (path: readonly PathSegment[], offset: number) => unknown;
}

export function completionLayoutOf(model: ResumeModel): CompletionLayout {
  return {
    layout: startedLayout(model) ?? model.layout.id,
    sectionType: (title) => sectionTypeOf(model, title),
    valueAt: (path, offset) => valueAt(model.value, itemsAt(model.document?.contents ?? null, path, offset)),
  };
}

/**
 * A root key with nothing readable under it yet (the first key being typed
 * under it) says the layout all the same, beside none of JSON Resume's keys:
 * `cv` is RenderCV's header, `content` YAMLResume's resume.
 */
function startedLayout(model: ResumeModel): LayoutId | undefined {
  const root = model.value;
  if (model.layout.reason !== 'default' || !isObject(root)) return undefined;
  // JSON Resume has no `cv`.
  if ('cv' in root) return 'rendercv';
  if ('content' in root && !Object.keys(root).some((key) => JSON_RESUME_KEYS.has(key))) return 'yamlresume';
  return undefined;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(value) : !isObject(value)) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** `path` with each item index replaced by that of the item holding `offset`: the last one starting before it. */
function itemsAt(root: YamlNode | null, path: readonly PathSegment[], offset: number): PathSegment[] {
  const resolved: PathSegment[] = [];
  let node: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      let index = 0;
      node.items.forEach((item, at) => {
        if (((item as YamlNode | null)?.range?.[0] ?? Infinity) <= offset) index = at;
      });
      resolved.push(index);
      node = node.items[index];
    } else {
      resolved.push(segment);
      node = isMap(node) ? node.get(segment, true) : undefined;
    }
  }
  return resolved;
}
