/**
 * The meetings screen's pure parts: the quick link form (choices, clearing after Add), the links
 * added in a visit and their Undo, the meeting form's bodies, adding attendees ("did you mean"),
 * the meetings screen and meeting filter in the URL, and the meeting filter's highlight.
 */
import type { Link, MapResponse } from '@octograph/graph-schema';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_FILTERS,
} from '../../client/src/features/filters/filter-state.js';
import { parseViewUrl, serialiseViewUrl } from '../../client/src/features/filters/filter-url.js';
import {
  attendeeChoices,
  didYouMean,
} from '../../client/src/features/meetings/attendee-choices.js';
import {
  createMeetingBody,
  meetingDraft,
  missingFields,
  updateMeetingBody,
} from '../../client/src/features/meetings/meeting-draft.js';
import type { PickerNode } from '../../client/src/features/editing/picker-choices.js';
import {
  meetingHighlight,
  meetingLinkIds,
} from '../../client/src/features/meetings/meeting-highlight.js';
import {
  CLOSED_MEETINGS,
  meetingsScreenReducer,
} from '../../client/src/features/meetings/meetings-screen-state.js';
import {
  acceptsOtherEnd,
  chosenLink,
  EMPTY_QUICK_LINK,
  EMPTY_SESSION,
  linkSessionReducer,
  meetingLinkChoices,
  quickLinkProblem,
  quickLinkReducer,
  quickLinkRow,
  undoableLinks,
  UNDOABLE_LINKS,
  type Linkable,
  type QuickLinkForm,
} from '../../client/src/features/meetings/quick-link-state.js';
import { mapLink, mapNode, mapOrg, organisation, person } from './client-fixtures.js';

const ORG_A: Linkable = { id: 'org-a', name: 'A', kind: 'organisation', orgKind: 'charity' };
const ORG_B: Linkable = { id: 'org-b', name: 'B', kind: 'organisation', orgKind: 'charity' };
const NETWORK_N: Linkable = { id: 'org-n', name: 'N', kind: 'organisation', orgKind: 'network' };
const PERSON_P: Linkable = { id: 'person-p', name: 'P', kind: 'person', orgKind: null };
/** Someone who was not at the meeting, picked from everyone. */
const PERSON_Q = { id: 'person-q', name: 'Q', kind: 'person', orgKind: null } as const;
const ORG_X = { id: 'org-x', name: 'X', kind: 'organisation', orgKind: 'charity' } as const;
const THEME_T = { id: 'theme-t', name: 'T', kind: 'theme', orgKind: null } as const;

const LINKABLE: Linkable[] = [ORG_A, ORG_B, NETWORK_N, PERSON_P];

const ids = (nodes: readonly { id: string }[]) => nodes.map((node) => node.id);

/** A link added at a meeting, as the server answers it. */
function link(id: string, source: string, target: string): Link {
  return {
    id,
    kind: 'COLLABORATES_WITH',
    source,
    target,
    since: '2025-11-20',
    until: null,
    strength: 1,
    notes: '',
    meetingId: 'meeting-m',
    collaborationType: null,
    role: null,
    consent: null,
    createdBy: null,
    createdAt: '2025-11-21T10:00:00.000Z',
    updatedAt: '2025-11-21T10:00:00.000Z',
  };
}

