/**
 * The History dialog's sentences (client/src/features/account/audit-summary.ts): each change of an
 * audit entry in words, in English, with the names of what it changed.
 */
import type { AuditChange, GraphNode } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  actorName,
  changedFields,
  MAX_SUMMARY_LINES,
  summariseChanges,
  summariseEntry,
  undoable,
} from '../../client/src/features/account/audit-summary.js';
import { englishI18n } from '../helpers/english-i18n.js';
import { link, organisation } from './client-fixtures.js';

const { t } = englishI18n();
const choir = organisation('o-1', 'Harbour Lights Choir');
const foodBank = organisation('o-2', 'Food Bank');
const MAP_NAMES = new Map([
  ['o-1', 'Harbour Lights Choir'],
  ['o-2', 'Food Bank'],
]);
const nameOf = (id: string) => MAP_NAMES.get(id) ?? null;

function nodeChange(before: GraphNode | null, after: GraphNode | null): AuditChange {
  const id = (after ?? before)?.id ?? '';
  return { entity: 'node', id, before, after };
}

const ANN = {
  id: 'u-1',
  email: 'ann@example.org',
  name: 'Ann',
  role: 'viewer' as const,
  personId: null,
  disabled: false,
  invitationPending: true,
  createdAt: '2026-11-01T10:00:00Z',
};

describe('summariseChanges', () => {
  it('says who was invited, and what changed on an account (the password by name only)', () => {
    const invited: AuditChange = {
      entity: 'user',
      id: 'u-1',
      before: null,
      after: ANN,
      passwordChanged: false,
    };
    expect(summariseChanges([invited], nameOf, t)).toEqual(['Invited ann@example.org as Viewer']);
    const promoted: AuditChange = {
      entity: 'user',
      id: 'u-1',
      before: ANN,
      after: { ...ANN, role: 'editor', invitationPending: false },
      passwordChanged: true,
    };
    expect(summariseChanges([promoted], nameOf, t)).toEqual([
      'Changed the account ann@example.org: role, invitation, password',
    ]);
    expect(undoable({ undoneBy: null, action: 'updateUser' })).toBe(false);
  });

  it('names the node and the fields an update changed', () => {
    const after = { ...choir, description: 'Sings on Fridays', updatedAt: '2024-05-01T10:00:00Z' };
    expect(summariseChanges([nodeChange(choir, after)], nameOf, t)).toEqual([
      'Updated Harbour Lights Choir: description',
    ]);
  });

  it('lists several changed fields in words, leaving out the timestamps', () => {
    const after = { ...choir, name: 'Harbour Lights', website: 'https://choir.example.org' };
    expect(summariseChanges([nodeChange(choir, after)], nameOf, t)).toEqual([
      'Updated Harbour Lights: name, website',
    ]);
  });

  it('says what was added and deleted', () => {
    expect(summariseChanges([nodeChange(null, foodBank)], nameOf, t)).toEqual(['Added Food Bank']);
    expect(summariseChanges([nodeChange(foodBank, null)], nameOf, t)).toEqual([
      'Deleted Food Bank',
    ]);
  });

  it("names a link's ends from the map, and its kind", () => {
    const added = link('l-1', 'COLLABORATES_WITH', 'o-1', 'o-2');
    expect(
      summariseChanges([{ entity: 'link', id: 'l-1', before: null, after: added }], nameOf, t),
    ).toEqual(['Linked Harbour Lights Choir → Food Bank (Collaborates with)']);
    expect(
      summariseChanges([{ entity: 'link', id: 'l-1', before: added, after: null }], nameOf, t),
    ).toEqual(['Removed the link Harbour Lights Choir → Food Bank (Collaborates with)']);
  });

  it('names the ends of a link to a node created in the same entry, and unknown ones as such', () => {
    const newcomer = organisation('o-9', 'Repair Café');
    const added = link('l-2', 'MEMBER_OF', 'o-9', 'o-404');
    const lines = summariseChanges(
      [nodeChange(null, newcomer), { entity: 'link', id: 'l-2', before: null, after: added }],
      nameOf,
      t,
    );
    expect(lines).toEqual([
      'Added Repair Café',
      'Linked Repair Café → an unknown node (Member of)',
    ]);
  });

  it('tells moves in one line', () => {
    const moves: AuditChange[] = ['o-1', 'o-2', 'o-3'].map((id) => ({
      entity: 'position',
      id,
      before: { x: 0, y: 0 },
      after: { x: 1, y: 1 },
    }));
    expect(summariseChanges(moves.slice(0, 1), nameOf, t)).toEqual(['Moved Harbour Lights Choir']);
    expect(summariseChanges(moves, nameOf, t)).toEqual(['Moved 3 nodes']);
  });

  it('tells a dismissed suggestion and its return', () => {
    const state = { a: 'o-1', b: 'o-2', dismissedAt: '2024-05-01T10:00:00Z', dismissedBy: 'u-1' };
    expect(
      summariseChanges(
        [{ entity: 'dismissal', id: 'o-1|o-2', before: null, after: state }],
        nameOf,
        t,
      ),
    ).toEqual(['Dismissed the suggestion to introduce Harbour Lights Choir and Food Bank']);
    expect(
      summariseChanges(
        [{ entity: 'dismissal', id: 'o-1|o-2', before: state, after: null }],
        nameOf,
        t,
      ),
    ).toEqual(['Brought back the suggestion to introduce Harbour Lights Choir and Food Bank']);
  });

  it('counts instead of listing when an entry changed many things (an import)', () => {
    const created = Array.from({ length: 40 }, (_, index) =>
      nodeChange(null, organisation(`n-${String(index)}`, `Group ${String(index)}`)),
    );
    const links: AuditChange[] = [
      { entity: 'link', id: 'l-1', before: null, after: link('l-1', 'MEMBER_OF', 'n-1', 'n-2') },
    ];
    const lines = summariseChanges([...created, ...links], nameOf, t);
    expect(lines).toEqual(['Added 40 nodes', 'Added 1 link']);
    expect(lines.length).toBeLessThanOrEqual(MAX_SUMMARY_LINES);
  });
});

