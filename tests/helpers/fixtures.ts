/** Small builders of create bodies, so tests say only what matters to them; facts of the demo. */
import type {
  CreateLinkInput,
  CreateNodeInput,
  LinkKind,
  OrganisationKind,
} from '@octograph/graph-schema';
import { demoNetwork } from '@octograph/seed';

/** An organisation create body. */
export function organisation(
  id: string,
  name: string,
  orgKind: OrganisationKind = 'charity',
  extra: Partial<Extract<CreateNodeInput, { kind: 'organisation' }>> = {},
): CreateNodeInput {
  return { kind: 'organisation', id, name, orgKind, ...extra };
}

/** A link create body. */
export function link(
  id: string,
  kind: LinkKind,
  source: string,
  target: string,
  extra: Partial<CreateLinkInput> = {},
): CreateLinkInput {
  return { id, kind, source, target, since: '2024-01-01', ...extra };
}

/** The seeded organisation with the most links, among those whose name no other node has. */
export function bestConnectedDemoOrganisation(): { id: string; name: string } {
  const seeded = demoNetwork();
  const links = new Map<string, number>();
  for (const link of seeded.links) {
    for (const end of [link.source, link.target]) links.set(end, (links.get(end) ?? 0) + 1);
  }
  const names = new Map<string, number>();
  for (const node of seeded.nodes) names.set(node.name, (names.get(node.name) ?? 0) + 1);
  let best: { id: string; name: string; links: number } | undefined;
  for (const node of seeded.nodes) {
    if (node.kind !== 'organisation' || node.id === undefined) continue;
    if (names.get(node.name) !== 1) continue;
    const count = links.get(node.id) ?? 0;
    if (!best || count > best.links) best = { id: node.id, name: node.name, links: count };
  }
  if (!best) throw new Error('the demo network has no organisation with a unique name');
  return best;
}
