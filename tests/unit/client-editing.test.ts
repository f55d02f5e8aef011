/**
 * Editing on the map, its pure parts: the forms declared per kind in graph-schema (held to the
 * schemas), the link kinds two nodes may have, the form values and bodies, the server's problems
 * by field, what a conflict means for the form, the node picker's choices, and the editor store.
 */
import {
  CREATABLE_NODE_KINDS,
  LINK_FORM,
  linkChoices,
  linkFormFor,
  NODE_FORMS,
  NODE_KINDS,
  UpdateLinkBodySchema,
  UpdateNodeBodySchema,
  type GraphNode,
  type Link,
} from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import { editorReducer, INITIAL_EDITOR } from '../../client/src/features/editing/editor-store.js';
import {
  bodyOf,
  conflictOf,
  issuesByField,
  keepMine,
  newNodeValues,
  patchOf,
  valuesOf,
} from '../../client/src/features/editing/form-values.js';
import {
  foldName,
  nameMatches,
  pickerChoices,
  type PickerNode,
} from '../../client/src/features/editing/picker-choices.js';
import { en } from '../../client/src/i18n/en.js';

/** The fields a PATCH may change for each kind, from the schema itself. */
function editableFields(kind: string): string[] {
  // Every field of a patch is optional: the option that takes `{ kind }` alone is the kind's.
  const option = UpdateNodeBodySchema.options.find(
    (candidate) => candidate.safeParse({ kind }).success,
  );
  if (!option) throw new Error(`no update schema for ${kind}`);
  return Object.keys(option.shape).filter((key) => key !== 'kind' && key !== 'expectedVersion');
}

const ORGANISATION: GraphNode = {
  kind: 'organisation',
  id: 'harbour-lights',
  name: 'Harbour Lights Choir',
  since: '2020-01-01',
  until: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  orgKind: 'community_group',
  description: 'Sings on Thursdays',
  website: null,
  values: ['Caring', 'Listening'],
  offers: [],
  needs: ['A hall'],
  status: 'active',
  founded: 1998,
};

const PERSON: GraphNode = {
  kind: 'person',
  id: 'ola',
  name: 'Ola Nowak',
  since: null,
  until: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  role: 'Coordinator',
  email: { value: 'ola@example.org', visibility: 'network' },
  phone: null,
};

describe('the editing forms (graph-schema NODE_FORMS and LINK_FORM)', () => {
  it.each(NODE_KINDS.map((kind) => [kind]))(
    'has exactly the editable fields of a %s, each with an English label',
    (kind) => {
      const names = NODE_FORMS[kind].map((field) => field.name);
      expect([...names].sort()).toEqual(editableFields(kind).sort());
      for (const name of names) expect(en.fields).toHaveProperty(name);
    },
  );

  it('has every editable field of a link but its consent (recorded on the meeting screen)', () => {
    const names = LINK_FORM.map((field) => field.name).sort();
    const schema = Object.keys(UpdateLinkBodySchema.shape)
      .filter((key) => key !== 'consent' && key !== 'expectedVersion')
      .sort();
    expect(names).toEqual(schema);
  });

  it('shows the kind of collaboration only on a collaboration, and the role only on a partnership', () => {
    const names = (kind: Parameters<typeof linkFormFor>[0]) =>
      linkFormFor(kind).map((field) => field.name);
    expect(names('COLLABORATES_WITH')).toContain('collaborationType');
    expect(names('COLLABORATES_WITH')).not.toContain('role');
    expect(names('PARTNER_IN')).toContain('role');
    expect(names('MEMBER_OF')).not.toContain('collaborationType');
  });

  it('lets every kind of node be added', () => {
    expect([...CREATABLE_NODE_KINDS].sort()).toEqual([...NODE_KINDS].sort());
  });
});

