/**
 * The item kinds this server lists, each with its source. Built once in app.ts from the sources
 * the features export, and handed to the radius and map queries, so the shared layer never
 * imports a feature.
 */
import type { ItemKind } from '../geo/schemas.js';
import type { ItemSource } from './item-source.js';

export class ItemRegistry {
  private readonly sources = new Map<ItemKind, ItemSource>();

  constructor(sources: readonly ItemSource[]) {
    for (const source of sources) {
      if (this.sources.has(source.kind)) throw new Error(`Two item sources for kind "${source.kind}"`);
      this.sources.set(source.kind, source);
    }
  }

  source(kind: ItemKind): ItemSource | undefined {
    return this.sources.get(kind);
  }

  /** Whether the name is a kind this server lists. */
  has(kind: unknown): kind is ItemKind {
    return typeof kind === 'string' && this.sources.has(kind as ItemKind);
  }

  /** The kinds that exist, in the order used to break distance ties. */
  kinds(): ItemKind[] {
    return [...this.sources.keys()].sort();
  }

  /** The sources that add live properties to stored ones, for the all-kinds index. */
  withLiveProps(): ItemSource[] {
    return this.kinds()
      .map((kind) => this.sources.get(kind)!)
      .filter((source) => source.liveProps !== undefined);
  }
}