describe('summariseEntry', () => {
  const created = Array.from({ length: 20 }, (_, index) =>
    nodeChange(null, organisation(`n-${String(index)}`, `Group ${String(index)}`)),
  );

  it('counts the changes a page carries of a big entry, then how many more it has', () => {
    expect(summariseEntry({ changes: created, changeCount: 1250 }, nameOf, t)).toEqual([
      'Added 20 nodes',
      '…and 1,230 more changes',
    ]);
  });

  it('tells an entry that is all there as summariseChanges does', () => {
    const one = [nodeChange(null, foodBank)];
    expect(summariseEntry({ changes: one, changeCount: 1 }, nameOf, t)).toEqual([
      'Added Food Bank',
    ]);
  });
});

describe('changedFields', () => {
  it('compares lists and objects by value', () => {
    expect(changedFields({ ...choir, values: ['music'] }, { ...choir, values: ['music'] })).toEqual(
      [],
    );
    expect(changedFields(choir, { ...choir, values: ['music'] })).toEqual(['values']);
  });
});

describe('actorName', () => {
  const actors = { 'u-1': { name: 'Alice', email: 'alice@example.org' } };

  it('names the user, the command line, or a user the page does not know', () => {
    expect(actorName({ actor: 'u-1' }, actors, t)).toBe('Alice');
    expect(actorName({ actor: null }, actors, t)).toBe('Command line or seed');
    expect(actorName({ actor: 'u-9' }, actors, t)).toBe('A former user');
  });
});

describe('undoable', () => {
  it('offers Undo unless the entry was undone or replaced the whole network', () => {
    expect(undoable({ undoneBy: null, action: 'createLink' })).toBe(true);
    expect(undoable({ undoneBy: 9, action: 'createLink' })).toBe(false);
    expect(undoable({ undoneBy: null, action: 'restore' })).toBe(false);
  });
});