describe('the quick link form', () => {
  const kinds = (first: PickerNode, second: PickerNode) =>
    meetingLinkChoices(first, second).map(({ kind, source, target }) => [
      kind,
      source.id,
      target.id,
    ]);

  it('offers only the kinds the rules allow between the two, the most likely first, each its way round', () => {
    expect(kinds(ORG_A, ORG_B)).toEqual([
      ['COLLABORATES_WITH', 'org-a', 'org-b'],
      ['FUNDS', 'org-a', 'org-b'],
    ]);
    expect(kinds(ORG_A, NETWORK_N)[0]).toEqual(['MEMBER_OF', 'org-a', 'org-n']);
    // A person works at an organisation whichever was picked first.
    expect(kinds(ORG_A, PERSON_P)).toEqual([
      ['WORKS_AT', 'person-p', 'org-a'],
      ['VOLUNTEERS_AT', 'person-p', 'org-a'],
      ['MEMBER_OF', 'person-p', 'org-a'],
    ]);
    expect(kinds(PERSON_P, PERSON_Q)).toEqual([]);
    expect(kinds(ORG_A, THEME_T)).toEqual([]);
  });

  it('lists as the second end only people and organisations the first may be linked with', () => {
    const accepts = acceptsOtherEnd(PERSON_P);
    expect([ORG_A, PERSON_Q, THEME_T, ORG_X].filter(accepts).map((node) => node.id)).toEqual([
      'org-a',
      'org-x',
    ]);
    expect([ORG_A, PERSON_Q, THEME_T].filter(acceptsOtherEnd(null)).map((n) => n.id)).toEqual([
      'org-a',
      'person-q',
    ]);
  });

  it('chooses the most likely kind until another is chosen', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A, second: ORG_B };
    expect(chosenLink(form)?.kind).toBe('COLLABORATES_WITH');
    const funds = quickLinkReducer(form, { type: 'kind', kind: 'FUNDS' });
    expect(quickLinkRow(funds)).toEqual({ source: 'org-a', target: 'org-b', kind: 'FUNDS' });
  });

  it('sends a person and an organisation the way the kind needs, whichever was picked first', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A, second: PERSON_P };
    expect(quickLinkRow(form)).toEqual({ source: 'person-p', target: 'org-a', kind: 'WORKS_AT' });
  });

  it('after Add keeps the first end and the kind, and clears the second end and the note', () => {
    const form: QuickLinkForm = { first: ORG_A, second: ORG_B, kind: null, notes: 'hall' };
    const next = quickLinkReducer(form, { type: 'added', kind: 'FUNDS' });
    expect(next).toEqual({ first: ORG_A, second: null, kind: 'FUNDS', notes: '' });
    // The kept kind is offered again for a pair that may have it…
    expect(chosenLink(quickLinkReducer(next, { type: 'second', node: ORG_X }))?.kind).toBe('FUNDS');
    // …and the most likely one for a pair that may not.
    const person = quickLinkReducer(next, { type: 'second', node: PERSON_P });
    expect(chosenLink(person)?.kind).toBe('WORKS_AT');
  });

  it('lets go of a second end the new first cannot be linked with, or that is the new first', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A, second: PERSON_P };
    expect(quickLinkReducer(form, { type: 'first', node: PERSON_Q }).second).toBeNull();
    expect(quickLinkReducer(form, { type: 'first', node: PERSON_P }).second).toBeNull();
    expect(quickLinkReducer(form, { type: 'first', node: ORG_B }).second).toEqual(PERSON_P);
  });

  it('never takes the first end as the second', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A };
    expect(quickLinkReducer(form, { type: 'second', node: ORG_A })).toBe(form);
  });

  it('lets go of one end on Change', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A, second: ORG_B };
    expect(quickLinkReducer(form, { type: 'clear', end: 'first' })).toMatchObject({
      first: null,
      second: ORG_B,
    });
  });

  it('says what is missing before it can be sent, and needs one end from the meeting', () => {
    const problem = (form: Partial<QuickLinkForm>) =>
      quickLinkProblem({ ...EMPTY_QUICK_LINK, ...form }, LINKABLE);
    expect(problem({})).toBe('chooseSource');
    expect(problem({ first: ORG_A })).toBe('chooseTarget');
    expect(problem({ first: PERSON_P, second: PERSON_Q })).toBe('noKind');
    expect(problem({ first: PERSON_Q, second: ORG_X })).toBe('notAtMeeting');
    expect(problem({ first: ORG_A, second: ORG_B })).toBeNull();
    // Someone who was not there, with someone who was.
    expect(problem({ first: ORG_X, second: PERSON_P })).toBeNull();
  });

  it('sends the note only when there is one, and nothing while the form is incomplete', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, first: ORG_A, second: ORG_B };
    expect(quickLinkRow({ ...form, notes: '  ' })).toEqual({
      source: 'org-a',
      target: 'org-b',
      kind: 'COLLABORATES_WITH',
    });
    expect(quickLinkRow({ ...form, notes: ' hall on Tuesdays ' })).toMatchObject({
      notes: 'hall on Tuesdays',
    });
    expect(quickLinkRow({ ...form, second: null })).toBeNull();
  });
});

