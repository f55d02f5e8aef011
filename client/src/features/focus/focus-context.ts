import { createContext, useContext, type Dispatch } from 'react';
import type { FocusAction, FocusState } from './focus-state';

export interface FocusContextValue {
  state: FocusState;
  dispatch: Dispatch<FocusAction>;
}

export const FocusContext = createContext<FocusContextValue | null>(null);

/** The focus depth and its dispatcher; only inside FocusProvider. */
export function useFocusMode(): FocusContextValue {
  const value = useContext(FocusContext);
  if (value === null) throw new Error('useFocusMode must be used inside <FocusProvider>');
  return value;
}
