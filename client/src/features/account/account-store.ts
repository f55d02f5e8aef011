/**
 * The account screens' UI state in two small stores: whether the sign-in screen was asked for
 * (the header's Sign in, a sign-out, an ended session) and the invitation being answered; and
 * which account dialog is open (the header menu and the command registry both open them).
 */
import { createStore, useStoreState } from '../../ui/create-store';
import {
  accountScreenReducer,
  inviteTokenOf,
  type AccountDialogId,
  type AccountScreenAction,
  type AccountScreenState,
} from './access';

// An invitation link opens the page at `/?invite=TOKEN`.
const accountScreenStore = createStore<AccountScreenState, AccountScreenAction>(
  accountScreenReducer,
  { signInAsked: false, invite: inviteTokenOf(window.location.search) },
);

export function useAccountScreenState(): AccountScreenState {
  return useStoreState(accountScreenStore);
}

export const dispatchAccountScreen = (action: AccountScreenAction): void => {
  accountScreenStore.dispatch(action);
};

const accountDialogStore = createStore<AccountDialogId | null, AccountDialogId | null>(
  (_state, next) => next,
  null,
);

/** The account dialog open now, or null. */
export function useAccountDialog(): AccountDialogId | null {
  return useStoreState(accountDialogStore);
}

/** Opens an account dialog (null closes it). */
export const openAccountDialog = (dialog: AccountDialogId | null): void => {
  accountDialogStore.dispatch(dialog);
};