describe('the links added in a visit', () => {
  it('lists them newest first and says the last was added', () => {
    let session = linkSessionReducer(EMPTY_SESSION, {
      type: 'result',
      created: [link('l1', 'org-a', 'org-b')],
      existing: [],
    });
    session = linkSessionReducer(session, {
      type: 'result',
      created: [link('l2', 'org-a', 'org-c')],
      existing: [],
    });
    expect(ids(session.added)).toEqual(['l2', 'l1']);
    expect(session.notice).toMatchObject({ type: 'added', link: { id: 'l2' } });
  });

  it('says "already linked" for a link that was there, without listing it as added', () => {
    const session = linkSessionReducer(EMPTY_SESSION, {
      type: 'result',
      created: [],
      existing: [link('old', 'org-a', 'org-b')],
    });
    expect(session.added).toEqual([]);
    expect(session.notice).toMatchObject({ type: 'existing', link: { id: 'old' } });
  });

  it('takes an undone link off the list and says so', () => {
    const added = linkSessionReducer(EMPTY_SESSION, {
      type: 'result',
      created: [link('l1', 'org-a', 'org-b'), link('l2', 'org-a', 'org-c')],
      existing: [],
    });
    const undone = linkSessionReducer(added, { type: 'undone', id: 'l2' });
    expect(ids(undone.added)).toEqual(['l1']);
    expect(undone.notice).toMatchObject({ type: 'undone', link: { id: 'l2' } });
    expect(linkSessionReducer(undone, { type: 'undone', id: 'l2' })).toBe(undone);
  });

  it('keeps an Undo for the last few links only', () => {
    const created = Array.from({ length: UNDOABLE_LINKS + 2 }, (_, index) =>
      link(`l${String(index)}`, 'org-a', 'org-b'),
    );
    const session = linkSessionReducer(EMPTY_SESSION, { type: 'result', created, existing: [] });
    const undoable = undoableLinks(session);
    expect(undoable).toHaveLength(UNDOABLE_LINKS);
    expect(undoable[0]?.id).toBe(`l${String(UNDOABLE_LINKS + 1)}`);
  });
});

describe('the meeting form', () => {
  it('starts a new meeting today, with nothing else filled in', () => {
    expect(meetingDraft(null, '2025-11-21')).toEqual({
      name: '',
      date: '2025-11-21',
      venue: '',
      organiser: '',
      notes: '',
    });
  });

  it('needs a title and a date', () => {
    expect(missingFields(meetingDraft(null, ''))).toEqual(['name', 'date']);
    expect(missingFields({ ...meetingDraft(null, '2025-11-21'), name: ' Breakfast ' })).toEqual([]);
  });

  it('sends blanks as null and trims the rest', () => {
    const draft = {
      name: ' Breakfast ',
      date: '2025-11-21',
      venue: ' ',
      organiser: 'KVA',
      notes: '',
    };
    expect(createMeetingBody(draft)).toEqual({
      kind: 'meeting',
      name: 'Breakfast',
      date: '2025-11-21',
      venue: null,
      organiser: 'KVA',
      notes: '',
    });
    expect(updateMeetingBody(draft)).toMatchObject({ kind: 'meeting', venue: null });
  });
});

