/**
 * The network file: every node, link and position of a store as one JSON document, written by
 * `export` and read by `import`. It carries stored records exactly (ids, timestamps, createdBy),
 * so moving a network between stores (embedded → file → Neo4j, and back) loses nothing.
 *
 * A file is self-contained: besides each record's own schema, every link must join nodes of the
 * file in a way the link rules allow, and every position must belong to a node of the file. A
 * file that parses can therefore be restored into an empty store; checking this here lets an
 * import refuse a bad file before it touches the store.
 */
import { z } from 'zod';
import { PositionSchema } from './api.js';
import { checkCarriableText, TimestampSchema } from './common.js';
import { linkEndpointProblem, LINK_RULES } from './link-rules.js';
import { LinkSchema, upgradedLink } from './links.js';
import { GraphNodeSchema, orgKindOf, type GraphNode } from './nodes.js';

/** What the `format` field of a network file says. */
export const NETWORK_FILE_FORMAT = 'octograph-network';
/** The network file version this code writes and reads. */
export const NETWORK_FILE_VERSION = 1;

const NetworkFileShapeSchema = z.strictObject({
  /** Always `octograph-network`: tells a network file from any other JSON. */
  format: z.literal(NETWORK_FILE_FORMAT, { error: `must be '${NETWORK_FILE_FORMAT}'` }),
  /** The file layout's version; a reader refuses versions it does not know. */
  version: z.literal(NETWORK_FILE_VERSION, {
    error: `must be ${NETWORK_FILE_VERSION} (the only version this Octograph reads)`,
  }),
  /** When the file was written. */
  exportedAt: TimestampSchema,
  /** Every node, as stored. */
  nodes: z.array(GraphNodeSchema),
  /** Every link, as stored (a file from before per-detail consent is read in today's shape). */
  links: z.array(z.preprocess(upgradedLink, LinkSchema)),
  /** Every saved layout position. */
  positions: z.array(z.strictObject(PositionSchema.shape)),
});
type NetworkFileShape = z.infer<typeof NetworkFileShapeSchema>;

/** Reports each id that an earlier entry of the same list already used. */
function checkUniqueIds(
  list: 'nodes' | 'links' | 'positions',
  items: readonly { id: string }[],
  ctx: z.core.$RefinementCtx,
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) firstIndex.set(item.id, index);
    else {
      ctx.addIssue({
        code: 'custom',
        path: [list, index, 'id'],
        message: `'${item.id}' is also the id of ${list}[${earlier}]`,
      });
    }
  });
}

/**
 * The references and rules a store checks on restore, checked within the file: text that every
 * format can carry, link ends and meetings are nodes of the file, link kinds join allowed kinds of node, no link repeats
 * another, and positions belong to nodes of the file.
 */
function checkReferences(file: NetworkFileShape, ctx: z.core.$RefinementCtx): void {
  checkUniqueIds('nodes', file.nodes, ctx);
  checkUniqueIds('links', file.links, ctx);
  checkUniqueIds('positions', file.positions, ctx);
  // Records are stored as they are, so text every file format can carry is checked here.
  checkCarriableText(file.nodes, ctx, ['nodes']);
  checkCarriableText(file.links, ctx, ['links']);

  const nodes = new Map<string, GraphNode>(file.nodes.map((node) => [node.id, node]));
  const seen = new Map<string, number>();
  file.links.forEach((link, index) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path: ['links', index, ...path], message });
    };
    const source = nodes.get(link.source);
    const target = nodes.get(link.target);
    if (!source) issue(['source'], `no node with id '${link.source}' in the file`);
    if (!target) issue(['target'], `no node with id '${link.target}' in the file`);
    // A link to itself never gets here: LinkSchema refuses it before these checks run.
    if (source && target) {
      const problem = linkEndpointProblem(
        link.kind,
        { kind: source.kind, orgKind: orgKindOf(source) },
        { kind: target.kind, orgKind: orgKindOf(target) },
      );
      if (problem) issue([], problem);
    }
    if (link.meetingId !== null) {
      const meeting = nodes.get(link.meetingId);
      if (!meeting) issue(['meetingId'], `no node with id '${link.meetingId}' in the file`);
      else if (meeting.kind !== 'meeting') {
        issue(['meetingId'], `'${link.meetingId}' is a ${meeting.kind}, not a meeting`);
      }
    }
    // The stores keep one link per kind and pair of ends (either way round when undirected).
    const [first, second] =
      LINK_RULES[link.kind].directed || link.source < link.target
        ? [link.source, link.target]
        : [link.target, link.source];
    const key = JSON.stringify([link.kind, first, second]);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, index);
    else issue([], `repeats links[${earlier}] (the same ${link.kind} link between these nodes)`);
  });

  file.positions.forEach((position, index) => {
    if (!nodes.has(position.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['positions', index, 'id'],
        message: `no node with id '${position.id}' in the file`,
      });
    }
  });
}

/** A network file: `{ format, version, exportedAt, nodes, links, positions }`. */
export const NetworkFileSchema = NetworkFileShapeSchema.superRefine(checkReferences);
export type NetworkFile = z.infer<typeof NetworkFileSchema>;
