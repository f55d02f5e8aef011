/**
 * The meetings screen in one small store: the header button, the page, the details panel (a
 * link's meeting) and the map's meeting filter all open it, and they share no provider.
 */
import { createStore, useStoreState } from '../../ui/create-store';
import {
  meetingsScreenReducer,
  readMeetingsScreen,
  type MeetingsScreen,
  type MeetingsScreenAction,
} from './meetings-screen-state';

// Started from the URL the page was opened at, like the filters (main.tsx).
export const meetingsScreenStore = createStore<MeetingsScreen, MeetingsScreenAction>(
  meetingsScreenReducer,
  readMeetingsScreen(new URLSearchParams(window.location.search)),
);

/** Whether the meetings show, and which one; re-renders on change. */
export function useMeetingsScreen(): MeetingsScreen {
  return useStoreState(meetingsScreenStore);
}

/** Opens, closes or moves within the meetings screen. */
export const dispatchMeetingsScreen = (action: MeetingsScreenAction): void => {
  meetingsScreenStore.dispatch(action);
};