describe('linkChoices', () => {
  const org = { kind: 'organisation', orgKind: 'charity' } as const;
  const network = { kind: 'organisation', orgKind: 'network' } as const;
  const person = { kind: 'person', orgKind: null } as const;
  const project = { kind: 'project', orgKind: null } as const;
  const theme = { kind: 'theme', orgKind: null } as const;

  it('offers membership first between an organisation and a network, in the right direction', () => {
    const choices = linkChoices(network, org);
    expect(choices[0]).toEqual({ kind: 'MEMBER_OF', source: org, target: network });
    expect(choices.map((choice) => choice.kind)).toContain('COLLABORATES_WITH');
  });

  it('offers staff first for a person and an organisation, whichever was picked first', () => {
    for (const choices of [linkChoices(person, org), linkChoices(org, person)]) {
      expect(choices.map((choice) => choice.kind)).toEqual([
        'WORKS_AT',
        'VOLUNTEERS_AT',
        'MEMBER_OF',
      ]);
      for (const choice of choices) expect(choice.source).toBe(person);
    }
  });

  it('offers only what the link rules allow, and nothing for two themes', () => {
    expect(linkChoices(project, org).map((choice) => choice.kind)).toEqual(['PARTNER_IN', 'FUNDS']);
    expect(linkChoices(theme, org).map((choice) => choice.kind)).toEqual(['FOCUSES_ON']);
    expect(linkChoices(theme, theme)).toEqual([]);
    expect(linkChoices(person, person)).toEqual([]);
  });
});

