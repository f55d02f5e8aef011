import type { CreateLinkInput, CreateNodeInput } from '@octograph/graph-schema';

/** A network ready to be written to a store: nodes first, then links between them. */
export interface SeedNetwork {
  /** Every node, each with a fixed id so seeding twice writes nothing new. */
  nodes: CreateNodeInput[];
  /** Every link, each with a fixed id, between nodes of `nodes`. */
  links: CreateLinkInput[];
}
