/**
 * Neighbourhoods (ego networks) for the API, answered from a read model kept per store revision:
 * who is linked to whom, and each node's and link's JSON, ready to join. A coordinator clicks
 * through nodes far more often than anyone writes, and a member of a large network has a depth-2
 * neighbourhood of thousands of nodes, which is slow to gather from the database every time.
 *
 * The model is rebuilt from a snapshot when the revision changes; its walk is graph-walk's
 * (themes and places are reached, never crossed), so it answers exactly what
 * GraphStore.neighbourhood answers (tests/api/ego-view.test.ts compares them node by node).
 */
import {
  isWalkThrough,
  type GraphNode,
  type LinkKind,
  type NodeKind,
  type Subgraph,
} from '@octograph/graph-schema';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/graph-store.js';
import { RevisionCache } from './revision-cache.js';
import {
  CLASS_READERS,
  readerClass,
  seesEverything,
  visibleLink,
  visibleNode,
  type Reader,
} from './privacy.js';

/** One link of a node: the link's id and kind, and the node at its other end. */
interface Touch {
  link: string;
  kind: LinkKind;
  other: string;
}

/** A person with contact details: the node, and its JSON for each shared class of reader. */
interface Person {
  node: GraphNode;
  json: Record<keyof typeof CLASS_READERS, string>;
}

/** Everything a neighbourhood is built from, at one revision. */
interface EgoModel {
  revision: number;
  kinds: Map<string, NodeKind>;
  touches: Map<string, Touch[]>;
  /** Each node without contact details, serialised. */
  nodeJson: Map<string, string>;
  /** People with an e-mail or phone, serialised per class of reader (privacy.ts). */
  people: Map<string, Person>;
  linkJson: Map<string, string>;
  /** Links with consent or createdBy, as readers who are not editors see them (privacy.ts). */
  linkJsonHidden: Map<string, string>;
}

/** Answers neighbourhood requests from a model of the current revision. */
export class EgoView {
  private readonly cache: RevisionCache<EgoModel>;

  constructor(private readonly store: GraphStore) {
    this.cache = new RevisionCache(store, () => this.build());
  }

  /**
   * A node and everything within `depth` steps of it, with the links among them, as `reader`
   * may see it; already serialised (see json.ts).
   */
  async subgraph(id: string, depth: number, reader: Reader): Promise<Subgraph> {
    const model = await this.cache.current();
    const startKind = model.kinds.get(id);
    if (startKind === undefined) throw new NotFoundError('node', id);
    const reached = new Set([id]);
    let frontier = [id];
    for (let step = 0; step < depth && frontier.length > 0; step += 1) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const { other } of model.touches.get(node) ?? []) {
          if (reached.has(other)) continue;
          reached.add(other);
          const kind = model.kinds.get(other);
          if (kind !== undefined && isWalkThrough(kind)) next.push(other);
        }
      }
      frontier = next;
    }
    // Every link has an end a walk goes through (themes and places never link to each other),
    // so the links among the reached nodes are all found from those ends.
    const links = new Set<string>();
    for (const node of reached) {
      const kind = model.kinds.get(node);
      if (kind === undefined || !isWalkThrough(kind)) continue;
      for (const { link, other } of model.touches.get(node) ?? []) {
        if (reached.has(other)) links.add(link);
      }
    }
    const nodes = [...reached].map((node) => {
      const person = model.people.get(node);
      if (!person) return model.nodeJson.get(node) ?? 'null';
      const seenAs = readerClass(reader, node);
      return seenAs === 'personal'
        ? JSON.stringify(visibleNode(person.node, reader))
        : person.json[seenAs];
    });
    const hides = !seesEverything(reader);
    const linkTexts = [...links].map(
      (link) =>
        (hides ? model.linkJsonHidden.get(link) : undefined) ?? model.linkJson.get(link) ?? 'null',
    );
    // JSON text joined from the serialised nodes and links of a Subgraph, sent as it is (json.ts).
    const text = `{"nodes":[${nodes.join(',')}],"links":[${linkTexts.join(',')}]}`;
    return text as unknown as Subgraph;
  }

  /** The people who attended any meeting `personId` attended (themself excluded). */
  async coAttendees(personId: string): Promise<Set<string>> {
    const model = await this.cache.current();
    const found = new Set<string>();
    for (const meeting of model.touches.get(personId) ?? []) {
      if (meeting.kind !== 'ATTENDED') continue;
      for (const attendee of model.touches.get(meeting.other) ?? []) {
        if (attendee.kind === 'ATTENDED' && attendee.other !== personId) found.add(attendee.other);
      }
    }
    return found;
  }

  private async build(): Promise<EgoModel> {
    const snapshot = await this.store.snapshot();
    const kinds = new Map<string, NodeKind>();
    const nodeJson = new Map<string, string>();
    const people = new Map<string, Person>();
    const touches = new Map<string, Touch[]>();
    const linkJson = new Map<string, string>();
    const linkJsonHidden = new Map<string, string>();
    for (const node of snapshot.nodes) {
      kinds.set(node.id, node.kind);
      if (node.kind === 'person' && (node.email !== null || node.phone !== null)) {
        const json = (reader: Reader) => JSON.stringify(visibleNode(node, reader));
        people.set(node.id, {
          node,
          json: {
            everything: json(CLASS_READERS.everything),
            network: json(CLASS_READERS.network),
            public: json(CLASS_READERS.public),
          },
        });
      } else {
        nodeJson.set(node.id, JSON.stringify(node));
      }
      touches.set(node.id, []);
    }
    for (const link of snapshot.links) {
      linkJson.set(link.id, JSON.stringify(link));
      const hidden = visibleLink(link, CLASS_READERS.network);
      if (hidden !== link) linkJsonHidden.set(link.id, JSON.stringify(hidden));
      touches.get(link.source)?.push({ link: link.id, kind: link.kind, other: link.target });
      touches.get(link.target)?.push({ link: link.id, kind: link.kind, other: link.source });
    }
    return {
      revision: snapshot.revision,
      kinds,
      touches,
      nodeJson,
      people,
      linkJson,
      linkJsonHidden,
    };
  }
}