describe('adding attendees', () => {
  it('offers people and organisations not already attending', () => {
    const attendees = [
      {
        id: 'org-a',
        kind: 'organisation' as const,
        name: 'A',
        role: null,
        organisations: [],
        consent: null,
        attendanceLinkId: 'att-1',
      },
    ];
    const results = [organisation('org-a', 'A'), organisation('org-b', 'B'), person('p', 'P')];
    expect(ids(attendeeChoices(results, attendees))).toEqual(['org-b', 'p']);
  });

  it('asks "did you mean" about similar names of the same kind only', () => {
    const similar = [
      { id: 'org-bb', name: 'Brookside Befriending', kind: 'organisation' as const },
      { id: 'person-b', name: 'Brook Side', kind: 'person' as const },
    ];
    expect(didYouMean('Brookside Befriendin', 'organisation', similar, [])).toEqual([
      { id: 'org-bb', name: 'Brookside Befriending', kind: 'organisation', attending: false },
    ]);
    expect(didYouMean('  ', 'organisation', similar, [])).toEqual([]);
  });

  it('marks a similar name already on the attendee list, so it is not added again', () => {
    const similar = [{ id: 'person-a', name: 'Ann Lee', kind: 'person' as const }];
    const attendees = [
      {
        id: 'person-a',
        kind: 'person' as const,
        name: 'Ann Lee',
        role: null,
        organisations: [],
        consent: null,
        attendanceLinkId: 'att-1',
      },
    ];
    expect(didYouMean('Ann Le', 'person', similar, attendees)).toEqual([
      { id: 'person-a', name: 'Ann Lee', kind: 'person', attending: true },
    ]);
  });
});

describe('the meetings screen and the meeting filter in the URL', () => {
  it('opens a meeting, goes back to the list, and leaves for the map keeping the meeting', () => {
    const shown = meetingsScreenReducer(CLOSED_MEETINGS, { type: 'showMeeting', id: 'm-1' });
    expect(shown).toEqual({ open: true, meetingId: 'm-1' });
    const closed = meetingsScreenReducer(shown, { type: 'close' });
    expect(closed).toEqual({ open: false, meetingId: 'm-1' });
    expect(meetingsScreenReducer(closed, { type: 'toggle' })).toEqual(shown);
    expect(meetingsScreenReducer(shown, { type: 'showList' })).toEqual({
      open: true,
      meetingId: null,
    });
  });

  it('round-trips the open meeting and the meeting filter', () => {
    const view = {
      filters: { ...EMPTY_FILTERS, meeting: 'meeting-x' },
      node: null,
      depth: null,
      meetings: { open: true, meetingId: 'meeting-y' },
    };
    const query = serialiseViewUrl(view);
    expect(query).toBe('?meeting=meeting-x&view=meetings&openMeeting=meeting-y');
    expect(parseViewUrl(query)).toEqual(view);
  });

  it('writes nothing for a closed meetings screen and no meeting filter', () => {
    expect(
      serialiseViewUrl({
        filters: EMPTY_FILTERS,
        node: null,
        depth: null,
        meetings: { open: false, meetingId: 'meeting-y' },
      }),
    ).toBe('');
    expect(parseViewUrl('?openMeeting=meeting-y')).toEqual({
      filters: EMPTY_FILTERS,
      node: null,
      depth: null,
    });
  });

  it('drops a malformed meeting id', () => {
    expect(parseViewUrl(`?meeting=${encodeURIComponent('bad id!')}`).filters.meeting).toBe(
      undefined,
    );
  });

  it('counts the meeting filter among the active filters', () => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, meeting: 'meeting-x' })).toBe(1);
  });
});

describe('the meeting filter on the map', () => {
  const map: MapResponse = {
    revision: 1,
    nodes: [
      mapOrg('org-a', 'charity'),
      mapOrg('org-b', 'charity'),
      mapOrg('org-c', 'charity'),
      mapNode('meeting-m', 'meeting'),
    ],
    links: [
      { ...mapLink('l-ab', 'COLLABORATES_WITH', 'org-a', 'org-b'), meetingId: 'meeting-m' },
      mapLink('l-bc', 'COLLABORATES_WITH', 'org-b', 'org-c'),
      { ...mapLink('l-ac', 'COLLABORATES_WITH', 'org-a', 'org-c'), meetingId: 'meeting-other' },
    ],
  };

  it("highlights exactly the meeting's links, their ends and the meeting", () => {
    expect(meetingLinkIds(map, 'meeting-m')).toEqual(['l-ab']);
    expect(meetingHighlight(map, 'meeting-m')).toEqual({
      primary: ['meeting-m'],
      members: ['org-a', 'org-b'],
      links: ['l-ab'],
    });
  });

  it('highlights nothing for a meeting with no links on the map', () => {
    expect(meetingHighlight(map, 'meeting-none')).toEqual({ primary: [], members: [], links: [] });
  });
});
