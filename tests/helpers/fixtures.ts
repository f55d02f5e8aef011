/** Small builders of create bodies, so tests say only what matters to them. */
import type {
  CreateLinkInput,
  CreateNodeInput,
  LinkKind,
  OrganisationKind,
} from '@octograph/graph-schema';

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
