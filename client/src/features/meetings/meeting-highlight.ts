/**
 * The map's meeting filter (`?meeting=ID`) as a highlight: the links formed at that meeting and
 * their ends stand out (the meeting itself drawn like a selected node, when the map shows it),
 * everything else fades. Pure, from the map the canvas draws.
 */
import type { MapResponse } from '@octograph/graph-schema';
import type { Highlight } from '../insights/insights-state';

/** The ids of the map's links formed at the meeting. */
export function meetingLinkIds(map: MapResponse, meetingId: string): string[] {
  return map.links.filter((link) => link.meetingId === meetingId).map((link) => link.id);
}

/** The highlight for a meeting: its links, their ends and the meeting. */
export function meetingHighlight(map: MapResponse, meetingId: string): Highlight {
  const links = map.links.filter((link) => link.meetingId === meetingId);
  const onMap = new Set(map.nodes.map((node) => node.id));
  const ends = new Set(links.flatMap((link) => [link.source, link.target]));
  return {
    primary: onMap.has(meetingId) ? [meetingId] : [],
    members: [...ends].filter((id) => onMap.has(id) && id !== meetingId),
    links: links.map((link) => link.id),
  };
}