describe('form values', () => {
  const fields = NODE_FORMS.organisation;

  it('shows a stored node as text, and sends back what it was', () => {
    const values = valuesOf(fields, ORGANISATION);
    expect(values.values).toBe('Caring, Listening');
    expect(values.founded).toBe('1998');
    expect(values.website).toBe('');
    const body = bodyOf(fields, values);
    expect(body).toMatchObject({
      name: 'Harbour Lights Choir',
      orgKind: 'community_group',
      values: ['Caring', 'Listening'],
      website: null,
      founded: 1998,
      until: null,
    });
  });

  it('patches only the fields that changed', () => {
    const before = valuesOf(fields, ORGANISATION);
    const after = { ...before, description: 'Sings on Fridays', needs: 'A hall, A piano' };
    expect(patchOf(fields, before, after)).toEqual({
      description: 'Sings on Fridays',
      needs: ['A hall', 'A piano'],
    });
    expect(patchOf(fields, before, before)).toEqual({});
  });

  it('keeps a contact detail and its visibility together', () => {
    const personFields = NODE_FORMS.person;
    const before = valuesOf(personFields, PERSON);
    expect(before['email.visibility']).toBe('network');
    const after = { ...before, 'email.visibility': 'public' };
    expect(patchOf(personFields, before, after)).toEqual({
      email: { value: 'ola@example.org', visibility: 'public' },
    });
    expect(patchOf(personFields, before, { ...before, email: '' })).toEqual({ email: null });
  });

  it('sends a year that is not a number as typed, so the server names the problem', () => {
    const values = { ...valuesOf(fields, ORGANISATION), founded: 'nineteen' };
    expect(bodyOf(fields, values).founded).toBe('nineteen');
  });

  it('starts a new organisation as an active community group with the typed name', () => {
    const values = newNodeValues('organisation', 'Northgate Pigeon Fanciers');
    expect(values).toMatchObject({
      name: 'Northgate Pigeon Fanciers',
      orgKind: 'community_group',
      status: 'active',
    });
    expect(newNodeValues('meeting', 'Breakfast').date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("puts the server's problems on the fields they name", () => {
    const byField = issuesByField(fields, [
      { path: 'body.website', message: 'must be an http or https address' },
      { path: 'body.values[2]', message: 'must not be empty' },
      { path: 'body.somethingElse', message: 'is not a known field' },
    ]);
    expect(byField.get('website')).toEqual(['must be an http or https address']);
    expect(byField.get('values')).toEqual(['must not be empty']);
    expect(byField.get('')).toEqual(['is not a known field']);
  });
});

describe('a conflict (someone else saved meanwhile)', () => {
  const fields = NODE_FORMS.organisation;
  const base = valuesOf(fields, ORGANISATION);
  const mine = { ...base, description: 'Mine', status: 'dormant' };
  const theirs = { ...base, description: 'Theirs', website: 'https://choir.example.org' };

  it('names what they changed, and which of those I changed too', () => {
    const conflict = conflictOf(fields, base, mine, theirs);
    expect(conflict.theirs.map((field) => field.name)).toEqual(['description', 'website']);
    expect(conflict.both.map((field) => field.name)).toEqual(['description']);
  });

  it('keeps my changes on top of theirs, and keeps theirs where I changed nothing', () => {
    const merged = keepMine(fields, base, mine, theirs);
    expect(merged.description).toBe('Mine');
    expect(merged.status).toBe('dormant');
    expect(merged.website).toBe('https://choir.example.org');
    // Saved against their version, the patch carries only what I changed.
    expect(Object.keys(patchOf(fields, theirs, merged)).sort()).toEqual(['description', 'status']);
  });
});

describe('the node picker', () => {
  const node = (
    id: string,
    name: string,
    kind: PickerNode['kind'] = 'organisation',
  ): PickerNode => ({
    id,
    name,
    kind,
    orgKind: kind === 'organisation' ? 'charity' : null,
  });

  it('finds names without accents or case, by the start of any word', () => {
    expect(foldName('Klub Seniora „Złota Jesień”')).toBe('klub seniora „zlota jesien”');
    expect(nameMatches('Klub Seniora „Złota Jesień”', 'zlota jes')).toBe(true);
    expect(nameMatches('Harbourside Food Bank', 'food')).toBe(true);
    expect(nameMatches('Harbourside Food Bank', 'bakery')).toBe(false);
  });

  it('lists the preferred that match first, then the others, once each, only those accepted', () => {
    const attendees = [node('a', 'Ola Nowak', 'person'), node('b', 'Food Bank')];
    const found = [node('b', 'Food Bank'), node('c', 'Food Hub'), node('d', 'Wellbeing', 'theme')];
    const choices = pickerChoices({
      text: 'fo',
      preferred: attendees,
      found,
      accepts: (candidate) => candidate.kind !== 'theme',
      exclude: [],
    });
    expect(choices.map((choice) => [choice.id, choice.preferred])).toEqual([
      ['b', true],
      ['c', false],
    ]);
  });

  it('ranks names that start a word with what was typed before other matches', () => {
    const found = [
      node('a', 'Amira Haddad', 'person'),
      node('e', 'Employment and skills', 'theme'),
      node('m', "Harbourside Men's Shed"),
    ];
    const choices = pickerChoices({
      text: 'men',
      preferred: [],
      found,
      accepts: () => true,
      exclude: [],
    });
    expect(choices.map((choice) => choice.id)).toEqual(['m', 'a', 'e']);
  });

  it('never lists an excluded node (the one being linked from)', () => {
    const choices = pickerChoices({
      text: '',
      preferred: [node('a', 'A'), node('b', 'B')],
      found: [],
      accepts: () => true,
      exclude: ['a'],
    });
    expect(choices.map((choice) => choice.id)).toEqual(['b']);
  });
});

describe('the editor store', () => {
  it('has at most one dialog open, and closing twice changes nothing', () => {
    const open = editorReducer(INITIAL_EDITOR, {
      type: 'open',
      dialog: { type: 'link', source: 'a', target: null },
    });
    const other = editorReducer(open, {
      type: 'open',
      dialog: { type: 'deleteNode', nodeId: 'a' },
    });
    expect(other.dialog).toEqual({ type: 'deleteNode', nodeId: 'a' });
    const closed = editorReducer(other, { type: 'close' });
    expect(closed.dialog).toBeNull();
    expect(editorReducer(closed, { type: 'close' })).toBe(closed);
  });

  it('counts notices, so the same words twice are still a new notice', () => {
    const first = editorReducer(INITIAL_EDITOR, { type: 'notice', message: 'Saved', auditId: 4 });
    const second = editorReducer(first, { type: 'notice', message: 'Saved', auditId: 4 });
    expect(second.notice?.serial).toBe((first.notice?.serial ?? 0) + 1);
  });
});

describe('a link as the link form shows it', () => {
  const link: Link = {
    id: 'l1',
    kind: 'COLLABORATES_WITH',
    source: 'a',
    target: 'b',
    since: '2025-03-01',
    until: null,
    strength: 2,
    notes: '',
    meetingId: null,
    collaborationType: 'shared_space',
    role: null,
    consent: null,
    createdBy: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
  };

  it('patches the strength as a number', () => {
    const fields = linkFormFor(link.kind);
    const before = valuesOf(fields, link);
    expect(before.strength).toBe('2');
    expect(patchOf(fields, before, { ...before, strength: '3' })).toEqual({ strength: 3 });
  });
});
