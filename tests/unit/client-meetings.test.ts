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
import {
  meetingHighlight,
  meetingLinkIds,
} from '../../client/src/features/meetings/meeting-highlight.js';
import {
  CLOSED_MEETINGS,
  meetingsScreenReducer,
} from '../../client/src/features/meetings/meetings-screen-state.js';
import {
  EMPTY_QUICK_LINK,
  EMPTY_SESSION,
  linkSessionReducer,
  quickLinkProblem,
  quickLinkReducer,
  quickLinkRow,
  sourceChoices,
  targetChoices,
  undoableLinks,
  UNDOABLE_LINKS,
  type Linkable,
  type QuickLinkForm,
} from '../../client/src/features/meetings/quick-link-state.js';
import { mapLink, mapNode, mapOrg, organisation, person } from './client-fixtures.js';

const LINKABLE: Linkable[] = [
  { id: 'org-a', name: 'A', kind: 'organisation' },
  { id: 'org-b', name: 'B', kind: 'organisation' },
  { id: 'org-c', name: 'C', kind: 'organisation' },
  { id: 'person-p', name: 'P', kind: 'person' },
];

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
  it('defaults to "works with" between organisations only', () => {
    expect(EMPTY_QUICK_LINK.kind).toBe('COLLABORATES_WITH');
    expect(ids(sourceChoices('COLLABORATES_WITH', LINKABLE))).toEqual(['org-a', 'org-b', 'org-c']);
  });

  it('never offers the first end as the second', () => {
    expect(ids(targetChoices('COLLABORATES_WITH', LINKABLE, 'org-b'))).toEqual(['org-a', 'org-c']);
  });

  it('offers people as the first end of "works at", organisations as the second', () => {
    expect(ids(sourceChoices('WORKS_AT', LINKABLE))).toEqual(['person-p']);
    expect(ids(targetChoices('WORKS_AT', LINKABLE, 'person-p'))).toEqual([
      'org-a',
      'org-b',
      'org-c',
    ]);
  });

  it('lets go of an end the new kind cannot join', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, source: 'org-a', target: 'org-b' };
    const next = quickLinkReducer(form, { type: 'kind', kind: 'WORKS_AT', linkable: LINKABLE });
    expect(next).toMatchObject({ kind: 'WORKS_AT', source: '', target: 'org-b' });
    const kept = quickLinkReducer(form, { type: 'kind', kind: 'FUNDS', linkable: LINKABLE });
    expect(kept).toMatchObject({ kind: 'FUNDS', source: 'org-a', target: 'org-b' });
  });

  it('clears the second end when it is chosen as the first', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, source: 'org-a', target: 'org-b' };
    expect(quickLinkReducer(form, { type: 'source', id: 'org-b' })).toMatchObject({
      source: 'org-b',
      target: '',
    });
  });

  it('after Add clears the pickers and the note but keeps the kind', () => {
    const form: QuickLinkForm = { source: 'org-a', target: 'org-b', kind: 'FUNDS', notes: 'x' };
    expect(quickLinkReducer(form, { type: 'added' })).toEqual({
      ...EMPTY_QUICK_LINK,
      kind: 'FUNDS',
    });
  });

  it('says what is missing before it can be sent', () => {
    expect(quickLinkProblem(EMPTY_QUICK_LINK)).toBe('chooseSource');
    expect(quickLinkProblem({ ...EMPTY_QUICK_LINK, source: 'org-a' })).toBe('chooseTarget');
    expect(quickLinkProblem({ ...EMPTY_QUICK_LINK, source: 'org-a', target: 'org-b' })).toBeNull();
  });

  it('sends the note only when there is one', () => {
    const form: QuickLinkForm = { ...EMPTY_QUICK_LINK, source: 'org-a', target: 'org-b' };
    expect(quickLinkRow({ ...form, notes: '  ' })).toEqual({
      source: 'org-a',
      target: 'org-b',
      kind: 'COLLABORATES_WITH',
    });
    expect(quickLinkRow({ ...form, notes: ' hall on Tuesdays ' })).toMatchObject({
      notes: 'hall on Tuesdays',
    });
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
