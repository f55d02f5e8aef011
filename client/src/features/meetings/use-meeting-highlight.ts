import type { MapResponse } from '@octograph/graph-schema';
import { useMemo } from 'react';
import { useFilters } from '../filters/filters-context';
import type { Highlight } from '../insights/insights-state';
import { meetingHighlight } from './meeting-highlight';

/** The map's meeting filter and its highlight on `map` (both null while no meeting is chosen). */
export function useMeetingHighlight(map: MapResponse): {
  meetingId: string | null;
  highlight: Highlight | null;
} {
  const { filters } = useFilters();
  const meetingId = filters.meeting ?? null;
  return useMemo(
    () => ({
      meetingId,
      highlight: meetingId === null ? null : meetingHighlight(map, meetingId),
    }),
    [map, meetingId],
  );
}
