/**
 * Anchors and aliases: `postalCode: &zip 94107` … `postalCode: *zip`. A fix
 * that removes an anchored value would leave its aliases dangling (invalid
 * YAML), and one that rewrites an anchored value changes every alias too;
 * a fix on an alias must change the anchored value, never the alias itself.
 * These answer "who else stands for this node" for the fix writers.
 */
import { isAlias, isScalar, visit, type Alias, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { PathEntry, ResumeModel } from './document';
import { derivedSlot } from './derived';

interface AliasIndex {
  targetOf: Map<Alias, YamlNode>;
  aliasesOf: Map<YamlNode, Alias[]>;
}

/**
 * One pass per model (kept in `model.derived`). An edit updates a document in
 * place, an anchored scalar included, so the next model finds its own.
 */
const ALIAS_INDEX = derivedSlot<AliasIndex>('alias index');

function aliasIndex(model: ResumeModel, document: Document): AliasIndex {
  return model.derived.get(ALIAS_INDEX, () => indexAliases(document));
}

function indexAliases(document: Document): AliasIndex {
  const index: AliasIndex = { targetOf: new Map(), aliasesOf: new Map() };
  // As the `yaml` package resolves: the last node with the anchor before the alias, in document order.
  const latest = new Map<string, YamlNode>();
  const found = index;
  visit(document, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (!target) return;
        found.targetOf.set(node, target);
        const list = found.aliasesOf.get(target) ?? [];
        list.push(node);
        found.aliasesOf.set(target, list);
      } else if (node.anchor) {
        latest.set(node.anchor, node);
      }
    },
  });
  return index;
}

/** The aliases in the resume that stand for `node`. */
export function aliasesOf(model: ResumeModel, node: YamlNode | null | undefined): readonly Alias[] {
  if (!node || !model.hasAliases || !model.document || isAlias(node) || !node.anchor) return [];
  return aliasIndex(model, model.document).aliasesOf.get(node) ?? [];
}

/** The scalar an alias stands for; undefined when it stands for a collection or nothing. */
export function aliasedScalar(model: ResumeModel, alias: Alias): Scalar | undefined {
  if (!model.document) return undefined;
  const target = aliasIndex(model, model.document).targetOf.get(alias);
  return isScalar(target) ? target : undefined;
}

/**
 * Every place the value of `node` shows up: its own entry and each alias's,
 * where the index has one. Undefined when some place has no path (an alias
 * that is a list item, a node inside an aliased collection): a caller that
 * must know every use then offers nothing safe. `found` is the entry the
 * caller reached it by, which holds either `node` or an alias of it.
 */
export function placesOf(model: ResumeModel, node: YamlNode, found: PathEntry): PathEntry[] | undefined {
  const aliases = aliasesOf(model, node);
  if (aliases.length === 0 && found.node === node) return [found];
  const byNode = entriesByNode(model);
  const places: PathEntry[] = [];
  for (const use of [node, ...aliases]) {
    const entry = byNode.get(use);
    if (!entry) return undefined;
    places.push(entry);
  }
  return places;
}

/** Only asked for in models with aliases; one pass per model (kept in `model.derived`). */
const ENTRIES_BY_NODE = derivedSlot<Map<YamlNode, PathEntry>>('entries by node');

function entriesByNode(model: ResumeModel): Map<YamlNode, PathEntry> {
  return model.derived.get(ENTRIES_BY_NODE, () => {
    const byNode = new Map<YamlNode, PathEntry>();
    for (const entry of model.entries.values()) if (entry.node) byNode.set(entry.node, entry);
    return byNode;
  });
}
